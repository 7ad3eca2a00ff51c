"""Hostile article pages (a feed's text may be anything): extraction finishes, the ordinary
partner named before a hostile tail is still found, and nothing too long to be a name becomes a
partner or a card. Timing goes to bench/bench_hostile_extraction.py; here a generous timeout
only stops the old, superlinear code from holding the run."""

from __future__ import annotations

import pytest

from bot.facts.extraction import (
    AgreementFact,
    ArticleInput,
    Extraction,
    Extractor,
    PartnerFact,
)
from bot.facts.service import ExtractionWorker, FactsService
from storage.db import Database
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.partners import PartnerRepository
from tests.conftest import draft

OPENING = (
    "Политехнический университет и Казанский федеральный университет подписали соглашение "
    "о сотрудничестве в области подготовки инженеров. "
)
SIZE = 50_000


def _tail(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


# (Tails of 50,000 characters with no full stop, of nested quotes or of "№" signs were slow on
# the old code, 3-24 s CPU, but gave the same partners: they are measured in the bench only.)
TAILS = {
    "only commas": _tail("Альфа, "),
    "capitalised run": _tail("Университет Компания Институт Альфа Бета "),
    "list of 10,000 items": ", ".join(f"компания «Вега{i}»" for i in range(10_000)),
}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(ex: Extractor, text: str) -> Extraction:
    return ex.extract(ArticleInput(id="h", title="Сотрудничество", text=text, lang="ru"))


@pytest.mark.timeout(90)
@pytest.mark.parametrize("tail", list(TAILS), ids=list(TAILS))
def test_partner_before_a_hostile_tail_is_found(extractor: Extractor, tail: str) -> None:
    result = _extract(extractor, OPENING + TAILS[tail])
    names = [p.name for p in result.partners]
    assert "Казанский федеральный университет" in names
    for name in names:
        # No partner's name is a page's worth of words.
        assert len(name) <= 250 and len(name.split()) <= 25, name[:80]


@pytest.mark.timeout(90)
def test_a_capitalised_run_is_no_partner_name(extractor: Extractor) -> None:
    run = " ".join(["Институт Компания Университет Альфа"] * 5_000)
    result = _extract(extractor, f"Делегация посетила Политех. {run}")
    assert all(len(p.name) <= 250 for p in result.partners), [p.name[:80] for p in result.partners]


class _HostileFacts(ExtractionWorker):
    """An extractor that returns what a hostile page could make of names: one ordinary partner
    beside a 100 KB "name", and an agreement naming both."""

    async def extract(self, article: ArticleInput) -> Extraction:
        huge = "Университет " + "Альфа Бета Гамма " * 6_000
        facts = (
            PartnerFact("Казанский федеральный университет", None, (), "RU", "university"),
            PartnerFact(huge, None, (), None, "university"),
            PartnerFact("Томский политехнический университет", huge, (huge,), "RU", "university"),
        )
        parties = ("Казанский федеральный университет", huge)
        agreement = AgreementFact("agreement", parties, "Соглашение о сотрудничестве", None)
        return Extraction(article.id, True, facts, (agreement,))


@pytest.mark.timeout(120)
async def test_a_name_of_100_kb_opens_no_card(db: Database) -> None:
    feeds, news = FeedRepository(db), NewsRepository(db)
    [feed] = await feeds.ensure(["http://site.test/rss"])
    [news_id] = await news.add_new(
        feed.id, [draft("h1", "Сотрудничество", body="Текст.")], announce=True
    )
    partners = PartnerRepository(db)
    worker = _HostileFacts()
    try:
        assert await FactsService(worker, news, partners).process_pending() == 1
    finally:
        worker.close()
    found = await partners.of_news(news_id)
    assert sorted(p.name for p in found) == [
        "Казанский федеральный университет",
        "Томский политехнический университет",
    ]
    assert all(len(p.name_for("en")) <= 250 for p in found)
    agreements, _ = await partners.agreements(news_ids=[news_id], limit=5)
    assert [a.parties for a in agreements] == [("Казанский федеральный университет",)]


# One long capitalised word (a page of base64, a URL run together): the co-subject patterns
# ("X and SPbPU signed", «X и Политех подписали») backtracked inside it, quadratically (an
# English page: ~30 s CPU at 30,000 letters; a Russian one ~6 s).
OPENING_EN = "SPbPU and Tsinghua University signed an agreement on cooperation. "
LONG_WORDS = {
    "en word": (OPENING_EN + "B" + "a" * SIZE, "en"),
    "en word and SPbPU": (OPENING_EN + "B" + "a" * SIZE + " and SPbPU", "en"),
    "ru word": (OPENING + "Б" + "а" * SIZE, "ru"),
}


@pytest.mark.timeout(12)
@pytest.mark.parametrize("case", list(LONG_WORDS), ids=list(LONG_WORDS))
def test_a_long_capitalised_word_takes_no_time(extractor: Extractor, case: str) -> None:
    text, lang = LONG_WORDS[case]
    result = extractor.extract(ArticleInput(id="h", title="News", text=text, lang=lang))
    names = [p.name for p in result.partners]
    assert ("Tsinghua University" if lang == "en" else "Казанский федеральный университет") in names
    assert all(len(name) <= 250 for name in names)


@pytest.mark.timeout(2)
def test_keys_of_a_long_word_take_no_time() -> None:
    """The registry's keys of a name that is one 20,000-letter word (a name from any source
    but the extractor, which drops it): finding its abbreviations was quadratic, 3.5 s."""
    from bot.facts.matching import cross_key

    long = cross_key("Тестовский " + "а" * 20_000 + " университет")
    assert long != cross_key("Тестовский университет")  # the word still counts
