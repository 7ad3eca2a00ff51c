"""The APScheduler 3 job that polls the feeds; started and stopped with the dispatcher."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.delivery.digests import DigestService
from bot.delivery.retention import Retention
from bot.ingest.poll import Ingestor
from bot.text.formatting import DISPLAY_ZONE

log = logging.getLogger(__name__)

POLL_JOB_ID = "poll-feeds"
DIGEST_JOB_ID = "digests"
PRUNE_JOB_ID = "prune"
PRUNE_EVERY = timedelta(hours=6)
DIGEST_CATCH_UP_JOB_ID = "digests-catch-up"


async def poll_job(ingestor: Ingestor) -> None:
    """One scheduled poll; an error is logged and the next tick tries again."""
    try:
        report = await ingestor.poll()
    except asyncio.CancelledError:  # the scheduler shut down mid-poll; the next start polls
        log.info("poll interrupted by shutdown")
        return
    except Exception:
        log.exception("poll failed")
        return
    log.info("poll done: %s", report.summary().replace("\n", "; "))


async def digest_job(digests: DigestService) -> None:
    try:
        await digests.run()
    except Exception:
        log.exception("digest run failed")


async def prune_job(retention: Retention) -> None:
    try:
        await retention.prune()
    except Exception:
        log.exception("pruning old deliveries failed")


async def digest_catch_up_job(digests: DigestService, hour: int) -> None:
    """Once at start-up: digests that fell due while the bot was down go out now."""
    try:
        await digests.catch_up(hour)
    except Exception:
        log.exception("catching up missed digests failed")


def build_scheduler(
    ingestor: Ingestor,
    interval_seconds: float,
    digests: DigestService | None = None,
    digest_hour: int = 9,
    retention: Retention | None = None,
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=UTC)
    if digests is not None:
        scheduler.add_job(
            digest_job,
            CronTrigger(hour=digest_hour, minute=0, timezone=DISPLAY_ZONE),
            args=[digests],
            id=DIGEST_JOB_ID,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=6 * 3600,  # a run delayed by a busy loop still happens
        )
        # The job store is in memory: a restart after DIGEST_HOUR would wait a day (a week for
        # weekly digests) without this.
        scheduler.add_job(
            digest_catch_up_job,
            args=[digests, digest_hour],
            id=DIGEST_CATCH_UP_JOB_ID,
            next_run_time=datetime.now(UTC),
            misfire_grace_time=None,
        )
    scheduler.add_job(
        poll_job,
        IntervalTrigger(seconds=interval_seconds, timezone=UTC),
        args=[ingestor],
        id=POLL_JOB_ID,
        max_instances=1,  # a slow poll is never overlapped by the next tick
        coalesce=True,  # missed ticks collapse into one
        misfire_grace_time=None,
        next_run_time=datetime.now(UTC),  # poll at start-up
    )
    if retention is not None:
        scheduler.add_job(
            prune_job,
            IntervalTrigger(seconds=PRUNE_EVERY.total_seconds(), timezone=UTC),
            args=[retention],
            id=PRUNE_JOB_ID,
            max_instances=1,
            coalesce=True,
            next_run_time=datetime.now(UTC) + timedelta(minutes=5),  # after the start-up poll
        )
    return scheduler
