"""One aiosqlite connection in WAL mode, explicit write transactions, numbered migrations."""

from __future__ import annotations

import asyncio
import itertools
import logging
import re
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager, suppress
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_db(moment: datetime | None) -> str | None:
    """Fixed-width UTC text, so that string order is time order in SQL comparisons."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("naive datetime reached storage")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every bundled migration, in order; numbers unique and ascending.

    A branch may hold a later number before an earlier one lands (numbers are handed out to
    parallel work), so a gap is allowed; a duplicate is not.
    """
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    for (before, _, _), (number, name, _) in itertools.pairwise(found):
        if number == before:
            raise RuntimeError(f"migration {name} repeats number {number:04d}")
    return found


class Database:
    """The single connection; every write goes through `transaction()`."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        path = Path(path)
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: no implicit BEGINs; transactions are explicit below.
        conn = await aiosqlite.connect(path, isolation_level=None)
        conn.row_factory = aiosqlite.Row
        db = cls(conn, path)
        try:
            # Before WAL, which writes the header: a new file gets incremental auto-vacuum now;
            # an existing one needs the one VACUUM in _enable_incremental_vacuum.
            await conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
            await conn.execute("PRAGMA journal_mode=WAL")
            await conn.execute("PRAGMA synchronous=NORMAL")
            await conn.execute("PRAGMA foreign_keys=ON")
            await conn.execute("PRAGMA busy_timeout=5000")
            await db.migrate()
            await db._enable_incremental_vacuum()
        except BaseException:
            await conn.close()
            raise
        return db

    async def _enable_incremental_vacuum(self) -> None:
        """A database made before auto-vacuum was switched on is rebuilt once (SQLite's rule:
        auto_vacuum changes on an existing database only with a VACUUM)."""
        if await self.fetchval("PRAGMA auto_vacuum") == 2 or str(self.path) == ":memory:":
            return
        log.info("rebuilding %s once to enable incremental auto-vacuum", self.path)
        async with self._write_lock:
            await self.conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
            await self.conn.execute("VACUUM")

    async def incremental_vacuum(self) -> int:
        """Give free pages back to the file system; returns how many pages were freed."""
        async with self._write_lock:
            before = int(await self.fetchval("PRAGMA freelist_count"))
            # Each step frees one page, and execute() steps once: executescript runs it to the end.
            await self.conn.executescript("PRAGMA incremental_vacuum;")
            return before - int(await self.fetchval("PRAGMA freelist_count"))

    async def close(self) -> None:
        async with self._write_lock:
            await self.conn.close()

    async def schema_version(self) -> int:
        row = await self.fetchone("PRAGMA user_version")
        assert row is not None
        return int(row[0])

    async def migrate(self) -> int:
        """Apply bundled migrations above `PRAGMA user_version`, each atomically."""
        current = await self.schema_version()
        for number, name, sql in migrations():
            if number <= current:
                continue
            log.info("applying migration %s", name)
            async with self._write_lock:
                try:
                    await self.conn.executescript(
                        f"BEGIN IMMEDIATE;\n{sql}\n;PRAGMA user_version = {number};\nCOMMIT;"
                    )
                except BaseException:
                    if self.conn.in_transaction:
                        await self.conn.rollback()
                    raise
            current = number
        return current

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE behind a lock: handlers and jobs write concurrently on one connection.

        Reads take no lock: one issued while another task's transaction is open sees its
        uncommitted rows. Transactions here are short and roll back only on bugs, so a read
        may at worst show a row a moment early.
        """
        async with self._write_lock:
            try:
                await self.conn.execute("BEGIN IMMEDIATE")
                yield self.conn
                await self.conn.execute("COMMIT")
            except BaseException:
                # SQLite may have rolled back already (SQLITE_FULL, IOERR); a failed COMMIT
                # (a deferred constraint, BUSY) leaves it open, and the next BEGIN would fail.
                # A BEGIN or COMMIT cancelled while queued still runs later on the connection's
                # thread, so the ROLLBACK is queued behind it whatever `in_transaction` says now;
                # with nothing open it fails harmlessly.
                with suppress(sqlite3.OperationalError):
                    await self.conn.execute("ROLLBACK")
                raise

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[aiosqlite.Row]:
        async with self.conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> aiosqlite.Row | None:
        async with self.conn.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def fetchval(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        async with self.transaction() as conn:
            await conn.executemany(sql, rows)
