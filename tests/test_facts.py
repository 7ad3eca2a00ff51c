"""Facts from stored articles with the real extractor: one partner across articles and scripts,
idempotent rebuilds, and the partners line of announcements."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.delivery.rendering import AnnouncementRenderer
from bot.facts.extraction import ArticleInput, Extraction, PartnerFact
from bot.facts.service import ExtractionWorker, FactsService
from storage.db import Database
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.partners import PartnerRepository
from tests.conftest import draft
from tests.fakes.bot_api import parse_telegram_html

ARTICLES = Path(__file__).parent / "data" / "facts" / "articles.jsonl"


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    pool = ExtractionWorker()
    yield pool
    pool.close()


async def store_articles(db: Database) -> dict[str, int]:
    feeds, news = FeedRepository(db), NewsRepository(db)
    [feed] = await feeds.ensure(["http://site.test/rss"])
    ids = {}
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        [news_id] = await news.add_new(
            feed.id,
            [
                draft(
                    record["key"],
                    record["title"],
                    body=record["text"],
                    category=record["category"],
                    link=f"https://site.test/{record['key']}",
                )
            ],
            announce=True,
        )
        ids[record["key"]] = news_id
    return ids


async def test_one_partner_across_articles_and_scripts(
    db: Database, worker: ExtractionWorker
) -> None:
    ids = await store_articles(db)
    partners = PartnerRepository(db)
    facts = FactsService(worker, NewsRepository(db), partners)
    assert await facts.process_pending() == len(ids)
    assert await facts.process_pending() == 0  # nothing left to do
    top = await partners.top(10)
    names = [p.name for p in top]
    assert sum("Цинхуа" in n for n in names) == 1, names
    tsinghua = next(p for p in top if "Цинхуа" in p.name)
    assert tsinghua.name == "Университет Цинхуа"  # Russian canonical name wins
    assert tsinghua.name_en == "Tsinghua University"
    assert tsinghua.country == "CN" and tsinghua.kind == "university"
    assert tsinghua.mentions == 3
    assert await partners.partnership_of(ids["a4"]) is False
    assert await partners.of_news(ids["a4"]) == []
    agreements, total = await partners.agreements(partner_ids=[tsinghua.id])
    assert total == 2
    assert {a.kind for a in agreements} == {"agreement", "memorandum"}
    assert all(a.parties == ("Университет Цинхуа",) for a in agreements)


async def test_rebuild_is_idempotent(db: Database, worker: ExtractionWorker) -> None:
    await store_articles(db)
    partners = PartnerRepository(db)
    facts = FactsService(worker, NewsRepository(db), partners)
    await facts.process_pending()
    before = (await partners.count(), (await partners.agreements())[1], await partners.countries())
    assert await facts.rebuild() == 5
    assert await facts.rebuild() == 5
    after = (await partners.count(), (await partners.agreements())[1], await partners.countries())
    assert before == after


async def test_full_text_arrival_re_extracts(db: Database, worker: ExtractionWorker) -> None:
    feeds, news = FeedRepository(db), NewsRepository(db)
    partners = PartnerRepository(db)
    facts = FactsService(worker, news, partners)
    [feed] = await feeds.ensure(["http://site.test/rss"])
    [news_id] = await news.add_new(
        feed.id,
        [draft("x", "Визит в Политех", teaser="Политех посетили гости...", needs_page=True,
               link="https://site.test/x")],
        announce=True,
    )  # fmt: skip
    await facts.process_pending()
    assert await partners.of_news(news_id) == []
    await news.set_body(
        news_id,
        "Политех посетила делегация Университета Цинхуа. Стороны подписали соглашение "
        "о сотрудничестве в области робототехники.",
    )
    assert await facts.process_pending() == 1
    assert [p.name_en for p in await partners.of_news(news_id)] == ["Tsinghua University"]


async def test_announcement_names_partners_and_countries(
    db: Database, worker: ExtractionWorker
) -> None:
    ids = await store_articles(db)
    news, partners = NewsRepository(db), PartnerRepository(db)
    facts = FactsService(worker, news, partners)
    await facts.process_pending()
    render = AnnouncementRenderer(news, facts.partner_lines)
    message = await render(ids["a5"], "ru")
    assert message is not None
    text = message.text
    parse_telegram_html(text)
    assert "🤝 Партнёры:</b>" in text and "Индийский технологический институт" in text
    assert "🇮🇳 Индия" in text
    english = await render(ids["a1"], "en")
    assert english is not None and "Tsinghua University (🇨🇳 China)" in english.text
    sport = await render(ids["a4"], "ru")
    assert sport is not None and "Партнёры" not in sport.text


class _UnstorableFacts(ExtractionWorker):
    """An extractor whose output the database refuses (a partner kind outside the CHECK)."""

    async def extract(self, article: ArticleInput) -> Extraction:
        bad = PartnerFact("Нечто", None, (), None, "alien")
        return Extraction(article.id, True, (bad,), ())


async def test_facts_that_cannot_be_stored_do_not_block_the_article(db: Database) -> None:
    ids = await store_articles(db)
    news, partners = NewsRepository(db), PartnerRepository(db)
    broken = _UnstorableFacts()
    try:
        facts = FactsService(broken, news, partners)
        assert await facts.process_pending() == len(ids)
    finally:
        broken.close()
    assert await partners.unextracted(10) == []  # marked done, so announcements go on
    assert await partners.count() == 0


class _NoFacts(ExtractionWorker):
    """A fast stand-in extractor: the order of work is under test, not the facts."""

    async def extract(self, article: ArticleInput) -> Extraction:
        return Extraction(article.id, False, (), ())


async def test_items_awaiting_announcement_are_extracted_before_a_silent_backlog(
    db: Database,
) -> None:
    feeds, news, partners = FeedRepository(db), NewsRepository(db), PartnerRepository(db)
    [feed] = await feeds.ensure(["http://site.test/rss"])
    await news.add_new(feed.id, [draft(f"old{i}") for i in range(60)], announce=False)
    [fresh] = await news.add_new(feed.id, [draft("new")], announce=True)
    worker = _NoFacts()
    try:
        assert await FactsService(worker, news, partners).process_pending(limit=10) == 10
    finally:
        worker.close()
    assert fresh not in await partners.unextracted(100)
