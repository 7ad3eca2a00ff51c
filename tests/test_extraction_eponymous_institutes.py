"""An eponymous institute is one of many of its name, told apart by its field (invented texts):
its name keeps the field, or two institutes would share one card."""

from __future__ import annotations

from bot.facts.extraction import ArticleInput, Extractor


def test_an_eponymous_institute_keeps_its_field() -> None:
    ex = Extractor()
    names = [
        [(p.name, p.kind) for p in ex.extract(ArticleInput(id="t", title="", text=text)).partners]
        for text in (
            "СПбПУ и Институт Фраунгофера по лазерным технологиям (Ахен, Германия) подписали "
            "соглашение о создании совместной лаборатории лазерной сварки.",
            "Политехнический университет и Институт Фраунгофера по производственным технологиям "
            "подписали меморандум о сотрудничестве в области цифровых двойников.",
        )
    ]
    assert names == [
        [("Институт Фраунгофера по лазерным технологиям", "research")],
        [("Институт Фраунгофера по производственным технологиям", "research")],
    ]


def test_an_institute_named_by_a_known_foreign_society_is_that_societys_country() -> None:
    """ "Fraunhofer Institute for …" opens with the registry's German society's name: German,
    not a Russian guess."""
    result = Extractor().extract(
        ArticleInput(
            id="t",
            title="SPbPU and Fraunhofer Institute for Laser Technology sign an agreement",
            text="SPbPU and the Fraunhofer Institute for Laser Technology ILT signed an agreement "
            "on a joint laboratory of laser welding.",
        )
    )
    assert [(p.kind, p.country) for p in result.partners] == [("research", "DE")]


def test_a_phrase_of_source_will_or_document_after_po_is_no_field() -> None:
    """«по словам», «по решению», «по соглашению», «по просьбе», «по заказу» after an eponymous
    institute tell who says or wants something, not the institute's field."""
    ex = Extractor()
    opening = "Политехнический университет Петра Великого и {0} подписали соглашение. "
    cases = [
        ("Институт Пастера", "Институт Пастера по словам его директора готов принять студентов."),
        ("Институт Макса Планка", "Институт Макса Планка по решению совета выделит стипендии."),
        ("Институт Гельмгольца", "Институт Гельмгольца по соглашению примет пять аспирантов."),
        ("Институт Гёте", "Институт Гёте по просьбе студентов откроет курсы немецкого языка."),
    ]
    for name, sentence in cases:
        result = ex.extract(ArticleInput(id="t", title="", text=opening.format(name) + sentence))
        assert [p.name for p in result.partners if "Институт" in p.name] == [name]
