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
