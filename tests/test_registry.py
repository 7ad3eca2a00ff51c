"""The registry a user browses: merging that never joins two organisations nor splits one,
stable partner ids across re-extraction, operators' corrections (Telegram and file), exports.

The extractor is scripted here (its output per article title is the test's input); storage,
the facts service, the dispatcher and the Bot API round trip are the real ones.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from aiogram import Bot

from bot.app import build_dispatcher
from bot.config import Settings
from bot.delivery.audience import Audience
from bot.facts.curation import Curator
from bot.facts.extraction import AgreementFact, ArticleInput, Extraction, PartnerFact
from bot.facts.matching import cross_key, match_key
from bot.facts.service import ExtractionWorker, FactsService
from bot.ingest.feeds import HttpFetcher
from bot.ingest.poll import Ingestor
from bot.reports.export import partners_rows
from bot.services import Services, open_services
from storage.chats import ChatRepository
from storage.db import Database
from storage.digests import DigestRepository
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository
from storage.partners import Partner, PartnerInput, PartnerRepository
from storage.reports import ReportRepository
from tests.conftest import ADMIN, App, draft, settings_on, until
from tests.fakes.bot_api import FakeBotAPI
from tests.test_cli import run_cli
from tests.test_lookup import buttons

pytestmark = pytest.mark.both_engines


async def exported(partners: PartnerRepository) -> list[SimpleNamespace]:
    """The registry as `python -m bot export partners` writes it, one card per partner."""
    rows = await partners_rows(ReportRepository(partners.db))
    return [SimpleNamespace(**{**row, "aliases": tuple(row["aliases"])}) for row in rows]


Script = dict[str, list[PartnerFact]]


def org(
    name: str,
    name_en: str | None = None,
    *aliases: str,
    country: str | None = "RU",
    kind: str = "company",
) -> PartnerFact:
    return PartnerFact(name, name_en, tuple(aliases), country, kind)


class ScriptedWorker(ExtractionWorker):
    """Facts by article title, from a script the test may change between extractions."""

    def __init__(self, script: Script, signed: dict[str, str] | None = None) -> None:
        super().__init__()
        self.script = script
        self.signed = signed or {}

    async def extract(self, article: ArticleInput) -> Extraction:
        facts = tuple(self.script.get(article.title, []))
        agreements = tuple(
            AgreementFact("agreement", (f.name,), None, None, self.signed.get(article.title))
            for f in facts[:1]
            if article.title in self.signed
        )
        return Extraction(article.id, bool(facts), facts, agreements)


async def add_articles(db: Database, titles: list[str]) -> dict[str, int]:
    feeds, news = FeedRepository(db), NewsRepository(db)
    [feed] = await feeds.ensure(["http://site.test/rss"])
    ids = {}
    for n, title in enumerate(titles):
        [news_id] = await news.add_new(
            feed.id,
            [draft(f"k{n}", title, body="Текст.", link=f"https://site.test/news/{n}/")],
            announce=True,
        )
        ids[title] = news_id
    return ids


async def registry(db: Database, script: Script) -> tuple[PartnerRepository, FactsService]:
    partners = PartnerRepository(db)
    worker = ScriptedWorker(script)
    facts = FactsService(worker, NewsRepository(db), partners)
    await facts.process_pending()
    worker.close()
    return partners, facts


async def rebuilt(
    app: App, partners: PartnerRepository, script: Script, curation: Path | None = None
) -> None:
    """`reextract` with the scripted extractor: every fact forgotten and extracted again, after
    the curation file is read when one is given (as `python -m bot reextract` does)."""
    worker = ScriptedWorker(script)
    try:
        facts = FactsService(worker, app.services.news, partners)
        if curation is not None:
            await facts.load_curation(curation)
        await facts.rebuild()
    finally:
        worker.close()


def curation_file(tmp_path: Path, *lines: dict[str, str]) -> Path:
    """A curation file (CURATION_PATH) of these corrections, one JSON object a line."""
    path = tmp_path / "curation.jsonl"
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    path.write_text(text, encoding="utf-8")
    return path


async def curated_registry(app: App, scripted: ScriptedWorker, script: Script) -> PartnerRepository:
    """The articles of `script` (titled by its keys) stored and extracted; the curated app's
    own extractor follows the same script."""
    db = app.services.news.db
    await add_articles(db, list(script))
    scripted.script = script
    partners, _ = await registry(db, script)
    return partners


async def cards(db: Database, script: Script) -> list[SimpleNamespace]:
    """The exported registry after each article of `script` (titled by its key) is extracted."""
    await add_articles(db, list(script))
    partners, _ = await registry(db, script)
    return await exported(partners)


async def names(partners: PartnerRepository) -> list[list[str]]:
    """Every registry card as [name, *aliases], sorted, for comparing whole registries."""
    rows = await exported(partners)
    return sorted([r.name, *sorted(r.aliases)] for r in rows)


async def test_look_alikes_stay_apart(db: Database) -> None:
    script = {
        "t1": [org("Газпром", "Gazprom")],
        "t2": [org("Газпром нефть", "Gazprom Neft", "Газпром")],  # a parent's name as alias
        "t3": [org("Сианьский технологический университет", None, country="CN",
                   kind="university")],
        "t4": [org("Сианьский университет науки и технологий", None, country="CN",
                   kind="university")],
        "t5": [org("Министерство науки и высшего образования", None, kind="government")],
        "t6": [org("Федеральное агентство по делам молодёжи", None, kind="government")],
        "t7": [org("Университет ИТМО", "ITMO University", "Политех", "СПбПУ", "Делегация",
                   kind="university")],
        "t8": [org("Политехнический университет", None, kind="university")],
        "t9": [org("Институт энергетики СПбПУ", None, "Energy Institute", kind="research")],
        "t14": [org("Санкт-Петербурский политехнический университет", None, "СПГПУ",
                    kind="university")],
        "t15": [org("Вузы Тестовой области", None, kind="university")],
        # Events and prizes are no organisations.
        "t16": [org("Международная неделя робототехники", None, kind="other")],
        "t17": [org("Robotics Award", "Robotics Award", kind="other")],
        # A person's title is no organisation.
        "t18": [org("Deputy Prime Minister", "Deputy Prime Minister", kind="government")],
        "t19": [org("Ректор Тестового университета", None, kind="university")],
        "t10": [org("Chinese University", "Chinese University", country="CN",
                    kind="university")],
        # Technical and technological universities of one city are two.
        "t11": [org("Kazan National Research Technical University", None, kind="university")],
        "t12": [org("Казанский национальный исследовательский технологический университет",
                    None, kind="university")],
        "t13": [org("Kazan National Research Technological University", None,
                    kind="university")],
    }  # fmt: skip
    await add_articles(db, list(script))
    partners, _ = await registry(db, script)
    cards = await names(partners)
    assert [c[0] for c in cards] == sorted(
        [
            "Газпром",
            "Газпром нефть",
            "Сианьский технологический университет",
            "Сианьский университет науки и технологий",
            "Министерство науки и высшего образования",
            "Федеральное агентство по делам молодёжи",
            "Университет ИТМО",
            "Kazan National Research Technical University",
            "Казанский национальный исследовательский технологический университет",
        ]
    )
    # The university itself is never an alias of anything, nor a partner.
    assert all(alias not in {"Политех", "СПбПУ", "Делегация"} for card in cards for alias in card)
    neft = next(c for c in cards if c[0] == "Газпром нефть")
    assert "Газпром" not in neft


async def test_namesake_abbreviations_stay_apart(db: Database) -> None:
    """Two universities of one abbreviation told apart by their eponyms, or by the end of the
    abbreviation («ГА»: civil aviation), are two cards; the same eponym still meets its full
    name."""
    script = {
        "t1": [org("МГТУ им. Н. Э. Баумана", None, kind="university")],
        "t2": [org("МГТУ им. Г. И. Носова", None, kind="university")],
        "t3": [org("Московский государственный технический университет имени Н. Э. Баумана",
                   None, kind="university")],
        "t4": [org("СПбГУ ГА", None, kind="university")],
        "t5": [org("МГТУ ГА", None, kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    by_count = sorted((r.mentions, r.name) for r in rows)
    assert len(rows) == 4, by_count
    assert [r.mentions for r in rows if "Носова" in r.name] == [1], by_count
    assert [r.mentions for r in rows if "Баумана" in r.name] == [2], by_count
    assert [r.name for r in rows if r.name.endswith(" ГА")] != [], by_count
    assert all(r.mentions == 1 for r in rows if r.name.endswith(" ГА")), by_count


async def test_forms_of_one_name_meet(db: Database) -> None:
    script = {
        "t1": [org("Университет Цинхуа", "Tsinghua University", country="CN", kind="university")],
        "t2": [org("университета Цинхуа", None, country="CN", kind="university")],
        "t3": [org("Tsinghua University", "Tsinghua University", country="CN",
                   kind="university")],
        "t4": [org("Чжэцзянский университет", None, country="CN", kind="university")],
        "t5": [org("«Чжецзянский университет»", None, country="CN", kind="university")],
        "t6": [org("Российско\u2011Армянский университет", None, "РАУ", country="AM",
                   kind="university")],
        "t7": [org("Российско-Армянский университет", None, country="AM", kind="university")],
        "t8": [org("Кыргызско-Российский Славянский университет имени Б. Ельцина", None,
                   country="KG", kind="university")],
        "t9": [org("Кыргызско-Российский Славянский университет", None, country="KG",
                   kind="university")],
        "t10": [org("Technische Universität Berlin", None, country="DE", kind="university")],
        "t11": [org("Technical University of Berlin", None, country="DE", kind="university")],
        "t12": [org("Мадридский политехнический университет", None, country="ES",
                    kind="university")],
        "t13": [org("Madrid Polytechnic University", None, country="ES", kind="university")],
        "t14": [org("Госкорпорация «Росатом»", None)],
        "t15": [org("Rosatom State Corporation", None)],
    }  # fmt: skip
    rows = await cards(db, script)
    assert len(rows) == 7, [r.name for r in rows]
    by_name = {r.name: r for r in rows}
    assert by_name["Университет Цинхуа"].mentions == 3
    assert by_name["Университет Цинхуа"].name_en == "Tsinghua University"
    assert by_name["Российско-Армянский университет"].mentions == 2  # the hyphen was U+2011


async def test_a_branch_does_not_take_its_parents_english_name(db: Database) -> None:
    """An English reader saw a regional branch of an academy of sciences under the academy's
    own English name (the only English form its article gave), and the academy's own article
    then landed on the branch's card: a branch («отделение», «филиал») is a unit of the
    organisation in the genitive after it, so the parent's English name is not the branch's."""
    script = {
        "t1": [org("Приморское отделение Нордвальдской академии наук",
                   "Nordwald Academy of Sciences", "NAS", country="DE", kind="research")],
        "t2": [org("Нордвальдская академия наук", "Nordwald Academy of Sciences", country="DE",
                   kind="research")],
        "t3": [org("NAS", None, country="DE", kind="research")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.name_en) for r in rows if r.name != "NAS") == [
        ("Нордвальдская академия наук", "Nordwald Academy of Sciences"),
        ("Приморское отделение Нордвальдской академии наук", None),  # and its own card
    ]
    branch = next(r for r in rows if r.name.startswith("Приморское"))
    # The academy's initials are not the branch's: its later article under them stays off.
    assert "NAS" not in branch.aliases and branch.mentions == 1, branch


async def test_a_translation_given_in_one_article_joins_the_card_of_another(
    db: Database,
) -> None:
    script = {
        "t1": [org("Technische Universität Berlin", None, country="DE", kind="university")],
        # Another English wording, with the Russian name beside it: that name is the first
        # card's name in Cyrillic letters.
        "t2": [org("Berlin University of Technology", None, "Берлинский технический университет",
                   country="DE", kind="university")],
        "t3": [org("Universidade de Brasília", None, country="BR", kind="university")],
        "t4": [org("Universidade de Brasilia", None, country="BR", kind="university")],
        "t5": [org("Hamburg University", None, "Гамбургский университет", country="DE",
                   kind="university")],
        # A short form beside a fuller name bridges nothing: two universities of one city.
        "t6": [org("Hamburg Pedagogical University", None, "Гамбургский университет",
                   country="DE", kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Hamburg Pedagogical University", 1),
        ("Hamburg University", 1),
        ("Technische Universität Berlin", 2),
        ("Universidade de Brasília", 2),
    ]


async def test_a_joint_unit_is_its_university_and_chinese_names_meet_across_scripts(
    db: Database,
) -> None:
    script = {
        "t1": [org("Shandong University", None, country="CN", kind="university")],
        "t2": [org("Совместный научный центр Шаньдунского университета", None, country="CN",
                   kind="research")],
        "t3": [org("Лаборатория материалов Университета Тестхуа", None, country="CN",
                   kind="research")],
        "t4": [org("Университет Тестхуа", None, country="CN", kind="university")],
        "t6": [org("Board of Shandong University", None, country="CN", kind="other")],
        # A plant of a holding is an organisation of its own.
        "t5": [org("Опытный завод холдинга «Тестмаш»", None)],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ('Опытный завод холдинга "Тестмаш"', 1),
        ("Университет Тестхуа", 2),
        ("Шаньдунский университет", 3),
    ]


async def test_a_school_named_without_its_specialty_is_another_school(db: Database) -> None:
    """A pedagogical university given with a plain university's English name is not that
    university: the English name is dropped, so the plain one keeps a card of its own; the
    province's type word, "Normal" and "of Education" are the pedagogical one's forms."""
    script = {
        "a": [org("Педагогический университет провинции Тестоу", "Testou University",
                  "Тестоуский университет", "TNU", country="CN", kind="university")],
        "b": [org("Testou University", None, country="CN", kind="university")],
        "c": [org("Testou Normal University", None, country="CN", kind="university")],
        "d": [org("Testou University of Education", None, country="CN", kind="university")],
        "e": [org("Тестоуский педагогический университет", None, country="CN",
                  kind="university")],
        "f": [org("Testou Medical University", None, "Тестоуский университет", country="CN",
                  kind="university")],
        # «образования» is "of Education": a translation, kept.
        "g": [org("Институт образования Тестоу", "Institute of Education Testou", country="CN",
                  kind="research")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.name_en, r.mentions) for r in rows) == [
        ("Testou Medical University", "Testou Medical University", 1),
        ("Testou University", "Testou University", 1),
        ("Институт образования Тестоу", "Institute of Education Testou", 1),
        ("Педагогический университет провинции Тестоу", "Testou Normal University", 4),
    ]


async def test_a_name_with_a_second_place_joined_by_a_hyphen_is_the_renamed_card(
    db: Database,
) -> None:
    """A university renamed with a second city joined to the first ("X-Y University of
    Technology") stays on its card when the article gives the same alias; with no alias in
    common, or a word of its own that is not joined, it is another card."""
    script = {
        "a": [org("Testeranta University of Technology", None, "TUTE", country="FI",
                  kind="university")],
        "b": [org("Testeranta-Probi University of Technology", None, "TUTE", country="FI",
                  kind="university")],
        "c": [org("Testeranta Northern University of Technology", None, "TUTE", country="FI",
                  kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Testeranta Northern University of Technology", 1),
        ("Testeranta University of Technology", 2),
    ]


async def test_a_state_academy_of_sciences_meets_its_adjective_form(db: Database) -> None:
    """«Тестландская академия наук» is the "National Academy of Sciences of the Republic of
    Testland": the state's type word and "National" of an academy of sciences do not count;
    an academy of social sciences is another academy."""
    script = {
        "a": [org("National Academy of Sciences of the Republic of Testland", None,
                  "Национальная академия наук Республики Тестландия", country="AM",
                  kind="research")],
        "b": [org("Тестландская академия наук", None, country="AM", kind="research")],
        "c": [org("Тестландская академия социальных наук", None, country="AM",
                  kind="research")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Тестландская академия наук", 2),
        ("Тестландская академия социальных наук", 1),
    ]


async def test_a_name_pieced_together_twice_gives_way_to_a_form_the_article_gives(
    db: Database,
) -> None:
    """A name with three words repeated ("Testing QO RA ... Testing QO RA") is shown as the
    fullest clean form the article gives; a name repeating two words is a name as written."""
    script = {
        "a": [org("Testing QO RA Institute of New Tests Testing QO RA", None,
                  "Testing QO RA New Tests Institute", "Testing QO RA", country="CN",
                  kind="research")],
        "b": [org("Tea Road Alliance of Tea Road Colleges", None, "Tea Road Alliance",
                  country="CN", kind="other")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.name_en) for r in rows) == [
        ("Tea Road Alliance of Tea Road Colleges", "Tea Road Alliance of Tea Road Colleges"),
        ("Testing QO RA New Tests Institute", "Testing QO RA New Tests Institute"),
    ]


async def test_an_event_named_for_its_organiser_is_the_organiser(db: Database) -> None:
    """A fact named by an event ("X Partnership Forum", "X Winter Design University") is its
    organiser under the form that names no event; an event alone is no card."""
    script = {
        "a": [org("TSU Partnership Forum", "Testor University", "TSU", country="FI",
                  kind="university")],
        "b": [org("Testor Winter Design University", None, "Testor University", country="FI",
                  kind="university")],
        "c": [org("Testor University", None, country="FI", kind="university")],
        "d": [org("Квазарская летняя школа", None, country="KZ", kind="other")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert [(r.name, r.name_en, r.aliases, r.mentions) for r in rows] == [
        ("Testor University", "Testor University", ("TSU",), 3)
    ]


async def test_a_unit_does_not_keep_its_parents_names_as_aliases(db: Database) -> None:
    """An English unit's name "... of the Testland Academy of Sciences" given with the
    academy's abbreviation and Russian name: those are the academy's, so a later article
    about the academy opens the academy's card instead of joining the unit's."""
    script = {
        "a": [org("Research Center for Test Materials of the Testland Academy of Sciences",
                  None, "TAS", "Тестландская академия наук", "Центр тестовых материалов",
                  country="AM", kind="research")],
        "b": [org("Тестландская академия наук", None, country="AM", kind="research")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.aliases, r.mentions) for r in rows) == [
        ("Research Center for Test Materials of the Testland Academy of Sciences",
         ("Центр тестовых материалов",), 1),
        ("Тестландская академия наук", (), 1),
    ]  # fmt: skip


async def test_a_country_given_beside_a_name_is_no_alias(db: Database) -> None:
    """«... университет (КНР)»: the bracket says where, not what; as an alias it would make
    every later article naming the country a mention of the university."""
    script = {
        "a": [org("Тестоградский университет инженерных наук", None, "КНР", "ТУИН",
                  country="CN", kind="university")],
        "b": [org("Testgrad University", None, "China", "Germany", country="CN",
                  kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.aliases) for r in rows) == [
        ("Testgrad University", ()),
        ("Тестоградский университет инженерных наук", ("ТУИН",)),
    ]


async def test_mixed_alphabets_and_roman_numerals_do_not_split_a_card(db: Database) -> None:
    """A Russian word typed with a Latin look-alike letter is the Russian word (and shown
    so); a roman numeral does not keep a name's two scripts apart."""
    script = {
        "a": [org("Тестоу\u0441кий институт новых материалов", None, country="CN",
                  kind="research")],
        "b": [org("Тестоуcкий институт новых материалов", None, country="CN", kind="research")],
        "c": [org("University Felipe IV of Testora", None, country="ES", kind="university")],
        "d": [org("Университет Фелипе IV в Тесторе", None, country="ES", kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Тестоуский институт новых материалов", 2),
        ("Университет Фелипе IV в Тесторе", 2),
    ]


async def test_a_fuller_name_with_the_city_is_kept_as_an_alias(db: Database) -> None:
    """An alias that is the name with its city added ("Universidad Felipe Testo de Madrid" of
    "Felipe Testo University") is the same organisation's fuller name: kept, so an article
    giving the fuller name meets the card; a word that is no place is another organisation."""
    script = {
        "a": [org("Felipe Testo University", None, "Universidad Felipe Testo de Madrid",
                  "Felipe Testo Nova University", country="ES", kind="university")],
        "b": [org("University Felipe Testo of Madrid", None, country="ES", kind="university")],
        "c": [org("Felipe Testo Nova University", None, country="ES", kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.aliases, r.mentions) for r in rows) == [
        ("Felipe Testo Nova University", (), 1),
        ("Felipe Testo University", ("Universidad Felipe Testo de Madrid",), 2),
    ]


async def test_a_name_joined_with_the_university_by_a_dash_is_the_partners(
    db: Database,
) -> None:
    """«Квазарский университет – Политех» (a joint title) names the partner alone; a dash
    between two outside names is left as written."""
    script = {
        "a": [org("Квазарский университет – Политех", None, country="KZ", kind="university")],
        "b": [org("Квазарский университет", None, country="KZ", kind="university")],
        "c": [org("Тестнефть - Промышленные тесты", None)],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Квазарский университет", 2),
        ("Тестнефть - Промышленные тесты", 1),
    ]


async def test_saint_petersburg_meets_across_scripts_and_without_saint(db: Database) -> None:
    """«Санкт-Петербургский» is "Saint Petersburg" and "St. Petersburg", and «Петербурга»
    without «Санкт-»; a university of the city with a word of its own is another."""
    script = {
        "a": [org("Санкт-Петербургский государственный университет", None,
                  kind="university")],
        "b": [org("St. Petersburg State University", None, kind="university")],
        "c": [org("Saint Petersburg State University", None, kind="university")],
        "d": [org("Правительство Санкт-Петербурга", None, kind="government")],
        "e": [org("Правительство Петербурга", None, kind="government")],
        "f": [org("Санкт-Петербургский государственный экономический университет", None,
                  kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Правительство Санкт-Петербурга", 2),
        ("Санкт-Петербургский государственный университет", 3),
        ("Санкт-Петербургский государственный экономический университет", 1),
    ]


async def test_a_chinese_name_written_by_syllables_meets_its_one_word_forms(db: Database) -> None:
    """ "Fujian Jiao Tong University" is «Фуцзяньский университет Цзяотун» and "Fujian Jiaotong
    University" (the syllables were too short to compare one by one, so the English form with
    spaces opened a card of its own); a short word before a type word still tells nothing."""
    script = {
        "a": [org("Фуцзяньский университет Цзяотун", None, country="CN", kind="university")],
        "b": [org("Fujian Jiao Tong University", None, country="CN", kind="university")],
        "c": [org("Fujian Jiaotong University", None, country="CN", kind="university")],
        "d": [org("Fujian Ke University", None, country="CN", kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Fujian Ke University", 1),
        ("Фуцзяньский университет Цзяотун", 3),
    ]


def test_a_peoples_adjective_unlike_its_countrys_name_is_read_as_that_country() -> None:
    """ "French" / «Французский», "British", «Немецкий» name their countries in a joined pair
    (they do not begin as "France", "Great Britain", "Germany" do); two cities do not."""
    assert cross_key("Russian-French Kvazar Institute") == cross_key(
        "Российско-Французский институт Квазар"
    )
    assert "cc:FR" in cross_key("Russian-French Kvazar Institute")
    assert "cc:DE" in cross_key("Российско-Немецкий институт Квазар")
    assert "cc:GB" in cross_key("Russian-British Kvazar Institute")
    assert "cc:" not in cross_key("Moscow-Beijing Kvazar Institute")


async def test_a_body_of_two_countries_meets_across_scripts(db: Database) -> None:
    """A bilateral university named by two joined place adjectives is one card in both
    scripts («Квазарско-Российский университет» / "Kvazar-Russian University" would not meet
    before: the adjectives' spellings differ), with a region in place of a country and a
    network or Slavonic university; a body of another pair, or of another type, stays apart."""
    script = {
        "a": [org("Российско-Армянский университет", None, country="AM", kind="university")],
        "b": [org("Russian-Armenian University", None, country="AM", kind="university")],
        "c": [org("Российско-африканский сетевой университет", None, kind="university")],
        "d": [org("Russian-African Network University", None, kind="university")],
        "e": [org("Кыргызско-Российский Славянский университет", None, country="KG",
                  kind="university")],
        "f": [org("Kyrgyz-Russian Slavonic University", None, country="KG", kind="university")],
        "g": [org("Российско-Таджикский университет", None, country="TJ", kind="university")],
        "h": [org("Russian-Armenian Medical University", None, country="AM",
                  kind="university")],
        # Two cities joined are no pair of countries: not the Sino-Russian institute.
        "i": [org("Sino-Russian Kvazar Institute", None, country="CN", kind="research")],
        "j": [org("Moscow-Beijing Kvazar Institute", None, country="CN", kind="research")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Moscow-Beijing Kvazar Institute", 1),
        ("Russian-Armenian Medical University", 1),
        ("Sino-Russian Kvazar Institute", 1),
        ("Кыргызско-Российский Славянский университет", 2),
        ("Российско-Армянский университет", 2),
        ("Российско-Таджикский университет", 1),
        ("Российско-африканский сетевой университет", 2),
    ]


async def test_bodies_of_one_pair_of_countries_stay_apart_by_their_other_words(
    db: Database,
) -> None:
    """The cross-script key reads a joined pair as two places, in either order: the Chinese-
    Russian institutes of two universities, an institute and a university of the pair, and two
    universities with one Chinese word ("Jiaotong", written by syllables or not) stay apart;
    only each one's own forms in both scripts meet."""
    university = {"country": "CN", "kind": "university"}
    script = {
        "a": [org("Sino-Russian Institute of Dalian University", None, **university)],
        "b": [org("Russian-Chinese Institute of Shanghai University", None, **university)],
        "c": [org("Russian-Chinese Institute of Dalian Jiaotong University", None,
                  **university)],
        "d": [org("Russian-Chinese Institute of Harbin Engineering University", None,
                  **university)],
        "e": [org("Sino-Russian Joint University", None, **university)],
        "f": [org("Sino-Russian Joint Institute", None, **university)],
        "g": [org("Shanghai Jiao Tong University", None, **university)],
        "h": [org("Шанхайский университет Цзяотун", None, **university)],
        "i": [org("Xi'an Jiaotong-Liverpool University", None, **university)],
        "j": [org("Xi'an Jiaotong University", None, **university)],
        "k": [org("Dalian Jiaotong University", None, **university)],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Dalian Jiaotong University", 1),
        ("Russian-Chinese Institute of Dalian Jiaotong University", 1),
        ("Russian-Chinese Institute of Harbin Engineering University", 1),
        ("Russian-Chinese Institute of Shanghai University", 1),
        ("Sino-Russian Institute of Dalian University", 1),
        ("Sino-Russian Joint Institute", 1),
        ("Sino-Russian Joint University", 1),
        ("Xi'an Jiaotong University", 1),
        ("Xi'an Jiaotong-Liverpool University", 1),
        ("Шанхайский университет Цзяотун", 2),
    ]


async def test_subscription_keeps_its_partner_across_reextraction(app: App) -> None:
    """Re-extraction used to delete every partner and number them again from 1, so a chat
    following Siemens followed whoever came first the next time (here Huawei)."""
    db = app.services.news.db
    script = {"a": [org("Siemens", "Siemens", country="DE")], "b": [org("Huawei", "Huawei",
              country="CN")], "c": []}  # fmt: skip
    await add_articles(db, ["a", "b", "c"])
    partners, facts = await registry(db, script)
    assert "Siemens" in await app.ask("/subscribe partner Siemens")
    # The extractor changed: article a no longer names Siemens, c does.
    script.update(a=[], c=[org("Siemens", "Siemens", country="DE")])
    await rebuilt(app, partners, script)
    settled = await Curator(partners, app.services.chats, facts).settle()
    assert (settled.moved, settled.retired) == (0, 0)
    listing = await app.ask("/subscriptions")
    assert "Siemens" in listing and "Huawei" not in listing


async def test_subscription_to_a_partner_gone_is_retired_and_the_chat_told(app: App) -> None:
    db = app.services.news.db
    script = {"a": [org("Siemens", "Siemens", country="DE")]}
    await add_articles(db, ["a"])
    partners, facts = await registry(db, script)
    await app.ask("/subscribe partner Siemens")
    script["a"] = []
    await rebuilt(app, partners, script)
    settled = await Curator(partners, app.services.chats, facts).settle()
    assert settled.retired == 1
    assert "Подписок нет" in await app.ask("/subscriptions")
    notice = await db.fetchval("SELECT text FROM digests WHERE period LIKE 'notice:%'")
    assert "Siemens" in notice and "снята" in notice


@pytest.fixture
async def curated(
    db: Database, bot: Bot, api: FakeBotAPI, tmp_path: Path
) -> AsyncIterator[tuple[App, ScriptedWorker]]:
    """conftest's app, with a curator over a scripted extractor among its services."""
    settings = Settings(
        database_path=tmp_path / "unused.sqlite3",
        feed_urls=["http://127.0.0.1:9/"],
        admin_ids=frozenset({ADMIN}),
    )
    news, chats, partners = NewsRepository(db), ChatRepository(db), PartnerRepository(db)
    worker = ScriptedWorker({})
    facts = FactsService(worker, news, partners)
    async with HttpFetcher(user_agent="test") as fetcher:
        ingestor = Ingestor(
            urls=settings.feed_urls, interval=600, fetcher=fetcher, feeds=FeedRepository(db),
            news=news, audience=Audience(chats, partners), outbox=OutboxRepository(db),
        )  # fmt: skip
        services = Services(
            settings, news, chats, FeedRepository(db), OutboxRepository(db), partners,
            DigestRepository(db), ingestor, curator=Curator(partners, chats, facts),
        )  # fmt: skip
        dp = build_dispatcher(services)
        task = asyncio.create_task(
            dp.start_polling(bot, handle_signals=False, close_bot_session=False, polling_timeout=1)
        )
        try:
            yield App(api, services, dp, bot), worker
        finally:
            await dp.stop_polling()
            await asyncio.wait_for(task, 10)
            worker.close()


async def press(app: App, button_text: str, user_id: int = ADMIN, lang: str = "ru") -> str:
    message = app.api.sent_messages(user_id)[-1]
    rows = message.params["reply_markup"]["inline_keyboard"]
    data = next(b["callback_data"] for row in rows for b in row if b["text"] == button_text)
    before = len(app.api.calls_of("editMessageText"))
    app.api.push_callback_query(
        data,
        chat_id=user_id,
        user_id=user_id,
        message_id=message.result["message_id"],
        language_code=lang,
    )

    async def edited() -> bool:
        return len(app.api.calls_of("editMessageText")) > before

    await until(edited)
    call = app.api.calls_of("editMessageText")[-1]
    assert call.ok, call.error
    return call.rendered or ""


async def test_operator_merges_and_the_merge_survives_reextraction(
    curated: tuple[App, ScriptedWorker],
) -> None:
    app, scripted = curated
    db = app.services.news.db
    script = {
        "a": [org("Лейбниц университет Ганновера", None, country="DE", kind="university")],
        "b": [org("Leibnitz University of Hannover", None, country="DE", kind="university")],
    }
    await add_articles(db, ["a", "b"])
    scripted.script = script
    partners, _ = await registry(db, script)
    assert len(await exported(partners)) == 2  # a misspelling the keys cannot meet
    await app.ask("/subscribe partner Leibnitz", chat_id=55)
    refused = await app.ask("/curate merge Leibnitz => Лейбниц")  # chat 42: no operator
    assert "только для операторов" in refused
    ask = await app.ask("/curate merge Leibnitz => Лейбниц", chat_id=ADMIN, language_code="en")
    assert "Merge “Leibnitz University of Hannover”" in ask
    assert "into “Leibniz University Hannover”" in ask  # as the English reader's card names it
    done = await press(app, "Yes, apply", lang="en")
    assert "moved: 1" in done
    cards = await exported(partners)
    assert [(c.name, c.mentions) for c in cards] == [("Лейбниц университет Ганновера", 2)]
    assert "Лейбниц" in await app.ask("/subscriptions", chat_id=55)
    notice = await db.fetchval("SELECT text FROM digests WHERE chat_id = 55")
    assert "Leibnitz" in notice and "Лейбниц" in notice
    # A rebuild re-applies the stored correction.
    await rebuilt(app, partners, script)
    again = await exported(partners)
    assert [(c.id, c.name, c.mentions) for c in again] == [
        (cards[0].id, "Лейбниц университет Ганновера", 2)
    ]


async def test_a_merge_keeps_each_forum_topics_subscription(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """A forum's topics are separate feeds: a topic following the card merged away follows
    the merged card, even when another topic already follows it; in one topic the two
    subscriptions become one."""
    app, scripted = curated
    db = app.services.news.db
    script = {
        "a": [org("Лейбниц университет Ганновера", None, country="DE", kind="university")],
        "b": [org("Leibnitz University of Hannover", None, country="DE", kind="university")],
    }
    await add_articles(db, ["a", "b"])
    scripted.script = script
    partners, _ = await registry(db, script)
    group = -100779
    app.api.set_admins(group, [7])
    topic = {"chat_id": group, "user_id": 7, "chat_type": "supergroup", "is_topic_message": True}
    await app.ask("/subscribe partner Leibnitz", message_thread_id=61, **topic)
    await app.ask("/subscribe partner Лейбниц", message_thread_id=62, **topic)
    await app.ask("/subscribe partner Leibnitz", message_thread_id=63, **topic)
    await app.ask("/subscribe partner Лейбниц", message_thread_id=63, **topic)
    await app.ask("/curate merge Leibnitz => Лейбниц", chat_id=ADMIN)
    await press(app, "Да, применить")
    [target] = await exported(partners)
    subs = await app.services.chats.subscriptions(group)
    assert sorted((s.kind, s.value, s.thread_id) for s in subs) == [
        ("partner", str(target.id), 61), ("partner", str(target.id), 62),
        ("partner", str(target.id), 63),
    ]  # fmt: skip
    listed = await app.ask("/subscriptions", message_thread_id=61, **topic)
    assert "• партнёр «Лейбниц университет Ганновера» — в эту тему" in listed, listed


async def test_operator_hides_renames_and_sets_a_country(
    curated: tuple[App, ScriptedWorker],
) -> None:
    app, scripted = curated
    db = app.services.news.db
    script = {
        "a": [org("Делегацию Тестовой компании", None, country="RU")],
        "b": [org("Институт Тестовых Наук", None, country=None, kind="research")],
    }
    await add_articles(db, ["a", "b"])
    scripted.script = script
    partners, _ = await registry(db, script)
    await app.ask("/curate hide Делегацию Тестовой компании", chat_id=ADMIN)
    done = await press(app, "Да, применить")
    assert done.startswith("Готово: «Делегацию Тестовой компании»") and "скрыт" in done, done
    await app.ask("/curate country Институт Тестовых Наук => Казахстан", chat_id=ADMIN)
    await press(app, "Да, применить")
    await app.ask(
        "/curate rename Институт Тестовых Наук => Институт тестовых наук | Test Institute",
        chat_id=ADMIN,
    )
    assert "Отменено" in await press(app, "Отмена")
    asked = await app.ask(
        "/curate rename Институт Тестовых Наук => Институт тестовых наук | Test Institute",
        chat_id=ADMIN,
    )
    # The English name asked for is said before and after, not dropped in silence.
    assert asked.endswith("в «Институт тестовых наук / Test Institute»?"), asked
    done = await press(app, "Да, применить")
    assert done.endswith("называется «Институт тестовых наук / Test Institute»."), done
    card = await app.ask("/partners Test Institute")
    assert card.startswith("Институт тестовых наук\nTest Institute")
    assert "Казахстан" in card
    assert "Делегацию" not in await app.ask("/partners")
    await rebuilt(app, partners, script)
    rows = await exported(partners)
    assert [(r.name, r.name_en, r.country) for r in rows] == [
        ("Институт тестовых наук", "Test Institute", "KZ")
    ]


async def test_operator_brings_a_hidden_partner_back(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """A hide done by mistake is undone from Telegram: the partner is back with every article
    naming it, those extracted while it was hidden included, and stays back after a rebuild."""
    app, scripted = curated
    db = app.services.news.db
    first, second, later = (
        "Фонд Альфатест открыл лабораторию",
        "Сотрудничество с фондом Альфатест",
        "Фонд Альфатест и новая стажировка",
    )
    script = {t: [org("Фонд Альфатест", None, kind="other")] for t in (first, second, later)}
    await add_articles(db, [first, second])
    scripted.script = script
    partners, facts = await registry(db, script)
    assert await app.ask("/curate show", chat_id=ADMIN) == "Скрытых партнёров нет."
    await app.ask("/curate hide Фонд Альфатест", chat_id=ADMIN)
    await press(app, "Да, применить")
    worker = ScriptedWorker(script)
    try:
        await FactsService(worker, app.services.news, partners).rebuild()  # hidden: dropped
        [feed] = await FeedRepository(db).ensure(["http://site.test/rss"])
        await NewsRepository(db).add_new(
            feed.id,
            [draft("later", later, body="Текст.", link="https://site.test/later/")],
            announce=True,
        )
        await FactsService(worker, app.services.news, partners).process_pending()
    finally:
        worker.close()
    assert await exported(partners) == []
    [hidden] = await partners.hidden_partners()
    # Named again, the hidden one is said to be hidden (not a look-alike offered instead).
    again = await app.ask("/curate rename Фонд Альфатест => Фонд «Альфатест»", chat_id=ADMIN)
    assert again == f"«Фонд Альфатест» (#{hidden.id}) скрыт как не партнёр. Вернуть: " + (
        f"/curate show #{hidden.id}"
    ), again
    listed = await app.ask("/curate show", chat_id=ADMIN)
    assert listed.splitlines()[1:] == [f"#{hidden.id} Фонд Альфатест"], listed
    unknown = await app.ask("/curate show Фонд Бетатест", chat_id=ADMIN)
    assert unknown.startswith("Среди скрытых нет «Фонд Бетатест»"), unknown
    ask = await app.ask("/curate show фонд альфатест", chat_id=ADMIN)
    assert ask.startswith(f"Вернуть «Фонд Альфатест» (#{hidden.id}) в реестр"), ask
    done = await press(app, "Да, применить")
    assert done == f"Готово: «Фонд Альфатест» (#{hidden.id}) снова в реестре партнёров.", done
    assert [(c.id, c.mentions) for c in await exported(partners)] == [(hidden.id, 3)]
    assert "Альфатест" in await app.ask("/partners")
    gone = await app.ask(f"/curate show #{hidden.id}", chat_id=ADMIN)
    assert gone.startswith("Среди скрытых нет"), gone
    await rebuilt(app, partners, script)
    assert [(c.id, c.mentions) for c in await exported(partners)] == [(hidden.id, 3)]


async def test_a_show_brings_back_the_subscriptions_the_hide_retired(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """`/curate hide` retires the subscriptions to the partner (chats told); `/curate show`
    used to leave them gone. Now each comes back to its chat and topic, across a reextract
    in between, the chat is told, and the operator reads how many came back."""
    app, scripted = curated
    db = app.services.news.db
    script = {
        "Фонд Омегатест учредил премию": [org("Фонд Омегатест", None, kind="other")],
        "Бюро Сигматест приехало в кампус": [org("Бюро Сигматест", None, kind="other")],
    }
    partners = await curated_registry(app, scripted, script)
    group = -100781
    app.api.set_admins(group, [7])
    topic = {"chat_id": group, "user_id": 7, "chat_type": "supergroup", "is_topic_message": True}
    await app.ask("/subscribe partner Фонд Омегатест", chat_id=55)
    await app.ask("/subscribe partner Фонд Омегатест", message_thread_id=61, **topic)
    await app.ask("/subscribe partner Бюро Сигматест", message_thread_id=62, **topic)
    before = {c: await app.services.chats.subscriptions(c) for c in (55, group)}
    await app.ask("/curate hide Фонд Омегатест", chat_id=ADMIN)
    assert "снято: 2" in await press(app, "Да, применить")
    assert "Подписок нет" in await app.ask("/subscriptions", chat_id=55)
    # A reextract while it is hidden, as `python -m bot reextract` does it.
    await rebuilt(app, partners, script)
    assert app.services.curator is not None
    assert (await app.services.curator.settle()).restored == 0
    [hidden] = await partners.hidden_partners()
    await app.ask(f"/curate show #{hidden.id}", chat_id=ADMIN, language_code="en")
    done = await press(app, "Yes, apply", lang="en")
    assert done.endswith("is a partner again. Subscriptions restored: 2."), done
    after = {c: await app.services.chats.subscriptions(c) for c in (55, group)}
    shape = {
        c: sorted((s.kind, s.value, s.thread_id or 0) for s in subs) for c, subs in after.items()
    }
    assert shape == {
        c: sorted((s.kind, s.value, s.thread_id or 0) for s in subs) for c, subs in before.items()
    }
    assert "«Фонд Омегатест» — в эту тему" in await app.ask(
        "/subscriptions", message_thread_id=61, **topic
    )
    told = await db.fetchall(
        "SELECT d.chat_id, o.thread_id, d.text FROM digests d JOIN outbox o ON o.digest_id = d.id"
        " WHERE d.text LIKE '%возвращена%' ORDER BY d.chat_id"
    )
    assert [(r[0], r[1]) for r in told] == [(group, 61), (55, None)]
    assert all("Фонд Омегатест" in r[2] for r in told)
    # Nothing more comes back: a second hide and show bring back the same two, no more.
    await app.ask(f"/curate hide #{hidden.id}", chat_id=ADMIN)
    await press(app, "Да, применить")
    await app.ask(f"/curate show #{hidden.id}", chat_id=ADMIN)
    assert (await press(app, "Да, применить")).endswith("Подписок возвращено: 2.")
    assert await db.fetchval("SELECT COUNT(*) FROM retired_subscriptions") == 0


async def test_a_chat_that_unsubscribed_gets_nothing_back_from_a_show(
    curated: tuple[App, ScriptedWorker],
) -> None:
    app, scripted = curated
    script = {"Фонд Каппатест и летняя школа": [org("Фонд Каппатест", None, kind="other")]}
    await curated_registry(app, scripted, script)
    await app.ask("/subscribe partner Фонд Каппатест", chat_id=55)
    await app.ask("/curate hide Фонд Каппатест", chat_id=ADMIN)
    await press(app, "Да, применить")
    await app.ask("/unsubscribe", chat_id=55)
    await app.ask("/curate show Фонд Каппатест", chat_id=ADMIN)
    done = await press(app, "Да, применить")
    assert done.endswith("снова в реестре партнёров.") and "возвращено" not in done, done
    assert await app.services.chats.subscriptions(55) == []


async def test_a_partner_hidden_by_the_curation_file_is_shown_only_from_the_file(
    curated: tuple[App, ScriptedWorker],
) -> None:
    app, scripted = curated
    script = {"Фонд Гаммтест": [org("Фонд Гаммтест", None, kind="other")]}
    partners = await curated_registry(app, scripted, script)
    await partners.replace_file_corrections(
        [("hide", "Фонд Гаммтест", match_key("Фонд Гаммтест"), None, None)]
    )
    [row] = await partners.index()
    await partners.set_hidden(row.id, True)
    reply = await app.ask("/curate show Фонд Гаммтест", chat_id=ADMIN)
    assert reply.startswith("«Фонд Гаммтест» скрыт файлом правок (CURATION_PATH)"), reply
    assert await exported(partners) == []


async def test_a_partner_the_curation_file_hides_is_said_to_be_hidden_by_the_file(
    curated: tuple[App, ScriptedWorker], tmp_path: Path
) -> None:
    """A file hide drops the partner at the next extraction; `/curate show` names the file
    rather than saying no partner of that name is hidden."""
    app, scripted = curated
    db = app.services.news.db
    script = {"a": [org("Фонд Дельтатест", None, kind="other")]}
    await add_articles(db, list(script))
    scripted.script = script
    partners, facts = await registry(db, script)
    path = curation_file(tmp_path, {"action": "hide", "name": "Фонд Дельтатест"})
    await rebuilt(app, partners, script, curation=path)
    assert await exported(partners) == []
    reply = await app.ask("/curate show Фонд Дельтатест", chat_id=ADMIN)
    assert reply.startswith("«Фонд Дельтатест» скрыт файлом правок (CURATION_PATH)"), reply


async def test_a_show_in_the_curation_file_brings_back_a_partner_hidden_from_telegram(
    curated: tuple[App, ScriptedWorker], tmp_path: Path
) -> None:
    """The file's `show` undoes a hide made from Telegram once the file is read (at start)."""
    app, scripted = curated
    script = {"a": [org("Фонд Эпсилонтест", None, kind="other")]}
    partners = await curated_registry(app, scripted, script)
    await app.ask("/curate hide Фонд Эпсилонтест", chat_id=ADMIN)
    await press(app, "Да, применить")
    [hidden] = await partners.hidden_partners()
    path = curation_file(tmp_path, {"action": "show", "name": "Фонд Эпсилонтест"})
    await rebuilt(app, partners, script, curation=path)
    assert [(c.id, c.name, c.mentions) for c in await exported(partners)] == [
        (hidden.id, "Фонд Эпсилонтест", 1)
    ]
    assert await partners.hidden_partners() == []


async def test_a_show_in_the_curation_file_brings_back_the_subscriptions_at_reextract(
    curated: tuple[App, ScriptedWorker], tmp_path: Path
) -> None:
    app, scripted = curated
    script = {"Фонд Дзетатест и новая кафедра": [org("Фонд Дзетатест", None, kind="other")]}
    partners = await curated_registry(app, scripted, script)
    await app.ask("/subscribe partner Фонд Дзетатест", chat_id=55)
    await app.ask("/curate hide Фонд Дзетатест", chat_id=ADMIN)
    await press(app, "Да, применить")
    [hidden] = await partners.hidden_partners()
    path = curation_file(tmp_path, {"action": "show", "name": "Фонд Дзетатест"})
    worker = ScriptedWorker(script)
    try:
        facts = FactsService(worker, app.services.news, partners)
        await facts.load_curation(path)  # as `python -m bot reextract` does
        await facts.rebuild()
        settled = await Curator(partners, app.services.chats, facts).settle()
    finally:
        worker.close()
    assert settled.restored == 1
    [sub] = await app.services.chats.subscriptions(55)
    assert (sub.kind, sub.value) == ("partner", str(hidden.id))


async def test_a_partner_the_curation_file_shows_is_not_hidden_from_telegram(
    curated: tuple[App, ScriptedWorker], tmp_path: Path
) -> None:
    """The file's `show` is read again at every start and would bring the partner back: a hide
    from Telegram is refused and names the file, as a show of a partner the file hides is."""
    app, scripted = curated
    db = app.services.news.db
    script = {"a": [org("Фонд Зетатест", None, kind="other")]}
    await add_articles(db, list(script))
    scripted.script = script
    partners, facts = await registry(db, script)
    path = curation_file(tmp_path, {"action": "show", "name": "Фонд Зетатест"})
    await facts.load_curation(path)
    reply = await app.ask("/curate hide Фонд Зетатест", chat_id=ADMIN)
    assert reply.startswith("«Фонд Зетатест» возвращён файлом правок (CURATION_PATH)"), reply
    assert [c.name for c in await exported(partners)] == ["Фонд Зетатест"]


async def test_a_name_the_curation_file_sets_is_changed_only_in_the_file(
    curated: tuple[App, ScriptedWorker], tmp_path: Path
) -> None:
    """The file (under version control) wins over the bot on what it states, before a restart
    as after it: a rename in the bot of a name the file sets is refused and says where to
    change it; a country the file does not state is set in the bot and lasts."""
    app, scripted = curated
    db = app.services.news.db
    script = {"Визит Тестлаб": [org("Тестлаб", None, kind="research")]}
    await add_articles(db, list(script))
    scripted.script = script
    path = curation_file(
        tmp_path, {"action": "rename", "name": "Тестлаб", "to": "Лаборатория Тестлаб"}
    )
    partners = PartnerRepository(db)
    facts = FactsService(ScriptedWorker(script), app.services.news, partners)
    try:
        await facts.load_curation(path)
        await facts.process_pending()
        assert [c.name for c in await exported(partners)] == ["Лаборатория Тестлаб"]
        refused = await app.ask(
            "/curate rename Лаборатория Тестлаб => Институт Тестлаб", chat_id=ADMIN
        )
        assert refused.startswith("Название «Лаборатория Тестлаб» задано файлом правок"), refused
        await app.ask("/curate country Лаборатория Тестлаб => Армения", chat_id=ADMIN)
        await press(app, "Да, применить")
        await facts.load_curation(path)  # a restart
        await facts.rebuild()
        cards = await exported(partners)
        assert [(c.name, c.country) for c in cards] == [("Лаборатория Тестлаб", "AM")]
    finally:
        facts.worker.close()


async def test_a_second_rename_in_the_bot_survives_reextraction(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """Renamed twice from Telegram: the second rename names the card by its first new name,
    which no article gives; a rebuild still shows the latest name."""
    app, scripted = curated
    script = {"Визит Сигмалаб": [org("Сигмалаб", None, kind="research")]}
    partners = await curated_registry(app, scripted, script)
    for ask in ("Сигмалаб => Лаборатория Сигма", "Лаборатория Сигма => Институт Сигма"):
        await app.ask(f"/curate rename {ask}", chat_id=ADMIN)
        await press(app, "Да, применить")
    assert [c.name for c in await exported(partners)] == ["Институт Сигма"]
    await rebuilt(app, partners, script)
    assert [c.name for c in await exported(partners)] == ["Институт Сигма"]


async def test_a_merge_into_a_renamed_card_survives_reextraction(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """The target of a merge is named as shown, perhaps a rename no article gives; the merge
    still finds it after a rebuild."""
    app, scripted = curated
    script = {
        "Визит Омегатест": [org("Омегатест", None)],
        "Vektor visit": [org("Vektor Holdings", "Vektor Holdings", country="RU")],
    }
    partners = await curated_registry(app, scripted, script)
    assert len(await exported(partners)) == 2
    await app.ask("/curate rename Омегатест => Компания Омега", chat_id=ADMIN)
    await press(app, "Да, применить")
    await app.ask("/curate merge Vektor Holdings => Компания Омега", chat_id=ADMIN)
    await press(app, "Да, применить")
    assert [(c.name, c.mentions) for c in await exported(partners)] == [("Компания Омега", 2)]
    await rebuilt(app, partners, script)
    assert [(c.name, c.mentions) for c in await exported(partners)] == [("Компания Омега", 2)]


async def test_a_hidden_partners_name_is_not_taken_for_a_look_alike(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """With «Дельтатест» hidden, its name does not open the look-alike «Дельтатест Центр
    реагирования» (which the name alone would name) for a rename: the operator is told the
    partner is hidden."""
    app, scripted = curated
    script = {
        "Визит Дельтатест": [org("Дельтатест", None)],
        "Учения Дельтатест": [org("Дельтатест Центр реагирования", None)],
    }
    partners = await curated_registry(app, scripted, script)
    await app.ask("/curate hide Дельтатест", chat_id=ADMIN)
    await press(app, "Да, применить")
    [hidden] = await partners.hidden_partners()
    assert hidden.name == "Дельтатест"
    reply = await app.ask("/curate rename Дельтатест => Дельта", chat_id=ADMIN)
    assert reply.startswith(f"«Дельтатест» (#{hidden.id}) скрыт"), reply


async def test_curation_file_applies_at_every_extraction(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "curation.jsonl"
    path.write_text(
        "# registry corrections\n"
        + json.dumps({"action": "hide", "name": "Пресс-служба Тест"}, ensure_ascii=False)
        + "\n"
        + json.dumps(
            {"action": "merge", "name": "ТестТех", "into": "Тестовые технологии"},
            ensure_ascii=False,
        )  # fmt: skip
        + "\n"
        + json.dumps(
            {"action": "country", "name": "Тестовые технологии", "country": "by"},
            ensure_ascii=False,
        )  # fmt: skip
        + "\n",
        encoding="utf-8",
    )
    script = {
        "a": [org("Тестовые технологии", None, country=None)],
        "b": [org("ТестТех", None, country=None), org("Пресс-служба Тест", None)],
    }
    await add_articles(db, ["a", "b"])
    partners = PartnerRepository(db)
    worker = ScriptedWorker(script)
    try:
        facts = FactsService(worker, NewsRepository(db), partners)
        assert await facts.load_curation(path) == 3
        await facts.process_pending()
    finally:
        worker.close()
    rows = await exported(partners)
    assert [(r.name, r.country, r.mentions) for r in rows] == [("Тестовые технологии", "BY", 2)]


async def test_old_agreement_recalled_is_not_news(app: App) -> None:
    db = app.services.news.db
    ids = await add_articles(db, ["a"])
    partners = PartnerRepository(db)
    worker = ScriptedWorker(
        {"a": [org("Тестовый университет", None, country="CN", kind="university")]},
        signed={"a": "1987"},
    )
    try:
        facts = FactsService(worker, app.services.news, partners)
        await facts.process_pending()
    finally:
        worker.close()
    item = await app.services.news.get(ids["a"])
    assert item is not None
    [line] = await facts.partner_lines(item, "ru")
    assert "Тестовый университет" in line and "подписано в 1987" in line
    listing = await app.ask("/agreements")
    assert "подписано в 1987 · 1 декабря 2026" in listing


async def test_export_partners_jsonl_and_csv(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "bot.sqlite3")
    try:
        await add_articles(db, ["a", "b"])
        script = {
            "a": [org("Университет Цинхуа", "Tsinghua University", "Цинхуа", country="CN",
                      kind="university")],
            "b": [org("университета Цинхуа", None, "清华大学", country="CN", kind="university")],
        }  # fmt: skip
        await registry(db, script)
    finally:
        await db.close()
    code, out, err = await run_cli(["export", "partners", "--format", "jsonl"], tmp_path)
    assert code == 0, err
    [record] = [json.loads(line) for line in out.splitlines()]
    assert set(record) == {"id", "name", "name_en", "aliases", "country", "kind", "mentions",
                           "articles", "first_seen", "last_seen"}  # fmt: skip
    assert record["name"] == "Университет Цинхуа" and record["name_en"] == "Tsinghua University"
    assert record["articles"] == ["https://site.test/news/0/", "https://site.test/news/1/"]
    assert record["mentions"] == 2 and "清华大学" in record["aliases"]
    target = tmp_path / "partners.csv"
    code, out, err = await run_cli(
        ["export", "partners", "--format", "csv", "--output", str(target)], tmp_path
    )
    assert code == 0 and out == "", err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    [header, row] = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert header[:3] == ["id", "name", "name_en"]
    assert row[header.index("articles")] == "https://site.test/news/0/; https://site.test/news/1/"


async def test_curate_is_listed_for_operators_only(app: App) -> None:
    admin_help = await app.ask("/help", chat_id=ADMIN)
    assert "/curate" in admin_help
    # Every correction it takes, `show` too (the operators' /help left it out).
    assert "merge | split | rename | hide | show | country" in admin_help, admin_help
    assert "/curate" not in await app.ask("/help")
    usage = await app.ask("/curate", chat_id=ADMIN, language_code="en")
    assert "/curate merge A => B" in usage
    await asyncio.sleep(0)


async def test_a_bad_curation_line_stops_start_up_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "fixes.jsonl").write_text('{"action": "merge", "name": "Xylo Corp"}\n')
    code, _, err = await run_cli(["reextract"], tmp_path, CURATION_PATH="fixes.jsonl")
    assert code != 0 and "Traceback" not in err
    [line] = [line for line in err.splitlines() if line.startswith("error:")]
    assert line == "error: CURATION_PATH: fixes.jsonl:1: merge needs 'into'"


async def test_operator_splits_a_name_off_a_partner(curated: tuple[App, ScriptedWorker]) -> None:
    app, scripted = curated
    db = app.services.news.db
    scripted.script = {
        "a": [org("Тестпром", None, "Testprom Resource")],
        "b": [org("Testprom Resource", None)],
    }
    await add_articles(db, ["a", "b"])
    partners, _ = await registry(db, scripted.script)
    assert [(r.name, r.mentions) for r in await exported(partners)] == [("Тестпром", 2)]
    ask = await app.ask("/curate split Тестпром => Testprom Resource", chat_id=ADMIN)
    assert "Отделить название «Testprom Resource» от «Тестпром»" in ask
    await press(app, "Да, применить")
    rows = await exported(partners)
    assert sorted((r.name, r.mentions, r.aliases) for r in rows) == [
        ("Testprom Resource", 1, ()),
        ("Тестпром", 1, ()),
    ]


async def test_a_split_that_would_change_nothing_is_refused_not_done(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """An operator split «ЛСР»-like forms off a card and was told "done" while the card kept
    them (a user session): the card's own name to the registry (a type word more or less), or
    no name of the card at all (a typo). Both are said, with the card's names; no button."""
    app, scripted = curated
    db = app.services.news.db
    scripted.script = {"a": [org("Группа Тестстрой", None, "Тестстрой", "Teststroy Group")]}
    await add_articles(db, ["a"])
    partners, _ = await registry(db, scripted.script)
    [row] = await exported(partners)
    before = len(app.api.sent_messages(ADMIN))
    own = await app.ask("/curate split Группа Тестстрой => Тестстрой", chat_id=ADMIN)
    assert own == (
        f"«Тестстрой» для реестра — то же название, что «Группа Тестстрой» (#{row.id}): "
        "отделить его нельзя, при каждом разборе статей оно вернётся. Если это не партнёр: "
        "/curate hide; другое название: /curate rename."
    ), own
    typo = await app.ask(
        "/curate split Группа Тестстрой => Testroy Group", chat_id=ADMIN, language_code="en"
    )
    assert typo == (
        f"“Teststroy Group” (#{row.id}) has no name “Testroy Group”. Its names: Группа "
        "Тестстрой, Teststroy Group."
    ), typo
    assert not any(
        m.params.get("reply_markup") for m in app.api.sent_messages(ADMIN)[before:]
    )  # no confirmation asked
    ask = await app.ask("/curate split Группа Тестстрой => Teststroy group", chat_id=ADMIN)
    assert ask.startswith("Отделить название «Teststroy group» от «Группа Тестстрой»"), ask


async def test_a_card_named_with_generic_words_alone_is_curated_by_its_name(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """`/curate country Association of Technical Universities => RU` answered that the name
    names no one partner "for sure", listing that one card to pick by number (a user session):
    a name typed as one card has it is that card, though its words are all generic."""
    app, scripted = curated
    db = app.services.news.db
    scripted.script = {
        "a": [
            org("Association of Technical Universities", None, "ATU", country="CN", kind="other")
        ],
        "b": [org("Тестградский технический университет", None, kind="university")],
    }
    await add_articles(db, ["a", "b"])
    partners, _ = await registry(db, scripted.script)
    [row] = [r for r in await exported(partners) if r.name.startswith("Association")]
    ask = await app.ask(
        "/curate country association of technical  universities => RU", chat_id=ADMIN
    )
    assert ask == (
        f"Указать страну 🇷🇺 Россия для «Association of Technical Universities» (#{row.id})?"
    ), ask
    # Words only some cards share still name none of them for sure.
    ask = await app.ask("/curate hide технический университет", chat_id=ADMIN)
    assert ask.startswith("«технический университет» точно не называет одного партнёра"), ask


async def test_setting_the_country_a_card_has_asks_nothing(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """`/curate country A => RU` for a card in Russia asked to confirm a change of nothing
    (a user session): it says the country is that already, with no button."""
    app, scripted = curated
    scripted.script = {"a": [org("Тестстрой", None, country="RU")]}
    await add_articles(app.services.news.db, ["a"])
    partners, _ = await registry(app.services.news.db, scripted.script)
    [row] = await exported(partners)
    reply = await app.ask("/curate country Тестстрой => Россия", chat_id=ADMIN)
    assert reply == f"Страна «Тестстрой» (#{row.id}) уже 🇷🇺 Россия.", reply
    assert not app.api.sent_messages(ADMIN)[-1].params.get("reply_markup")
    reply = await app.ask("/curate country Тестстрой => DE", chat_id=ADMIN)
    assert reply == f"Указать страну 🇩🇪 Германия для «Тестстрой» (#{row.id})?", reply


class SlowScriptedWorker(ScriptedWorker):
    """A scripted extractor that takes `seconds` per article, as the real one takes a while
    (in its thread): time for another extraction to start meanwhile."""

    def __init__(self, script: Script, seconds: float) -> None:
        super().__init__(script)
        self.seconds = seconds
        self.started = asyncio.Event()

    async def extract(self, article: ArticleInput) -> Extraction:
        self.started.set()
        await asyncio.sleep(self.seconds)
        return await super().extract(article)


async def split_ready(db: Database, tmp_path: Path) -> tuple[Script, Settings]:
    """ "Тестпром" with the alias "Testprom Resource", which four articles name alone, and
    four new articles naming it waiting for the poll job's extraction."""
    script: Script = {"a": [org("Тестпром", None, "Testprom Resource")]}
    script |= {f"b{n}": [org("Testprom Resource", None)] for n in range(4)}
    await add_articles(db, list(script))
    await registry(db, script)
    later = {f"c{n}": [org("Testprom Resource", None)] for n in range(4)}
    script |= later
    [feed] = await FeedRepository(db).ensure(["http://site.test/rss"])
    await NewsRepository(db).add_new(
        feed.id,
        [draft(t, t, body="Текст.", link=f"https://site.test/later/{t}/") for t in later],
        announce=True,
    )
    settings = settings_on(
        db, feed_urls=["http://127.0.0.1:9/"], curation_path=tmp_path / "none.jsonl"
    )
    return script, settings


async def the_card(services: Services, name: str) -> Partner:
    [card] = [c for c in await exported(services.partners) if c.name == name]
    row = await services.partners.get(card.id)
    assert row is not None
    return row


async def test_a_split_while_the_poll_job_extracts_leaves_the_facts_whole(
    db: Database, tmp_path: Path
) -> None:
    """The poll job's extraction and an operator's split (which extracts articles again in the
    button's handler) used to run at once: both could open a card for the same new name, and
    an article the poll filed under the old card just before the split stayed there. The
    composition root gives both one turn: the registry comes out as if one ran after the
    other."""
    script, settings = await split_ready(db, tmp_path)
    worker = SlowScriptedWorker(script, 0.1)
    try:
        async with open_services(settings, db=db, extraction=worker) as services:
            assert services.curator is not None
            row = await the_card(services, "Тестпром")
            # What the poll job runs after fetching: four articles, 0.1 s each.
            poll = asyncio.create_task(services.ingestor.extract())
            await worker.started.wait()
            split = asyncio.create_task(services.curator.split(row, "Testprom Resource"))
            try:
                await asyncio.sleep(0.1)
                corrections = await services.partners.corrections()
            finally:
                await asyncio.gather(poll, split)
            assert not [c for c in corrections if c.action == "split"]  # not while polling
            rows = await exported(services.partners)
    finally:
        worker.close()
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Testprom Resource", 8),
        ("Тестпром", 1),
    ]


async def test_a_split_on_another_instance_waits_for_the_leaders_extraction(
    db: Database, tmp_path: Path, engine: str
) -> None:
    """On PostgreSQL any instance answers /curate while the leader polls: the turn is the
    database's, so a split made on another instance waits for the leader's extraction."""
    if engine == "sqlite":
        pytest.skip("one process per SQLite database")
    script, settings = await split_ready(db, tmp_path)
    workers = [SlowScriptedWorker(script, 0.2), SlowScriptedWorker(script, 0.01)]
    try:
        async with (
            open_services(settings, db=db, extraction=workers[0]) as leader,
            open_services(settings, extraction=workers[1]) as other,  # its own connections
        ):
            assert other.curator is not None
            row = await the_card(other, "Тестпром")
            poll = asyncio.create_task(leader.ingestor.extract())  # four articles, 0.2 s each
            await workers[0].started.wait()
            split = asyncio.create_task(other.curator.split(row, "Testprom Resource"))
            try:
                await asyncio.sleep(0.3)
                waited = not split.done()  # alone, it takes some 0.05 s
            finally:
                await asyncio.gather(poll, split)
            assert waited
            rows = await exported(leader.partners)
    finally:
        for worker in workers:
            worker.close()
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Testprom Resource", 8),
        ("Тестпром", 1),
    ]


async def test_the_facts_turn_is_let_go_by_whoever_is_cancelled_with_it(
    db: Database, tmp_path: Path, engine: str
) -> None:
    """A split cancelled while it waits for the turn (its handler stopped) and the leader's
    extraction cancelled while it holds it (leadership laid down) leave the turn free: on
    PostgreSQL the advisory lock goes with them, and a split made next is not kept waiting."""
    if engine == "sqlite":
        pytest.skip("one process per SQLite database")
    script, settings = await split_ready(db, tmp_path)
    workers = [SlowScriptedWorker(script, 30.0), SlowScriptedWorker(script, 0.01)]
    try:
        async with (
            open_services(settings, db=db, extraction=workers[0]) as leader,
            open_services(settings, extraction=workers[1]) as other,
        ):
            assert other.curator is not None
            row = await the_card(other, "Тестпром")
            poll = asyncio.create_task(leader.ingestor.extract())  # 30 s an article
            await workers[0].started.wait()
            waiting = asyncio.create_task(other.curator.split(row, "Testprom Resource"))
            await asyncio.sleep(0.3)
            assert not waiting.done()
            for task in (waiting, poll):
                task.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await task
            await asyncio.wait_for(other.curator.split(row, "Testprom Resource"), 10)
            # And the leader's next extraction takes the turn again.
            workers[0].seconds = 0.01
            await asyncio.wait_for(leader.ingestor.extract(), 10)
            corrections = await leader.partners.corrections()
            rows = await exported(leader.partners)
    finally:
        for worker in workers:
            worker.close()
    assert [c.action for c in corrections].count("split") == 1  # the cancelled one: none
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Testprom Resource", 8),
        ("Тестпром", 1),
    ]


async def test_partners_from_before_identity_keys_are_met_again(db: Database) -> None:
    """A registry of the old matcher (canonical keys, no identity key) keeps its ids."""
    ids = await add_articles(db, ["a", "b"])
    partners = PartnerRepository(db)
    old = PartnerInput("Университет Цинхуа", "Tsinghua University", (), "CN", "university",
                       {"университет цинхуа": "Университет Цинхуа"})  # fmt: skip
    [old_id] = await partners.replace_facts(ids["a"], True, [(None, old)], [])
    worker = ScriptedWorker({"b": [org("Tsinghua University", None, country="CN",
                                       kind="university")]})  # fmt: skip
    try:
        facts = FactsService(worker, NewsRepository(db), partners)
        assert await facts.upgrade_keys() == 1
        assert await facts.upgrade_keys() == 0
        await facts.process_pending()
    finally:
        worker.close()
    [row] = await exported(partners)
    assert (row.id, row.name, row.mentions) == (old_id, "Университет Цинхуа", 2)


async def test_partners_keyed_by_earlier_key_rules_keep_their_ids_on_reextraction(
    db: Database,
) -> None:
    """Keys made before Latin diacritics were folded ("são") still revive their rows."""
    ids = await add_articles(db, ["a"])
    partners = PartnerRepository(db)
    old = PartnerInput("Universidade de São Carlos", None, (), "BR", "university",
                       {"carlo são universidad": "Universidade de São Carlos"},
                       "carlo são universidad")  # fmt: skip
    [old_id] = await partners.replace_facts(ids["a"], True, [(None, old)], [])
    worker = ScriptedWorker({"a": [org("Universidade de São Carlos", None, country="BR",
                                       kind="university")]})  # fmt: skip
    try:
        await FactsService(worker, NewsRepository(db), partners).rebuild()
    finally:
        worker.close()
    [row] = [r for r in await exported(partners) if r.mentions]
    assert (row.id, row.mentions) == (old_id, 1)


async def test_a_place_and_its_adjective_meet(db: Database) -> None:
    """The soft sign does not keep a city and its adjective apart ("Ухань" / "Уханьский")."""
    script = {
        "a": [org("Университет Ухань Тестовый", None, country="CN", kind="university")],
        "b": [org("Уханьский тестовый университет", None, country="CN", kind="university")],
        "c": [org("Тестовый университет Ухани", None, country="CN", kind="university")],
        "d": [org("Брянский завод тестов", None)],
        "e": [org("Завод тестов Брянска", None)],
    }
    await add_articles(db, list(script))
    partners, _ = await registry(db, script)
    assert sorted((r.name, r.mentions) for r in await exported(partners)) == [
        ("Брянский завод тестов", 2),
        ("Университет Ухань Тестовый", 3),
    ]


async def test_the_english_name_is_in_english(db: Database) -> None:
    """A card first seen under its German name takes the English translation an article gives
    beside it; a brand name is no language's and stays."""
    script = {
        "a": [org("Technische Universität Probstadt", None, country="DE", kind="university")],
        "b": [org("Probstadt University of Technology", None, "Пробштадтский технический "
                  "университет", country="DE", kind="university")],
        "f": [org("Пробштадтский технический университет", None, "Technische Universität "
                  "Probstadt", country="DE", kind="university")],
        "c": [org("Politecnico di Testina", None, "Polytechnic University of Testina",
                  country="IT", kind="university")],
        "d": [org("Testatom", None)],
        "e": [org("Testatom State Corporation", None)],
    }  # fmt: skip
    await add_articles(db, list(script))
    partners, _ = await registry(db, script)
    assert sorted((r.name, r.name_en, r.mentions) for r in await exported(partners)) == [
        ("Politecnico di Testina", "Polytechnic University of Testina", 1),
        ("Testatom", "Testatom", 2),
        ("Пробштадтский технический университет", "Probstadt University of Technology", 3),
    ]


async def test_a_bare_abbreviation_of_unknown_kind_opens_no_card(db: Database) -> None:
    """An abbreviation the text neither expands nor types ("QXZ", a company only by default)
    joins a card that carries it, but opens none; one typed as a university does."""
    script = {
        "a": [org("QXZ", "QXZ")],
        "b": [org("Квазарский тестовый университет", "Quasar Test University", "QTU",
                  country="KZ", kind="university")],
        "c": [org("QTU", "QTU", country="KZ", kind="university"), org("ЖТК", None)],
        "d": [org("VTU", "VTU", country="VN", kind="university")],
    }  # fmt: skip
    await add_articles(db, list(script))
    partners, _ = await registry(db, script)
    assert sorted((r.name, r.mentions) for r in await exported(partners)) == [
        ("VTU", 1),
        ("Квазарский тестовый университет", 2),
    ]


async def test_partners_keyed_before_the_soft_sign_rule_keep_their_ids(db: Database) -> None:
    """A key made when the soft sign was dropped before stemming ("ухан" was "уха") still
    revives its row on reextraction."""
    ids = await add_articles(db, ["a"])
    partners = PartnerRepository(db)
    old = PartnerInput("Университет Ухань Тестовый", None, (), "CN", "university",
                       {"тестов университет уха": "Университет Ухань Тестовый"},
                       "тестов университет уха")  # fmt: skip
    [old_id] = await partners.replace_facts(ids["a"], True, [(None, old)], [])
    worker = ScriptedWorker({"a": [org("Уханьский тестовый университет", None, country="CN",
                                       kind="university")]})  # fmt: skip
    try:
        await FactsService(worker, NewsRepository(db), partners).rebuild()
    finally:
        worker.close()
    [row] = [r for r in await exported(partners) if r.mentions]
    assert (row.id, row.mentions) == (old_id, 1)


async def test_partners_the_extractor_now_merges_carry_their_subscriptions(app: App) -> None:
    db = app.services.news.db
    script = {"a": [org("Бета-Лаб", None)], "b": [org("Beta Laboratory Systems", None)]}
    await add_articles(db, ["a", "b"])
    partners, facts = await registry(db, script)
    await app.ask("/subscribe partner Beta Laboratory Systems")
    both = org("Бета-Лаб", None, "Beta Laboratory Systems")
    worker = ScriptedWorker({"a": [both], "b": [both]})
    try:
        await FactsService(worker, app.services.news, partners).rebuild()
    finally:
        worker.close()
    settled = await Curator(partners, app.services.chats, facts).settle()
    assert (settled.moved, settled.retired) == (1, 0)
    assert "Бета-Лаб" in await app.ask("/subscriptions")
    notice = await db.fetchval("SELECT text FROM digests WHERE period LIKE 'notice:%'")
    assert "Beta Laboratory Systems" in notice and "Бета-Лаб" in notice


async def test_an_operator_reads_what_a_correction_will_do_and_what_it_did(
    curated: tuple[App, ScriptedWorker],
) -> None:
    app, scripted = curated
    db = app.services.news.db
    script = {"a": [org("Институт Пробных Измерений", None, country=None, kind="research")]}
    await add_articles(db, ["a"])
    scripted.script = script
    await registry(db, script)
    asked = await app.ask("/curate country Институт Пробных Измерений => KZ", chat_id=ADMIN)
    assert "🇰🇿 Казахстан" in asked and " KZ " not in asked, asked
    done = await press(app, "Да, применить")
    assert done.startswith("Готово: страна «Институт Пробных Измерений»"), done
    assert done.endswith("— 🇰🇿 Казахстан."), done
    assert "Подписок" not in done  # no subscription touched: nothing to count

    await app.ask(
        "/curate rename Институт Пробных Измерений => ИПИ | Trial Institute", chat_id=ADMIN
    )
    message = app.api.sent_messages(ADMIN)[-1]
    rows = message.params["reply_markup"]["inline_keyboard"]
    yes = next(b["callback_data"] for row in rows for b in row if b["text"] == "Да, применить")
    edits = len(app.api.calls_of("editMessageText"))
    notes = len(app.api.calls_of("answerCallbackQuery"))
    for _ in range(2):  # a quick double tap: both arrive before the first is applied
        app.api.push_callback_query(
            yes, chat_id=ADMIN, user_id=ADMIN, message_id=message.result["message_id"]
        )

    async def both_answered() -> bool:
        return len(app.api.calls_of("answerCallbackQuery")) >= notes + 2

    await until(both_answered)
    await asyncio.sleep(0.3)
    shown = [c.rendered for c in app.api.calls_of("editMessageText")[edits:]]
    renamed = " теперь называется «ИПИ / Trial Institute»."
    assert len(shown) == 1 and renamed in (shown[0] or ""), shown
    pop_ups = [c.params.get("text") for c in app.api.calls_of("answerCallbackQuery")[notes:]]
    assert "Эта правка уже подтверждена." in pop_ups, pop_ups


async def test_a_card_of_one_abbreviation_joins_the_full_name_given_with_it(app: App) -> None:
    """An article naming an organisation by its abbreviation alone opens a card; one naming
    it in full opens another (an abbreviation that is no word initials of the name: "NORAN"
    of "Nordic-Andean Network University"); a third giving the full name with the
    abbreviation merges the two, as if the articles had come the other way round. The
    abbreviation card keeps its id as a pointer and its subscribers follow the merged card."""
    db = app.services.news.db
    script: Script = {
        "a": [org("NORAN", None, kind="other")],
        "b": [org("Nordic-Andean Network University", None, kind="other")],
        "c": [],
        "d": [],
    }
    ids = await add_articles(db, list(script))
    partners, facts = await registry(db, script)
    facts.after_merge = app.services.curator.settle if app.services.curator else None
    assert "NORAN" in await app.ask("/subscribe partner NORAN")
    [code_id] = [r.id for r in await exported(partners) if r.name == "NORAN"]
    script["c"] = [org("Nordic-Andean Network University", None, "NORAN", kind="other")]
    script["d"] = [org("NORAN", None, country="PE", kind="other")]  # another country's: apart
    await facts.reprocess([ids["d"], ids["c"]])
    rows = await exported(partners)
    assert sorted((r.name, r.country, r.mentions) for r in rows) == [
        ("NORAN", "PE", 1),
        ("Nordic-Andean Network University", "RU", 3),
    ]
    [merged] = [r for r in rows if r.country == "RU"]
    assert await partners.status(code_id) == (False, merged.id)
    assert "Nordic-Andean Network University" in await app.ask("/subscriptions")
    # Re-extraction keeps the ids: the full card stays, the abbreviation card points to it.
    await rebuilt(app, partners, script)
    again = [r for r in await exported(partners) if r.country == "RU"]
    assert [(r.id, r.mentions) for r in again] == [(merged.id, 3)]
    assert await partners.status(code_id) == (False, merged.id)


@pytest.mark.parametrize("order", [("code", "full"), ("full", "code")])
async def test_a_card_of_one_abbreviation_takes_the_full_name_given_with_it(
    db: Database, order: tuple[str, str]
) -> None:
    """Whichever article comes first, the card is named by the full name with the abbreviation
    as its alias (the code card kept 'NANU' as its name and showed no full name)."""
    facts = {
        "code": [org("NANU", None, kind="other")],
        "full": [org("Nordic-Andean Network University", None, "NANU", kind="other")],
    }
    rows = await cards(db, {title: facts[title] for title in order})
    assert [(r.name, r.aliases, r.country, r.mentions) for r in rows] == [
        ("Nordic-Andean Network University", ("NANU",), "RU", 2)
    ]


async def test_a_merge_during_reextraction_retires_no_subscription(app: App) -> None:
    """`reextract` forgets every mention first: a card the registry merges midway must not
    settle subscriptions while partners of articles not yet extracted again have none."""
    db = app.services.news.db
    script: Script = {
        "a": [org("NANU", None, kind="other")],
        "b": [org("Nordic-Andean Network University", None, kind="other")],
        "c": [org("Тестовый завод Омега", None)],
    }
    await add_articles(db, list(script))
    partners, _ = await registry(db, script)
    assert "Омега" in await app.ask("/subscribe partner Тестовый завод Омега")
    # A new extractor gives the abbreviation beside the full name: the cards meet.
    script["b"] = [org("Nordic-Andean Network University", None, "NANU", kind="other")]
    worker = ScriptedWorker(script)
    try:
        facts = FactsService(worker, app.services.news, partners)
        assert app.services.curator is not None
        facts.after_merge = app.services.curator.settle
        await facts.rebuild()
    finally:
        worker.close()
    assert sorted(r.name for r in await exported(partners)) == [
        "Nordic-Andean Network University", "Тестовый завод Омега",
    ]  # fmt: skip
    assert "Омега" in await app.ask("/subscriptions")
    assert await db.fetchval("SELECT COUNT(*) FROM digests WHERE period LIKE 'notice:%'") == 0


async def test_a_body_of_two_countries_meets_under_both_wordings(db: Database) -> None:
    """ "Sino-Russian X" and "X of Russia and China" are one body, placed in either country;
    another pair of countries or another X stays apart."""
    script: Script = {
        "a": [org("Association of Sino-Russian Mining Schools", None, kind="other")],
        "b": [org("Association of Mining Schools", None,
                  "Association of Mining Schools of Russia and China", country="CN",
                  kind="other")],
        "c": [org("Association of Mining Schools of Russia and India", None, country="IN",
                  kind="other")],
        "d": [org("Association of Sino-Russian Forestry Schools", None, kind="other")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.country, r.mentions) for r in rows) == [
        ("Association of Mining Schools of Russia and India", "IN", 1),
        ("Association of Sino-Russian Forestry Schools", "RU", 1),
        ("Association of Sino-Russian Mining Schools", "RU", 2),
    ]
    [mining] = [r for r in rows if r.mentions == 2]
    assert "Association of Mining Schools of Russia and China" in mining.aliases


async def test_a_merge_whose_source_article_comes_first_survives_reextraction(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """A rebuild meets the merged name before its target's own article: the target's card
    takes its mention and keeps its own name, country and id; the merged name opens it."""
    app, scripted = curated
    script = {
        "Зелёный союз": [org("ZTU", "ZTU", country="CN", kind="university")],
        "Саммит ассоциации": [
            org(
                "Ассоциация зелёных технических вузов",
                "Green Technical Universities Alliance",
                country="RU",
                kind="other",
            )  # fmt: skip
        ],
    }
    partners = await curated_registry(app, scripted, script)
    await app.ask("/curate merge ZTU => Ассоциация зелёных технических вузов", chat_id=ADMIN)
    await press(app, "Да, применить")
    [merged] = await exported(partners)
    await rebuilt(app, partners, script)
    again = await exported(partners)
    assert [(c.id, c.name, c.country, c.mentions) for c in again] == [
        (merged.id, "Ассоциация зелёных технических вузов", "RU", 2)
    ]
    card = await app.ask("/partners ZTU")
    assert card.startswith("Ассоциация зелёных технических вузов\n"), card
    assert "упоминаний: 2" in card


async def test_a_country_correction_keeps_the_card_and_its_subscribers_across_reextraction(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """The article still gives the old country: the rebuild fills the same card (its id, its
    subscribers, no notice of a merge with itself) and the operator's country stands."""
    app, scripted = curated
    script = {"Визит агентства": [org("Агентство пробных технологий", None, country="BR")]}
    partners = await curated_registry(app, scripted, script)
    [card] = await exported(partners)
    await app.ask("/subscribe partner Агентство пробных технологий", chat_id=55)
    await app.ask("/curate country Агентство пробных технологий => Россия", chat_id=ADMIN)
    await press(app, "Да, применить")
    await rebuilt(app, partners, script)
    assert [(c.id, c.country, c.mentions) for c in await exported(partners)] == [(card.id, "RU", 1)]
    listed = await app.ask("/subscriptions", chat_id=55)
    assert "• партнёр «Агентство пробных технологий»" in listed, listed
    assert await app.services.news.db.fetchval("SELECT COUNT(*) FROM digests") == 0
    reply = await app.ask("/partners Агентство пробных технологий")
    assert "🇷🇺 Россия" in reply, reply


async def test_curate_show_finds_a_hidden_partner_by_a_part_of_its_name(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """Hidden with «/curate hide» and a part of the name, brought back the same way."""
    app, scripted = curated
    script = {"Клуб": [org("General Consulate of Probland in St. Petersburg", None, kind="other")]}
    await curated_registry(app, scripted, script)
    await app.ask("/curate hide Consulate of Probland", chat_id=ADMIN)
    await press(app, "Да, применить")
    ask = await app.ask("/curate show Probland", chat_id=ADMIN)
    assert ask.startswith("Вернуть «General Consulate of Probland in St. Petersburg»"), ask
    unknown = await app.ask("/curate show Testland", chat_id=ADMIN)
    assert unknown.startswith("Среди скрытых нет «Testland»"), unknown


async def test_a_correction_missing_its_name_or_value_says_what_it_needs(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """ "/curate rename X =>" (no new name) got the whole list of corrections; now the line of
    that correction, in the operator's language. An unknown action gets the list, after a
    line saying the word is no correction (the list alone read as if the command were empty)."""
    app, _ = curated
    assert await app.ask("/curate rename Цинхуа =>", chat_id=ADMIN) == (
        "Не хватает названия или значения. Так: /curate rename A => Название [| English name]"
    )
    english = await app.ask("/curate country Tsinghua", chat_id=ADMIN, language_code="en")
    assert english.startswith("Something is missing. Like this: /curate country A => ")
    assert (await app.ask("/curate hide", chat_id=ADMIN)).endswith("/curate hide A — A не партнёр")
    listing = await app.ask("/curate frobnicate X", chat_id=ADMIN)
    assert listing.startswith("Не знаю правки «frobnicate».\n\nПравка реестра партнёров")
    assert "/curate merge" in listing
    english = await app.ask("/curate <b>merg</b> X", chat_id=ADMIN, language_code="en")
    assert english.startswith("I don't know the correction “<b>merg</b>”.\n\n"), english
    assert (await app.ask("/curate", chat_id=ADMIN)).startswith("Правка реестра партнёров")


async def test_words_with_a_meaning_meet_their_translation_across_scripts(db: Database) -> None:
    """«федеральный» is "Federal": a Russian article and an English one about one federal
    university had made two cards (the consonants of the two words differ)."""
    script = {
        "t1": [org("Тестанский федеральный университет", None, kind="university")],
        "t2": [org("Testan Federal University", None, kind="university")],
        "t3": [org("Testan State University", None, kind="university")],
    }
    rows = await cards(db, script)
    assert sorted(r.mentions for r in rows) == [1, 2], [(r.name, r.aliases) for r in rows]
    federal = next(r for r in rows if r.name == "Тестанский федеральный университет")
    assert federal.name_en == "Testan Federal University"


async def test_a_place_adjective_and_an_n_adjective_stay_apart_across_scripts(
    db: Database,
) -> None:
    """«Кузьменский» is of Kuzmensk (the place's «-ск» went with the ending), «Кузьмный» an
    adjective in «-ный» ("Kuzmny"): both skeletons were "kzmn", so the Russian card of one met
    the English article of the other, and the place's English name met neither."""
    script = {
        "t1": [org("Кузьменский государственный университет", None, kind="university")],
        "t2": [org("Kuzmny State University", None, kind="university")],
        "t3": [org("Kuzmensk State University", None, kind="university")],
        "t4": [org("Кузьмный государственный университет", None, kind="university")],
        "t5": [org("Кузьменского государственного университета", None, kind="university")],
    }
    rows = await cards(db, script)
    by_en = {r.name_en: r for r in rows}
    assert sorted(r.mentions for r in rows) == [2, 3], [(r.name, r.name_en) for r in rows]
    assert by_en["Kuzmensk State University"].mentions == 3
    assert by_en["Kuzmny State University"].mentions == 2


async def test_a_foreign_name_ending_in_ny_meets_its_russian_spelling(db: Database) -> None:
    """ "Testany" / «Тестани»: a foreign name's «-ни» is no Russian «-ный» adjective; marking
    the Latin "-ny" after a vowel as one split the two spellings of one institute."""
    script = {
        "t1": [org("Testany Institute of Technology", None, kind="university")],
        "t2": [org("Технологический институт Тестани", None, kind="university")],
    }
    rows = await cards(db, script)
    assert [r.mentions for r in rows] == [2], [(r.name, r.name_en) for r in rows]


async def test_a_states_type_word_given_or_left_out_is_one_body(db: Database) -> None:
    """An English article named the ministry "... of the Republic of Testland", the registry
    card (from a Russian one) "... of Testland": two cards, one of them a reader's split."""
    ru = org(
        "Министерство высшего образования и науки Республики Тестландия",
        "Ministry of Higher Education and Science of Testland",
        country="UZ",
        kind="government",
    )
    en = org(
        "Ministry of Higher Education and Science of the Republic of Testland",
        "Ministry of Higher Education and Science of Testland",
        "Министерство высшего образования и науки Республики Тестландия",
        country="UZ",
        kind="government",
    )
    other = org("Ministry of Energy of the Republic of Testland", None, country="UZ",
                kind="government")  # fmt: skip
    rows = await cards(db, {"t1": [ru], "t2": [en], "t3": [other]})
    assert sorted(r.mentions for r in rows) == [1, 2], [(r.name, r.aliases) for r in rows]


async def test_an_eponym_put_first_in_english_meets_the_named_after_tail(db: Database) -> None:
    """A Russian university named after a person puts the surname first in English: «…
    университет имени И. П. Кулибина» is "Kulibin … University", «… имени Ивана Сидорова» "Ivan
    Sidorov …" (they made two cards); another eponym is another university."""
    script = {
        "a": [org("Тестовский государственный технический университет имени И. П. Кулибина",
                  None, kind="university")],
        "b": [org("Kulibin Testov State Technical University", None, kind="university")],
        "c": [org("Popov Testov State Technical University", None, kind="university")],
        "d": [org("Тестовский аграрный университет имени Ивана Сидорова", None,
                  kind="university")],
        "e": [org("Ivan Sidorov Testov Agrarian University", None, kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Popov Testov State Technical University", 1),
        ("Тестовский аграрный университет имени Ивана Сидорова", 2),
        ("Тестовский государственный технический университет имени И. П. Кулибина", 2),
    ]


async def test_a_latin_c_is_k_or_s_by_the_next_letter(db: Database) -> None:
    """ "Moscow" is «Москва» and "Carcovia" «Карковия» (a hard "c"), "Centala" «Сентала» (a soft
    one): each pair made two cards."""
    script = {
        "a": [org("Московский институт Квазар", None, kind="university")],
        "b": [org("Moscow Kvazar Institute", None, kind="university")],
        "c": [org("Университет Карковии", None, kind="university")],
        "d": [org("University of Carcovia", None, kind="university")],
        "e": [org("Университет Сенталы", None, kind="university")],
        "f": [org("University of Centala", None, kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Московский институт Квазар", 2),
        ("Университет Карковии", 2),
        ("Университет Сенталы", 2),
    ]


async def test_a_subsidiary_described_by_its_parent_opens_no_card(db: Database) -> None:
    """«АО «Бета-Металл», дочерняя компания «Альфы»»: the description is no organisation's
    name (it made a card of its own); a subsidiary with a name of its own has its card."""
    script = {
        "a": [org("Бета-Металл", None), org("Дочерняя компания «Альфы»", None)],
        "b": [org("Дочернее общество НК «Гамма»", None)],
        "c": [org("Subsidiary of Alpha Group", None)],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Бета-Металл", 1),
    ]


async def test_an_eponyms_initials_given_or_left_out_are_one_name(db: Database) -> None:
    """ "A.N. Testov Northern University" and "Testov Northern University" are one university
    (the initials counted as words of its own and made two cards); "U.S." is no initials."""
    script = {
        "a": [org("Северный университет имени А. Н. Тестова", "A.N. Testov Northern University",
                  kind="university")],
        "b": [org("Testov Northern University", None, kind="university")],
        "c": [org("U.S. Testov Council", None, country="US")],
        "d": [org("Testov Council", None, country="US")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Testov Council", 1),
        ("U.S. Testov Council", 1),
        ("Северный университет имени А. Н. Тестова", 2),
    ]


async def test_polytechnical_is_polytechnic_across_scripts(db: Database) -> None:
    """ "Polytechnical" was no concept: the registry took "Testvale Polytechnical University"
    for no translation of «Тествейлский политехнический университет» (one says what it
    teaches, the other not), dropped the English name and made two cards."""
    ru = org(
        "Тествейлский политехнический университет",
        "Testvale Polytechnical University",
        "TPTU",
        country="CN",
        kind="university",
    )
    en = org(
        "Testvale Polytechnical University",
        "Testvale Polytechnical University",
        "Тествейлский политехнический университет",
        country="CN",
        kind="university",
    )
    rows = await cards(db, {"t1": [ru], "t2": [en]})
    assert [(r.name_en, r.mentions) for r in rows] == [("Testvale Polytechnical University", 2)]


async def test_an_abbreviation_of_a_family_or_of_two_cards_names_neither(db: Database) -> None:
    """ "TIT" in brackets after "Testland Institute of Technology Norden" spells the family's
    name without the place ("... Sudden" is another), and "TSU" was given for two state
    universities: a later article naming "TIT" or "TSU" alone joined whichever card had more
    mentions, and a Russian name given with it took that card over."""
    uni = {"kind": "university", "country": "TL"}
    script = {
        "t1": [org("Testland Institute of Technology Norden", None, "TIT", **uni)],
        "t2": [org("Testland Institute of Technology Sudden", None, "TIT", **uni)],
        "t3": [org("Testburg State University", None, "TSU", **uni)],
        "t4": [org("Testford State University", None, "TSU", **uni)],
        "t5": [org("TSU", None, **uni)],
        "t6": [org("Тестландский институт технологий", None, "TIT", **uni)],
        "t7": [org("Тестовый союзный университет", None, "TSU", **uni)],
    }
    rows = await cards(db, script)
    by_en = {r.name_en: r for r in rows if r.name_en}
    for name in ("Testland Institute of Technology Norden", "Testland Institute of Technology "
                 "Sudden", "Testburg State University", "Testford State University"):  # fmt: skip
        assert by_en[name].mentions == 1, [(r.name, r.name_en, r.mentions) for r in rows]
    assert "TIT" not in by_en["Testland Institute of Technology Norden"].aliases
    assert "TSU" not in {r.name for r in rows}
    assert {"Тестландский институт технологий", "Тестовый союзный университет"} <= {
        r.name for r in rows
    }


async def test_a_known_organisation_named_by_another_form_takes_its_country(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«Университет Тестоград» (a type word and the name, no country in the article) got the
    default country, Russia, and split from the English article's known "Testograd
    University", whose country the known-organisation registry gives; the registry's lookup
    reads exact spellings only. A look-alike with a word of its own stays apart."""
    from bot.facts import service
    from bot.facts.extraction.registry import KnownOrg
    from bot.facts.matching import known_index

    known = KnownOrg("Тестоградский университет", "Testograd University", (), "CN", "university")
    monkeypatch.setattr(service, "_known_index", lambda: known_index([known]))
    uni = {"kind": "university"}
    script = {
        "t1": [org("Университет Тестоград", None, **uni)],
        "t2": [
            org("Testograd University", None, "Тестоградский университет", country="CN", **uni)
        ],  # fmt: skip
        "t3": [org("Тестоградский педагогический университет", None, **uni)],
        "t4": [org("Университет Тестограда", None, country="KZ", **uni)],  # another country's
    }
    rows = await cards(db, script)
    assert sorted((r.name, r.country, r.name_en, r.mentions) for r in rows) == [
        ("Тестоградский педагогический университет", "RU", None, 1),
        ("Университет Тестоград", "CN", "Testograd University", 2),
        ("Университет Тестограда", "KZ", None, 1),
    ], rows


async def test_an_enterprise_described_by_its_parent_opens_no_card(db: Database) -> None:
    """«Предприятие Госкорпорации «Тестатом»» (with the parent's name as its alias) describes a
    company by its group: it filed the article on the parent's card."""
    script = {
        "t1": [org("Тестатом", "Testatom")],
        "t2": [org("Предприятие Госкорпорации «Тестатом»", None, "Госкорпорация «Тестатом»")],
        "t3": [org("Предприятие Тестатома", None)],
    }
    rows = await cards(db, script)
    assert [(r.name, r.mentions) for r in rows] == [("Тестатом", 1)], rows


async def test_one_organisation_named_in_two_scripts_in_one_article_is_one_card(
    db: Database,
) -> None:
    """A Russian article's headline gave the Latin name (country guessed: Russia, kind guessed:
    company), its text «Университет Тествика (Норвегия)»: two partners of one article, parted
    by the guessed country into two cards."""
    script = {
        "t1": [org("Testvik University", None),
               org("Университет Тествика", None, country="NO", kind="university")],
        "t2": [org("Testvik University", "Testvik University", country="NO", kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert [(r.name, r.name_en, r.country, r.kind, r.mentions) for r in rows] == [
        ("Университет Тествика", "Testvik University", "NO", "university", 2)
    ], rows


async def test_a_states_body_meets_its_translation_across_scripts(db: Database) -> None:
    """«Министерство образования Республики Тестания» and "Ministry of Education of the
    Republic of Testania" made two cards (the consonants of «министерство» and "ministry"
    differ); the ministry of science of the same state stays apart."""
    gov = {"kind": "government", "country": "TL"}
    script = {
        "t1": [org("Министерство образования Республики Тестания", None, **gov)],
        "t2": [org("Ministry of Education of the Republic of Testania", None, **gov)],
        "t3": [org("Ministry of Science of the Republic of Testania", None, **gov)],
        "t4": [org("Правительство Тестограда", None, **gov)],
        "t5": [org("Testograd Government", None, **gov)],
    }
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Ministry of Science of the Republic of Testania", 1),
        ("Министерство образования Республики Тестания", 2),
        ("Правительство Тестограда", 2),
    ], rows


async def test_names_in_russian_spelling_conventions_meet_their_latin_forms(db: Database) -> None:
    """Russian writes a country's names by its own conventions: Vietnamese d as «з» and
    syllables as one word, Japanese z as «дз» (Polivanov), Korean j as «ч» (Kontsevich),
    Chinese x as «с» (Palladius), Arabic al- as «аль-», and some places by names of its own
    («Венский» is Vienna's). Another school of the same place keeps its own card."""
    u = "university"
    script = {
        "a": [org("Университет Зуй Тан", None, country="VN", kind=u)],
        "b": [org("Duy Tan University", None, country="VN", kind=u)],
        "c": [org("Университет Кантхо", None, country="VN", kind=u)],
        "d": [org("Can Tho University", None, country="VN", kind=u)],
        "e": [org("Университет Сидзуока", None, country="JP", kind=u)],
        "f": [org("Shizuoka University", None, country="JP", kind=u)],
        "g": [org("Университет Чонбук", None, country="KR", kind=u)],
        "h": [org("Jeonbuk University", None, country="KR", kind=u)],
        "i": [org("Университет Сямэнь", None, country="CN", kind=u)],
        "j": [org("Xiamen University", None, country="CN", kind=u)],
        "k": [org("Университет аль-Фарах", None, country="EG", kind=u)],
        "l": [org("Al-Farah University", None, country="EG", kind=u)],
        "m": [org("Университет Вены", None, country="AT", kind=u)],
        "n": [org("University of Vienna", None, country="AT", kind=u)],
        "o": [org("Xiamen University of Technology", None, country="CN", kind=u)],
        "p": [org("Can Giuoc University", None, country="VN", kind=u)],
        "q": [org("Технологический институт Сидзуока", None, country="JP", kind=u)],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Can Giuoc University", 1),
        ("Xiamen University of Technology", 1),
        ("Технологический институт Сидзуока", 1),
        ("Университет Вены", 2),
        ("Университет Зуй Тан", 2),
        ("Университет Кантхо", 2),
        ("Университет Сидзуока", 2),
        ("Университет Сямэнь", 2),
        ("Университет Чонбук", 2),
        ("Университет аль-Фарах", 2),
    ]


async def test_a_well_known_organisation_is_one_card_across_languages_and_short_forms(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """People saw «Высшая школа экономики» of a Russian article and "HSE University" of an
    English one as two cards, and `/partners СПбГУ` found nothing though the card existed
    under its full name: every form the registry of well-known organisations gives one of
    them is that one card, in the registry and in a search."""
    app, scripted = curated
    u = "university"
    script = {
        "ru": [org("Высшая школа экономики", None, kind=u)],
        "en": [org("HSE University", None, kind=u)],
        "short": [org("НИУ ВШЭ", None, kind=u)],
        "spbu": [org("Санкт-Петербургский государственный университет", None, kind=u)],
    }
    partners = await curated_registry(app, scripted, script)
    rows = await exported(partners)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Высшая школа экономики", 3),
        ("Санкт-Петербургский государственный университет", 1),
    ]
    card = await app.ask("/partners Higher School of Economics")
    assert card.startswith("Высшая школа экономики\n"), card
    assert "упоминаний: 3" in card
    card = await app.ask("/partners СПбГУ")
    assert card.startswith("Санкт-Петербургский государственный университет\n"), card


async def test_a_well_known_name_never_opens_another_organisations_card(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """`/partners Санкт-Петербургский государственный университет` opened the card of the
    State Marine Technical University of St. Petersburg, the one card sharing its words, as if
    it were the one named: a well-known organisation with no card of its own is said to have
    none, never answered with another organisation's card."""
    app, scripted = curated
    u = "university"
    script = {
        "smtu": [org("State Marine Technical University of St. Petersburg", None, kind=u)],
        "hse": [org("HSE University", None, kind=u)],
    }
    await curated_registry(app, scripted, script)
    reply = await app.ask("/partners Санкт-Петербургский государственный университет")
    assert not reply.startswith("State Marine Technical University"), reply
    assert reply == (
        "«Санкт-Петербургский государственный университет» в новостях о партнёрстве пока не "
        "встречается. Все партнёры: /partners"
    ), reply
    assert buttons(app) == []
    # The well-known organisation's own card still opens by any of its names.
    card = await app.ask("/partners Высшая школа экономики")
    assert card.startswith("HSE University\n"), card
    # Its abbreviation, with no card of its own: said so by its full name, no other card offered.
    reply = await app.ask("/partners СПбГУ")
    assert reply == (
        "«СПбГУ» (Санкт-Петербургский государственный университет) в новостях о партнёрстве "
        "пока не встречается. Все партнёры: /partners"
    ), reply


async def test_a_well_known_latin_short_name_is_recognised_as_people_type_it(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """`/partners ITMO` and `/partners HSE` told an English reader "No partner matches", while
    `/partners ИТМО` named the university: texts write "ITMO University", people type "ITMO"."""
    app, scripted = curated
    script = {"hse": [org("HSE University", None, kind="university")]}
    await curated_registry(app, scripted, script)
    reply = await app.ask("/partners ITMO", language_code="en")
    assert reply == (
        "“ITMO” (ITMO University) is in no partnership news yet. All partners: /partners"
    )
    card = await app.ask("/partners HSE", language_code="en")
    assert card.startswith("HSE University\n"), card
    # As people type it, in lower case.
    reply = await app.ask("/partners itmo", language_code="en")
    assert reply.startswith("“itmo” (ITMO University) is in no partnership news yet."), reply


async def test_a_state_body_typed_without_its_country_is_the_well_known_body(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """`/partners Министерство науки и высшего образования` answered «Не нашёл», while
    `/partners Минобрнауки` named the ministry (found reading a whole user session): people
    leave out «Российской Федерации» as they type."""
    app, scripted = curated
    script = {"hse": [org("HSE University", None, kind="university")]}
    await curated_registry(app, scripted, script)
    reply = await app.ask("/partners Министерство науки и высшего образования")
    assert reply == (
        "«Министерство науки и высшего образования» (Министерство науки и высшего образования "
        "Российской Федерации) в новостях о партнёрстве пока не встречается. Все партнёры: "
        "/partners"
    ), reply
    reply = await app.ask("/partners Ministry of Science and Higher Education", language_code="en")
    assert reply.startswith("“Ministry of Science and Higher Education” ("), reply
    assert reply.endswith("is in no partnership news yet. All partners: /partners"), reply


async def test_a_body_of_states_short_name_is_not_read_as_a_university_named_after_it(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """`/partners SCO` asks for the Shanghai Cooperation Organisation: the network "SCO
    University" is named after it, no university called "SCO", so the organisation's card opens
    rather than being told apart from what was asked."""
    app, scripted = curated
    script = {"sco": [org("Шанхайская организация сотрудничества", None, "ШОС", "SCO",
                          country=None, kind="other")]}  # fmt: skip
    await curated_registry(app, scripted, script)
    card = await app.ask("/partners SCO", language_code="en")
    assert "SCO University" not in card, card
    assert card.startswith("Shanghai"), card


async def test_a_city_asked_in_either_script_finds_the_same_partners(
    curated: tuple[App, ScriptedWorker],
) -> None:
    """`/partners Санкт-Петербург` and `/partners Saint Petersburg` answered differently: the
    two spellings of the city have different consonant skeletons."""
    app, scripted = curated
    u = "university"
    script = {
        "a": [org("Санкт-Петербургский тестовый университет", None, kind=u)],
        "b": [org("Saint Petersburg Test Academy", None, kind=u)],
        "c": [org("Петербургский институт пробных технологий", None, kind=u)],
    }
    await curated_registry(app, scripted, script)
    for ru, en in (("Санкт-Петербург", "Saint Petersburg"), ("Петербург", "St. Petersburg")):
        await app.ask(f"/partners {ru}")
        in_russian = buttons(app)
        await app.ask(f"/partners {en}")
        in_latin = buttons(app)
        assert in_russian == in_latin, (ru, in_russian, in_latin)
        assert len(in_russian) == 3, in_russian


async def test_russian_names_meet_their_translations_and_a_stations_names(db: Database) -> None:
    """A Russian organisation's name and its English translation (generic words translated,
    proper words transliterated, «РАН» / "RAS" closing an institute's name), «АЭС» /
    «атомная станция» / "NPP", and a branch named by its parent and its own quoted name, are
    one card each."""
    ru = {"country": "RU"}
    script = {
        "a1": [org("Белоярская АЭС", None, **ru)],
        "a2": [org("Белоярская атомная станция", None, **ru)],
        "a3": [org("Beloyarsk NPP", None, **ru)],
        "a4": [org("филиал АО «Концерн Тестэнерго» «Белоярская атомная станция»", None, **ru)],
        "b1": [org("Ассоциация инженерного образования России", None, **ru, kind="other")],
        "b2": [org("Association for Engineering Education of Russia", None, **ru,
                   kind="other")],
        "c1": [org("Тестоградский нефтяной институт", None, **ru, kind="university")],
        "c2": [org("Testograd Oil Institute", None, **ru, kind="university")],
        "d1": [org("Иркутский государственный университет", None, **ru, kind="university")],
        "d2": [org("Irkutsk State University", None, **ru, kind="university")],
        "e1": [org("Институт прикладной тестологии РАН", None, **ru, kind="research")],
        "e2": [org("Institute of Applied Testology of the Russian Academy of Sciences", None,
                   **ru, kind="research")],
        "e3": [org("Institute of Applied Testology RAS", None, **ru, kind="research")],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Ассоциация инженерного образования России", 2),
        ("Белоярская АЭС", 4),
        ("Институт прикладной тестологии РАН", 3),
        ("Иркутский государственный университет", 2),
        ("Тестоградский нефтяной институт", 2),
    ]


async def test_abbreviations_one_letter_apart_are_two_organisations(db: Database) -> None:
    """«СПбГУ» and «СПбГЭУ» (two universities of one city) had one cross-script key, the
    consonants of their letters, and one card."""
    u = {"country": "RU", "kind": "university"}
    script = {
        "a": [org("СПбГУ", None, **u)],
        "b": [org("СПбГЭУ", None, **u)],
        "c": [org("ТестГУ", None, **u)],
        "d": [org("ТестГЭУ", None, **u)],
        "e": [org("Ленинградская АЭС", None, kind="company")],
        "f": [org("Кольская АЭС", None, kind="company")],
        "g": [org("Газпром", None, kind="company")],
        "h": [org("Газпромбанк", None, kind="company")],
    }
    rows = await cards(db, script)
    assert len(rows) == 8, [(r.name, r.aliases) for r in rows]


async def test_an_abbreviation_meets_the_name_it_spells_when_one_card_has_it(
    db: Database,
) -> None:
    """An association named by its letters in one article and in full in another was two
    cards. The letters join the one card whose name they spell; an abbreviation two names
    spell joins neither, and two full names spelling one abbreviation stay apart."""
    other = {"country": "RU", "kind": "other"}
    uni = {"country": "RU", "kind": "university"}
    script = {
        "a": [org("АИОР", None, **other)],
        "b": [org("Ассоциация инженерного образования России", None, **other)],
        "c": [org("Тестбургский государственный педагогический университет", None, **uni)],
        "d": [org("Тестфордский государственный политехнический университет", None, **uni)],
        "e": [org("ТГПУ", None, **uni)],
        "f": [org("Baltic Sea Technical Universities Network", None, **other)],
        "g": [org("BSTUN", None, **other)],
    }
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Baltic Sea Technical Universities Network", 2),
        ("Ассоциация инженерного образования России", 2),
        ("ТГПУ", 1),
        ("Тестбургский государственный педагогический университет", 1),
        ("Тестфордский государственный политехнический университет", 1),
    ]


async def test_a_place_letter_with_generic_words_is_no_abbreviation_of_the_name(
    db: Database,
) -> None:
    """«БГУ» of one article and «Бурятский государственный университет» of another were one
    card: the place's letter is all the letters tell, and Belarusian, Bashkir or Bryansk
    universities spell them too. Registry names keep their own: «МЭИ» is the power engineering
    institute, never «Московский экономический институт»; a name with two telling letters
    («Ассоциация … России» keeps its four) still meets its letters."""
    uni = {"country": "RU", "kind": "university"}
    mei = org("Национальный исследовательский университет «МЭИ»", "Moscow Power Engineering "
              "Institute", "МЭИ", "Московский энергетический институт", **uni)  # fmt: skip
    script = {
        "a": [org("БГУ", None, **uni)],
        "b": [org("Бурятский государственный университет", None, **uni)],
        "c": [org("Московский экономический институт", None, **uni)],
        "d": [mei],
        "e": [org("ТГТИ", None, **uni)],
        "f": [org("Тестбургский горно-технический институт", None, **uni)],
    }
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("БГУ", 1),
        ("Бурятский государственный университет", 1),
        ("Московский экономический институт", 1),
        ('Национальный исследовательский университет "МЭИ"', 1),
        ("Тестбургский горно-технический институт", 2),
    ]


async def test_letters_with_an_eponym_or_complement_meet_the_full_name_with_the_same(
    db: Database,
) -> None:
    """«МГТУ им. Г. И. Носова» and «СибГУ путей сообщения» of one article meet the full names
    of another that end the same way; the same letters after another person, or with another
    complement, stay apart (the letters alone tell no one school)."""
    uni = {"country": "RU", "kind": "university"}
    script = {
        "a": [org("МГТУ им. Г. И. Носова", None, **uni)],
        "b": [org("Магнитогорский государственный технический университет им. Г.И. Носова",
                  None, **uni)],
        "c": [org("Тестовский государственный технический университет им. А. А. Пробина",
                  None, **uni)],
        "d": [org("СибГУ путей сообщения", None, **uni)],
        "e": [org("Сибирский государственный университет путей сообщения", None, **uni)],
        "f": [org("СибГУ водного транспорта", None, **uni)],
    }  # fmt: skip
    rows = await cards(db, script)
    assert sorted((r.name, r.mentions) for r in rows) == [
        ("Магнитогорский государственный технический университет им. Г.И. Носова", 2),
        ("СибГУ водного транспорта", 1),
        ("Сибирский государственный университет путей сообщения", 2),
        ("Тестовский государственный технический университет им. А. А. Пробина", 1),
    ]
