"""Feeds and pages are third-party: hostile or odd input must not reach subscribers or the loop."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.audience import Audience
from bot.feeds import HttpFetcher
from bot.ingest import Ingestor
from storage.chats import ChatRepository
from storage.db import Database
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository
from storage.partners import PartnerRepository
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
