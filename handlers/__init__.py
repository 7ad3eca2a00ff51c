"""Routers, one per module, assembled in one place."""

from __future__ import annotations

from aiogram import Router

from handlers import fallback, news, start, subscriptions


def get_routers() -> list[Router]:
    """In dispatch order; the fallback router must stay last."""
    return [start.router, subscriptions.router, news.router, fallback.router]
