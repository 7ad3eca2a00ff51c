"""Exports of the registry: one function per table returning plain dicts, and one writer per
format. The JSONL field names are a contract outside tools rely on; keep them stable.

Dates are ISO 8601 in UTC; `signed_on` is the date as stated in the article (YYYY-MM-DD or
YYYY-MM) or null. CSV is UTF-8 with a BOM (Excel detects the encoding by it), lists are joined
with "; ". XLSX has one sheet per table.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from storage.reports import AgreementRow, NewsRow, PartnerSummary, ReportRepository

Row = dict[str, Any]
TABLES = ("partners", "agreements", "news")
FORMATS = ("jsonl", "csv", "xlsx")
LIST_SEPARATOR = "; "
# A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def partner_row(p: PartnerSummary) -> Row:
    return {
        "id": p.id,
        "name": p.name,
        "name_en": p.name_en,
        "aliases": [a for a in p.aliases if a not in (p.name, p.name_en)],
        "country": p.country,
        "kind": p.kind,
        "mentions": p.mentions,
        "articles": list(p.articles),
        "first_seen": _iso(p.first_seen),
        "last_seen": _iso(p.last_seen),
    }


def agreement_row(a: AgreementRow) -> Row:
    return {
        "id": a.id,
        "kind": a.kind,
        "title": a.title,
        "signed_on": a.signed_on,
        "parties": list(a.parties),
        "article": a.article,
        "published": _iso(a.published),
        "sources": a.sources,
    }


def news_row(n: NewsRow) -> Row:
    return {
        "id": n.id,
        "title": n.title,
        "url": n.url,
        "published": _iso(n.published),
        "partnership": n.partnership,
        "partners": list(n.partners),
    }


async def partners_rows(
    reports: ReportRepository, *, ids: list[int] | None = None, country: str | None = None
) -> list[Row]:
    return [partner_row(p) for p in await reports.partners(ids, country)]


async def agreement_rows(
    reports: ReportRepository,
    *,
    partner_ids: list[int] | None = None,
    country: str | None = None,
    news_ids: list[int] | None = None,
    year: int | None = None,
    year_to: int | None = None,
    only_years: Sequence[int] = (),
    kinds: Sequence[str] = (),
) -> list[Row]:
    rows = await reports.agreements(
        partner_ids, country, news_ids, year, year_to, only_years, kinds
    )
    return [agreement_row(a) for a in rows]


async def news_rows(reports: ReportRepository) -> list[Row]:
    return [news_row(n) for n in await reports.news()]


async def rows_of(reports: ReportRepository, table: str) -> list[Row]:
    if table == "partners":
        return await partners_rows(reports)
    if table == "agreements":
        return await agreement_rows(reports)
    if table == "news":
        return await news_rows(reports)
    raise ValueError(f"unknown table {table!r}")


def write_jsonl(rows: Iterable[Row], out: IO[str]) -> None:
    """One JSON object per line, UTF-8 text as is (not \\u-escaped)."""
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _cell(value: Any) -> Any:
    """A value for one spreadsheet cell: lists joined, formulas defused, None empty."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(rows: Sequence[Row], out: IO[str], columns: Sequence[str] | None = None) -> None:
    """CSV with a header row; `out` should be opened with encoding "utf-8-sig" (the BOM) and
    newline="" (csv writes CRLF itself)."""
    fields = list(columns or (rows[0].keys() if rows else ()))
    writer = csv.writer(out)
    writer.writerow(fields)
    for row in rows:
        writer.writerow([_cell(row.get(f)) for f in fields])


def csv_bytes(rows: Sequence[Row], columns: Sequence[str] | None = None) -> bytes:
    buffer = io.StringIO(newline="")
    write_csv(rows, buffer, columns)
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(
    sheets: Mapping[str, Sequence[Row]],
    out: Path | IO[bytes],
    columns: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """One sheet per table: a bold frozen header with filters, dates as dates, lists joined."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        fields = list((columns or {}).get(name) or (rows[0].keys() if rows else ()))
        sheet.append(fields)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        widths = [len(f) for f in fields]
        for r, row in enumerate(rows, start=2):
            for c, field in enumerate(fields, start=1):
                value = row.get(field)
                target = sheet.cell(row=r, column=c)
                if isinstance(value, str) and field in {"first_seen", "last_seen", "published"}:
                    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
                    target.value = moment.astimezone(UTC).replace(tzinfo=None)
                    target.number_format = "yyyy-mm-dd hh:mm"
                    continue
                shown = _cell(value)
                target.value = shown
                if isinstance(shown, str):
                    target.data_type = "s"  # never a formula, whatever the text starts with
                    widths[c - 1] = max(widths[c - 1], min(len(shown), 60))
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = max(8, width + 2)
        sheet.freeze_panes = "A2"
        if fields:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{max(1, len(rows) + 1)}"
    book.save(out)


def xlsx_bytes(
    sheets: Mapping[str, Sequence[Row]], columns: Mapping[str, Sequence[str]] | None = None
) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(sheets, buffer, columns)
    return buffer.getvalue()


COLUMNS: dict[str, tuple[str, ...]] = {
    "partners": ("id", "name", "name_en", "aliases", "country", "kind", "mentions", "articles",
                 "first_seen", "last_seen"),
    "agreements": ("id", "kind", "title", "signed_on", "parties", "article", "published",
                   "sources"),
    "news": ("id", "title", "url", "published", "partnership", "partners"),
}  # fmt: skip
