"""Feed ingestion: polite HTTP fetching and tolerant RSS/RDF/Atom parsing into plain-text items."""

from __future__ import annotations

import asyncio
import codecs
import hashlib
import html
import io
import ipaddress
import re
import socket
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import aiohttp
import feedparser
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

__all__ = [
    "DEFAULT_ACCEPT",
    "FeedError",
    "FeedItem",
    "FetchResult",
    "HttpFetcher",
    "ParsedFeed",
    "RefusedAddress",
    "clean_text",
    "normalise_link",
    "parse_feed",
    "strip_invisible",
]


class FeedError(Exception):
    """A feed could not be fetched or parsed; `reason` is a short human line for logs and /stats."""

    reason: str

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RefusedAddress(FeedError):
    """The URL leads to a private, loopback, link-local or otherwise non-public address that no
    configured feed lives on: fetching it would publish what the bot can see inside its network."""


# --------------------------------------------------------------------------- text and links

_SKIP_BLOCK_RE = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.S)
_CDATA_RE = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_BREAK_TAG_RE = re.compile(
    r"<\s*(?:br|/?p|/?div|/?li|/?ul|/?ol|/?h[1-6]|/?blockquote|/?tr|/?table|/?section|/?article)"
    r"\b[^<>]*>",
    re.I,
)
# A tag starts with a letter, "/", "!" or "?" so that text like "a < b" survives.
_TAG_RE = re.compile(r"<[a-zA-Z/!?][^<>]*>")
_SPACE_RE = re.compile(r"[^\S\n]+")
_MANY_NL_RE = re.compile(r"\s*\n\s*")
_PARA_SPLIT_RE = re.compile(r"\n\s*\n")
# NBSP, narrow NBSP and figure space read as spaces.
_INVISIBLE = {0xA0: " ", 0x202F: " ", 0x2007: " "}
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")
# Unicode category Cf (format characters, Unicode 15.1): bidi embeddings, overrides and isolates,
# zero-width spaces and joiners, word joiners, the soft hyphen, interlinear annotations, tags.
_FORMAT_CLASS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_EMOJI = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf"
    "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\ufe0f\U0001f000-\U0001faff"
)
_FORMAT_RE = re.compile(
    # Kept: a ZWJ joining two emoji (👩‍🔬) and the tag run of a subdivision flag (🏴 + tags).
    f"(?P<keep>(?<=[{_EMOJI}])\u200d(?=[{_EMOJI}])|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f)"
    f"|[{_FORMAT_CLASS}]"
)


def _keep_or_drop(match: re.Match[str]) -> str:
    return match.group("keep") or ""


def strip_invisible(text: str) -> str:
    """Drop format characters that change how text reads or hide in it (U+202E reverses a
    title, U+200B splits a search word); a ZWJ inside an emoji sequence stays."""
    return _FORMAT_RE.sub(_keep_or_drop, text)


def _html_to_text(raw: str, *, paragraphs: bool) -> str:
    """Strip markup and decode entities until stable: feeds often escape HTML twice."""
    text = raw
    for _ in range(4):
        before = text
        text = _CDATA_RE.sub(r"\1", text)
        text = _SKIP_BLOCK_RE.sub(" ", text)
        text = _COMMENT_RE.sub(" ", text)
        text = _BREAK_TAG_RE.sub("\n\n" if paragraphs else " ", text)
        text = _TAG_RE.sub("", text)
        text = html.unescape(text)
        if text == before:
            break
    text = strip_invisible(_CONTROL_RE.sub("", text.translate(_INVISIBLE)))
    if not paragraphs:
        return " ".join(text.split())
    parts = (" ".join(p.split()) for p in _PARA_SPLIT_RE.split(text.replace("\r", "\n")))
    return "\n\n".join(p for p in parts if p)


def clean_text(raw: str) -> str:
    """Plain one-line text: tags stripped, entities decoded until stable, spaces collapsed."""
    return _html_to_text(raw, paragraphs=False)


_TRACKING_PARAMS = frozenset({"fbclid", "yclid", "gclid", "_openstat"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_link(url: str) -> str:
    """Identity form of a URL: lowercase scheme/host; no default port, fragment or trackers."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if not scheme or not parts.netloc:
        return url
    host = (parts.hostname or "").lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    netloc = f"{userinfo}@{host}" if userinfo else host
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        netloc = f"{netloc}:{port}"
    kept = [
        pair
        for pair in parts.query.split("&")
        if pair
        and not pair.split("=", 1)[0].lower().startswith("utm_")
        and pair.split("=", 1)[0].lower() not in _TRACKING_PARAMS
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", "&".join(kept), ""))


def _absolute_http(candidate: str | None, base: str) -> str | None:
    """Resolve against the feed's base; anything that is not http(s) afterwards is dropped."""
    if not candidate:
        return None
    candidate = candidate.strip()
    if not candidate:
        return None
    try:
        resolved = urljoin(base, candidate)
        parts = urlsplit(resolved)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return resolved


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One feed entry reduced to plain text; `key` is its identity within the feed."""

    key: str
    guid: str | None
    link: str | None
    title: str
    teaser: str
    content: str | None
    published: datetime | None
    category: str | None
    image_url: str | None
    needs_page: bool


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A parsed feed: items in feed order, duplicates by key dropped."""

    title: str | None
    items: tuple[FeedItem, ...]


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_DECL_RE = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.I)
_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
_HTML_ROOT_RE = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html[^>]*>|<html[\s>])", re.I | re.S
)
_DOCTYPE_RE = re.compile(r"<!DOCTYPE\b", re.I)
_ELEMENT_RE = re.compile(r"<[A-Za-z_:]")
_ENTITY_DECL_RE = re.compile(r"<!ENTITY\s+([A-Za-z_:][\w.:-]*)")
_ENTITY_REF_RE = re.compile(r"&([A-Za-z_:][\w.:-]*);")
_TRUNCATED_RE = re.compile(
    r"(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\)"
    r"|(?:read more|continue reading|читать далее|подробнее)\W*)$",
    re.I,
)
_TITLE_FROM_TEASER = 100

# Caps on every item field after parsing: a feed is untrusted, and a field is stored, indexed for
# search and rendered, so one hostile entry must not weigh more than a long real article.
MAX_TITLE_CHARS = 1_000
MAX_TEASER_CHARS = 5_000
MAX_CONTENT_CHARS = 200_000
MAX_CATEGORY_CHARS = 200
MAX_URL_CHARS = 2_048
MAX_GUID_CHARS = 1_000
MAX_ITEMS = 1_000
"""Entries read from one feed body (feeds list the newest first; real ones carry 10-100)."""
_MAX_RAW_CHARS = 2_000_000
"""Raw markup of one field is cut to this before cleaning, so cleaning cost stays bounded."""


def _charset_from_header(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _CHARSET_RE.search(content_type)
    return match.group(1) if match else None


def _decode_feed(body: bytes, content_type: str | None) -> str:
    """Pick the encoding: BOM, then HTTP charset, then XML prolog, then UTF-8, then windows-1251.

    Each candidate must decode strictly, so a wrong HTTP header does not garble a correct prolog.
    """
    candidates: list[str] = []
    for bom, name in _BOMS:
        if body.startswith(bom):
            candidates.append(name)
            break
    header = _charset_from_header(content_type)
    if header:
        candidates.append(header)
    match = _XML_DECL_RE.match(body[:512].lstrip(codecs.BOM_UTF8))
    if match:
        candidates.append(match.group(1).decode("ascii"))
    candidates += ["utf-8", "cp1251"]
    for name in candidates:
        try:
            text = body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        return text.lstrip("\ufeff")
    return body.decode("utf-8", errors="replace")


def _cap(text: str, limit: int) -> str:
    """Cut at a word boundary with "…" when over `limit` characters."""
    return _shorten(text, limit) if len(text) > limit else text


def _cap_paragraphs(text: str, limit: int) -> str:
    """Cut long text at a paragraph boundary when one is near enough, else at a word."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit("\n\n", 1)[0]
    return cut if len(cut) > limit // 2 else _shorten(text, limit)


def _literal_ref(declared: set[str], ref: re.Match[str]) -> str:
    return f"&amp;{ref[1]};" if ref[1] in declared else ref[0]


def _strip_doctype(text: str) -> str:
    """Remove the DOCTYPE: a feed needs none, and its internal subset can declare entities that
    expand a 5 MB body into hundreds of millions of characters. References to the entities it
    declared are kept as literal text. Raises FeedError for a DOCTYPE that never ends."""
    match = _DOCTYPE_RE.search(text, 0, 65_536)
    if match is None or _ELEMENT_RE.search(text, 0, match.start()):
        return text
    quote = ""
    depth = 0
    i = match.end()
    end = len(text)
    while i < end:
        ch = text[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif text.startswith("<!--", i):
            close = text.find("-->", i + 4)
            if close < 0:
                break
            i = close + 3
            continue
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == ">" and depth == 0:
            declared = set(_ENTITY_DECL_RE.findall(text, match.end(), i))
            rest = text[i + 1 :]
            if declared:
                # Escaped, the strict parser reads them as text in one fast pass; left undefined,
                # they would send the whole feed to feedparser's slow loose parser.
                rest = _ENTITY_REF_RE.sub(partial(_literal_ref, declared), rest)
            return text[: match.start()] + rest
        i += 1
    raise FeedError("malformed XML: unterminated DOCTYPE")


def _struct_to_utc(value: Any) -> datetime | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:-–—") + "…"


def _image_url(entry: Mapping[str, Any], base: str) -> str | None:
    """An image enclosure first (SPbPU style), then Media RSS thumbnails and contents."""
    for link in entry.get("links") or ():
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/"):
            url = _absolute_http(link.get("href"), base)
            if url:
                return url
    for key in ("media_thumbnail", "media_content"):
        for media in entry.get(key) or ():
            medium = str(media.get("medium", "") or media.get("type", "") or "image")
            if medium.startswith("image"):
                url = _absolute_http(media.get("url"), base)
                if url:
                    return url
    return None


def _entry_base(entry: Mapping[str, Any], url: str) -> str:
    for key in ("summary_detail", "title_detail"):
        detail = entry.get(key)
        if detail and detail.get("base"):
            return urljoin(url, str(detail["base"]))
    return url


def _build_item(entry: dict[str, Any], url: str) -> FeedItem:
    base = _entry_base(entry, url)
    guid = str(entry.get("id") or "").strip() or None
    raw_link = str(entry.get("link") or "").strip()
    if len(raw_link) > MAX_URL_CHARS:
        link = None
    elif entry.get("guidislink") and raw_link == guid:
        # feedparser copies a permalink guid into `link`; trust it only when it is a real URL.
        link = _absolute_http(raw_link, "")
    else:
        link = _absolute_http(raw_link, base)

    raw_summary = str(entry.get("summary") or "")[:_MAX_RAW_CHARS]
    contents = [str(c.get("value") or "")[:_MAX_RAW_CHARS] for c in entry.get("content") or ()]
    # feedparser copies Atom <content> into `summary` when there is no <summary>.
    if raw_summary and raw_summary in contents:
        raw_summary = ""
    teaser = _cap(clean_text(raw_summary), MAX_TEASER_CHARS)
    content_texts = [_html_to_text(c, paragraphs=True) for c in contents]
    full = _cap_paragraphs(max(content_texts, key=len, default=""), MAX_CONTENT_CHARS)
    content = full if full and len(full) > len(teaser) else None

    title = _cap(clean_text(str(entry.get("title") or "")[:_MAX_RAW_CHARS]), MAX_TITLE_CHARS)
    if not title:
        fallback = teaser or (clean_text(full) if full else "")
        title = _shorten(fallback, _TITLE_FROM_TEASER) if fallback else (link or "(untitled)")

    published = None
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get: FeedParserDict.get() maps published→updated with a DeprecationWarning.
        published = _struct_to_utc(dict.get(entry, key))
        if published is not None:
            break

    category = None
    for tag in entry.get("tags") or ():
        raw_term = str(tag.get("term") or tag.get("label") or "")[:_MAX_RAW_CHARS]
        term = clean_text(raw_term).rstrip("/ \\").strip()
        if term:
            category = _cap(term, MAX_CATEGORY_CHARS)
            break

    needs_page = (
        content is None and link is not None and (not teaser or bool(_TRUNCATED_RE.search(teaser)))
    )
    if guid and len(guid) > MAX_GUID_CHARS:
        guid = key = "sha1:" + hashlib.sha1(guid.encode()).hexdigest()
    elif guid:
        key = guid
    elif link:
        key = normalise_link(link)
    else:
        key = "sha1:" + hashlib.sha1(f"{title}\n{teaser}".encode()).hexdigest()
    image_url = _image_url(entry, base)
    return FeedItem(
        key=key,
        guid=guid,
        link=link,
        title=title,
        teaser=teaser,
        content=content,
        published=published,
        category=category,
        image_url=image_url if image_url and len(image_url) <= MAX_URL_CHARS else None,
        needs_page=needs_page,
    )


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse RSS 0.9x-2.0, RDF or Atom bytes; pure and CPU-bound, so callers run it in a thread.

    Raises FeedError when the body is not a feed at all; bozo feeds that still yield entries pass.
    """
    if not body or not body.strip():
        raise FeedError("malformed XML: empty body")
    if _HTML_ROOT_RE.match(body[:4096].lstrip(codecs.BOM_UTF8)):
        raise FeedError("malformed XML: got an HTML page, not a feed")
    text = _strip_doctype(_decode_feed(body, content_type))
    # Hand feedparser UTF-8 with an XML media type, so RFC 3023's us-ascii default for text/xml
    # cannot override the encoding chosen above. No base URL is given on purpose: feedparser would
    # also "resolve" permalink guids like "12345"; links are resolved in _build_item instead.
    parsed = feedparser.parse(
        io.BytesIO(text.encode("utf-8")),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    entries = parsed.get("entries") or []
    feed_meta = parsed.get("feed") or {}
    feed_title = clean_text(str(feed_meta.get("title") or "")) or None
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in entries[:MAX_ITEMS]:
        item = _build_item(entry, url)
        if item.key.startswith("sha1:") and item.title == "(untitled)" and not item.teaser:
            continue  # nothing to identify or show: a fragment of a broken feed
        if item.key not in seen:
            seen.add(item.key)
            items.append(item)
    if parsed.get("bozo") and not items and not feed_title:
        exc = parsed.get("bozo_exception")
        detail = str(exc).splitlines()[0][:120] if exc else "unknown error"
        raise FeedError(f"malformed XML: {detail}")
    if not items and not parsed.get("version") and not feed_title:
        raise FeedError("malformed XML: no feed elements found")
    return ParsedFeed(title=feed_title, items=tuple(items))


# --------------------------------------------------------------------------- fetching


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address; IPv6 forms that embed IPv4 are judged by it."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
    return ip.is_global and not ip.is_multicast


def _host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


class _PublicOnlyResolver(AbstractResolver):
    """Resolves names as usual, then keeps public addresses only, except for trusted hosts:
    the connection can only go to an address that passed the check (no DNS rebinding)."""

    def __init__(self, trusted: set[str]) -> None:
        self._inner = DefaultResolver()
        self._trusted = trusted

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        if host.lower().rstrip(".") in self._trusted:
            return results
        public = [r for r in results if is_public_address(r["host"])]
        if not public:
            shown = ", ".join(sorted({r["host"] for r in results})[:3])
            raise RefusedAddress(f"refused: {host} resolves to a non-public address ({shown})")
        return public

    async def close(self) -> None:
        await self._inner.close()


DEFAULT_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchResult:
    """Outcome of a successful GET; `body` is None exactly when the server answered 304."""

    url: str
    status: int
    body: bytes | None
    etag: str | None
    last_modified: str | None
    content_type: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HttpFetcher:
    """Polite bounded HTTP GET: one request per host at a time, timeout, size and redirect caps."""

    def __init__(
        self,
        *,
        user_agent: str,
        timeout: float = 20.0,
        max_bytes: int = 5_000_000,
        max_redirects: int = 5,
        trust: Iterable[str] = (),
    ) -> None:
        self._trusted: set[str] = set()
        self.trust(*trust)
        self._user_agent = user_agent
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._max_redirects = max_redirects
        self._session: aiohttp.ClientSession | None = None
        self._host_locks: dict[str, asyncio.Lock] = {}

    def trust(self, *urls: str) -> None:
        """Allow the hosts of these URLs even on private addresses: the configured feeds are the
        operator's choice, and article pages on a feed's own host come with it."""
        self._trusted.update(host for host in map(_host_of, urls) if host)

    async def __aenter__(self) -> HttpFetcher:
        connector = aiohttp.TCPConnector(resolver=_PublicOnlyResolver(self._trusted))
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers={"User-Agent": self._user_agent},
            timeout=aiohttp.ClientTimeout(total=None),
            trust_env=False,  # a proxy would connect on our behalf, past the address check
        )
        return self

    def _check_literal(self, url: str) -> None:
        """IP literals skip the resolver, so they are checked here, on every hop."""
        host = _host_of(url)
        if host in self._trusted:
            return
        try:
            ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            return  # a name: the resolver checks what it resolves to
        if not is_public_address(host.strip("[]")):
            raise RefusedAddress(f"refused: {host} is a non-public address")

    def _check_peer(self, url: str, resp: aiohttp.ClientResponse) -> None:
        """The address actually connected to, after the fact: a last line behind the resolver."""
        connection = resp.connection
        transport = connection.transport if connection is not None else None
        peer = transport.get_extra_info("peername") if transport is not None else None
        host = _host_of(url)
        if peer and host not in self._trusted and not is_public_address(str(peer[0])):
            raise RefusedAddress(f"refused: {host} connected to a non-public address ({peer[0]})")

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _lock_for(self, url: str) -> asyncio.Lock:
        parts = urlsplit(url)
        host = f"{(parts.hostname or '').lower()}:{parts.port or ''}"
        lock = self._host_locks.get(host)
        if lock is None:
            lock = self._host_locks[host] = asyncio.Lock()
        return lock

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = DEFAULT_ACCEPT,
    ) -> FetchResult:
        """GET with validators; redirects followed by hand so every hop is checked and counted.

        The timeout covers the whole chain (connect, headers, body) once the first host slot is
        acquired; waiting behind another request to the same host is not counted.
        """
        if self._session is None:
            raise RuntimeError("HttpFetcher must be used as an async context manager")
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified

        current = url
        deadline: float | None = None
        loop = asyncio.get_running_loop()
        for _hop in range(self._max_redirects + 1):
            if urlsplit(current).scheme.lower() not in ("http", "https"):
                raise FeedError("unsupported URL scheme")
            self._check_literal(current)
            async with self._lock_for(current):
                if deadline is None:
                    deadline = loop.time() + self._timeout
                try:
                    async with asyncio.timeout_at(deadline):
                        result, location = await self._one_request(current, headers)
                except TimeoutError:
                    raise FeedError(f"timeout after {self._timeout:g}s") from None
                except (aiohttp.InvalidURL, ValueError):
                    raise FeedError("invalid URL") from None
                except aiohttp.ClientError as exc:
                    detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
                    raise FeedError(f"connection failed: {detail}") from None
            if result is not None:
                if result.not_modified:
                    return FetchResult(
                        url=result.url,
                        status=304,
                        body=None,
                        etag=result.etag or etag,
                        last_modified=result.last_modified or last_modified,
                        content_type=result.content_type,
                    )
                return result
            assert location is not None
            current = location
        raise FeedError(f"too many redirects (over {self._max_redirects})")

    async def _one_request(
        self, url: str, headers: Mapping[str, str]
    ) -> tuple[FetchResult | None, str | None]:
        """One hop: either a final result, or the absolute URL the server redirects to."""
        assert self._session is not None
        async with self._session.get(url, headers=headers, allow_redirects=False) as resp:
            self._check_peer(url, resp)
            status = resp.status
            if status in _REDIRECTS:
                location = resp.headers.get("Location")
                if not location:
                    raise FeedError(f"HTTP {status} without Location")
                target = urljoin(url, location.strip())
                if urlsplit(target).scheme.lower() not in ("http", "https"):
                    raise FeedError("redirect to unsupported scheme")
                return None, target
            if status != 304 and not 200 <= status < 300:
                raise FeedError(f"HTTP {status}")
            body: bytes | None = None
            if status != 304:
                body = await self._read_capped(resp)
            result = FetchResult(
                url=str(resp.url),
                status=status,
                body=body,
                etag=resp.headers.get("ETag"),
                last_modified=resp.headers.get("Last-Modified"),
                content_type=resp.headers.get("Content-Type"),
            )
            return result, None

    async def _read_capped(self, resp: aiohttp.ClientResponse) -> bytes:
        """Stream the body so a lying or absent Content-Length cannot exhaust memory."""
        if resp.content_length is not None and resp.content_length > self._max_bytes:
            raise FeedError(f"body over {self._max_bytes} bytes")
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.content.iter_chunked(_CHUNK):
            size += len(chunk)
            if size > self._max_bytes:
                raise FeedError(f"body over {self._max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)
