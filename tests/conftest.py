"""Shared fixtures: a real database, the fake Bot API and a real aiogram Bot on it.

The database is SQLite in a temp dir; a module marked `both_engines` runs each test that uses
`db` twice, on SQLite and on PostgreSQL (a fresh database per test, cloned from a migrated
template on the session's server, tests/pg.py).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import itertools
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher

from bot.app import build_dispatcher, make_bot
from bot.config import Settings
from bot.facts.fingerprint import fingerprint
from bot.leadership import SoleLeader
from bot.services import Services, open_services
from storage.chats import ChatRepository
from storage.db import Database, SqliteDatabase
from storage.news import NewsDraft
from storage.partners import PartnerRepository
from storage.pg import PgDatabase
from tests.fakes.bot_api import FakeBotAPI
from tests.pg import drop_database, pg_dsn, with_database

__all__ = ["pg_dsn"]  # the session's PostgreSQL server, for every module

# Shaped like a real token (digits, a colon, 35 characters): `python -m bot run` checks the shape.
TOKEN = "123456:TEST-token-0123456789abcdefghijklmn"
ADMIN = 777


ENGINES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_engines: run the module's tests on SQLite and on PostgreSQL"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_engines"):
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The database engine of this test run: SQLite unless the module runs on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_template(pg_dsn: str) -> str:  # noqa: F811 - the fixture imported above
    """A database migrated once, which every PostgreSQL test database is cloned from."""

    async def make() -> None:
        await with_database(pg_dsn, "bot_template")
        migrated = await Database.open(_dsn_of(pg_dsn, "bot_template"))
        await migrated.close()

    # Its own loop in a thread: it may be first asked for from inside a test's running loop.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, make()).result()
    return "bot_template"


_numbers = itertools.count()


def sqlite_only(db: Database, why: str) -> None:
    """Skip a test of SQLite's own machinery (pages, query plans) on the other engine."""
    if db.engine != "sqlite":
        pytest.skip(f"SQLite only: {why}")


def settings_on(db: Database, **values: Any) -> Settings:
    """Settings whose database is `db` (a SQLite file or a PostgreSQL URL)."""
    if isinstance(db, SqliteDatabase):
        return Settings(database_path=db.path, **values)
    assert isinstance(db, PgDatabase)
    return Settings(database_url=db.dsn, **values)


def _dsn_of(server_dsn: str, name: str) -> str:
    return server_dsn.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
async def database_target(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[str]:
    """Where this test's database lives: a SQLite path, or a fresh PostgreSQL database URL
    (dropped after the test)."""
    if engine == "sqlite":
        yield str(tmp_path / "bot.sqlite3")
        return
    server = request.getfixturevalue("pg_dsn")
    template = request.getfixturevalue("pg_template")
    name = f"t{next(_numbers)}"
    await with_database(server, name, template=template)
    try:
        yield _dsn_of(server, name)
    finally:
        await drop_database(server, name)


@pytest.fixture
async def db(database_target: str) -> AsyncIterator[Database]:
    database = await Database.open(database_target)
    # Made by this extraction: facts a test stores directly stay as stored at its first poll
    # (tests/test_upgrade_extraction.py covers a database another extraction made).
    await PartnerRepository(database).set_extraction_fingerprint(fingerprint())
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
    # The test runs the leader's work itself, on either engine: this process is the only one.
    async with open_services(settings, db=db, bot=bot, leadership=SoleLeader()) as services:
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
