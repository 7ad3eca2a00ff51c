"""Who does the background work. With PostgreSQL any number of instances answer updates; the one
holding a session advisory lock (the leader) polls feeds, extracts, builds digests and drains the
outbox. With SQLite there is one process per database (its file lock), so it always leads.

The lock lives on a connection of its own, outside the pool: it is held exactly as long as that
session, so a leader that dies (or whose session the server ends) frees it, and another instance,
trying every RETRY_SECONDS, takes over.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from collections.abc import AsyncIterator
from typing import Any, Protocol

import asyncpg

log = logging.getLogger(__name__)

# pg_advisory_lock key of the leader (storage.pg.MIGRATION_LOCK is its neighbour).
LEADER_LOCK = 0x5B0_0002
CHANNEL = "bot_leader"  # NOTIFY channel: what other instances ask of the leader
RETRY_SECONDS = 1.0  # a follower tries the lock, a leader checks its session, this often
CHECK_TIMEOUT_SECONDS = 2.0
SUCCESSION_HOLD_SECONDS = 1.0  # a new leader's first send waits this long (Telegram's window)
# A leader cut off from the server steps down after at most RETRY + CHECK_TIMEOUT seconds; the
# server lets the lock go only once keepalives have failed (idle + interval * count, 8 s here),
# so over a network partition the old leader has stopped before a new one can start.
_KEEPALIVES = {
    "tcp_keepalives_idle": "5",
    "tcp_keepalives_interval": "1",
    "tcp_keepalives_count": "3",
}
_LOST = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)


class Request(enum.Enum):
    """What an instance that does not lead asks of the leader."""

    POLL = "poll"  # /pollnow
    OUTBOX = "outbox"  # rows were queued: the delivery worker should look now


class Duties(Protocol):
    """The leader's work: taken up on election, laid down at once when the lock is lost."""

    async def take_up(self, hold: float = 0.0) -> None:
        """Start the work; sends only `hold` seconds from now."""

    async def lay_down(self) -> None: ...

    def asked(self, request: Request) -> None: ...


class Leadership(Protocol):
    leading: bool

    async def start(self, duties: Duties) -> None: ...

    async def stop(self) -> None: ...

    def request(self, request: Request) -> None:
        """Done here when leading, else asked of the leader (never blocks, never raises)."""


class SoleLeader:
    """SQLite: the only process on its database (its file lock), so it always leads; its duties
    run from start to stop."""

    leading = True

    def __init__(self) -> None:
        self._duties: Duties | None = None

    async def start(self, duties: Duties) -> None:
        self._duties = duties
        await duties.take_up()

    async def stop(self) -> None:
        duties, self._duties = self._duties, None
        if duties is not None:
            await duties.lay_down()

    def request(self, request: Request) -> None:
        if self._duties is not None:
            self._duties.asked(request)


async def _connect(dsn: str) -> Any:
    return await asyncpg.connect(dsn, timeout=CHECK_TIMEOUT_SECONDS, server_settings=_KEEPALIVES)


class PgLeadership:
    """Contends for LEADER_LOCK until stopped; leads while its session holds it."""

    def __init__(
        self, dsn: str, *, retry: float = RETRY_SECONDS, timeout: float = CHECK_TIMEOUT_SECONDS
    ) -> None:
        self.dsn = dsn
        self.retry = retry
        self.timeout = timeout
        self.leading = False
        self._duties: Duties | None = None
        self._task: asyncio.Task[None] | None = None
        self._conn: Any = None
        self._conn_lock = asyncio.Lock()  # one statement at a time on the session
        self._asks: set[asyncio.Task[None]] = set()
        self._stopping = False

    async def start(self, duties: Duties) -> None:
        self._duties = duties
        self._stopping = False
        self._task = asyncio.create_task(self._contend(), name="leadership")

    async def stop(self) -> None:
        """Lay the duties down (if leading), then end the session, which frees the lock."""
        if self.leading:
            log.info("stepping down as the leader")
        # Python 3.11's wait_for can swallow a cancellation that arrives just as its inner await
        # completes (fixed in 3.12), so the loops also end by themselves, within `retry`, once
        # `_stopping` is set; the one cancel only makes that quicker (a second one could cut
        # short the duties being laid down).
        self._stopping = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for task in list(self._asks):
            task.cancel()

    def request(self, request: Request) -> None:
        if self.leading and self._duties is not None:
            self._duties.asked(request)
            return
        task = asyncio.create_task(self._notify(request))
        self._asks.add(task)
        task.add_done_callback(self._asks.discard)

    async def _notify(self, request: Request) -> None:
        try:
            async with self._conn_lock:
                if self._conn is None:
                    raise ConnectionError("no database session")
                await asyncio.wait_for(
                    self._conn.execute("SELECT pg_notify($1, $2)", CHANNEL, request.value),
                    self.timeout,
                )
        except _LOST as exc:
            log.warning("could not ask the leader to %s: %s", request.value, type(exc).__name__)

    async def _contend(self) -> None:
        unreachable = False
        while not self._stopping:
            try:
                async with self._session() as conn:
                    if unreachable:
                        log.info("leadership: the database answers again")
                        unreachable = False
                    if await self._wait_for_lock(conn):
                        await self._lead(conn)
            except _LOST as exc:
                if not unreachable:  # logged once per outage, not every second
                    log.warning("leadership: cannot reach the database: %s", _why(exc))
                    unreachable = True
            except Exception:  # a bug: logged, and the instance contends again
                log.exception("leadership failed; contending again")
            await asyncio.sleep(self.retry)

    @contextlib.asynccontextmanager
    async def _session(self) -> AsyncIterator[Any]:
        conn = await _connect(self.dsn)
        self._conn = conn
        try:
            yield conn
        finally:
            self._conn = None
            conn.terminate()  # the session ends: the lock, if held, is free

    async def _wait_for_lock(self, conn: Any) -> bool:
        """Try the lock every `retry` seconds until this session holds it (True) or the
        leadership is stopped (False)."""
        sql = "SELECT pg_try_advisory_lock($1)"
        while not self._stopping:
            async with self._conn_lock:
                if await asyncio.wait_for(conn.fetchval(sql, LEADER_LOCK), self.timeout):
                    return True
            await asyncio.sleep(self.retry)
        return False

    async def _lead(self, conn: Any) -> None:
        """Hold the lock: take the duties up, check the session every `retry` seconds (within
        `timeout`), and lay them down the moment it is lost, or when stopped."""
        assert self._duties is not None
        lost = asyncio.Event()
        conn.add_termination_listener(lambda _conn: lost.set())
        await conn.add_listener(CHANNEL, self._on_notify)
        self.leading = True
        log.info("became the leader")
        try:
            # Telegram counts a bot's sends over any second, whichever process made them: the
            # leader before this one may have filled the last second just before it died (or
            # was deposed with sends in flight), so this one's first send waits a second.
            await self._duties.take_up(hold=SUCCESSION_HOLD_SECONDS)
            while not lost.is_set() and not self._stopping:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(lost.wait(), self.retry)
                if not lost.is_set():
                    async with self._conn_lock:
                        await asyncio.wait_for(conn.fetchval("SELECT 1"), self.timeout)
            reason = None if self._stopping else "the database closed the session"
        except _LOST as exc:
            reason = _why(exc)
        finally:
            self.leading = False
            await self._duties.lay_down()
        if reason is not None:
            log.warning("lost the leadership (%s): the leader's work stopped", reason)

    def _on_notify(self, _conn: object, _pid: int, _channel: str, payload: str) -> None:
        try:
            request = Request(payload)
        except ValueError:
            log.warning("ignored an unknown request to the leader: %r", payload[:40])
            return
        if self.leading and self._duties is not None:
            self._duties.asked(request)


def _why(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


@contextlib.asynccontextmanager
async def exclusive(dsn: str) -> AsyncIterator[bool]:
    """Hold the leader's lock for a side command (`poll --once`, `reextract`): yields False when
    a running bot leads, so the command can refuse instead of racing it."""
    conn = await _connect(dsn)
    try:
        yield bool(await conn.fetchval("SELECT pg_try_advisory_lock($1)", LEADER_LOCK))
    finally:
        conn.terminate()
