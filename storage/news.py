"""News items, their full text and the stemmed full-text index."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from storage.db import Database, Row, from_db, to_db, utcnow
from storage.search import Periods, index_for

BODY_RETRY_LIMIT = 5


@dataclass(frozen=True, slots=True)
class NewsDraft:
    """An item as read from a feed, before it has an id."""

    key: str
    link_key: str | None
    guid: str | None
    link: str | None
    title: str
    teaser: str
    body: str | None
    category: str | None
    image_url: str | None
    published_at: datetime | None
    needs_page: bool


@dataclass(frozen=True, slots=True)
class NewsItem:
    id: int
    feed_id: int
    key: str
    link: str | None
    title: str
    teaser: str
    body: str | None
    category: str | None
    image_url: str | None
    published_at: datetime | None
    first_seen_at: datetime
    body_state: str
    body_attempts: int
    announce: bool
    extracted: bool

    @property
    def when(self) -> datetime:
        return self.published_at or self.first_seen_at

    @property
    def text(self) -> str:
        """The best text known: the article body, else the teaser."""
        return self.body or self.teaser


@dataclass(frozen=True, slots=True)
class SearchHit:
    item: NewsItem
    rank: float


def _item(row: Row) -> NewsItem:
    first_seen = from_db(row["first_seen_at"])
    assert first_seen is not None
    return NewsItem(
        id=row["id"],
        feed_id=row["feed_id"],
        key=row["key"],
        link=row["link"],
        title=row["title"],
        teaser=row["teaser"],
        body=row["body"],
        category=row["category"],
        image_url=row["image_url"],
        published_at=from_db(row["published_at"]),
        first_seen_at=first_seen,
        body_state=row["body_state"],
        body_attempts=row["body_attempts"],
        announce=bool(row["announce"]),
        extracted=row["extracted_at"] is not None,
    )


class NewsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.index = index_for(db)

    async def add_new(self, feed_id: int, drafts: list[NewsDraft], *, announce: bool) -> list[int]:
        """Store the drafts not seen before (by feed key, or by link in any feed); return new ids.

        One transaction: either all new items of a poll are stored or none, so nothing is lost
        or half-written when the process dies mid-poll.
        """
        now = to_db(utcnow())
        stemmed = await self.index.stems([(d.title, d.body or d.teaser) for d in drafts])
        new_ids: list[int] = []
        async with self.db.transaction() as conn:
            for draft, (title_stems, body_stems) in zip(drafts, stemmed, strict=True):
                seen = await conn.execute(
                    """SELECT 1 FROM news WHERE (feed_id = ? AND key = ?)
                       OR (CAST(? AS TEXT) IS NOT NULL AND link_key = ?) LIMIT 1""",
                    (feed_id, draft.key, draft.link_key, draft.link_key),
                )
                if seen.rows:
                    continue
                if draft.body:
                    state = "not_needed"
                elif draft.needs_page and draft.link:
                    state = "pending"
                else:
                    state = "not_needed"
                cursor = await conn.execute(
                    """INSERT INTO news (feed_id, key, link_key, guid, link, title, teaser, body,
                           category, image_url, published_at, first_seen_at, body_state,
                           body_next_attempt_at, announce, fanned_out)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                       RETURNING id""",
                    (
                        feed_id,
                        draft.key,
                        draft.link_key,
                        draft.guid,
                        draft.link,
                        draft.title,
                        draft.teaser,
                        draft.body,
                        draft.category,
                        draft.image_url,
                        to_db(draft.published_at),
                        now,
                        state,
                        now,
                        int(announce),
                        0 if announce else 1,
                    ),
                )
                news_id = int(cursor.rows[0][0])
                await self.index.add(conn, news_id, title_stems, body_stems)
                new_ids.append(news_id)
        return new_ids

    async def get(self, news_id: int) -> NewsItem | None:
        row = await self.db.fetchone("SELECT * FROM news WHERE id = ?", (news_id,))
        return None if row is None else _item(row)

    async def latest(self, limit: int) -> list[NewsItem]:
        rows = await self.db.fetchall(
            """SELECT * FROM news ORDER BY COALESCE(published_at, first_seen_at) DESC, id DESC
               LIMIT ?""",
            (limit,),
        )
        return [_item(row) for row in rows]

    async def count(self) -> int:
        return int(await self.db.fetchval("SELECT COUNT(*) FROM news"))

    async def search(
        self,
        query: str,
        limit: int = 5,
        alternatives: Sequence[str] = (),
        periods: Periods = (),
    ) -> list[SearchHit]:
        """Best matches first (storage.search), titles above bodies; [] for a query without words.

        `alternatives` are other names for the same thing (a partner's aliases in either
        script): an item matching any of them matches the query. `periods`: only items dated
        within one of them ([start, end) each; any date when empty).
        """
        rows = await self.index.search(self.db, query, alternatives, limit, periods)
        return [SearchHit(_item(row), float(row["rank"])) for row in rows]

    async def bodies_due(self, limit: int) -> list[NewsItem]:
        now = to_db(utcnow())
        rows = await self.db.fetchall(
            """SELECT * FROM news WHERE body_state IN ('pending', 'failed')
                   AND body_next_attempt_at <= ? ORDER BY id LIMIT ?""",
            (now, limit),
        )
        return [_item(row) for row in rows]

    async def set_body(self, news_id: int, body: str, image_url: str | None = None) -> None:
        """Store the page's text; its image only fills in for a feed that gave none."""
        ((_, stems),) = await self.index.stems([("", body)])
        async with self.db.transaction() as conn:
            await conn.execute(
                # Facts are re-extracted from the full text.
                "UPDATE news SET body = ?, body_state = 'done', body_error = NULL, "
                "extracted_at = NULL, image_url = COALESCE(image_url, ?) WHERE id = ?",
                (body, image_url, news_id),
            )
            await self.index.set_body(conn, news_id, stems)

    async def body_failed(
        self, news_id: int, reason: str, *, retry_at: datetime, final: bool = False
    ) -> None:
        """Count a failed page fetch; after BODY_RETRY_LIMIT tries (or a `final` failure, one
        that cannot get better) the teaser stays for good."""
        async with self.db.transaction() as conn:
            await conn.execute(
                """UPDATE news SET body_attempts = body_attempts + 1, body_error = ?,
                       body_next_attempt_at = ?,
                       body_state = CASE WHEN body_attempts + 1 >= ? OR ? THEN 'given_up'
                                         ELSE 'failed' END
                   WHERE id = ?""",
                (reason[:500], to_db(retry_at), BODY_RETRY_LIMIT, final, news_id),
            )

    async def unannounced(self) -> list[NewsItem]:
        """Announceable items whose outbox rows are not made yet, oldest first."""
        rows = await self.db.fetchall(
            "SELECT * FROM news WHERE fanned_out = 0 AND announce = 1 ORDER BY id"
        )
        return [_item(row) for row in rows]
