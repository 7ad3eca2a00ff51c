"""Registry exports for people and outside checks: one function per table, JSONL or CSV.

The JSONL shape is a contract read by outside scorers (one partner a line: id, name, name_en,
aliases, country, kind, mentions, articles, first_seen, last_seen); CSV is for spreadsheets:
UTF-8 with a BOM so Excel reads Cyrillic, lists joined with "; ".
"""

from __future__ import annotations

import csv
import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Literal, TextIO

from storage.db import to_db
from storage.partners import PartnerExport, PartnerRepository

Format = Literal["jsonl", "csv"]
FORMATS: tuple[Format, ...] = ("jsonl", "csv")
LIST_SEPARATOR = "; "

PARTNER_FIELDS = (
    "id", "name", "name_en", "aliases", "country", "kind", "mentions", "articles",
    "first_seen", "last_seen",
)  # fmt: skip


def partner_record(row: PartnerExport) -> dict[str, object]:
    """The JSONL record of one partner (times are UTC ISO text, as stored)."""
    return {
        "id": row.id,
        "name": row.name,
        "name_en": row.name_en,
        "aliases": list(row.aliases),
        "country": row.country,
        "kind": row.kind,
        "mentions": row.mentions,
        "articles": list(row.articles),
        "first_seen": to_db(row.first_seen),
        "last_seen": to_db(row.last_seen),
    }


def write_records(
    records: Sequence[dict[str, object]], fields: Sequence[str], fmt: Format, out: TextIO
) -> None:
    """Write records as JSONL (one object a line) or CSV (header first; the caller opens the
    file with ``utf-8-sig`` for the BOM, or writes one itself for stdout)."""
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([_cell(record.get(field)) for field in fields])


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


async def export_partners(partners: PartnerRepository, fmt: Format, out: TextIO) -> int:
    """Every visible partner with at least one mention; returns how many were written."""
    rows = await partners.export_rows()
    write_records([partner_record(r) for r in rows], PARTNER_FIELDS, fmt, out)
    return len(rows)


# table -> exporter; agreements and news exports join here.
EXPORTERS: dict[str, Callable[[PartnerRepository, Format, TextIO], Awaitable[int]]] = {
    "partners": export_partners,
}
