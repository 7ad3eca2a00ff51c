"""Several `python -m bot run` instances in webhook mode on one PostgreSQL database, and the
kill -9 failover scenario that tests/test_failover.py checks and bench/bench_failover.py times.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import gc
import itertools
import signal
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg

from bot.leadership import LEADER_LOCK
from storage.db import Database, to_db, utcnow
from storage.feeds import FeedRepository
from tests.fakes.bot_api import CallRecord, FakeBotAPI
from tests.fakes.news_site import FakeNewsSite
from tests.pg import drop_database, with_database
from tests.test_e2e import BotProcess, bot_env
from tests.test_webhook import PUBLIC_URL, SECRET, free_port, post_update

FEED = "/media/news/rss/"
FIRST_SEEDED_CHAT = 100_000
_databases = itertools.count()


def max_in_a_second(times: list[float]) -> int:
    """The most events in any sliding one-second window."""
    times = sorted(times)
    return max((bisect.bisect_left(times, t + 1.0) - i for i, t in enumerate(times)), default=0)


@contextlib.asynccontextmanager
async def fresh_database(server_dsn: str) -> AsyncIterator[str]:
    """A new, empty database on the test server; its URL, dropped afterwards."""
    name = f"fail{next(_databases)}"
    await with_database(server_dsn, name)
    try:
        yield server_dsn.rsplit("/", 1)[0] + "/" + name
    finally:
        await drop_database(server_dsn, name)


async def seed_subscribers(dsn: str, feed_url: str, first: int, count: int) -> None:
    """`count` private chats subscribed to everything (bulk SQL), and the feed they follow."""
    db = await Database.open(dsn)
    try:
        await FeedRepository(db).ensure([feed_url])
        now = to_db(utcnow())
        chat_ids = range(first, first + count)
        await db.executemany(
            """INSERT INTO chats (id, type, title, language, active, created_at, updated_at)
               VALUES (?, 'private', NULL, 'ru', 1, ?, ?)""",
            ((c, now, now) for c in chat_ids),
        )
        await db.executemany(
            """INSERT INTO subscriptions (chat_id, kind, value, thread_id, created_at)
               VALUES (?, 'all', '', NULL, ?)""",
            ((c, now) for c in chat_ids),
        )
    finally:
        await db.close()


class Instance(BotProcess):
    """One instance: its own folder (log), its own WEBHOOK_LISTEN port, the shared database."""

    def __init__(self, name: str, env: dict[str, str], root: Path) -> None:
        self.name = name
        self.port = free_port()
        cwd = root / name
        cwd.mkdir(parents=True, exist_ok=True)
        super().__init__({**env, "WEBHOOK_LISTEN": f"127.0.0.1:{self.port}"}, cwd)

    @property
    def hook(self) -> str:
        return f"http://127.0.0.1:{self.port}/tg/updates"

    async def health(self, http: aiohttp.ClientSession) -> dict[str, Any] | None:
        """/healthz of this instance, None while it does not answer."""
        try:
            async with http.get(f"http://127.0.0.1:{self.port}/healthz") as response:
                body: dict[str, Any] = await response.json()
                return body
        except aiohttp.ClientError:
            return None

    async def kill9(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()

    def elected_at(self) -> float | None:
        """Wall-clock time of this instance's first "became the leader" log line."""
        for line in self.output().splitlines():
            if line.endswith("became the leader"):
                stamp, millis = line[:23].split(",")
                return time.mktime(time.strptime(stamp, "%Y-%m-%d %H:%M:%S")) + int(millis) / 1e3
        return None


def instance_env(
    api: FakeBotAPI, site: FakeNewsSite, root: Path, dsn: str, **extra: str
) -> dict[str, str]:
    env = bot_env(api, site, root)
    env.pop("DATABASE_PATH")
    env.update(DATABASE_URL=dsn, WEBHOOK_URL=PUBLIC_URL, WEBHOOK_SECRET=SECRET, **extra)
    return env


async def until(
    check: Callable[[], bool], what: str, instances: list[Instance], within: float = 30.0
) -> None:
    """Wait for `check`; fail with the instances' logs if one exits or time runs out."""
    deadline = time.monotonic() + within
    while not check():
        for instance in instances:
            code = instance.proc.returncode if instance.proc is not None else None
            if code is not None and code != -signal.SIGKILL:
                raise AssertionError(f"{instance.name} exited:\n{instance.output()}")
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- {i.name}\n{i.output()[-3000:]}" for i in instances)
            raise AssertionError(f"timed out waiting for {what}\n{logs}")
        await asyncio.sleep(0.05)


async def until_healthy(
    http: aiohttp.ClientSession,
    instance: Instance,
    leader: bool,
    others: list[Instance],
    within: float = 60.0,
) -> None:
    """Wait until the instance's /healthz says it is up and whether it leads."""
    state: dict[str, Any] = {}

    async def poll() -> None:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            body = await instance.health(http)
            if body is not None and body.get("leader") is leader and body.get("ok"):
                state["ok"] = True
                return
            await asyncio.sleep(0.1)

    task = asyncio.create_task(poll())
    try:
        await until(task.done, f"{instance.name} healthy, leader={leader}", [instance, *others])
    finally:
        task.cancel()
    assert state.get("ok"), f"{instance.name} never said leader={leader}:\n{instance.output()}"


@contextlib.contextmanager
def _collecting() -> Iterator[None]:
    """Garbage collection back on when the block ends, however it ends."""
    try:
        yield
    finally:
        gc.enable()


@contextlib.asynccontextmanager
async def started(instances: list[Instance]) -> AsyncIterator[None]:
    try:
        yield
    finally:
        for instance in instances:
            if instance.proc is not None:
                await instance.stop()


def expected_chats(chats: int, webhook_chats: int = 40) -> Iterator[int]:
    yield from range(1, webhook_chats + 1)
    yield from range(FIRST_SEEDED_CHAT, FIRST_SEEDED_CHAT + chats - webhook_chats)


@dataclass
class Failover:
    """What the kill -9 of the leader mid-broadcast looked like from Telegram's side."""

    chats: int
    lost: int  # subscribers that never got the item
    sent_before_kill: int
    recent_before_kill: int  # sends that reached Telegram in the last second before the kill
    duplicates: int
    duplicates_all_recent: bool  # every repeated chat's first copy was in that last second
    to_first_send: float  # kill -9 → the new leader's first send (s)
    to_elected: float  # kill -9 → the new leader's "became the leader" (s)
    max_per_second: int  # the most item sends in any sliding second, both leaders together
    answered: int  # webhook updates answered, of `asked`
    asked: int
    survivor_code: int
    recorder_stall: float  # the longest this process (the fake's clock) stalled meanwhile (s)
    deposed_says_leader: bool | None  # the old leader's /healthz at the end (None: it is dead)
    deposed_code: int  # the old leader's exit code (-9: killed)
    killed_at: float = field(repr=False, default=0.0)  # on the fake's clock
    times: list[float] = field(repr=False, default_factory=list)  # every item send's arrival


async def longest_stall(tick: float = 0.01) -> float:
    """Until cancelled: how late this event loop woke up at worst (returned on cancel)."""
    worst = 0.0
    try:
        while True:
            start = time.monotonic()
            await asyncio.sleep(tick)
            worst = max(worst, time.monotonic() - start - tick)
    except asyncio.CancelledError:
        return worst


async def end_lock_session(dsn: str) -> None:
    """End the database session holding the leader's lock, as a server restart, an operator or
    a network timeout would; the process holding it lives on."""
    conn = await asyncpg.connect(dsn)
    try:
        ended = await conn.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_locks "
            "WHERE locktype = 'advisory' AND objid = $1 AND granted",
            LEADER_LOCK,
        )
    finally:
        await conn.close()
    assert ended == 1


def item_sends(api: FakeBotAPI, link: str) -> list[CallRecord]:
    return [c for c in api.calls_of("sendMessage") if c.ok and link in (c.text or "")]


async def failover(
    api: FakeBotAPI,
    site: FakeNewsSite,
    root: Path,
    dsn: str,
    *,
    chats: int = 2000,
    rate: float = 200.0,
    webhook_chats: int = 40,
    kill_after: float = 1 / 3,
    session_only: bool = False,
) -> Failover:
    """Two instances on `dsn`; updates posted to both; `chats` subscribers (`webhook_chats` of
    them subscribing through the instances); one new item broadcast at `rate`; the leader is
    killed (kill -9) once `kill_after` of the chats have it, or with `session_only` only its
    lock's database session is ended (it lives on, deposed); the rest is the other's."""
    await seed_subscribers(dsn, site.feed_url, FIRST_SEEDED_CHAT, chats - webhook_chats)
    env = instance_env(api, site, root, dsn, BROADCAST_RATE=str(rate), POLL_INTERVAL_SECONDS="1")
    both = [Instance("a", env, root), Instance("b", env, root)]
    with _collecting():
        depose = partial(end_lock_session, dsn) if session_only else both[0].kill9
        return await _failover(api, site, both, chats, webhook_chats, kill_after, depose)


async def _failover(
    api: FakeBotAPI,
    site: FakeNewsSite,
    both: list[Instance],
    chats: int,
    webhook_chats: int,
    kill_after: float,
    depose: Callable[[], Awaitable[None]],
) -> Failover:
    first, second = both
    async with started(both), aiohttp.ClientSession() as http:
        await first.start()
        await until_healthy(http, first, True, [])
        await second.start()
        await until_healthy(http, second, False, [first])
        # The first poll stored the feed's backlog (not announced); the second found nothing new.
        await until(lambda: len(site.requests_to(FEED)) >= 2, "two polls", both)

        # Updates spread over both instances (a load balancer's round robin): all answered.
        asked = answered = 0
        for n in range(webhook_chats):
            chat_id = 1 + n
            for text in ("/start", "/subscribe"):
                instance = both[n % 2]
                update = api.push_message(text, chat_id=chat_id, language_code="ru")
                asked += 1
                status = await post_update(http, instance.hook, update, SECRET)
                replies = [c for c in api.sent_messages(chat_id) if c.ok]
                answered += status == 200 and len(replies) == (1 if text == "/start" else 2)

        # The fake stamps sends as they arrive, in this process: a full garbage collection of
        # the test session's objects (0.5 s seen) would hold requests and stamp them in a bunch.
        gc.disable()
        stalls = asyncio.create_task(longest_stall())
        item = site.publish(
            "Политех подписал соглашение с Университетом Цинхуа",
            ["Стороны договорились о совместных исследованиях и обмене аспирантами."],
        )
        target = int(chats * kill_after)
        await until(lambda: len(item_sends(api, item.link)) >= target, "the broadcast", both)
        await depose()
        killed_at, killed_wall = time.monotonic(), time.time()
        sent = item_sends(api, item.link)
        recent_from = killed_at - 1.0
        recent = [c for c in sent if c.time >= recent_from]

        def everyone() -> bool:
            return len({c.chat_id for c in item_sends(api, item.link)}) >= chats

        await until(everyone, "every subscriber", both, within=60.0)
        await asyncio.sleep(1.0)  # anything still queued would go out now
        gc.enable()
        stalls.cancel()
        recorder_stall = await stalls
        survivor_health = await second.health(http)
        deposed_health = await first.health(http)
    assert survivor_health is not None and survivor_health["leader"] is True
    sends = item_sends(api, item.link)
    per_chat = Counter(c.chat_id for c in sends)
    first_copy: dict[int | str | None, float] = {}
    for call in sends:
        first_copy.setdefault(call.chat_id, call.time)
    repeated = [chat for chat, n in per_chat.items() if n > 1]
    after = [c.time for c in sends if c.time > killed_at]
    elected = second.elected_at()
    assert second.proc is not None and second.proc.returncode is not None
    assert first.proc is not None and first.proc.returncode is not None
    return Failover(
        chats=chats,
        lost=len(set(expected_chats(chats, webhook_chats)) - set(per_chat)),
        sent_before_kill=len(sent),
        recent_before_kill=len(recent),
        duplicates=sum(n - 1 for n in per_chat.values()),
        duplicates_all_recent=all(first_copy[chat] >= recent_from for chat in repeated),
        to_first_send=min(after) - killed_at if after else float("inf"),
        to_elected=elected - killed_wall if elected is not None else float("inf"),
        max_per_second=max_in_a_second([c.time for c in sends]),
        answered=answered,
        asked=asked,
        survivor_code=second.proc.returncode,
        recorder_stall=recorder_stall,
        deposed_says_leader=None if deposed_health is None else deposed_health["leader"],
        deposed_code=first.proc.returncode,
        killed_at=killed_at,
        times=sorted(c.time for c in sends),
    )
