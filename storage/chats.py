"""Chats the bot is in, and what each one subscribed to."""

from __future__ import annotations

from dataclasses import dataclass

from storage.db import Database, Row, to_db, utcnow


@dataclass(frozen=True, slots=True)
class Chat:
    id: int
    type: str
    title: str | None
    language: str
    active: bool


@dataclass(frozen=True, slots=True)
class Subscription:
    id: int
    chat_id: int
    kind: str
    value: str
    thread_id: int | None


def _chat(row: Row) -> Chat:
    return Chat(row["id"], row["type"], row["title"], row["language"], bool(row["active"]))


def _subscription(row: Row) -> Subscription:
    return Subscription(row["id"], row["chat_id"], row["kind"], row["value"], row["thread_id"])


class ChatRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def upsert(
        self, chat_id: int, chat_type: str, title: str | None, language: str | None = None
    ) -> None:
        """Remember a chat the bot heard from; hearing from it means it is active again."""
        now = to_db(utcnow())
        async with self.db.transaction() as conn:
            await conn.execute(
                """INSERT INTO chats (id, type, title, language, active, created_at, updated_at)
                   VALUES (?, ?, ?, COALESCE(?, 'ru'), 1, ?, ?)
                   ON CONFLICT (id) DO UPDATE SET type = excluded.type, title = excluded.title,
                       language = COALESCE(?, chats.language), active = 1,
                       inactive_reason = NULL, updated_at = excluded.updated_at""",
                (chat_id, chat_type, title, language, now, now, language),
            )

    async def get(self, chat_id: int) -> Chat | None:
        row = await self.db.fetchone("SELECT * FROM chats WHERE id = ?", (chat_id,))
        return None if row is None else _chat(row)

    async def deactivate(self, chat_id: int, reason: str) -> int:
        """Mark the chat unreachable and drop its pending deliveries; returns rows dropped."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE chats SET active = 0, inactive_reason = ?, updated_at = ? WHERE id = ?",
                (reason[:200], to_db(utcnow()), chat_id),
            )
            cursor = await conn.execute(
                """UPDATE outbox SET state = 'dropped', last_error = ?
                   WHERE chat_id = ? AND state IN ('pending', 'sending')""",
                (reason[:200], chat_id),
            )
            return cursor.rowcount

    async def reactivate(self, chat_id: int) -> bool:
        """The chat is reachable again (unblocked, re-added, it wrote): deliver to it again.

        Read first, so an active or unknown chat costs no write; a group that became a
        supergroup stays off under its old id. True when the chat was switched on.
        """
        active = await self.db.fetchval(
            "SELECT active FROM chats WHERE id = ? AND COALESCE(inactive_reason, '') <> 'migrated'",
            (chat_id,),
        )
        if active is None or active:
            return False
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                """UPDATE chats SET active = 1, inactive_reason = NULL, updated_at = ?
                   WHERE id = ? AND active = 0""",
                (to_db(utcnow()), chat_id),
            )
            return cursor.rowcount > 0

    async def follow_language(self, chat_id: int, language: str) -> bool:
        """A private chat's items and digests in the language its person now reads (their
        Telegram's, changed since the chat was recorded); True when it changed. Read first, so
        an unchanged or unknown chat costs no write."""
        current = await self.db.fetchval(
            "SELECT language FROM chats WHERE id = ? AND type = 'private'", (chat_id,)
        )
        if current is None or current == language:
            return False
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE chats SET language = ?, updated_at = ? WHERE id = ? AND language <> ?",
                (language, to_db(utcnow()), chat_id, language),
            )
            return cursor.rowcount > 0

    async def migrate(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: move the chat, its subscriptions and pending deliveries."""
        async with self.db.transaction() as conn:
            exists = await conn.execute("SELECT 1 FROM chats WHERE id = ?", (new_id,))
            if exists.rows:
                await conn.execute(
                    """INSERT INTO subscriptions (chat_id, kind, value, thread_id, created_at)
                       SELECT ?, kind, value, thread_id, created_at FROM subscriptions
                       WHERE chat_id = ? ON CONFLICT DO NOTHING""",
                    (new_id, old_id),
                )
                await conn.execute("DELETE FROM subscriptions WHERE chat_id = ?", (old_id,))
                await conn.execute(
                    """INSERT INTO retired_subscriptions (chat_id, thread_id, kind, partner_id,
                           retired_at)
                       SELECT ?, thread_id, kind, partner_id, retired_at
                       FROM retired_subscriptions WHERE chat_id = ? ON CONFLICT DO NOTHING""",
                    (new_id, old_id),
                )
                await conn.execute("DELETE FROM retired_subscriptions WHERE chat_id = ?", (old_id,))
                # The supergroup wrote to the bot before the notice came: it keeps the group's
                # language (set up there first) and, unless it chose its own, its digest.
                group = await conn.execute(
                    "SELECT language, digest, digest_thread_id, digest_since FROM chats"
                    " WHERE id = ?",
                    (old_id,),
                )
                if group.rows:
                    language, digest, thread_id, since = group.rows[0]
                    await conn.execute(
                        "UPDATE chats SET language = ? WHERE id = ?", (language, new_id)
                    )
                    if digest != "off":
                        await conn.execute(
                            """UPDATE chats SET digest = ?, digest_thread_id = ?, digest_since = ?
                               WHERE id = ? AND digest = 'off'""",
                            (digest, thread_id, since, new_id),
                        )
                await conn.execute(
                    """UPDATE chats SET active = 0, inactive_reason = 'migrated', digest = 'off'
                       WHERE id = ?""",
                    (old_id,),
                )
            else:
                # ON UPDATE CASCADE carries the subscriptions along.
                await conn.execute(
                    "UPDATE chats SET id = ?, type = 'supergroup', updated_at = ? WHERE id = ?",
                    (new_id, to_db(utcnow()), old_id),
                )
            # Rows the new id already has for the same item (and topic) or digest stay behind
            # (dropped).
            await conn.execute(
                """UPDATE outbox SET chat_id = ?
                   WHERE chat_id = ? AND state IN ('pending', 'sending')
                     AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.chat_id = ?
                                     AND ((o.news_id = outbox.news_id
                                           AND COALESCE(o.thread_id, 0)
                                               = COALESCE(outbox.thread_id, 0))
                                          OR o.digest_id = outbox.digest_id))""",
                (new_id, old_id, new_id),
            )
            await conn.execute(
                """UPDATE outbox SET state = 'dropped', last_error = 'migrated'
                   WHERE chat_id = ? AND state IN ('pending', 'sending')""",
                (old_id,),
            )

    async def subscribe(
        self, chat_id: int, kind: str = "all", value: str = "", thread_id: int | None = None
    ) -> bool:
        """Add a subscription; False when the chat already had exactly this one."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                """INSERT INTO subscriptions (chat_id, kind, value, thread_id, created_at)
                   VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                (chat_id, kind, value, thread_id, to_db(utcnow())),
            )
            return cursor.rowcount > 0

    async def unsubscribe_all(self, chat_id: int) -> int:
        async with self.db.transaction() as conn:
            cursor = await conn.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
            # Nor do subscriptions retired with a hidden partner come back to it.
            await conn.execute("DELETE FROM retired_subscriptions WHERE chat_id = ?", (chat_id,))
            await conn.execute(
                "UPDATE outbox SET state = 'dropped', last_error = 'unsubscribed' "
                "WHERE chat_id = ? AND state = 'pending'",
                (chat_id,),
            )
            return cursor.rowcount

    async def subscriptions(self, chat_id: int) -> list[Subscription]:
        rows = await self.db.fetchall(
            "SELECT * FROM subscriptions WHERE chat_id = ? ORDER BY id", (chat_id,)
        )
        return [_subscription(row) for row in rows]

    async def live_subscriptions(self) -> list[Subscription]:
        """Subscriptions of active chats that take items one by one (not as a digest)."""
        rows = await self.db.fetchall(
            """SELECT s.* FROM subscriptions s JOIN chats c ON c.id = s.chat_id
               WHERE c.active = 1 AND c.digest = 'off' ORDER BY s.chat_id, s.id"""
        )
        return [_subscription(row) for row in rows]

    async def unsubscribe(self, chat_id: int, subscription_id: int) -> bool:
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM subscriptions WHERE id = ? AND chat_id = ?", (subscription_id, chat_id)
            )
            return cursor.rowcount > 0

    async def counts(self) -> tuple[int, int]:
        """(active subscribed chats, inactive chats that had subscribed)."""
        row = await self.db.fetchone(
            """SELECT COUNT(DISTINCT CASE WHEN c.active = 1 THEN c.id END),
                      COUNT(DISTINCT CASE WHEN c.active = 0 THEN c.id END)
               FROM chats c JOIN subscriptions s ON s.chat_id = c.id"""
        )
        assert row is not None
        return int(row[0]), int(row[1])

    async def partner_subscriptions(self) -> list[tuple[Subscription, str]]:
        """Every subscription to one partner, with its chat's language."""
        rows = await self.db.fetchall(
            """SELECT s.*, c.language FROM subscriptions s JOIN chats c ON c.id = s.chat_id
               WHERE s.kind = 'partner' ORDER BY s.id"""
        )
        return [(_subscription(row), row["language"]) for row in rows]

    async def repoint_partner(self, subscription_id: int, partner_id: int | None) -> None:
        """Follow another partner row (a merge), or drop the subscription (None: it is gone);
        a chat (a forum's topic) that already follows the target keeps its one subscription."""
        async with self.db.transaction() as conn:
            if partner_id is not None:
                cursor = await conn.execute(
                    """UPDATE subscriptions SET value = ? WHERE id = ?
                         AND NOT EXISTS (SELECT 1 FROM subscriptions s
                                         WHERE s.chat_id = subscriptions.chat_id
                                           AND s.kind = subscriptions.kind AND s.value = ?
                                           AND COALESCE(s.thread_id, 0)
                                               = COALESCE(subscriptions.thread_id, 0))""",
                    (str(partner_id), subscription_id, str(partner_id)),
                )
                if cursor.rowcount:
                    return
            await conn.execute("DELETE FROM subscriptions WHERE id = ?", (subscription_id,))

    async def retire_partner(self, subscription_id: int, hidden: int) -> None:
        """Drop a subscription to a partner an operator hid, kept to come back when the partner
        (row `hidden`) is shown again."""
        async with self.db.transaction() as conn:
            await conn.execute(
                """INSERT INTO retired_subscriptions (chat_id, thread_id, kind, partner_id,
                       retired_at)
                   SELECT chat_id, thread_id, kind, ?, ? FROM subscriptions WHERE id = ?
                   ON CONFLICT DO NOTHING""",
                (hidden, to_db(utcnow()), subscription_id),
            )
            await conn.execute("DELETE FROM subscriptions WHERE id = ?", (subscription_id,))

    async def retired_partner_subscriptions(self) -> list[tuple[int, Subscription, str]]:
        """Every subscription retired with a hidden partner, as (row id, the subscription as it
        was, its chat's language); the subscription's id is 0 (it has none now)."""
        rows = await self.db.fetchall(
            """SELECT r.id, r.chat_id, r.kind, r.partner_id, r.thread_id, c.language
               FROM retired_subscriptions r JOIN chats c ON c.id = r.chat_id ORDER BY r.id"""
        )
        return [
            (
                int(row["id"]),
                Subscription(
                    0, row["chat_id"], row["kind"], str(row["partner_id"]), row["thread_id"]
                ),
                row["language"],
            )  # fmt: skip
            for row in rows
        ]

    async def restore_partner(self, retired_id: int, partner_id: int) -> bool:
        """Bring a retired subscription back, following `partner_id`; False when the chat (the
        topic) already follows it."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                """INSERT INTO subscriptions (chat_id, kind, value, thread_id, created_at)
                   SELECT chat_id, kind, ?, thread_id, ? FROM retired_subscriptions WHERE id = ?
                   ON CONFLICT DO NOTHING""",
                (str(partner_id), to_db(utcnow()), retired_id),
            )
            await conn.execute("DELETE FROM retired_subscriptions WHERE id = ?", (retired_id,))
            return cursor.rowcount > 0

    async def queue_notice(self, chat_id: int, thread_id: int | None, text: str, tag: str) -> None:
        """Queue a one-off message (Telegram HTML) through the outbox, as digests are queued:
        the delivery worker sends it with the one error policy. `tag` makes it idempotent."""
        now = to_db(utcnow())
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                """INSERT INTO digests (chat_id, period, language, text, created_at)
                   SELECT id, ?, language, ?, ? FROM chats WHERE id = ?
                   ON CONFLICT DO NOTHING RETURNING id""",
                (f"notice:{tag}", text, now, chat_id),
            )
            if cursor.rows:
                await conn.execute(
                    """INSERT INTO outbox (digest_id, chat_id, thread_id, next_attempt_at,
                           created_at) VALUES (?, ?, ?, ?, ?)""",
                    (int(cursor.rows[0][0]), chat_id, thread_id, now, now),
                )
