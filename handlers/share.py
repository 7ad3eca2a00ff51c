"""The «Поделиться» / "Share" button: opens the chat picker with `@bot <name>` typed in, so a
card or an item goes to another chat through inline mode."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.formatting import cut
from bot.i18n import t
from storage.partners import PartnerRepository


def share_markup(text: str, lang: str) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(text=t(lang, "share"), switch_inline_query=cut(text, 120))
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


async def partner_share_markup(
    partners: PartnerRepository, partner_id: int, lang: str
) -> InlineKeyboardMarkup | None:
    """Share a partner by the name its reader knows it under (English for English readers)."""
    partner = await partners.get(partner_id)
    if partner is None:
        return None
    return share_markup(partner.name_en if lang == "en" and partner.name_en else partner.name, lang)
