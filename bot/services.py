"""The one place that builds the object graph, and the entry points that run it.

`python -m bot` imports this module only after the settings are read and checked, so a missing or
malformed setting is reported before aiogram and the NER models load. aiogram (seconds of CPU to
import) loads only where a Bot is: `run` and graphs given a `bot`; `poll --once`, `reextract` and
`export` never import it.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import io
import logging
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, BinaryIO

from bot.config import Settings
from bot.delivery.audience import Audience
from bot.delivery.digests import DigestService
from bot.delivery.retention import Retention
from bot.facts.curation import CurationError, Curator
from bot.facts.lookup import PartnerLookup
from bot.facts.service import ExtractionWorker, FactsService, FactsTurn
from bot.ingest.feeds import HttpFetcher
from bot.ingest.poll import Ingestor
from bot.leadership import Leadership, PgLeadership, Request, SoleLeader, exclusive
from bot.reports.pictures.service import PictureService
from bot.scheduler import build_scheduler
from storage.chats import ChatRepository
from storage.db import Database, DatabaseUnavailable
from storage.digests import DigestRepository
from storage.feeds import FeedRepository
from storage.monitoring import MonitoringRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository
from storage.partners import PartnerRepository
from storage.pg import CONNECT_ERRORS, PgDatabase, unavailable
from storage.reports import ReportRepository

if TYPE_CHECKING:
    from aiogram import Bot, Dispatcher
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.delivery.worker import DeliveryWorker, TokenGuard
    from bot.serving.metrics import Metrics
    from bot.serving.web import Health

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


def database_lock_path(settings: Settings) -> Path:
    """The flock a running bot holds on its SQLite database; side commands take it too."""
    return settings.database_path.with_name(settings.database_path.name + ".lock")


@contextmanager
def _sqlite_exclusive(settings: Settings) -> Iterator[bool]:
    """The SQLite database's flock (one process per file); PostgreSQL is shared by design:
    there the leader lock (bot.leadership) decides who does the background work."""
    if settings.database_url is not None:
        yield True
        return
    with _exclusive(database_lock_path(settings)) as alone:
        yield alone


@contextlib.asynccontextmanager
async def _side_command(settings: Settings, what: str) -> AsyncIterator[None]:
    """`poll --once` and `reextract` write what a live bot writes (items, outbox, partners):
    beside one they would race it, so they refuse while it runs, and hold the lock meanwhile:
    the SQLite file's, or on PostgreSQL the leader's (instances started meanwhile follow)."""
    async with contextlib.AsyncExitStack() as stack:
        if settings.database_url is None:
            alone = stack.enter_context(_sqlite_exclusive(settings))
        else:
            try:
                alone = await stack.enter_async_context(
                    exclusive(settings.database_url.get_secret_value())
                )
            except CONNECT_ERRORS as exc:
                raise StartupError(
                    str(unavailable(exc, settings.database_url.get_secret_value()))
                ) from None
        if not alone:
            raise StartupError(
                f"a bot or another command is running on {settings.database_name}: "
                f"stop it before {what}"
            )
        yield


def token_lock_path(token: str, api_url: str) -> Path:
    """A per-bot lock on this machine: two databases, one token, would fight over updates.

    Keyed by the Bot API server too: a token is one bot only on one server (each test run's fake
    Bot API is a server of its own, so two checkouts' test runs never refuse each other).
    """
    key = f"{api_url.rstrip('/')}\n{token}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"partnership-news-bot-{digest}.lock"


async def _open_database(settings: Settings) -> Database:
    try:
        return await Database.open(settings.database_target)
    except DatabaseUnavailable as exc:
        raise StartupError(str(exc)) from None


def make_fetcher(settings: Settings) -> HttpFetcher:
    return HttpFetcher(
        user_agent=settings.user_agent,
        timeout=settings.http_timeout_seconds,
        max_bytes=settings.max_response_bytes,
    )


async def run_bot(settings: Settings) -> int:
    assert settings.bot_token is not None, "checked by the CLI before this module is imported"
    token = settings.bot_token.get_secret_value().strip()
    # In webhook mode many instances may share a token (Telegram spreads nothing: a load
    # balancer does); long polling allows one getUpdates caller per token.
    token_lock = (
        contextlib.nullcontext(True)
        if settings.webhook_url
        else _exclusive(token_lock_path(token, settings.telegram_api_url))
    )
    with _sqlite_exclusive(settings) as alone, token_lock as token_free:
        if not alone:
            raise StartupError(
                f"another bot process or command is already running on {settings.database_name}"
            )
        if not token_free:
            raise StartupError("another bot process is already running with this BOT_TOKEN")
        # aiogram loads only now: a refused second instance answers without paying for it.
        from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError

        from bot.app import make_bot

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
            db = await _open_database(settings)
            try:
                return await serve(settings, bot, db)
            finally:
                await db.close()
        finally:
            await bot.session.close()


@dataclass(frozen=True)
class Services:
    """Long-lived objects handed to handlers as typed keyword arguments (`build_dispatcher`);
    a graph built without a bot (side commands) has no delivery worker, metrics nor health."""

    settings: Settings
    news: NewsRepository
    chats: ChatRepository
    feeds: FeedRepository
    outbox: OutboxRepository
    partners: PartnerRepository
    digests: DigestRepository
    ingestor: Ingestor
    worker: DeliveryWorker | None = None
    scheduler: AsyncIOScheduler | None = None
    digest_service: DigestService | None = None
    metrics: Metrics | None = None
    curator: Curator | None = None
    pictures: PictureService | None = None  # built over `partners`' database when not given
    reports: ReportRepository | None = None
    facts: FactsService | None = None
    health: Health | None = None
    token_guard: TokenGuard | None = None
    leadership: Leadership | None = None  # None: the only process, always the leader
    lookup: PartnerLookup | None = None  # built over `partners` when not given


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


async def load_curation(settings: Settings, facts: FactsService) -> None:
    """The curation file's corrections, stored before any extraction (a bad line stops
    start-up), registry rows from before migration 0004 keyed for the matcher, and agreements
    from before migration 0010 grouped into one entry per document."""
    try:
        await facts.load_curation(settings.curation_path)
    except CurationError as exc:
        raise StartupError(f"CURATION_PATH: {exc}") from None
    await facts.upgrade_keys()
    await facts.relink()


async def _stop_when_revoked(guard: TokenGuard, dp: Dispatcher) -> None:
    await guard.revoked.wait()
    with contextlib.suppress(RuntimeError):  # polling not started yet, or already stopped
        await dp.stop_polling()


@contextlib.asynccontextmanager
async def open_services(
    settings: Settings,
    *,
    db: Database | None = None,
    bot: Bot | None = None,
    extraction: ExtractionWorker | None = None,
    curation: bool = True,
    leadership: Leadership | None = None,
) -> AsyncIterator[Services]:
    """The one place the object graph is built: for `run`, `poll`, `reextract`, `export`, the
    tests and the benchmarks alike.

    Opens the database unless given one (and then closes it); with a `bot`, the delivery worker
    and its 401 guard are built too (side commands have no bot); a given `extraction` worker
    (an evaluation's own model) is used and left to its owner. Curation corrections are
    loaded before anything extracts. Nothing is started: the dispatcher's start-up hooks start
    the worker and the scheduler. `leadership` defaults to the engine's (a PostgreSQL advisory
    lock, or the sole SQLite process); a caller that runs the leader's work itself (the tests)
    gives `SoleLeader()`.
    """
    own_db, own_extraction = db is None, extraction is None
    database = db if db is not None else await _open_database(settings)
    worker_thread = extraction if extraction is not None else ExtractionWorker()
    try:
        repos = Repositories.on(database)
        # One turn for writing facts: the poll job's extraction and an operator's correction
        # (which extracts articles again in the button's handler) never run at once, in this
        # process nor across PostgreSQL instances.
        facts_turn = FactsTurn(database)
        facts = FactsService(worker_thread, repos.news, repos.partners, turn=facts_turn)
        curator = Curator(repos.partners, repos.chats, facts)  # corrections take facts.turn
        facts.after_merge = curator.settle  # subscriptions follow cards the registry merges
        if curation:  # read-only commands (export) must not write the operators' corrections
            await load_curation(settings, facts)
        monitoring = MonitoringRepository(database)
        metrics: Metrics | None = None
        health: Health | None = None
        guard: TokenGuard | None = None
        worker: DeliveryWorker | None = None
        on_queued: Callable[[], None] | None = None
        if bot is not None:
            from bot.delivery.rendering import AnnouncementRenderer
            from bot.delivery.worker import DeliveryWorker, Sender, TokenGuard
            from bot.serving.metrics import Metrics
            from bot.serving.web import Health

            if leadership is None:
                leadership = (
                    PgLeadership(database.dsn) if isinstance(database, PgDatabase) else SoleLeader()
                )
            # Rows queued here wake the worker here when leading, else the leader's (NOTIFY).
            on_queued = partial(leadership.request, Request.OUTBOX)
            metrics = Metrics(monitoring)
            health = Health(monitoring, leadership)
            guard = TokenGuard()
            bot.session.middleware(guard)
            renderer = AnnouncementRenderer(
                repos.news, facts.partner_lines, partners=repos.partners
            )
            worker = DeliveryWorker(
                Sender(bot, repos.chats),
                repos.outbox,
                renderer,
                rate=settings.broadcast_rate,
                digest_text=repos.digests,
                observer=metrics,
                share=renderer,
                token_guard=guard,
            )
        digest_service = DigestService(
            digests=repos.digests,
            chats=repos.chats,
            news=repos.news,
            partners=repos.partners,
            audience=Audience(repos.chats, repos.partners),
            on_queued=on_queued,
        )
        async with make_fetcher(settings) as fetcher:
            ingestor = make_ingestor(settings, repos, fetcher, facts, on_queued)
            retention = Retention(
                database, repos.outbox, repos.digests, days=settings.retention_days
            )
            scheduler = build_scheduler(
                ingestor,
                settings.poll_interval_seconds,
                digest_service,
                settings.digest_hour,
                retention,
            )
            reports = ReportRepository(database)
            yield Services(
                settings=settings,
                news=repos.news,
                chats=repos.chats,
                feeds=repos.feeds,
                outbox=repos.outbox,
                partners=repos.partners,
                digests=repos.digests,
                ingestor=ingestor,
                worker=worker,
                scheduler=scheduler,
                digest_service=digest_service,
                metrics=metrics,
                curator=curator,
                pictures=PictureService(reports),
                reports=reports,
                facts=facts,
                health=health,
                token_guard=guard,
                leadership=leadership,
                lookup=PartnerLookup(repos.partners),
            )
    finally:
        if own_extraction:
            worker_thread.close()
        if own_db:
            await database.close()


async def serve(settings: Settings, bot: Bot, db: Database) -> int:
    """Answer updates (polling or webhook) until stopped; a revoked token stops it too."""
    from aiogram.exceptions import TelegramUnauthorizedError

    from bot.app import build_dispatcher
    from bot.serving.web import ServeError

    try:
        async with open_services(settings, db=db, bot=bot) as services:
            guard = services.token_guard
            assert guard is not None and services.metrics is not None and services.health
            dp = build_dispatcher(services)
            stopper = asyncio.create_task(_stop_when_revoked(guard, dp))
            try:
                await _serve_updates(
                    settings, dp, bot, services.health, services.metrics, guard.revoked
                )
            except TelegramUnauthorizedError:  # in the start-up hooks (set_my_commands)
                if not guard.revoked.is_set():
                    raise
            finally:
                stopper.cancel()
            if guard.revoked.is_set():
                pending = (await services.outbox.stats()).by_state.get("pending", 0)
                raise TokenRevoked(
                    "Telegram rejected BOT_TOKEN while running (401 Unauthorized): the token was "
                    f"revoked or replaced; {pending} deliveries stay queued for a restart with a "
                    "valid token"
                )
    except ServeError as exc:
        raise StartupError(str(exc)) from None
    return 0


async def _serve_updates(
    settings: Settings,
    dp: Dispatcher,
    bot: Bot,
    health: Health,
    metrics: Metrics,
    revoked: asyncio.Event | None = None,
) -> None:
    """Webhook mode when WEBHOOK_URL is set, else long polling (with /metrics if asked)."""
    from bot.serving.web import listening, monitoring_app, serve_webhook

    if settings.webhook_url:
        if settings.metrics_listen:
            log.info("METRICS_LISTEN is unused in webhook mode: /metrics is on WEBHOOK_LISTEN")
        await serve_webhook(settings, dp, bot, health, metrics, stop=revoked)
        return
    webhook = (await bot.get_webhook_info()).url
    if webhook:
        # getUpdates answers 409 while a webhook is set (a previous run in webhook mode).
        log.info("deleting the webhook %s to poll for updates", webhook)
        await bot.delete_webhook()
    async with contextlib.AsyncExitStack() as stack:
        if settings.metrics_listen:
            await stack.enter_async_context(
                listening(monitoring_app(health, metrics), settings.metrics_listen)
            )
        await dp.start_polling(
            bot, handle_signals=True, allowed_updates=dp.resolve_used_update_types()
        )


async def poll_once(settings: Settings, out: IO[str]) -> int:
    """Fetch every feed once, store what is new, print a summary; no token needed."""
    async with _side_command(settings, "polling from the command line (use /pollnow in the bot)"):
        return await _poll_once(settings, out)


async def _poll_once(settings: Settings, out: IO[str]) -> int:
    async with open_services(settings) as services:
        report = await services.ingestor.poll(force=True)
        print(report.summary(), file=out)
        print(f"items stored in total: {await services.news.count()}", file=out)
        print(f"partners known: {await services.partners.count()}", file=out)
        return 1 if all(f.status == "error" for f in report.feeds) else 0


async def reextract(settings: Settings, out: IO[str]) -> int:
    """Rebuild every partner and agreement from the stored articles (after extractor changes)."""
    async with _side_command(settings, "re-extracting"):
        return await _reextract(settings, out)


async def _reextract(settings: Settings, out: IO[str]) -> int:
    async with open_services(settings) as services:
        assert services.facts is not None and services.curator is not None
        count = await services.facts.rebuild()
        # Subscriptions follow merged partners; those of partners gone are retired, those of
        # partners shown again (by the curation file) come back (chats told).
        settled = await services.curator.settle()
        agreements = (await services.partners.agreements(limit=1))[1]
        print(
            f"articles re-extracted: {count}; partners: {await services.partners.count()}; "
            f"agreements: {agreements}; subscriptions moved: {settled.moved}, "
            f"retired: {settled.retired}, restored: {settled.restored}",
            file=out,
        )
        return 0


async def export(
    settings: Settings, table: str, fmt: str, output: Path | None, out: BinaryIO
) -> int:
    """Write one table of the registry as JSONL, CSV or XLSX to `output` (or `out`); no token."""
    from bot.reports.export import COLUMNS, csv_bytes, rows_of, write_jsonl, xlsx_bytes

    async with open_services(settings, curation=False) as services:
        assert services.reports is not None
        rows = await rows_of(services.reports, table)
    if fmt == "xlsx":
        data = await asyncio.to_thread(xlsx_bytes, {table: rows}, COLUMNS)
    elif fmt == "csv":
        data = await asyncio.to_thread(csv_bytes, rows, COLUMNS[table])
    else:
        text = io.StringIO()
        write_jsonl(rows, text)
        data = text.getvalue().encode("utf-8")
    if output is None:
        out.write(data)
        out.flush()
    else:
        await asyncio.to_thread(output.write_bytes, data)
    log.info("exported %d %s to %s", len(rows), table, output or "standard output")
    return 0
