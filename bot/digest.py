"""Daily and weekly digests: one summary per period instead of a message per item.

The job runs at DIGEST_HOUR local time; weekly digests go out on Mondays. Each digest covers
the time since the chat's previous one, so a bot that was down does not skip a period.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.audience import Audience, matches
from bot.countries import country_name, flag
from bot.formatting import DISPLAY_ZONE, cut, esc, format_date, join_within, link
from bot.i18n import AGREEMENT_KINDS, label, t
from storage.chats import ChatRepository
from storage.db import utcnow
from storage.digests import DigestChat, DigestRepository
from storage.news import NewsRepository
from storage.partners import PartnerRepository

log = logging.getLogger(__name__)

SPANS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


def period_key(mode: str, now: datetime) -> str:
    local = now.astimezone(DISPLAY_ZONE)
    if mode == "weekly":
        year, week, _ = local.isocalendar()
        return f"weekly:{year}-W{week:02d}"
    return f"daily:{local.date().isoformat()}"


class DigestService:
    def __init__(
        self,
        *,
        digests: DigestRepository,
        chats: ChatRepository,
        news: NewsRepository,
        partners: PartnerRepository,
        audience: Audience,
        on_queued: Callable[[], None] | None = None,
    ) -> None:
        self.digests = digests
        self.chats = chats
        self.news = news
        self.partners = partners
        self.audience = audience
        self.on_queued = on_queued

    async def run(self, now: datetime | None = None) -> int:
        """Make the digests due at `now` (daily always, weekly on Mondays); returns how many."""
        now = now or utcnow()
        made = 0
        for mode, span in SPANS.items():
            if mode == "weekly" and now.astimezone(DISPLAY_ZONE).weekday() != 0:
                continue
            for chat in await self.digests.chats(mode):
                start = chat.since or now - span
                text = await self.compose(chat, start, now)
                queued = await self.digests.add(
                    chat.chat_id, period_key(mode, now), chat.language, text, chat.thread_id, now
                )
                made += queued
        if made and self.on_queued is not None:
            self.on_queued()
        log.info("digests queued: %d", made)
        return made

    async def compose(self, chat: DigestChat, start: datetime, end: datetime) -> str | None:
        """The digest's HTML, or None when nothing the chat follows happened in the period."""
        lang = chat.language
        subscriptions = await self.chats.subscriptions(chat.chat_id)
        items = []
        partnership_ids = []
        for entry in await self.digests.items_between(start, end):
            item = await self.news.get(entry.news_id)
            if item is None:
                continue
            facts = await self.audience.facts(item)
            if any(matches(s, facts) for s in subscriptions):
                items.append(entry)
                if facts.partnership:
                    partnership_ids.append(entry.news_id)
        if not items:
            return None
        if chat.mode == "weekly":
            span = f"{format_date(start, lang)} — {format_date(end, lang)}"
        else:
            span = format_date(end, lang)
        blocks = [t(lang, "digest_title", period=esc(span))]
        lines = [t(lang, "digest_items", count=str(len(items)))]
        lines += [f"• {link(i.link, cut(i.title, 200))}" for i in items[:30]]
        blocks.append("\n".join(lines))
        mentioned = [p for nid in partnership_ids for p in await self.partners.of_news(nid)]
        fresh = set(await self.digests.new_partner_ids(start, end))
        new_partners = {p.id: p for p in mentioned if p.id in fresh}
        if new_partners:
            names = [
                esc(cut(p.name_en if lang == "en" and p.name_en else p.name, 120))
                + (f" {flag(p.country)}" if p.country else "")
                for p in new_partners.values()
            ]
            blocks.append(t(lang, "digest_new_partners") + " " + "; ".join(names))
        agreements, _ = await self.partners.agreements(news_ids=partnership_ids, limit=20)
        if agreements:
            lines = [t(lang, "digest_agreements")]
            for a in agreements:
                parties = "; ".join(a.parties) or "—"
                lines.append(
                    f"• {esc(label(AGREEMENT_KINDS, a.kind, lang))} — {esc(cut(parties, 200))}"
                )
            blocks.append("\n".join(lines))
        countries = Counter(p.country for p in {p.id: p for p in mentioned}.values() if p.country)
        if countries:
            listed = ", ".join(
                f"{flag(code)} {esc(country_name(code, lang))} {n}"
                for code, n in countries.most_common(15)
            )
            blocks.append(t(lang, "digest_countries") + " " + listed)
        return join_within(blocks)
