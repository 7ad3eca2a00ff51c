"""The «Поделиться» / "Share" button: opens the chat picker with `@bot <text>` typed in, so a
card or an announcement goes on to another chat through inline mode."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.text.formatting import cut
from bot.text.i18n import t

SHARE_QUERY_CHARS = 120  # inline queries are at most 256 characters; names and titles fit


def share_markup(text: str, lang: str) -> InlineKeyboardMarkup:
    query = cut(" ".join(text.split()), SHARE_QUERY_CHARS)
    button = InlineKeyboardButton(text=t(lang, "share"), switch_inline_query=query)
    return InlineKeyboardMarkup(inline_keyboard=[[button]])
