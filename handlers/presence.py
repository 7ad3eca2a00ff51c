"""Chats that come back: the bot unblocked or added to a group again, or a chat writing to it.

A chat is switched off when Telegram says it is unreachable (blocked, kicked); without this its
subscriptions would stay listed and never deliver once it is reachable again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.enums import ChatType
from aiogram.filters import ADMINISTRATOR, MEMBER, ChatMemberUpdatedFilter
from aiogram.types import ChatMemberUpdated, Message, TelegramObject

from handlers.common import user_language
from storage.chats import ChatRepository

log = logging.getLogger(__name__)


class ReactivateOnMessage(BaseMiddleware):
    """Any message from a switched-off chat switches it on again, before any handler runs; a
    private chat's language follows its person's Telegram language.

    An active or unknown chat costs two primary-key reads and no write.
    """

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        chats = data.get("chats")
        if not isinstance(event, Message) or not isinstance(chats, ChatRepository):
            return await handler(event, data)
        if await chats.reactivate(event.chat.id):
            log.info("chat %s wrote to the bot: active again", event.chat.id)
        user = event.from_user
        if event.chat.type == ChatType.PRIVATE and user is not None and user.language_code:
            # Telegram's language changed: the news follow the replies into it.
            await chats.follow_language(event.chat.id, user_language(user))
        return await handler(event, data)


async def bot_back(event: ChatMemberUpdated, chats: ChatRepository) -> None:
    """Unblocked in a private chat, or added back to a group (as a member or an admin); the
    update then goes on to the other routers (a group the bot joins is greeted there)."""
    if await chats.reactivate(event.chat.id):
        log.info("chat %s active again (bot %s)", event.chat.id, event.new_chat_member.status)
    raise SkipHandler


async def group_migrated(message: Message, chats: ChatRepository) -> None:
    """A group became a supergroup: Telegram says so in both chats (`migrate_to_chat_id` in the
    old one, `migrate_from_chat_id` in the new). The chat, its subscriptions, digest and
    language move at once, before anyone writes in the supergroup; waiting for the next send to
    the old id to be refused left the supergroup without them meanwhile. A second notice finds
    nothing left to move."""
    if message.migrate_to_chat_id is not None:
        old, new = message.chat.id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id is not None:
        old, new = message.migrate_from_chat_id, message.chat.id
    else:
        return
    if await chats.get(old) is not None:
        log.info("chat %s migrated to %s", old, new)
        await chats.migrate(old, new)


def build_router() -> Router:
    """First in dispatch order: its message middleware sees every message."""
    router = Router(name="presence")
    router.message.outer_middleware(ReactivateOnMessage())
    router.message.register(group_migrated, F.migrate_to_chat_id | F.migrate_from_chat_id)
    router.my_chat_member.register(
        bot_back, ChatMemberUpdatedFilter(member_status_changed=MEMBER | ADMINISTRATOR)
    )
    return router
