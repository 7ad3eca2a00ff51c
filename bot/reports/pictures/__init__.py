"""Pictures: a world map of partners and charts, rendered with matplotlib off the event loop."""
