"""Pictures from the registry, rendered in a worker thread and remembered by Telegram file_id.

A picture is identified by what it shows (its kind, argument, language) and fingerprinted by the
data drawn in it: while the fingerprint holds, a repeat request resends the file_id Telegram gave
for the first upload. The cache lives in memory: after a restart a picture is uploaded once more.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.text.countries import country_name
from bot.text.formatting import DISPLAY_ZONE, cut, esc, format_date
from bot.text.i18n import AGREEMENT_KINDS, PARTNER_KINDS, label, t
from bot.text.names import reader_name
from storage.db import utcnow
from storage.reports import ReportRepository

TOP_COUNTRIES = 15
# Words a person may use for a partner kind in /map <kind> (prefixes, both languages).
_KIND_WORDS = {
    "univ": "university", "универ": "university", "вуз": "university",
    "research": "research", "науч": "research", "исслед": "research", "институт": "research",
    "compan": "company", "компан": "company", "предпр": "company", "business": "company",
    "gov": "government", "власт": "government", "орган": "government", "минист": "government",
    "other": "other", "друг": "other", "организ": "other",
}  # fmt: skip


def parse_kind(text: str) -> str | None:
    """The partner kind a word names ("вузы", "companies"), or None."""
    word = text.strip().lower()
    if not word:
        return None
    return next((kind for stem, kind in _KIND_WORDS.items() if word.startswith(stem)), None)


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture ready to send: `file_id` when Telegram has it already, else `png` to upload."""

    key: str
    fingerprint: str
    caption: str  # Telegram HTML
    filename: str
    png: bytes | None = None
    file_id: str | None = None


def _fingerprint(*parts: object) -> str:
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def _day(text: str) -> date | None:
    """A date stated as YYYY, YYYY-MM or YYYY-MM-DD (the middle of the period when partial)."""
    bits = text.split("-")
    try:
        year = int(bits[0])
        month = int(bits[1]) if len(bits) > 1 else 7
        day = int(bits[2][:2]) if len(bits) > 2 else (15 if len(bits) > 1 else 1)
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


class PictureService:
    """`world_map`, `overview`, `timeline` → a Picture; `remember` its file_id once sent."""

    def __init__(self, reports: ReportRepository, cache_size: int = 256) -> None:
        self.reports = reports
        self._sent: OrderedDict[str, tuple[str, str]] = OrderedDict()  # key -> (print, file_id)
        self._cache_size = cache_size
        # matplotlib's font and text caches are shared: one render at a time, off the loop.
        self._render_lock = threading.Lock()
        self.renders = 0

    def remember(self, picture: Picture, file_id: str) -> None:
        self._sent[picture.key] = (picture.fingerprint, file_id)
        self._sent.move_to_end(picture.key)
        while len(self._sent) > self._cache_size:
            self._sent.popitem(last=False)

    def forget(self, picture: Picture) -> None:
        """Drop a file_id Telegram refused, so the next request uploads again."""
        self._sent.pop(picture.key, None)

    async def _picture(
        self, key: str, data: object, caption: str, filename: str, draw: Callable[[], bytes]
    ) -> Picture:
        fingerprint = _fingerprint(key, data)
        known = self._sent.get(key)
        if known is not None and known[0] == fingerprint:
            return Picture(key, fingerprint, caption, filename, file_id=known[1])
        png = await asyncio.to_thread(self._render, draw)
        return Picture(key, fingerprint, caption, filename, png=png)

    def _render(self, draw: Callable[[], bytes]) -> bytes:
        with self._render_lock:
            self.renders += 1
            return draw()

    @staticmethod
    def _as_of(lang: str) -> str:
        return format_date(utcnow(), lang)

    async def world_map(self, lang: str, kind: str | None = None) -> Picture:
        counts = await self.reports.country_counts(kind)
        total = await self.reports.partner_total(kind)
        names = {code: country_name(code, lang) for code, _ in counts}
        kind_label = label(PARTNER_KINDS, kind, lang) if kind else ""
        title = t(lang, "map_title_kind", kind=kind_label) if kind else t(lang, "map_title")
        subtitle = t(lang, "map_subtitle", partners=str(total), countries=str(len(counts)))
        top = ", ".join(f"{names[c]} {n}" for c, n in counts[:5])
        caption = "\n".join(
            x
            for x in (
                f"<b>{esc(title)}</b>",
                esc(subtitle),
                esc(t(lang, "map_top", top=top)) if top else "",
                esc(t(lang, "picture_as_of", date=self._as_of(lang))),
            )
            if x
        )

        def draw() -> bytes:
            from bot.reports.pictures.render import Words, render_map

            words = Words(title, subtitle, t(lang, "partners_empty"), t(lang, "map_legend"))
            return render_map(counts, names, words)

        data = (counts, total, kind, names, title, subtitle)
        return await self._picture(f"map:{kind or ''}:{lang}", data, caption, "map.png", draw)

    async def overview(self, lang: str) -> Picture:
        per_year = await self.reports.agreements_by_year()
        counts = await self.reports.country_counts()
        years: dict[int, dict[str, int]] = {}
        for year, kind, n in per_year:
            years.setdefault(year, {})[kind] = n
        year_rows = sorted(years.items())
        kinds = {k: label(AGREEMENT_KINDS, k, lang) for k in AGREEMENT_KINDS}
        top = [(country_name(c, lang), n) for c, n in counts[:TOP_COUNTRIES]]
        agreements = sum(n for _, _, n in per_year)
        title = t(lang, "chart_title")
        subtitle = t(lang, "chart_subtitle", agreements=str(agreements), countries=str(len(counts)))
        caption = "\n".join(
            (
                f"<b>{esc(title)}</b>",
                esc(t(lang, "chart_caption", top=str(TOP_COUNTRIES))),
                esc(subtitle),
                esc(t(lang, "picture_as_of", date=self._as_of(lang))),
            )
        )

        def draw() -> bytes:
            from bot.reports.pictures.render import Words, render_overview

            words = Words(title, subtitle, t(lang, "chart_empty"))
            return render_overview(
                year_rows, kinds, top, words,
                t(lang, "chart_years"), t(lang, "chart_countries", top=str(TOP_COUNTRIES)),
            )  # fmt: skip

        data = (year_rows, kinds, top, title, subtitle)
        return await self._picture(f"chart:{lang}", data, caption, "chart.png", draw)

    async def timeline(self, partner_id: int, lang: str) -> Picture | None:
        found = await self.reports.partners([partner_id])
        if not found:
            return None
        partner = found[0]
        moments, signed = await self.reports.timeline(partner_id)
        mentions = [m.astimezone(DISPLAY_ZONE).date() for m in moments]
        agreements = [
            (day, label(AGREEMENT_KINDS, kind, lang))
            for text, kind in signed
            if (day := _day(text)) is not None
        ]
        name = reader_name(partner.name, partner.name_en, partner.aliases, lang)
        title = name if len(name) <= 60 else name[:59] + "…"
        subtitle = t(
            lang, "timeline_subtitle", mentions=str(len(mentions)), agreements=str(len(agreements))
        )
        caption = "\n".join(
            (
                f"<b>{esc(cut(name, 300))}</b>",  # a caption holds 1024 units in all
                esc(t(lang, "timeline_caption")),
                esc(subtitle),
                esc(t(lang, "picture_as_of", date=self._as_of(lang))),
            )
        )

        def draw() -> bytes:
            from bot.reports.pictures.render import Words, render_timeline

            words = Words(title, subtitle, t(lang, "chart_empty"), t(lang, "timeline_legend"))
            return render_timeline(mentions, agreements, words)

        data = ([d.isoformat() for d in mentions], agreements, title, subtitle)
        key = f"timeline:{partner_id}:{lang}"
        return await self._picture(key, data, caption, "timeline.png", draw)
