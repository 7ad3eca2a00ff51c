"""Kinds of partner as a person asks for them: «компании Китая», «вузы», "government bodies".

The kinds are the registry's (`storage.partners.Partner.kind`): university, research, company,
government, other. A query is a kind query only when every word of it is a kind word, a word
that says which kind a generic noun is («научные» организации, "government" bodies), a
country or a nation («Китая», "Chinese", «из Казахстана»), or a filler («все», "our"); any
other word makes it a name to look up («Министерство науки» is a card, not ministries).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from bot.text.countries import nation_of, resolve_country_query

# Nouns that name a kind by themselves, by the start of any case form (lower case, ё as е).
_NOUNS: Final[tuple[tuple[str, str], ...]] = (
    # "institution" is a generic noun below ("educational institutions" are universities).
    ("institution", ""),
    ("университет", "university"), ("вуз", "university"), ("univers", "university"),
    ("институт", "research"), ("нии", "research"), ("академи", "research"),
    ("institut", "research"), ("academ", "research"), ("лаборатори", "research"),
    ("laborator", "research"),
    ("компани", "company"), ("предприят", "company"), ("фирм", "company"),
    ("корпорац", "company"), ("концерн", "company"), ("холдинг", "company"),
    ("compan", "company"), ("firm", "company"), ("corporation", "company"),
    ("enterprise", "company"), ("business", "company"), ("бизнес", "company"),
    ("министерств", "government"), ("минист", "government"), ("ведомств", "government"),
    ("госорган", "government"), ("правительств", "government"), ("агентств", "government"),
    ("ministr", "government"), ("government", "government"), ("agenc", "government"),
    ("authorit", "government"),
)  # fmt: skip
# The same nouns in English, read as whole words: a prefix would take "Universal", "firmware",
# "companions" or "academic" (a university's qualifier below) for a kind.
_EN_NOUNS: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(form), kind) for form, kind in (
        (r"institutions?", ""),
        (r"universit(?:y|ies)", "university"),
        (r"institutes?|academ(?:y|ies)|laborator(?:y|ies)", "research"),
        (r"compan(?:y|ies)|firms?|corporations?|enterprises?|business(?:es)?", "company"),
        (r"ministr(?:y|ies)|governments?|agenc(?:y|ies)|authorit(?:y|ies)", "government"),
    )
)  # fmt: skip
# A kind noun in the singular names one organisation («университет», "government" of "government
# bodies"): it only says which kind a generic noun is. Embassies and consulates are the name
# lookup's (its kind words): the registry's kind of them, government, is wider.
_SINGULAR: Final[frozenset[str]] = frozenset([
    "университет", "вуз", "институт", "академия", "лаборатория", "компания", "предприятие",
    "фирма", "корпорация", "концерн", "холдинг", "бизнес", "министерство", "ведомство",
    "госорган", "правительство", "агентство", "business",
])  # fmt: skip
# Generic nouns: a kind only with a word that says which («научные организации»).
_GENERIC: Final[tuple[str, ...]] = (
    "организац", "орган", "учрежден", "заведен", "центр", "структур", "institution", "organi",
    "bod", "centre", "center", "partner", "партнер",
)  # fmt: skip
# Words that say which kind a generic noun is.
_QUALIFIERS: Final[tuple[tuple[str, str], ...]] = (
    ("научн", "research"), ("исследовательск", "research"), ("research", "research"),
    ("scientif", "research"),
    ("учебн", "university"), ("образовательн", "university"), ("высш", "university"),
    ("educat", "university"), ("academic", "university"),
    ("власт", "government"), ("государствен", "government"), ("федеральн", "government"),
    ("муниципальн", "government"), ("региональн", "government"), ("state", "government"),
    ("federal", "government"), ("public", "government"),
    ("коммерческ", "company"), ("промышлен", "company"), ("индустриальн", "company"),
    ("частн", "company"), ("industr", "company"), ("commercial", "company"),
    ("private", "company"),
)  # fmt: skip
# Words that say nothing of kind or place.
_FILLERS: Final[frozenset[str]] = frozenset([
    "все", "всех", "наши", "наших", "из", "в", "во", "с", "со", "от", "и", "по", "the", "all",
    "our", "of", "in", "from", "at", "with", "and",
])  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class KindQuery:
    kind: str  # one of the registry's kinds
    country: str | None  # alpha-2, when the query names one


def _start(word: str, table: tuple[tuple[str, str], ...]) -> str | None:
    return next((kind for start, kind in table if word.startswith(start)), None)


def _noun(word: str) -> str | None:
    """The kind a kind noun names ("" for a generic one), else None."""
    if word.isascii():
        return next((kind for form, kind in _EN_NOUNS if form.fullmatch(word)), None)
    return _start(word, _NOUNS)


def _country(words: list[str]) -> str | None:
    """The country a run of words names as a whole («Южной Кореи») or word by word
    ("Chinese", «Китая»), else None. Two Latin letters are no country code here: "IT
    companies" are no Italian ones (US and UK are said as names)."""
    if len(words) == 1 and len(words[0]) == 2 and words[0].isascii():
        return {"us": "US", "uk": "GB"}.get(words[0].lower())
    code = resolve_country_query(" ".join(words), other_languages=False)
    if code is not None:
        return code
    codes = {nation_of(w) or resolve_country_query(w, other_languages=False) for w in words}
    return codes.pop() if len(codes) == 1 else None


def kind_query(query: str) -> KindQuery | None:
    """The kind (and country) a query asks for, when it is made of such words alone; else
    None. «вузы Казахстана» → university, KZ; "Chinese companies" → company, CN; «Министерство
    науки» → None (a name); two kinds («компании и вузы») → None."""
    nouns: set[str] = set()
    qualifiers: set[str] = set()
    generic = False
    runs: list[list[str]] = [[]]  # the other words, in runs between kind words and fillers
    for raw in _WORD.findall(query):
        word = raw.lower().replace("ё", "е")
        noun = None if word in _FILLERS else _noun(word)
        if noun and (word in _SINGULAR or (word.isascii() and not word.endswith("s"))):
            qualifiers.add(noun)
        elif noun:
            nouns.add(noun)
        elif noun == "" or any(word.startswith(start) for start in _GENERIC):
            generic = True
        elif word not in _FILLERS and (qualifier := _start(word, _QUALIFIERS)):
            qualifiers.add(qualifier)
        elif word not in _FILLERS:
            runs[-1].append(raw)
            continue
        runs.append([])
    codes = set()
    for run in filter(None, runs):
        code = _country(run)
        if code is None:
            return None
        codes.add(code)
    kinds = nouns or (qualifiers if generic else set())
    if len(kinds) != 1 or len(codes) > 1:
        return None
    return KindQuery(next(iter(kinds)), next(iter(codes), None))
