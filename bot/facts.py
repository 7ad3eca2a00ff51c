"""Partnership facts for stored articles: extraction off the event loop, merged into the registry.

The extractor's models load once, lazily, in one dedicated thread; every article goes through
that thread, so the event loop only waits on a future.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from bot.countries import country_name, flag
from bot.extraction import (
    ArticleInput,
    Extraction,
    Extractor,
    PartnerFact,
    canonical_key,
    names_match,
)
from bot.formatting import esc
from storage.news import NewsItem, NewsRepository
from storage.partners import AgreementInput, PartnerInput, PartnerRepository

log = logging.getLogger(__name__)

BATCH = 50


class ExtractionWorker:
    """The one thread that owns the Extractor (its models are not shared across threads)."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract")
        self._extractor: Extractor | None = None

    def _run(self, article: ArticleInput) -> Extraction:
        if self._extractor is None:
            self._extractor = Extractor()
        return self._extractor.extract(article)

    async def extract(self, article: ArticleInput) -> Extraction:
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._run, article)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _names(fact: PartnerFact) -> list[str]:
    return [n for n in (fact.name, fact.name_en, *fact.aliases) if n]


def _to_input(fact: PartnerFact) -> PartnerInput:
    keys: dict[str, str] = {}
    for name in _names(fact):
        key = canonical_key(name)
        if key:
            keys.setdefault(key, name)
    return PartnerInput(fact.name, fact.name_en, fact.aliases, fact.country, fact.kind, keys)


def _fuzzy_match(names: list[str], known: list[tuple[int, list[str]]]) -> int | None:
    """The first known partner one of whose names matches one of `names` (CPU: off the loop)."""
    for partner_id, forms in known:
        if any(names_match(a, b) for a in names for b in forms):
            return partner_id
    return None


def _party_indexes(parties: tuple[str, ...], facts: tuple[PartnerFact, ...]) -> tuple[int, ...]:
    out: list[int] = []
    for party in parties:
        for index, fact in enumerate(facts):
            if index not in out and (
                party == fact.name or any(names_match(party, n) for n in _names(fact))
            ):
                out.append(index)
                break
    return tuple(out)


class FactsService:
    def __init__(
        self, worker: ExtractionWorker, news: NewsRepository, partners: PartnerRepository
    ) -> None:
        self.worker = worker
        self.news = news
        self.partners = partners

    async def process_pending(self, limit: int = BATCH) -> int:
        """Extract facts for articles that have none yet (new, or whose full text arrived)."""
        done = 0
        for news_id in await self.partners.unextracted(limit):
            item = await self.news.get(news_id)
            if item is not None:
                await self.process(item)
                done += 1
        return done

    async def rebuild(self) -> int:
        """Forget all facts and extract them again from stored articles (idempotent)."""
        await self.partners.clear_all()
        total = 0
        while processed := await self.process_pending(BATCH):
            total += processed
        return total

    async def process(self, item: NewsItem) -> Extraction:
        article = ArticleInput(
            id=str(item.id), title=item.title, text=item.text, category=item.category
        )
        try:
            extraction = await self.worker.extract(article)
        except Exception:
            log.exception("extraction failed for news %s; stored without facts", item.id)
            extraction = Extraction(str(item.id), False, (), ())
        try:
            resolved = [(await self._resolve(f), _to_input(f)) for f in extraction.partners]
            agreements = [
                AgreementInput(
                    a.kind, a.title, a.date, _party_indexes(a.parties, extraction.partners)
                )
                for a in extraction.agreements
            ]
            await self.partners.replace_facts(item.id, extraction.partnership, resolved, agreements)
        except Exception:
            # One bad article must not hold back every announcement after it.
            log.exception("storing facts failed for news %s; marked done without facts", item.id)
            await self.partners.replace_facts(item.id, False, [], [])
            return Extraction(str(item.id), False, (), ())
        return extraction

    async def _resolve(self, fact: PartnerFact) -> int | None:
        """The known partner this fact names: by exact keys, else by a fuzzy name match."""
        keys = list(_to_input(fact).keys)
        found = await self.partners.find_by_keys(keys)
        if found is not None:
            return found
        return await asyncio.to_thread(_fuzzy_match, _names(fact), await self.partners.names())

    async def partner_lines(self, item: NewsItem, lang: str) -> list[str]:
        """The announcement's partners line, for partnership items with partners found."""
        if not await self.partners.partnership_of(item.id):
            return []
        found = await self.partners.of_news(item.id)
        if not found:
            return []
        parts = []
        for partner in found[:8]:
            name = partner.name_en if lang == "en" and partner.name_en else partner.name
            where = (
                f" ({flag(partner.country)} {country_name(partner.country, lang)})"
                if partner.country
                else ""
            )
            parts.append(esc(name) + esc(where))
        label = "🤝 Партнёры" if lang == "ru" else "🤝 Partners"
        return [f"<b>{label}:</b> " + "; ".join(parts)]
