"""Russian bodies as SPbPU's press office names them: a branch named before its parent, the
university's own units named through its name, for invented texts (what the extractor reports)."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extraction, Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _names(ex: Extractor, title: str, text: str, lang: str) -> list[str]:
    result: Extraction = ex.extract(ArticleInput(id="t", title=title, text=text, lang=lang))
    return [p.name for p in result.partners]


@pytest.mark.parametrize(
    ("title", "text", "lang", "branch", "parent"),
    [
        (
            "Winter School Held with Kolomna Branch of Moscow Polytechnic",
            "The Kolomna Engineering Institute, a branch of Moscow Polytechnic University, and"
            " SPbPU held a joint winter school on diesel engine design. Forty students attended"
            " lectures by teachers of both universities. The Kolomna Engineering Institute will"
            " host the next school in February.",
            "en",
            "Kolomna Engineering Institute",
            "Moscow Polytechnic University",
        ),
        (
            "Политех и Чебоксарский институт подписали соглашение",
            "Политехнический университет и Чебоксарский институт (ЧИ) — филиал Московского"
            " политехнического университета — подписали соглашение о сотрудничестве в"
            " подготовке инженеров-электриков. Преподаватели Чебоксарского института пройдут"
            " стажировку в Институте энергетики СПбПУ.",
            "ru",
            "Чебоксарский институт",
            "Московский политехнический университет",
        ),
    ],
)
def test_a_branch_named_before_its_parent_is_the_partner_not_the_parent(
    extractor: Extractor, title: str, text: str, lang: str, branch: str, parent: str
) -> None:
    """ "X, a branch of Y", «X — филиал Y», a headline's "X Branch of Y": the guidelines'
    partner is the branch; its parent only describes it."""
    got = _names(extractor, title, text, lang)
    assert got == [branch], parent


@pytest.mark.parametrize(
    ("title", "text", "lang", "partner"),
    [
        (
            "SPbPU and Hydrometeorology Service Sign Agreement",
            "The Federal Service for Hydrometeorology and Environmental Monitoring and SPbPU"
            ' signed an agreement on monitoring ice on northern rivers. "This agreement brings'
            " hydraulics and meteorology together,\" said the head of the Polytechnic's"
            " Department of Hydraulic Engineering.",
            "en",
            "Federal Service for Hydrometeorology and Environmental Monitoring",
        ),
        (
            "В «Северной верфи» открылась базовая кафедра",
            "На судостроительном заводе «Северная верфь» открылась базовая кафедра"
            " Политехнического университета «Проектирование судовых энергетических установок»."
            " Занятия будут вести инженеры завода.",
            "ru",
            "Северная верфь",
        ),
    ],
)
def test_the_universitys_unit_named_through_its_name_is_no_partner(
    extractor: Extractor, title: str, text: str, lang: str, partner: str
) -> None:
    """ "the Polytechnic's Department of …", «кафедра Политехнического университета «X»»: the
    university's own unit, never a partner beside the real one."""
    got = _names(extractor, title, text, lang)
    assert any(partner in n for n in got), got
    assert not any("Polytechnic" in n or "Политехническ" in n or "Department" in n for n in got)


@pytest.mark.parametrize(
    ("title", "text", "lang"),
    [
        (
            "SPbPU at the Aerospace Fair in Zhukovsky",
            "SPbPU presented its unmanned aircraft at the aerospace fair in Zhukovsky. The"
            " university's stand was visited by the Deputy Minister of Transport and by managers"
            " of United Engine Corporation and Aeroflot, who were shown a cargo drone. The"
            " Polytechnic team also presented a hydrogen engine prototype.",
            "en",
        ),
        (
            "Политех показал беспилотники на авиасалоне",
            "Политехнический университет представил свои беспилотники на авиасалоне в"
            " Жуковском. Стенд университета посетили заместитель министра транспорта и"
            " руководители Объединённой двигателестроительной корпорации и «Аэрофлота»,"
            " которым показали грузовой дрон.",
            "ru",
        ),
    ],
)
def test_visitors_of_the_universitys_stand_are_no_partners(
    extractor: Extractor, title: str, text: str, lang: str
) -> None:
    """Bodies whose people visited the university's stand at a fair attend; nobody
    cooperates, and the article is no partnership news."""
    result = extractor.extract(ArticleInput(id="t", title=title, text=text, lang=lang))
    assert (result.partnership, [p.name for p in result.partners]) == (False, [])


def test_a_conference_told_by_its_sponsors_and_speakers_is_no_partnership(
    extractor: Extractor,
) -> None:
    """Sponsors and the speakers' employers each have a role of their own at the occasion;
    with nobody else named the article is no partnership news."""
    text = (
        "The International Symposium on Turbomachinery was held at Peter the Great St."
        " Petersburg Polytechnic University. The symposium was sponsored by Power Machines and"
        " Rosatom. Keynote talks were given by professors of Bauman Moscow State Technical"
        " University and the Central Institute of Aviation Motors. More than 200 researchers"
        " discussed blade cooling and rotor dynamics."
    )
    result = extractor.extract(
        ArticleInput(id="t", title="Polytechnic Hosts Turbomachinery Symposium", text=text)
    )
    assert (result.partnership, [p.name for p in result.partners]) == (False, [])


@pytest.mark.parametrize(
    ("title", "text", "lang"),
    [
        (
            "Конференция в Политехе: спонсором и соорганизатором выступила «Газпром нефть»",
            "В Политехническом университете прошла конференция «Цифровая индустрия». Спонсором и "
            "соорганизатором конференции выступила компания «Газпром нефть», с докладами "
            "выступили специалисты компании.",
            "ru",
        ),
    ],
)
def test_a_conference_with_a_co_organiser_is_partnership_though_sponsored(
    extractor: Extractor, title: str, text: str, lang: str
) -> None:
    """A body that organises the occasion with the university cooperates with it, whoever
    else sponsors it or speaks there."""
    result = extractor.extract(ArticleInput(id="t", title=title, text=text, lang=lang))
    assert result.partnership


@pytest.mark.parametrize(
    ("title", "text", "lang", "name"),
    [
        (
            "Startups of SPbPU Get Residency in Kaluga",
            'The Special Economic Zone "Kaluga" and SPbPU signed an agreement on hosting the'
            " university's startups. Teams will get offices and access to the zone's test"
            " laboratories.",
            "en",
            'Special Economic Zone "Kaluga"',
        ),
        (
            "Инженеры для резидентов «Титановой долины»",
            "Особая экономическая зона «Титановая долина» и Политех подписали соглашение о"
            " подготовке инженеров для резидентов зоны. Обучение начнётся в сентябре.",
            "ru",
            "Особая экономическая зона «Титановая долина»",
        ),
    ],
)
def test_a_special_economic_zone_is_a_partner_of_its_own(
    extractor: Extractor, title: str, text: str, lang: str, name: str
) -> None:
    """A special economic zone named with its quoted name co-signs as a body of its own
    (kind other), not as a bare quoted word or a company."""
    result = extractor.extract(ArticleInput(id="t", title=title, text=text, lang=lang))
    assert [(p.name, p.kind) for p in result.partners] == [(name, "other")]
    assert [a.parties for a in result.agreements] == [(name,)]


def test_a_federal_services_name_keeps_its_fields_after_a_comma(extractor: Extractor) -> None:
    """ "Federal Service for State Registration, Cadastre and Cartography" is one name, as a
    ministry's portfolio is: no "Cartography" of its own."""
    text = (
        "The Federal Service for State Registration, Cadastre and Cartography and SPbPU signed"
        " an agreement on training cadastral engineers. The first course starts in March."
    )
    got = _names(extractor, "SPbPU to Train Cadastral Engineers", text, "en")
    assert got == ["Federal Service for State Registration, Cadastre and Cartography"]


@pytest.mark.parametrize(
    ("lang", "title", "text"),
    [
        (
            "ru",
            "Политех и «Севморнефтегаз» будут готовить инженеров для Арктики",
            "Санкт-Петербургский политехнический университет Петра Великого и компания "
            "«Севморнефтегаз» подписали соглашение о подготовке инженеров в интересах Арктической "
            "зоны Российской Федерации. Работы пойдут в прибрежной зоне и в зоне вечной мерзлоты.",
        ),
        (
            "en",
            "SPbPU and Gazprom Neft Sign Agreement",
            "Peter the Great St. Petersburg Polytechnic University signed an agreement with "
            "Gazprom Neft on research in the Arctic Zone of Russia and in the Coastal Zone.",
        ),
    ],
)
def test_a_zone_that_is_a_place_is_no_partner(
    extractor: Extractor, lang: str, title: str, text: str
) -> None:
    """Only a special economic zone is a body; the Arctic zone and a coastal zone are places."""
    names = _names(extractor, title, text, lang)
    assert not [n for n in names if "зон" in n.lower() or "zone" in n.lower()], names
    assert len(names) == 1, names


@pytest.mark.parametrize(
    ("title", "text", "lang", "founders"),
    [
        (
            "В Политехе открыт центр сварочных технологий",
            "В Политехническом университете открыт центр сварочных технологий. Учредителями"
            " центра стали Санкт-Петербургский политехнический университет, Выборгский"
            " судостроительный завод и Институт электросварки Северо-Запада. Центр займётся"
            " сваркой корпусов судов ледового класса.",
            "ru",
            ["Выборгский судостроительный завод", "Институт электросварки Северо-Запада"],
        ),
        (
            "New Battery Lab Opens on Campus",
            "A joint laboratory for solid-state batteries opened at SPbPU this week. It was"
            " founded by the Polytechnic and Baltic Cells Corporation. Its engineers will test"
            " electrolytes for electric buses.",
            "en",
            ["Baltic Cells Corporation"],
        ),
    ],
)
def test_founders_listed_with_the_university_are_partners(
    extractor: Extractor, title: str, text: str, lang: str, founders: list[str]
) -> None:
    """«Учредителями центра стали СПбПУ, X и Y», "founded by the Polytechnic and X": the
    guidelines' co-founders of a joint centre are partners."""
    assert sorted(_names(extractor, title, text, lang)) == sorted(founders)


def test_founders_of_a_body_the_university_only_visits_are_no_partners(
    extractor: Extractor,
) -> None:
    """A centre founded by someone else long ago, which students visit: its founder is no
    partner (the list of founders does not hold the university)."""
    text = (
        "Students of SPbPU's Institute of Energy visited the Severny Wind Research Centre. The"
        " centre was founded by Nordvind Corporation in 1994. The students toured its test"
        " site and heard a lecture on offshore turbines."
    )
    got = _names(extractor, "Students Visit a Wind Research Centre", text, "en")
    assert "Nordvind Corporation" not in got, got


@pytest.mark.parametrize(
    ("title", "text", "lang", "unit"),
    [
        (
            "Политех и Ленинградская АЭС заключили договор",
            "Политехнический университет и Ленинградская АЭС (филиал АО «Концерн"
            " Росэнергоатом») заключили договор о целевом обучении инженеров. Студенты пройдут"
            " практику в цехах станции.",
            "ru",
            "Ленинградская АЭС",
        ),
        (
            "Политех и Смоленская АЭС",
            "Политехнический университет и Смоленская атомная станция, которая является"
            " филиалом АО «Концерн Росэнергоатом», подписали соглашение о подготовке инженеров"
            " для новых энергоблоков.",
            "ru",
            "Смоленская АЭС",
        ),
        (
            "SPbPU Signs Memorandum on Nuclear Engineering",
            "SPbPU and Atomenergoproekt, the Rosatom company that designs nuclear power plants,"
            " signed a memorandum on training design engineers.",
            "en",
            "Atomenergoproekt",
        ),
    ],
)
def test_a_parent_in_brackets_or_a_clause_after_its_unit_is_no_partner(
    extractor: Extractor, title: str, text: str, lang: str, unit: str
) -> None:
    """«X (филиал АО «Y»)», «X, которая является филиалом Y», "X, the Y company that ...":
    the unit is the partner, its parent only describes it (context by the guidelines)."""
    assert _names(extractor, title, text, lang) == [unit]


@pytest.mark.parametrize(
    ("lang", "title", "text"),
    [
        (
            "ru",
            "Экономическая зона Калининградской области: лекция в Политехе",
            "Эксперты Политехнического университета прочитали лекцию об особенностях "
            "экономической зоны Калининградской области и свободной таможенной зоны.",
        ),
        (
            "en",
            "SPbPU and Shirshov Institute to Study the Exclusive Economic Zone",
            "Peter the Great St. Petersburg Polytechnic University and the Shirshov Institute of "
            "Oceanology signed an agreement to study the resources of Russia's Exclusive Economic "
            "Zone in the Arctic.",
        ),
    ],
)
def test_an_economic_zone_is_a_body_only_as_a_special_or_free_one(
    extractor: Extractor, lang: str, title: str, text: str
) -> None:
    """«Особая»/«свободная экономическая зона», a special or free economic zone is a body; a
    region's economic zone, a customs zone, an exclusive economic zone at sea are places."""
    names = _names(extractor, title, text, lang)
    assert not [n for n in names if "зон" in n.lower() or "zone" in n.lower()], names


@pytest.mark.parametrize(
    "text",
    [
        "The festival was organised by Peter the Great St. Petersburg Polytechnic University "
        "together with the Federal Agency for Youth Affairs, Gazprom Neft and Yandex.",
        "Peter the Great St. Petersburg Polytechnic University, the Ministry of Science, Rosatom "
        "and Yandex signed a four-party agreement on training engineers.",
    ],
)
def test_known_bodies_listed_after_a_ministry_are_no_portfolio(
    extractor: Extractor, text: str
) -> None:
    """A comma list after a federal agency or a ministry is its portfolio only while it lists
    fields: «Gazprom Neft», «Rosatom» are organisations of their own."""
    names = _names(extractor, "SPbPU and partners", text, "en")
    assert "Yandex" in names, names
    assert not [n for n in names if "," in n], names
