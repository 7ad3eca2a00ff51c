"""Feeds with their HTTP validators and health."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.db import Database, Row, from_db, to_db, utcnow


@dataclass(frozen=True, slots=True)
class FeedRecord:
    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    initialised: bool
    last_checked_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    error_streak: int
    error_count: int
    next_check_at: datetime | None


def _record(row: Row) -> FeedRecord:
    return FeedRecord(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        initialised=bool(row["initialised"]),
        last_checked_at=from_db(row["last_checked_at"]),
        last_success_at=from_db(row["last_success_at"]),
        last_error=row["last_error"],
        last_error_at=from_db(row["last_error_at"]),
        error_streak=row["error_streak"],
        error_count=row["error_count"],
        next_check_at=from_db(row["next_check_at"]),
    )


class FeedRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def ensure(self, urls: list[str]) -> list[FeedRecord]:
        """Register configured feeds (idempotent) and return them in configuration order."""
        now = to_db(utcnow())
        async with self.db.transaction() as conn:
            await conn.executemany(
                "INSERT INTO feeds (url, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(url, now) for url in urls],
            )
        records = []
        for url in urls:
            row = await self.db.fetchone("SELECT * FROM feeds WHERE url = ?", (url,))
            assert row is not None
            records.append(_record(row))
        return records

    async def get(self, feed_id: int) -> FeedRecord | None:
        row = await self.db.fetchone("SELECT * FROM feeds WHERE id = ?", (feed_id,))
        return None if row is None else _record(row)

    async def all(self) -> list[FeedRecord]:
        return [_record(row) for row in await self.db.fetchall("SELECT * FROM feeds ORDER BY id")]

    async def record_success(
        self,
        feed_id: int,
        *,
        etag: str | None,
        last_modified: str | None,
        title: str | None,
        next_check_at: datetime,
        saw_items: bool = False,
    ) -> None:
        """A good fetch; the feed counts as initialised once a poll has seen items in it, so an
        empty first answer does not turn the backlog published later into announcements."""
        now = to_db(utcnow())
        async with self.db.transaction() as conn:
            await conn.execute(
                """UPDATE feeds SET etag = ?, last_modified = ?, title = COALESCE(?, title),
                       initialised = CASE WHEN ? THEN 1 ELSE initialised END, last_checked_at = ?,
                       last_success_at = ?, error_streak = 0, next_check_at = ?
                   WHERE id = ?""",
                (
                    etag,
                    last_modified,
                    title,
                    saw_items,
                    now,
                    now,
                    to_db(next_check_at),
                    feed_id,
                ),
            )

    async def record_failure(self, feed_id: int, reason: str, *, next_check_at: datetime) -> int:
        """Count a failure and schedule the next try; returns the new error streak."""
        now = to_db(utcnow())
        async with self.db.transaction() as conn:
            await conn.execute(
                """UPDATE feeds SET last_checked_at = ?, last_error = ?, last_error_at = ?,
                       error_streak = error_streak + 1, error_count = error_count + 1,
                       next_check_at = ?
                   WHERE id = ?""",
                (now, reason[:500], now, to_db(next_check_at), feed_id),
            )
        streak = await self.db.fetchval("SELECT error_streak FROM feeds WHERE id = ?", (feed_id,))
        return int(streak)
