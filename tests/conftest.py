"""Shared fixtures: real SQLite in a temp dir, the fake Bot API and a real aiogram Bot on it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from storage.db import Database
from storage.news import NewsDraft
from tests.fakes.bot_api import FakeBotAPI

TOKEN = "123456:TEST-token"


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
    session = AiohttpSession(api=TelegramAPIServer.from_base(api.base_url))
    client = Bot(token=TOKEN, session=session)
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
