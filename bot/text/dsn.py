"""A database URL's password, found wherever libpq-style URLs may carry it (after the user name
or as a `password` query parameter), and the URL without it for messages and logs."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_HIDDEN = "***"


def dsn_password(url: str) -> str:
    """The password `url` carries ('' when none, or when `url` is no valid URL)."""
    try:
        parts = urlsplit(url)
        given = parts.password or ""
    except ValueError:  # a malformed host or port
        return ""
    query = [v for k, v in parse_qsl(parts.query, keep_blank_values=True) if k == "password"]
    return given or (query[0] if query else "")


def redact_dsn(url: str) -> str:
    """`url` with its password replaced by *** (after the user name and in the query)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "<unreadable database URL>"
    netloc = parts.netloc
    if parts.password is not None:
        netloc = f"{parts.username or ''}:{_HIDDEN}@{host}{port}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = parts.query
    if any(k == "password" for k, _ in pairs):
        query = urlencode([(k, _HIDDEN if k == "password" else v) for k, v in pairs], safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def dsn_place(url: str) -> str:
    """Where `url` points, for messages: scheme, host, port and database, without user,
    password or options."""
    try:
        parts = urlsplit(url)
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "<unreadable database URL>"
    return f"{parts.scheme}://{parts.hostname or 'localhost'}{port}{parts.path}"
