"""Inline mode: `@bot цинхуа` in any chat offers partner cards and news; empty → latest
partnership news."""

from __future__ import annotations

from collections.abc import Mapping

from aiogram import Router
from aiogram.enums import ParseMode
from aiogram.types import (
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultUnion,
    InputTextMessageContent,
    LinkPreviewOptions,
)

from bot.facts.lookup import PartnerLookup
from bot.facts.matching import is_own
from bot.text.countries import country_name, flag, resolve_country_query
from bot.text.formatting import (
    cut,
    date_words,
    esc,
    format_date,
    join_within,
    link,
    subject_words,
    typed_text,
)
from bot.text.i18n import AGREEMENT_KINDS, EN, PARTNER_KINDS, RU, label, t, written_in
from bot.text.names import is_rendered, known_name, reader_name
from bot.text.summary import first_sentences
from handlers.common import meant_layout, user_language
from storage.news import NewsRepository
from storage.reports import NewsRow, PartnerSummary, ReportRepository

MAX_RESULTS = 50  # Telegram's limit per answer
MAX_PARTNERS = 10
MAX_QUERY_CHARS = 200
CACHE_SECONDS = 60  # the registry changes with each poll; a minute keeps typing cheap
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def _where(partner: PartnerSummary, lang: str) -> str:
    if partner.country:
        return f"{flag(partner.country)} {country_name(partner.country, lang)}"
    return t(lang, "country_unknown")


def _latest_agreement(partner: PartnerSummary, lang: str) -> str:
    if not partner.latest_agreement:
        return ""
    kind, when, title = (partner.latest_agreement.split("|", 2) + ["", ""])[:3]
    # The subject as the card shows it: none in Russian for an English reader.
    text = " ".join(
        x for x in (label(AGREEMENT_KINDS, kind, lang), subject_words(title, lang, 150)) if x
    )
    return t(lang, "inline_latest_agreement", what=esc(text), date=esc(date_words(when, lang)))


def partner_result(
    partner: PartnerSummary, lang: str, not_named: str | None = None
) -> InlineQueryResultArticle:
    """A card: both names, country and kind, counts, the latest agreement and article;
    `not_named`, the query, when the card is offered as another organisation than the one
    asked for (a company's relative, as /partners offers it), said first in its grey line."""
    title = reader_name(partner.name, partner.name_en, partner.aliases, lang)
    # The other script's name: Russian under an English title, English under a Russian one.
    other_lang = EN if lang == RU else RU
    other = known_name(partner.name, partner.name_en, partner.aliases, other_lang)  # not rendered
    if other == title:
        other = next((n for n in (partner.name, partner.name_en) if n and n != title), "")
    kind = label(PARTNER_KINDS, partner.kind, lang)
    counts = t(lang, "inline_counts", mentions=str(partner.mentions),
               agreements=str(partner.agreements))  # fmt: skip
    lines = [f"🤝 <b>{esc(cut(title, 300))}</b>"]
    if other:
        # The Russian original under an English name the bot rendered, said to be so (the
        # result's grey description line keeps the bare name).
        rendered = is_rendered(partner.name, partner.name_en, partner.aliases, lang)
        original = cut(other, 300)
        lines.append(esc(t(lang, "rendered_from", name=original) if rendered else original))
    lines.append(f"{esc(_where(partner, lang))} · {esc(kind)}")
    lines.append(esc(counts))
    latest = _latest_agreement(partner, lang)
    if latest:
        lines.append(latest)
    if partner.latest_title:
        when = format_date(partner.last_seen, lang)
        article = link(partner.latest_link, cut(partner.latest_title, 300))
        said = " · ".join(x for x in (when, written_in(partner.latest_title, lang)) if x)
        lines.append(f"📰 {article}" + (f" — {esc(said)}" if said else ""))
    said = t(lang, "inline_not_named", query=cut(not_named, 60)) if not_named else ""
    description = " · ".join(
        x for x in (said, other or "", _where(partner, lang), kind, counts) if x
    )
    return InlineQueryResultArticle(
        id=f"p{partner.id}",
        title=cut(title, 200),
        description=cut(description, 300),
        input_message_content=InputTextMessageContent(
            message_text=join_within(lines, sep="\n"),
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
        ),
    )


def news_result(
    item: NewsRow, lang: str, names: Mapping[int, str] | None = None
) -> InlineQueryResultArticle:
    """An article: title, date, a snippet and the link; its partners by `names` (id -> the
    reader's name), else as the registry names them."""
    when = format_date(item.published, lang)
    snippet = first_sentences(item.teaser, max_chars=300, max_sentences=2)
    lines = [f"<b>{link(item.url, cut(item.title, 600))}</b>"]
    if when:
        lines.append(f"<i>{esc(when)}</i>")
    if snippet:
        lines.append(esc(snippet))
    if item.partners:
        shown = list(item.partners)
        if names and len(item.partner_ids) == len(shown):
            shown = [
                names.get(pid, name) for pid, name in zip(item.partner_ids, shown, strict=True)
            ]
        partners = cut("; ".join(shown), 400)
        lines.append(f"{esc(t(lang, 'partners_line'))}: {esc(partners)}")
    return InlineQueryResultArticle(
        id=f"n{item.id}",
        title=cut(item.title.strip() or "—", 200),
        description=cut(" · ".join(x for x in (when, snippet) if x), 300),
        url=item.url if item.url and item.url.startswith(("http://", "https://")) else None,
        input_message_content=InputTextMessageContent(
            message_text=join_within(lines, sep="\n"), parse_mode=ParseMode.HTML
        ),
    )


async def inline_results(
    query: str,
    lang: str,
    lookup: PartnerLookup,
    news: NewsRepository,
    reports: ReportRepository,
) -> list[InlineQueryResultArticle]:
    """Partners first (best match first), then matching news; at most MAX_RESULTS."""
    text = typed_text(query)[:MAX_QUERY_CHARS]
    if not text or (is_own(text) and text[0] not in "\"'«“„"):
        # «Политех», "SPbPU": the university's own news, as for no query (other polytechnics'
        # cards came first, as if one of them were the university).
        latest = await reports.news(partnership_only=True, limit=20)
        names = await _reader_names(latest, lang, reports)
        return [news_result(item, lang, names) for item in latest]
    text = await meant_layout(text, lookup, news)  # «Hjcfnjv»: Росатом on the other layout
    found = await lookup.find(text)
    ids = [pid for pid, _ in found.ranked[:MAX_PARTNERS]]
    if country := resolve_country_query(text):  # «Китай»: its partners, most mentioned first
        ours = [p.id for p in await lookup.partners.by_country(country, MAX_PARTNERS)]
        ids = list(dict.fromkeys([*ours, *ids]))[:MAX_PARTNERS]
    cards = await reports.partners(ids)
    # «Торвальд» with only «Торвальд Нефть»'s card: offered as another organisation, as
    # /partners offers it (the grey line says so), not shown as the one typed.
    relative = found.ranked[0][0] if found and (await lookup.opening(text, found)).relative else 0
    results = [partner_result(c, lang, text if c.id == relative else None) for c in cards]
    hits = await news.search(text, limit=MAX_RESULTS - len(results))
    items = await reports.news([h.item.id for h in hits])
    names = await _reader_names(items, lang, reports)
    results += [news_result(item, lang, names) for item in items]
    return results[:MAX_RESULTS]


async def _reader_names(
    items: list[NewsRow], lang: str, reports: ReportRepository
) -> dict[int, str]:
    """The articles' partners named as their cards name them for this reader (an English
    reader gets "Leibniz University of Hannover", not its Russian registry name)."""
    ids = sorted({pid for item in items for pid in item.partner_ids})
    if not ids:
        return {}
    return {
        card.id: reader_name(card.name, card.name_en, card.aliases, lang)
        for card in await reports.partners(ids)
    }


async def inline_query(
    inline: InlineQuery,
    lookup: PartnerLookup,
    news: NewsRepository,
    reports: ReportRepository,
) -> None:
    lang = user_language(inline.from_user)
    results: list[InlineQueryResultUnion] = list(
        await inline_results(inline.query, lang, lookup, news, reports)
    )
    # Not personal: everyone typing the same query in the same language sees the same.
    await inline.answer(results, cache_time=CACHE_SECONDS, is_personal=False)


def build_router() -> Router:
    router = Router(name="inline")
    router.inline_query.register(inline_query)
    return router
