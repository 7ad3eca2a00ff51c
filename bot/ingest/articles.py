"""Full article text from news pages, for feeds that only carry a teaser (SPbPU's RSS does)."""

from __future__ import annotations

import codecs
import html
import logging
import re
from urllib.parse import urljoin

import lxml.etree
import lxml.html
import trafilatura

from bot.ingest.feeds import strip_invisible

__all__ = ["decode_html", "extract_article_text", "page_image"]

log = logging.getLogger(__name__)

MAX_HTML_CHARS = 2_000_000
"""Pages are cut to this many characters before parsing: real articles fit, hostile pages do not."""
MAX_ELEMENTS = 8_000
"""Above this many elements only the lxml fallback runs (news pages have a few thousand)."""
MIN_ARTICLE_CHARS = 200
"""Less text than this is a stub, a listing or an error page rather than an article."""
MAX_ARTICLE_CHARS = 200_000
"""Longer text is cut at a paragraph: it is stored, indexed and read for facts."""

# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
_META_CHARSET_RE = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_as(body: bytes, name: str) -> str | None:
    """Strict decode, except that UTF-8 tolerates a few stray bytes (one broken emoji is common)."""
    try:
        return body.decode(name)
    except UnicodeDecodeError:
        if _codec(name) != "utf-8":
            return None
    text = body.decode(name, errors="replace")
    return text if text.count("\ufffd") <= max(3, len(text) // 1000) else None


def decode_html(body: bytes, content_type: str | None) -> str:
    """Charset from BOM, HTTP header, <meta>, then UTF-8, then cp1251 (old Russian sites).

    Declared single-byte charsets lose to a body that is valid non-ASCII UTF-8: a mislabelled
    UTF-8 page is far more common than cp1251 text that happens to be valid UTF-8.
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            text = _decode_as(body, name)
            if text is not None:
                return text.lstrip("\ufeff")
    declared: list[str] = []
    if content_type:
        match = _HEADER_CHARSET_RE.search(content_type)
        if match:
            declared.append(match.group(1))
    meta = _META_CHARSET_RE.search(body[:8192])
    if meta:
        declared.append(meta.group(1).decode("ascii"))
    utf8_ok = not body.isascii() and _decode_as(body, "utf-8") is not None
    for name in declared:
        codec = _codec(name)
        if codec is None:
            continue
        if utf8_ok and codec not in ("utf-8", "utf-16", "utf-32"):
            break
        text = _decode_as(body, codec)
        if text is not None:
            return text
    text = _decode_as(body, "utf-8")
    if text is not None:
        return text
    return body.decode("cp1251", errors="replace")


# --------------------------------------------------------------------------- extraction

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NOISE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "textarea",
)
_NOISE_ATTR_RE = re.compile(
    r"menu|breadcrumb|share|social|related|footer|subscri|sidebar|banner|cookie|comment"
    r"|poll|advert|promo|tags|pagination|pager",
    re.I,
)
_NOISE_LINE_RE = re.compile(
    r"^(?:©|\(c\)|copyright\b|поделиться|читайте также|читать также|другие новости|похожие новости"
    r"|смотрите также|подпишитесь|share\b|related\b|read also|see also)",
    re.I,
)
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})
_TEXT_BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote", "pre")


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """Lenient lxml parse; None for input lxml refuses (empty, binary, pathological)."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.LxmlError, ValueError):
        return None
    return root if isinstance(root, lxml.html.HtmlElement) else None


def _prune_noise(root: lxml.html.HtmlElement) -> None:
    """Drop chrome around the article; never an element that holds the article itself."""
    for element in list(root.iter(*_NOISE_TAGS)):
        if element.getparent() is not None and not _holds_article(element):
            element.drop_tree()
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if _NOISE_ATTR_RE.search(marker) and not _holds_article(element):
            element.drop_tree()


def _holds_article(element: lxml.html.HtmlElement) -> bool:
    if element.tag in _KEEP_TAGS:
        return True
    return any(True for _ in element.iterdescendants("article", "main", "h1"))


def _paragraphs(text: str) -> list[str]:
    lines = (" ".join(strip_invisible(line).split()) for line in text.splitlines())
    return [line for line in lines if line and not _NOISE_LINE_RE.match(line)]


def _with_trafilatura(root: lxml.html.HtmlElement, url: str | None) -> str | None:
    """trafilatura tuned for precision; it mutates `root`, so callers must not reuse it."""
    try:
        text = trafilatura.extract(
            root,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            output_format="txt",
            deduplicate=False,
            with_metadata=False,
        )
    except Exception:  # a third-party parser on hostile input: any failure means "no text"
        log.debug("trafilatura failed", exc_info=True)
        return None
    if not isinstance(text, str):
        return None
    return "\n\n".join(_paragraphs(text)) or None


def _link_density(element: lxml.html.HtmlElement, length: int) -> float:
    linked = sum(len(a.text_content()) for a in element.iterdescendants("a"))
    return linked / length if length else 1.0


def _with_lxml(root: lxml.html.HtmlElement) -> str | None:
    """Fallback: the container with the most paragraph text, minus link-heavy blocks (mutates)."""
    try:
        _prune_noise(root)
        best: lxml.html.HtmlElement | None = None
        best_score = 0
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            score = sum(len(p.text_content().strip()) for p in element.iterchildren("p"))
            if score > best_score:
                best, best_score = element, score
        if best is None:
            return None
        chunks: list[str] = []
        for block in best.iterdescendants(*_TEXT_BLOCKS):
            if any(parent.tag in _TEXT_BLOCKS for parent in block.iterancestors()):
                continue  # its text is already part of the enclosing block
            text = " ".join(block.text_content().split())
            if text and _link_density(block, len(text)) < 0.5:
                chunks.append(text)
    except (lxml.etree.LxmlError, ValueError, RecursionError):
        return None
    return "\n\n".join(_paragraphs("\n".join(chunks))) or None


def extract_article_text(
    html: str, url: str | None = None, teaser: str | None = None
) -> str | None:
    """Main text of a news page, paragraphs joined by blank lines; None when nothing article-like.
    A text under MIN_ARTICLE_CHARS counts only when it opens as the feed's `teaser` does (a short
    news item, not a menu or a banner).

    CPU-bound and pure: callers run it in a worker thread. Input is capped at MAX_HTML_CHARS and
    pages with more than MAX_ELEMENTS elements skip trafilatura, whose cost grows faster than size.
    """
    if not html or not html.strip():
        return None
    html = _CONTROL_RE.sub("", html[:MAX_HTML_CHARS])
    root = _parse(html)
    if root is None:
        return None
    headline = next(
        (" ".join(strip_invisible(h.text_content()).split()) for h in root.iter("h1")), ""
    )
    size = sum(1 for _ in root.iter())
    text = found = None
    if size <= MAX_ELEMENTS:
        text = found = _with_trafilatura(root, url)
        root = _parse(html) if text is None or len(text) < MIN_ARTICLE_CHARS else None
    if root is not None:
        fallback = _with_lxml(root)
        if fallback is not None and len(fallback) > len(text or ""):
            text = fallback
    # The title is shown from the feed already.
    text, found = (_without(headline, x) for x in (text, found))
    if text is not None and len(text) < MIN_ARTICLE_CHARS:
        text = next((own for x in (found, text) if (own := _own_text(x, teaser))), None)
    if not text or not _looks_like_prose(text):
        return None
    if len(text) > MAX_ARTICLE_CHARS:
        text = text[:MAX_ARTICLE_CHARS].rsplit("\n\n", 1)[0][:MAX_ARTICLE_CHARS]
    return text


def _without(headline: str, text: str | None) -> str | None:
    if text and headline and text.startswith(headline + "\n\n"):
        return text[len(headline) + 2 :]
    return text


def _own_text(text: str | None, teaser: str | None) -> str | None:
    """A short `text` when it is the item's own: it holds the teaser's opening (at least 20
    characters of it, without a cut teaser's ellipsis) and says at least as much as the teaser
    (a page showing a cut of the item would replace it by less). Kept from the paragraph the
    opening is in (a date or a breadcrumb line above it is the page's)."""
    said = " ".join((teaser or "").rstrip(" .…").split())
    opening = said[:60].casefold()
    if not text or len(opening) < 20 or opening not in " ".join(text.split()).casefold():
        return None
    paragraphs = text.split("\n\n")
    start = next(
        (n for n, p in enumerate(paragraphs) if opening[:30] in " ".join(p.split()).casefold()), 0
    )
    own = "\n\n".join(paragraphs[start:])
    return own if len(" ".join(own.split())) >= len(said) else None


def _looks_like_prose(text: str) -> bool:
    """Binary garbage decoded as text is mostly symbols; prose is mostly letters and spaces."""
    sample = text[:20_000]
    wordish = sum(1 for ch in sample if ch.isalpha() or ch.isspace())
    return wordish >= 0.7 * len(sample)


_OG_IMAGE_RE = re.compile(
    r"<meta\b[^>]*?\b(?:property|name)\s*=\s*[\"']og:image(?::url)?[\"'][^>]*>", re.I
)
_CONTENT_RE = re.compile(r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)


def page_image(page: str, url: str | None) -> str | None:
    """The page's og:image as an absolute http(s) URL, or None: the announcement's preview
    image when the feed gives none."""
    for tag in _OG_IMAGE_RE.finditer(page[:200_000]):
        found = _CONTENT_RE.search(tag.group(0))
        if found:
            value = html.unescape(found.group(1) or found.group(2) or "").strip()
            absolute = urljoin(url or "", value)
            if absolute.startswith(("http://", "https://")):
                return absolute
    return None
