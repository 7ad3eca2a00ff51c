"""Composition root and CLI: `python -m bot [run | poll --once | extract [FILE] | reextract]`."""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import hashlib
import logging
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from aiogram import Bot
from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError

from bot.announce import AnnouncementRenderer
from bot.app import Services, build_dispatcher, make_bot
from bot.audience import Audience
from bot.config import Settings, SettingsError, load_settings
from bot.delivery import DeliveryWorker, Sender
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


class _Redact(logging.Filter):
    """Keeps the bot token out of every log line, whoever logs it."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secret and self.secret in record.getMessage():
            record.msg = record.getMessage().replace(self.secret, "<BOT_TOKEN>")
            record.args = None
        return True


def setup_logging(level: str, secret: str = "") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if secret:
        handler.addFilter(_Redact(secret))
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def fail(message: str, code: int = 1) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


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
    if settings.bot_token is None or not settings.bot_token.get_secret_value().strip():
        return fail(
            "BOT_TOKEN is not set: copy .env.example to .env and put your bot's token in it", 2
        )
    token = settings.bot_token.get_secret_value().strip()
    db_lock = settings.database_path.with_name(settings.database_path.name + ".lock")
    with (
        _exclusive(db_lock) as alone,
        _exclusive(token_lock_path(token, settings.telegram_api_url)) as token_free,
    ):
        if not alone:
            return fail(f"another bot process is already running on {settings.database_path}")
        if not token_free:
            return fail("another bot process is already running with this BOT_TOKEN")
        bot = make_bot(token, settings.telegram_api_url)
        try:
            try:
                me = await bot.get_me()
            except TelegramUnauthorizedError:
                return fail("Telegram rejected BOT_TOKEN (401 Unauthorized): check the token")
            except (TelegramNetworkError, OSError) as exc:
                return fail(f"cannot reach the Bot API at {settings.telegram_api_url}: {exc}")
            log.info("logged in as @%s", me.username)
            db = await Database.open(settings.database_path)
            try:
                return await _serve(settings, bot, db)
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


async def _serve(settings: Settings, bot: Bot, db: Database) -> int:
    repos = Repositories.on(db)
    extraction = ExtractionWorker()
    facts = FactsService(extraction, repos.news, repos.partners)
    worker = DeliveryWorker(
        Sender(bot, repos.chats),
        repos.outbox,
        AnnouncementRenderer(repos.news, facts.partner_lines),
        rate=settings.broadcast_rate,
        digest_text=repos.digests.text,
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
            await dp.start_polling(
                bot, handle_signals=True, allowed_updates=dp.resolve_used_update_types()
            )
    finally:
        extraction.close()
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the bot (the default)")
    poll = sub.add_parser("poll", help="poll the feeds")
    poll.add_argument("--once", action="store_true", required=True, help="poll once and exit")
    sub.add_parser("reextract", help="rebuild partners and agreements from stored articles")
    extract = sub.add_parser("extract", help="JSONL articles in, JSONL partner facts out")
    extract.add_argument("file", nargs="?", help="input file (default: standard input)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    if command == "extract":
        from bot.extraction.cli import main as extract_main

        return extract_main([args.file] if args.file else [])
    try:
        settings = load_settings()
    except SettingsError as exc:
        return fail(str(exc), 2)
    secret = settings.bot_token.get_secret_value() if settings.bot_token else ""
    setup_logging(settings.log_level, secret)
    if command == "poll":
        return asyncio.run(poll_once(settings, sys.stdout))
    if command == "reextract":
        return asyncio.run(reextract(settings, sys.stdout))
    try:
        return asyncio.run(run_bot(settings))
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
