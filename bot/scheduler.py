"""The APScheduler 3 job that polls the feeds; started and stopped with the dispatcher."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.ingest import Ingestor

log = logging.getLogger(__name__)

POLL_JOB_ID = "poll-feeds"


async def poll_job(ingestor: Ingestor) -> None:
    """One scheduled poll; an error is logged and the next tick tries again."""
    try:
        report = await ingestor.poll()
    except Exception:
        log.exception("poll failed")
        return
    log.info("poll done: %s", report.summary().replace("\n", "; "))


def build_scheduler(ingestor: Ingestor, interval_seconds: float) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=UTC)
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
    return scheduler


def poll_soon(scheduler: AsyncIOScheduler) -> None:
    """Run the poll job now (for /pollnow) without breaking its max_instances guard."""
    job = scheduler.get_job(POLL_JOB_ID)
    if job is not None:
        job.modify(next_run_time=datetime.now(UTC))
