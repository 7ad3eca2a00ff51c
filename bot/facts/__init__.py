"""Reading stored articles for facts.

The pure extractor, and the service that files its output in the partner registry.
"""
