"""Where the extractor places a partner: a nation's university seated abroad, and short country
names that are also common words or given names (invented texts)."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extraction, Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _countries(ex: Extractor, title: str, text: str) -> dict[str, str | None]:
    result: Extraction = ex.extract(ArticleInput(id="t", title=title, text=text))
    return {p.name: p.country for p in result.partners}


def test_a_nations_university_seated_in_a_region_is_placed_where_the_text_seats_it(
    extractor: Extractor,
) -> None:
    """«Американский университет в Центральной Азии» is in Bishkek, not in the United States;
    a name whose seat is a country keeps that country."""
    found = _countries(
        extractor,
        "Политех и Американский университет в Центральной Азии подписали соглашение",
        "СПбПУ и Американский университет в Центральной Азии подписали соглашение о "
        "сотрудничестве в области образования. Университет расположен в Бишкеке. Стороны "
        "договорились об академическом обмене студентами.",
    )
    assert found == {"Американский университет в Центральной Азии": "KG"}
    found = _countries(
        extractor,
        "Британский университет в Египте стал партнером Политеха",
        "Политехнический университет и Британский университет в Египте подписали меморандум о "
        "сотрудничестве.",
    )
    assert found == {"Британский университет в Египте": "EG"}
    # A nation's adjective before a named university describes it: no seat to look for.
    found = _countries(
        extractor,
        "Политех и Финский университет Аалто подписали соглашение",
        "СПбПУ и Финский университет Аалто подписали соглашение об академическом обмене.",
    )
    assert list(found.values()) == ["FI"], found


@pytest.mark.parametrize(
    ("title", "text", "name", "country"),
    [
        # «Мали» opening a sentence is no Mali, and the institute is no Malian one.
        (
            "Политех и Институт прикладной механики подписали соглашение",
            "СПбПУ и Институт прикладной механики подписали соглашение о сотрудничестве. Мали "
            "кто ожидал, что работа начнется так быстро: уже в марте стороны откроют совместную "
            "лабораторию.",
            "Институт прикладной механики",
            "RU",
        ),
        # «Республика Того», «из Того»: the country, though «того» is a pronoun too.
        (
            "Политех и Университет Ломе подписали соглашение",
            "СПбПУ и Университет Ломе (Республика Того) подписали соглашение о сотрудничестве. "
            "Делегация из Того посетила лаборатории Политеха.",
            "Университет Ломе",
            "TG",
        ),
        # "Chad Miller" is a person: the article is about no Chad.
        (
            "SPbPU and Baltic Institute of Robotics sign an agreement",
            "SPbPU and the Baltic Institute of Robotics signed an agreement on joint research. "
            "Chad Miller, the institute's director, visited the university labs. Chad said the "
            "partners would open a joint lab.",
            "Baltic Institute of Robotics",
            "RU",
        ),
        # "Georgia Tech" is in the US state, not in Georgia.
        (
            "SPbPU and Georgia Tech sign an agreement",
            "SPbPU and Georgia Institute of Technology signed an agreement on student exchange.",
            "Georgia Institute of Technology",
            "US",
        ),
    ],
)
def test_a_country_name_that_is_also_a_word_needs_a_country_context(
    extractor: Extractor, title: str, text: str, name: str, country: str
) -> None:
    assert _countries(extractor, title, text).get(name) == country


def test_an_officials_visit_is_read_off_whole_words() -> None:
    """«администрации» and «администратор» hold «министр», "premiere" holds "premier": no
    official's visit. (The rule only decides articles without partners or cooperation words, so
    it is checked on its pattern.)"""
    from bot.facts.extraction.extractor import _OFFICIAL_VISIT

    assert not _OFFICIAL_VISIT.search("Сотрудники администрации района посетили лабораторию")
    assert not _OFFICIAL_VISIT.search("Системный администратор сети побывал в лаборатории")
    assert not _OFFICIAL_VISIT.search("After the premiere the audience visited the museum")
    assert not _OFFICIAL_VISIT.search("The minister said the visitors liked the labs")
    assert _OFFICIAL_VISIT.search("Министр промышленности посетил лабораторию")
    assert _OFFICIAL_VISIT.search("The Governor visited SPbPU labs")


@pytest.mark.parametrize(
    ("title", "text", "name"),
    [
        (
            "Политех и «Нокиа» подписали соглашение о сотрудничестве",
            "Санкт-Петербургский политехнический университет Петра Великого и компания «Нокиа» "
            "подписали соглашение о сотрудничестве в области сетей связи пятого поколения.",
            "Нокиа",
        ),
        (
            "В СПбПУ открылась лаборатория «Шнайдер Электрик»",
            "В Политехническом университете открылась совместная учебная лаборатория с компанией "
            "«Шнайдер Электрик». Лаборатория оснащена оборудованием «Шнайдер Электрик».",
            "Шнайдер Электрик",
        ),
        (
            "Представители «Эр Ликид» посетили Политех",
            "Делегация компании «Эр Ликид» побывала в СПбПУ. По итогам встречи стороны подписали "
            "меморандум о взаимопонимании.",
            "Эр Ликид",
        ),
    ],
)
def test_a_foreign_brand_spelt_in_cyrillic_is_not_guessed_russian(
    extractor: Extractor, title: str, text: str, name: str
) -> None:
    found = _countries(extractor, title, text)
    assert [c for n, c in found.items() if name in n] == [None]
    # A Russian legal form makes the brand's company Russian; a Russian brand stays Russian.
    found = _countries(
        extractor,
        "Политех и ООО «Шнайдер Электрик» договорились о сотрудничестве",
        "СПбПУ и ООО «Шнайдер Электрик» подписали договор о сотрудничестве в подготовке кадров.",
    )
    assert [c for n, c in found.items() if "Шнайдер" in n] == ["RU"]
    found = _countries(
        extractor,
        "Политех и «Ленэнерго» подписали соглашение",
        "СПбПУ и компания «Ленэнерго» подписали соглашение о сотрудничестве.",
    )
    assert [c for n, c in found.items() if "Ленэнерго" in n] == ["RU"]


@pytest.mark.parametrize(
    ("title", "text", "name"),
    [
        (
            "Политех и «Газпром-Медиа Холдинг» подписали соглашение",
            "Политехнический университет и «Газпром-Медиа Холдинг» подписали соглашение о "
            "сотрудничестве в области цифрового телевидения.",
            "Медиа",
        ),
        (
            "СПбПУ и компания «Рамблер Медиа» договорились о стажировках",
            "Политехнический университет и компания «Рамблер Медиа» подписали соглашение о "
            "стажировках студентов.",
            "Рамблер",
        ),
        (
            "Политех и «Эр-Телеком Холдинг» подписали соглашение",
            "Политехнический университет и компания «Эр-Телеком Холдинг» подписали соглашение о "
            "подготовке специалистов в области связи.",
            "Телеком",
        ),
        (
            "Политех и «Гайдар Инжиниринг» подписали соглашение",
            "Политехнический университет и компания «Гайдар Инжиниринг» подписали соглашение о "
            "сотрудничестве в проектировании.",
            "Гайдар",
        ),
    ],
)
def test_a_russian_brand_with_a_foreign_looking_word_stays_russian(
    extractor: Extractor, title: str, text: str, name: str
) -> None:
    """«Медиа» is a Russian word, «Эр-» before a hyphen is a letter's name, «Гайдар» a Russian
    surname: none of them spells a foreign brand, so the company is guessed Russian."""
    found = _countries(extractor, title, text)
    assert [c for n, c in found.items() if name in n] == ["RU"]


def test_a_russian_word_before_an_english_word_by_sound_keeps_the_brand_russian(
    extractor: Extractor,
) -> None:
    """«Цифра Индастри»: the brand is a Russian word («цифра»), the English word after it only
    a fashion of Russian firms' names; «Сименс Энерджи», «Шнайдер Электрик» open with a
    foreign brand or surname and are not guessed Russian."""
    found = _countries(
        extractor,
        "Политех и «Цифра Индастри» подписали соглашение",
        "Политехнический университет и компания «Цифра Индастри» подписали соглашение о "
        "сотрудничестве в области цифровых технологий.",
    )
    assert [c for n, c in found.items() if "Цифра" in n] == ["RU"]
    found = _countries(
        extractor,
        "Политех и «Сименс Энерджи» подписали соглашение",
        "Политехнический университет и компания «Сименс Энерджи» подписали соглашение о "
        "сотрудничестве в области газовых турбин.",
    )
    assert [c for n, c in found.items() if "Сименс" in n] != ["RU"]
