"""The one place that builds the object graph, and the entry points that run it.

`python -m bot` imports this module only after the settings are read and checked, so a missing or
malformed setting is reported before aiogram and the NER models load.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import logging
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError

from bot.announce import AnnouncementRenderer
from bot.app import Services, build_dispatcher, make_bot
from bot.audience import Audience
from bot.config import Settings
from bot.delivery import DeliveryWorker, Sender, TokenGuard
from bot.digest import DigestService
from bot.facts import ExtractionWorker, FactsService
from bot.feeds import HttpFetcher
from bot.ingest import Ingestor
from bot.scheduler import build_scheduler
from storage.chats import ChatRepository
from storage.db import Database
from storage.digests import DigestRepository
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository
from storage.partners import PartnerRepository

log = logging.getLogger("bot")


class StartupError(Exception):
    """Start-up cannot go on; the message is one line for the operator."""


class TokenRevoked(StartupError):
    """Telegram answered 401 while the bot ran: it stopped, leaving the outbox as it was."""


@contextmanager
def _exclusive(path: Path) -> Iterator[bool]:
    """Hold an exclusive advisory lock on `path` for the block; yields False if it is taken."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def token_lock_path(token: str, api_url: str) -> Path:
    """A per-bot lock on this machine: two databases, one token, would fight over updates.

    Keyed by the Bot API server too: a token is one bot only on one server (each test run's fake
    Bot API is a server of its own, so two checkouts' test runs never refuse each other).
    """
    key = f"{api_url.rstrip('/')}\n{token}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"partnership-news-bot-{digest}.lock"


def make_fetcher(settings: Settings) -> HttpFetcher:
    return HttpFetcher(
        user_agent=settings.user_agent,
        timeout=settings.http_timeout_seconds,
        max_bytes=settings.max_response_bytes,
    )


async def run_bot(settings: Settings) -> int:
    assert settings.bot_token is not None, "checked by the CLI before this module is imported"
    token = settings.bot_token.get_secret_value().strip()
    db_lock = settings.database_path.with_name(settings.database_path.name + ".lock")
    with (
        _exclusive(db_lock) as alone,
        _exclusive(token_lock_path(token, settings.telegram_api_url)) as token_free,
    ):
        if not alone:
            raise StartupError(
                f"another bot process is already running on {settings.database_path}"
            )
        if not token_free:
            raise StartupError("another bot process is already running with this BOT_TOKEN")
        bot = make_bot(token, settings.telegram_api_url)
        try:
            try:
                me = await bot.get_me()
            except TelegramUnauthorizedError:
                raise StartupError(
                    "Telegram rejected BOT_TOKEN (401 Unauthorized): check the token"
                ) from None
            except (TelegramNetworkError, OSError) as exc:
                raise StartupError(
                    f"cannot reach the Bot API at {settings.telegram_api_url}: {exc}"
                ) from None
            log.info("logged in as @%s", me.username)
            db = await Database.open(settings.database_path)
            try:
                return await serve(settings, bot, db)
            finally:
                await db.close()
        finally:
            await bot.session.close()


@dataclass(frozen=True)
class Repositories:
    """Every repository over the one connection."""

    news: NewsRepository
    chats: ChatRepository
    feeds: FeedRepository
    outbox: OutboxRepository
    partners: PartnerRepository
    digests: DigestRepository

    @classmethod
    def on(cls, db: Database) -> Repositories:
        return cls(
            NewsRepository(db), ChatRepository(db), FeedRepository(db),
            OutboxRepository(db), PartnerRepository(db), DigestRepository(db),
        )  # fmt: skip


def make_ingestor(
    settings: Settings,
    repos: Repositories,
    fetcher: HttpFetcher,
    facts: FactsService,
    on_queued: Callable[[], None] | None = None,
) -> Ingestor:
    return Ingestor(
        urls=settings.feed_urls,
        interval=settings.poll_interval_seconds,
        fetcher=fetcher,
        feeds=repos.feeds,
        news=repos.news,
        audience=Audience(repos.chats, repos.partners),
        outbox=repos.outbox,
        extract=facts.process_pending,
        on_queued=on_queued,
    )


async def _stop_when_revoked(guard: TokenGuard, dp: Dispatcher) -> None:
    await guard.revoked.wait()
    with contextlib.suppress(RuntimeError):  # polling not started yet, or already stopped
        await dp.stop_polling()


async def serve(settings: Settings, bot: Bot, db: Database) -> int:
    repos = Repositories.on(db)
    guard = TokenGuard()
    bot.session.middleware(guard)
    extraction = ExtractionWorker()
    facts = FactsService(extraction, repos.news, repos.partners)
    worker = DeliveryWorker(
        Sender(bot, repos.chats),
        repos.outbox,
        AnnouncementRenderer(repos.news, facts.partner_lines),
        rate=settings.broadcast_rate,
        digest_text=repos.digests.text,
        token_guard=guard,
    )
    digest_service = DigestService(
        digests=repos.digests,
        chats=repos.chats,
        news=repos.news,
        partners=repos.partners,
        audience=Audience(repos.chats, repos.partners),
        on_queued=worker.wake,
    )
    try:
        async with make_fetcher(settings) as fetcher:
            ingestor = make_ingestor(settings, repos, fetcher, facts, worker.wake)
            scheduler = build_scheduler(
                ingestor, settings.poll_interval_seconds, digest_service, settings.digest_hour
            )
            services = Services(
                settings, repos.news, repos.chats, repos.feeds, repos.outbox, repos.partners,
                repos.digests, ingestor, worker, scheduler, digest_service,
            )  # fmt: skip
            dp = build_dispatcher(services)
            stopper = asyncio.create_task(_stop_when_revoked(guard, dp))
            try:
                await dp.start_polling(
                    bot, handle_signals=True, allowed_updates=dp.resolve_used_update_types()
                )
            except TelegramUnauthorizedError:  # in the start-up hooks (set_my_commands)
                if not guard.revoked.is_set():
                    raise
            finally:
                stopper.cancel()
    finally:
        extraction.close()
    if guard.revoked.is_set():
        pending = (await repos.outbox.stats()).by_state.get("pending", 0)
        raise TokenRevoked(
            "Telegram rejected BOT_TOKEN while running (401 Unauthorized): the token was revoked "
            f"or replaced; {pending} deliveries stay queued for a restart with a valid token"
        )
    return 0


async def poll_once(settings: Settings, out: IO[str]) -> int:
    """Fetch every feed once, store what is new, print a summary; no token needed."""
    db = await Database.open(settings.database_path)
    extraction = ExtractionWorker()
    try:
        repos = Repositories.on(db)
        facts = FactsService(extraction, repos.news, repos.partners)
        async with make_fetcher(settings) as fetcher:
            report = await make_ingestor(settings, repos, fetcher, facts).poll(force=True)
        print(report.summary(), file=out)
        print(f"items stored in total: {await repos.news.count()}", file=out)
        print(f"partners known: {await repos.partners.count()}", file=out)
        return 1 if all(f.status == "error" for f in report.feeds) else 0
    finally:
        extraction.close()
        await db.close()


async def reextract(settings: Settings, out: IO[str]) -> int:
    """Rebuild every partner and agreement from the stored articles (after extractor changes)."""
    db = await Database.open(settings.database_path)
    extraction = ExtractionWorker()
    try:
        partners = PartnerRepository(db)
        facts = FactsService(extraction, NewsRepository(db), partners)
        count = await facts.rebuild()
        agreements = (await partners.agreements(limit=1))[1]
        print(
            f"articles re-extracted: {count}; partners: {await partners.count()}; "
            f"agreements: {agreements}",
            file=out,
        )
        return 0
    finally:
        extraction.close()
        await db.close()
