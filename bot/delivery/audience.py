"""Who receives an item: subscriptions matched against the item's facts after extraction."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from bot.text.stems import stem_text
from storage.chats import ChatRepository, Subscription
from storage.news import NewsItem
from storage.partners import PartnerRepository


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem_text(text).split())


@dataclass(frozen=True, slots=True)
class ItemFacts:
    partnership: bool
    countries: frozenset[str]
    partner_ids: frozenset[int]
    stems: frozenset[str]


def matches(subscription: Subscription, facts: ItemFacts) -> bool:
    kind, value = subscription.kind, subscription.value
    if kind == "all":
        return True
    if kind == "partnerships":
        return facts.partnership
    if kind == "country":
        return value in facts.countries
    if kind == "partner":
        return value.isdigit() and int(value) in facts.partner_ids
    if kind == "keyword":
        wanted = set(stem_text(value).split())
        return bool(wanted) and wanted <= facts.stems
    return False


class Audience:
    def __init__(self, chats: ChatRepository, partners: PartnerRepository) -> None:
        self.chats = chats
        self.partners = partners

    async def facts(self, item: NewsItem) -> ItemFacts:
        found = await self.partners.of_news(item.id)
        partnership = bool(await self.partners.partnership_of(item.id))
        return ItemFacts(
            partnership=partnership,
            countries=frozenset(p.country for p in found if p.country and partnership),
            partner_ids=frozenset(p.id for p in found if partnership),
            stems=await asyncio.to_thread(_stems, f"{item.title} {item.text}"),
        )

    async def targets(self, item: NewsItem) -> list[tuple[int, int | None]]:
        """(chat, topic) pairs to receive the item; a chat matched twice still appears once."""
        facts = await self.facts(item)
        chosen: dict[int, int | None] = {}
        for subscription in await self.chats.live_subscriptions():
            if subscription.chat_id not in chosen and matches(subscription, facts):
                chosen[subscription.chat_id] = subscription.thread_id
        return list(chosen.items())
