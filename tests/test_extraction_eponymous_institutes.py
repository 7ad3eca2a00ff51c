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
