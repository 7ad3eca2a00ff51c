"""Who gets an item, how it reads, how it reaches Telegram.

Audience, rendering, the sender and outbox worker, digests, retention of the send history.
"""
