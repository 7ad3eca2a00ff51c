"""Registry cards of foreign brands across scripts, through the export (the extractor scripted,
storage and the facts service real): a brand Russian spells word by word meets its Latin form,
and a look-alike whose consonants alone agree stays apart."""

from __future__ import annotations

import pytest

from storage.db import Database
from tests.test_registry import cards, org

pytestmark = pytest.mark.both_engines


async def test_a_brand_spelt_word_by_word_in_cyrillic_meets_its_latin_name(db: Database) -> None:
    """«Эр Ликид» is Air Liquide (a short opening word and an opening vowel either script
    hears); Air Products is another company."""
    script = {
        "t1": [org("Эр Ликид", None, country=None)],
        "t2": [org("Air Liquide", "Air Liquide", country="FR")],
        "t3": [org("Air Products", "Air Products", country="US")],
    }
    rows = await cards(db, script)
    assert sorted((r.name, r.name_en, r.country, r.mentions) for r in rows) == [
        ("Air Products", "Air Products", "US", 1),
        ("Эр Ликид", "Air Liquide", "FR", 2),
    ]


async def test_names_sharing_only_their_consonants_are_no_spelling_variants(
    db: Database,
) -> None:
    """ "Bauhaus University" (b-h-s) is not the registry's Boğaziçi University (b-h-s too) of
    Turkey, nor a card of it; two Latin names whose words are spelt far apart stay apart."""
    script = {
        "t1": [org("Bauhaus University", "Bauhaus University", kind="university")],
        "t2": [org("Bogazici University", "Bogazici University", country="TR",
                   kind="university")],
    }  # fmt: skip
    rows = await cards(db, script)
    by_name = {r.name_en: r for r in rows}
    assert len(rows) == 2, [(r.name, r.name_en) for r in rows]
    assert by_name["Bauhaus University"].country == "RU"
    assert by_name["Bauhaus University"].name == "Bauhaus University"
