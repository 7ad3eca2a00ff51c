"""Russian universities, schools and companies as partners, named the ways Russian and English
press releases name them: numbered schools in English, a roadmap approved, a railway named by
its adjective, a registry organisation by the short name the text uses (invented texts)."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extraction, Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _run(ex: Extractor, title: str, text: str, lang: str) -> Extraction:
    return ex.extract(ArticleInput(id="t", title=title, text=text, lang=lang))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Peter the Great St. Petersburg Polytechnic University and Physics and Mathematics"
            " Lyceum 30 signed an agreement on opening engineering classes. Pupils will attend"
            " workshops in the university's laboratories.",
            "Physics and Mathematics Lyceum 30",
        ),
        (
            "SPbPU signed a cooperation agreement with Gymnasium No. 56 on research projects of"
            " pupils. Teachers of the gymnasium will take courses at the university.",
            "Gymnasium No. 56",
        ),
        (
            "The Polytechnic signed a cooperation agreement with Kazan School No. 12 on a"
            " robotics class. The school's pupils will build robots in the university's"
            " laboratories.",
            "Kazan School No. 12",
        ),
    ],
)
def test_a_numbered_school_in_english_is_a_partner(
    extractor: Extractor, text: str, name: str
) -> None:
    """A school named with its number ("Lyceum 30", "School No. 12") signs as itself: the
    number is part of its name, the words before "and" belong to it, not to the university."""
    result = _run(extractor, "", text, "en")
    assert [(p.name, p.kind) for p in result.partners] == [(name, "other")]
    assert [list(a.parties) for a in result.agreements] == [[name]]


def test_a_roadmap_approved_in_english_is_concluded(extractor: Extractor) -> None:
    """ "have approved a roadmap" concludes the document, as «утвердили дорожную карту» does."""
    result = _run(
        extractor,
        "Rosatom and SPbPU Approve Roadmap",
        "Rosatom State Corporation and Peter the Great St. Petersburg Polytechnic University"
        " have approved a roadmap for cooperation in training nuclear engineers until 2030."
        " The roadmap provides for new Master's programs and internships.",
        "en",
    )
    assert [(a.kind, list(a.parties)) for a in result.agreements] == [
        ("roadmap", ["Rosatom State Corporation"])
    ]


def test_a_railway_named_by_its_adjective_is_a_partner(extractor: Extractor) -> None:
    """«начальник Московской железной дороги — филиала ОАО «РЖД»» names the branch that signs;
    the quote's bare «Железная дорога» names no railway and joins no candidate."""
    result = _run(
        extractor,
        "Политех и РЖД откроют базовую кафедру",
        "Соглашение о создании базовой кафедры ОАО «РЖД» в Политехе подписали ректор"
        " университета и начальник Московской железной дороги — филиала ОАО «РЖД»."
        " «Железная дорога меняется, и нам нужны новые инженеры», — сказал начальник дороги.",
        "ru",
    )
    names = sorted(p.name for p in result.partners)
    assert names == ["Московская железная дорога", "РЖД"]


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        (
            "en",
            "Sber and Peter the Great St. Petersburg Polytechnic University signed an agreement"
            " on a joint laboratory of machine learning for banking.",
            "Sber",
        ),
        (
            "ru",
            "Политех и Сбер подписали соглашение о создании совместной лаборатории машинного"
            " обучения. Специалисты Сбера будут руководить проектами студентов.",
            "Сбер",
        ),
        (
            "ru",
            "Политех и ПАО Сбербанк подписали соглашение о создании совместной лаборатории."
            " Специалисты Сбера будут руководить проектами студентов.",
            "Сбербанк",
        ),
    ],
)
def test_a_registry_organisation_is_named_as_the_text_names_it(
    extractor: Extractor, lang: str, text: str, name: str
) -> None:
    """A short name the registry keeps as an alias ("Sber", «Сбера») is the partner's and the
    agreement party's name when the text never uses the registry's own name («Сбербанк»)."""
    result = _run(extractor, "", text, lang)
    assert [p.name for p in result.partners] == [name]
    assert [list(a.parties) for a in result.agreements] == [[name]]


@pytest.mark.parametrize(
    ("text", "country", "kind"),
    [
        (
            "Peter the Great St. Petersburg Polytechnic University and ITMO signed an agreement"
            " on a joint school of quantum technologies.",
            "RU",
            "university",
        ),
        (
            "SPbPU signed an agreement with the Almazov Centre on a joint laboratory of medical"
            " robotics.",
            "RU",
            "research",
        ),
    ],
)
def test_a_russian_partner_by_its_latin_short_name(
    extractor: Extractor, text: str, country: str, kind: str
) -> None:
    """ "ITMO", "the Almazov Centre": English texts name these Russian bodies by a short
    Latin name alone; they are partners, placed in Russia."""
    result = _run(extractor, "", text, "en")
    assert [(p.country, p.kind) for p in result.partners] == [(country, kind)]


def test_a_branch_named_by_its_seat_before_its_parent_is_the_partner(extractor: Extractor) -> None:
    """ "the Kazan Branch of the Moscow Aviation Institute" signs as the branch: the parent
    after "of" names it, and is no partner of its own."""
    result = _run(
        extractor,
        "",
        "SPbPU and the Kazan Branch of the Moscow Aviation Institute signed an agreement on"
        " joint courses in aircraft design. Students of the branch will take part in"
        " SPbPU's summer school.",
        "en",
    )
    assert [p.name for p in result.partners] == ["Kazan Branch of the Moscow Aviation Institute"]


def test_a_parent_after_a_bare_part_of_is_no_partner(extractor: Extractor) -> None:
    """ "X (UEC), part of Rostec State Corporation": English press releases name the signer's
    parent with a bare "part of", as «входящая в Ростех» does; the parent is context."""
    result = _run(
        extractor,
        "",
        "United Engine Corporation (UEC), part of Rostec State Corporation, and SPbPU signed an"
        " agreement on training engineers for aircraft engine production.",
        "en",
    )
    assert [p.name for p in result.partners] == ["United Engine Corporation"]
