"""Bodies named by their field, programmes, cooperation said after the name, and foreign
companies by their legal form: what the extractor reports for invented press-office texts."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extraction, Extractor, PartnerFact
from storage.db import Database
from tests.test_registry import add_articles, names, registry


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _run(ex: Extractor, title: str, text: str, lang: str) -> Extraction:
    return ex.extract(ArticleInput(id="t", title=title, text=text, lang=lang))


def _names(result: Extraction) -> list[str]:
    return [p.name for p in result.partners]


def _only(result: Extraction) -> PartnerFact:
    assert len(result.partners) == 1, _names(result)
    return result.partners[0]


def test_a_body_named_by_its_field_after_po_delam_keeps_the_whole_field(
    extractor: Extractor,
) -> None:
    text = (
        "Политехнический университет посетила делегация Министерства по делам гражданской "
        "обороны и чрезвычайным ситуациям Республики Беларусь. Стороны обсудили подготовку "
        "инженеров пожарной безопасности и подписали меморандум о сотрудничестве."
    )
    p = _only(_run(extractor, "Визит белорусских спасателей", text, "ru"))
    assert p.name == (
        "Министерство по делам гражданской обороны и чрезвычайным ситуациям Республики Беларусь"
    )
    assert (p.country, p.kind) == ("BY", "government")


def test_a_national_commission_for_unesco_is_not_unesco(extractor: Extractor) -> None:
    text = (
        "Политех и Комиссия Российской Федерации по делам ЮНЕСКО подписали соглашение о "
        "сотрудничестве в области образования для устойчивого развития. Документ подписали "
        "ректор университета и ответственный секретарь комиссии."
    )
    result = _run(extractor, "Соглашение о сотрудничестве", text, "ru")
    p = _only(result)
    assert p.name == "Комиссия Российской Федерации по делам ЮНЕСКО"
    assert p.country == "RU"
    assert p.name_en != "UNESCO" and "ЮНЕСКО" not in p.aliases
    assert [a.parties for a in result.agreements] == [(p.name,)]


def test_a_headline_naming_unesco_and_a_body_naming_its_national_commission_are_two(
    extractor: Extractor,
) -> None:
    text = (
        "Политех и Комиссия Российской Федерации по делам ЮНЕСКО провели совместный семинар "
        "для учителей. Семинар вошёл в программу кафедры устойчивого развития."
    )
    result = _run(extractor, "ЮНЕСКО и Политех: семинар для учителей", text, "ru")
    commission = next(
        (p for p in result.partners if p.name == "Комиссия Российской Федерации по делам ЮНЕСКО"),
        None,
    )
    assert commission is not None, _names(result)
    assert commission.name_en != "UNESCO" and "ЮНЕСКО" not in commission.aliases


def test_a_programme_is_no_partner_and_a_commission_of_many_states_has_no_country(
    extractor: Extractor,
) -> None:
    text = (
        "Политех участвует в проекте, который финансирует Европейская комиссия по программе "
        "Erasmus+. Партнёры проекта — Технический университет Дрездена и Университет Лейпцига, "
        "вместе с которыми Политех разработает курс по цифровому производству."
    )
    result = _run(extractor, "Новый проект с немецкими университетами", text, "ru")
    names = _names(result)
    assert "Erasmus+" not in names
    assert "Технический университет Дрездена" in names
    for p in result.partners:
        assert "Erasmus" not in p.name
        if "комисси" in p.name.lower():
            assert p.name == "Европейская комиссия" and p.country is None


@pytest.mark.parametrize(
    ("title", "text", "lang", "partner"),
    [
        (
            "Конференция по экологии",
            "В Политехе прошла международная конференция «Инженерия и устойчивое развитие». "
            "Её организовала кафедра экологии СПбПУ. Участников приветствовал заместитель "
            "председателя Российского экологического общества, под эгидой которого "
            "конференция проходит уже третий год. В работе приняли участие 200 учёных.",
            "ru",
            "Российское экологическое общество",
        ),
        (
            "Summer school on digital manufacturing",
            "The summer school on digital manufacturing has opened at SPbPU. Its lectures are "
            "given by engineers of Baltic Robotics Ltd, with which the university has run joint "
            "projects since 2018. Forty students from nine countries take part.",
            "en",
            "Baltic Robotics Ltd",
        ),
    ],
)
def test_cooperation_said_in_a_relative_clause_after_the_name(
    extractor: Extractor, title: str, text: str, lang: str, partner: str
) -> None:
    result = _run(extractor, title, text, lang)
    assert result.partnership
    assert _names(result) == [partner]


def test_a_relative_clause_without_cooperation_names_no_partner(extractor: Extractor) -> None:
    text = (
        "Студенты Политеха посетили промышленную выставку в Екатеринбурге. Выставку провело "
        "Министерство промышленности и торговли, под руководством которого в этом году "
        "работали сорок павильонов. Студенты познакомились с новыми станками."
    )
    result = _run(extractor, "Студенты на выставке", text, "ru")
    assert result.partners == ()


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "SPbPU and Baltic Robotics Ltd signed an agreement on joint research in industrial "
            "robotics. The company will open a laboratory on campus.",
            "Baltic Robotics Ltd",
            None,
        ),
        (
            "SPbPU and Nordic Valve Oy signed an agreement on internships for students of the "
            "Institute of Energy. The company will host ten students a year.",
            "Nordic Valve Oy",
            "FI",
        ),
        (
            "SPbPU and Harz Antriebstechnik GmbH signed a memorandum on a joint laboratory of "
            "electric drives. The laboratory will open in the autumn.",
            "Harz Antriebstechnik GmbH",
            "DE",
        ),
    ],
)
def test_a_foreign_company_named_with_its_legal_form_after_the_name(
    extractor: Extractor, text: str, name: str, country: str | None
) -> None:
    result = _run(extractor, "A new industrial partner", text, "en")
    p = _only(result)
    assert (p.name, p.country, p.kind) == (name, country, "company")
    assert [a.parties for a in result.agreements] == [(name,)]


async def test_unesco_and_a_national_commission_for_it_keep_two_cards(db: Database) -> None:
    """What the extractor reports for two articles, ingested into the registry a user browses:
    UNESCO's card and the Russian commission's card stay two."""
    ex = Extractor()
    first = ex.extract(
        ArticleInput(
            id="1",
            title="Кафедра ЮНЕСКО",
            text="Политех и ЮНЕСКО подписали соглашение о создании кафедры ЮНЕСКО по "
            "инженерному образованию. Кафедра начнёт работу в сентябре.",
            lang="ru",
        )
    )
    second = ex.extract(
        ArticleInput(
            id="2",
            title="Соглашение с комиссией",
            text="Политех и Комиссия Российской Федерации по делам ЮНЕСКО подписали соглашение "
            "о сотрудничестве в области образования для устойчивого развития.",
            lang="ru",
        )
    )
    script = {"a": list(first.partners), "b": list(second.partners)}
    assert [p.name for p in script["a"]] == ["ЮНЕСКО"]
    await add_articles(db, list(script))
    partners, _ = await registry(db, script)
    assert sorted(c[0] for c in await names(partners)) == [
        "Комиссия Российской Федерации по делам ЮНЕСКО",
        "ЮНЕСКО",
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Severny Press corporation opened a laboratory of metal forming at SPbPU. The "
            "corporation has been a partner of the university for ten years.",
            "Severny Press",
        ),
        (
            "Zhejiang Dahua Machinery Co., Ltd. donated two CNC machines to the SPbPU laboratory "
            "of additive technologies. The company has cooperated with the university since 2019.",
            "Zhejiang Dahua Machinery Co., Ltd",
        ),
    ],
)
def test_a_company_giving_a_lab_or_equipment_in_english_is_a_partner(
    extractor: Extractor, text: str, name: str
) -> None:
    """A company named before the word for it or with its legal form, which opens a lab or
    gives equipment: the partner; the technology's abbreviation ("CNC") is none."""
    result = _run(extractor, "A new laboratory", text, "en")
    assert result.partnership
    assert _names(result) == [name]


async def test_a_company_whose_name_is_a_quoted_abbreviation_gets_its_card(db: Database) -> None:
    """«АО «ЛОМО»»: the quoted abbreviation behind the legal form is the company's whole name.
    The registry kept no card for an abbreviation it could not place, so the partner of a signed
    agreement was missing from /partners."""
    ex = Extractor()
    result = ex.extract(
        ArticleInput(
            id="1",
            title="Соглашение с оптиками",
            text="Политех и АО «ЛОМО» подписали соглашение о подготовке инженеров-оптиков. "
            "Компания откроет в университете базовую кафедру.",
            lang="ru",
        )
    )
    assert [p.name for p in result.partners] == ["ЛОМО"]
    script = {"a": list(result.partners)}
    await add_articles(db, list(script))
    partners, _ = await registry(db, script)
    assert [c[0] for c in await names(partners)] == ["ЛОМО"]
