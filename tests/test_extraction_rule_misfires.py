"""Ordinary partnership news that today's narrow rules (two outside bodies' document, one
person's lecture or internship, each side's half of one job, an approved roadmap) must leave
alone. Short invented texts through the packaged extractor's output."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extraction, Extractor, names_match


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _run(ex: Extractor, title: str, text: str, lang: str) -> Extraction:
    return ex.extract(ArticleInput(id="t", title=title, text=text, lang=lang))


def _has(result: Extraction, key: str) -> bool:
    return any(names_match(key, n) for p in result.partners for n in (p.name, *p.aliases))


def _names(result: Extraction) -> list[str]:
    return [p.name for p in result.partners]


def test_two_bodies_signing_with_the_universitys_institute_are_its_partners(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "Энергетики подписали соглашение о подготовке турбинистов",
        "АО «Силовые машины» и ПАО «ТГК-1» подписали соглашение с Институтом энергетики о "
        "подготовке инженеров-турбинистов. Студенты пройдут практику на станциях компании.",
        "ru",
    )
    assert r.partnership
    assert _has(r, "Силовые машины"), _names(r)
    assert _has(r, "ТГК-1"), _names(r)
    assert [a.kind for a in r.agreements] == ["agreement"]


def test_a_companys_lecture_that_opens_a_course_its_engineers_teach_is_partnership(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "Siemens Engineer Gave a Guest Lecture at SPbPU",
        "Anna Berg, a lead engineer at Siemens, gave a guest lecture to students of the "
        "Institute of Energy. The lecture opened a course that Siemens engineers teach at the "
        "Polytechnic every spring.",
        "en",
    )
    assert r.partnership
    assert _has(r, "Siemens"), _names(r)


def test_a_students_internship_under_a_programme_the_yard_runs_with_the_university(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "Студентка Политеха прошла стажировку на «Северной верфи»",
        "Студентка Института машиностроения Мария Орлова прошла стажировку на АО «Северная "
        "верфь». Стажировку организовали по программе, которую верфь и университет запустили "
        "в прошлом году для лучших студентов.",
        "ru",
    )
    assert r.partnership
    assert _has(r, "Северная верфь"), _names(r)


@pytest.mark.parametrize(
    "text",
    [
        "Учёные Политеха считают водородную энергетику перспективной, а специалисты компании "
        "«Газпром» сомневаются в её окупаемости.",
        "Учёные Политеха получили новый жаропрочный сплав, а специалисты завода «Электросила» "
        "уже проявили интерес к разработке.",
    ],
)
def test_a_bodys_people_who_only_judge_the_universitys_work_do_no_half_of_it(
    extractor: Extractor, text: str
) -> None:
    r = _run(extractor, "Новый сплав Политеха", text, "ru")
    assert not r.partnership, _names(r)


def test_a_roadmap_a_ministry_approves_alone_is_no_agreement(extractor: Extractor) -> None:
    r = _run(
        extractor,
        "Ministry Approved a Roadmap for Engineering Schools",
        "The Ministry of Science and Higher Education approved a roadmap for the development "
        "of advanced engineering schools. SPbPU's school is one of fifty in the programme.",
        "en",
    )
    assert r.agreements == ()


def test_a_numbered_school_named_only_as_its_graduates_school_is_no_partner(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "Lyceum 239 Graduates at SPbPU",
        "This year 40 graduates of Lyceum 239 entered the Polytechnic, the admissions office says.",
        "en",
    )
    assert r.partners == ()
    assert not r.partnership


def test_a_numbered_school_that_signs_stays_a_partner_where_its_pupils_are_named(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "SPbPU and Lyceum 239 Sign Agreement",
        "SPbPU and Lyceum 239 signed an agreement on engineering classes. Pupils of Lyceum 239 "
        "will attend lectures at the Polytechnic.",
        "en",
    )
    assert r.partnership
    assert _has(r, "Lyceum 239"), _names(r)
