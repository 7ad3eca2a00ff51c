"""Routers, one per module, assembled in one place."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    admin,
    agreements,
    curation,
    export,
    fallback,
    inline,
    news,
    partners,
    pictures,
    presence,
    start,
    subscriptions,
)


def get_routers() -> list[Router]:
    """Fresh routers in dispatch order (a router joins one dispatcher); fallback stays last."""
    modules = (
        presence, start, subscriptions, news, partners, agreements, pictures, inline, export,
        admin, curation, fallback,
    )  # fmt: skip
    return [module.build_router() for module in modules]
