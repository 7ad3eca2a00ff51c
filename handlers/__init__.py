"""Routers, one per module, assembled in one place."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    admin,
    agreements,
    fallback,
    news,
    partners,
    presence,
    start,
    subscriptions,
)


def get_routers() -> list[Router]:
    """Fresh routers in dispatch order (a router joins one dispatcher); fallback stays last."""
    modules = (presence, start, subscriptions, news, partners, agreements, admin, fallback)
    return [module.build_router() for module in modules]
