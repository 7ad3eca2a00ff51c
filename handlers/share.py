"""The Share button under a partner card (the button itself: `bot.delivery.share`)."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.delivery.share import share_markup
from storage.partners import PartnerRepository


async def partner_share_markup(
    partners: PartnerRepository, partner_id: int, lang: str
) -> InlineKeyboardMarkup | None:
    """Share a partner by the name its reader knows it under (English for English readers)."""
    partner = await partners.get(partner_id)
    if partner is None:
        return None
    return share_markup(partner.name_for(lang), lang)
