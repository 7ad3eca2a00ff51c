"""The database behind every repository: SQLite (the default) or PostgreSQL.

Repositories write one SQL with `?` placeholders; the few constructs the engines spell
differently come from `Database.dialect`. `Database.open(target)` picks the engine: a
`postgresql://` URL opens PostgreSQL (storage.pg), anything else is a SQLite file.

SQLite: one aiosqlite connection in WAL mode, explicit write transactions behind one lock,
numbered migrations in `storage/migrations/`. PostgreSQL: see storage.pg.
"""

from __future__ import annotations

import abc
import asyncio
import itertools
import json
import logging
import re
import sqlite3
from collections.abc import AsyncIterator, Collection, Iterable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

import aiosqlite

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

# A row of either engine (sqlite3.Row, asyncpg.Record): both index by column name and position.
Row = Any


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


class DatabaseUnavailable(Exception):
    """The database cannot be opened (server down, wrong password, no such database); the
    message is one line without secrets."""


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def migrations(package: str = "storage.migrations") -> list[tuple[int, str, str]]:
    """(number, name, sql) of every bundled migration of one engine, in order.

    SQLite's are in `storage/migrations/`, PostgreSQL's in `storage/migrations/postgresql/`;
    a schema change adds a file to each. A branch may hold a later number before an earlier
    one lands (numbers are handed out to parallel work), so a gap is allowed; a duplicate is not.
    """
    found = []
    for entry in resources.files(package).iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    for (before, _, _), (number, name, _) in itertools.pairwise(found):
        if number == before:
            raise RuntimeError(f"migration {name} repeats number {number:04d}")
    return found


def id_list(ids: Collection[int]) -> str:
    """The parameter `Dialect.id_list` reads: a JSON array of integers."""
    return json.dumps(sorted(int(i) for i in ids))


@dataclass(slots=True)
class Cursor:
    """What a statement gave back, read in full: its rows (if any) and the rows it changed."""

    rows: list[Row]
    rowcount: int

    def first(self) -> Row | None:
        return self.rows[0] if self.rows else None


class Connection(abc.ABC):
    """A connection inside a transaction: `?` placeholders, results read in full."""

    @abc.abstractmethod
    async def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor: ...

    @abc.abstractmethod
    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...


class Dialect(abc.ABC):
    """SQL fragments the two engines spell differently."""

    @abc.abstractmethod
    def id_list(self) -> str:
        """A subquery of one column, `value`: the integers of a JSON array parameter."""

    unit_separator: str  # U+001F as an SQL expression: what `joined` puts between values
    # Appended to a SELECT of rows to claim: rows another process holds are skipped, not waited
    # for. SQLite has one writer, so it needs nothing.
    skip_locked: str

    @abc.abstractmethod
    def joined(self, column: str) -> str:
        """An aggregate joining text values with U+001F (split by the caller)."""

    @abc.abstractmethod
    def has_cyrillic(self, column: str) -> str:
        """A condition: the text column holds a Cyrillic letter."""


class SqliteDialect(Dialect):
    unit_separator = "char(31)"
    skip_locked = ""

    def id_list(self) -> str:
        return "SELECT value FROM json_each(?)"

    def joined(self, column: str) -> str:
        return f"group_concat({column}, char(31))"

    def has_cyrillic(self, column: str) -> str:
        return f"{column} GLOB '*[а-яА-ЯёЁ]*'"


class Database(abc.ABC):
    """The interface every repository uses; every write goes through `transaction()`."""

    engine: ClassVar[str]
    dialect: Dialect

    @staticmethod
    async def open(target: Path | str) -> Database:
        """PostgreSQL for a `postgresql://` URL, otherwise the SQLite file at `target`;
        migrated to the current schema."""
        if is_postgres_url(target):
            from storage.pg import PgDatabase  # asyncpg is imported only when asked for

            return await PgDatabase.connect(str(target))
        return await SqliteDatabase.connect(Path(target))

    @abc.abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Connection]: ...

    @asynccontextmanager
    async def exclusive(self, key: int) -> AsyncIterator[None]:
        """Held by one process at a time for the block, `key` naming what is held: nothing to
        take on SQLite (one process per file); PostgreSQL's instances take turns."""
        yield

    @abc.abstractmethod
    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        rows = await self.fetchall(sql, params)
        return rows[0] if rows else None

    async def fetchval(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        """One statement in a transaction of its own."""
        async with self.transaction() as conn:
            return await conn.execute(sql, params)

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        async with self.transaction() as conn:
            await conn.executemany(sql, rows)

    @abc.abstractmethod
    async def schema_version(self) -> int: ...

    @abc.abstractmethod
    async def migrate(self) -> int: ...

    @abc.abstractmethod
    async def incremental_vacuum(self) -> int:
        """Give free space back to the file system where the engine needs asking; pages freed."""

    @abc.abstractmethod
    async def close(self) -> None: ...

    @abc.abstractmethod
    def describe(self) -> str:
        """Where the data lives, for logs and errors (no password)."""


class _SqliteConnection(Connection):
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        async with self.conn.execute(sql, params) as cursor:
            if cursor.description is None:
                return Cursor([], cursor.rowcount)
            rows = list(await cursor.fetchall())
            return Cursor(rows, len(rows))

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        await self.conn.executemany(sql, rows)


class SqliteDatabase(Database):
    """The single connection; writes are serialised by a lock (SQLite has one writer)."""

    engine = "sqlite"

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.dialect = SqliteDialect()
        self._write_lock = asyncio.Lock()

    @classmethod
    async def connect(cls, path: Path) -> SqliteDatabase:
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

    def describe(self) -> str:
        return str(self.path)

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
        async with self._write_lock:
            before = int(await self.fetchval("PRAGMA freelist_count"))
            # Each step frees one page, and execute() steps once: executescript runs it to the end.
            await self.conn.executescript("PRAGMA incremental_vacuum;")
            return before - int(await self.fetchval("PRAGMA freelist_count"))

    async def close(self) -> None:
        async with self._write_lock:
            await self.conn.close()

    async def schema_version(self) -> int:
        return int(await self.fetchval("PRAGMA user_version"))

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
    async def transaction(self) -> AsyncIterator[Connection]:
        """BEGIN IMMEDIATE behind a lock: handlers and jobs write concurrently on one connection.

        Reads take no lock: one issued while another task's transaction is open sees its
        uncommitted rows. Transactions here are short and roll back only on bugs, so a read
        may at worst show a row a moment early.
        """
        async with self._write_lock:
            try:
                await self.conn.execute("BEGIN IMMEDIATE")
                yield _SqliteConnection(self.conn)
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

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        async with self.conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        async with self.conn.execute(sql, params) as cursor:
            return await cursor.fetchone()
