"""The country resolver: an organisation's own name places it where it is based."""

from __future__ import annotations

import pytest

from bot.text.countries import CountryResolver


@pytest.fixture(scope="module")
def resolver() -> CountryResolver:
    from natasha import MorphVocab

    vocab = MorphVocab()
    return CountryResolver(lambda word: str(vocab.lemmatize(word, "ADJ", {})))


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Technical School of Lisbon", "PT"),
        ("Conservatory of Cadiz", "ES"),
        ("Autonomous University of Barcelona", "ES"),
        ("Higher School of Porto", "PT"),
        ("Federal Institute of Porto Alegre", "BR"),
        ("Medical University of Gdansk", "PL"),
        ("Делфтский технический университет", "NL"),
        ("Краковская горная академия", "PL"),
        ("Seoul Institute of Arts", "KR"),
        ("Teachers' College of Ho Chi Minh City", "VN"),  # «Хошимин» was placed, this not
        ("Polytechnic School of Danang", "VN"),
    ],
)
def test_a_city_in_the_name_places_the_organisation(
    resolver: CountryResolver, name: str, code: str
) -> None:
    assert resolver.country_of_name(name) == code


def test_a_word_that_is_also_a_case_form_is_no_city(resolver: CountryResolver) -> None:
    # "порту" is the dative of "порт" as well as Portugal's second city.
    assert resolver.codes("Грузы прибыли к морскому порту") == []


@pytest.mark.parametrize(
    "text",
    ["Côte d’Ivoire", "Cote d'Ivoire", "a school in the Republic of Côte d’Ivoire", "Кот-д’Ивуар"],
)
def test_marks_and_typographic_apostrophes_do_not_hide_a_country(
    resolver: CountryResolver, text: str
) -> None:
    assert resolver.codes(text) == ["CI"]


def test_cyrillic_letters_keep_their_marks(resolver: CountryResolver) -> None:
    assert resolver.codes("Йемен и Türkiye") == ["YE", "TR"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Правительство Республики Сербской", "BA"),
        ("Министерство образования Республики Сербской", "BA"),
        ("Ministry of Energy of Republika Srpska", "BA"),
        ("Government of the Republic of Srpska", "BA"),
        ("Правительство Сербии", "RS"),
        ("Сербская академия наук", "RS"),
    ],
)
def test_republika_srpska_is_no_serbia(name: str, code: str) -> None:
    # An entity of Bosnia and Herzegovina: its adjective «Сербская» placed it in Serbia. Read
    # with the dictionary's first lemma of each word, as the extractor reads names.
    from natasha import MorphVocab

    vocab = MorphVocab()

    def lemma(word: str) -> str:
        forms = vocab(word.lower())
        return str(forms[0].normal) if forms else word.lower()

    assert CountryResolver(lemma).country_of_name(name) == code
