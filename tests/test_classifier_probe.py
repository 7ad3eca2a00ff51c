"""The partnership classifier on invented news texts: Russian domestic partnerships told without
the word "cooperation" (work set by an outside body, the university engaged or chosen by it, plans
agreed with a governor) and ordinary university news that looks like them (a meeting with the
student council, an excursion). The probe set is tests/data/cls_probe2.jsonl (written before the
classifier was measured on it; bench/probe_classifier.py reads it with models fitted without c3).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.facts.extraction import ArticleInput, Extractor

PROBES = Path(__file__).parent / "data" / "cls_probe2.jsonl"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _probes() -> dict[str, dict[str, Any]]:
    lines = PROBES.read_text(encoding="utf-8").splitlines()
    return {p["id"]: p for p in map(json.loads, filter(None, lines))}


def _partnership(ex: Extractor, title: str, text: str) -> bool:
    return ex.extract(ArticleInput(id="t", title=title, text=text, lang="ru")).partnership


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        pytest.param(
            "Ректор встретился с председателем студенческого совета",
            "Ректор Политехнического университета встретился с председателем студенческого "
            "совета. Обсуждались вопросы работы общежитий, расписания и организации досуга. "
            "Ректор поручил проректору по молодёжной политике подготовить предложения по новым "
            "коворкингам.",
            False,
            id="meeting-with-student-council",
        ),
        pytest.param(
            "Студенты-архитекторы подготовят проекты для Гатчины",
            "Студенты Инженерно-строительного института Политехнического университета "
            "подготовят проекты благоустройства парковой зоны по техническому заданию "
            "администрации Гатчинского района. Администрация передала студентам топографические "
            "планы. Лучшие проекты будут реализованы в следующем году.",
            True,
            id="terms-of-reference-of-an-administration",
        ),
        pytest.param(
            "Губернатор и ректор обсудили проекты для области",
            "Губернатор Новгородской области провёл встречу с ректором Политехнического "
            "университета. Обсуждались проекты университета по цифровизации предприятий региона "
            "и подготовка инженеров для местных заводов.",
            True,
            id="governor-discusses-projects",
        ),
        pytest.param(
            "Фонд выбрал Политех оператором программы",
            "Фонд развития промышленности выбрал Политехнический университет оператором "
            "программы обучения технологических предпринимателей Северо-Запада. Университет "
            "проведёт отбор слушателей и организует обучение.",
            True,
            id="chosen-as-operator",
        ),
        pytest.param(
            "Испытания на полигоне компании",
            "Инженеры Политехнического университета провели испытания робота-манипулятора на "
            "полигоне компании «Балттехмаш». Компания предоставила университету испытательный "
            "стенд и операторов.",
            True,
            id="tests-at-a-company-site",
        ),
    ],
)
def test_short_domestic_news_is_classified(
    extractor: Extractor, title: str, text: str, expected: bool
) -> None:
    assert _partnership(extractor, title, text) is expected


@pytest.mark.parametrize(
    "pid",
    [
        "q04",  # a governor's meeting with the rector: projects discussed, nothing signed
        "q06",  # students' projects on a shipyard's tasks, its engineers as consultants
        "q15",  # a regional government engages the university's experts for its programme
        "q24",  # first-years on an excursion to a museum: no partner, no partnership
        "r01",  # modernisation «по заданию ПАО «РусГидро»»
        "r03",  # a city committee «поручил» the university a transport model
        "r07",  # a regional head visits and «предложил университету» a branch
        "r10",  # «инженеры Политеха и кардиологи Центра …» built a device together
        "x02",  # a ranking: «первые места заняли МФТИ и МГТУ», no partner
        "x06",  # the rector's meeting with «директорами» of his institutes (no «ректоры»)
        "t03",  # a bank «выбрало Политехнический университет площадкой» for its programme
        "t06",  # «Администрация … района и специалисты Политеха реализуют …»
        "t09",  # a regional committee 'has asked SPbPU to draft' its strategy
    ],
)
def test_probe_is_classified_as_labelled(extractor: Extractor, pid: str) -> None:
    p = _probes()[pid]
    assert _partnership(extractor, p["title"], p["text"]) is p["partnership"]


def test_probe_set_is_mostly_read_right(extractor: Extractor) -> None:
    wrong = [
        p["id"]
        for p in _probes().values()
        if _partnership(extractor, p["title"], p["text"]) is not p["partnership"]
    ]
    assert len(wrong) <= 9, wrong  # of 135: 7 with these models, 21 before the cue fixes
