"""Callback data shared by the routers' inline keyboards."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class SubscribeCallback(CallbackData, prefix="sub"):
    action: str  # "on" | "off"
