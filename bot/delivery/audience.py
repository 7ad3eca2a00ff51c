"""Who receives an item: subscriptions matched against the item's facts after extraction."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass

from bot.text.stems import query_groups, stem_text
from storage.chats import ChatRepository, Subscription
from storage.news import NewsItem
from storage.partners import PartnerRepository


def keywords_in(text: str, keywords: frozenset[str]) -> frozenset[str]:
    """The keywords whose every word is in the text in some form («Китай» finds «Китая», as
    /search does); runs in a worker thread (the first dictionary lookup loads it)."""
    stems = frozenset(stem_text(text).split())
    found = set()
    for keyword in keywords:
        groups = query_groups(keyword)
        if groups and all(any(stem in stems for stem, _ in group) for group in groups):
            found.add(keyword)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class ItemFacts:
    partnership: bool
    countries: frozenset[str]
    partner_ids: frozenset[int]
    keywords: frozenset[str]  # the keyword subscriptions' values the item matches


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
        return value in facts.keywords
    return False


class Audience:
    def __init__(self, chats: ChatRepository, partners: PartnerRepository) -> None:
        self.chats = chats
        self.partners = partners

    async def facts(self, item: NewsItem, subscriptions: Iterable[Subscription] = ()) -> ItemFacts:
        """The item's facts, with the keywords of `subscriptions` it matches."""
        keywords = frozenset(s.value for s in subscriptions if s.kind == "keyword")
        found = await self.partners.of_news(item.id)
        partnership = bool(await self.partners.partnership_of(item.id))
        return ItemFacts(
            partnership=partnership,
            countries=frozenset(p.country for p in found if p.country and partnership),
            partner_ids=frozenset(p.id for p in found if partnership),
            keywords=await asyncio.to_thread(keywords_in, f"{item.title} {item.text}", keywords)
            if keywords
            else frozenset(),
        )

    async def targets(self, item: NewsItem) -> list[tuple[int, int | None]]:
        """(chat, topic) pairs to receive the item: a chat matched twice in one topic still
        appears once; a forum's topics are separate feeds, each matched on its own."""
        subscriptions = await self.chats.live_subscriptions()
        facts = await self.facts(item, subscriptions)
        chosen = {
            (subscription.chat_id, subscription.thread_id): None
            for subscription in subscriptions
            if matches(subscription, facts)
        }
        return list(chosen)
