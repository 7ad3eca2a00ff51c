"""Read-only aggregates over partners, agreements and news: pictures, inline answers, exports.

Nothing here writes; every query is one statement (or one per table), so a large registry is
read in a few round trips.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from storage.db import Database, from_db
from storage.partners import AGREEMENT_YEAR, ENTRY, ENTRY_SIGNED, ENTRY_SOURCES

_WHEN = "COALESCE(n.published_at, n.first_seen_at)"


@dataclass(frozen=True, slots=True)
class PartnerSummary:
    """A partner with what an inline card or an export row shows."""

    id: int
    name: str
    name_en: str | None
    aliases: tuple[str, ...]
    country: str | None
    kind: str
    mentions: int
    agreements: int
    articles: tuple[str, ...]  # article URLs, oldest first
    first_seen: datetime | None
    last_seen: datetime | None
    latest_agreement: str | None  # "kind|signed_on or article date|title"
    latest_title: str | None
    latest_link: str | None


@dataclass(frozen=True, slots=True)
class AgreementRow:
    id: int
    kind: str
    title: str | None
    signed_on: str | None
    parties: tuple[str, ...]
    article: str | None
    published: datetime | None
    countries: tuple[str, ...]
    sources: int = 1  # articles that reported it; `article` is the first


@dataclass(frozen=True, slots=True)
class NewsRow:
    id: int
    title: str
    url: str | None
    published: datetime | None
    partnership: bool | None
    partners: tuple[str, ...]
    teaser: str
    partner_ids: tuple[int, ...] = ()  # the same partners, in the same order


# A partner users see: not hidden or merged away by a correction, and named in some article.
_LIVE = (
    "p.hidden = 0 AND p.merged_into IS NULL"
    " AND EXISTS (SELECT 1 FROM partner_mentions WHERE partner_id = p.id)"
)


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(x for x in (text or "").split("\x1f") if x)


class ReportRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def country_counts(self, kind: str | None = None) -> list[tuple[str, int]]:
        """(alpha-2, partners) of partners with a known country, largest first."""
        rows = await self.db.fetchall(
            f"""SELECT country, COUNT(*) AS n FROM partners p
               WHERE {_LIVE} AND country IS NOT NULL AND (CAST(? AS TEXT) IS NULL OR kind = ?)
               GROUP BY country ORDER BY n DESC, country""",
            (kind, kind),
        )
        return [(row[0], int(row[1])) for row in rows]

    async def partner_total(self, kind: str | None = None) -> int:
        return int(
            await self.db.fetchval(
                f"""SELECT COUNT(*) FROM partners p
                    WHERE {_LIVE} AND (CAST(? AS TEXT) IS NULL OR kind = ?)""",
                (kind, kind),
            )
        )

    async def agreements_by_year(self) -> list[tuple[int, str, int]]:
        """(year, kind, agreements): the year signed when stated, else the first article's year;
        a document several articles reported counts once."""
        rows = await self.db.fetchall(
            f"""SELECT CAST({AGREEMENT_YEAR} AS INTEGER) AS y,
                       a.kind, COUNT(*) FROM agreements a JOIN news n ON n.id = a.news_id
                WHERE {ENTRY} GROUP BY y, a.kind ORDER BY y, a.kind"""
        )
        return [(int(row[0]), row[1], int(row[2])) for row in rows if row[0]]

    async def timeline(self, partner_id: int) -> tuple[list[datetime], list[tuple[str, str]]]:
        """A partner's article dates, and its agreements as (date text YYYY-MM[-DD], kind)."""
        mentions = await self.db.fetchall(
            f"""SELECT {_WHEN} FROM partner_mentions m JOIN news n ON n.id = m.news_id
                WHERE m.partner_id = ? ORDER BY 1""",
            (partner_id,),
        )
        agreements = await self.db.fetchall(
            f"""SELECT COALESCE({ENTRY_SIGNED}, substr({_WHEN}, 1, 10)), a.kind
                FROM agreement_parties ap JOIN agreements a ON a.id = ap.agreement_id
                JOIN news n ON n.id = a.news_id WHERE ap.partner_id = ? AND {ENTRY}
                ORDER BY 1""",
            (partner_id,),
        )
        dates = [d for d in (from_db(row[0]) for row in mentions) if d is not None]
        return dates, [(row[0], row[1]) for row in agreements]

    async def partners(
        self, ids: list[int] | None = None, country: str | None = None
    ) -> list[PartnerSummary]:
        """Partners (all, some ids in that order, or one country's), with counts and links."""
        where: list[str] = [_LIVE]
        params: list[object] = []
        if ids is not None:
            where.append(f"p.id IN ({','.join('?' * len(ids)) or 'NULL'})")
            params.extend(ids)
        if country is not None:
            where.append("p.country = ?")
            params.append(country)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        rows = await self.db.fetchall(
            f"""SELECT p.id, p.name, p.name_en, p.country, p.kind,
                  (SELECT {self.db.dialect.joined("alias")} FROM
                     (SELECT DISTINCT alias FROM partner_aliases WHERE partner_id = p.id
                      ORDER BY alias) AS s) AS aliases,
                  (SELECT COUNT(*) FROM partner_mentions WHERE partner_id = p.id) AS mentions,
                  (SELECT COUNT(*) FROM agreement_parties ap JOIN agreements a
                   ON a.id = ap.agreement_id WHERE ap.partner_id = p.id AND {ENTRY})
                   AS agreements,
                  (SELECT {self.db.dialect.joined("link")} FROM
                     (SELECT n.link FROM partner_mentions m JOIN news n ON n.id = m.news_id
                      WHERE m.partner_id = p.id AND n.link IS NOT NULL
                      ORDER BY {_WHEN}, n.id) AS s) AS articles,
                  (SELECT MIN({_WHEN}) FROM partner_mentions m JOIN news n ON n.id = m.news_id
                   WHERE m.partner_id = p.id) AS first_seen,
                  (SELECT MAX({_WHEN}) FROM partner_mentions m JOIN news n ON n.id = m.news_id
                   WHERE m.partner_id = p.id) AS last_seen,
                  (SELECT a.kind || '|' || COALESCE({ENTRY_SIGNED}, substr({_WHEN}, 1, 10))
                          || '|' || COALESCE(a.title, '')
                   FROM agreement_parties ap JOIN agreements a ON a.id = ap.agreement_id
                   JOIN news n ON n.id = a.news_id WHERE ap.partner_id = p.id AND {ENTRY}
                   ORDER BY {_WHEN} DESC, a.id DESC LIMIT 1) AS latest_agreement,
                  (SELECT n.title || {self.db.dialect.unit_separator} || COALESCE(n.link, '')
                   FROM partner_mentions m JOIN news n ON n.id = m.news_id
                   WHERE m.partner_id = p.id ORDER BY {_WHEN} DESC, n.id DESC LIMIT 1) AS latest
                FROM partners p {clause} ORDER BY p.id""",
            params,
        )
        out = []
        for row in rows:
            latest = (row["latest"] or "").split("\x1f")
            out.append(
                PartnerSummary(
                    id=row["id"],
                    name=row["name"],
                    name_en=row["name_en"],
                    aliases=_split(row["aliases"]),
                    country=row["country"],
                    kind=row["kind"],
                    mentions=int(row["mentions"]),
                    agreements=int(row["agreements"]),
                    articles=_split(row["articles"]),
                    first_seen=from_db(row["first_seen"]),
                    last_seen=from_db(row["last_seen"]),
                    latest_agreement=row["latest_agreement"],
                    latest_title=latest[0] or None,
                    latest_link=latest[1] if len(latest) > 1 and latest[1] else None,
                )  # fmt: skip
            )
        if ids is not None:
            order = {pid: i for i, pid in enumerate(ids)}
            out.sort(key=lambda p: order[p.id])
        return out

    async def agreements(
        self,
        partner_ids: list[int] | None = None,
        country: str | None = None,
        news_ids: list[int] | None = None,
        year: int | None = None,
        year_to: int | None = None,
        only_years: Sequence[int] = (),
        kinds: Sequence[str] = (),
    ) -> list[AgreementRow]:
        """Every agreement, one row per document however many articles reported it (the
        first article's link and date; see PartnerRepository.agreements), optionally of some
        partners, a country, some articles, a year or some kinds as /agreements reads them,
        newest first."""
        where: list[str] = [ENTRY]
        params: list[object] = []
        if partner_ids is not None:
            where.append(
                "a.id IN (SELECT agreement_id FROM agreement_parties WHERE partner_id IN "
                f"({','.join('?' * len(partner_ids)) or 'NULL'}))"
            )
            params.extend(partner_ids)
        if country is not None:
            where.append(
                """a.id IN (SELECT ap.agreement_id FROM agreement_parties ap
                   JOIN partners p ON p.id = ap.partner_id WHERE p.country = ?)"""
            )
            params.append(country)
        if news_ids is not None:
            where.append(
                "a.id IN (SELECT COALESCE(r.first_report, r.id) FROM agreements r WHERE "
                f"r.news_id IN ({','.join('?' * len(news_ids)) or 'NULL'}))"
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
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        rows = await self.db.fetchall(
            f"""SELECT a.id, a.kind, a.title, {ENTRY_SIGNED} AS signed_on, n.link,
                  {_WHEN} AS published, {ENTRY_SOURCES} AS sources,
                  (SELECT {self.db.dialect.joined("name")} FROM
                     (SELECT p.name FROM agreement_parties ap JOIN partners p
                      ON p.id = ap.partner_id WHERE ap.agreement_id = a.id AND p.hidden = 0
                      ORDER BY p.name) AS s)
                   AS parties,
                  (SELECT {self.db.dialect.joined("country")} FROM
                     (SELECT DISTINCT p.country FROM agreement_parties ap JOIN partners p
                      ON p.id = ap.partner_id WHERE ap.agreement_id = a.id AND p.hidden = 0
                      AND p.country IS NOT NULL ORDER BY p.country) AS s) AS countries
                FROM agreements a JOIN news n ON n.id = a.news_id {clause}
                ORDER BY published DESC, a.id DESC""",
            params,
        )
        return [
            AgreementRow(
                row["id"],
                row["kind"],
                row["title"],
                row["signed_on"],
                _split(row["parties"]),
                row["link"],
                from_db(row["published"]),
                _split(row["countries"]),
                int(row["sources"]),
            )  # fmt: skip
            for row in rows
        ]

    async def news(
        self,
        ids: list[int] | None = None,
        *,
        partnership_only: bool = False,
        limit: int | None = None,
    ) -> list[NewsRow]:
        """News (all, or some ids in that order, or the latest partnership items)."""
        where: list[str] = []
        params: list[object] = []
        if ids is not None:
            where.append(f"n.id IN ({','.join('?' * len(ids)) or 'NULL'})")
            params.extend(ids)
        if partnership_only:
            where.append("n.partnership = 1")
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        rows = await self.db.fetchall(
            f"""SELECT n.id, n.title, n.link, {_WHEN} AS published, n.partnership,
                  substr(COALESCE(NULLIF(n.teaser, ''), n.body, ''), 1, 600) AS teaser,
                  (SELECT {self.db.dialect.joined("name")} FROM
                     (SELECT p.name FROM partner_mentions m JOIN partners p
                      ON p.id = m.partner_id WHERE m.news_id = n.id AND p.hidden = 0
                      ORDER BY p.name, p.id) AS s)
                   AS partners,
                  (SELECT {self.db.dialect.joined("id")} FROM
                     (SELECT p.id FROM partner_mentions m JOIN partners p
                      ON p.id = m.partner_id WHERE m.news_id = n.id AND p.hidden = 0
                      ORDER BY p.name, p.id) AS s)
                   AS partner_ids
                FROM news n {clause} ORDER BY published DESC, n.id DESC
                {"" if limit is None else "LIMIT ?"}""",
            params if limit is None else [*params, limit],
        )
        out = [
            NewsRow(
                row["id"],
                row["title"],
                row["link"],
                from_db(row["published"]),
                None if row["partnership"] is None else bool(row["partnership"]),
                _split(row["partners"]),
                row["teaser"],
                tuple(int(x) for x in _split(row["partner_ids"])),
            )  # fmt: skip
            for row in rows
        ]
        if ids is not None:
            order = {nid: i for i, nid in enumerate(ids)}
            out.sort(key=lambda r: order[r.id])
        return out
