"""Operator commands for ADMIN_IDS: /stats and /pollnow; everyone else gets a polite no."""

from __future__ import annotations

import logging
from datetime import datetime

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.config import Settings
from bot.formatting import TELEGRAM_LIMIT, cut, esc, join_within
from bot.i18n import t
from bot.ingest import Ingestor
from handlers.common import user_language
from storage.chats import ChatRepository
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository

log = logging.getLogger(__name__)


def is_admin(message: Message, settings: Settings) -> bool:
    return message.from_user is not None and message.from_user.id in settings.admin_ids


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "—"


async def stats(
    message: Message,
    settings: Settings,
    chats: ChatRepository,
    news: NewsRepository,
    feeds: FeedRepository,
    outbox: OutboxRepository,
) -> None:
    lang = user_language(message.from_user)
    if not is_admin(message, settings):
        await message.answer(t(lang, "admin_only"))
        return
    active, inactive = await chats.counts()
    box = await outbox.stats()
    states = ", ".join(f"{k}: {v}" for k, v in sorted(box.by_state.items())) or "—"
    blocks = [
        "<b>Stats</b>",
        "\n".join(
            [
                f"subscribers: {active} active, {inactive} inactive",
                f"items: {await news.count()}",
                f"outbox: {esc(states)}",
                f"sent: {box.sent_last_minute} in the last minute, "
                f"{box.sent_last_hour} in the last hour",
            ]
        ),
    ]
    for feed in await feeds.all():
        lines = [
            f"<b>{esc(cut(feed.title or feed.url, 100))}</b>",
            esc(cut(feed.url, 200)),
            f"last success: {_when(feed.last_success_at)}; errors: {feed.error_count} "
            f"({feed.error_streak} in a row)",
        ]
        if feed.last_error:
            lines.append(
                f"last error: {esc(cut(feed.last_error, 200))} at {_when(feed.last_error_at)}"
            )
        lines.append(
            f"next check: {_when(feed.next_check_at) if feed.error_streak else 'next tick'}"
        )
        blocks.append("\n".join(lines))
    await message.answer(join_within(blocks, TELEGRAM_LIMIT))


async def pollnow(message: Message, settings: Settings, ingestor: Ingestor) -> None:
    lang = user_language(message.from_user)
    if not is_admin(message, settings):
        await message.answer(t(lang, "admin_only"))
        return
    await message.answer(t(lang, "polling"))
    report = await ingestor.poll(force=True)
    await message.answer(f"<pre>{esc(cut(report.summary(), 3900))}</pre>")


def build_router() -> Router:
    router = Router(name="admin")
    router.message.register(stats, Command("stats"))
    router.message.register(pollnow, Command("pollnow"))
    return router
