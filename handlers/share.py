"""The buttons under a partner card: follow its news, and Share (the Share button itself:
`bot.delivery.share`)."""

from __future__ import annotations

from collections.abc import Collection

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.delivery.share import share_markup
from bot.text.i18n import t
from bot.text.names import known_name
from handlers.keyboards import SubscribePartner
from storage.chats import ChatRepository
from storage.partners import PartnerRepository


async def partner_card_markup(
    partners: PartnerRepository, partner_id: int, lang: str, followed: Collection[int] = ()
) -> InlineKeyboardMarkup | None:
    """Follow the partner's news here unless the chat does (`followed`: the partners it
    follows; a reader of a card had to know `/subscribe partner`), and share it by the name its
    reader knows it under (English for English readers): a name the card has, never the bot's
    English rendering, so the query finds the partner."""
    partner = await partners.get(partner_id)
    if partner is None:
        return None
    share = share_markup(known_name(partner.name, partner.name_en, partner.aliases, lang), lang)
    if partner.id in followed:
        return share
    follow = InlineKeyboardButton(
        text=t(lang, "card_follow"), callback_data=SubscribePartner(id=partner.id).pack()
    )
    return InlineKeyboardMarkup(inline_keyboard=[[follow], *share.inline_keyboard])


async def followed_partners(chats: ChatRepository, chat_id: int, thread_id: int | None) -> set[int]:
    """The partners a chat (a forum topic: that topic) follows."""
    return {
        int(s.value)
        for s in await chats.subscriptions(chat_id)
        if s.kind == "partner" and s.value.isdigit() and s.thread_id == thread_id
    }
