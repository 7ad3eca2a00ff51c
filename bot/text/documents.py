"""When two agreement rows are one document reported by two articles (a retelling), and
when an article only recalls an old document.

Pure: rows in, groups out. `storage.partners` stores the grouping (agreements.first_report).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

_QUOTES = re.compile(r"[«»“”„‟\"'‘’`´]")
_SPACES = re.compile(r"[\s\u00a0]+")
_TRAILING = re.compile(r"[\s.,;:!?…\-–—]+$")


def subject_key(title: str | None) -> str:
    """A subject as compared: case, quotes, ё/е, spacing and a final stop or '…' folded."""
    if not title:
        return ""
    text = _QUOTES.sub("", title.casefold().replace("ё", "е"))
    return _TRAILING.sub("", _SPACES.sub(" ", text).strip())


@dataclass(frozen=True, slots=True)
class Report:
    """One agreement row as one article reports it."""

    id: int
    kind: str
    title: str | None
    signed_on: str | None  # YYYY, YYYY-MM or YYYY-MM-DD as stated
    parties: frozenset[int]


def _dates_agree(left: str | None, right: str | None) -> bool:
    """Equal, one unknown, or one a coarser statement of the other ('2023-05' of '2023-05-12')."""
    if not left or not right:
        return True
    return left.startswith(right) or right.startswith(left)


def _words_prefix(short: str, long: str) -> bool:
    return long == short or long.startswith(short + " ")


def same_document(a: Report, b: Report) -> bool:
    """One document: the same kind and set of parties, the same subject (one may stop short of
    the other, at a word boundary) and no contradicting signing dates; and something that names
    the document: both give the subject, or both the signing date. Two undated, untitled
    «Соглашение — КамАЗ» may be two documents."""
    if a.kind != b.kind or not a.parties or a.parties != b.parties:
        return False
    if not _dates_agree(a.signed_on, b.signed_on):
        return False
    left, right = subject_key(a.title), subject_key(b.title)
    if left and right:
        short, long = sorted((left, right), key=len)
        return _words_prefix(short, long)
    # A subject on one side only, or on neither: only the same signing date, stated alike,
    # tells.
    return bool(a.signed_on) and a.signed_on == b.signed_on


def _fuller(entry: Report, report: Report) -> Report:
    """What an entry says once `report` joins it: the longer subject, the more precise date."""
    title = max((entry.title, report.title), key=lambda t: len(subject_key(t)))
    signed = max((entry.signed_on, report.signed_on), key=lambda d: len(d or ""))
    return Report(entry.id, entry.kind, title, signed, entry.parties)


def first_reports(reports: Sequence[Report]) -> dict[int, int | None]:
    """Each report's entry: the id of the first report of the same document, None for a first
    report. `reports` come earliest first; a report joins the entry it is the same document as,
    compared with all the entry's reports say (the longest subject, the most precise date; each
    report of it agrees with those). One that could join two entries ("о подготовке" beside
    "о подготовке инженеров" signed in March and another signed in November) says too little:
    it stands alone rather than be guessed into one."""
    buckets: dict[tuple[str, frozenset[int]], list[Report]] = {}
    out: dict[int, int | None] = {}
    for report in reports:
        entries = buckets.setdefault((report.kind, report.parties), [])
        fits = [i for i, entry in enumerate(entries) if same_document(report, entry)]
        if len(fits) == 1:
            entries[fits[0]] = _fuller(entries[fits[0]], report)
            out[report.id] = entries[fits[0]].id
        else:
            entries.append(report)
            out[report.id] = None
    return out


def recalled(signed_on: str | None, news_date: datetime | None) -> bool:
    """An agreement signed in an earlier year than the article that mentions it: old news."""
    if not signed_on or news_date is None:
        return False
    try:
        return int(signed_on[:4]) < news_date.year
    except ValueError:
        return False
