"""Last router: unknown commands get a pointer to /help in private chats; unknown buttons are
answered silently; the rest is ignored."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, Message

from bot.i18n import t
from handlers.common import user_language


async def unknown_command(message: Message, bot: Bot) -> None:
    text = message.text or ""
    head = text.split(maxsplit=1)[0]
    _, _, mention = head.partition("@")
    if mention:
        me = await bot.me()
        if not me.username or mention.lower() != me.username.lower():
            return  # addressed to another bot in the same group
    elif message.chat.type != ChatType.PRIVATE:
        return  # groups: a bare unknown command may be meant for another bot
    await message.answer(t(user_language(message.from_user), "unknown_command"))


async def unknown_button(query: CallbackQuery) -> None:
    """A button of an older version, or forged data: stop the client's spinner, do nothing."""
    await query.answer()


def build_router() -> Router:
    router = Router(name="fallback")
    router.message.register(unknown_command, F.text.startswith("/"))
    router.callback_query.register(unknown_button)
    return router
