"""Read-only counts for /metrics and /healthz, taken on every scrape: each one rides an index.

The settled outbox states (sent, failed, dropped) only grow and have no index of their own; a
count of them scans the table (about 0.5 s per million rows), so callers take it rarely.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.db import Database, from_db, to_db

LIVE_STATES = ("pending", "sending")


@dataclass(frozen=True, slots=True)
class FeedHealth:
    url: str
    last_success_at: datetime | None
    last_checked_at: datetime | None
    error_streak: int


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a scrape reports from the database."""

    items: int
    unextracted: int
    outbox_live: dict[str, int]
    sent_since: int
    feeds: list[FeedHealth]


class MonitoringRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def ping(self) -> None:
        """Raises when the database cannot answer a query."""
        await self.db.fetchval("SELECT 1")

    async def snapshot(self, sent_since: datetime) -> Snapshot:
        """The cheap counts; `sent_since` bounds the recent-sends count (outbox_sent_at)."""
        items = await self.db.fetchval("SELECT COUNT(*) FROM news")
        # news_unextracted is a partial index on exactly these rows.
        unextracted = await self.db.fetchval("SELECT COUNT(*) FROM news WHERE extracted_at IS NULL")
        # outbox_due is a partial index on exactly the live states.
        live = await self.db.fetchall(
            "SELECT state, COUNT(*) FROM outbox WHERE state IN ('pending', 'sending') "
            "GROUP BY state"
        )
        recent = await self.db.fetchval(
            "SELECT COUNT(*) FROM outbox WHERE sent_at >= ?", (to_db(sent_since),)
        )
        feeds = await self.db.fetchall(
            "SELECT url, last_success_at, last_checked_at, error_streak FROM feeds ORDER BY id"
        )
        outbox_live = dict.fromkeys(LIVE_STATES, 0) | {str(r[0]): int(r[1]) for r in live}
        return Snapshot(
            items=int(items),
            unextracted=int(unextracted),
            outbox_live=outbox_live,
            sent_since=int(recent),
            feeds=[
                FeedHealth(
                    r["url"],
                    from_db(r["last_success_at"]),
                    from_db(r["last_checked_at"]),
                    int(r["error_streak"]),
                )  # fmt: skip
                for r in feeds
            ],
        )

    async def outbox_settled(self) -> dict[str, int]:
        """Rows in the final states; a full scan, see the module docstring."""
        rows = await self.db.fetchall(
            "SELECT state, COUNT(*) FROM outbox WHERE state NOT IN ('pending', 'sending') "
            "GROUP BY state"
        )
        return dict.fromkeys(("sent", "failed", "dropped"), 0) | {
            str(r[0]): int(r[1]) for r in rows
        }

    async def last_poll(self) -> datetime | None:
        """When any feed was last checked (the poll job's heartbeat)."""
        return from_db(await self.db.fetchval("SELECT MAX(last_checked_at) FROM feeds"))
