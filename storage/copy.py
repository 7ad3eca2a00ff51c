"""Copying a SQLite database to PostgreSQL (`python -m bot migrate-db`), as often as needed.

The source is read as one snapshot: one read transaction on a read-only connection, so a bot may
go on writing beside it and nothing is ever written to it. The target converges to that snapshot
in one PostgreSQL transaction: the snapshot is loaded into temporary tables by COPY, then rows it
no longer has are deleted, new rows inserted and changed rows updated, ids kept, and identity
sequences moved past the largest id. A second run (after the SQLite bot stopped) brings over
only what changed since the first.

`migrate_db_runs` in the target records each copy: its source and a checksum of every copied
table as the copy left it. A target holding rows no copy wrote, copied from another source, or
changed since the last copy (a bot ran on it) is refused unless forced: converging would undo
that work, and a message sent from PostgreSQL would be sent again.
"""

from __future__ import annotations

import asyncio
import contextlib
import graphlib
import json
import logging
import time
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiosqlite
import asyncpg

from storage.db import Database, DatabaseUnavailable, migrations, to_db, utcnow
from storage.pg import PgDatabase, redact

log = logging.getLogger(__name__)

BATCH = 5_000
RUNS = "migrate_db_runs"
# pg_advisory_xact_lock key held while copying: two copies into one database take turns.
COPY_LOCK = 0x5B0_0002


class CopyError(Exception):
    """The copy cannot go on; the message is one line for the operator (no password)."""


@dataclass(frozen=True, slots=True)
class TableCopy:
    """What one table's convergence did; `rows` is the table's size in the snapshot."""

    name: str
    rows: int
    added: int
    updated: int
    deleted: int

    def summary(self) -> str:
        return (
            f"{self.name}: {self.rows} rows in the snapshot; "
            f"{self.added} added, {self.updated} updated, {self.deleted} deleted"
        )


@dataclass(frozen=True, slots=True)
class CopyReport:
    source: Path
    target: str  # without the password
    snapshot_at: datetime
    tables: list[TableCopy]
    seconds: float

    def lines(self) -> list[str]:
        return [
            *(table.summary() for table in self.tables),
            f"copied the snapshot of {self.source} taken at {to_db(self.snapshot_at)} "
            f"to {self.target} in {self.seconds:.1f} s",
        ]


@dataclass(frozen=True, slots=True)
class _Table:
    """A table both databases have: its columns (source order) and primary key (target's)."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    identity: str | None  # the target's identity column, whose sequence is moved on
    self_reference: bool  # a foreign key to itself (partners.merged_into)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _staged(table: str) -> str:
    return _q(f"migrate_src_{table}")


def current_version() -> int:
    """The SQLite schema version this code reads: its last bundled migration."""
    return max(number for number, _, _ in migrations())


def _existing_file(path: Path) -> Path | None:
    return path.resolve() if path.is_file() else None


class _Snapshot:
    """One read transaction on a read-only connection to a SQLite file (WAL: writers go on)."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.taken_at = utcnow()

    @classmethod
    async def take(cls, path: Path) -> _Snapshot:
        resolved = await asyncio.to_thread(_existing_file, path)
        if resolved is None:
            raise CopyError(f"no SQLite database at {path}")
        uri = f"file:{quote(str(resolved))}?mode=ro"
        try:
            conn = await aiosqlite.connect(uri, uri=True, isolation_level=None)
        except aiosqlite.Error as exc:
            raise CopyError(f"cannot open {path} read-only: {exc}") from None
        snapshot = cls(conn, resolved)
        try:
            await snapshot._begin(path)
        except aiosqlite.Error as exc:
            await conn.close()
            raise CopyError(f"cannot read {path}: {exc}") from None
        except BaseException:
            await conn.close()
            raise
        return snapshot

    async def _begin(self, path: Path) -> None:
        """Start the read transaction and check the schema version."""
        await self.conn.execute("PRAGMA busy_timeout=5000")
        if (await self._one("PRAGMA journal_mode"))[0] != "wal":
            log.warning("%s is not in WAL mode: a bot writing to it waits for the copy", path)
        await self.conn.execute("BEGIN")
        # The first read fixes the snapshot: everything below sees the database as of now.
        version = int((await self._one("PRAGMA user_version"))[0])
        expected = current_version()
        if version < expected:
            raise CopyError(
                f"{path} is at schema version {version}, this bot's is {expected}: start this "
                "version of the bot on it once (it migrates the file and upgrades its rows), "
                "stop it, and run migrate-db again"
            )
        if version > expected:
            raise CopyError(
                f"{path} is at schema version {version}, newer than this bot's ({expected}): "
                "run migrate-db from the version that wrote it"
            )

    async def _one(self, sql: str) -> Any:
        async with self.conn.execute(sql) as cursor:
            return await cursor.fetchone()

    async def _all(self, sql: str) -> list[Any]:
        async with self.conn.execute(sql) as cursor:
            return list(await cursor.fetchall())

    async def tables(self) -> dict[str, tuple[str, ...]]:
        """Every ordinary table and its columns; virtual tables (FTS5, which PostgreSQL
        replaces by news_search) and their shadow tables are left out."""
        rows = await self._all(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
        found: dict[str, tuple[str, ...]] = {}
        for name, _ in rows:
            if any(name == v or name.startswith(f"{v}_") for v in virtual):
                continue
            info = await self._all(f"PRAGMA table_info({_q(name)})")
            found[name] = tuple(str(column[1]) for column in info)
        return found

    async def rows(
        self, table: str, columns: Sequence[str], batch: int, counted: list[int]
    ) -> AsyncGenerator[tuple[Any, ...], None]:
        """The table's rows in the snapshot, read `batch` at a time; adds their number to
        `counted[0]`."""
        listed = ", ".join(map(_q, columns))
        async with self.conn.execute(f"SELECT {listed} FROM {_q(table)}") as cursor:
            while True:
                chunk = list(await cursor.fetchmany(batch))
                if not chunk:
                    return
                counted[0] += len(chunk)
                for row in chunk:
                    yield tuple(row)

    async def close(self) -> None:
        await self.conn.close()  # ends the read transaction; nothing was written


async def _open_target(url: str) -> PgDatabase:
    """The target, migrated to the current PostgreSQL schema; failures as one line."""
    where = redact(url)
    try:
        db = await Database.open(url)
    except DatabaseUnavailable as exc:  # cannot connect: already one line without secrets
        raise CopyError(str(exc)) from None
    except (asyncpg.PostgresError, asyncpg.InterfaceError) as exc:  # e.g. migrating the schema
        raise CopyError(f"PostgreSQL at {where}: {exc}") from None
    if not isinstance(db, PgDatabase):  # pragma: no cover - the CLI checks the URL's scheme
        await db.close()
        raise CopyError("the target must be a postgresql:// URL")
    return db


async def copy_to_postgres(
    source: Path, target: str, *, force: bool = False, batch: int = BATCH
) -> CopyReport:
    """Make the PostgreSQL database at `target` a copy of the SQLite file `source` as it is
    now (see the module's docstring); nothing is changed in either when this raises."""
    started = time.monotonic()
    snapshot = await _Snapshot.take(source)
    try:
        db = await _open_target(target)
        try:
            async with db.pool.acquire() as conn, conn.transaction():
                tables = await _converge(snapshot, conn, force=force, batch=batch)
        except asyncpg.PostgresError as exc:
            raise CopyError(f"copy to {db.describe()} failed, nothing was changed: {exc}") from None
        except (OSError, asyncpg.InterfaceError) as exc:
            # Lost mid-copy, perhaps mid-COMMIT: a run again converges either way.
            raise CopyError(
                f"lost the connection to {db.describe()} during the copy ({exc}): run it again"
            ) from None
        finally:
            await db.close()
    finally:
        await snapshot.close()
    return CopyReport(
        source=source,
        target=redact(target),
        snapshot_at=snapshot.taken_at,
        tables=tables,
        seconds=time.monotonic() - started,
    )


async def _converge(
    snapshot: _Snapshot, conn: asyncpg.Connection, *, force: bool, batch: int
) -> list[TableCopy]:
    await conn.execute("SELECT pg_advisory_xact_lock($1)", COPY_LOCK)
    plan = await _plan(await snapshot.tables(), conn)
    # Other writers (a bot started too early) wait until the copy commits.
    await conn.execute(f"LOCK TABLE {', '.join(_q(t.name) for t in plan)} IN EXCLUSIVE MODE")
    source_id = str(snapshot.path)
    await _check_target(conn, plan, source_id, force=force)

    counts: dict[str, int] = {}
    for table in plan:
        await conn.execute(f"CREATE TEMP TABLE {_staged(table.name)} (LIKE {_q(table.name)}) "
                           "ON COMMIT DROP")  # fmt: skip
        counted = [0]
        rows = snapshot.rows(table.name, table.columns, batch, counted)
        async with contextlib.aclosing(rows):
            try:
                await conn.copy_records_to_table(
                    f"migrate_src_{table.name}", records=rows, columns=list(table.columns)
                )
            except (TypeError, ValueError, OverflowError) as exc:  # encoding a value for COPY
                raise CopyError(
                    f"table {table.name}: a value in SQLite does not fit its PostgreSQL column "
                    f"({exc}); nothing was changed"
                ) from None
        counts[table.name] = counted[0]
        await conn.execute(f"ANALYZE {_staged(table.name)}")

    # Children before parents: a parent goes once nothing refers to it. Then parents first.
    deleted = {t.name: await _delete_gone(conn, t) for t in reversed(plan)}
    result = []
    for table in plan:
        if table.self_reference:  # an update may point at a row new in this copy
            added = await _insert_new(conn, table)
            updated = await _update_changed(conn, table)
        else:  # a key an update frees may be taken by a new row
            updated = await _update_changed(conn, table)
            added = await _insert_new(conn, table)
        await _move_sequence(conn, table)
        result.append(
            TableCopy(table.name, counts[table.name], added, updated, deleted[table.name])
        )

    await conn.execute(
        f"""INSERT INTO {RUNS} (source, schema_version, snapshot_at, finished_at, checksums)
            VALUES ($1, $2, $3, $4, $5)""",
        source_id, current_version(), to_db(snapshot.taken_at), to_db(utcnow()),
        json.dumps(await _checksums(conn, plan), sort_keys=True),
    )  # fmt: skip
    return result


async def _plan(source: dict[str, tuple[str, ...]], conn: asyncpg.Connection) -> list[_Table]:
    """The tables to copy in foreign-key order (parents first), checked against the target."""
    columns: dict[str, list[str]] = {}
    identity: dict[str, str] = {}
    for row in await conn.fetch(
        """SELECT table_name, column_name, is_identity FROM information_schema.columns
           WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"""
    ):
        columns.setdefault(row["table_name"], []).append(row["column_name"])
        if row["is_identity"] == "YES":
            identity[row["table_name"]] = row["column_name"]
    keys: dict[str, list[str]] = {}
    for row in await conn.fetch(
        """SELECT cl.relname AS table_name, a.attname AS column_name
           FROM pg_constraint c
           JOIN pg_class cl ON cl.oid = c.conrelid
           JOIN pg_namespace n ON n.oid = cl.relnamespace
           CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
           WHERE c.contype = 'p' AND n.nspname = current_schema()
           ORDER BY cl.relname, k.position"""
    ):
        keys.setdefault(row["table_name"], []).append(row["column_name"])
    parents: dict[str, set[str]] = {name: set() for name in source}
    for row in await conn.fetch(
        """SELECT child.relname AS child, parent.relname AS parent
           FROM pg_constraint c
           JOIN pg_class child ON child.oid = c.conrelid
           JOIN pg_class parent ON parent.oid = c.confrelid
           JOIN pg_namespace n ON n.oid = child.relnamespace
           WHERE c.contype = 'f' AND n.nspname = current_schema()"""
    ):
        if row["child"] in parents and row["parent"] in parents:
            parents[row["child"]].add(row["parent"])

    for name, names in source.items():
        if name not in columns:
            raise CopyError(f"the target has no table {name}: is it at this bot's schema?")
        if set(names) != set(columns[name]):
            raise CopyError(
                f"table {name} has columns {', '.join(sorted(set(names) ^ set(columns[name])))} "
                "in only one of the databases: are both at this bot's schema?"
            )
        if name not in keys:
            raise CopyError(f"table {name} has no primary key in the target: cannot converge")
    order = graphlib.TopologicalSorter(
        {name: {p for p in found if p != name} for name, found in parents.items()}
    ).static_order()
    return [
        _Table(
            name=name,
            columns=source[name],
            key=tuple(keys[name]),
            identity=identity.get(name),
            self_reference=name in parents[name],
        )
        for name in order
    ]


async def _checksums(conn: asyncpg.Connection, plan: list[_Table]) -> dict[str, str]:
    """Per table, 'rows:sum' with the sum of a 64-bit hash of every row's text: any insert,
    update or delete changes it (bar a 2**-64 chance), whatever the order of the rows."""
    sums = {}
    for table in plan:
        row = await conn.fetchrow(
            f"""SELECT count(*) AS n,
                       COALESCE(sum(CAST(CAST(('x' || left(md5(CAST(r AS text)), 16)) AS bit(64))
                                         AS bigint)), 0) AS s
                FROM {_q(table.name)} AS r"""
        )
        sums[table.name] = f"{row['n']}:{row['s']}"
    return sums


async def _check_target(
    conn: asyncpg.Connection, plan: list[_Table], source_id: str, *, force: bool
) -> None:
    """Refuse to converge a target that holds work of its own, unless forced."""
    await conn.execute(
        f"""CREATE TABLE IF NOT EXISTS {RUNS} (
                id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source         TEXT NOT NULL,      -- the SQLite file's absolute path
                schema_version INTEGER NOT NULL,
                snapshot_at    TEXT NOT NULL,
                finished_at    TEXT NOT NULL,
                checksums      TEXT NOT NULL       -- JSON: table -> 'rows:sum' as the copy left it
            )"""
    )
    if force:
        return
    now = await _checksums(conn, plan)
    last = await conn.fetchrow(
        f"SELECT source, snapshot_at, checksums FROM {RUNS} ORDER BY id DESC LIMIT 1"
    )
    if last is None:
        held = [f"{name}: {sums.split(':')[0]}" for name, sums in now.items() if sums != "0:0"]
        if held:
            raise CopyError(
                f"the target already holds rows no copy wrote ({', '.join(held)}): give an "
                "empty database, or --force to replace its contents with the source's"
            )
        return
    if last["source"] != source_id:
        raise CopyError(
            f"the target is a copy of {last['source']}, not of {source_id}: "
            "--force to replace its contents with this source's"
        )
    before = json.loads(last["checksums"])
    changed = [name for name, sums in now.items() if before.get(name, "0:0") != sums]
    if changed:
        raise CopyError(
            f"the target changed since the copy of the snapshot taken at {last['snapshot_at']} "
            f"({', '.join(changed)}): a bot ran on it, and copying again would undo its work "
            "(a message it sent would be sent again); --force to replace it anyway"
        )


def _matches(left: str, right: str, columns: Sequence[str]) -> str:
    return " AND ".join(f"{left}.{_q(c)} = {right}.{_q(c)}" for c in columns)


def _count(status: str) -> int:
    return int(status.rsplit(" ", 1)[-1])


async def _delete_gone(conn: asyncpg.Connection, table: _Table) -> int:
    status = await conn.execute(
        f"""DELETE FROM {_q(table.name)} AS d WHERE NOT EXISTS (
                SELECT 1 FROM {_staged(table.name)} AS s WHERE {_matches("s", "d", table.key)})"""
    )
    return _count(status)


async def _update_changed(conn: asyncpg.Connection, table: _Table) -> int:
    values = [c for c in table.columns if c not in table.key]
    if not values:
        return 0
    assignments = ", ".join(f"{_q(c)} = s.{_q(c)}" for c in values)
    mine = ", ".join(f"d.{_q(c)}" for c in values)
    theirs = ", ".join(f"s.{_q(c)}" for c in values)
    status = await conn.execute(
        f"""UPDATE {_q(table.name)} AS d SET {assignments}
            FROM {_staged(table.name)} AS s
            WHERE {_matches("s", "d", table.key)} AND ROW({mine}) IS DISTINCT FROM ROW({theirs})"""
    )
    return _count(status)


async def _insert_new(conn: asyncpg.Connection, table: _Table) -> int:
    listed = ", ".join(map(_q, table.columns))
    from_staged = ", ".join(f"s.{_q(c)}" for c in table.columns)
    status = await conn.execute(
        f"""INSERT INTO {_q(table.name)} ({listed})
            SELECT {from_staged} FROM {_staged(table.name)} AS s
            WHERE NOT EXISTS (SELECT 1 FROM {_q(table.name)} AS d
                              WHERE {_matches("s", "d", table.key)})
            ORDER BY {", ".join(f"s.{_q(c)}" for c in table.key)}"""
    )
    return _count(status)


async def _move_sequence(conn: asyncpg.Connection, table: _Table) -> None:
    """New rows get ids past every copied one; the sequence never moves back, so an id
    PostgreSQL has handed out is not handed out again."""
    if table.identity is None:
        return
    await conn.execute(
        f"""SELECT setval(seq, GREATEST(top, COALESCE(pg_sequence_last_value(seq), 0)))
            FROM (SELECT CAST(pg_get_serial_sequence($1, $2) AS regclass) AS seq,
                         (SELECT max({_q(table.identity)}) FROM {_q(table.name)}) AS top) AS x
            WHERE top IS NOT NULL""",
        _q(table.name), table.identity,
    )  # fmt: skip
