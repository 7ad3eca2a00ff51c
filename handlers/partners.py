"""/partners (list, card, by country) and /countries."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    CallbackQuery,
    InaccessibleMessage,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
)

from bot.facts.lookup import ALIKE, GENERIC_ONLY, SAME, Found, PartnerLookup, well_known
from bot.facts.matching import is_own
from bot.text.countries import (
    country_alike,
    country_among_words,
    country_name,
    flag,
    resolve_country_query,
)
from bot.text.formatting import (
    agreement_dates,
    cut,
    esc,
    format_date,
    join_within,
    link,
    subject_words,
    typed_text,
)
from bot.text.i18n import (
    AGREEMENT_KINDS,
    EN,
    PARTNER_KINDS,
    PARTNER_KINDS_PLURAL,
    RU,
    choice_prompt,
    label,
    sources_words,
    t,
    written_in,
)
from bot.text.kinds import kind_query
from bot.text.names import is_rendered, known_name
from handlers.common import edit_page, meant_layout, rebuilding, user_language
from handlers.keyboards import PartnerCard, PartnersPage, PartnersPageBeforeKinds, pager
from handlers.share import followed_partners, partner_card_markup
from storage.chats import ChatRepository
from storage.partners import Partner, PartnerRepository

PAGE = 10
MAX_QUERY_CHARS = 200
COUNTRY_BUTTONS = 40  # /countries buttons, two a row (Telegram takes up to 100)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def display_name(partner: Partner, lang: str) -> str:
    """The partner's name in the reader's script where the card has one (see Partner.name_for)."""
    return partner.name_for(lang)


def card_buttons(cards: Iterable[Partner], lang: str) -> list[list[InlineKeyboardButton]]:
    """One button a row opening each card, named as the reader reads it."""
    return [
        [InlineKeyboardButton(text=cut(display_name(p, lang), 60),
                              callback_data=PartnerCard(id=p.id).pack())]
        for p in cards
    ]  # fmt: skip


def partner_line(partner: Partner, lang: str, with_flag: bool = True) -> str:
    """One list entry; the flag is left out in a list of one country's partners."""
    name = display_name(partner, lang)
    where = f" {flag(partner.country)}" if partner.country and with_flag else ""
    return f"• {esc(cut(name, 200))}{where} — {partner.mentions}"


def kind_words(kind: str, lang: str, column: int) -> str:
    """A kind of partner in the plural: as a heading (`column` 0) or as what is absent (1)."""
    ru_heading, ru_absent, en = PARTNER_KINDS_PLURAL.get(kind, PARTNER_KINDS_PLURAL["other"])
    if lang == RU:
        return ru_absent if column else ru_heading
    return en if column else en[:1].upper() + en[1:]


async def partners_page(
    partners: PartnerRepository, lang: str, page: int, country: str = "", kind: str = ""
) -> tuple[str, InlineKeyboardMarkup | None]:
    total = await partners.count(country or None, kind or None)
    where = f"{flag(country)} {country_name(country, lang)}" if country else ""
    if total == 0 and kind:
        # Said in the reader's language, the plain list (and the country's, if any) offered.
        said = t(lang, "partners_kind_where", country=esc(where)) if country else ""
        text = t(lang, "partners_kind_none", kind=kind_words(kind, lang, 1), where=said)
        in_country = await partners.count(country) if country else 0
        if not in_country:
            return text, None
        button = InlineKeyboardButton(
            text=t(lang, "partners_country_button", country=where, total=str(in_country)),
            callback_data=PartnersPage(page=0, country=country).pack(),
        )
        return text, InlineKeyboardMarkup(inline_keyboard=[[button]])
    if total == 0:
        return t(
            lang, "partners_rebuilding" if await rebuilding(partners) else "partners_empty"
        ), None
    pages = max(1, math.ceil(total / PAGE))
    page = min(max(page, 0), pages - 1)
    if kind:
        rows = await partners.by_kind(kind, country or None, PAGE, page * PAGE)
        heading = kind_words(kind, lang, 0)
        title = (
            t(lang, "partners_kind_country_title", kind=heading, country=esc(where),
              total=str(total))
            if country
            else t(lang, "partners_kind_title", kind=heading, total=str(total))
        )  # fmt: skip
    elif country:
        rows = await partners.by_country(country, PAGE, page * PAGE)
        title = t(lang, "partners_country_title", country=esc(where), total=str(total))
    else:
        rows = await partners.top(PAGE, page * PAGE)
        title = t(lang, "partners_title", total=str(total))
    lines = "\n".join(partner_line(p, lang, with_flag=not country) for p in rows)
    text = join_within([title, lines])
    buttons = card_buttons(rows, lang)
    # The page buttons carry the kind (its first letter) and the country: page 2 of the
    # companies is still companies.
    nav = pager(lambda n: PartnersPage(page=n, country=country, kind=kind[:1]), page, pages)
    if nav:
        buttons.append(nav)
    return text, InlineKeyboardMarkup(inline_keyboard=buttons)


async def partner_card(partners: PartnerRepository, partner_id: int, lang: str) -> str | None:
    partner = await partners.get(partner_id)
    if partner is None:
        return None
    name = display_name(partner, lang)
    head = [f"<b>{esc(cut(name, 300))}</b>"]
    # The other script's name as the card has it: a Russian reader is not shown the English
    # the bot renders for English readers as if it were the organisation's.
    other = known_name(partner.name, partner.name_en, partner.aliases, EN if lang == RU else RU)
    if other == name:  # no name in the other script: the registry's other name, if any
        other = partner.name if name != partner.name else partner.name_en or ""
    if other and other != name:
        # An English name the bot made from the Russian one is said to be one, the original
        # under it: a reader may need the real name to look the organisation up.
        rendered = is_rendered(partner.name, partner.name_en, partner.aliases, lang)
        original = cut(other, 300)
        head.append(esc(t(lang, "rendered_from", name=original) if rendered else original))
    where = (
        f"{flag(partner.country)} {country_name(partner.country, lang)}"
        if partner.country
        else t(lang, "country_unknown")
    )
    head.append(f"{esc(where)} · {esc(label(PARTNER_KINDS, partner.kind, lang))}")
    shown = {n.casefold() for n in (name, other) if n}
    others = []
    # Every other name form once, the registry's names first (a reader may know it by them).
    for alias in (partner.name, partner.name_en or "", *partner.aliases):
        if alias and alias.casefold() not in shown:
            shown.add(alias.casefold())
            others.append(alias)
    if others:
        head.append(esc(t(lang, "also_known", names=cut(", ".join(others), 400))))
    head.append(
        esc(
            t(
                lang,
                "mentions",
                count=str(partner.mentions),
                date=format_date(partner.last_seen, lang) or "—",
            )
        )
    )
    blocks = ["\n".join(head)]
    agreements, _ = await partners.agreements(partner_ids=[partner.id], limit=5)
    if agreements:
        lines = [t(lang, "card_agreements")]
        for a in agreements:
            kind = label(AGREEMENT_KINDS, a.kind, lang)
            what = " ".join(x for x in (kind, subject_words(a.title, lang, 200)) if x)
            when = agreement_dates(a.signed_on, a.news_date, lang)
            if a.sources > 1:  # reported by several articles: dated by the first
                when = " · ".join(x for x in (when, sources_words(a.sources, lang)) if x)
            lines.append(f"• {esc(what)}" + (f" — {esc(when)}" if when else ""))
        blocks.append("\n".join(lines))
    news = await partners.news_of(partner.id, 5)
    if news:
        lines = [t(lang, "card_news")]
        # An article in the other language says so, as /latest does («· in Russian»).
        lines += [
            f"• {link(url, cut(title, 200))} — "
            + esc(" · ".join(x for x in (format_date(when, lang), written_in(title, lang)) if x))
            for _, title, url, when in news
        ]
        blocks.append("\n".join(lines))
    return join_within(blocks)


# «наши партнёры в Китае», "our partners": the university's own words, though no name of it.
_OURS = re.compile(r"(?:наш|our)\w*\b", re.IGNORECASE)


async def partners_command(
    message: Message,
    command: CommandObject,
    partners: PartnerRepository,
    lookup: PartnerLookup,
    chats: ChatRepository,
) -> None:
    lang = user_language(message.from_user)
    query = typed_text(command.args)[:MAX_QUERY_CHARS]
    if query:  # «Hjcfnjv»: Росатом typed on the other keyboard layout
        query = await meant_layout(query, lookup)
    if not query:
        text, markup = await partners_page(partners, lang, 0)
        await message.answer(text, reply_markup=markup, link_preview_options=NO_PREVIEW)
        return
    asked = kind_query(query)
    if asked is not None:  # «компании Китая», "research institutes": that kind's list
        found = await lookup.find(query)
        # Unless a card is named so exactly (a body called by its kind and country alone).
        if not (found.named is not None and found.ranked[0][1] >= SAME):
            text, markup = await partners_page(partners, lang, 0, asked.country or "", asked.kind)
            await message.answer(text, reply_markup=markup, link_preview_options=NO_PREVIEW)
            return
    country = resolve_country_query(query)
    if country and await partners.count(country):
        text, markup = await partners_page(partners, lang, 0, country)
        await message.answer(text, reply_markup=markup, link_preview_options=NO_PREVIEW)
        return
    if is_own(query) and not _OURS.match(query):
        # «Политех», "SPbPU": the university itself, whose partners these are; «Точно
        # «Политех» никто не называется» over other polytechnics' buttons told no one that.
        await message.answer(t(lang, "partners_own", query=esc(cut(query, 60))))
        return
    found = await lookup.find(query)
    if country:  # a country named, none of its partners in the news yet
        where = f"{flag(country)} {country_name(country, lang)}"
        text = t(lang, "partners_country_none", country=esc(where))
        if not found:
            await message.answer(text)
            return
        # Cards naming the country («Торгпредство России во Франции») are none of its
        # partners: offered below the answer, never opened as if they were what was asked.
        # Only names that have the word: one merely alike («Синопек» for «Сингапур») does not.
        found = Found(tuple((pid, s) for pid, s in found.ranked if s >= GENERIC_ONLY))
        if not found:
            await message.answer(text)
            return
        choices = await lookup.choices(found)
        rows = card_buttons(choices.shown, lang)
        text = f"{text}\n\n{t(lang, 'partners_country_in_names', query=esc(cut(query, 60)))}"
        await message.answer(text, reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))
        return
    # A country mistyped («Германя»): its partners, not a card that merely shares its stem
    # ("German Research Foundation"), unless a card is named exactly so.
    alike = None if country else country_alike(query)
    if alike is None and found.named is None and len(query.split()) > 1:
        # A country among other words («университеты Китая»): its partners are offered first.
        alike = country_among_words(query)
    in_alike = await partners.count(alike) if alike else 0
    exact = bool(found) and found.ranked[0][1] >= SAME
    # A company's card with a word of its own more, or without one of the query's («Газпром»
    # for «Газпром нефть», "Quillon Energy" for Quillon) may be its parent or subsidiary:
    # another organisation, offered, never opened as the one asked for.
    opened = await lookup.opening(query, found)
    chosen, kin = opened.card, opened.relative
    if chosen is not None and (exact or not in_alike):
        card = await partner_card(partners, chosen, lang)
        if card is None:  # a dormant card: a re-extraction is making it again
            gone = await rebuilding(partners)
            key = "partners_rebuilding" if gone else "partners_none"
            await message.answer(t(lang, key, query=esc(cut(query, 60))))
            return
        thread = message.message_thread_id if message.is_topic_message else None
        followed = await followed_partners(chats, message.chat.id, thread)
        markup = await partner_card_markup(partners, chosen, lang, followed)
        await message.answer(card, link_preview_options=NO_PREVIEW, reply_markup=markup)
        return
    # A well-known organisation with no card yet («СПбГУ»): said so, by its full name, rather
    # than "nobody is called exactly that" over another organisation's button.
    if (not found or found.ranked[0][1] <= ALIKE) and await rebuilding(partners):
        await message.answer(t(lang, "partners_rebuilding"))  # the card may be back soon
        return
    known = well_known(query)
    if known is not None and all(score <= ALIKE for _, score in found.ranked):
        full = known.name_en if lang != RU and known.name_en else known.name
        said = "" if full.casefold() == query.casefold() else f" ({esc(cut(full, 120))})"
        text = t(lang, "partners_known_none", query=esc(cut(query, 60)), name=said)
        # Cards with the query's words that are other organisations ("Shanghai" is Shanghai
        # University, with no card; Shanghai Jiao Tong University has one): offered below.
        sharing = [pid for pid, _ in found.ranked if pid in found.sharing]
        if not sharing:
            await answer_with_kin(message, text, query, found, lookup, lang)
            return
        shown = (await lookup.choices(Found(tuple((pid, SAME) for pid in sharing)))).shown
        rows = card_buttons(shown, lang)
        text = f"{text}\n\n{t(lang, 'partners_country_in_names', query=esc(cut(query, 60)))}"
        await message.answer(text, reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))
        return
    # A country mistyped ("Chna"): its partners are offered too, first unless some partner's
    # name is the query exactly.
    if not found and not in_alike:
        text = t(lang, "partners_none", query=esc(cut(query, 60)))
        await answer_with_kin(message, text, query, found, lookup, lang)
        return
    choices = await lookup.choices(found)
    buttons = card_buttons(choices.shown, lang)
    unsure = choices.alike or kin or bool(in_alike and not exact)  # a country mistyped, maybe
    if alike and in_alike:
        where = f"{flag(alike)} {country_name(alike, lang)}"
        button = InlineKeyboardButton(
            text=t(lang, "partners_country_button", country=where, total=str(in_alike)),
            callback_data=PartnersPage(page=0, country=alike).pack(),
        )
        buttons.insert(0 if unsure else len(buttons), [button])
    prompt = choice_prompt(lang, esc(cut(query, 60)), len(choices.shown), choices.total, unsure)
    await message.answer(prompt, reply_markup=InlineKeyboardMarkup(inline_keyboard=buttons))


async def answer_with_kin(
    message: Message, text: str, query: str, found: Found, lookup: PartnerLookup, lang: str
) -> None:
    """`text` (the query names no card), and below it the cards whose whole name is in the
    query with a word more («Газпром» for «Газпром нефть»): other organisations, said so."""
    kin = await lookup.within(query, found)
    if not kin:
        await message.answer(text)
        return
    rows = card_buttons(kin, lang)
    text = f"{text}\n\n{t(lang, 'partners_kin', query=esc(cut(query, 60)))}"
    await message.answer(text, reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


async def partners_page_button(
    query: CallbackQuery,
    callback_data: PartnersPage | PartnersPageBeforeKinds,
    partners: PartnerRepository,
) -> None:
    message = query.message
    lang = user_language(query.from_user)
    if message is None or isinstance(message, InaccessibleMessage):
        await query.answer(t(lang, "stale_button"))
        return
    data = (
        callback_data.current()
        if isinstance(callback_data, PartnersPageBeforeKinds)
        else callback_data
    )
    kind = next((k for k in PARTNER_KINDS if k[:1] == data.kind), "") if data.kind else ""
    text, markup = await partners_page(partners, lang, data.page, data.country, kind)
    fresh = await edit_page(message, text, markup)
    await query.answer(None if fresh else t(lang, "stale_button"))


async def partner_card_button(
    query: CallbackQuery,
    callback_data: PartnerCard,
    bot: Bot,
    partners: PartnerRepository,
    chats: ChatRepository,
) -> None:
    message = query.message
    lang = user_language(query.from_user)
    card = await partner_card(partners, callback_data.id, lang)
    if card is None:  # forgotten since the list was shown (re-extraction, curation)
        gone = "partners_rebuilding" if await rebuilding(partners) else "partner_gone"
        await query.answer(t(lang, gone), show_alert=True)
        return
    await query.answer()
    if message is not None:
        thread = (
            message.message_thread_id
            if isinstance(message, Message) and message.is_topic_message
            else None
        )
        followed = await followed_partners(chats, message.chat.id, thread)
        await bot.send_message(
            message.chat.id,
            card,
            message_thread_id=thread,
            link_preview_options=NO_PREVIEW,
            reply_markup=await partner_card_markup(partners, callback_data.id, lang, followed),
        )


async def countries_command(message: Message, partners: PartnerRepository) -> None:
    lang = user_language(message.from_user)
    counts = await partners.countries()
    if not counts:
        await message.answer(
            t(lang, "partners_rebuilding" if await rebuilding(partners) else "partners_empty")
        )
        return
    lines = [t(lang, "countries_title")]
    buttons: list[InlineKeyboardButton] = []
    # Partners of no stated country close the list, after every country.
    for code, count in sorted(counts, key=lambda pair: pair[0] is None):
        name = f"{flag(code)} {country_name(code, lang)}" if code else t(lang, "country_unknown")
        lines.append(f"{esc(name)} — {count}")
        if code and len(buttons) < COUNTRY_BUTTONS:  # a tap away: the country's partners
            data = PartnersPage(page=0, country=code).pack()
            buttons.append(
                InlineKeyboardButton(text=cut(f"{name} ({count})", 40), callback_data=data)
            )
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    markup = InlineKeyboardMarkup(inline_keyboard=rows) if rows else None
    await message.answer(join_within(lines, sep="\n"), reply_markup=markup)


async def noop_button(query: CallbackQuery) -> None:
    await query.answer()


def build_router() -> Router:
    router = Router(name="partners")
    router.message.register(partners_command, Command("partners", ignore_case=True))
    router.message.register(countries_command, Command("countries", ignore_case=True))
    router.callback_query.register(partners_page_button, PartnersPage.filter())
    router.callback_query.register(partners_page_button, PartnersPageBeforeKinds.filter())
    router.callback_query.register(partner_card_button, PartnerCard.filter())
    router.callback_query.register(noop_button, F.data == "noop")
    return router
