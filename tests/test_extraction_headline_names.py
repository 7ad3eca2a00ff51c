"""English names the extractor reads where only a headline or the university's name beside them
tells they are organisations (invented texts)."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _partners(ex: Extractor, title: str, text: str) -> dict[str, tuple[str, str | None]]:
    result = ex.extract(ArticleInput(id="t", title=title, text=text))
    return {p.name: (p.kind, p.country) for p in result.partners}


def test_a_headline_verb_between_two_names_ends_the_first_and_opens_the_second(
    extractor: Extractor,
) -> None:
    """The body says only "the delegation": the partner is named in the headline, after the
    verb that follows the university's own name."""
    found = _partners(
        extractor,
        "Polytechnic University Hosts Delegation of Hanoi University of Science and Technology",
        "The delegation visited the laboratories of the Institute of Mechanical Engineering. The "
        "partners discussed joint research projects and student exchange.",
    )
    assert "Hanoi University of Science and Technology" in found


@pytest.mark.parametrize(
    ("title", "text", "name", "kind"),
    [
        (
            "SPbPU and Air Liquide sign a cooperation agreement",
            "The university and the French industrial gases company signed an agreement on "
            "joint research in hydrogen energy.",
            "Air Liquide",
            "company",
        ),
        (
            "SPbPU and Bauhaus-Universität Weimar launch a double degree",
            "SPbPU and Bauhaus-Universität Weimar signed an agreement on a double degree "
            "programme in civil engineering.",
            "Bauhaus-Universität Weimar",
            "university",
        ),
    ],
)
def test_a_brand_of_several_words_beside_the_universitys_name_is_a_partner(
    extractor: Extractor, title: str, text: str, name: str, kind: str
) -> None:
    """A name with no head word of its own ("Air Liquide"), or a head joined by a hyphen,
    coordinated with the university's name before the verb."""
    found = _partners(extractor, title, text)
    assert found.get(name, (None,))[0] == kind, found


@pytest.mark.parametrize(
    "title",
    [
        "SPbPU and Industry Discuss Targeted Training",
        "SPbPU and Young Scientists Meet",
        "SPbPU and Digital Industry Leaders Sign Memorandum",
        "SPbPU and Arctic partners",
    ],
)
def test_title_case_words_of_people_or_a_field_beside_the_university_are_no_brand(
    extractor: Extractor, title: str
) -> None:
    """A headline capitalises every word: a group of people or a field after "SPbPU and" is
    no company, while a brand there is one."""
    body = (
        "The sides signed a memorandum on joint research and student exchange. The cooperation "
        "will start next year, the vice-rector said."
    )
    assert _partners(extractor, title, body) == {}
    for brand in ("Siemens", "Kia Motors", "Huawei Technologies", "National Instruments"):
        assert brand in _partners(extractor, f"SPbPU and {brand} Sign Memorandum", body)


@pytest.mark.parametrize(
    ("title", "text", "person"),
    [
        (
            "SPbPU and Professor John Smith Launch Course",
            "Peter the Great St. Petersburg Polytechnic University and Professor John Smith of "
            "MIT launched an online course on robotics.",
            "John Smith",
        ),
        (
            "SPbPU and Vladimir Putin Discuss Science",
            "President Vladimir Putin met the rector of Peter the Great St. Petersburg Polytechnic "
            "University and students of its Institute of Physics.",
            "Putin",
        ),
        (
            "SPbPU and Rector Andrei Rudskoi Welcome Freshmen",
            "Rector Andrei Rudskoi welcomed five thousand first-year students of Peter the Great "
            "St. Petersburg Polytechnic University.",
            "Rudskoi",
        ),
    ],
)
def test_a_person_beside_the_universitys_name_in_the_headline_is_no_brand(
    extractor: Extractor, title: str, text: str, person: str
) -> None:
    """A title before the two words, or the body naming them after a title, tells a person."""
    found = _partners(extractor, title, text)
    assert not [n for n in found if person in n]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "SPbPU and John Smith, the company's founder, signed a letter on a new scholarship "
            "for students of Nordic Valves Ltd programmes.",
            "John Smith",
        ),
        (
            "SPbPU and Anna Petrova, the head of the Russian company Baltic Valves, signed an "
            "agreement on an endowment fund.",
            "Anna Petrova",
        ),
    ],
)
def test_a_person_described_through_a_company_is_no_brand(
    extractor: Extractor, text: str, person: str
) -> None:
    """Only an apposition whose head is the company word makes the name a company ("Air
    Products, an American gases company"); "the company's founder", "the head of the company"
    describe a person."""
    found = _partners(extractor, "New scholarship at the Polytechnic", text)
    assert person not in found
