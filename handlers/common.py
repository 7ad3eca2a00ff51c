"""Small helpers shared by the routers: language, chat bookkeeping, admin checks."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.enums import ChatMemberStatus, ChatType
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.types import (
    Chat,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    TelegramObject,
    User,
)

from bot.facts.fingerprint import fingerprint
from bot.facts.lookup import LOOSE, NAMED, PartnerLookup, well_known
from bot.text.countries import resolve_country_query
from bot.text.formatting import other_layout
from bot.text.i18n import language_of
from storage.chats import ChatRepository
from storage.news import NewsRepository
from storage.partners import PartnerRepository

log = logging.getLogger(__name__)

GROUP_TYPES = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})


def user_language(user: User | None) -> str:
    return language_of(user.language_code if user else None)


async def rebuilding(partners: PartnerRepository) -> bool:
    """Whether an upgraded bot is making every card again (the stored facts are another
    extraction's and articles wait for this one): a card or list missing meanwhile is not
    gone for good. Only asked when something is missing."""
    stored = await partners.extraction_fingerprint()
    return stored is not None and stored != fingerprint() and bool(await partners.unextracted(1))


class GroupVoiceLanguage(BaseMiddleware):
    """A message sent as the group (an anonymous administrator) or as a channel comes from a
    stand-in account with no language: it is answered in the group's language, not English."""

    def __init__(self, chats: ChatRepository) -> None:
        self.chats = chats

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if (
            isinstance(event, Message)
            and event.sender_chat is not None
            and event.chat.type in GROUP_TYPES
            and event.from_user is not None
            and not event.from_user.language_code
        ):
            chat = await self.chats.get(event.chat.id)
            if chat is not None and chat.language:
                user = event.from_user.model_copy(update={"language_code": chat.language})
                event = event.model_copy(update={"from_user": user})
        return await handler(event, data)


async def remember_chat(chats: ChatRepository, chat: Chat, user: User | None) -> None:
    """Record the chat; a private chat takes its user's language for announcements, a group
    the language of who set it up first (another admin's Telegram language does not switch
    the announcements everyone reads)."""
    title = chat.title or chat.full_name or None
    language = user_language(user) if user is not None else None
    if chat.type in GROUP_TYPES and await chats.get(chat.id) is not None:
        language = None  # kept as it is
    await chats.upsert(chat.id, chat.type, title, language)


async def may_manage(bot: Bot, chat: Chat, user: User | None, sender_chat: Chat | None) -> bool:
    """Private chats manage themselves; in groups only administrators may (asked of Telegram)."""
    if chat.type not in GROUP_TYPES:
        return chat.type == ChatType.PRIVATE
    if sender_chat is not None and sender_chat.id == chat.id:
        return True  # an anonymous administrator posting as the group
    if user is None:
        return False
    try:
        member = await bot.get_chat_member(chat.id, user.id)
    except TelegramAPIError as exc:
        log.warning("admin check failed in chat %s: %s", chat.id, exc.message)
        return False
    return member.status in {ChatMemberStatus.CREATOR, ChatMemberStatus.ADMINISTRATOR}


_STALE_MARKERS = ("message to edit not found", "message can't be edited", "message_id_invalid")


async def edit_page(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> bool:
    """Replace a paginated message; False when it could not be edited (deleted, too old) and
    the new content was sent as a message of its own. Pressing the current page is no error."""
    try:
        await message.edit_text(
            text, reply_markup=markup, link_preview_options=LinkPreviewOptions(is_disabled=True)
        )
    except TelegramBadRequest as exc:
        reason = exc.message.lower()
        if "not modified" in reason:
            return True
        if not any(marker in reason for marker in _STALE_MARKERS):
            raise
        log.info("stale button in chat %s: %s", message.chat.id, exc.message)
        await message.answer(
            text, reply_markup=markup, link_preview_options=LinkPreviewOptions(is_disabled=True)
        )
        return False
    return True


async def meant_layout(
    query: str, lookup: PartnerLookup, news: NewsRepository | None = None
) -> str:
    """The query as typed, or as its keys give it on the other keyboard layout when that
    names a country or a partner and the query as typed does not («/partners Hjcfnjv» is
    Росатом: «Не нашёл партнёра по запросу «Hjcfnjv»» was all it got). The one reader of
    every place a name or words are typed; given `news`, words the news have as typed stay
    so, and words only the other layout's news have are read so («/search djljhjl»)."""
    swapped = other_layout(query)
    if swapped is None or resolve_country_query(query) is not None:
        return query
    found = await lookup.find(query)
    if found and found.ranked[0][1] >= NAMED:
        return query
    if news is not None and await news.search(query, 1):
        return query
    if resolve_country_query(swapped) is not None:
        return swapped
    other = await lookup.find(swapped)
    best = found.ranked[0][1] if found else 0.0
    if other and other.ranked[0][1] >= LOOSE and other.ranked[0][1] > best:
        return swapped
    if other and (await lookup.opening(swapped, other)).relative:
        return swapped
    # «Газпром ytanm»: «Газпром нефть», well known, a card's relative
    if well_known(swapped) is not None and well_known(query) is None:
        return swapped
    if news is not None and await news.search(swapped, 1):
        return swapped
    return query
