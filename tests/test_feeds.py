"""Feed parsing on hand-written fixtures and HttpFetcher against real local aiohttp servers."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp import web

from bot.ingest.feeds import (
    FeedError,
    FeedItem,
    HttpFetcher,
    ParsedFeed,
    clean_text,
    normalise_link,
    parse_feed,
)

DATA = Path(__file__).parent / "data" / "feeds"
SPBSTU_RSS = "https://www.spbstu.ru/media/news/rss/"
UA = "partnership-news-bot-tests/1.0"


def load(name: str, url: str, content_type: str | None = None) -> ParsedFeed:
    return parse_feed((DATA / name).read_bytes(), url, content_type)


def by_title(feed: ParsedFeed, start: str) -> FeedItem:
    return next(item for item in feed.items if item.title.startswith(start))


# --------------------------------------------------------------------------- parsing


def test_spbstu_item_is_cleaned_and_flagged_for_the_page() -> None:
    feed = load("spbstu.xml", SPBSTU_RSS, "application/rss+xml; charset=utf-8")
    assert feed.title == "Новости СПбПУ"
    item = by_title(feed, "Политех и Харбинский")
    assert item.teaser == (
        "«Стороны договорились» о совместной магистерской программе "
        "по судостроению и обмене преподавателями..."
    )
    assert "&" not in item.teaser and "\xa0" not in item.teaser
    assert item.needs_page is True
    assert item.content is None
    assert item.published == datetime(2026, 12, 1, 11, 30, tzinfo=UTC)
    assert item.category == "Международная деятельность"
    assert item.image_url == "https://www.spbstu.ru/upload/news/harbin-memorandum.jpg"
    assert (
        item.link == "https://www.spbstu.ru/media/news/partnership/memorandum-harbin-engineering/"
    )
    assert item.key == item.guid == item.link


def test_spbstu_relative_enclosure_and_category_variants() -> None:
    feed = load("spbstu.xml", SPBSTU_RSS)
    visit = by_title(feed, "Делегация Индийского")
    assert visit.category == "Партнёрство"
    assert visit.image_url == "https://www.spbstu.ru/upload/news/iit-delegation.png"
    olympiad = by_title(feed, "Итоги зимней")
    assert olympiad.category == "Образование"
    assert olympiad.needs_page is False  # a whole sentence, not a teaser cut short


def test_duplicate_items_are_dropped_keeping_the_first() -> None:
    feed = load("spbstu.xml", SPBSTU_RSS)
    assert len(feed.items) == 3
    assert len({item.key for item in feed.items}) == 3
    first = feed.items[0]
    assert first.teaser.startswith("«Стороны договорились»")


def test_rss_091_without_guid_or_dates() -> None:
    feed = load("rss091.xml", "http://bulletin.example.edu/rss.xml")
    assert feed.title == "Campus Bulletin"
    assert [item.key for item in feed.items] == [
        "http://bulletin.example.edu/news/reading-room.html",
        "http://bulletin.example.edu/news/exchange.html",
    ]
    assert all(item.published is None and item.guid is None for item in feed.items)
    assert feed.items[1].teaser.endswith("March 1...")
    assert feed.items[1].needs_page is True
    assert feed.items[0].needs_page is False


def test_rdf_rss_1_0() -> None:
    feed = load("rdf.xml", "https://intl.example.ac.in/rss")
    assert feed.title == "International Office"
    (item,) = feed.items
    assert item.title == "Joint laboratory on power electronics launched"
    assert item.link == "https://intl.example.ac.in/news/joint-lab"
    assert item.published == datetime(2026, 11, 20, 2, 45, tzinfo=UTC)
    assert item.category == "Research"


def test_atom_with_content_and_xml_base() -> None:
    feed = load("atom.xml", "https://mirror.example.org/feeds/harbin.atom")
    first, second = feed.items
    assert first.key == "tag:news.example.cn,2026:entry-718"
    assert first.title == "Memorandum with Peter the Great Polytechnic"
    assert first.link == "https://news.example.cn/en/articles/718.html"  # xml:base wins
    assert first.teaser == "A memorandum on joint degrees was signed..."
    assert first.content is not None
    assert first.content.startswith("The two universities signed a memorandum")
    assert "\n\n" in first.content  # paragraphs survive in the full text
    assert first.needs_page is False
    assert first.published == datetime(2026, 11, 28, 4, 0, tzinfo=UTC)
    assert first.category == "Partnership"
    assert first.image_url == "https://news.example.cn/img/718.jpg"
    # No <summary>: the teaser is empty, the content is the full text.
    assert second.teaser == ""
    assert second.content == (
        "Registration for the winter school on robotics is open until December 15."
    )
    assert second.link == "https://news.example.cn/en/articles/719.html"
    assert second.needs_page is False


def test_missing_guid_link_title_and_date() -> None:
    feed = load("missing_fields.xml", "https://sparse.example.org/feeds/all.xml", "text/xml")
    no_guid, no_title, bad_date, relative, js_link = feed.items
    assert no_guid.guid is None
    assert no_guid.key == "https://sparse.example.org/news/no-guid?id=7"

    assert no_title.link is None and no_title.guid is None
    assert no_title.key.startswith("sha1:")
    assert no_title.title.startswith("An item without a title")
    assert no_title.title.endswith("…") and len(no_title.title) <= 100
    assert no_title.needs_page is False  # nothing to fetch

    assert bad_date.key == "sparse-42"  # guid stripped
    assert bad_date.published is None
    assert bad_date.teaser == ""

    assert relative.link == "https://sparse.example.org/feeds/news/relative-only.html"
    assert relative.title == relative.link
    assert relative.needs_page is True

    assert js_link.link is None
    assert js_link.needs_page is False


def test_untitled_item_without_anything_but_an_id() -> None:
    body = (
        b'<rss version="2.0"><channel><title>t</title><item><guid>x-1</guid></item></channel></rss>'
    )
    (item,) = parse_feed(body, "https://example.org/rss").items
    assert item.title == "(untitled)"
    assert item.key == "x-1"


def test_non_url_permalink_guid_is_not_used_as_link() -> None:
    feed = load("markup_titles.xml", "https://example.org/rss")
    assert feed.items[0].guid == "m1"
    assert feed.items[0].link is None


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("cp1251.xml", None),
        ("cp1251.xml", "text/xml"),  # RFC 3023 would say us-ascii; the prolog must win
        ("cp1251_noprolog.xml", "text/xml; charset=windows-1251"),
        ("cp1251_noprolog.xml", None),  # no declaration anywhere: cp1251 fallback
    ],
)
def test_windows_1251_feeds(name: str, content_type: str | None) -> None:
    feed = load(name, "https://old.example.ru/rss", content_type)
    assert feed.title == "Новости университета"
    (item,) = feed.items
    assert item.title == "Соглашение о сотрудничестве с Шанхайским университетом"
    assert item.category == "Международное сотрудничество"
    assert item.published == datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def test_markup_and_entities_in_titles() -> None:
    feed = load("markup_titles.xml", "https://example.org/rss")
    assert feed.title == "Markup & entities"
    first, second = feed.items
    assert first.title == "Соглашение с университетом Цинхуа"
    assert first.teaser == 'Первая строка вторая строка "в кавычках"'
    assert second.title == 'Студенты "Политеха" — призёры хакатона'
    assert second.teaser == "Пробелы и переводы строк…"
    assert second.needs_page is True


def test_undeclared_html_entities_in_raw_xml_are_tolerated() -> None:
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>С&nbsp;пробелом</title><item><guid>1</guid>"
        "<title>Новость&nbsp;&laquo;Политеха&raquo;</title>"
        "<description>Текст&amp;nbsp;тизера...</description>"
        "<link>https://www.spbstu.ru/media/news/a/</link></item></channel></rss>"
    ).encode()
    feed = parse_feed(body, SPBSTU_RSS)
    assert feed.title == "С пробелом"
    (item,) = feed.items
    assert item.title == "Новость «Политеха»"
    assert item.teaser == "Текст тизера..."
    assert item.needs_page is True


def test_broken_xml_raises() -> None:
    with pytest.raises(FeedError) as info:
        load("broken.xml", "https://example.org/rss")
    assert info.value.reason.startswith("malformed XML")


def test_html_page_raises() -> None:
    with pytest.raises(FeedError) as info:
        load("page.html", SPBSTU_RSS, "text/html; charset=utf-8")
    assert info.value.reason.startswith("malformed XML")


@pytest.mark.parametrize("body", [b"", b"   \n", b"plain words", b"\x00\xff\xfe garbage \x01"])
def test_non_feeds_raise(body: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(body, "https://example.org/rss")


def test_bozo_feed_with_entries_is_tolerated() -> None:
    body = (
        b'<rss version="2.0"><channel><title>Half</title>'
        b"<item><title>Fine item</title><link>https://example.org/a</link></item>"
        b"<item><title>Broken & unescaped</title></item>"
    )
    feed = parse_feed(body, "https://example.org/rss")
    assert feed.items[0].title == "Fine item"


def test_clean_text() -> None:
    assert clean_text("&amp;laquo;Политех&amp;raquo;&nbsp;&amp;nbsp;<b>вуз</b>") == "«Политех» вуз"
    assert clean_text("a<br>b<p>c</p>\n\t d") == "a b c d"
    assert clean_text("x < y and 3 > 2") == "x < y and 3 > 2"
    assert clean_text("&amp;lt;i&amp;gt;double&amp;lt;/i&amp;gt;") == "double"
    assert clean_text("") == ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "HTTPS://WWW.SpbSTU.ru:443/Media/News/?utm_source=tg&id=5&fbclid=abc#comments",
            "https://www.spbstu.ru/Media/News/?id=5",
        ),
        ("http://Example.org:80", "http://example.org/"),
        ("http://example.org:8080/a?yclid=1&UTM_medium=x", "http://example.org:8080/a"),
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"),
    ],
)
def test_normalise_link(raw: str, expected: str) -> None:
    assert normalise_link(raw) == expected


# --------------------------------------------------------------------------- fetching

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@asynccontextmanager
async def serve(routes: dict[str, Handler]) -> AsyncIterator[str]:
    """A real HTTP server on 127.0.0.1 with the given GET routes; yields its base URL."""
    app = web.Application()
    for path, handler in routes.items():
        app.router.add_get(path, handler)
    runner = web.AppRunner(app, shutdown_timeout=0.2)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


RSS_BODY = (DATA / "rss091.xml").read_bytes()


async def test_200_with_validators_and_user_agent() -> None:
    seen: list[str] = []

    async def feed(request: web.Request) -> web.Response:
        seen.append(request.headers.get("User-Agent", ""))
        return web.Response(
            body=RSS_BODY,
            headers={
                "ETag": '"v1"',
                "Last-Modified": "Tue, 01 Dec 2026 11:30:00 GMT",
                "Content-Type": "application/rss+xml; charset=iso-8859-1",
            },
        )

    async with serve({"/rss": feed}) as base, HttpFetcher(user_agent=UA, trust=[base]) as fetcher:
        result = await fetcher.fetch(f"{base}/rss")
    assert result.status == 200 and not result.not_modified
    assert result.body == RSS_BODY
    assert result.etag == '"v1"'
    assert result.last_modified == "Tue, 01 Dec 2026 11:30:00 GMT"
    assert result.content_type == "application/rss+xml; charset=iso-8859-1"
    assert result.url == f"{base}/rss"
    assert seen == [UA]


async def test_conditional_request_gets_304() -> None:
    seen: list[tuple[str | None, str | None]] = []

    async def feed(request: web.Request) -> web.Response:
        seen.append(
            (request.headers.get("If-None-Match"), request.headers.get("If-Modified-Since"))
        )
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304)
        return web.Response(body=RSS_BODY, headers={"ETag": '"v1"'})

    async with serve({"/rss": feed}) as base, HttpFetcher(user_agent=UA, trust=[base]) as fetcher:
        first = await fetcher.fetch(f"{base}/rss")
        second = await fetcher.fetch(
            f"{base}/rss", etag=first.etag, last_modified="Tue, 01 Dec 2026 11:30:00 GMT"
        )
    assert seen == [(None, None), ('"v1"', "Tue, 01 Dec 2026 11:30:00 GMT")]
    assert second.status == 304 and second.not_modified
    assert second.body is None
    assert second.etag == '"v1"'  # kept for the next poll even when the 304 omits it


async def test_size_cap_from_content_length() -> None:
    async def big(request: web.Request) -> web.Response:
        return web.Response(body=b"x" * 5000)

    async with (
        serve({"/big": big}) as base,
        HttpFetcher(user_agent=UA, trust=[base], max_bytes=1000) as f,
    ):
        with pytest.raises(FeedError) as info:
            await f.fetch(f"{base}/big")
    assert info.value.reason == "body over 1000 bytes"


async def test_size_cap_while_streaming_chunked_body() -> None:
    async def chunked(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(20):
            await response.write(b"y" * 400)
        await response.write_eof()
        return response

    async with (
        serve({"/c": chunked}) as base,
        HttpFetcher(user_agent=UA, trust=[base], max_bytes=1000) as f,
    ):
        with pytest.raises(FeedError) as info:
            await f.fetch(f"{base}/c")
    assert info.value.reason == "body over 1000 bytes"


async def test_timeout() -> None:
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(3)
        return web.Response(body=b"late")

    async with (
        serve({"/slow": slow}) as base,
        HttpFetcher(user_agent=UA, trust=[base], timeout=0.5) as f,
    ):
        started = time.monotonic()
        with pytest.raises(FeedError) as info:
            await f.fetch(f"{base}/slow")
        elapsed = time.monotonic() - started
    assert info.value.reason == "timeout after 0.5s"
    assert elapsed < 2


@pytest.mark.parametrize("status", [404, 503])
async def test_http_errors(status: int) -> None:
    async def failing(request: web.Request) -> web.Response:
        return web.Response(status=status, text="nope")

    async with serve({"/f": failing}) as base, HttpFetcher(user_agent=UA, trust=[base]) as fetcher:
        with pytest.raises(FeedError) as info:
            await fetcher.fetch(f"{base}/f")
    assert info.value.reason == f"HTTP {status}"


async def test_redirect_chain_within_limit() -> None:
    async def hop(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        target = "/final" if n == 1 else f"../hop/{n - 1}"  # relative Location
        raise web.HTTPFound(target)

    async def final(request: web.Request) -> web.Response:
        return web.Response(body=RSS_BODY, content_type="application/rss+xml")

    routes: dict[str, Handler] = {"/hop/{n}": hop, "/final": final}
    async with (
        serve(routes) as base,
        HttpFetcher(user_agent=UA, trust=[base], max_redirects=3) as fetcher,
    ):
        result = await fetcher.fetch(f"{base}/hop/3")
    assert result.status == 200
    assert result.url == f"{base}/final"
    assert result.body == RSS_BODY


async def test_redirect_loop_fails() -> None:
    async def loop(request: web.Request) -> web.Response:
        raise web.HTTPMovedPermanently("/loop")

    async with serve({"/loop": loop}) as base, HttpFetcher(user_agent=UA, trust=[base]) as fetcher:
        with pytest.raises(FeedError) as info:
            await fetcher.fetch(f"{base}/loop")
    assert info.value.reason == "too many redirects (over 5)"


async def test_redirect_to_other_scheme_fails() -> None:
    async def ftp(request: web.Request) -> web.Response:
        raise web.HTTPFound("ftp://example.org/feed.xml")

    async with serve({"/r": ftp}) as base, HttpFetcher(user_agent=UA, trust=[base]) as fetcher:
        with pytest.raises(FeedError):
            await fetcher.fetch(f"{base}/r")


async def test_requests_to_one_host_are_serialised() -> None:
    active = 0
    peak = 0

    async def slow(request: web.Request) -> web.Response:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.2)
        active -= 1
        return web.Response(body=RSS_BODY)

    async with serve({"/s": slow}) as base, HttpFetcher(user_agent=UA, trust=[base]) as fetcher:
        results = await asyncio.gather(
            fetcher.fetch(f"{base}/s"), fetcher.fetch(f"{base}/s?second=1")
        )
    assert [r.status for r in results] == [200, 200]
    assert peak == 1


async def test_connection_refused_and_bad_scheme() -> None:
    async with serve({}) as base:
        pass  # the port is free again once the server is gone
    async with HttpFetcher(user_agent=UA, trust=[base]) as fetcher:
        with pytest.raises(FeedError) as info:
            await fetcher.fetch(f"{base}/rss")
        assert info.value.reason.startswith("connection failed")
        with pytest.raises(FeedError):
            await fetcher.fetch("file:///etc/passwd")
        with pytest.raises(FeedError):
            await fetcher.fetch("http://")
