"""The APScheduler 3 job that polls the feeds; started and stopped with the dispatcher."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.base import STATE_RUNNING, STATE_STOPPED
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.delivery.digests import DigestService
from bot.delivery.retention import Retention
from bot.ingest.poll import Ingestor, PollReport
from bot.text.formatting import DISPLAY_ZONE

log = logging.getLogger(__name__)

POLL_JOB_ID = "poll-feeds"
DIGEST_JOB_ID = "digests"
PRUNE_JOB_ID = "prune"
PRUNE_EVERY = timedelta(hours=6)
DIGEST_CATCH_UP_JOB_ID = "digests-catch-up"


class PollJob:
    """The scheduled poll of every feed, which `/pollnow` can bring forward.

    One poll at a time (the job has max_instances=1): a poll asked for while one runs is run
    right after it, and everyone waiting gets that forced poll's report.
    """

    def __init__(self, ingestor: Ingestor) -> None:
        self.ingestor = ingestor
        self.running = False
        self._waiters: list[asyncio.Future[PollReport]] = []
        self._task: asyncio.Task[Any] | None = None

    async def run(self) -> None:
        self.running = True
        self._task = asyncio.current_task()
        try:
            await self._poll(force=False)
            while self._waiters:  # asked for while polling, or brought forward
                await self._poll(force=True)
        except asyncio.CancelledError:  # shut down or deposed mid-poll; the next leader polls
            log.info("poll interrupted")
            self.cancel_waiters()
        finally:
            self.running = False
            self._task = None

    def interrupt(self) -> None:
        """Cancel the poll under way, if any (this instance stopped leading)."""
        if self._task is not None:
            self._task.cancel()

    def cancel_waiters(self) -> None:
        """Nobody is left waiting for a poll that will not come (shutdown)."""
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            waiter.cancel()

    async def _poll(self, *, force: bool) -> None:
        waiters, self._waiters = self._waiters, []
        try:
            report = await self.ingestor.poll(force=force or bool(waiters))
        except asyncio.CancelledError:
            for waiter in waiters:
                waiter.cancel()
            raise
        except Exception as exc:
            log.exception("poll failed")
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_exception(exc)
            return
        log.info("poll done: %s", report.summary().replace("\n", "; "))
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(report)

    def ask(self) -> asyncio.Future[PollReport]:
        waiter: asyncio.Future[PollReport] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        return waiter


def _poll_job(scheduler: AsyncIOScheduler) -> tuple[Any, PollJob]:
    job = scheduler.get_job(POLL_JOB_ID)
    poll = getattr(job.func, "__self__", None) if job is not None else None
    if job is None or not isinstance(poll, PollJob):
        raise RuntimeError("no poll job is scheduled")
    return job, poll


def lead(scheduler: AsyncIOScheduler) -> None:
    """Run the jobs (this instance became the leader): started the first time, else resumed;
    ticks missed meanwhile collapse into one run (coalesce), the poll's at once."""
    if scheduler.state == STATE_STOPPED:
        scheduler.start()
    else:
        scheduler.resume()


def follow(scheduler: AsyncIOScheduler) -> None:
    """Stop the jobs at once (the leadership was lost): none starts, and a poll under way (with
    its extraction) is cancelled. A digest run under way finishes: a digest is made once per
    chat and period, so the next leader's run does not repeat it."""
    if scheduler.state == STATE_RUNNING:
        scheduler.pause()
    _poll_job(scheduler)[1].interrupt()


async def poll_now(scheduler: AsyncIOScheduler) -> PollReport:
    """Run the scheduled poll now (ignoring feeds' backoff) and return its report; it never
    overlaps the scheduled one. Without a started scheduler the job runs here."""
    job, poll = _poll_job(scheduler)
    waiter = poll.ask()
    if poll.running:
        pass  # the running poll picks the request up when it ends
    elif scheduler.running:
        job.modify(next_run_time=datetime.now(UTC))
        scheduler.wakeup()
    else:
        await poll.run()
    while not waiter.done():
        await asyncio.wait({waiter}, timeout=1.0)
        if not waiter.done() and scheduler.state != STATE_RUNNING and not poll.running:
            poll.cancel_waiters()  # shut down or paused before the poll could start
    if waiter.cancelled():
        raise RuntimeError("the bot is stopping: no poll now")
    return waiter.result()


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
        PollJob(ingestor).run,  # a coroutine function: APScheduler runs it on the loop
        IntervalTrigger(seconds=interval_seconds, timezone=UTC),
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
