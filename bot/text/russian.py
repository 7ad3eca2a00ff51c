"""A Russian rendering of an English name of a diplomatic mission, for Russian readers only.

Consulates and embassies are often named in English only ("Consulate General of China in St.
Petersburg"); a Russian reader saw that English amid Russian names. Their names are few
words in a fixed frame -- the kind of mission, the country it represents, the place it sits
in -- which Russian writes as «Генеральное консульство Китая в Санкт-Петербурге». Anything
else, or a country or place the frame does not know, gets None: the English name is shown as
it is, never half translated.

Display only, like `bot.text.english`: never stored, never a name the registry matches by.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.text.countries import country_name, nation_of, resolve_country
from bot.text.stems import morph_vocab

_KINDS = (
    (re.compile(r"consulate[\s-]+general|general\s+consulate", re.I), "Генеральное консульство"),
    (re.compile(r"consulate", re.I), "Консульство"),
    (re.compile(r"embassy", re.I), "Посольство"),
    (re.compile(r"trade\s+(?:representation|mission)", re.I), "Торговое представительство"),
)
_KIND = (
    r"(?P<kind>consulate[\s-]+general|general\s+consulate|consulate|embassy"
    r"|trade\s+(?:representation|mission))"
)
_PLACE = r"(?:\s+(?:in|to)\s+(?:the\s+)?(?P<place>[^,()]+?))?"
# "Consulate General of the Republic of India in St. Petersburg"
_OF_COUNTRY = re.compile(
    rf"(?:the\s+)?{_KIND}\s+of\s+(?:the\s+)?(?P<country>[^,()]+?){_PLACE}", re.I
)
# "Russian Embassy in Spain", "Chinese Consulate General in St. Petersburg"
_NATIONS = re.compile(rf"(?:[Tt]he\s+)?(?P<nation>[A-Z][a-z]+)\s+(?i:{_KIND}{_PLACE})")
# Words of a state's formal name the country's short name leaves out ("Azerbaijan Republic").
_FORMAL = re.compile(r"\b(?:republic|kingdom|federation|of|the)\b", re.I)
# Places a mission sits in that are no country, as Russian says them after «в».
_CITIES = {
    "st. petersburg": "Санкт-Петербурге", "st petersburg": "Санкт-Петербурге",
    "saint petersburg": "Санкт-Петербурге", "saint-petersburg": "Санкт-Петербурге",
    "st.petersburg": "Санкт-Петербурге", "moscow": "Москве", "kazan": "Казани",
    "yekaterinburg": "Екатеринбурге", "ekaterinburg": "Екатеринбурге",
}  # fmt: skip


def _country(text: str) -> str | None:
    """The country a mission's name says, in its full or short form."""
    text = " ".join(text.split())
    return resolve_country(text) or resolve_country(" ".join(_FORMAL.sub(" ", text).split()))


def _inflected(name: str, case: str) -> str | None:
    """A Russian country name in the case `case` ("Gen", "Loc"), each word inflected and
    capitalised as it was; None when a word has no such form."""
    out = []
    for word in name.split():
        parses = [p for p in morph_vocab().parse(word.lower()) if "nomn" in p.tag]
        form = parses[0].inflect({case}) if parses else None
        if form is None:
            return None
        out.append(form.word.capitalize() if word[:1].isupper() else form.word)
    return " ".join(out)


def _in(place: str) -> str | None:
    """«в …» of a place: a city of the table, or a country."""
    said = " ".join(place.lower().split())
    if said in _CITIES:
        return f"в {_CITIES[said]}"
    code = _country(place)
    where = _inflected(country_name(code, "ru"), "Loc") if code else None
    if where is None:
        return None
    # «во Франции», «во Вьетнаме»: «в» before «в»/«ф» and a consonant is «во».
    vowel = where[1:2].lower() in "аеёиоуыэюя"
    return f"во {where}" if where[:1] in "ВФ" and not vowel else f"в {where}"


@lru_cache(maxsize=4096)
def russian_rendering(name: str) -> str | None:
    """«Генеральное консульство Китая в Санкт-Петербурге» for "Consulate General of China in
    St. Petersburg"; None for a name that is not a mission's or names what the frame does not
    know (shown in English then)."""
    text = " ".join(name.split())
    match = _OF_COUNTRY.fullmatch(text)
    code = _country(match["country"]) if match else None
    if match is None or code is None:
        match = _NATIONS.fullmatch(text)
        code = nation_of(match["nation"]) if match else None
    if match is None or code is None:
        return None
    kind = next(russian for pattern, russian in _KINDS if pattern.fullmatch(match["kind"]))
    country = _inflected(country_name(code, "ru"), "Gen")
    if country is None:
        return None
    if not match["place"]:
        return f"{kind} {country}"
    where = _in(match["place"])
    return f"{kind} {country} {where}" if where else None
