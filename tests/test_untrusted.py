"""Feeds and pages are third-party: hostile or odd input must not reach subscribers or the loop."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import AsyncIterator

import pytest

from bot.announce import AnnouncementRenderer
from bot.audience import Audience
from bot.feeds import HttpFetcher, clean_text
from bot.ingest import Ingestor
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
    text = await AnnouncementRenderer(news)(news_id, "ru")
    assert time.perf_counter() - started < 1.0
    assert text is not None and "Стороны обсудили пункт а." in text


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
