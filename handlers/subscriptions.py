"""/subscribe, /unsubscribe, the subscribe button, and the bot's own membership changes."""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.filters import KICKED, LEFT, ChatMemberUpdatedFilter, Command
from aiogram.types import CallbackQuery, Chat, ChatMemberUpdated, Message, User

from bot.i18n import t
from handlers.common import may_manage, remember_chat, user_language
from handlers.keyboards import SubscribeCallback
from storage.chats import ChatRepository

log = logging.getLogger(__name__)


async def _subscribe(
    bot: Bot,
    chats: ChatRepository,
    chat: Chat,
    user: User | None,
    sender_chat: Chat | None,
    thread_id: int | None,
) -> str:
    lang = user_language(user)
    if not await may_manage(bot, chat, user, sender_chat):
        return t(lang, "admins_only")
    await remember_chat(chats, chat, user)
    added = await chats.subscribe(chat.id, "all", "", thread_id)
    return t(lang, "subscribed" if added else "already_subscribed")


async def subscribe(message: Message, bot: Bot, chats: ChatRepository) -> None:
    thread_id = message.message_thread_id if message.is_topic_message else None
    reply = await _subscribe(
        bot, chats, message.chat, message.from_user, message.sender_chat, thread_id
    )
    await message.answer(reply)


async def subscribe_button(
    query: CallbackQuery, callback_data: SubscribeCallback, bot: Bot, chats: ChatRepository
) -> None:
    message = query.message
    if message is None or message.chat is None:
        await query.answer()
        return
    await query.answer()
    if callback_data.action != "on":
        return
    reply = await _subscribe(bot, chats, message.chat, query.from_user, None, None)
    await bot.send_message(message.chat.id, reply)


async def unsubscribe(message: Message, bot: Bot, chats: ChatRepository) -> None:
    lang = user_language(message.from_user)
    if not await may_manage(bot, message.chat, message.from_user, message.sender_chat):
        await message.answer(t(lang, "admins_only"))
        return
    removed = await chats.unsubscribe_all(message.chat.id)
    await message.answer(t(lang, "unsubscribed" if removed else "not_subscribed"))


async def bot_removed(event: ChatMemberUpdated, chats: ChatRepository) -> None:
    """Blocked in a private chat, or kicked/removed from a group: stop sending there."""
    dropped = await chats.deactivate(event.chat.id, f"bot {event.new_chat_member.status}")
    log.info("chat %s deactivated by my_chat_member, %d deliveries dropped", event.chat.id, dropped)


def build_router() -> Router:
    router = Router(name="subscriptions")
    router.message.register(subscribe, Command("subscribe"))
    router.message.register(unsubscribe, Command("unsubscribe"))
    router.callback_query.register(subscribe_button, SubscribeCallback.filter())
    router.my_chat_member.register(
        bot_removed, ChatMemberUpdatedFilter(member_status_changed=KICKED | LEFT)
    )
    return router
