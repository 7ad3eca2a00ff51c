"""The registry merge: which registry row an extracted partner is, by keys and guards.

Pure functions (no storage, no aiogram). A partner fact joins a row only when one of its name
keys equals one of the row's keys and no guard says they are different organisations; there is
no fuzzy fallback, because a wrong merge puts every later article on the wrong card. A key is
the stemmed, case-, script-variant- and punctuation-folded token set of a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from bot.extraction import PartnerFact
from bot.extraction.lexicon import OWN_PATTERNS
from bot.extraction.names import is_abbreviation, name_tokens

# Typographic variants folded before anything else: non-breaking and other hyphens, spaces,
# quotes of every shape.
_TYPO = str.maketrans(
    {
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u00ad": "",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")

# Head words and forms that say what an organisation is, not which one. A name whose tokens
# are only these is no name ("Университет", "Компания"); two names differing only in these
# may be one organisation ("Университет Цинхуа" / "Цинхуа"). Distinguishing words such as
# "технологический", "нефть", a city or a number are deliberately absent.
_HEAD = frozenset(
    name_tokens(
        "университет институт академия компания группа корпорация холдинг концерн консорциум "
        "ассоциация организация объединение фонд предприятие завод министерство ведомство "
        "правительство администрация посольство консульство "
        "university institute academy company group corporation holding concern consortium "
        "association organization organisation foundation enterprise plant ministry government "
        "administration embassy consulate technologies inc corp ag se sa nv bv spa"
    )
)
_STOP = frozenset(["и", "of", "the", "and", "for", "в", "на", "им", "named", "after", "de", "at"])
# Generic one-word forms an extractor sometimes leaves as an alias: never a name on their own.
_NOT_NAMES = frozenset(
    name_tokens(
        "делегация делегации визит партнер партнеры сторона стороны вуз вузы компания "
        "delegation visit partner partners side parties"
    )
)


def tidy(name: str) -> str:
    """A name with typographic variants folded and whitespace collapsed (for display too)."""
    text = unicodedata.normalize("NFC", name).translate(_TYPO)
    return _SPACES.sub(" ", text).strip(" \t\n.,;:")


def _tokens(name: str) -> list[str]:
    out = []
    for token in name_tokens(tidy(name)):
        # A place and its adjective are one word: "Тегерана" / "Тегеранский" -> "тегеран".
        if len(token) > 6 and token.endswith("ск") and re.search(r"[а-я]", token):
            token = token[:-2]
        if token and token not in _STOP:
            out.append(token)
    return out


def is_own(name: str) -> bool:
    """The university itself or one of its units, under any of its names."""
    folded = tidy(name).lower().replace("ё", "е")
    return any(p.search(folded) for p in OWN_PATTERNS)


def match_key(name: str) -> str:
    """The key under which a name form meets its case forms, word orders and script variants;
    empty for forms that identify nothing (generic words, the university itself)."""
    if is_own(name):
        return ""
    tokens = _tokens(name)
    if not tokens or all(t in _HEAD or t in _NOT_NAMES for t in tokens):
        return ""
    if len(tokens) == 1 and len(tokens[0]) < 2:
        return ""
    return " ".join(sorted(set(tokens)))


def fact_names(fact: PartnerFact) -> list[str]:
    return [n for n in dict.fromkeys((fact.name, fact.name_en or "", *fact.aliases)) if n]


def fact_keys(fact: PartnerFact) -> dict[str, str]:
    """key -> the name form it came from, for every usable name form of the fact."""
    keys: dict[str, str] = {}
    for name in fact_names(fact):
        key = match_key(name)
        if key:
            keys.setdefault(key, tidy(name))
    return keys


def _script(name: str) -> str:
    return "cyr" if re.search(r"[а-яё]", name.lower()) else "lat"


def different(a: str, b: str) -> bool:
    """Whether two names of one script plainly denote different organisations: each has a
    word of its own that is no head word ("Газпром" / "Газпром нефть" are different, as are
    "Сианьский технологический университет" and "Сианьский университет науки и технологий";
    "Университет Цинхуа" / "Цинхуа" are not). Abbreviations and cross-script pairs are not
    judged here."""
    if not a or not b or _script(a) != _script(b) or is_abbreviation(a) or is_abbreviation(b):
        return False
    ta, tb = set(_tokens(a)), set(_tokens(b))
    return bool((ta - tb) - _HEAD) or bool((tb - ta) - _HEAD)


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the matcher needs of a registry row."""

    id: int
    name: str
    name_en: str | None
    country: str | None
    keys: frozenset[str]
    mentions: int
    merged_into: int | None = None


def conflicts(fact: PartnerFact, row: Candidate) -> bool:
    """Guards that keep two organisations apart even when they share a key."""
    if fact.country and row.country and fact.country != row.country:
        return True
    if different(tidy(fact.name), tidy(row.name)):
        return True
    return bool(fact.name_en and row.name_en and different(fact.name_en, row.name_en))


def resolve(
    fact: PartnerFact,
    keys: Iterable[str],
    rows: list[Candidate],
    *,
    forced: int | None = None,
) -> int | None:
    """The row this fact names, or None for a new one. `forced` is an operator's merge."""
    by_id = {row.id: row for row in rows}

    def final(row_id: int) -> int:
        seen = set()
        while (target := by_id[row_id].merged_into) is not None and target in by_id:
            if row_id in seen:
                break
            seen.add(row_id)
            row_id = target
        return row_id

    if forced is not None and forced in by_id:
        return final(forced)
    wanted = set(keys)
    main = match_key(fact.name)
    best: tuple[int, int, int, int] | None = None
    found: int | None = None
    for row in rows:
        shared = wanted & row.keys
        if not shared or conflicts(fact, row):
            continue
        score = (int(main in row.keys), len(shared), row.mentions, -row.id)
        if best is None or score > best:
            best, found = score, row.id
    return None if found is None else final(found)
