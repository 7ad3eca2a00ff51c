"""/start and /help."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import InlineKeyboardMarkup, Message

from bot.config import Settings
from bot.text.i18n import ADMIN_COMMANDS, COMMANDS, RU, t
from handlers.common import GROUP_TYPES, may_manage, user_language
from handlers.subscriptions import basic_buttons, current_view
from storage.chats import ChatRepository
from storage.partners import PartnerRepository


def help_text(lang: str, admin: bool = False) -> str:
    lines = [t(lang, "help_title")]
    for command, ru, en in COMMANDS + (ADMIN_COMMANDS if admin else ()):
        lines.append(f"/{command} — {ru if lang == RU else en}")
    return "\n".join(lines)


async def start(
    message: Message, bot: Bot, chats: ChatRepository, partners: PartnerRepository
) -> None:
    """The greeting with the choice that matters: partnership news only, or everything. A
    group member who may not make that choice reads what the group greeting says instead.
    A chat that has subscriptions here (one coming back after blocking the bot keeps them)
    reads them, with buttons to change them, as a bare /subscribe shows: not the first
    question again, whose answer would be added to what it follows."""
    lang = user_language(message.from_user)
    if message.chat.type in GROUP_TYPES and not await may_manage(
        bot, message.chat, message.from_user, message.sender_chat
    ):
        await message.answer(t(lang, "group_greeting"))
        return
    here = message.message_thread_id if message.is_topic_message else None
    if any(s.thread_id == here for s in await chats.subscriptions(message.chat.id)):
        text, markup = await current_view(message.chat.id, lang, chats, partners, here)
        await message.answer(text, reply_markup=markup)
        return
    await message.answer(
        t(lang, "greeting"), reply_markup=InlineKeyboardMarkup(inline_keyboard=basic_buttons(lang))
    )


async def help_command(message: Message, settings: Settings) -> None:
    user = message.from_user
    admin = user is not None and user.id in settings.admin_ids
    await message.answer(help_text(user_language(user), admin))


def build_router() -> Router:
    router = Router(name="start")
    router.message.register(start, CommandStart(ignore_case=True))
    router.message.register(help_command, Command("help", ignore_case=True))
    return router
