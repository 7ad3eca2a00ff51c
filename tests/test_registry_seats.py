"""A university's seat closing its name is no word that tells it apart: "Bauhaus-Universität
Weimar", "Bauhaus University" and «Университет Баухаус в Веймаре» are one card, while two
universities of one city, institutes of different fields and a company and its subsidiary stay
apart, whichever article comes first. Scripted facts through the real registry merge."""

from __future__ import annotations

import pytest

from bot.facts.extraction import PartnerFact
from storage.db import Database
from tests.test_registry_country import cards

pytestmark = pytest.mark.both_engines

U, R, C = "university", "research", "company"

MEET = [  # each group is one university: one card, whichever form comes first
    (("Университет Баухаус", "DE", U), ("Bauhaus-Universität Weimar", "DE", U),
     ("Bauhaus University", "DE", U), ("Университет Баухаус в Веймаре", "DE", U)),
    (("Lindenau University", "DE", U), ("Университет Линденау в Веймаре", "DE", U)),
    (("Mosel-Universität Trierbach", "DE", U), ("Mosel University", "DE", U)),
    (("Университет Тальберга в Осгарде", "NO", U), ("Talberg University", "NO", U)),
]  # fmt: skip

APART = [
    (("Technische Universität München", "DE", U),
     ("Ludwig-Maximilians-Universität München", "DE", U)),
    (("Free University of Berlin", "DE", U), ("Technical University of Berlin", "DE", U)),
    (("Казанский федеральный университет", "RU", U),
     ("Казанский национальный исследовательский технический университет", "RU", U)),
    (("American University in Cairo", "EG", U), ("German University in Cairo", "EG", U)),
    (("Friedrich-Schiller-Universität Jena", "DE", U), ("Ernst-Abbe-Hochschule Jena", "DE", U)),
    (("Fraunhofer Institute for Laser Technology", "DE", R),
     ("Fraunhofer Institute for Production Technology", "DE", R)),
    (("Институт Фраунгофера по лазерным технологиям", "DE", R),
     ("Институт Фраунгофера по производственным технологиям", "DE", R)),
    (("Siemens", "DE", C), ("Siemens Energy", "DE", C)),
    # What a university teaches is no name of its own: two cities' medical universities.
    (("Medical University Plovdiv", "BG", U), ("Medical University Varna", "BG", U)),
    (("Медицинский университет в Софии", "BG", U), ("Медицинский университет в Бургасе", "BG", U)),
]  # fmt: skip


def script(facts: list[tuple[str, str, str]]) -> dict[str, list[PartnerFact]]:
    return {f"s{n}": [PartnerFact(name, None, (), country, kind)] for n, (name, country, kind)
            in enumerate(facts)}  # fmt: skip


@pytest.mark.parametrize("reverse", [False, True], ids=["first-second", "second-first"])
async def test_a_university_with_its_seat_and_without_is_one_card(
    db: Database, reverse: bool
) -> None:
    facts = [fact for group in MEET for fact in (group[::-1] if reverse else group)]
    rows = await cards(db, script(facts))
    assert sorted(r.mentions for r in rows) == sorted(len(group) for group in MEET), rows


@pytest.mark.parametrize("reverse", [False, True], ids=["first-second", "second-first"])
async def test_look_alikes_of_one_city_or_one_society_stay_apart(
    db: Database, reverse: bool
) -> None:
    facts = [fact for pair in APART for fact in (pair[::-1] if reverse else pair)]
    rows = await cards(db, script(facts))

    def card_of(name: str) -> int:
        [found] = [n for n, r in enumerate(rows) if name in (r.name, r.name_en, *r.aliases)]
        return found

    # (One institute in two scripts is one card: «Институт Фраунгофера по лазерным
    # технологиям» and "Fraunhofer Institute for Laser Technology" meet across the pairs.)
    for (a, _, _), (b, _, _) in APART:
        assert card_of(a) != card_of(b), (a, b, rows)
