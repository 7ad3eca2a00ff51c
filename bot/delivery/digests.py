"""Daily and weekly digests: one summary per period instead of a message per item.

The job runs at DIGEST_HOUR local time; weekly digests go out on Mondays. Each digest covers
the time since the chat's previous one, so a bot that was down does not skip a period, and a
digest that fell due while it was down goes out when it starts (`catch_up`).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.delivery.audience import Audience, matches
from bot.text.countries import country_name, flag
from bot.text.formatting import (
    DISPLAY_ZONE,
    TELEGRAM_LIMIT,
    cut,
    cut_list,
    esc,
    format_date,
    join_within,
    link,
    signed_words,
    subject_words,
    utf16_len,
)
from bot.text.i18n import AGREEMENT_KINDS, label, t, written_in
from storage.chats import ChatRepository
from storage.db import utcnow
from storage.digests import DigestChat, DigestRepository
from storage.news import NewsRepository
from storage.partners import PartnerRepository

log = logging.getLogger(__name__)

SPANS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
# An item still waiting for its page or its facts holds the period's end back at most this long.
READY_WAIT = timedelta(hours=2)
# Share of the message each list may take, so one long list never pushes the others out.
BLOCK_BUDGET = {"items": 2200, "partners": 600, "agreements": 800, "countries": 400}


def lines_within(head: str, lines: list[str], budget: int) -> str:
    """`head` and the whole `lines` that fit in `budget` UTF-16 units, then "… +N" for the rest."""
    out = [head]
    used = utf16_len(head)
    for index, line in enumerate(lines):
        rest = len(lines) - index - 1
        tail = utf16_len(f"\n… +{rest}") if rest else 0
        if used + 1 + utf16_len(line) + tail > budget:
            out.append(f"… +{len(lines) - index}")
            break
        out.append(line)
        used += 1 + utf16_len(line)
    return "\n".join(out)


def _document(kind: str, subject: str | None, lang: str) -> str:
    """'Соглашение о сотрудничестве': the kind, then the subject when the reader can read it."""
    return " ".join(
        x for x in (label(AGREEMENT_KINDS, kind, lang), subject_words(subject, lang, 200)) if x
    )


def _item_line(url: str | None, title: str, lang: str) -> str:
    """«• <title>», and «· in Russian» after a title in the reader's other language, as /latest
    and announcements say it."""
    other = written_in(title, lang)
    return f"• {link(url, cut(title, 200))}" + (f" · {esc(other)}" if other else "")


def period_key(mode: str, now: datetime) -> str:
    local = now.astimezone(DISPLAY_ZONE)
    if mode == "weekly":
        year, week, _ = local.isocalendar()
        return f"weekly:{year}-W{week:02d}"
    return f"daily:{local.date().isoformat()}"


def last_due(mode: str, now: datetime, hour: int) -> datetime:
    """When the latest `mode` digest fell due at or before `now`: `hour` o'clock local time,
    on a Monday for weekly ones."""
    local = now.astimezone(DISPLAY_ZONE)
    slot = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if slot > local:
        slot -= timedelta(days=1)
    if mode == "weekly":
        slot -= timedelta(days=slot.weekday())
    return slot.astimezone(UTC)


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
        for mode in SPANS:
            if mode == "weekly" and now.astimezone(DISPLAY_ZONE).weekday() != 0:
                continue
            for chat in await self.digests.chats(mode):
                made += await self._make(chat, mode, now)
        if made and self.on_queued is not None:
            self.on_queued()
        log.info("digests queued: %d", made)
        return made

    async def catch_up(self, hour: int, now: datetime | None = None) -> int:
        """At start-up: make the digests that fell due while the bot was down (the scheduler
        remembers nothing across restarts), each as of the time it fell due; returns how many."""
        now = now or utcnow()
        made = 0
        for mode in SPANS:
            due = last_due(mode, now, hour)
            for chat in await self.digests.missed(mode, period_key(mode, due), due):
                made += await self._make(chat, mode, due)
        if made and self.on_queued is not None:
            self.on_queued()
        if made:
            log.info("digests missed while the bot was down, queued now: %d", made)
        return made

    async def _make(self, chat: DigestChat, mode: str, now: datetime) -> bool:
        """Compose and queue the chat's `mode` digest for the period ending at `now`."""
        start = chat.since or now - SPANS[mode]
        end = await self.ready_until(start, now)
        text = await self.compose(chat, start, end)
        return await self.digests.add(
            chat.chat_id, period_key(mode, now), chat.language, text, chat.thread_id, end
        )

    async def flush(self, chat_id: int, now: datetime | None = None) -> bool:
        """Send what a digest chat has collected so far (before it switches to per-item
        messages), so that nothing seen since its last digest is lost; True if queued."""
        chat = await self.digests.chat(chat_id)
        if chat is None:
            return False
        now = now or utcnow()
        start = chat.since or now - SPANS[chat.mode]
        # Not up to ready_until: items already fanned out past one still on its way skipped
        # this chat and would be lost; those not fanned out yet will come one by one.
        text = await self.compose(chat, start, now, fanned_out_only=True)
        period = f"final:{now.isoformat(timespec='seconds')}"
        queued = await self.digests.add(chat_id, period, chat.language, text, chat.thread_id, now)
        if queued and self.on_queued is not None:
            self.on_queued()
        return queued

    async def ready_until(self, start: datetime, now: datetime) -> datetime:
        """End of the period: before the first item whose page or facts are still on the way.

        Such an item would be judged on its teaser alone (no partners, no country) and, once the
        period moved past it, never reach a digest; it goes into the next one instead.
        """
        first = await self.digests.first_unready(max(start, now - READY_WAIT), now)
        return now if first is None else first

    async def compose(
        self, chat: DigestChat, start: datetime, end: datetime, *, fanned_out_only: bool = False
    ) -> str | None:
        """The digest's HTML, or None when nothing the chat follows happened in the period."""
        lang = chat.language
        subscriptions = await self.chats.subscriptions(chat.chat_id)
        items = []
        partnership_ids = []
        period = await self.digests.items_between(
            start, end, fanned_out_only=fanned_out_only, chat_id=chat.chat_id
        )
        for entry in period:
            item = await self.news.get(entry.news_id)
            if item is None:
                continue
            facts = await self.audience.facts(item, subscriptions)
            if any(matches(s, facts) for s in subscriptions):
                items.append(entry)
                if facts.partnership:
                    partnership_ids.append(entry.news_id)
        if not items:
            return None
        first, last = format_date(start, lang), format_date(end, lang)
        span = f"{first} — {last}" if chat.mode == "weekly" and first != last else last
        blocks = [t(lang, "digest_title", period=esc(span))]
        blocks.append(
            lines_within(
                t(lang, "digest_items", count=str(len(items))),
                [_item_line(i.link, i.title, lang) for i in items],
                BLOCK_BUDGET["items"],
            )
        )
        named = {nid: await self.partners.of_news(nid) for nid in partnership_ids}
        mentioned = [p for partners in named.values() for p in partners]
        fresh = set(await self.digests.new_partner_ids(start, end))
        new_partners = {p.id: p for p in mentioned if p.id in fresh}
        if new_partners:
            names = [
                "• "
                + esc(cut(p.name_for(lang), 120))
                + (f" {flag(p.country)}" if p.country else "")
                for p in new_partners.values()
            ]
            blocks.append(
                lines_within(t(lang, "digest_new_partners"), names, BLOCK_BUDGET["partners"])
            )
        agreements, _ = await self.partners.agreements(news_ids=partnership_ids, limit=20)
        # A document an article before this digest reported first is no document of its period.
        agreements = [a for a in agreements if a.news_id in partnership_ids]
        if agreements:
            # Kind and subject, as /partners cards say them: two documents signed with one
            # partner on one day read as one line twice without the subject.
            lines = [
                f"• {esc(_document(a.kind, a.title, lang))}"
                + f" — {esc(cut_list(a.parties_for(lang), 200) or t(lang, 'party_unstated'))}"
                + (f" ({esc(signed_words(a.signed_on, lang))})" if a.signed_on else "")
                for a in agreements
            ]
            blocks.append(
                lines_within(t(lang, "digest_agreements"), lines, BLOCK_BUDGET["agreements"])
            )
        # Items, not partners: a reader counts the items listed above, one naming two Chinese
        # universities once for China.
        countries = Counter(
            code for found in named.values() for code in {p.country for p in found if p.country}
        )
        if countries:
            listed = ", ".join(
                f"{flag(code)} {esc(country_name(code, lang))} {n}"
                for code, n in countries.most_common(15)
            )
            blocks.append(t(lang, "digest_countries") + " " + listed)
        return join_within(blocks, TELEGRAM_LIMIT)
