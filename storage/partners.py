"""Partners across articles, their mentions, and signed agreements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.db import Database, from_db, to_db, utcnow


@dataclass(frozen=True, slots=True)
class PartnerInput:
    """One partner as found in one article; `keys` are its matching keys (all name forms)."""

    name: str
    name_en: str | None
    aliases: tuple[str, ...]
    country: str | None
    kind: str
    keys: dict[str, str]  # key -> the name form it came from


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
    parties_en: tuple[str, ...] = ()  # English names where known, else the canonical ones


_PARTNER_COLUMNS = """p.id, p.name, p.name_en, p.country, p.kind,
       COUNT(m.news_id) AS mentions,
       MAX(COALESCE(n.published_at, n.first_seen_at)) AS last_seen"""
_PARTNER_FROM = """FROM partners p
       JOIN partner_mentions m ON m.partner_id = p.id
       JOIN news n ON n.id = m.news_id"""


def _partner(row: aiosqlite.Row, aliases: tuple[str, ...] = ()) -> Partner:
    return Partner(
        row["id"], row["name"], row["name_en"], row["country"], row["kind"],
        int(row["mentions"]), from_db(row["last_seen"]), aliases,
    )  # fmt: skip


def _is_cyrillic(text: str) -> bool:
    return any("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in text)


class PartnerRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def find_by_keys(self, keys: list[str]) -> int | None:
        """The partner most often mentioned among those known under any of these keys."""
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        value = await self.db.fetchval(
            f"""SELECT a.partner_id FROM partner_aliases a
                LEFT JOIN partner_mentions m ON m.partner_id = a.partner_id
                WHERE a.key IN ({marks})
                GROUP BY a.partner_id ORDER BY COUNT(m.news_id) DESC, a.partner_id LIMIT 1""",
            keys,
        )
        return None if value is None else int(value)

    async def names(self) -> list[tuple[int, list[str]]]:
        """Every partner's known name forms, for fuzzy matching of a new name."""
        rows = await self.db.fetchall(
            "SELECT partner_id, alias FROM partner_aliases ORDER BY partner_id"
        )
        out: dict[int, list[str]] = {}
        for row in rows:
            out.setdefault(int(row[0]), []).append(row[1])
        return list(out.items())

    async def replace_facts(
        self,
        news_id: int,
        partnership: bool,
        partners: list[tuple[int | None, PartnerInput]],
        agreements: list[AgreementInput],
    ) -> list[int]:
        """Replace an article's facts atomically (so re-extraction is idempotent); new partners
        are created. Returns the partner id of each input, in order."""
        now = to_db(utcnow())
        ids: list[int] = []
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM partner_mentions WHERE news_id = ?", (news_id,))
            await conn.execute("DELETE FROM agreements WHERE news_id = ?", (news_id,))
            for partner_id, fact in partners:
                if partner_id is None:
                    cursor = await conn.execute(
                        """INSERT INTO partners (name, name_en, country, kind, created_at)
                           VALUES (?, ?, ?, ?, ?)""",
                        (fact.name, fact.name_en, fact.country, fact.kind, now),
                    )
                    assert cursor.lastrowid is not None
                    partner_id = cursor.lastrowid
                else:
                    # Fill gaps; a Russian name becomes the canonical one when it appears.
                    await conn.execute(
                        """UPDATE partners SET
                               name_en = COALESCE(name_en, ?),
                               country = COALESCE(country, ?),
                               name = CASE WHEN ? AND name NOT GLOB '*[а-яА-ЯёЁ]*'
                                           THEN ? ELSE name END
                           WHERE id = ?""",
                        (
                            fact.name_en,
                            fact.country,
                            _is_cyrillic(fact.name),
                            fact.name,
                            partner_id,
                        ),
                    )
                await conn.executemany(
                    """INSERT OR IGNORE INTO partner_aliases (partner_id, alias, key)
                       VALUES (?, ?, ?)""",
                    [(partner_id, alias, key) for key, alias in fact.keys.items()],
                )
                await conn.execute(
                    "INSERT OR IGNORE INTO partner_mentions (partner_id, news_id) VALUES (?, ?)",
                    (partner_id, news_id),
                )
                ids.append(partner_id)
            for agreement in agreements:
                cursor = await conn.execute(
                    "INSERT INTO agreements (news_id, kind, title, signed_on) VALUES (?, ?, ?, ?)",
                    (news_id, agreement.kind, agreement.title, agreement.date),
                )
                await conn.executemany(
                    """INSERT OR IGNORE INTO agreement_parties (agreement_id, partner_id)
                       VALUES (?, ?)""",
                    [(cursor.lastrowid, ids[i]) for i in agreement.parties if 0 <= i < len(ids)],
                )
            await conn.execute(
                "UPDATE news SET partnership = ?, extracted_at = ? WHERE id = ?",
                (int(partnership), now, news_id),
            )
            # Partners nobody mentions any more (after re-extraction) are forgotten.
            await conn.execute(
                """DELETE FROM partners WHERE NOT EXISTS
                   (SELECT 1 FROM partner_mentions m WHERE m.partner_id = partners.id)"""
            )
        return ids

    async def clear_all(self) -> None:
        """Forget every fact and mark every article for extraction (before a full rebuild)."""
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM agreements")
            await conn.execute("DELETE FROM partners")
            await conn.execute("UPDATE news SET extracted_at = NULL, partnership = NULL")

    async def top(self, limit: int, offset: int = 0) -> list[Partner]:
        """Most active partners: most mentions first, then the latest mentioned."""
        rows = await self.db.fetchall(
            f"""SELECT {_PARTNER_COLUMNS} {_PARTNER_FROM}
                GROUP BY p.id ORDER BY mentions DESC, last_seen DESC, p.id LIMIT ? OFFSET ?""",
            (limit, offset),
        )
        return [_partner(row) for row in rows]

    async def count(self, country: str | None = None) -> int:
        if country is None:
            return int(await self.db.fetchval("SELECT COUNT(*) FROM partners"))
        return int(
            await self.db.fetchval("SELECT COUNT(*) FROM partners WHERE country = ?", (country,))
        )

    async def by_country(self, country: str, limit: int, offset: int = 0) -> list[Partner]:
        rows = await self.db.fetchall(
            f"""SELECT {_PARTNER_COLUMNS} {_PARTNER_FROM} WHERE p.country = ?
                GROUP BY p.id ORDER BY mentions DESC, last_seen DESC, p.id LIMIT ? OFFSET ?""",
            (country, limit, offset),
        )
        return [_partner(row) for row in rows]

    async def get(self, partner_id: int) -> Partner | None:
        row = await self.db.fetchone(
            f"SELECT {_PARTNER_COLUMNS} {_PARTNER_FROM} WHERE p.id = ? GROUP BY p.id",
            (partner_id,),
        )
        if row is None:
            return None
        aliases = await self.db.fetchall(
            "SELECT alias FROM partner_aliases WHERE partner_id = ? ORDER BY alias", (partner_id,)
        )
        return _partner(row, tuple(a[0] for a in aliases))

    async def get_many(self, ids: list[int]) -> list[Partner]:
        out = []
        for partner_id in ids:
            partner = await self.get(partner_id)
            if partner is not None:
                out.append(partner)
        return out

    async def countries(self) -> list[tuple[str | None, int]]:
        rows = await self.db.fetchall(
            """SELECT country, COUNT(*) AS n FROM partners
               GROUP BY country ORDER BY n DESC, country"""
        )
        return [(row[0], int(row[1])) for row in rows]

    async def of_news(self, news_id: int) -> list[Partner]:
        rows = await self.db.fetchall(
            f"""SELECT {_PARTNER_COLUMNS} {_PARTNER_FROM}
                WHERE p.id IN (SELECT partner_id FROM partner_mentions WHERE news_id = ?)
                GROUP BY p.id ORDER BY p.id""",
            (news_id,),
        )
        return [_partner(row) for row in rows]

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
        limit: int = 5,
        offset: int = 0,
    ) -> tuple[list[Agreement], int]:
        """Agreements, newest news first, optionally of some partners, a country or some news;
        returns (page, total)."""
        where: list[str] = []
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
            where.append(f"a.news_id IN ({marks})")
            params.extend(news_ids)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        total = int(await self.db.fetchval(f"SELECT COUNT(*) FROM agreements a {clause}", params))
        rows = await self.db.fetchall(
            f"""SELECT a.id, a.news_id, a.kind, a.title, a.signed_on, n.title AS news_title,
                       n.link, COALESCE(n.published_at, n.first_seen_at) AS d
                FROM agreements a JOIN news n ON n.id = a.news_id {clause}
                ORDER BY d DESC, a.id DESC LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        )
        out = []
        for row in rows:
            parties = await self.db.fetchall(
                """SELECT p.name, COALESCE(p.name_en, p.name) FROM agreement_parties ap
                   JOIN partners p ON p.id = ap.partner_id
                   WHERE ap.agreement_id = ? ORDER BY p.name""",
                (row["id"],),
            )
            out.append(
                Agreement(
                    row["id"],
                    row["news_id"],
                    row["kind"],
                    row["title"],
                    row["signed_on"],
                    tuple(p[0] for p in parties),
                    row["news_title"],
                    row["link"],
                    from_db(row["d"]),
                    tuple(p[1] for p in parties),
                )  # fmt: skip
            )
        return out, total

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
