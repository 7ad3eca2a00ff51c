"""Fetching feeds and article pages politely, parsing them, and the poll that stores new items."""
