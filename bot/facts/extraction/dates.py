"""When a document was signed, as an ISO string of the precision the text gives.

Pure: `signed_on("12 марта 2021 года")` is "2021-03-12", "в 1987 году" is "1987", an ISO date or
month passes through; anything else is None. Years outside 1900..2100 are not dates.
"""

from __future__ import annotations

import re

_MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
    "jan": 1, "feb": 2, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:-?го)?\s+([а-яa-z]{3,})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([a-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b([а-яa-z]{3,})\s+(\d{4})\b")
_YEAR = re.compile(r"\b(\d{4})(?:\s*(?:г\b|г\.|год|году))?")


def _month(word: str) -> int | None:
    word = word.lower().replace("ё", "е")
    if word.startswith("мар") or word.startswith("mar"):
        return 3
    return _MONTHS.get(word[:3])


def _year(text: str) -> int | None:
    year = int(text)
    return year if 1900 <= year <= 2100 else None


def signed_on(text: str | None) -> str | None:
    """The signing date stated in `text`, most precise form first; None when there is none."""
    if not text:
        return None
    text = text.strip().lower()
    iso = _ISO.match(text)
    if iso:
        year, month, day = iso.groups()
        if _year(year) is None or (month and not 1 <= int(month) <= 12):
            return None
        if day and not 1 <= int(day) <= 31:
            return None
        return text
    for pattern, order in ((_DAY_MONTH_YEAR, (1, 2, 3)), (_MONTH_DAY_YEAR, (2, 1, 3))):
        for m in pattern.finditer(text):
            day, word, year = (m.group(i) for i in order)
            month, y = _month(word), _year(year)
            if month and y and 1 <= int(day) <= 31:
                return f"{y}-{month:02d}-{int(day):02d}"
    for m in _MONTH_YEAR.finditer(text):
        month, y = _month(m.group(1)), _year(m.group(2))
        if month and y:
            return f"{y}-{month:02d}"
    bare = _YEAR.search(text)
    if bare and (y := _year(bare.group(1))):
        return str(y)
    return None
