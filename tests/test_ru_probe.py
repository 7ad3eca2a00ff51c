"""Russian organisations named the ways a press office names them: companies behind legal forms
and nested quotes, groups of companies, federal bodies in full and short forms and their
territorial offices, regional committees, academy institutes and universities with «имени».
The probe sets are tests/data/ru_probe.jsonl (written before the extractor was measured on it)
and tests/data/ru_probe2.jsonl (written after the fixes it measures); bench/eval_dom_probe.py
reads either with models fitted without the sealed round.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.facts.extraction import ArticleInput, Extraction, Extractor
from tests import probes


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _probes() -> dict[str, dict[str, Any]]:
    return probes.load("ru_probe.jsonl")


def _names(result: Extraction) -> list[str]:
    return [p.name for p in result.partners]


@pytest.mark.parametrize(
    "pid",
    [
        "ru06",  # «Группа компаний «Цифра» стала индустриальным партнёром …»
        "ru34",  # «заключил соглашение с Российским экспортным центром»: a unit's head word
        "ru47",  # «Работа выполнена по заказу ГК «Эталон»: компания будет …»
        "ru67",  # «Администрация Петрозаводского городского округа заказала Политеху …»
    ],
)
def test_russian_body_is_found(extractor: Extractor, pid: str) -> None:
    p = _probes()[pid]
    result = probes.extract(extractor, p)
    assert result.partnership
    assert all(probes.found(result, g) for g in p["partners"]), _names(result)


@pytest.mark.parametrize(
    "pid",
    [
        "ru03",  # «ПАО «Территориальная генерирующая компания № 1»» and «ТГК-1»
        "ru05",  # the full name and «директор ЦНИИХМ» (not declined into «ЦНИИХМЫ»)
        "ru09",  # «Министерство природных ресурсов и экологии …» and «Минприроды России»
        "ru10",  # «Федеральной службой по интеллектуальной собственности» and «Роспатента»
        "ru36",  # the agency in full and «Росморречфлот», beside the ministry
        "ru49",  # «Главное управление МЧС России по г. …» and «ГУ МЧС по Петербургу»: not
        # «МЧС России» and «ГУ»
    ],
)
def test_full_and_short_forms_are_one_partner(extractor: Extractor, pid: str) -> None:
    p = _probes()[pid]
    result = probes.extract(extractor, p)
    assert len(result.partners) == len(p["partners"]), _names(result)


def test_abbreviation_is_not_read_as_another_institute(extractor: Extractor) -> None:
    # «ИПУ РАН» is not the registry's «ИПА РАН» (the stemmer cuts both to one key).
    result = probes.extract(extractor, _probes()["ru18"])
    assert _names(result) == ["Институт проблем управления им. В. А. Трапезникова РАН"]


def test_title_of_several_words_before_initials_stays_in_the_name(extractor: Extractor) -> None:
    result = probes.extract(extractor, _probes()["ru32"])
    assert (
        "Санкт-Петербургский государственный университет гражданской авиации имени Главного "
        "маршала авиации А. А. Новикова"
    ) in _names(result)


def test_students_bureau_named_with_the_university_names_no_partner(
    extractor: Extractor,
) -> None:
    # «студенческому конструкторскому бюро «Политех-Дрон»»: no «Дрон», no «Политех-Дрон».
    result = probes.extract(extractor, _probes()["ru07"])
    assert not any("Дрон" in n for p in result.partners for n in (p.name, *p.aliases))


def test_type_abbreviation_before_a_quoted_name_is_a_partner(extractor: Extractor) -> None:
    text = (
        "Политех и НПП «Радар ммс» подписали соглашение о сотрудничестве в области радиолокации. "
        "Специалисты НПП «Радар ммс» будут руководить выпускными работами студентов."
    )
    result = extractor.extract(ArticleInput(id="t", title="", text=text, lang="ru"))
    assert _names(result) == ["НПП «Радар ммс»"]


def test_probe_partner_f1_stays_above_its_floor(extractor: Extractor) -> None:
    f1, (tp, fp, fn) = probes.partner_f1(extractor, _probes())
    assert f1 >= 0.92, (tp, fp, fn)  # 0.868 on the code before the fixes it drove


def test_second_probe_partner_f1_stays_above_its_floor(extractor: Extractor) -> None:
    f1, (tp, fp, fn) = probes.partner_f1(extractor, probes.load("ru_probe2.jsonl"))
    assert f1 >= 0.86, (tp, fp, fn)  # 0.842 on the code before the fixes, written after them


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Политех подписал соглашение с Кронштадтским научным центром РАН о совместных "
            "исследованиях климата Финского залива. Сотрудники центра и студенты Политеха "
            "проведут первую экспедицию летом.",
            "Кронштадтский научный центр РАН",
        ),
        (
            "Политех и Институт гидродинамики имени В. П. Рябова УрО РАН (ИГД УрО РАН) "
            "подписали соглашение о совместной аспирантуре. Первые аспиранты начнут обучение "
            "осенью.",
            "Институт гидродинамики имени В. П. Рябова УрО РАН",
        ),
    ],
)
def test_academy_body_is_named_with_its_academy(extractor: Extractor, text: str, name: str) -> None:
    # Not the Academy of Sciences alone, nor the name cut before its academy.
    result = extractor.extract(ArticleInput(id="t", title="", text=text, lang="ru"))
    assert _names(result) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Политех подписал соглашение с АНО «Агентство развития инженерного образования "
            "Северо-Запада и Арктической зоны» о подготовке кадров. Агентство поможет "
            "организовать практику студентов на предприятиях региона.",
            "Агентство развития инженерного образования Северо-Запада и Арктической зоны",
        ),
        (
            "Политех подписал соглашение с Государственным научным центром «Гидромаш» о "
            "совместных исследованиях насосов. Сотрудники центра будут руководить дипломными "
            "работами студентов.",
            "Государственный научный центр «Гидромаш»",
        ),
        (
            "Политех подписал соглашение с ГНЦ РФ «Институт прикладной гидроакустики РАН» о "
            "совместной лаборатории. Лаборатория откроется в сентябре.",
            "ГНЦ РФ «Институт прикладной гидроакустики РАН»",
        ),
    ],
)
def test_body_behind_its_status_is_a_partner(extractor: Extractor, text: str, name: str) -> None:
    # A long name behind «АНО», a state research centre behind a unit's head word, a quoted
    # name behind «ГНЦ РФ» (not the «РАН» inside it).
    result = extractor.extract(ArticleInput(id="t", title="", text=text, lang="ru"))
    assert _names(result) == [name]


def test_name_with_a_quoted_parent_inside_stays_whole(extractor: Extractor) -> None:
    text = (
        "Политех и АО «Северный филиал концерна «Гранат» — Приборный завод» подписали "
        "соглашение о целевом обучении. Инженеры завода будут руководить практикой студентов."
    )
    result = extractor.extract(ArticleInput(id="t", title="", text=text, lang="ru"))
    assert _names(result) == ["Северный филиал концерна «Гранат» — Приборный завод"]


def test_subsidiary_described_by_its_parent_is_no_name(extractor: Extractor) -> None:
    text = (
        "Политех подписал соглашение о подготовке кадров с дочерней компанией «Гранатомаша» — "
        "АО «Гранатэнерго». Студенты пройдут практику на заводах компании."
    )
    result = extractor.extract(ArticleInput(id="t", title="", text=text, lang="ru"))
    assert not any(n.startswith("Дочерн") for n in _names(result)), _names(result)
    assert "Гранатэнерго" in _names(result)


def test_university_attached_to_the_government_is_one_partner(extractor: Extractor) -> None:
    text = (
        "Политех подписал соглашение о сетевой магистратуре с Финансовым университетом при "
        "Правительстве Российской Федерации. Студенты проведут в партнёрском вузе один семестр."
    )
    result = extractor.extract(ArticleInput(id="t", title="", text=text, lang="ru"))
    assert _names(result) == ["Финансовый университет при Правительстве Российской Федерации"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Губернатор Новгородской области и ректор Политеха подписали соглашение о "
            "сотрудничестве. Университет будет готовить инженеров для предприятий региона.",
            "Правительство Новгородской области",
        ),
        (
            "Политех и Пермский край подписали соглашение о сотрудничестве на инвестиционном "
            "форуме. Стороны займутся подготовкой кадров для промышленности края.",
            "Правительство Пермского края",
        ),
    ],
)
def test_region_that_signs_is_its_government(extractor: Extractor, text: str, name: str) -> None:
    result = extractor.extract(ArticleInput(id="t", title="", text=text, lang="ru"))
    assert _names(result) == [name]
