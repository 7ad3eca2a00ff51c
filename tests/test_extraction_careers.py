"""Careers are no partnership: graduates who went to work for a company, a career day or a job
fair where companies meet students, unless an act of cooperation is told (invented texts)."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _partnership(ex: Extractor, title: str, text: str) -> bool:
    return ex.extract(ArticleInput(id="t", title=title, text=text)).partnership


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Выпускники Политеха пришли работать в «Росатом»",
            "Более тридцати выпускников Института энергетики СПбПУ в этом году устроились на "
            "предприятия госкорпорации «Росатом». Большинство из них работают инженерами на "
            "Ленинградской АЭС.",
        ),
        (
            "Выпускница СПбПУ возглавила отдел в «Газпром нефти»",
            "Выпускница Высшей школы техносферной безопасности Анна Смирнова назначена "
            "руководителем отдела экологической безопасности компании «Газпром нефть». Она "
            "окончила Политех в 2015 году.",
        ),
        (
            "Alumni of the Polytechnic Build Careers at Siemens Energy",
            "Five alumni of SPbPU have joined Siemens Energy in Berlin as design engineers. They "
            "say the university gave them a strong background in gas turbines.",
        ),
    ],
)
def test_graduates_careers_are_no_partnership(extractor: Extractor, title: str, text: str) -> None:
    assert not _partnership(extractor, title, text)


def test_a_career_day_is_partnership_only_where_an_agreement_is_signed(
    extractor: Extractor,
) -> None:
    assert not _partnership(
        extractor,
        "SPbPU Hosts Career Day with Leading Employers",
        "More than fifty companies, including Gazprom Neft, Yandex and Power Machines, took "
        "part in the Career Day at SPbPU. Students met recruiters and learned about internships.",
    )
    assert _partnership(
        extractor,
        "На Дне карьеры Политех и «Силовые машины» подписали соглашение",
        "В рамках Дня карьеры СПбПУ и компания «Силовые машины» подписали соглашение о "
        "сотрудничестве в подготовке инженеров. Компания откроет в университете именную "
        "лабораторию.",
    )
    assert _partnership(
        extractor,
        "Выпускники Политеха придут работать в «Росатом»",
        "Выпускники СПбПУ будут работать на предприятиях «Росатома»: университет и "
        "госкорпорация подписали соглашение о целевой подготовке инженеров.",
    )


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "SPbPU Alumni Join Forces With Gazprom Neft to Support Students",
            "The alumni association of Peter the Great St. Petersburg Polytechnic University and "
            "Gazprom Neft joined forces to support talented students: the company will fund 50 "
            "scholarships and mentor students.",
        ),
        (
            "Выпускники Политеха работают в Китае: вузы развивают сетевую магистратуру",
            "Выпускники сетевой магистратуры Политехнического университета и Шанхайского "
            "политехнического университета работают в российских и китайских компаниях. Вузы "
            "развивают программу восьмой год, в этом году на нее поступили 30 студентов.",
        ),
    ],
)
def test_graduates_of_a_joint_programme_or_joining_forces_are_cooperation(
    extractor: Extractor, title: str, text: str
) -> None:
    """Graduates of a programme run with a partner are its fruit, and alumni who join forces
    with a company cooperate with it: no career story."""
    assert _partnership(extractor, title, text)
