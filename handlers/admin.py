"""Operator commands for ADMIN_IDS: /stats and /pollnow; everyone else gets a polite no."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.config import Settings
from bot.ingest.poll import PollReport
from bot.leadership import Leadership, Request
from bot.scheduler import POLL_JOB_ID, poll_now
from bot.text.formatting import DISPLAY_ZONE, TELEGRAM_LIMIT, cut, esc, format_date, join_within
from bot.text.i18n import RU, TEXT_KEYS, t
from handlers.common import user_language
from storage.chats import ChatRepository
from storage.feeds import FeedRecord, FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository

log = logging.getLogger(__name__)


def is_admin(message: Message, settings: Settings) -> bool:
    return message.from_user is not None and message.from_user.id in settings.admin_ids


def _when(moment: datetime | None, lang: str) -> str:
    """A moment as the operator reads it: date and Moscow time."""
    if moment is None:
        return "—"
    zone = "МСК" if lang == RU else "Moscow time"
    return f"{format_date(moment, lang)}, {moment.astimezone(DISPLAY_ZONE):%H:%M} {zone}"


def next_check(
    feed: FeedRecord, settings: Settings, scheduler: AsyncIOScheduler | None
) -> datetime | None:
    """When the feed is next fetched: the scheduler's next tick, or later while it backs off."""
    job = scheduler.get_job(POLL_JOB_ID) if scheduler is not None else None
    tick: datetime | None = getattr(job, "next_run_time", None)
    if tick is None and feed.last_checked_at is not None:  # not scheduled here (tests, CLI)
        tick = feed.last_checked_at + timedelta(seconds=settings.poll_interval_seconds)
    if feed.error_streak and feed.next_check_at is not None:
        return max(feed.next_check_at, tick) if tick else feed.next_check_at
    return tick


async def stats(
    message: Message,
    settings: Settings,
    chats: ChatRepository,
    news: NewsRepository,
    feeds: FeedRepository,
    outbox: OutboxRepository,
    scheduler: AsyncIOScheduler | None = None,
    leadership: Leadership | None = None,
) -> None:
    lang = user_language(message.from_user)
    if leadership is not None and not leadership.leading:
        scheduler = None  # the ticks of this instance's idle scheduler are not the leader's
    if not is_admin(message, settings):
        await message.answer(t(lang, "admin_only"))
        return
    active, inactive = await chats.counts()
    box = await outbox.stats()
    states = (
        ", ".join(
            t(lang, f"outbox_{state}", n=str(n))
            if f"outbox_{state}" in TEXT_KEYS
            else f"{state} {n}"
            for state, n in sorted(box.by_state.items())
        )
        or "—"
    )
    blocks = [
        t(lang, "stats_title"),
        "\n".join(
            [
                t(lang, "stats_subscribers", active=str(active), inactive=str(inactive)),
                t(lang, "stats_items", count=str(await news.count())),
                t(lang, "stats_outbox", states=esc(states)),
                t(
                    lang,
                    "stats_sent",
                    minute=str(box.sent_last_minute),
                    hour=str(box.sent_last_hour),
                ),
            ]
        ),
    ]
    for feed in await feeds.all():
        lines = [
            f"<b>{esc(cut(feed.title or feed.url, 100))}</b>",
            esc(cut(feed.url, 200)),
            t(
                lang,
                "stats_success",
                when=esc(_when(feed.last_success_at, lang)),
                errors=str(feed.error_count),
                streak=str(feed.error_streak),
            ),
        ]
        if feed.last_error:
            lines.append(
                t(
                    lang,
                    "stats_error",
                    error=esc(cut(feed.last_error, 200)),
                    when=esc(_when(feed.last_error_at, lang)),
                )
            )
        when = next_check(feed, settings, scheduler)
        lines.append(t(lang, "stats_next", when=esc(_when(when, lang))))
        blocks.append("\n".join(lines))
    await message.answer(join_within(blocks, TELEGRAM_LIMIT))


def poll_report(report: PollReport, lang: str) -> str:
    """The poll's outcome per feed in the operator's language."""
    blocks = [t(lang, "poll_done")]
    for feed in report.feeds:
        if feed.status == "ok":
            state = t(lang, "poll_feed_ok", new=str(feed.new), seen=str(feed.seen))
        else:
            state = t(lang, f"poll_feed_{feed.status.replace(' ', '_')}")
        if feed.status == "error" and feed.detail:
            state += f" ({esc(cut(feed.detail, 200))})"
        blocks.append(f"{esc(cut(feed.url, 200))}: {state}")
    blocks.append(
        t(
            lang,
            "poll_totals",
            fetched=str(report.bodies_fetched),
            failed=str(report.bodies_failed),
            announced=str(report.announced),
            deliveries=str(report.deliveries),
        )
    )
    return join_within(blocks, TELEGRAM_LIMIT, sep="\n")


async def pollnow(
    message: Message,
    settings: Settings,
    scheduler: AsyncIOScheduler | None = None,
    leadership: Leadership | None = None,
) -> None:
    """Ask the scheduler to run its poll now (never beside the scheduled one) and report it;
    an instance that does not lead asks the leader instead (its report is the leader's log)."""
    lang = user_language(message.from_user)
    if not is_admin(message, settings):
        await message.answer(t(lang, "admin_only"))
        return
    if leadership is not None and not leadership.leading:
        leadership.request(Request.POLL)
        await message.answer(t(lang, "poll_asked_of_leader"))
        return
    if scheduler is None:  # only a dispatcher built without the services' scheduler
        await message.answer(t(lang, "error"))
        return
    await message.answer(t(lang, "polling"))
    try:
        report = await poll_now(scheduler)
    except RuntimeError:  # stopping; the poll did not happen
        await message.answer(t(lang, "error"))
        return
    await message.answer(poll_report(report, lang))


def build_router() -> Router:
    router = Router(name="admin")
    router.message.register(stats, Command("stats", ignore_case=True))
    router.message.register(pollnow, Command("pollnow", ignore_case=True))
    return router
