"""/start and /help."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import InlineKeyboardMarkup, Message

from bot.config import Settings
from bot.text.i18n import ADMIN_COMMANDS, COMMANDS, RU, t
from handlers.common import GROUP_TYPES, may_manage, user_language
from handlers.subscriptions import basic_buttons


def help_text(lang: str, admin: bool = False) -> str:
    lines = [t(lang, "help_title")]
    for command, ru, en in COMMANDS + (ADMIN_COMMANDS if admin else ()):
        lines.append(f"/{command} — {ru if lang == RU else en}")
    return "\n".join(lines)


async def start(message: Message, bot: Bot) -> None:
    """The greeting with the choice that matters: partnership news only, or everything. A
    group member who may not make that choice reads what the group greeting says instead."""
    lang = user_language(message.from_user)
    if message.chat.type in GROUP_TYPES and not await may_manage(
        bot, message.chat, message.from_user, message.sender_chat
    ):
        await message.answer(t(lang, "group_greeting"))
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
