"""Partners across articles, their mentions, and signed agreements."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.text.documents import Report, first_reports
from bot.text.formatting import broken_off
from bot.text.names import reader_name
from storage.db import Connection, Database, Row, from_db, to_db, utcnow


@dataclass(frozen=True, slots=True)
class PartnerInput:
    """One partner as found in one article; `keys` are its matching keys (all name forms),
    `key` its identity key (of the display name), kept by the row it creates."""

    name: str
    name_en: str | None
    aliases: tuple[str, ...]
    country: str | None
    kind: str
    keys: dict[str, str]  # key -> the name form it came from
    key: str = ""
    refresh: bool = False  # a dormant row revived by a rebuild takes the fresh names
    country_guessed: bool = False  # no word of the article placed it (see PartnerFact)


@dataclass(frozen=True, slots=True)
class KnownPartner:
    """A registry row as the matcher sees it: every key it is known under, live or dormant."""

    id: int
    name: str
    name_en: str | None
    key: str
    country: str | None
    kind: str
    keys: frozenset[str]
    mentions: int
    merged_into: int | None
    hidden: bool
    country_guessed: bool = False  # only guesses placed the row (no article read a country)


# How a card's country was set (partners.country_source): guessed by the extractor, read in an
# article's text, or an operator's, which no article changes.
GUESSED, READ, OPERATOR = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Correction:
    """An operator's correction, stated by names (see migration 0004)."""

    id: int
    action: str
    name: str
    name_key: str
    value: str | None
    value_en: str | None
    source: str


@dataclass(frozen=True, slots=True)
class AgreementInput:
    kind: str
    title: str | None
    date: str | None
    parties: tuple[int, ...]  # indexes into the article's partner list


@dataclass(frozen=True, slots=True)
class Partner:
    id: int
    name: str
    name_en: str | None
    country: str | None
    kind: str
    mentions: int
    last_seen: datetime | None
    aliases: tuple[str, ...] = ()

    def name_for(self, lang: str) -> str:
        """The name a reader of `lang` sees (see bot.text.names.reader_name)."""
        return reader_name(self.name, self.name_en, self.aliases, lang)


@dataclass(frozen=True, slots=True)
class Agreement:
    id: int
    news_id: int
    kind: str
    title: str | None
    signed_on: str | None
    parties: tuple[str, ...]
    news_title: str
    news_link: str | None
    news_date: datetime | None
    parties_en: tuple[str, ...] = ()  # the parties' names for English readers
    parties_ru: tuple[str, ...] = ()  # the parties' names for Russian readers
    sources: int = 1  # articles that reported the document (the first one is news_link's)

    def parties_for(self, lang: str) -> tuple[str, ...]:
        """The parties as a reader of `lang` reads them (see Partner.name_for)."""
        shown = self.parties_en if lang == "en" else self.parties_ru
        return shown or self.parties


_PARTNER_COLUMNS = """p.id, p.name, p.name_en, p.country, p.kind,
       COUNT(m.news_id) AS mentions,
       MAX(COALESCE(n.published_at, n.first_seen_at)) AS last_seen"""
# Only live partners are listed: mentioned, not hidden by an operator, not merged away.
_PARTNER_FROM = """FROM partners p
       JOIN partner_mentions m ON m.partner_id = p.id
       JOIN news n ON n.id = m.news_id"""
# One document reported by several articles is one entry: its first report (the earliest
# article's row, `first_report IS NULL`) stands for it; later reports point at it. ENTRY is the
# condition on `a` that keeps one row per entry.
ENTRY = "a.first_report IS NULL"
# The entry's signing date: the most precise any of its reports states.
ENTRY_SIGNED = """COALESCE((SELECT r.signed_on FROM agreements r
    WHERE (r.id = a.id OR r.first_report = a.id) AND r.signed_on IS NOT NULL
    ORDER BY length(r.signed_on) DESC, r.id LIMIT 1), a.signed_on)"""
# How many articles reported the entry.
ENTRY_SOURCES = """(SELECT COUNT(DISTINCT r.news_id) FROM agreements r
    WHERE r.id = a.id OR r.first_report = a.id)"""
# The year an entry belongs to ("YYYY"): signed, else its first article's (UTC) year; `a` is the
# entry's first report and `n` its article.
AGREEMENT_YEAR = f"substr(COALESCE({ENTRY_SIGNED}, n.published_at, n.first_seen_at), 1, 4)"
_VISIBLE = "p.hidden = 0 AND p.merged_into IS NULL"


def _partner(row: Row, aliases: tuple[str, ...] = ()) -> Partner:
    return Partner(
        row["id"], row["name"], row["name_en"], row["country"], row["kind"],
        int(row["mentions"]), from_db(row["last_seen"]), aliases,
    )  # fmt: skip


def _is_cyrillic(text: str) -> bool:
    return any("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in text)


class PartnerRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def index(self, keys: Collection[str] | None = None) -> list[KnownPartner]:
        """Registry rows with all their keys (identity key and alias keys), dormant rows (no
        mentions now) included, so a rebuild finds them again instead of renumbering. With
        `keys`, only the rows known under one of them and the rows they were merged into."""
        if keys is None:
            where, params = "", []
        else:
            marks = ",".join("?" * len(keys)) or "NULL"
            where = f"""WHERE p.id IN (
                WITH RECURSIVE hit(id) AS (
                    SELECT partner_id FROM partner_aliases WHERE key IN ({marks})
                    UNION SELECT id FROM partners WHERE key IN ({marks})
                    UNION SELECT q.merged_into FROM partners q JOIN hit ON q.id = hit.id
                          WHERE q.merged_into IS NOT NULL)
                SELECT id FROM hit)"""
            params = [*keys, *keys]
        rows = await self.db.fetchall(
            f"""SELECT p.id, p.name, p.name_en, COALESCE(p.key, '') AS key, p.country, p.kind,
                       p.merged_into, p.hidden, p.country_source,
                       (SELECT COUNT(*) FROM partner_mentions m WHERE m.partner_id = p.id) AS n
                FROM partners p {where} ORDER BY p.id""",
            params,
        )
        ids = [int(row["id"]) for row in rows]
        aliases = await self.db.fetchall(
            f"""SELECT partner_id, key FROM partner_aliases
                WHERE partner_id IN ({",".join("?" * len(ids)) or "NULL"})""",
            ids,
        )
        found: dict[int, set[str]] = {}
        for alias in aliases:
            found.setdefault(int(alias[0]), set()).add(alias[1])
        return [
            KnownPartner(
                row["id"],
                row["name"],
                row["name_en"],
                row["key"],
                row["country"],
                row["kind"],
                frozenset(found.get(row["id"], set()) | ({row["key"]} if row["key"] else set())),
                int(row["n"]),
                row["merged_into"],
                bool(row["hidden"]),
                row["country_source"] == GUESSED,
            )  # fmt: skip
            for row in rows
        ]

    async def names(self) -> list[tuple[int, list[str]]]:
        """Every live partner's known name forms, for searching by name: mentioned, as a card
        shows only those (a dormant row's names would offer a button to nothing). Most
        mentioned first, as of the last change of names: partners a query matches equally are
        ranked so (inline results list the first ten)."""
        rows = await self.db.fetchall(
            f"""SELECT a.partner_id, a.alias FROM partner_aliases a JOIN partners p
                ON p.id = a.partner_id WHERE {_VISIBLE}
                AND EXISTS (SELECT 1 FROM partner_mentions m WHERE m.partner_id = p.id)
                ORDER BY (SELECT COUNT(*) FROM partner_mentions m WHERE m.partner_id = p.id)
                DESC, a.partner_id"""
        )
        out: dict[int, list[str]] = {}
        for row in rows:
            out.setdefault(int(row[0]), []).append(row[1])
        return list(out.items())

    async def names_version(self) -> tuple[int, ...]:
        """Changes whenever `names()` may: name forms added or dropped, partners hidden, merged,
        added, or mentioned for the first time (a cache of `names()` compares it before reusing
        what it holds)."""
        row = await self.db.fetchone(
            """SELECT (SELECT COUNT(*) FROM partner_aliases),
                      (SELECT COUNT(*) FROM partners WHERE hidden = 1),
                      (SELECT COUNT(*) FROM partners WHERE merged_into IS NOT NULL),
                      (SELECT COALESCE(MAX(id), 0) FROM partners),
                      (SELECT COUNT(DISTINCT partner_id) FROM partner_mentions)"""
        )
        assert row is not None
        return tuple(int(value) for value in row)

    async def replace_facts(
        self,
        news_id: int,
        partnership: bool,
        partners: list[tuple[int | None, PartnerInput]],
        agreements: list[AgreementInput],
    ) -> list[int]:
        """Replace an article's facts atomically (so re-extraction is idempotent); new partners
        are created. Returns the partner id of each input, in order. Rows are never deleted
        here: a partner nobody mentions stays dormant under its id."""
        now = to_db(utcnow())
        ids: list[int] = []
        async with self.db.transaction() as conn:
            # The parties of the documents this article reported before: their entries are
            # counted again below (a first report replaced hands its entry on).
            before = await conn.execute(
                """SELECT DISTINCT ap.partner_id FROM agreement_parties ap
                   JOIN agreements a ON a.id = ap.agreement_id WHERE a.news_id = ?""",
                (news_id,),
            )
            touched = {int(row[0]) for row in before.rows}
            await conn.execute("DELETE FROM partner_mentions WHERE news_id = ?", (news_id,))
            await conn.execute("DELETE FROM agreements WHERE news_id = ?", (news_id,))
            for partner_id, fact in partners:
                if partner_id is None:
                    cursor = await conn.execute(
                        """INSERT INTO partners (name, name_en, country, kind, created_at, key)
                           VALUES (?, ?, ?, ?, ?, ?) RETURNING id""",
                        (fact.name, fact.name_en, fact.country, fact.kind, now, fact.key or None),
                    )
                    partner_id = int(cursor.rows[0][0])
                elif fact.refresh:
                    await conn.execute(
                        """UPDATE partners SET name = ?, name_en = ?, country = ?, kind = ?,
                               key = COALESCE(key, ?) WHERE id = ?""",
                        (fact.name, fact.name_en, fact.country, fact.kind, fact.key or None,
                         partner_id),
                    )  # fmt: skip
                else:
                    # Fill gaps; a Russian name becomes the canonical one when it appears.
                    await conn.execute(
                        f"""UPDATE partners SET
                               name_en = COALESCE(name_en, ?),
                               country = COALESCE(country, ?),
                               key = COALESCE(key, ?),
                               name = CASE WHEN ? AND NOT {self.db.dialect.has_cyrillic("name")}
                                           THEN ? ELSE name END
                           WHERE id = ?""",
                        (
                            fact.name_en,
                            fact.country,
                            fact.key or None,
                            _is_cyrillic(fact.name),
                            fact.name,
                            partner_id,
                        ),
                    )
                await conn.executemany(
                    """INSERT INTO partner_aliases (partner_id, alias, key)
                       VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                    [(partner_id, alias, key) for key, alias in fact.keys.items()],
                )
                await conn.execute(
                    """INSERT INTO partner_mentions (partner_id, news_id, country, country_read)
                       VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    (partner_id, news_id, fact.country, int(not fact.country_guessed)),
                )
                ids.append(partner_id)
            await self._settle_countries(conn, ids)
            for agreement in agreements:
                cursor = await conn.execute(
                    """INSERT INTO agreements (news_id, kind, title, signed_on)
                       VALUES (?, ?, ?, ?) RETURNING id""",
                    (news_id, agreement.kind, agreement.title, agreement.date),
                )
                agreement_id = int(cursor.rows[0][0])
                await conn.executemany(
                    """INSERT INTO agreement_parties (agreement_id, partner_id)
                       VALUES (?, ?) ON CONFLICT DO NOTHING""",
                    [(agreement_id, ids[i]) for i in agreement.parties if 0 <= i < len(ids)],
                )
                touched.update(ids[i] for i in agreement.parties if 0 <= i < len(ids))
            await self._relink(conn, touched)
            await conn.execute(
                "UPDATE news SET partnership = ?, extracted_at = ? WHERE id = ?",
                (int(partnership), now, news_id),
            )
        return ids

    async def _settle_countries(self, conn: Connection, partner_ids: Collection[int]) -> None:
        """Each card's country from its mentions' (an operator's stays): the country most of
        its articles read, else the one most of them guessed; a tie keeps the card's country,
        else the earliest article's. Mentions stored before countries were kept do not vote."""
        ids = sorted(set(partner_ids))
        if not ids:
            return
        marks = ",".join("?" * len(ids))
        cards = await conn.execute(
            f"""SELECT id, country, country_source FROM partners
                WHERE id IN ({marks}) AND COALESCE(country_source, 0) != ?""",
            [*ids, OPERATOR],
        )
        current = {int(r[0]): (r[1], r[2]) for r in cards.rows}
        if not current:
            return
        votes = await conn.execute(
            f"""SELECT partner_id, country, MAX(country_read) AS read, COUNT(*) AS n,
                       MIN(news_id) AS first
                FROM partner_mentions WHERE partner_id IN ({marks}) AND country IS NOT NULL
                    AND country_read IS NOT NULL
                GROUP BY partner_id, country, country_read""",
            ids,
        )
        tally: dict[int, list[tuple[int, int, bool, int, str]]] = {}
        for partner_id, country, read, n, first in votes.rows:
            if int(partner_id) in current:
                shown = current[int(partner_id)][0]
                tally.setdefault(int(partner_id), []).append(
                    (int(read), int(n), country == shown, -int(first), country)
                )
        changed = []
        for partner_id, options in tally.items():
            read, _, _, _, country = max(options)
            if (country, read) != current[partner_id]:
                changed.append((country, read, partner_id))
        await conn.executemany(
            "UPDATE partners SET country = ?, country_source = ? WHERE id = ?", changed
        )

    async def clear_all(self) -> None:
        """Forget every fact and mark every article for extraction (before a full rebuild).

        Partner rows stay (dormant) with their identity keys, so ids do not move; the aliases
        are extracted facts and go, so a wrong alias of an old extractor does not live on."""
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM agreements")
            await conn.execute("DELETE FROM partner_mentions")
            await conn.execute("DELETE FROM partner_aliases")
            await conn.execute("UPDATE news SET extracted_at = NULL, partnership = NULL")

    async def set_identity_key(self, partner_id: int, key: str) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE partners SET key = ? WHERE id = ? AND key IS NULL", (key, partner_id)
            )

    async def mark_merged(self, partner_id: int, into: int | None) -> None:
        """Record that a dormant partner lives on as `into` (None: it is gone for good)."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE partners SET merged_into = ? WHERE id = ? AND id IS DISTINCT FROM ?",
                (into, partner_id, into),
            )

    async def merge(self, source: int, target: int) -> None:
        """Move every mention, alias and agreement of `source` to `target`; `source` stays as
        a pointer (merged_into), so its id keeps meaning the same organisation."""
        if source == target:
            return
        async with self.db.transaction() as conn:
            # The source's articles do not vote on the target's country: the card an operator
            # merges into keeps its own articles' (as a rebuild files them under the merge).
            await conn.execute(
                """INSERT INTO partner_mentions (partner_id, news_id)
                   SELECT ?, news_id FROM partner_mentions WHERE partner_id = ?
                   ON CONFLICT DO NOTHING""",
                (target, source),
            )
            await conn.execute(
                """INSERT INTO partner_aliases (partner_id, alias, key)
                   SELECT ?, alias, key FROM partner_aliases WHERE partner_id = ?
                   ON CONFLICT DO NOTHING""",
                (target, source),
            )
            await conn.execute(
                """INSERT INTO agreement_parties (agreement_id, partner_id)
                   SELECT agreement_id, ? FROM agreement_parties WHERE partner_id = ?
                   ON CONFLICT DO NOTHING""",
                (target, source),
            )
            for table in ("partner_mentions", "partner_aliases", "agreement_parties"):
                await conn.execute(f"DELETE FROM {table} WHERE partner_id = ?", (source,))
            await conn.execute("UPDATE partners SET merged_into = ? WHERE id = ?", (target, source))
            # Rows that pointed at the source now point at the target.
            await conn.execute(
                "UPDATE partners SET merged_into = ? WHERE merged_into = ?", (target, source)
            )
            # Two reports naming the two cards may now be one document's.
            await self._relink(conn, {target})

    async def relink_all(self) -> int:
        """Group every agreement into entries again (at start: rows stored before migration
        0010 are each their own entry until then). Returns how many rows changed."""
        async with self.db.transaction() as conn:
            return await self._relink(conn, None)

    async def _relink(self, conn: Connection, partner_ids: Collection[int] | None) -> int:
        """Point every agreement naming one of `partner_ids` (None: every agreement) at its
        entry's first report (see bot.text.documents): reports are grouped by their whole set of
        parties, so all the reports of these sets are read and grouped afresh, earliest article
        first. Returns how many rows changed."""
        if partner_ids is not None and not partner_ids:
            return 0
        scope, params = "", list(partner_ids or ())
        if partner_ids is not None:
            marks = ",".join("?" * len(params))
            scope = f"""WHERE a.id IN (SELECT agreement_id FROM agreement_parties
                        WHERE partner_id IN ({marks}))"""
        rows = (
            await conn.execute(
                f"""SELECT a.id, a.kind, a.title, a.signed_on, a.first_report
                    FROM agreements a JOIN news n ON n.id = a.news_id {scope}
                    ORDER BY COALESCE(n.published_at, n.first_seen_at), a.news_id, a.id""",
                params,
            )
        ).rows
        if not rows:
            return 0
        parties: dict[int, set[int]] = {}
        links = await conn.execute(
            f"""SELECT ap.agreement_id, ap.partner_id FROM agreement_parties ap
                WHERE ap.agreement_id IN (SELECT a.id FROM agreements a {scope})""",
            params,
        )
        for agreement_id, partner_id in links.rows:
            parties.setdefault(int(agreement_id), set()).add(int(partner_id))
        reports = [
            Report(int(r[0]), r[1], r[2], r[3], frozenset(parties.get(int(r[0]), ()))) for r in rows
        ]
        wanted = first_reports(reports)
        changed = [
            (wanted[int(r[0])], int(r[0]))
            for r in rows
            if wanted[int(r[0])] != (None if r[4] is None else int(r[4]))
        ]
        await conn.executemany("UPDATE agreements SET first_report = ? WHERE id = ?", changed)
        return len(changed)

    async def name_of(self, partner_id: int) -> str | None:
        value = await self.db.fetchval("SELECT name FROM partners WHERE id = ?", (partner_id,))
        return None if value is None else str(value)

    async def dormant(self, partner_id: int) -> Partner | None:
        """The row `partner_id` whatever its state (no mentions while a re-extraction makes
        the facts again, hidden, merged away), with no aliases: how to name it, not a card."""
        row = await self.db.fetchone(
            """SELECT id, name, name_en, country, kind, 0 AS mentions, NULL AS last_seen
               FROM partners WHERE id = ?""",
            (partner_id,),
        )
        return None if row is None else _partner(row)

    async def aliases_of(self, partner_ids: list[int]) -> list[tuple[int, str]]:
        marks = ",".join("?" * len(partner_ids)) or "NULL"
        rows = await self.db.fetchall(
            f"SELECT partner_id, alias FROM partner_aliases WHERE partner_id IN ({marks})",
            partner_ids,
        )
        return [(int(row[0]), row[1]) for row in rows]

    async def add_aliases(self, rows: list[tuple[int, str, str]]) -> None:
        """(partner id, name form, key) rows; known ones are kept as they are."""
        async with self.db.transaction() as conn:
            await conn.executemany(
                """INSERT INTO partner_aliases (partner_id, alias, key) VALUES (?, ?, ?)
                   ON CONFLICT DO NOTHING""",
                rows,
            )

    async def drop_alias(self, partner_id: int, key: str, alias: str) -> None:
        """Forget a name form of a partner: its key, and every key it was stored under."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "DELETE FROM partner_aliases WHERE partner_id = ? AND (key = ? OR alias = ?)",
                (partner_id, key, alias),
            )

    async def link_dormant(self) -> int:
        """Rows nobody mentions whose identity key is now an alias of exactly one live row
        point to that row (the extractor merged them); returns how many were linked."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                """UPDATE partners SET merged_into = (
                       SELECT MIN(a.partner_id) FROM partner_aliases a JOIN partners q
                           ON q.id = a.partner_id
                       WHERE a.key = partners.key AND q.id != partners.id
                           AND q.merged_into IS NULL AND q.hidden = 0
                           AND EXISTS (SELECT 1 FROM partner_mentions n
                                       WHERE n.partner_id = q.id)
                       GROUP BY a.key HAVING COUNT(DISTINCT a.partner_id) = 1)
                   WHERE merged_into IS NULL AND key IS NOT NULL
                     AND NOT EXISTS (SELECT 1 FROM partner_mentions m
                                     WHERE m.partner_id = partners.id)"""
            )
            return cursor.rowcount

    async def status(self, partner_id: int) -> tuple[bool, int | None] | None:
        """(live, merged_into) of a row: live = mentioned, not hidden; None if no such row."""
        row = await self.db.fetchone(
            """SELECT hidden, merged_into,
                      EXISTS (SELECT 1 FROM partner_mentions m WHERE m.partner_id = p.id) AS seen
               FROM partners p WHERE id = ?""",
            (partner_id,),
        )
        if row is None:
            return None
        return (not row["hidden"] and bool(row["seen"]), row["merged_into"])

    async def is_hidden(self, partner_id: int) -> bool:
        value = await self.db.fetchval("SELECT hidden FROM partners WHERE id = ?", (partner_id,))
        return bool(value)

    async def set_hidden(self, partner_id: int, hidden: bool) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE partners SET hidden = ? WHERE id = ?", (int(hidden), partner_id)
            )

    async def override(
        self,
        partner_id: int,
        *,
        name: str | None = None,
        name_en: str | None = None,
        country: str | None = None,
        keys: dict[str, str] | None = None,
    ) -> None:
        """An operator's name or country wins over the extractor's; `keys` (key -> name form)
        make the new names findable."""
        async with self.db.transaction() as conn:
            await conn.execute(
                """UPDATE partners SET name = COALESCE(?, name), name_en = COALESCE(?, name_en),
                       country = COALESCE(?, country) WHERE id = ?""",
                (name, name_en, country, partner_id),
            )
            if country is not None:
                await conn.execute(
                    "UPDATE partners SET country_source = ? WHERE id = ?", (OPERATOR, partner_id)
                )
            await conn.executemany(
                """INSERT INTO partner_aliases (partner_id, alias, key) VALUES (?, ?, ?)
                   ON CONFLICT DO NOTHING""",
                [(partner_id, alias, key) for key, alias in (keys or {}).items()],
            )

    async def identity_form(self, partner_id: int) -> str | None:
        """The name form whose key is the row's identity key (the name that made the card), if
        an article still gives it."""
        value = await self.db.fetchval(
            """SELECT MIN(a.alias) FROM partner_aliases a JOIN partners p ON p.id = a.partner_id
               WHERE p.id = ? AND a.key = p.key""",
            (partner_id,),
        )
        return str(value) if value else None

    async def hidden_partners(self, limit: int = 50) -> list[Partner]:
        """Partners an operator hid (not merged away), the latest hidden first, with or without
        mentions left (an article extracted again while its partner was hidden drops it)."""
        rows = await self.db.fetchall(
            """SELECT p.id, p.name, p.name_en, p.country, p.kind,
                      COUNT(m.news_id) AS mentions,
                      MAX(COALESCE(n.published_at, n.first_seen_at)) AS last_seen
               FROM partners p
               LEFT JOIN partner_mentions m ON m.partner_id = p.id
               LEFT JOIN news n ON n.id = m.news_id
               WHERE p.hidden = 1 AND p.merged_into IS NULL
               GROUP BY p.id ORDER BY p.id DESC LIMIT ?""",
            (limit,),
        )
        return await self._named(rows)

    async def news_ids_of(self, partner_ids: list[int]) -> list[int]:
        marks = ",".join("?" * len(partner_ids)) or "NULL"
        rows = await self.db.fetchall(
            f"""SELECT DISTINCT news_id FROM partner_mentions WHERE partner_id IN ({marks})
                ORDER BY news_id""",
            partner_ids,
        )
        return [int(row[0]) for row in rows]

    # -- operator corrections ------------------------------------------------------------------

    async def corrections(self) -> list[Correction]:
        """Those made from Telegram first, then the curation file's, each in the order made: a
        later correction wins, and the file (under version control) wins over the bot on what
        it states, before a restart as after it (a restart stores its rows again, with new
        ids; `/curate` refuses what contradicts it)."""
        rows = await self.db.fetchall(
            """SELECT id, action, name, name_key, value, value_en, source
               FROM partner_corrections
               ORDER BY CASE WHEN source = 'file' THEN 1 ELSE 0 END, id"""
        )
        return [Correction(*row) for row in rows]

    async def add_correction(
        self,
        action: str,
        name: str,
        name_key: str,
        value: str | None,
        value_en: str | None = None,
        *,
        source: str = "telegram",
        created_by: int | None = None,
    ) -> int:
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                """INSERT INTO partner_corrections
                       (action, name, name_key, value, value_en, source, created_by, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                (action, name, name_key, value, value_en, source, created_by, to_db(utcnow())),
            )
            return int(cursor.rows[0][0])

    async def replace_file_corrections(
        self, rows: list[tuple[str, str, str, str | None, str | None]]
    ) -> None:
        """The curation file is the truth for its own rows: they are replaced as a whole."""
        now = to_db(utcnow())
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM partner_corrections WHERE source = 'file'")
            await conn.executemany(
                """INSERT INTO partner_corrections
                       (action, name, name_key, value, value_en, source, created_at)
                   VALUES (?, ?, ?, ?, ?, 'file', ?)""",
                [(*row, now) for row in rows],
            )

    async def top(self, limit: int, offset: int = 0) -> list[Partner]:
        """Most active partners: most mentions first, then the latest mentioned."""
        rows = await self.db.fetchall(
            f"""SELECT {_PARTNER_COLUMNS} {_PARTNER_FROM} WHERE {_VISIBLE}
                GROUP BY p.id ORDER BY mentions DESC, last_seen DESC, p.id LIMIT ? OFFSET ?""",
            (limit, offset),
        )
        return await self._named(rows)

    async def count(self, country: str | None = None, kind: str | None = None) -> int:
        """Live partners (mentioned, visible), optionally of one country and of one kind."""
        return int(
            await self.db.fetchval(
                f"""SELECT COUNT(*) FROM partners p WHERE {_VISIBLE}
                    AND EXISTS (SELECT 1 FROM partner_mentions m WHERE m.partner_id = p.id)
                    AND (CAST(? AS TEXT) IS NULL OR p.country = ?)
                    AND (CAST(? AS TEXT) IS NULL OR p.kind = ?)""",
                (country, country, kind, kind),
            )
        )

    async def by_country(self, country: str, limit: int, offset: int = 0) -> list[Partner]:
        rows = await self.db.fetchall(
            f"""SELECT {_PARTNER_COLUMNS} {_PARTNER_FROM} WHERE p.country = ? AND {_VISIBLE}
                GROUP BY p.id ORDER BY mentions DESC, last_seen DESC, p.id LIMIT ? OFFSET ?""",
            (country, limit, offset),
        )
        return await self._named(rows)

    async def by_kind(
        self, kind: str, country: str | None, limit: int, offset: int = 0
    ) -> list[Partner]:
        """Live partners of one kind (and one country, if given), most mentioned first."""
        rows = await self.db.fetchall(
            f"""SELECT {_PARTNER_COLUMNS} {_PARTNER_FROM} WHERE p.kind = ? AND {_VISIBLE}
                AND (CAST(? AS TEXT) IS NULL OR p.country = ?)
                GROUP BY p.id ORDER BY mentions DESC, last_seen DESC, p.id LIMIT ? OFFSET ?""",
            (kind, country, country, limit, offset),
        )
        return await self._named(rows)

    async def get(self, partner_id: int) -> Partner | None:
        row = await self.db.fetchone(
            f"""SELECT {_PARTNER_COLUMNS} {_PARTNER_FROM}
                WHERE p.id = ? AND {_VISIBLE} GROUP BY p.id""",
            (partner_id,),
        )
        if row is None:
            # An old button or subscription of a partner merged since: its card now.
            target = await self.db.fetchval(
                "SELECT merged_into FROM partners WHERE id = ?", (partner_id,)
            )
            return None if target is None or target == partner_id else await self.get(target)
        aliases = await self.db.fetchall(
            "SELECT alias FROM partner_aliases WHERE partner_id = ? ORDER BY alias", (partner_id,)
        )
        return _partner(row, tuple(a[0] for a in aliases))

    async def _named(self, rows: list[Row]) -> list[Partner]:
        """Partners of `rows` with their aliases (a reader's name may be one of them)."""
        forms: dict[int, list[str]] = {}
        for partner_id, alias in sorted(await self.aliases_of([int(r["id"]) for r in rows])):
            forms.setdefault(partner_id, []).append(alias)
        return [_partner(row, tuple(forms.get(int(row["id"]), ()))) for row in rows]

    async def get_many(self, ids: list[int]) -> list[Partner]:
        """`get` for each id, in order, dropping the missing: live partners are read 500 at a
        time (a typo may match every partner of a large registry), merged ones one by one."""
        live: dict[int, Partner] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = await self.db.fetchall(
                f"""SELECT {_PARTNER_COLUMNS} {_PARTNER_FROM}
                    WHERE p.id IN ({",".join("?" * len(chunk))}) AND {_VISIBLE}
                    GROUP BY p.id""",
                chunk,
            )
            live.update((p.id, p) for p in await self._named(rows))
        out = []
        for partner_id in ids:
            partner = live.get(partner_id) or await self.get(partner_id)
            if partner is not None:
                out.append(partner)
        return out

    async def countries(self) -> list[tuple[str | None, int]]:
        rows = await self.db.fetchall(
            f"""SELECT country, COUNT(*) AS n FROM partners p WHERE {_VISIBLE}
                AND EXISTS (SELECT 1 FROM partner_mentions m WHERE m.partner_id = p.id)
                GROUP BY country ORDER BY n DESC, country"""
        )
        return [(row[0], int(row[1])) for row in rows]

    async def of_news(self, news_id: int) -> list[Partner]:
        rows = await self.db.fetchall(
            f"""SELECT {_PARTNER_COLUMNS} {_PARTNER_FROM}
                WHERE p.id IN (SELECT partner_id FROM partner_mentions WHERE news_id = ?)
                AND {_VISIBLE} GROUP BY p.id ORDER BY p.id""",
            (news_id,),
        )
        return await self._named(rows)

    async def news_of(
        self, partner_id: int, limit: int = 5
    ) -> list[tuple[int, str, str | None, datetime | None]]:
        rows = await self.db.fetchall(
            """SELECT n.id, n.title, n.link, COALESCE(n.published_at, n.first_seen_at) AS d
               FROM partner_mentions m JOIN news n ON n.id = m.news_id
               WHERE m.partner_id = ? ORDER BY d DESC, n.id DESC LIMIT ?""",
            (partner_id, limit),
        )
        return [(row[0], row[1], row[2], from_db(row[3])) for row in rows]

    async def agreements(
        self,
        *,
        partner_ids: list[int] | None = None,
        country: str | None = None,
        news_ids: list[int] | None = None,
        year: int | None = None,
        year_to: int | None = None,
        only_years: Sequence[int] = (),
        kinds: Sequence[str] = (),
        limit: int = 5,
        offset: int = 0,
    ) -> tuple[list[Agreement], int]:
        """Agreements, one entry per document however many articles reported it (dated by
        the first), newest first, optionally of some partners, a country, some news (an entry
        one of them reported), a year (signed in it, or first reported in it when the signing
        date is unknown) or some kinds ("memorandum"); returns (page, total entries)."""
        where: list[str] = [ENTRY]
        params: list[object] = []
        if partner_ids is not None:
            marks = ",".join("?" * len(partner_ids)) or "NULL"
            where.append(
                "a.id IN (SELECT agreement_id FROM agreement_parties"
                f" WHERE partner_id IN ({marks}))"
            )
            params.extend(partner_ids)
        if country is not None:
            where.append(
                """a.id IN (SELECT ap.agreement_id FROM agreement_parties ap
                   JOIN partners p ON p.id = ap.partner_id WHERE p.country = ?)"""
            )
            params.append(country)
        if news_ids is not None:
            marks = ",".join("?" * len(news_ids)) or "NULL"
            where.append(
                "a.id IN (SELECT COALESCE(r.first_report, r.id) FROM agreements r"
                f" WHERE r.news_id IN ({marks}))"
            )
            params.extend(news_ids)
        if year is not None:  # to `year_to` when given (both included)
            where.append(f"{AGREEMENT_YEAR} BETWEEN ? AND ?")
            params.extend((f"{year:04d}", f"{year_to or year:04d}"))
        if only_years:  # these years of the range alone ("2019 and 2023")
            where.append(f"{AGREEMENT_YEAR} IN ({','.join('?' * len(only_years))})")
            params.extend(f"{y:04d}" for y in only_years)
        if kinds:  # these kinds of document alone
            where.append(f"a.kind IN ({','.join('?' * len(kinds))})")
            params.extend(kinds)
        clause = "WHERE " + " AND ".join(where)
        total = int(
            await self.db.fetchval(
                f"SELECT COUNT(*) FROM agreements a JOIN news n ON n.id = a.news_id {clause}",
                params,
            )
        )
        # Newest first: by the (first) article's date, then, within one article, by when each
        # document was signed (an undated one is taken as signed when the article came out).
        rows = await self.db.fetchall(
            f"""SELECT a.id, a.news_id, a.kind, a.title, {ENTRY_SIGNED} AS signed_on,
                       n.title AS news_title, n.link,
                       COALESCE(n.published_at, n.first_seen_at) AS d,
                       CASE WHEN a.title IS NULL THEN NULL
                            ELSE COALESCE(n.body, n.teaser) END AS source,
                       {ENTRY_SOURCES} AS sources
                FROM agreements a JOIN news n ON n.id = a.news_id {clause}
                ORDER BY d DESC, COALESCE(a.signed_on, '9999') DESC, a.id DESC
                LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        )
        out = []
        for row in rows:
            parties = await self.db.fetchall(
                """SELECT p.id, p.name, p.name_en FROM agreement_parties ap
                   JOIN partners p ON p.id = ap.partner_id
                   WHERE ap.agreement_id = ? ORDER BY p.name""",
                (row["id"],),
            )
            forms: dict[int, list[str]] = {}
            for partner_id, alias in sorted(await self.aliases_of([int(p[0]) for p in parties])):
                forms.setdefault(partner_id, []).append(alias)
            named = [(p[1], p[2], forms.get(int(p[0]), [])) for p in parties]
            out.append(
                Agreement(
                    row["id"],
                    row["news_id"],
                    row["kind"],
                    # A subject running to where a cut text stops ends mid-word: say so.
                    broken_off(row["title"], row["source"] or "") if row["title"] else None,
                    row["signed_on"],
                    tuple(p[1] for p in parties),
                    row["news_title"],
                    row["link"],
                    from_db(row["d"]),
                    tuple(reader_name(*n, "en") for n in named),
                    tuple(reader_name(*n, "ru") for n in named),
                    int(row["sources"]),
                )  # fmt: skip
            )
        return out, total

    async def extraction_fingerprint(self) -> str | None:
        """The fingerprint of the extraction that made the stored facts (None: not recorded)."""
        value = await self.db.fetchval(
            "SELECT value FROM extraction_state WHERE name = 'fingerprint'"
        )
        return None if value is None else str(value)

    async def set_extraction_fingerprint(self, value: str) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                """INSERT INTO extraction_state (name, value) VALUES ('fingerprint', ?)
                   ON CONFLICT (name) DO UPDATE SET value = excluded.value""",
                (value,),
            )

    async def any_extracted(self) -> bool:
        """Whether some stored article has facts extracted (by whichever extraction)."""
        value = await self.db.fetchval("SELECT 1 FROM news WHERE extracted_at IS NOT NULL LIMIT 1")
        return value is not None

    async def unextracted(self, limit: int) -> list[int]:
        rows = await self.db.fetchall(
            # Items waiting to be announced first: a silent backlog must not hold them up.
            """SELECT id FROM news WHERE extracted_at IS NULL
               ORDER BY (announce = 1 AND fanned_out = 0) DESC, id LIMIT ?""",
            (limit,),
        )
        return [int(row[0]) for row in rows]

    async def partnership_of(self, news_id: int) -> bool | None:
        value = await self.db.fetchval("SELECT partnership FROM news WHERE id = ?", (news_id,))
        return None if value is None else bool(value)
