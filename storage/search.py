"""Full-text search over news, one way per engine.

SQLite: FTS5 over stemmed text (FTS5 has no Russian stemmer of its own); documents and queries
go through the same `stem_text` (bot.text.stems), so word forms meet. PostgreSQL: `tsvector`
documents kept by a trigger (migrations/postgresql), queried with `plainto_tsquery`.
User input never reaches either as syntax: FTS5 terms are quoted, `plainto_tsquery` reads words.
"""

from __future__ import annotations

import abc
import asyncio
from collections.abc import Sequence

from bot.text.stems import MAX_QUERY_TERMS, stem_text, stem_word, words
from storage.db import Connection, Database, Row

MAX_ALTERNATIVES = 12


def build_match(query: str) -> str | None:
    """An FTS5 MATCH expression of quoted stems, AND-ed; None when the query has no words.

    Every term is quoted, so user input can never inject FTS syntax (NEAR, OR, *, -, ").
    """
    stems: list[str] = []
    for word in words(query):
        stem = stem_word(word)
        if stem not in stems:
            stems.append(stem)
        if len(stems) == MAX_QUERY_TERMS:
            break
    if not stems:
        return None
    return " ".join(f'"{stem}"' for stem in stems)


def query_words(query: str) -> str | None:
    """The query's words, at most MAX_QUERY_TERMS of them, for plainto_tsquery; None if none."""
    found: list[str] = []
    for word in words(query):
        if word.lower() not in found:
            found.append(word.lower())
        if len(found) == MAX_QUERY_TERMS:
            break
    return " ".join(found) or None


class SearchIndex(abc.ABC):
    """Keeps the index of news text and answers queries: rows of `news` plus a `rank` column,
    best first."""

    @abc.abstractmethod
    async def stems(self, texts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """What `add` will be given for (title, body) pairs (work done off the event loop)."""

    @abc.abstractmethod
    async def add(self, conn: Connection, news_id: int, title: str, body: str) -> None:
        """Index a new item; `title` and `body` as `stems` gave them."""

    @abc.abstractmethod
    async def set_body(self, conn: Connection, news_id: int, body: str) -> None:
        """Index an item's full text; `body` as `stems` gave it."""

    @abc.abstractmethod
    async def search(
        self, db: Database, query: str, alternatives: Sequence[str], limit: int
    ) -> list[Row]: ...


class Fts5Index(SearchIndex):
    async def stems(self, texts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        return await asyncio.to_thread(lambda: [(stem_text(t), stem_text(b)) for t, b in texts])

    async def add(self, conn: Connection, news_id: int, title: str, body: str) -> None:
        await conn.execute(
            "INSERT INTO news_fts (rowid, title, body) VALUES (?, ?, ?)", (news_id, title, body)
        )

    async def set_body(self, conn: Connection, news_id: int, body: str) -> None:
        await conn.execute("UPDATE news_fts SET body = ? WHERE rowid = ?", (body, news_id))

    async def search(
        self, db: Database, query: str, alternatives: Sequence[str], limit: int
    ) -> list[Row]:
        match = build_match(query)
        if match is None:
            return []
        others = [m for m in map(build_match, alternatives) if m and m != match]
        if others:
            match = " OR ".join(f"({m})" for m in [match, *others[:MAX_ALTERNATIVES]])
        # bm25 is lower for better matches; titles weigh three times the bodies. The best are
        # chosen inside the index before `news` is read, so a word in most articles reads only
        # `limit` rows of it.
        return await db.fetchall(
            """SELECT news.*, best.rank FROM (
                   SELECT rowid AS id, -bm25(news_fts, 3.0, 1.0) AS rank FROM news_fts
                   WHERE news_fts MATCH ? ORDER BY rank DESC LIMIT ?) AS best
               JOIN news ON news.id = best.id ORDER BY best.rank DESC""",
            (match, limit),
        )


class TsvectorIndex(SearchIndex):
    """The trigger on `news` keeps `news_search` current; nothing to write from here.

    Ranking reads every candidate's document back from TOAST, so a word found in most of
    100,000 articles took a second: only the newest RANKED matches are ranked (a news bot's
    reader wants the recent ones first anyway); rare words rank all their matches.
    """

    RANKED = 2_000

    async def stems(self, texts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        return [("", "")] * len(texts)

    async def add(self, conn: Connection, news_id: int, title: str, body: str) -> None:
        return None

    async def set_body(self, conn: Connection, news_id: int, body: str) -> None:
        return None

    async def search(
        self, db: Database, query: str, alternatives: Sequence[str], limit: int
    ) -> list[Row]:
        first = query_words(query)
        if first is None:
            return []
        texts = [first]
        for other in map(query_words, alternatives):
            if other and other not in texts and len(texts) <= MAX_ALTERNATIVES:
                texts.append(other)
        tsquery = " || ".join(["plainto_tsquery('russian', ?)"] * len(texts))
        return await db.fetchall(
            f"""SELECT news.*, best.rank FROM (
                    SELECT s.news_id, ts_rank(s.document, q.query) AS rank
                    FROM ({"SELECT " + tsquery} AS query) AS q
                    CROSS JOIN LATERAL (
                        SELECT news_id, document FROM news_search
                        WHERE document @@ q.query ORDER BY news_id DESC LIMIT ?) AS s
                    ORDER BY rank DESC, s.news_id DESC LIMIT ?) AS best
                JOIN news ON news.id = best.news_id
                ORDER BY best.rank DESC, best.news_id DESC""",
            (*texts, self.RANKED, limit),
        )


def index_for(db: Database) -> SearchIndex:
    return TsvectorIndex() if db.engine == "postgresql" else Fts5Index()
