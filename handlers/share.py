"""The Share button under a partner card (the button itself: `bot.delivery.share`)."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.delivery.share import share_markup
from bot.text.names import known_name
from storage.partners import PartnerRepository


async def partner_share_markup(
    partners: PartnerRepository, partner_id: int, lang: str
) -> InlineKeyboardMarkup | None:
    """Share a partner by the name its reader knows it under (English for English readers);
    a name the card has, never the bot's English rendering, so the query finds the partner."""
    partner = await partners.get(partner_id)
    if partner is None:
        return None
    return share_markup(known_name(partner.name, partner.name_en, partner.aliases, lang), lang)
