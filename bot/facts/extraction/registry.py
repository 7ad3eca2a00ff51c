"""Registry of well-known partner organisations, kept as editable JSON in data/partners.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .names import LEGAL_FORMS, canonical_key

# The English tail naming whom an organisation is named after ("... University named after
# I. Razzakov"), a bracketed qualifier inside a name ("Kazan (Volga Region) Federal
# University") and a quoted short name after it ('... University "LETI"'): the registry may
# know the name without them.
_NAMED_AFTER_TAIL = re.compile(
    r"\s+named\s+after\s.*$|\s*\([A-Za-z][A-Za-z ]*\)(?=\s+[A-Z])"
    r"|\s+[\"“«][A-Z][^\"”»]*[\"”»]$",
    re.IGNORECASE,
)
# A full name closed by the letters of its old name: «… имени А. Н. Туполева – КАИ».
_OLD_LETTERS = re.compile(r"(?<=\w)\s+[–—]\s+[А-ЯЁ]{2,6}$")


_CAPITALS = re.compile(r"[A-ZА-ЯЁ]{2,}")


def _cut_from(word: str, abbr: str) -> bool:
    """Whether capitals `word` and the abbreviation `abbr` differ by letters one of them adds
    at its end that are no case ending («ВНИИ» and «ВНИИМ»; not «МИД» and «МИДа»): two
    abbreviations the stemmer cuts to one key."""
    a, b = word.casefold(), abbr.casefold()
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    tail = long_[len(short) :]
    return long_.startswith(short) and tail not in ("", "а", "у", "ы", "е", "и", "ом", "ой")


def _capital_words(name: str) -> tuple[str, ...]:
    """The words of `name` written in capitals only («ИПУ», «РАН»), case- and ё-folded."""
    folded = (
        w.casefold().replace("ё", "е")
        for w in re.findall(r"[\w-]+", name)
        if _CAPITALS.fullmatch(w)
    )
    return tuple(w for w in folded if w not in LEGAL_FORMS)


@dataclass(frozen=True, slots=True)
class KnownOrg:
    """One registry entry: Russian and English names, aliases, country and kind."""

    name: str
    name_en: str | None
    aliases: tuple[str, ...]
    country: str | None
    kind: str

    def all_names(self) -> tuple[str, ...]:
        names = (self.name, *self.aliases)
        return (*names, self.name_en) if self.name_en else names


class Registry:
    """Lookup of registry entries by the canonical key of any of their names."""

    def __init__(self, orgs: list[KnownOrg]) -> None:
        self.orgs = orgs
        self._by_key: dict[str, KnownOrg] = {}
        owners: dict[str, set[int]] = {}
        for n, org in enumerate(orgs):
            for name in org.all_names():
                key = canonical_key(name)
                owners.setdefault(key, set()).add(n)
                self._by_key.setdefault(key, org)
        # A name two entries share ("HUST": Hanoi and Huazhong) identifies neither.
        self._ambiguous = {key for key, ns in owners.items() if len(ns) > 1}
        for key in self._ambiguous:
            del self._by_key[key]

    @classmethod
    def load(cls) -> Registry:
        raw = json.loads(
            resources.files(__package__).joinpath("data/partners.json").read_text("utf-8")
        )
        return cls(
            [
                KnownOrg(
                    name=o["name"],
                    name_en=o.get("name_en"),
                    aliases=tuple(o.get("aliases") or ()),
                    country=o.get("country"),
                    kind=o.get("kind") or "other",
                )
                for o in raw["organisations"]
            ]
        )

    def lookup(self, name: str) -> KnownOrg | None:
        """The entry one of whose names has the same canonical key as `name`, if any."""
        key = canonical_key(name)
        org = self._by_key.get(key)
        short = _NAMED_AFTER_TAIL.sub("", name)
        if org is None and short != name:
            org = self._by_key.get(canonical_key(short))
        letters = _OLD_LETTERS.search(name)
        if org is None and letters is not None:
            org = self._by_key.get(canonical_key(name[: letters.start()]))
        word = name.strip(' «»"“”')
        if org is not None and _CAPITALS.fullmatch(word):
            # Stems cut abbreviations («ВНИИ» and «ВНИИМ» share a key): capitals that are the
            # entry's abbreviation with letters cut off or added are another body's.
            own = [n for n in org.all_names() if _CAPITALS.fullmatch(n) and canonical_key(n) == key]
            if own and all(_cut_from(word, n) for n in own):
                return None
        caps = _capital_words(name)
        if org is not None and caps and " " in word:
            # The stemmer cuts a capital word's last letter as a case ending («ИПУ РАН» and
            # «ИПА РАН» share a key), but capitals are not declined: another body's name.
            same = [n for n in org.all_names() if canonical_key(n) in (key, canonical_key(short))]
            if same and all(
                len(theirs) == len(caps) and theirs != caps for theirs in map(_capital_words, same)
            ):
                return None
        return org

    def lookup_query(self, query: str) -> KnownOrg | None:
        """The entry a person means by `query`: one of its names, or the short Latin form of an
        English name built on it ("ITMO" for "ITMO University", "HSE" for "HSE University"),
        which texts rarely write alone but people type. Only a university's: "SCO University"
        is a network named after the organisation people mean by "SCO"."""
        org = self.lookup(query)
        word = query.strip()
        if org is None and re.fullmatch(r"[A-Za-z]{2,8}", word):  # "ITMO", "itmo", "Hse"
            named = self.lookup(f"{word} University")
            org = named if named is not None and named.kind == "university" else None
        if org is None and len(word.split()) >= 2:
            # A state body named without its country, as people type it: «Министерство науки
            # и высшего образования», "Ministry of Science and Higher Education".
            for tail in (" Российской Федерации", " России", " of the Russian Federation"):
                named = self.lookup(word + tail)
                if named is not None and named.kind == "government":
                    return named
        return org

    def single_word_names(self) -> dict[str, KnownOrg]:
        """Names that are a single word or abbreviation (Росатом, Rosatom, КамАЗ), which
        named-entity taggers often miss; keyed by canonical key."""
        out: dict[str, KnownOrg] = {}
        for org in self.orgs:
            for name in org.all_names():
                key = canonical_key(name)
                # (The stemmer may cut letters of an abbreviation as a case ending: «МЭИ» keys
                # as «ме»; a word must then spell it exactly, see `_registry_mentions`.)
                long_enough = len(key) >= 3 or (bool(_CAPITALS.fullmatch(name)) and len(name) >= 3)
                if key and " " not in key and long_enough and key not in self._ambiguous:
                    out.setdefault(key, org)
        return out


@cache
def known_orgs() -> Registry:
    """The registry of well-known organisations, loaded once."""
    return Registry.load()
