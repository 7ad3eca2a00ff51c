"""/export [query]: partners and agreements as CSV and XLSX documents, filtered like /agreements.

In groups only administrators may export (the files can be large and hold the whole registry).
"""

from __future__ import annotations

import asyncio

from aiogram import Bot, Router
from aiogram.enums import ChatAction
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, Message

from bot.facts.lookup import PartnerLookup
from bot.reports.export import COLUMNS, agreement_rows, csv_bytes, partners_rows, xlsx_bytes
from bot.text.countries import resolve_country_query
from bot.text.formatting import DISPLAY_ZONE, cut, esc, format_date, typed_text
from bot.text.i18n import kinds_words, t
from bot.text.names import reader_name
from handlers.agreements import nation_and_kinds, nothing_found, read_filters
from handlers.common import may_manage, meant_layout, user_language
from storage.db import utcnow
from storage.news import NewsRepository
from storage.partners import PartnerRepository
from storage.reports import ReportRepository

MAX_QUERY_CHARS = 200


async def export_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    reports: ReportRepository,
    news: NewsRepository,
    lookup: PartnerLookup,
    partners: PartnerRepository,
) -> None:
    lang = user_language(message.from_user)
    if not await may_manage(bot, message.chat, message.from_user, message.sender_chat):
        await message.answer(t(lang, "export_admins_only"))
        return
    asked = typed_text(command.args)[:MAX_QUERY_CHARS]
    kinds, years, query = await read_filters(asked, lookup, partners, news)
    if query:  # «Hjcfnjv»: Росатом typed on the other keyboard layout, as /partners reads it
        query = await meant_layout(query, lookup, news)
    year, year_to = (years.first, years.last) if years else (None, None)
    only_years = years.only if years else ()
    described = ""
    # The partners listed are the agreements' parties.
    by_parties = years is not None or bool(kinds)
    if not query:
        partner_list = await partners_rows(reports)
        agreement_list = await agreement_rows(
            reports, year=year, year_to=year_to, only_years=only_years, kinds=kinds
        )
    elif country := resolve_country_query(
        query, other_languages=(found := await lookup.find(query)).named is None
    ) or (nation_and_kinds(query) if found.named is None else None):
        partner_list = await partners_rows(reports, country=country)
        agreement_list = await agreement_rows(
            reports,
            country=country,
            year=year,
            year_to=year_to,
            only_years=only_years,
            kinds=kinds,
        )
        described = query
    elif (named := (await lookup.opening(query, found)).card) is not None:
        ids = [named]
        partner_list = await partners_rows(reports, ids=ids)
        agreement_list = await agreement_rows(
            reports,
            partner_ids=ids,
            year=year,
            year_to=year_to,
            only_years=only_years,
            kinds=kinds,
        )
        described = (
            reader_name(
                partner_list[0]["name"],
                partner_list[0]["name_en"],
                partner_list[0]["aliases"],
                lang,
            )
            if partner_list
            else query
        )
    else:
        hits = await news.search(query, limit=100)
        news_ids = [h.item.id for h in hits]
        agreement_list = await agreement_rows(
            reports,
            news_ids=news_ids,
            year=year,
            year_to=year_to,
            only_years=only_years,
            kinds=kinds,
        )
        partner_list = await partners_rows(reports)
        described = query
        by_parties = True
    if by_parties:
        names = {name for row in agreement_list for name in row["parties"]}
        partner_list = [p for p in partner_list if p["name"] in names]
    if not partner_list and not agreement_list:
        if described or years or kinds:
            await message.answer(nothing_found(lang, described, years, kinds))
        else:
            await message.answer(t(lang, "partners_empty"))
        return
    if kinds:
        what = kinds_words(kinds, lang)
        described = f"{what}, {described}" if described else what
    if years is not None:
        when = years.label(lang)
        described = f"{described}, {when}" if described else when
    await bot.send_chat_action(message.chat.id, ChatAction.UPLOAD_DOCUMENT)
    now = utcnow()
    stamp = now.astimezone(DISPLAY_ZONE).strftime("%Y-%m-%d")  # the caption's day
    sheets = {"partners": partner_list, "agreements": agreement_list}
    files = await asyncio.to_thread(
        lambda: [
            (f"spbpu-partners-{stamp}.csv", csv_bytes(partner_list, COLUMNS["partners"])),
            (f"spbpu-agreements-{stamp}.csv", csv_bytes(agreement_list, COLUMNS["agreements"])),
            (f"spbpu-partners-agreements-{stamp}.xlsx", xlsx_bytes(sheets, COLUMNS)),
        ]
    )
    what = t(
        lang,
        "export_caption",
        partners=str(len(partner_list)),
        agreements=str(len(agreement_list)),
        date=format_date(now, lang),
    )
    if described:
        what = t(lang, "export_filter", query=esc(cut(described, 80))) + "\n" + what
    for i, (name, data) in enumerate(files):
        await message.answer_document(
            BufferedInputFile(data, name), caption=what if i == 0 else None
        )


def build_router() -> Router:
    router = Router(name="export")
    router.message.register(export_command, Command("export", ignore_case=True))
    return router
