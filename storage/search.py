"""Full-text search over news, one way per engine.

SQLite: FTS5 over stemmed text (FTS5 has no Russian stemmer of its own); documents go through
`stem_text` (bot.text.stems). PostgreSQL: `tsvector` documents kept by a trigger
(migrations/postgresql), stemmed by its own Snowball. On both, a query word stands for every form
of its word (`query_groups`): the distinct stems of its forms are OR-ed, the words AND-ed, so
«двойной диплом» finds «двойного диплома» though Snowball stems «диплом» and «диплома» apart.
Indexes hold plain stems as before: nothing is rebuilt. Words in quote marks («умные материалы»)
are a phrase (`split_phrases`): side by side, one of its stems or forms each (FTS5's phrase,
PostgreSQL's `phraseto_tsquery`, which keeps the place of the stop words it drops).
User input never reaches either as syntax: FTS5 terms are quoted, `plainto_tsquery` reads one
word at a time and the SQL around it is built from counts only.
"""

from __future__ import annotations

import abc
import asyncio
import itertools
import math
import re
from collections.abc import Sequence
from datetime import datetime

from bot.text.stems import MAX_QUERY_TERMS, query_groups, stem_text, word_variants, words
from storage.db import Connection, Database, Row, to_db

MAX_ALTERNATIVES = 12
# Periods a search may be narrowed to: [start, end) each, by the date an item is shown with.
Periods = Sequence[tuple[datetime, datetime]]
_WHEN = "COALESCE(published_at, first_seen_at)"


def within_sql(periods: Periods) -> tuple[str, list[str | None]]:
    """A subquery of the ids of news dated within any of `periods`, and its parameters; ("",
    []) for no periods (any date). Built from the count of periods only."""
    if not periods:
        return "", []
    each = f"({_WHEN} >= ? AND {_WHEN} < ?)"
    params = [to_db(moment) for period in periods for moment in period]
    return f"SELECT id FROM news WHERE {' OR '.join([each] * len(periods))}", params


# Latin letters with and without accents, and the accented ones alone.
_WHOLE_LATIN = re.compile(r"[0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")
_ACCENTED = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


# Words in quote marks, straight or typographic («», “”, „“): a phrase, its words side by side.
_PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”|„([^“”]*)[“”]')
# Spellings one phrase is searched as at most: each is the phrase with one stem of each word.
MAX_PHRASE_SPELLINGS = 32
Phrase = tuple[tuple[tuple[str, str], ...], ...]  # per word of the phrase, its `word_variants`


def split_phrases(query: str) -> tuple[list[Phrase], str]:
    """The phrases of a query (two words or more in quote marks: «умные материалы»), each word
    with every form's stem, function words kept (they stand between the others), and the query
    without them, read word by word as before. One word in quote marks is that word."""
    phrases = [
        tuple(word_variants(w) for w in words(said)[:MAX_QUERY_TERMS]) for said in _quoted(query)
    ]
    rest = _PHRASE.sub(lambda m: " " if _phrase_of(m) else f" {_said(m)} ", query)
    return phrases, rest


def _said(match: re.Match[str]) -> str:
    return next(g for g in match.groups() if g is not None)


def _phrase_of(match: re.Match[str]) -> bool:
    return len(words(_said(match))) >= 2


def _quoted(query: str) -> list[str]:
    """The text of each phrase of the query, as typed, in the order `split_phrases` gives."""
    return [_said(m) for m in _PHRASE.finditer(query) if _phrase_of(m)]


def phrase_spellings(phrase: Phrase) -> list[tuple[tuple[str, str], ...]]:
    """The phrase as (stem, form) word sequences, one variant of each word a spelling, at most
    MAX_PHRASE_SPELLINGS of them: a word with many stems keeps its first ones (its own first)."""
    groups = [list(group) for group in phrase]
    while math.prod(len(g) for g in groups) > MAX_PHRASE_SPELLINGS:
        widest = max(groups, key=len)
        widest.pop()
    return list(itertools.product(*groups))


def build_match(query: str) -> str | None:
    """An FTS5 MATCH expression: per query word its stems quoted and OR-ed, the words AND-ed;
    None when the query has no words.

    Every term is quoted, so user input can never inject FTS syntax (NEAR, OR, *, -, ").
    """
    terms = []
    phrases, query = split_phrases(query)
    for phrase in phrases:  # «умные материалы»: one stem of each word, side by side
        said = list(dict.fromkeys(" ".join(s for s, _ in w) for w in phrase_spellings(phrase)))
        quoted = [f'"{stems}"' for stems in said]
        terms.append(quoted[0] if len(quoted) == 1 else f"({' OR '.join(quoted)})")
    for group in query_groups(query):
        quoted = [f'"{stem}"' for stem, _ in group]
        terms.append(quoted[0] if len(quoted) == 1 else f"({' OR '.join(quoted)})")
    # FTS5 takes no implicit AND next to a parenthesised OR: spelled out.
    return " AND ".join(terms) or None


def build_tsquery(query: str) -> tuple[str, list[str]] | None:
    """A PostgreSQL tsquery expression and its parameters: per query word one form for each of
    its stems, each through plainto_tsquery('russian', …) and OR-ed, the words AND-ed; None
    when the query has no words.

    PostgreSQL stems the forms itself, so they meet its documents whatever the stemmer's
    version. A form with ё is also given with е (its Snowball does not fold them). A word that
    is a stop word to PostgreSQL («быть», "of") stays out, as plainto_tsquery leaves it out of a
    whole text, though some of its other forms are not stop words: an empty tsquery, which &&
    and || skip.
    """
    parts: list[str] = []
    params: list[str] = []
    typed = _quoted(query)
    phrases, query = split_phrases(query)
    for phrase, whole in zip(phrases, typed, strict=True):
        # «умные материалы»: PostgreSQL's own phrase of each spelling; a Latin word with
        # accents ("Universität Graz") is one lexeme to it, so also the phrase as typed.
        said = [whole.lower()] if _ACCENTED.search(whole) else []
        said += [" ".join(f for _, f in w) for w in phrase_spellings(phrase)]
        said = list(dict.fromkeys(f for s in said for f in (s, s.replace("ё", "е"))))
        parts.append("(" + " || ".join(["phraseto_tsquery('russian', ?)"] * len(said)) + ")")
        params.extend(said)
    # A Latin word with accents ("Universität", "München") is one lexeme to PostgreSQL's parser
    # but split at its accented letters by `query_groups` (as SQLite's documents are): it is
    # looked up whole here, and the rest of the query as before.
    accented = [w for w in _WHOLE_LATIN.findall(query) if _ACCENTED.search(w)]
    for word in dict.fromkeys(w.lower() for w in accented[:MAX_ALTERNATIVES]):
        parts.append("plainto_tsquery('russian', ?)")
        params.append(word)
    if accented:
        query = _WHOLE_LATIN.sub(lambda m: " " if _ACCENTED.search(m.group()) else m.group(), query)
    for group in query_groups(query):
        own = group[0][1]
        forms = list(dict.fromkeys(f for _, form in group for f in (form, form.replace("ё", "е"))))
        any_form = " || ".join(["plainto_tsquery('russian', ?)"] * len(forms))
        parts.append(
            "(CASE WHEN numnode(plainto_tsquery('russian', ?)) = 0 THEN ''::tsquery"
            f" ELSE {any_form} END)"
        )
        params.extend([own, *forms])
    if not parts:
        return None
    return "(" + " && ".join(parts) + ")", params


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
        self,
        db: Database,
        query: str,
        alternatives: Sequence[str],
        limit: int,
        periods: Periods = (),
    ) -> list[Row]: ...


class Fts5Index(SearchIndex):
    @staticmethod
    def match(query: str, alternatives: Sequence[str]) -> str | None:
        """The query's MATCH expression, OR-ed with its alternatives'; None without words."""
        first = build_match(query)
        if first is None:
            return None
        others = [m for m in map(build_match, alternatives) if m and m != first]
        if not others:
            return first
        return " OR ".join(f"({m})" for m in dict.fromkeys([first, *others[:MAX_ALTERNATIVES]]))

    async def stems(self, texts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        return await asyncio.to_thread(lambda: [(stem_text(t), stem_text(b)) for t, b in texts])

    async def add(self, conn: Connection, news_id: int, title: str, body: str) -> None:
        await conn.execute(
            "INSERT INTO news_fts (rowid, title, body) VALUES (?, ?, ?)", (news_id, title, body)
        )

    async def set_body(self, conn: Connection, news_id: int, body: str) -> None:
        await conn.execute("UPDATE news_fts SET body = ? WHERE rowid = ?", (body, news_id))

    async def search(
        self,
        db: Database,
        query: str,
        alternatives: Sequence[str],
        limit: int,
        periods: Periods = (),
    ) -> list[Row]:
        # The dictionary is read off the event loop (its first use loads it: ~0.4 s).
        match = await asyncio.to_thread(self.match, query, alternatives)
        if match is None:
            return []
        dated, dates = within_sql(periods)
        # bm25 is lower for better matches; titles weigh three times the bodies. The best are
        # chosen inside the index before `news` is read, so a word in most articles reads only
        # `limit` rows of it (of those in `periods`, when given).
        return await db.fetchall(
            f"""SELECT news.*, best.rank FROM (
                   SELECT rowid AS id, -bm25(news_fts, 3.0, 1.0) AS rank FROM news_fts
                   WHERE news_fts MATCH ?{f" AND rowid IN ({dated})" if dated else ""}
                   ORDER BY rank DESC LIMIT ?) AS best
               JOIN news ON news.id = best.id ORDER BY best.rank DESC""",
            (match, *dates, limit),
        )


class TsvectorIndex(SearchIndex):
    """The trigger on `news` keeps `news_search` current; nothing to write from here.

    Ranking reads every candidate's document back from TOAST, so a word found in most of
    100,000 articles took a second: only the newest RANKED matches are ranked (a news bot's
    reader wants the recent ones first anyway); rare words rank all their matches.
    """

    RANKED = 2_000

    @staticmethod
    def tsquery(query: str, alternatives: Sequence[str]) -> tuple[str, list[str]] | None:
        """The query's tsquery expression, OR-ed with its alternatives', and its parameters."""
        first = build_tsquery(query)
        if first is None:
            return None
        queries = [first]
        for other in map(build_tsquery, alternatives):
            if other and other not in queries and len(queries) <= MAX_ALTERNATIVES:
                queries.append(other)
        return " || ".join(sql for sql, _ in queries), [p for _, some in queries for p in some]

    async def stems(self, texts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        return [("", "")] * len(texts)

    async def add(self, conn: Connection, news_id: int, title: str, body: str) -> None:
        return None

    async def set_body(self, conn: Connection, news_id: int, body: str) -> None:
        return None

    async def search(
        self,
        db: Database,
        query: str,
        alternatives: Sequence[str],
        limit: int,
        periods: Periods = (),
    ) -> list[Row]:
        built = await asyncio.to_thread(self.tsquery, query, alternatives)
        if built is None:
            return []
        tsquery, params = built
        dated, dates = within_sql(periods)
        return await db.fetchall(
            f"""SELECT news.*, best.rank FROM (
                    SELECT s.news_id, ts_rank(s.document, q.query) AS rank
                    FROM ({"SELECT " + tsquery} AS query) AS q
                    CROSS JOIN LATERAL (
                        SELECT news_id, document FROM news_search
                        WHERE document @@ q.query{f" AND news_id IN ({dated})" if dated else ""}
                        ORDER BY news_id DESC LIMIT ?) AS s
                    ORDER BY rank DESC, s.news_id DESC LIMIT ?) AS best
                JOIN news ON news.id = best.news_id
                ORDER BY best.rank DESC, best.news_id DESC""",
            (*params, *dates, self.RANKED, limit),
        )


def index_for(db: Database) -> SearchIndex:
    return TsvectorIndex() if db.engine == "postgresql" else Fts5Index()
