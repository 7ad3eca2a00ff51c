"""build_dispatcher: the same dispatcher for production and tests, with no I/O of its own."""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, ErrorEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.delivery.worker import DeliveryWorker, WaitOutFloodControl
from bot.facts.lookup import PartnerLookup
from bot.leadership import Request, SoleLeader
from bot.reports.pictures.service import PictureService
from bot.scheduler import follow, lead, poll_now
from bot.services import Services as Services  # its home; imported from here before
from bot.serving.metrics import HandlerTimer
from bot.text.i18n import ADMIN_COMMANDS, COMMANDS, language_of, t
from bot.text.stems import morph_vocab
from handlers import get_routers
from handlers.common import GroupVoiceLanguage
from handlers.curation import PendingCorrections
from storage.reports import ReportRepository

log = logging.getLogger(__name__)


class LeaderWork:
    """What only the leader runs: the delivery worker and the scheduler's jobs (polls with their
    extraction, digests, pruning). Every instance answers updates; this starts on election and
    stops at once on deposition."""

    def __init__(self, worker: DeliveryWorker | None, scheduler: AsyncIOScheduler | None) -> None:
        self.worker = worker
        self.scheduler = scheduler
        self._polls: set[asyncio.Task[None]] = set()

    async def take_up(self, hold: float = 0.0) -> None:
        if self.worker is not None:
            self.worker.start(hold)  # releases the rows a dead leader had claimed, then sends
        if self.scheduler is not None:
            lead(self.scheduler)

    async def lay_down(self) -> None:
        if self.scheduler is not None and self.scheduler.running:
            follow(self.scheduler)
        if self.worker is not None:
            await self.worker.stop()

    def asked(self, request: Request) -> None:
        if request is Request.OUTBOX and self.worker is not None:
            self.worker.wake()
        elif request is Request.POLL and self.scheduler is not None:
            task = asyncio.create_task(self._poll_now(self.scheduler))
            self._polls.add(task)
            task.add_done_callback(self._polls.discard)

    @staticmethod
    async def _poll_now(scheduler: AsyncIOScheduler) -> None:
        log.info("polling now, as asked by another instance (/pollnow)")
        try:
            await poll_now(scheduler)
        except Exception as exc:  # stopping or deposed meanwhile; the poll's own errors are logged
            log.warning("the poll asked by another instance did not run: %s", exc)


def make_bot(token: str, api_url: str) -> Bot:
    """The Bot over aiohttp to `api_url`, replies protected from short flood waits.

    Every reply the handlers build is Telegram HTML (escaped in one place), so HTML is the default.
    """
    session = AiohttpSession(api=TelegramAPIServer.from_base(api_url))
    session.middleware(WaitOutFloodControl())
    return Bot(
        token=token, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML)
    )


def menu(lang: str, admin: bool = False) -> list[BotCommand]:
    """The command menu published with set_my_commands (ru for Russian users, en otherwise)."""
    return [
        BotCommand(command=name, description=ru if lang == "ru" else en)
        for name, ru, en in COMMANDS + (ADMIN_COMMANDS if admin else ())
    ]


async def publish_commands(bot: Bot, admin_ids: frozenset[int] = frozenset()) -> None:
    """Everyone's menu, and operators' own menu with the admin commands in their private chat."""
    await bot.set_my_commands(menu("en"), scope=BotCommandScopeDefault())
    await bot.set_my_commands(menu("ru"), scope=BotCommandScopeDefault(), language_code="ru")
    for admin in sorted(admin_ids):
        scope = BotCommandScopeChat(chat_id=admin)
        try:
            await bot.set_my_commands(menu("en", admin=True), scope=scope)
            await bot.set_my_commands(menu("ru", admin=True), scope=scope, language_code="ru")
        except TelegramAPIError as exc:  # an operator who never opened the bot has no chat yet
            log.warning("no admin menu for %s: %s", admin, exc.message)


async def on_error(event: ErrorEvent) -> bool:
    """Last resort: log the bug with its update, tell the user something went wrong."""
    log.error("handler failed on update %s", event.update.update_id, exc_info=event.exception)
    message = event.update.message
    if message is not None:
        lang = language_of(message.from_user.language_code if message.from_user else None)
        try:
            await message.answer(t(lang, "error"))
        except Exception:
            log.warning("could not tell the user about the error", exc_info=True)
    elif event.update.callback_query is not None:
        try:
            await event.update.callback_query.answer()
        except Exception:
            log.warning("could not answer the callback after an error", exc_info=True)
    return True


def build_dispatcher(services: Services, *, start_jobs: bool = True) -> Dispatcher:
    """The dispatcher with every router, the services as handler arguments and the start-up
    hooks; `start_jobs=False` leaves the delivery worker and the scheduler to the caller."""
    dp = Dispatcher(
        settings=services.settings,
        news=services.news,
        chats=services.chats,
        feeds=services.feeds,
        outbox=services.outbox,
        partners=services.partners,
        digests=services.digests,
        ingestor=services.ingestor,
        digest_service=services.digest_service,
        scheduler=services.scheduler,
        curator=services.curator,
        curation_pending=PendingCorrections(),
        reports=(reports := services.reports or ReportRepository(services.partners.db)),
        pictures=services.pictures or PictureService(reports),
        lookup=services.lookup or PartnerLookup(services.partners),
        leadership=(leadership := services.leadership or SoleLeader()),
    )
    if services.metrics is not None:
        dp.update.outer_middleware(HandlerTimer(services.metrics))
    dp.message.outer_middleware(GroupVoiceLanguage(services.chats))
    dp.include_routers(*get_routers())
    dp.errors.register(on_error)

    warming: set[asyncio.Future[object]] = set()

    async def on_startup(bot: Bot) -> None:
        # The Russian dictionary (search word forms, English renderings of Russian names) loads
        # in a thread now, not on the event loop at the first reader who needs it.
        warm = asyncio.ensure_future(asyncio.to_thread(morph_vocab))
        warming.add(warm)
        warm.add_done_callback(warming.discard)
        await publish_commands(bot, services.settings.admin_ids)
        if start_jobs:
            # SQLite: leads at once; PostgreSQL: contends for the leader's lock in the background.
            await leadership.start(LeaderWork(services.worker, services.scheduler))
        log.info("bot started")

    async def on_shutdown() -> None:
        await leadership.stop()  # the leader's work stops before its lock is freed
        if services.scheduler is not None and services.scheduler.running:
            services.scheduler.shutdown(wait=False)
        if services.worker is not None:
            await services.worker.stop()
        log.info("bot stopped")

    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    return dp
