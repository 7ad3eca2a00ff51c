"""Feeds and pages are third-party: hostile or odd input must not reach subscribers or the loop."""

from __future__ import annotations

import logging
import time
import unicodedata
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from aiohttp import web

from bot.delivery.audience import Audience
from bot.delivery.rendering import AnnouncementRenderer
from bot.ingest.feeds import (
    MAX_CATEGORY_CHARS,
    MAX_GUID_CHARS,
    MAX_TEASER_CHARS,
    MAX_TITLE_CHARS,
    HttpFetcher,
    clean_text,
    is_public_address,
)
from bot.ingest.poll import Ingestor
from storage.chats import ChatRepository
from storage.db import Database
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository
from storage.partners import PartnerRepository
from tests.conftest import draft
from tests.fakes.news_site import FakeNewsSite

UA = "PartnershipNewsBot-test/1.0"


@pytest.fixture
async def fetcher() -> AsyncIterator[HttpFetcher]:
    async with HttpFetcher(user_agent=UA, timeout=5.0, max_bytes=5_000_000) as client:
        yield client


def ingestor(db: Database, fetcher: HttpFetcher, urls: list[str]) -> Ingestor:
    chats = ChatRepository(db)
    return Ingestor(
        urls=urls,
        interval=60,
        fetcher=fetcher,
        feeds=FeedRepository(db),
        news=NewsRepository(db),
        audience=Audience(chats, PartnerRepository(db)),
        outbox=OutboxRepository(db),
    )


async def subscribe(db: Database, chat_id: int = 1) -> None:
    chats = ChatRepository(db)
    await chats.upsert(chat_id, "private", None, "ru")
    await chats.subscribe(chat_id)


# --------------------------------------------------------------------------- issue 10.9


async def test_an_empty_first_poll_does_not_turn_the_backlog_into_announcements(
    db: Database, fetcher: HttpFetcher
) -> None:
    async with FakeNewsSite(seed=False) as site:
        await subscribe(db)
        pipe = ingestor(db, fetcher, [site.feed_url])
        empty = await pipe.poll()
        assert empty.feeds[0].status == "ok" and empty.feeds[0].new == 0
        for n in range(5):
            site.publish(f"Новость из архива номер {n}", [f"Текст архивной новости {n}. " * 20])
        backlog = await pipe.poll()
        assert backlog.feeds[0].new == 5
        assert (backlog.announced, backlog.deliveries) == (0, 0)
        site.publish("Свежая новость", ["Текст свежей новости о сотрудничестве. " * 20])
        fresh = await pipe.poll()
        assert fresh.feeds[0].new == 1
        assert (fresh.announced, fresh.deliveries) == (1, 1)


# --------------------------------------------------------------------------- issue 10.3


async def test_an_announcement_of_a_huge_paragraph_renders_fast(db: Database) -> None:
    """A correctness guard with a generous bound; figures are in bench/bench_long_run.py."""
    feeds, news = FeedRepository(db), NewsRepository(db)
    [feed] = await feeds.ensure(["http://127.0.0.1:9/rss"])
    # Full stops after one letter look like initials: every one of them is a candidate
    # boundary that is rejected, so the whole paragraph is scanned.
    paragraph = ("Стороны обсудили пункт а. " * 2000)[:50_000]
    [news_id] = await news.add_new(feed.id, [draft("huge", body=paragraph)], announce=True)
    started = time.perf_counter()
    message = await AnnouncementRenderer(news)(news_id, "ru")
    assert time.perf_counter() - started < 1.0
    assert message is not None and "Стороны обсудили пункт а." in message.text


# --------------------------------------------------------------------------- issue 10.4

RLO, LRI, PDI, ZWSP, WJ, ZWJ = "\u202e", "\u2066", "\u2069", "\u200b", "\u2060", "\u200d"
SCIENTIST = "\U0001f469\u200d\U0001f52c"  # woman + ZWJ + microscope: one emoji


async def test_invisible_controls_are_stripped_from_titles_and_article_text(
    db: Database, fetcher: HttpFetcher
) -> None:
    async with FakeNewsSite(seed=True) as site:
        await subscribe(db)
        pipe = ingestor(db, fetcher, [site.feed_url])
        await pipe.poll()  # the backlog, silently
        site.publish(
            f"{SCIENTIST} Политех и {RLO}ахинуЦ{PDI} открыли центр{WJ}",
            [
                f"Стороны подписали {LRI}соглашение{PDI} о создании центра по квантовым "
                f"мате{ZWSP}риалам и договорились о совместной аспирантуре для молодых "
                f"исследователей из обоих университетов.{RLO}",
                f"Центр начнёт работу весной и примет первых{ZWJ} аспирантов осенью.",
            ],
        )
        report = await pipe.poll()
        assert (report.bodies_fetched, report.announced) == (1, 1)
    news = NewsRepository(db)
    [item] = [i for i in await news.latest(10) if "центр" in i.title]
    assert item.title == f"{SCIENTIST} Политех и ахинуЦ открыли центр"
    for text in (item.title, item.text):
        hidden = {ch for ch in text if unicodedata.category(ch) == "Cf"}
        assert hidden <= {ZWJ}
    assert "квантовым материалам" in item.text
    assert "первых аспирантов" in item.text
    assert item.id in [hit.item.id for hit in await news.search("квантовые материалы")]


def test_every_format_character_is_stripped_except_a_zwj_between_emoji() -> None:
    every = "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf")
    assert clean_text(f"a{every}b") == "ab"
    assert clean_text(f"{SCIENTIST}{ZWJ}x") == SCIENTIST + "x"


# --------------------------------------------------------------------------- issue 10.1

SECRET = (
    "Внутренняя страница сервиса учёта: пароль администратора и ключи доступа к базе данных "
    "хранятся здесь. Эта страница не должна попасть ни в объявления, ни в поиск бота. "
)


def _rss(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        "<description>Коротко о главном...</description></item>"
        for title, link in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Новости</title>{entries}</channel></rss>"
    ).encode()


@asynccontextmanager
async def internal_network() -> AsyncIterator[tuple[str, str, list[str]]]:
    """A feed server on 127.0.0.1 and an 'internal service' answering on 127.0.0.1 and 127.0.0.2;
    yields the feed URL, the internal port and the log of requests that reached /secret."""
    reached: list[str] = []
    items: list[tuple[str, str]] = []

    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=_rss(items), content_type="application/rss+xml")

    async def secret(request: web.Request) -> web.Response:
        reached.append(f"{request.host}{request.path}")
        page = f"<html><body><article><h1>Служебное</h1><p>{SECRET * 3}</p></article></body></html>"
        return web.Response(text=page, content_type="text/html")

    async def hop(request: web.Request) -> web.Response:
        raise web.HTTPFound(request.query["to"])

    app = web.Application()
    app.router.add_get("/rss", feed)
    app.router.add_get("/secret", secret)
    app.router.add_get("/hop", hop)
    runner = web.AppRunner(app, shutdown_timeout=0.2)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    await web.TCPSite(runner, "127.0.0.2", port).start()
    feed_url = f"http://127.0.0.1:{port}/rss"
    items += [
        ("Ссылка на имя, что ведёт в локальную сеть", f"http://localhost:{port}/secret"),
        ("Ссылка на частный адрес", f"http://127.0.0.2:{port}/secret"),
        (
            "Перенаправление со страницы ленты",
            f"http://127.0.0.1:{port}/hop?to=http://localhost:{port}/secret",
        ),
    ]
    try:
        yield feed_url, str(port), reached
    finally:
        await runner.cleanup()


async def test_article_links_to_private_addresses_are_refused_and_never_published(
    db: Database, fetcher: HttpFetcher, caplog: pytest.LogCaptureFixture
) -> None:
    async with internal_network() as (feed_url, port, reached):
        await subscribe(db)
        pipe = ingestor(db, fetcher, [feed_url])
        with caplog.at_level(logging.WARNING, logger="bot.ingest.poll"):
            first = await pipe.poll()
            assert first.feeds[0].new == 3
            assert (first.bodies_fetched, first.bodies_failed) == (0, 3)
            again = await pipe.poll(force=True)
            assert (again.bodies_fetched, again.bodies_failed) == (0, 0)  # not retried
        assert reached == []  # the internal service never saw a request
    news = NewsRepository(db)
    for item in await news.latest(10):
        assert item.body is None and item.body_state == "given_up"
        assert "пароль" not in item.text
    assert await news.search("пароль администратора") == []
    refusals = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 3  # once per item
    assert all("non-public address" in line for line in refusals)


async def test_a_feed_on_a_private_host_and_its_own_pages_are_fetched(
    db: Database, fetcher: HttpFetcher
) -> None:
    async with FakeNewsSite(seed=True) as site:
        pipe = ingestor(db, fetcher, [site.feed_url])
        report = await pipe.poll()
    assert report.feeds[0].status == "ok"
    assert (report.bodies_fetched, report.bodies_failed) == (3, 0)


# --------------------------------------------------------------------------- issue 10.2


@asynccontextmanager
async def serve_feed(body: bytes) -> AsyncIterator[str]:
    """One feed body on 127.0.0.1; yields its URL."""

    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=body, content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/rss", feed)
    runner = web.AppRunner(app, shutdown_timeout=0.2)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/rss"
    finally:
        await runner.cleanup()


async def test_declared_entities_do_not_blow_past_the_size_cap(
    db: Database, fetcher: HttpFetcher
) -> None:
    refs = "&lol;" * 300_000  # 1.5 MB of references to a 100-character entity: 30M characters
    body = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "' + "lol " * 25 + '">\n'
        '<!ENTITY copy "&#169;">\n]>\n<rss version="2.0"><channel><title>Лента</title>'
        "<item><title>Бомба &copy; 2026</title><guid>bomb</guid>"
        f"<description>{refs}</description></item></channel></rss>"
    ).encode()
    async with serve_feed(body) as url:
        started = time.process_time()
        report = await ingestor(db, fetcher, [url]).poll()
        spent = time.process_time() - started
    assert report.feeds[0].status == "ok" and report.feeds[0].new == 1
    [item] = await NewsRepository(db).latest(1)
    assert len(item.teaser) <= MAX_TEASER_CHARS
    assert item.title == "Бомба © 2026"  # a declared entity's name, read as the HTML one
    assert spent < 20  # generous: the point is no expansion (it took ~25 s and GBs of memory)


async def test_every_item_field_is_capped(db: Database, fetcher: HttpFetcher) -> None:
    long_link = "http://example.org/" + "a" * 5_000
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Лента</title>'
        f"<item><title>{'Заголовок ' * 10_000}</title><guid>{'g' * 5_000}</guid>"
        f"<link>{long_link}</link><category>{'Рубрика ' * 5_000}</category>"
        f"<description>{'Анонс новости. ' * 50_000}</description>"
        f'<enclosure url="{long_link}.jpg" type="image/jpeg" length="1"/></item>'
        "</channel></rss>"
    ).encode()
    async with serve_feed(body) as url:
        await ingestor(db, fetcher, [url]).poll()
    [item] = await NewsRepository(db).latest(1)
    assert len(item.title) <= MAX_TITLE_CHARS
    assert len(item.teaser) <= MAX_TEASER_CHARS
    assert item.category is not None and len(item.category) <= MAX_CATEGORY_CHARS
    assert len(item.key) <= MAX_GUID_CHARS
    assert item.link is None and item.image_url is None


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("169.254.169.254", False),  # cloud metadata
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fd00::1", False),
        ("fe80::1%eth0", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("2002:c0a8:101::1", False),  # 6to4 of 192.168.1.1
        ("not an address", False),
    ],
)
def test_which_addresses_are_public(address: str, public: bool) -> None:
    assert is_public_address(address) is public


async def test_a_feed_redirecting_to_another_private_host_is_refused(
    db: Database, fetcher: HttpFetcher
) -> None:
    async with internal_network() as (feed_url, port, reached):
        base = feed_url.removesuffix("/rss")
        moved = f"{base}/hop?to=http://localhost:{port}/secret"
        report = await ingestor(db, fetcher, [moved]).poll()
        assert reached == []
    assert report.feeds[0].status == "error"
    assert report.feeds[0].detail.startswith("refused: localhost resolves to a non-public address")
