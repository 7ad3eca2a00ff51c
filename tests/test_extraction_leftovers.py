"""Extraction leftovers a user meets on partner cards, on invented texts: names cut to their
abbreviation, a school's letters read as the registry's other school, posts read as partners."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extraction, Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _run(ex: Extractor, title: str, text: str, lang: str = "ru") -> Extraction:
    return ex.extract(ArticleInput(id="t", title=title, text=text, lang=lang))


def _names(result: Extraction) -> list[str]:
    return [p.name for p in result.partners]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Санкт-Петербургский политехнический университет и МГТУ им. Г. И. Носова подписали "
            "соглашение о сотрудничестве в области металлургии.",
            "МГТУ им. Г. И. Носова",
        ),
        (
            "Политех подписал соглашение с ОмГТУ имени П. А. Столыпина о подготовке инженеров.",
            "ОмГТУ имени П. А. Столыпина",
        ),
        (
            "Политех подписал соглашение с СибГУ путей сообщения о подготовке инженеров.",
            "СибГУ путей сообщения",
        ),
    ],
    ids=["im", "imeni", "complement"],
)
def test_abbreviation_keeps_its_eponym_or_genitive_complement(
    extractor: Extractor, text: str, name: str
) -> None:
    """«МГТУ им. Г. И. Носова» is a card of its own, not «МГТУ» (which names another school)."""
    assert name in _names(_run(extractor, "Новое соглашение", text))


def test_abbreviation_with_complement_is_not_the_registry_school_of_its_letters(
    extractor: Extractor,
) -> None:
    """«ВГУ водного транспорта» is not Voronezh State University, «МГУ пищевых производств» not
    Lomonosov Moscow State University, «КГТУ им. А. Н. Туполева» not the Kyrgyz КГТУ."""
    names = _names(
        _run(
            extractor,
            "Политех и КГТУ им. А. Н. Туполева",
            "Политех заключил договоры о сотрудничестве с ВГУ водного транспорта и МГУ пищевых "
            "производств, а также с КГТУ им. А. Н. Туполева.",
        )
    )
    assert "ВГУ водного транспорта" in names
    assert "МГУ пищевых производств" in names
    assert "КГТУ им. А. Н. Туполева" in names
    assert not any(
        n.startswith(("Воронежский", "Московский государственный университет им", "Кыргыз"))
        for n in names
    )


def test_registry_spelling_of_an_abbreviation_with_complement(extractor: Extractor) -> None:
    """«РГУ нефти и газа (НИУ) имени И.М. Губкина» is the registry's Gubkin University, not
    «РГУ»."""
    names = _names(
        _run(
            extractor,
            "Совместная магистратура",
            "Политехнический университет и РГУ нефти и газа (НИУ) имени И.М. Губкина запускают "
            "совместную магистерскую программу по цифровой энергетике.",
        )
    )
    assert names == ["Губкинский университет"]


def test_latin_abbreviation_and_city_are_one_institution(extractor: Extractor) -> None:
    """ "IIT Delhi", "IIIT Hyderabad": the letters name a family of sister institutes, the city
    which one; the card is not a bare "IIT" (nor a company of that name)."""
    known = _run(
        extractor,
        "Delegation from IIT Delhi visits Polytechnic",
        "A delegation from IIT Delhi visited SPbPU to discuss cooperation in energy systems. "
        "The sides agreed to prepare a joint summer school.",
        lang="en",
    )
    assert [(p.name, "IIT Delhi" in p.aliases) for p in known.partners] == [
        ("Indian Institute of Technology Delhi", True)
    ]
    unknown = _run(
        extractor,
        "Polytechnic hosts guests from IIIT Hyderabad",
        "Representatives of IIIT Hyderabad held talks at SPbPU on joint programs in artificial "
        "intelligence. The parties signed a memorandum of cooperation.",
        lang="en",
    )
    assert _names(unknown) == ["IIIT Hyderabad"]


def test_known_letters_and_their_own_city_are_that_body(extractor: Extractor) -> None:
    """ "BSU Minsk": the registry's BSU is in Belarus, so the letters are the Belarusian State
    University and Minsk only where it is; the card was a company «BSU Minsk»."""
    result = _run(
        extractor,
        "SPbPU and BSU",
        "SPbPU and BSU Minsk signed an agreement on academic exchange.",
        lang="en",
    )
    assert [(p.name_en or p.name, p.kind) for p in result.partners] == [
        ("Belarusian State University", "university")
    ]


@pytest.mark.parametrize(
    ("title", "text", "lang"),
    [
        (
            "Ушёл из жизни профессор Николай Кузнецов",
            "На 85-м году жизни скончался профессор кафедры гидравлики Николай Петрович "
            "Кузнецов. Он много лет сотрудничал с Техническим университетом Дрездена и "
            "Университетом Аалто, читал лекции в Китае. Коллеги и ученики скорбят.",
            "ru",
        ),
        (
            "Sad news",
            "Professor Anna Lebedeva, who founded the Laboratory of Polymer Materials, passed "
            "away on Monday. For twenty years she cooperated with Aalto University and the "
            "University of Oulu, where she taught as a visiting professor.",
            "en",
        ),
    ],
    ids=["ru", "en"],
)
def test_obituary_is_no_partnership_news(
    extractor: Extractor, title: str, text: str, lang: str
) -> None:
    """The guidelines' negative: an obituary naming the universities the deceased worked with.
    No card gets the article."""
    result = _run(extractor, title, text, lang=lang)
    assert (result.partnership, _names(result)) == (False, [])


@pytest.mark.parametrize(
    ("title", "text", "lang", "name"),
    [
        (
            "Политех и «Силовые машины» открыли лабораторию имени профессора Иванова",
            "В СПбПУ открылась совместная с компанией «Силовые машины» лаборатория имени "
            "профессора Ивана Петровича Иванова, который скончался в 2019 году. Лаборатория "
            "займётся испытаниями паровых турбин, компания передала в неё стенды.",
            "ru",
            "Силовые машины",
        ),
        (
            "SPbPU and Siemens open a laboratory named after Professor Smirnov",
            "Peter the Great St. Petersburg Polytechnic University and Siemens opened a joint "
            "laboratory named after Professor Oleg Smirnov, who died in 2020. Siemens provided "
            "the controllers and will run internships for the students.",
            "en",
            "Siemens",
        ),
        (
            "Политех и Университет Цинхуа провели совместную летнюю школу",
            "Расстояние не стало препятствием: СПбПУ и Университет Цинхуа провели совместную "
            "летнюю школу по робототехнике. Стороны договорились продолжить сотрудничество.",
            "ru",
            "Цинхуа",
        ),
    ],
    ids=["eponym-ru", "eponym-en", "ne-stalo-instrumental"],
)
def test_a_partnership_lead_mentioning_a_death_is_no_obituary(
    extractor: Extractor, title: str, text: str, lang: str, name: str
) -> None:
    """A lab named after a late professor («…, который скончался», "…, who died") or «не стало
    препятствием» is partnership news with its partner; the obituary cue took the article."""
    result = _run(extractor, title, text, lang=lang)
    assert result.partnership
    assert any(name in p.name or name in p.aliases for p in result.partners), result.partners


def test_a_death_in_a_relative_clause_opening_the_lead_is_still_an_obituary(
    extractor: Extractor,
) -> None:
    """The professor who died is the lead's subject: an obituary, though the headline opens
    with «Памяти» and the lead names a joint laboratory."""
    result = _run(
        extractor,
        "Памяти профессора Иванова",
        "Профессор Иван Иванов, который скончался 3 мая, был основателем совместной "
        "лаборатории Политеха и компании «Силовые машины». Коллеги выражают соболезнования "
        "семье.",
    )
    assert (result.partnership, _names(result)) == (False, [])


def test_official_visit_without_talks_is_no_partnership_news(extractor: Extractor) -> None:
    """An official touring the labs, with no talks, delegation or joint work, is no partnership
    news; the same visit with joint projects discussed is."""
    for title, text, lang in [
        (
            "Governor visits Polytechnic laboratories",
            "The Governor of St. Petersburg visited SPbPU laboratories and saw the latest "
            "developments in robotics. Rector Andrei Rudskoi showed him the new engineering "
            "center.",
            "en",
        ),
        (
            "Губернатор Ленинградской области в Политехе",
            "Губернатор Ленинградской области побывал в Передовой инженерной школе СПбПУ. Он "
            "осмотрел лаборатории и пообщался со студентами.",
            "ru",
        ),
    ]:
        result = _run(extractor, title, text, lang=lang)
        assert (result.partnership, _names(result)) == (False, []), text
    result = _run(
        extractor,
        "Губернатор посетил Политех",
        "Губернатор Санкт-Петербурга посетил Политехнический университет. Стороны обсудили "
        "совместные проекты в области беспилотного транспорта и подготовку кадров.",
    )
    assert result.partnership


def test_a_grants_fund_is_no_partner(extractor: Extractor) -> None:
    """The guidelines' grant won alone: the fund that gives it or pays for the work is no
    partner, and the news is no partnership news; a fund that signs with the university is."""
    alone = _run(
        extractor,
        "Проект Политеха получил поддержку",
        "Проект лаборатории нейротехнологий СПбПУ поддержан грантом Российского научного фонда. "
        "Исследование финансируется Российским научным фондом в течение трёх лет.",
    )
    assert (alone.partnership, _names(alone)) == (False, [])
    joint = _run(
        extractor,
        "Joint project with Tomsk Polytechnic",
        "SPbPU and Tomsk Polytechnic University launched a joint project on hydrogen energy. "
        "The project is funded by the Foundation for Assistance to Small Innovative "
        "Enterprises.",
        lang="en",
    )
    assert _names(joint) == ["Tomsk Polytechnic University"]
    signed = _run(
        extractor,
        "Политех и РНФ подписали соглашение",
        "Политехнический университет и Российский научный фонд подписали соглашение о "
        "сотрудничестве в области поддержки молодых учёных.",
    )
    assert _names(signed) == ["Российский научный фонд"]


def test_a_quoted_name_declined_in_the_headline_shows_as_the_texts_nominative(
    extractor: Extractor,
) -> None:
    """«Соглашение с «Невскими композитами»» in the headline, «ООО «Невские композиты»» in the
    text: the card reads «Невские композиты», not the headline's instrumental."""
    result = _run(
        extractor,
        "Соглашение с «Невскими композитами»",
        "Политех подписал соглашение с ООО «Невские композиты» о совместных исследованиях.",
    )
    assert _names(result) == ["Невские композиты"]


def test_an_abbreviation_with_its_eponym_meets_the_full_name(extractor: Extractor) -> None:
    """«МГТУ им. Г. И. Носова» in the headline and the full name in the text are one partner,
    shown by its full name; a status's letters before the eponym («(НИУ) имени …») are part of
    the name, not an alias a user would find the card by."""
    result = _run(
        extractor,
        "Соглашение с МГТУ им. Г. И. Носова",
        "Магнитогорский государственный технический университет им. Г.И. Носова и Политех "
        "подписали соглашение. Ректор МГТУ посетил лаборатории СПбПУ.",
    )
    assert _names(result) == [
        "Магнитогорский государственный технический университет им. Г.И. Носова"
    ]
    status = _run(
        extractor,
        "Новое соглашение",
        "СПбПУ и Российский государственный университет нефти и газа (НИУ) имени И.М. Губкина "
        "подписали соглашение о подготовке инженеров.",
    )
    [partner] = status.partners
    assert partner.name.endswith("(НИУ) имени И.М. Губкина")
    assert "НИУ" not in partner.aliases


def test_registry_letters_the_stemmer_shortens_are_found_after_a_status(
    extractor: Extractor,
) -> None:
    """«с НИУ «МЭИ»»: the tagger reads no name, and «МЭИ» keys as the two letters «ме» (its
    «И» taken for a case ending), which the registry's word list left out: no partner."""
    result = _run(
        extractor,
        "Новое соглашение",
        "Политех подписал соглашение о сотрудничестве с НИУ «МЭИ» в области подготовки инженеров.",
    )
    assert _names(result) == ["Национальный исследовательский университет «МЭИ»"]


def test_a_company_form_spelt_out_is_a_company(extractor: Extractor) -> None:
    """«Публичное акционерное общество «X»» is a company as «ПАО «X»» is; the card said «другое»
    (the kind of «общество»)."""
    result = _run(
        extractor,
        "Политех и «Звезда»",
        "СПбПУ и Публичное акционерное общество «Звезда» подписали соглашение о подготовке "
        "инженеров-дизелистов.",
    )
    assert [(p.name, p.kind) for p in result.partners] == [("Звезда", "company")]
