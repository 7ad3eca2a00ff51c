"""The leader's lock on PostgreSQL: one leader among contenders, a new one when it goes, a leader
whose session the server ends stops its work at once, requests reach the leader, and side
commands refuse while a leader runs."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator

import asyncpg
import pytest

from bot.leadership import (
    LEADER_LOCK,
    SUCCESSION_HOLD_SECONDS,
    PgLeadership,
    Request,
    SoleLeader,
    exclusive,
)
from tests.pg import drop_database, with_database

_names = itertools.count()


@pytest.fixture
async def dsn(pg_dsn: str) -> AsyncIterator[str]:
    name = f"leader{next(_names)}"
    await with_database(pg_dsn, name)
    try:
        yield pg_dsn.rsplit("/", 1)[0] + "/" + name
    finally:
        await drop_database(pg_dsn, name)


class Work:
    """Records what a contender was told to do, and when."""

    def __init__(self, name: str, log: list[tuple[str, str, float]]) -> None:
        self.name = name
        self.log = log
        self.working = False
        self.requests: list[Request] = []
        self.holds: list[float] = []

    async def take_up(self, hold: float = 0.0) -> None:
        assert not self.working
        self.working = True
        self.holds.append(hold)
        self.log.append((self.name, "up", time.monotonic()))

    async def lay_down(self) -> None:
        assert self.working
        self.working = False
        self.log.append((self.name, "down", time.monotonic()))

    def asked(self, request: Request) -> None:
        self.requests.append(request)


async def until(check: object, within: float = 10.0) -> None:
    deadline = time.monotonic() + within
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "not reached in time"
        await asyncio.sleep(0.02)


async def test_one_leader_and_a_new_one_when_it_stops(dsn: str) -> None:
    log: list[tuple[str, str, float]] = []
    works = {name: Work(name, log) for name in "abc"}
    contenders = {name: PgLeadership(dsn, retry=0.2) for name in "abc"}
    for name, leadership in contenders.items():
        await leadership.start(works[name])
    try:
        await until(lambda: sum(w.working for w in works.values()) == 1)
        await asyncio.sleep(1.0)  # several retries later, still exactly one
        assert sum(w.working for w in works.values()) == 1
        assert sum(c.leading for c in contenders.values()) == 1
        [first] = [name for name, c in contenders.items() if c.leading]

        stopped_at = time.monotonic()
        await contenders[first].stop()
        assert not works[first].working  # its work stopped before its lock was freed
        await until(lambda: sum(w.working for w in works.values()) == 1)
        [(second, _, at)] = [entry for entry in log if entry[1] == "up" and entry[0] != first]
        assert at - stopped_at < 1.0  # within one retry (0.2 s) and a little
        assert not contenders[first].leading and contenders[second].leading
    finally:
        for leadership in contenders.values():
            await leadership.stop()
    assert not any(w.working for w in works.values())


async def test_a_leader_whose_session_ends_stops_at_once_and_another_takes_over(
    dsn: str,
) -> None:
    log: list[tuple[str, str, float]] = []
    a, b = Work("a", log), Work("b", log)
    first = PgLeadership(dsn, retry=0.2)
    await first.start(a)
    await until(lambda: a.working)
    second = PgLeadership(dsn, retry=0.2)
    await second.start(b)
    try:
        await asyncio.sleep(0.5)
        assert not b.working
        admin = await asyncpg.connect(dsn)
        try:
            # The server ends the leader's session (a restart, an operator, a network timeout).
            ended_at = time.monotonic()
            killed = await admin.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_locks "
                "WHERE locktype = 'advisory' AND objid = $1 AND granted",
                LEADER_LOCK,
            )
            assert killed == 1
        finally:
            await admin.close()
        await until(lambda: not a.working, within=2.0)
        await until(lambda: b.working, within=3.0)
        down = next(at for name, what, at in log if name == "a" and what == "down")
        up = next(at for name, what, at in log if name == "b" and what == "up")
        assert down - ended_at < 0.5  # deposed at once, not at the next check
        assert down < up  # never two leaders working at once
        # The old leader contends again and follows.
        await asyncio.sleep(0.6)
        assert not a.working and not first.leading and second.leading
    finally:
        await first.stop()
        await second.stop()


async def test_a_leader_elected_again_after_a_lost_session_holds_its_first_send_again(
    dsn: str,
) -> None:
    """The same instance leading again after its session ended is a new leader too: whoever
    led in between may have filled Telegram's last second, so its sends wait again. The SQLite
    sole leader never follows anyone and starts at once."""
    log: list[tuple[str, str, float]] = []
    a = Work("a", log)
    alone = PgLeadership(dsn, retry=0.2)
    await alone.start(a)
    try:
        await until(lambda: a.working)
        admin = await asyncpg.connect(dsn)
        try:
            await admin.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_locks "
                "WHERE locktype = 'advisory' AND objid = $1 AND granted",
                LEADER_LOCK,
            )
        finally:
            await admin.close()
        await until(lambda: [what for _, what, _ in log] == ["up", "down", "up"], within=5.0)
        assert a.holds == [SUCCESSION_HOLD_SECONDS, SUCCESSION_HOLD_SECONDS]
    finally:
        await alone.stop()
    sole, work = SoleLeader(), Work("sole", [])
    await sole.start(work)
    await sole.stop()
    assert work.holds == [0.0]


async def test_requests_reach_the_leader_and_side_commands_refuse_while_it_leads(
    dsn: str,
) -> None:
    leader_work, follower_work = Work("leader", []), Work("follower", [])
    leader, follower = PgLeadership(dsn, retry=0.2), PgLeadership(dsn, retry=0.2)
    await leader.start(leader_work)
    await until(lambda: leader_work.working)
    await follower.start(follower_work)
    try:
        await asyncio.sleep(0.3)  # the follower's session is open
        follower.request(Request.POLL)
        follower.request(Request.OUTBOX)
        await until(lambda: len(leader_work.requests) == 2, within=3.0)
        assert leader_work.requests == [Request.POLL, Request.OUTBOX]
        assert follower_work.requests == []
        leader.request(Request.OUTBOX)  # the leader's own request is done where it is
        assert leader_work.requests[-1] is Request.OUTBOX

        async with exclusive(dsn) as alone:
            assert alone is False
    finally:
        await leader.stop()
        await follower.stop()
    async with exclusive(dsn) as alone:
        assert alone is True
        # While the command holds it, a bot starting meanwhile follows.
        waiting = Work("late", [])
        late = PgLeadership(dsn, retry=0.2)
        await late.start(waiting)
        await asyncio.sleep(0.5)
        assert not waiting.working
    await until(lambda: waiting.working, within=3.0)
    await late.stop()
