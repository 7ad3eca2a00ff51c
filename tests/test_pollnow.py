"""/pollnow goes through the scheduler's poll job: it never runs beside the scheduled poll."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import pytest

from bot.ingest.poll import Ingestor, PollReport
from bot.scheduler import build_scheduler, poll_now

pytestmark = pytest.mark.both_engines


class SlowIngestor:
    """Stands in for the Ingestor where only the timing of polls matters."""

    def __init__(self) -> None:
        self.active = 0
        self.most_active = 0
        self.forced: list[bool] = []
        self.started = asyncio.Event()
        self.finished = asyncio.Event()

    async def poll(self, *, force: bool = False) -> PollReport:
        self.active += 1
        self.most_active = max(self.most_active, self.active)
        self.forced.append(force)
        self.started.set()
        await asyncio.sleep(0.3)
        self.active -= 1
        self.finished.set()
        return PollReport((), len(self.forced), 0, 0, 0)


async def test_pollnow_during_the_scheduled_poll_waits_for_it_then_polls_once() -> None:
    ingestor = SlowIngestor()
    scheduler = build_scheduler(cast(Ingestor, ingestor), 3600)
    scheduler.start()
    try:
        await asyncio.wait_for(ingestor.started.wait(), 5)  # the start-up poll is running
        first, second = await asyncio.gather(poll_now(scheduler), poll_now(scheduler))
    finally:
        scheduler.shutdown(wait=False)
    assert ingestor.most_active == 1  # never two polls at once
    assert ingestor.forced == [False, True]  # the scheduled one, then one forced for both asks
    assert first is second and first.bodies_fetched == 2


async def test_pollnow_brings_the_scheduled_poll_forward() -> None:
    ingestor = SlowIngestor()
    scheduler = build_scheduler(cast(Ingestor, ingestor), 3600)
    scheduler.start()
    try:
        await asyncio.wait_for(ingestor.finished.wait(), 5)  # the start-up poll is over
        report = await asyncio.wait_for(poll_now(scheduler), 5)
        job: Any = scheduler.get_job("poll-feeds")
    finally:
        scheduler.shutdown(wait=False)
    assert ingestor.forced == [False, True] and report.bodies_fetched == 2
    assert job is not None  # still scheduled for its next tick


async def test_pollnow_does_not_hang_when_the_scheduler_stops_under_it() -> None:
    ingestor = SlowIngestor()
    scheduler = build_scheduler(cast(Ingestor, ingestor), 3600)
    scheduler.start()
    await asyncio.wait_for(ingestor.started.wait(), 5)  # the start-up poll is running
    asked = asyncio.create_task(poll_now(scheduler))
    await asyncio.sleep(0.05)
    scheduler.shutdown(wait=False)  # the running poll is cancelled with the request queued
    with pytest.raises(RuntimeError, match="stopping"):
        await asyncio.wait_for(asked, 5)
