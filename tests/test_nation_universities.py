"""A university named after a nation and seated abroad («Американский университет в Бишкеке",
"German University in Cairo") keeps its seat in its name and is placed where the seat is, not
in the nation its name gives. Invented texts."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _partners(ex: Extractor, title: str, text: str, lang: str) -> list[tuple[str, str | None]]:
    result = ex.extract(ArticleInput(id="t", title=title, text=text, lang=lang))
    return [(p.name, p.country) for p in result.partners]


RU = "Санкт-Петербургский политехнический университет Петра Великого и {} подписали {}."


@pytest.mark.parametrize(
    ("title", "named", "partner"),
    [
        ("Политех и Американский университет в Бишкеке договорились о сотрудничестве",
         "Американский университет в Бишкеке", ("Американский университет в Бишкеке", "KG")),
        ("Соглашение с Немецким университетом в Каире",
         "Немецкий университет в Каире", ("Немецкий университет в Каире", "EG")),
        ("Меморандум с Британским университетом в Египте",
         "Британский университет в Египте", ("Британский университет в Египте", "EG")),
        ("Соглашение с Американским университетом Армении",
         "Американский университет Армении", ("Американский университет Армении", "AM")),
    ],
)  # fmt: skip
def test_a_nations_university_abroad_in_russian(
    extractor: Extractor, title: str, named: str, partner: tuple[str, str]
) -> None:
    text = RU.format(named, "соглашение о сотрудничестве в области образования")
    assert _partners(extractor, title, text, "ru") == [partner]


@pytest.mark.parametrize(
    ("named", "partner"),
    [
        ("the German University in Cairo", ("German University in Cairo", "EG")),
        ("the British University in Egypt", ("British University in Egypt", "EG")),
        ("the American University of Armenia", ("American University of Armenia", "AM")),
    ],
)
def test_a_nations_university_abroad_in_english(
    extractor: Extractor, named: str, partner: tuple[str, str]
) -> None:
    text = (
        f"Peter the Great St. Petersburg Polytechnic University and {named} signed a memorandum "
        "of understanding on joint programmes in engineering."
    )
    assert _partners(extractor, "SPbPU signs a memorandum", text, "en") == [partner]


def test_a_citys_university_in_its_city_keeps_its_own_name(extractor: Extractor) -> None:
    """Only a nation's name takes the seat: «Харбинский университет в Харбине» is the Harbin
    university (the place repeats its name), and a Chinese one in Beijing stays Chinese."""
    text = RU.format("Харбинский университет в Харбине", "соглашение о сотрудничестве")
    assert _partners(extractor, "Соглашение", text, "ru") == [("Харбинский университет", "CN")]
    english = (
        "Peter the Great St. Petersburg Polytechnic University and Tsinghua University in "
        "Beijing signed a memorandum of understanding."
    )
    assert _partners(extractor, "SPbPU signs a memorandum", english, "en") == [
        ("Tsinghua University", "CN")
    ]


@pytest.mark.parametrize(
    ("text", "lang", "partner"),
    [
        (RU.format("Администрация Ганновера", "соглашение о сотрудничестве"), "ru",
         ("Администрация Ганновера", "DE")),
        ("Peter the Great St. Petersburg Polytechnic University and New York University signed "
         "a memorandum of understanding.", "en", ("New York University", "US")),
        ("Peter the Great St. Petersburg Polytechnic University and Boston University signed "
         "a memorandum of understanding.", "en", ("Boston University", "US")),
    ],
)  # fmt: skip
def test_a_city_in_a_name_places_it(
    extractor: Extractor, text: str, lang: str, partner: tuple[str, str]
) -> None:
    """Cities the country table lacked: these were placed in Russia (no word placed them)."""
    assert _partners(extractor, "Соглашение" if lang == "ru" else "Memorandum", text, lang) == [
        partner
    ]
