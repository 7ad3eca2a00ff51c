"""A card's country follows what its articles say: a country read in the text (a city, a nation's
adjective, a well-known organisation's entry) outweighs a guess, the most articles' read country
wins, and an operator's country wins over all and survives `reextract`. Scripted facts and
invented articles go through the real registry merge, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.facts.extraction import PartnerFact
from bot.facts.service import ExtractionWorker
from storage.db import Database
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from tests.conftest import ADMIN, App, draft
from tests.test_registry import ScriptedWorker, curated, exported, press, rebuilt, registry
from tests.test_registry_ru import ingest, lines

pytestmark = pytest.mark.both_engines
__all__ = ["curated"]  # the operator's app fixture, shared with tests/test_registry.py


def uni(name: str, country: str | None, *, guessed: bool = False) -> PartnerFact:
    """A university as one article gives it; `guessed`: no word of the text placed it."""
    return PartnerFact(name, None, (), country, "university", country_guessed=guessed)


async def add_articles(db: Database, titles: list[str]) -> None:
    """Articles titled so (the scripted extractor's facts follow the title), each its own."""
    [feed] = await FeedRepository(db).ensure(["http://site.test/rss"])
    for title in titles:
        item = draft(title, title, body=f"Текст новости {title}: {len(title) * title}.",
                     link=f"https://site.test/news/{title}/")  # fmt: skip
        await NewsRepository(db).add_new(feed.id, [item], announce=True)


async def cards(db: Database, script: dict[str, list[PartnerFact]]) -> list[Any]:
    await add_articles(db, list(script))
    partners, _ = await registry(db, script)
    return list(await exported(partners))


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    pool = ExtractionWorker()
    yield pool
    pool.close()


async def test_a_guessed_country_gives_way_to_the_country_later_articles_read(
    db: Database,
) -> None:
    rows = await cards(
        db,
        {
            "a1": [uni("Университет Тестбурга", "RU", guessed=True)],
            "a2": [uni("Университет Тестбурга", "DE")],
            "a3": [uni("Университет Тестбурга", "DE")],
        },
    )
    assert [(r.name, r.country, r.mentions) for r in rows] == [("Университет Тестбурга", "DE", 3)]


async def test_one_read_country_outweighs_several_guesses(db: Database) -> None:
    rows = await cards(
        db,
        {
            "b1": [uni("Университет Нордланда", "RU", guessed=True)],
            "b2": [uni("Университет Нордланда", "RU", guessed=True)],
            "b3": [uni("Университет Нордланда", "NO")],
        },
    )
    assert [(r.country, r.mentions) for r in rows] == [("NO", 3)]


async def test_a_country_read_first_is_kept_against_later_guesses(db: Database) -> None:
    rows = await cards(
        db,
        {
            "d1": [uni("Университет Вестмарка", "FI")],
            "d2": [uni("Университет Вестмарка", "RU", guessed=True)],
            "d3": [uni("Университет Вестмарка", "RU", guessed=True)],
        },
    )
    assert [(r.country, r.mentions) for r in rows] == [("FI", 3)]


async def test_an_operators_country_wins_over_what_articles_read_and_survives_reextraction(
    curated: tuple[App, ScriptedWorker],
) -> None:
    app, scripted = curated
    db = app.services.news.db
    script = {"e1": [uni("Институт Тестовой Оптики", "DE")]}
    await add_articles(db, list(script))
    scripted.script = script
    partners, _ = await registry(db, script)
    await app.ask("/curate country Институт Тестовой Оптики => Австрия", chat_id=ADMIN)
    await press(app, "Да, применить")
    # Two later articles read Germany: the operator's Austria stays.
    script |= {
        "e2": [uni("Институт Тестовой Оптики", "DE")],
        "e3": [uni("Институт Тестовой Оптики", "DE")],
    }
    await add_articles(db, ["e2", "e3"])
    scripted.script = script
    await registry(db, script)
    assert [(r.country, r.mentions) for r in await exported(partners)] == [("AT", 3)]
    await rebuilt(app, partners, script)
    assert [(r.country, r.mentions) for r in await exported(partners)] == [("AT", 3)]


async def test_an_article_that_guessed_russia_does_not_keep_a_german_university_russian(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и Университет Баухаус откроют летнюю школу",
         "СПбПУ и Университет Баухаус подписали соглашение о летней школе по архитектуре и "
         "дизайну. Студенты двух вузов будут работать над общими проектами."),
        ("Студенты Политеха проведут семестр в Университете Баухаус",
         "Немецкий Университет Баухаус примет студентов СПбПУ на семестр по обмену. Соглашение "
         "об обмене подписано в Веймаре (Германия)."),
        ("Архитекторы Политеха и Университета Баухаус построят павильон",
         "Студенты СПбПУ и Университета Баухаус (Германия) построят экспериментальный павильон "
         "из дерева. Проект поддержал немецкий фонд академических обменов."),
    )  # fmt: skip
    bauhaus = [line for line in lines(reply) if "Баухаус" in line]
    assert len(bauhaus) == 1 and bauhaus[0].endswith("— 3"), reply
    assert "🇩🇪" in bauhaus[0] and "🇷🇺" not in bauhaus[0], reply


async def test_a_name_given_in_two_scripts_joins_the_card_its_country_places_not_a_guessed_one(
    db: Database,
) -> None:
    """A Russian form one article left unplaced (a guessed Russia) and the English form another
    placed in India are two cards; an article giving both forms and India joins India's."""
    rows = await cards(
        db,
        {
            "g1": [uni("Lorvik Professional University", "IN")],
            "g2": [uni("Профессиональный университет Лорвик", "RU", guessed=True)],
            "g3": [
                PartnerFact(
                    "Профессиональный университет Лорвик",
                    "Lorvik Professional University",
                    ("LRPU",),
                    "IN",
                    "university",
                )  # fmt: skip
            ],
        },
    )
    placed = [r for r in rows if r.country == "IN"]
    assert [(r.name_en, r.mentions) for r in placed] == [("Lorvik Professional University", 2)], (
        rows
    )


async def test_a_guess_does_not_join_two_companies_of_one_brand_and_two_legal_forms(
    db: Database,
) -> None:
    """A "Polymer LLC" an English text left unplaced (guessed Russia) is no "Polymer GmbH" of
    Germany: a guessed country parts nothing, but two legal forms do."""
    co = "company"
    rows = await cards(
        db,
        {
            "p1": [PartnerFact("Polymer LLC", None, (), "RU", co, country_guessed=True)],
            "p2": [PartnerFact("Polymer GmbH", None, (), "DE", co)],
            "p3": [PartnerFact("ООО «Полимер»", "Polymer LLC", (), "RU", co)],
        },
    )
    assert sorted((r.name_en, r.country, r.mentions) for r in rows) == [
        ("Polymer GmbH", "DE", 1), ("Polymer LLC", "RU", 2)
    ], rows  # fmt: skip
