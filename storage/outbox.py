"""The delivery outbox: one row per (item, chat), written before anything is sent.

States: pending → sending (claimed by the worker) → sent | failed | dropped. Rows left in
'sending' by a crash go back to pending at start-up, so only messages in flight can repeat.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.db import Database, from_db, id_list, to_db, utcnow


@dataclass(frozen=True, slots=True)
class Delivery:
    """One row to send: an item (`news_id`) or a digest (`digest_id`), never both."""

    id: int
    news_id: int | None
    chat_id: int
    thread_id: int | None
    attempts: int
    language: str
    chat_type: str
    digest_id: int | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one send; `state` pending means try again at `next_attempt_at`."""

    id: int
    state: str
    attempts: int
    next_attempt_at: datetime | None = None
    message_id: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class OutboxStats:
    by_state: dict[str, int]
    sent_last_minute: int
    sent_last_hour: int


class OutboxRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def fan_out(self, news_id: int, targets: Iterable[tuple[int, int | None]]) -> int:
        """Queue the item for every target (chat, topic) and mark the item fanned out, atomically.

        The unique (news_id, chat_id, topic) key makes this idempotent: a topic matched by
        several subscriptions, or a fan-out repeated after a crash, still gets one row.
        """
        now = to_db(utcnow())
        rows = [(news_id, chat_id, thread_id, now, now) for chat_id, thread_id in targets]
        count = "SELECT COUNT(*) FROM outbox WHERE news_id = ?"
        async with self.db.transaction() as conn:
            before = (await conn.execute(count, (news_id,))).rows[0][0]
            await conn.executemany(
                """INSERT INTO outbox (news_id, chat_id, thread_id, next_attempt_at, created_at)
                   VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                rows,
            )
            after = (await conn.execute(count, (news_id,))).rows[0][0]
            await conn.execute("UPDATE news SET fanned_out = 1 WHERE id = ?", (news_id,))
        return int(after) - int(before)

    async def release_in_flight(self) -> int:
        """When a process starts sending (at start-up, or on becoming the leader): rows a dead
        sender had claimed are pending again. Only one process sends at a time."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE outbox SET state = 'pending' WHERE state = 'sending'"
            )
            return cursor.rowcount

    async def due(self, limit: int, skip: Collection[int] = ()) -> list[Delivery]:
        """Pending rows whose time has come, oldest item first, of chats not in `skip`.

        The redundant `state IN (...)` lets SQLite use the partial index outbox_due, so a tick
        reads the pending rows only, not the whole history of sent ones. `skip` (chats the
        sender must wait for) keeps their backlog from filling the `limit` ahead of others.
        """
        rows = await self.db.fetchall(
            f"""SELECT o.id, o.news_id, o.chat_id, o.thread_id, o.attempts, o.digest_id,
                      COALESCE(c.language, 'ru') AS language, COALESCE(c.type, 'private') AS type
               FROM outbox o LEFT JOIN chats c ON c.id = o.chat_id
               WHERE o.state IN ('pending', 'sending') AND o.state = 'pending'
                 AND o.next_attempt_at <= ?
                 AND o.chat_id NOT IN ({self.db.dialect.id_list()})
               ORDER BY +o.news_id, o.id LIMIT ?""",
            (to_db(utcnow()), id_list(skip), limit),
        )
        return [
            Delivery(
                r["id"],
                r["news_id"],
                r["chat_id"],
                r["thread_id"],
                r["attempts"],
                r["language"],
                r["type"],
                r["digest_id"],
            )
            for r in rows
        ]

    async def next_due_at(self, skip: Collection[int] = ()) -> datetime | None:
        value = await self.db.fetchval(
            f"""SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'
                 AND chat_id NOT IN ({self.db.dialect.id_list()})""",
            (id_list(skip),),
        )
        return from_db(value)

    async def claim(self, ids: list[int]) -> set[int]:
        """Mark rows 'sending' before they are sent; returns the ids that were still pending.

        A row dropped or sent since `due` read it is not claimed and must not be sent.
        """
        if not ids:
            return set()
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                f"""UPDATE outbox SET state = 'sending'
                    WHERE id IN (SELECT id FROM outbox WHERE id IN ({self.db.dialect.id_list()})
                                 AND state = 'pending'{self.db.dialect.skip_locked})
                    RETURNING id""",
                (id_list(ids),),
            )
            return {int(row[0]) for row in cursor.rows}

    async def record(self, outcomes: list[Outcome]) -> None:
        """Write a batch of results in one transaction (the sender's hot path)."""
        if not outcomes:
            return
        now = to_db(utcnow())
        async with self.db.transaction() as conn:
            await conn.executemany(
                """UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = COALESCE(?,
                       next_attempt_at), message_id = COALESCE(?, message_id),
                       last_error = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END
                   WHERE id = ? AND state = 'sending'""",
                [
                    (
                        o.state,
                        o.attempts,
                        to_db(o.next_attempt_at),
                        o.message_id,
                        o.error,
                        o.state,
                        now,
                        o.id,
                    )
                    for o in outcomes
                ],
            )

    async def prune(self, before: datetime, batch: int = 5_000) -> int:
        """Delete rows in a final state (sent, failed, dropped) created before `before`; returns
        how many. Batched, so a handler's write waits for one batch at most."""
        total = 0
        while True:
            async with self.db.transaction() as conn:
                cursor = await conn.execute(
                    """DELETE FROM outbox WHERE id IN (
                           SELECT id FROM outbox
                           WHERE state IN ('sent', 'failed', 'dropped') AND created_at < ?
                           LIMIT ?)""",
                    (to_db(before), batch),
                )
                deleted = cursor.rowcount
            total += deleted
            if deleted < batch:
                return total

    async def stats(self) -> OutboxStats:
        rows = await self.db.fetchall("SELECT state, COUNT(*) FROM outbox GROUP BY state")
        now = utcnow()
        minute = await self.db.fetchval(
            "SELECT COUNT(*) FROM outbox WHERE sent_at >= ?", (to_db(now - timedelta(minutes=1)),)
        )
        hour = await self.db.fetchval(
            "SELECT COUNT(*) FROM outbox WHERE sent_at >= ?", (to_db(now - timedelta(hours=1)),)
        )
        return OutboxStats({r[0]: int(r[1]) for r in rows}, int(minute), int(hour))
