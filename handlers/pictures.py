"""/map [kind] and /chart [partner]: pictures of the registry, resent by file_id while current."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from aiogram import Router
from aiogram.enums import ChatAction
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.facts.lookup import PartnerLookup
from bot.facts.matching import is_own
from bot.reports.pictures.service import Picture, PictureService, parse_kind
from bot.text.countries import resolve_country_query
from bot.text.formatting import cut, esc, typed_text
from bot.text.i18n import choice_prompt, t
from handlers.common import meant_layout, user_language
from handlers.keyboards import PartnerChart
from handlers.partners import NO_PREVIEW, display_name, partners_page
from storage.partners import PartnerRepository

MAX_QUERY_CHARS = 200


async def send_picture(
    message: Message, pictures: PictureService, make: Callable[[], Awaitable[Picture]]
) -> None:
    """Send the picture by file_id when Telegram has it, else upload it and remember the id."""
    picture = await make()
    if picture.file_id is not None:
        try:
            await message.answer_photo(picture.file_id, caption=picture.caption)
            return
        except TelegramBadRequest:  # the file_id expired or belongs to another bot
            pictures.forget(picture)
            picture = await make()
    assert picture.png is not None
    if message.bot is not None:
        await message.bot.send_chat_action(message.chat.id, ChatAction.UPLOAD_PHOTO)
    sent = await message.answer_photo(
        BufferedInputFile(picture.png, picture.filename), caption=picture.caption
    )
    if sent.photo:
        pictures.remember(picture, sent.photo[-1].file_id)


async def map_command(
    message: Message, command: CommandObject, pictures: PictureService, partners: PartnerRepository
) -> None:
    lang = user_language(message.from_user)
    query = typed_text(command.args)[:MAX_QUERY_CHARS]
    kind = parse_kind(query)
    if query and kind is None:
        await message.answer(t(lang, "map_unknown_kind", query=esc(cut(query, 60))))
        return
    if not await partners.count():  # a blank map says less than /partners does
        await message.answer(t(lang, "partners_empty"))
        return
    await send_picture(message, pictures, lambda: pictures.world_map(lang, kind))


async def chart_command(
    message: Message,
    command: CommandObject,
    pictures: PictureService,
    lookup: PartnerLookup,
    partners: PartnerRepository,
) -> None:
    lang = user_language(message.from_user)
    query = typed_text(command.args)[:MAX_QUERY_CHARS]
    if query:  # «Hjcfnjv»: Росатом typed on the other keyboard layout, as /partners reads it
        query = await meant_layout(query, lookup)
    if not query and not await partners.count():  # empty charts say less than /partners does
        await message.answer(t(lang, "partners_empty"))
        return
    if not query or (is_own(query) and query[0] not in "\"'«“„"):
        # «/chart Политех»: the university's own chart is the overview (other polytechnics
        # were offered as if it were one of its partners).
        await send_picture(message, pictures, lambda: pictures.overview(lang))
        return
    # A country, as /partners reads it: its partners, each a button to its card; "Китай" no
    # longer draws the one partner with "China" in its name.
    country = resolve_country_query(query)
    if country and await partners.count(country):
        text, markup = await partners_page(partners, lang, 0, country)
        await message.answer(text, reply_markup=markup, link_preview_options=NO_PREVIEW)
        return
    found = await lookup.find(query)
    if not found:
        await message.answer(t(lang, "partners_none", query=esc(cut(query, 60))))
        return
    opened = await lookup.opening(query, found)
    if (named := opened.card) is None:  # several alike, or a relative: a button to each chart
        choices = await lookup.choices(found)
        buttons = [
            [
                InlineKeyboardButton(
                    text=cut(display_name(p, lang), 60), callback_data=PartnerChart(id=p.id).pack()
                )
            ]
            for p in choices.shown
        ]
        prompt = choice_prompt(
            lang,
            esc(cut(query, 60)),
            len(choices.shown),
            choices.total,
            choices.alike or opened.relative,
        )
        await message.answer(prompt, reply_markup=InlineKeyboardMarkup(inline_keyboard=buttons))
        return
    await send_picture(message, pictures, partial(_timeline, pictures, named, lang))


async def _timeline(pictures: PictureService, partner_id: int, lang: str) -> Picture:
    picture = await pictures.timeline(partner_id, lang)
    assert picture is not None, "the partner was just found"
    return picture


async def chart_button(
    query: CallbackQuery,
    callback_data: PartnerChart,
    pictures: PictureService,
    partners: PartnerRepository,
) -> None:
    """A partner chosen under «/chart университет»: its chart, as «/chart <its name>» draws."""
    lang = user_language(query.from_user)
    message = query.message
    if await partners.get(callback_data.id) is None:  # forgotten since the choice was shown
        await query.answer(t(lang, "partner_gone"), show_alert=True)
        return
    await query.answer()
    if not isinstance(message, Message):
        return
    await send_picture(message, pictures, partial(_timeline, pictures, callback_data.id, lang))


def build_router() -> Router:
    router = Router(name="pictures")
    router.message.register(map_command, Command("map", ignore_case=True))
    router.message.register(chart_command, Command("chart", ignore_case=True))
    router.callback_query.register(chart_button, PartnerChart.filter())
    return router
