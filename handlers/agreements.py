"""/agreements [query]: signed documents, newest first, by partner, country or word."""

from __future__ import annotations

import math
import re
from functools import partial

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InaccessibleMessage, InlineKeyboardMarkup, Message

from bot.facts.lookup import PartnerLookup
from bot.text.countries import country_name, flag, resolve_country_query
from bot.text.formatting import (
    agreement_dates,
    cut,
    cut_list,
    esc,
    join_within,
    link,
    subject_words,
    typed_text,
)
from bot.text.i18n import AGREEMENT_KINDS, label, sources_words, t
from handlers.common import edit_page, user_language
from handlers.keyboards import (
    AgreementsPage,
    AgreementsPageBeforeYears,
    fit_callback_text,
    pager,
)
from handlers.partners import NO_PREVIEW, display_name
from storage.db import utcnow
from storage.news import NewsRepository
from storage.partners import Agreement, PartnerRepository

PAGE = 5
MAX_QUERY_CHARS = 200
FIRST_YEAR = 1900
# Words around a year that only say it is one: "в 2024 году", "за 2023 г.", "in 2019".
_BEFORE_YEAR = frozenset({"в", "во", "за", "in", "of", "during"})
_AFTER_YEAR = frozenset({"г", "г.", "год", "году", "года", "year"})


def _year_spans(words: list[str], this_year: int) -> list[tuple[int, int, int]]:
    """Each bare four-digit year (FIRST_YEAR to next year) among `words`, as (year, first word,
    word after), the words around it that only say it is one included."""
    spans: list[tuple[int, int, int]] = []
    for i, word in enumerate(words):
        if len(word) == 4 and word.isascii() and word.isdigit():
            year = int(word)
            if not FIRST_YEAR <= year <= this_year + 1:
                continue
            end = i + 1
            if end < len(words) and words[end].lower() in _AFTER_YEAR:
                end += 1
            start = i - 1 if i > 0 and words[i - 1].lower() in _BEFORE_YEAR else i
            spans.append((year, start, end))
    return spans


def _without(words: list[str], spans: list[tuple[int, int, int]]) -> str:
    return " ".join(w for i, w in enumerate(words) if not any(s <= i < e for _, s, e in spans))


async def read_year(
    query: str, lookup: PartnerLookup, partners: PartnerRepository
) -> tuple[int | None, str]:
    """A bare year in the query (the first one), and the rest of it: the year filters
    agreements, the rest is read as before (a partner, a country or words). A year in the name
    of the partner the rest names ("Expo 2025") is that name's; a year alone is always one."""
    words = query.split()
    spans = _year_spans(words, utcnow().year)
    for span in spans:
        year, start, end = span
        rest = _without(words, [s for s in spans if s != span])
        if len(rest.split()) == end - start:
            return year, _without(words, [span])  # nothing but the year
        named = (await lookup.find(rest)).named
        partner = await partners.get(named) if named is not None else None
        forms = (partner.name, partner.name_en, *partner.aliases) if partner else ()
        if not any(re.search(rf"(?<!\d){year}(?!\d)", n) for n in forms if n):
            return year, _without(words, [span])
    return None, query


def nothing_found(lang: str, described: str, year: int | None) -> str:
    """The reply when no agreement fits: for what was asked (plain text), in which year."""
    query = esc(cut(described, 60))
    if described and year:
        return t(lang, "agreements_query_year_none", query=query, year=str(year))
    if described:
        return t(lang, "agreements_none", query=query)
    if year:
        return t(lang, "agreements_year_none", year=str(year))
    return t(lang, "agreements_empty")


def agreement_entry(agreement: Agreement, lang: str) -> str:
    kind = label(AGREEMENT_KINDS, agreement.kind, lang)
    parties = cut_list(agreement.parties_for(lang), 400)
    lines = [f"📄 <b>{esc(kind)}</b>" + (f" — {esc(parties)}" if parties else "")]
    subject = subject_words(agreement.title, lang, 400)
    if subject:
        lines.append(esc(subject))
    when = agreement_dates(agreement.signed_on, agreement.news_date, lang)
    # A document several articles reported: the link is the first report's ("first of 2").
    said = (
        t(lang, "source")
        if agreement.sources < 2
        else sources_words(agreement.sources, lang, first=True)
    )
    source = link(agreement.news_link, said)
    lines.append(f"{esc(when)} · {source}" if when else source)
    return "\n".join(lines)


async def agreements_page(
    partners: PartnerRepository,
    news: NewsRepository,
    lang: str,
    state: AgreementsPage,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of agreements for the filter carried in `state`."""
    partner_ids: list[int] | None = None
    news_ids: list[int] | None = None
    if state.partner:
        partner_ids = [state.partner]
    elif state.q:
        hits = await news.search(state.q, limit=100)
        news_ids = [hit.item.id for hit in hits]
    country = state.country or None
    page = max(state.page, 0)
    year = state.year or None
    chosen = partial(
        partners.agreements, partner_ids=partner_ids, country=country, news_ids=news_ids, year=year
    )
    rows, total = await chosen(limit=PAGE, offset=page * PAGE)
    last = max(0, math.ceil(total / PAGE) - 1)
    if page > last:  # an old button after agreements were rebuilt, or a forged page number
        page = last
        rows, total = await chosen(limit=PAGE, offset=page * PAGE)
    described = state.q
    if state.country:
        described = f"{flag(state.country)} {country_name(state.country, lang)}"
    if state.partner:
        partner = await partners.get(state.partner)
        described = display_name(partner, lang) if partner else described
    if total == 0:
        return nothing_found(lang, described, year), None
    pages = max(1, math.ceil(total / PAGE))
    counted = {"total": str(total), "year": str(year)}
    if described:
        key = "agreements_query_year_title" if year else "agreements_query_title"
        title = t(lang, key, query=esc(cut(described, 80)), **counted)
    else:
        title = t(lang, "agreements_year_title" if year else "agreements_title", **counted)
    text = join_within([title, *(agreement_entry(a, lang) for a in rows)])
    nav = pager(
        lambda n: AgreementsPage(
            page=n, partner=state.partner, country=state.country, q=state.q, year=state.year
        ),
        page,
        pages,
    )
    return text, InlineKeyboardMarkup(inline_keyboard=[nav]) if nav else None


async def agreements_command(
    message: Message,
    command: CommandObject,
    partners: PartnerRepository,
    news: NewsRepository,
    lookup: PartnerLookup,
) -> None:
    lang = user_language(message.from_user)
    year, query = await read_year(typed_text(command.args)[:MAX_QUERY_CHARS], lookup, partners)
    state = AgreementsPage(page=0, year=year or 0)
    if query:
        country = resolve_country_query(query)
        found = await lookup.find(query)
        if country:
            state = AgreementsPage(page=0, country=country, year=state.year)
        elif found.named is not None:  # several or only alike: their words find them
            state = AgreementsPage(page=0, partner=found.named, year=state.year)
        else:
            state = AgreementsPage(page=0, q=fit_callback_text(query), year=state.year)
    text, markup = await agreements_page(partners, news, lang, state)
    await message.answer(text, reply_markup=markup, link_preview_options=NO_PREVIEW)


async def agreements_page_button(
    query: CallbackQuery,
    callback_data: AgreementsPage | AgreementsPageBeforeYears,
    partners: PartnerRepository,
    news: NewsRepository,
) -> None:
    if isinstance(callback_data, AgreementsPageBeforeYears):
        callback_data = callback_data.current()
    message = query.message
    lang = user_language(query.from_user)
    if message is None or isinstance(message, InaccessibleMessage):
        await query.answer(t(lang, "stale_button"))
        return
    text, markup = await agreements_page(partners, news, lang, callback_data)
    fresh = await edit_page(message, text, markup)
    await query.answer(None if fresh else t(lang, "stale_button"))


def build_router() -> Router:
    router = Router(name="agreements")
    router.message.register(agreements_command, Command("agreements", ignore_case=True))
    router.callback_query.register(agreements_page_button, AgreementsPage.filter())
    router.callback_query.register(agreements_page_button, AgreementsPageBeforeYears.filter())
    return router
