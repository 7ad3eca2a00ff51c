"""Shared fixtures: real SQLite in a temp dir, the fake Bot API and a real aiogram Bot on it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher

from bot.app import Services, build_dispatcher, make_bot
from bot.config import Settings
from bot.services import open_services
from storage.chats import ChatRepository
from storage.db import Database
from storage.news import NewsDraft
from tests.fakes.bot_api import FakeBotAPI

# Shaped like a real token (digits, a colon, 35 characters): `python -m bot run` checks the shape.
TOKEN = "123456:TEST-token-0123456789abcdefghijklmn"
ADMIN = 777


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "bot.sqlite3")
    try:
        yield database
    finally:
        await database.close()


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI(token=TOKEN) as fake:
        yield fake


@pytest.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    client = make_bot(TOKEN, api.base_url)
    try:
        yield client
    finally:
        await client.session.close()


def draft(
    key: str,
    title: str = "Заголовок",
    *,
    body: str | None = None,
    teaser: str = "Короткий анонс...",
    link: str | None = None,
    needs_page: bool = False,
    published: datetime | None = None,
    category: str | None = "Международная деятельность",
) -> NewsDraft:
    """A feed item as the ingestion stage hands it to storage."""
    return NewsDraft(
        key=key,
        link_key=link,
        guid=key,
        link=link,
        title=title,
        teaser=teaser,
        body=body,
        category=category,
        image_url=None,
        published_at=published or datetime(2026, 12, 1, 11, 30, tzinfo=UTC),
        needs_page=needs_page,
    )


async def until(check: Callable[[], Awaitable[bool]], within: float = 15.0) -> None:
    """Poll an async condition; fail the test if it is not reached `within` seconds."""
    deadline = time.monotonic() + within
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.05)


class Reply(str):
    """A message as its reader sees it: the rendered text, plus its links and bold runs."""

    entities: list[dict[str, Any]]

    def __new__(cls, text: str, entities: list[dict[str, Any]] | None = None) -> Reply:
        reply = super().__new__(cls, text)
        reply.entities = list(entities or [])
        return reply

    @property
    def links(self) -> list[str]:
        """URLs of the text links, in order."""
        return [str(e["url"]) for e in self.entities if e["type"] == "text_link"]

    def styled(self, kind: str) -> list[str]:
        """The pieces of text shown with one entity type ("bold", "text_link", ...)."""
        units = self.encode("utf-16-le")
        spans = [(e["offset"], e["length"]) for e in self.entities if e["type"] == kind]
        return [units[2 * at : 2 * (at + size)].decode("utf-16-le") for at, size in spans]


@dataclass
class App:
    api: FakeBotAPI
    services: Services
    dp: Dispatcher
    bot: Bot

    async def ask(self, text: str, chat_id: int = 42, **kwargs: object) -> Reply:
        """Send a message as a user and return the bot's reply as the user reads it (rendered)."""
        before = len(self.api.sent_messages(chat_id))
        self.api.push_message(text, chat_id=chat_id, **kwargs)  # type: ignore[arg-type]
        for _ in range(200):
            sent = self.api.sent_messages(chat_id)
            if len(sent) > before:
                call = sent[before]
                assert call.ok, f"the fake Bot API refused the reply: {call.error}"
                return Reply(call.rendered or "", call.result.get("entities"))
            await asyncio.sleep(0.025)
        raise AssertionError(f"no reply to {text!r}")

    async def silence(self, text: str, chat_id: int = 42, **kwargs: object) -> None:
        """Send a message and check that the bot says nothing in return."""
        before = len(self.api.calls)
        self.api.push_message(text, chat_id=chat_id, **kwargs)  # type: ignore[arg-type]
        await asyncio.sleep(0.4)
        assert self.api.pending_updates == []
        assert [c.method for c in self.api.calls[before:] if c.method != "getUpdates"] == []


@pytest.fixture
async def app(db: Database, bot: Bot, api: FakeBotAPI, tmp_path: Path) -> AsyncIterator[App]:
    settings = Settings(
        database_path=tmp_path / "unused.sqlite3",
        feed_urls=["http://127.0.0.1:9/"],
        admin_ids=frozenset({ADMIN}),
    )
    async with open_services(settings, db=db, bot=bot) as services:
        # The production graph; the tests drive the worker and the scheduled jobs themselves
        # (each test decides when a poll or a delivery happens), the e2e tests run them all.
        dp = build_dispatcher(services, start_jobs=False)
        task = asyncio.create_task(
            dp.start_polling(bot, handle_signals=False, close_bot_session=False, polling_timeout=1)
        )
        try:
            yield App(api, services, dp, bot)
        finally:
            await dp.stop_polling()
            await asyncio.wait_for(task, 10)


async def all_targets(chats: ChatRepository) -> list[tuple[int, int | None]]:
    """Every active subscribed chat once, as fan-out targets (for tests of later stages)."""
    seen: dict[int, int | None] = {}
    for sub in await chats.live_subscriptions():
        seen.setdefault(sub.chat_id, sub.thread_id)
    return list(seen.items())
