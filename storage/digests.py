"""Digest preferences of chats and the digests made for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.db import Database, from_db, to_db, utcnow


@dataclass(frozen=True, slots=True)
class DigestChat:
    chat_id: int
    mode: str  # daily | weekly
    language: str
    thread_id: int | None
    since: datetime | None


@dataclass(frozen=True, slots=True)
class PeriodItem:
    news_id: int
    title: str
    link: str | None
    when: datetime


class DigestRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def set_mode(self, chat_id: int, mode: str, thread_id: int | None) -> None:
        """Switch a chat between per-item messages ('off') and daily or weekly digests.

        A new digest period starts at the oldest item not yet announced (still waiting for its
        page or facts), so an item caught mid-way is neither sent alone nor left out.
        """
        async with self.db.transaction() as conn:
            await conn.execute(
                """UPDATE chats SET digest = ?, digest_thread_id = ?,
                       digest_since = CASE WHEN ? = 'off' THEN NULL
                           ELSE COALESCE(digest_since,
                               (SELECT MIN(first_seen_at) FROM news
                                WHERE announce = 1 AND fanned_out = 0), ?) END
                   WHERE id = ?""",
                (mode, thread_id, mode, to_db(utcnow()), chat_id),
            )

    async def chat(self, chat_id: int) -> DigestChat | None:
        """The chat's digest settings, or None when it takes items one by one."""
        row = await self.db.fetchone(
            """SELECT id, digest, language, digest_thread_id, digest_since FROM chats
               WHERE id = ? AND digest != 'off'""",
            (chat_id,),
        )
        return None if row is None else DigestChat(row[0], row[1], row[2], row[3], from_db(row[4]))

    async def mode(self, chat_id: int) -> str:
        value = await self.db.fetchval("SELECT digest FROM chats WHERE id = ?", (chat_id,))
        return str(value or "off")

    async def chats(self, mode: str) -> list[DigestChat]:
        rows = await self.db.fetchall(
            """SELECT id, digest, language, digest_thread_id, digest_since FROM chats
               WHERE active = 1 AND digest = ?
                 AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = chats.id)""",
            (mode,),
        )
        return [DigestChat(r[0], r[1], r[2], r[3], from_db(r[4])) for r in rows]

    async def missed(self, mode: str, period: str, due: datetime) -> list[DigestChat]:
        """Chats whose `period` digest, due at `due`, was never made (the bot was down then):
        no digest of that period and a period that has not moved past `due`."""
        rows = await self.db.fetchall(
            """SELECT id, digest, language, digest_thread_id, digest_since FROM chats
               WHERE active = 1 AND digest = ?
                 AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = chats.id)
                 AND (digest_since IS NULL OR digest_since < ?)
                 AND NOT EXISTS (SELECT 1 FROM digests d
                                 WHERE d.chat_id = chats.id AND d.period = ?)""",
            (mode, to_db(due), period),
        )
        return [DigestChat(r[0], r[1], r[2], r[3], from_db(r[4])) for r in rows]

    async def items_between(
        self,
        start: datetime,
        end: datetime,
        *,
        fanned_out_only: bool = False,
        chat_id: int | None = None,
    ) -> list[PeriodItem]:
        """Announceable items first seen in [start, end), oldest first (with `fanned_out_only`,
        only those whose per-item messages are already queued, i.e. no longer on their way),
        less those `chat_id` got or gets as a message of their own (before it took digests)."""
        rows = await self.db.fetchall(
            """SELECT id, title, link, COALESCE(published_at, first_seen_at) FROM news
               WHERE announce = 1 AND first_seen_at >= ? AND first_seen_at < ?
                 AND (? = 0 OR fanned_out = 1)
                 AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.news_id = news.id
                                 AND o.chat_id = ? AND o.state IN ('pending', 'sending', 'sent'))
               ORDER BY first_seen_at, id""",
            (to_db(start), to_db(end), int(fanned_out_only), chat_id),
        )
        out = []
        for row in rows:
            when = from_db(row[3])
            assert when is not None
            out.append(PeriodItem(row[0], row[1], row[2], when))
        return out

    async def first_unready(self, start: datetime, end: datetime) -> datetime | None:
        """When the first announceable item seen in [start, end) without its facts or its page
        (extraction or the page fetch has not caught up yet) was seen; None if there is none."""
        value = await self.db.fetchval(
            """SELECT MIN(first_seen_at) FROM news
               WHERE announce = 1 AND first_seen_at >= ? AND first_seen_at < ?
                 AND (extracted_at IS NULL OR body_state = 'pending')""",
            (to_db(start), to_db(end)),
        )
        return from_db(value)

    async def new_partner_ids(self, start: datetime, end: datetime) -> list[int]:
        """Partners whose first mention is an item first seen in [start, end)."""
        rows = await self.db.fetchall(
            """SELECT m.partner_id FROM partner_mentions m JOIN news n ON n.id = m.news_id
               GROUP BY m.partner_id
               HAVING MIN(n.first_seen_at) >= ? AND MIN(n.first_seen_at) < ?""",
            (to_db(start), to_db(end)),
        )
        return [int(r[0]) for r in rows]

    async def add(
        self,
        chat_id: int,
        period: str,
        language: str,
        text: str | None,
        thread_id: int | None,
        end: datetime,
    ) -> bool:
        """Record the digest and queue it, and move the chat's period on, in one transaction.

        `text` None means nothing happened: the period still moves on, nothing is sent.
        A period already made for the chat is not made again (after a crash or a restart), and
        does not move on either, so items seen since it was made wait for the next digest.
        """
        now = to_db(utcnow())
        async with self.db.transaction() as conn:
            digest_id: int | None = None
            if text is not None:
                cursor = await conn.execute(
                    """INSERT INTO digests (chat_id, period, language, text, created_at)
                       VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""",
                    (chat_id, period, language, text, now),
                )
                if not cursor.rows:
                    return False  # the period stays open: its items go into the next digest
                digest_id = int(cursor.rows[0][0])
            await conn.execute(
                "UPDATE chats SET digest_since = ? WHERE id = ?", (to_db(end), chat_id)
            )
            if digest_id is None:
                return False
            await conn.execute(
                """INSERT INTO outbox (digest_id, chat_id, thread_id, next_attempt_at, created_at)
                   VALUES (?, ?, ?, ?, ?)""",
                (digest_id, chat_id, thread_id, now, now),
            )
            return True

    async def prune(self, before: datetime) -> int:
        """Delete digests made before `before` that no outbox row still needs (all sent, failed
        or dropped rows are pruned first); returns how many."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                """DELETE FROM digests WHERE created_at < ?
                     AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.digest_id = digests.id)""",
                (to_db(before),),
            )
            return cursor.rowcount

    async def text(self, digest_id: int) -> str | None:
        value = await self.db.fetchval("SELECT text FROM digests WHERE id = ?", (digest_id,))
        return None if value is None else str(value)
