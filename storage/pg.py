"""PostgreSQL behind the same repositories (asyncpg): a pool, `?` turned into `$n`, numbered
migrations in `storage/migrations/postgresql/`, full-text search with PostgreSQL's own stemming.

Many processes may share one database. Each process still serialises its own writes (as with
SQLite), so the repositories' read-then-write steps keep their meaning; between processes the
statements themselves are safe (ON CONFLICT, conditional UPDATEs, row locks).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from bot.text.dsn import redact_dsn
from storage.db import Connection, Cursor, Database, DatabaseUnavailable, Dialect, Row, migrations

log = logging.getLogger(__name__)

# How long opening the pool may take before start-up gives up with one line.
CONNECT_SECONDS = 15.0

# pg_advisory_xact_lock key held while migrating: two instances starting together take turns.
MIGRATION_LOCK = 0x5B0_0001

_RETURNS_ROWS = re.compile(r"^\s*(SELECT|WITH|VALUES)\b|\bRETURNING\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|--[^\n]*|\?")


@functools.lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """`?` placeholders become `$1, $2, …`; question marks inside quotes and comments stay."""
    counter = 0

    def number(match: re.Match[str]) -> str:
        nonlocal counter
        if match.group(0) != "?":
            return match.group(0)
        counter += 1
        return f"${counter}"

    return _PLACEHOLDER.sub(number, sql)


def redact(dsn: str) -> str:
    """The URL without its password, for logs."""
    return redact_dsn(dsn)


# What connecting may raise, for `unavailable`.
CONNECT_ERRORS = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError, ValueError)


def unavailable(exc: BaseException, dsn: str) -> DatabaseUnavailable:
    """One line for a failed connection, naming the server without the password."""
    where = redact(dsn)
    if isinstance(exc, TimeoutError):
        return DatabaseUnavailable(f"no answer from PostgreSQL at {where} in time")
    if isinstance(exc, OSError):
        return DatabaseUnavailable(f"cannot reach PostgreSQL at {where}: {exc}")
    if isinstance(
        exc, asyncpg.InvalidPasswordError | asyncpg.InvalidAuthorizationSpecificationError
    ):
        return DatabaseUnavailable(f"PostgreSQL at {where} refused the login: {exc}")
    if isinstance(exc, asyncpg.InvalidCatalogNameError):
        return DatabaseUnavailable(f"{exc} at {where}: create it first (createdb)")
    return DatabaseUnavailable(f"PostgreSQL at {where}: {exc}")


def _rowcount(status: str) -> int:
    """'UPDATE 3', 'INSERT 0 1', 'DELETE 0' → the count; -1 for a status without one."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else -1


class PgDialect(Dialect):
    unit_separator = "chr(31)"
    skip_locked = " FOR UPDATE SKIP LOCKED"

    def id_list(self) -> str:
        return (
            "SELECT CAST(value AS BIGINT) AS value FROM jsonb_array_elements_text(CAST(? AS jsonb))"
        )

    def joined(self, column: str) -> str:
        return f"string_agg(CAST({column} AS TEXT), chr(31))"

    def has_cyrillic(self, column: str) -> str:
        return f"{column} ~ '[а-яА-ЯёЁ]'"


class _PgConnection(Connection):
    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        query = translate(sql)
        if _RETURNS_ROWS.search(query):
            rows = await self.conn.fetch(query, *params)
            return Cursor(list(rows), len(rows))
        return Cursor([], _rowcount(await self.conn.execute(query, *params)))

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(row) for row in rows]
        if batch:
            await self.conn.executemany(translate(sql), batch)


class PgDatabase(Database):
    """A connection pool; `transaction()` takes one connection for the block."""

    engine = "postgresql"

    def __init__(self, pool: asyncpg.Pool, dsn: str) -> None:
        self.pool = pool
        self.dsn = dsn
        self.dialect = PgDialect()
        self._write_lock = asyncio.Lock()

    @classmethod
    async def connect(cls, dsn: str, *, pool_size: int = 8) -> PgDatabase:
        try:
            pool = await asyncpg.create_pool(
                dsn,
                min_size=1,
                max_size=pool_size,
                timeout=CONNECT_SECONDS,
                # asyncpg prepares every statement, and after a few runs PostgreSQL may reuse a
                # generic plan that cannot know how common a search word is (a GIN scan for a
                # rare one, the newest rows first for a common one): plan each run for its values.
                server_settings={"plan_cache_mode": "force_custom_plan"},
            )
        except CONNECT_ERRORS as exc:
            raise unavailable(exc, dsn) from None
        db = cls(pool, dsn)
        try:
            await db.migrate()
        except BaseException:
            await pool.close()
            raise
        return db

    def describe(self) -> str:
        return redact(self.dsn)

    async def close(self) -> None:
        async with self._write_lock:
            await self.pool.close()

    async def incremental_vacuum(self) -> int:
        return 0  # autovacuum gives space back on its own

    async def schema_version(self) -> int:
        exists = await self.fetchval("SELECT to_regclass('schema_version') IS NOT NULL")
        if not exists:
            return 0
        return int(await self.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version"))

    async def migrate(self) -> int:
        """Apply bundled migrations above the recorded version, each in its own transaction,
        under an advisory lock (instances that start together migrate once)."""
        current = 0
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
            await conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
            current = int(
                await conn.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version")
            )
            for number, name, sql in migrations("storage.migrations.postgresql"):
                if number <= current:
                    continue
                log.info("applying migration postgresql/%s", name)
                async with conn.transaction():  # a savepoint: one migration at a time
                    await conn.execute(sql)
                    await conn.execute("INSERT INTO schema_version (version) VALUES ($1)", number)
                current = number
        return current

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Connection]:
        async with self._write_lock, self.pool.acquire() as conn, conn.transaction():
            yield _PgConnection(conn)

    @asynccontextmanager
    async def exclusive(self, key: int) -> AsyncIterator[None]:
        """A session advisory lock on a pooled connection for the block (a connection given
        back to the pool is reset, which lets go of it even after a cancellation)."""
        async with self.pool.acquire() as conn:
            await conn.execute("SELECT pg_advisory_lock($1)", key)
            try:
                yield
            finally:
                await conn.execute("SELECT pg_advisory_unlock($1)", key)

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(await self.pool.fetch(translate(sql), *params))

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        return await self.pool.fetchrow(translate(sql), *params)
