"""The buttons under a partner card: follow its news, and Share (the Share button itself:
`bot.delivery.share`)."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.delivery.share import share_markup
from bot.text.i18n import t
from bot.text.names import known_name
from handlers.keyboards import SubscribePartner
from storage.partners import PartnerRepository


async def partner_card_markup(
    partners: PartnerRepository, partner_id: int, lang: str
) -> InlineKeyboardMarkup | None:
    """Follow the partner's news here (a reader of its card had to know `/subscribe partner`),
    and share it by the name its reader knows it under (English for English readers): a name
    the card has, never the bot's English rendering, so the query finds the partner."""
    partner = await partners.get(partner_id)
    if partner is None:
        return None
    follow = InlineKeyboardButton(
        text=t(lang, "card_follow"), callback_data=SubscribePartner(id=partner.id).pack()
    )
    share = share_markup(known_name(partner.name, partner.name_en, partner.aliases, lang), lang)
    return InlineKeyboardMarkup(inline_keyboard=[[follow], *share.inline_keyboard])
