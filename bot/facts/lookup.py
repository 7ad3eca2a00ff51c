"""Finding partners by what a person types: any case form, either script, typos.

Used by every command that takes a partner's name (/partners, /subscribe partner, /agreements,
/search, /chart, /export, /curate) and by inline mode; scoring runs off the event loop.

Names are compared word by word, never as whole strings: two names that share only generic words
("политехнический университет", "Institute of Technology") do not meet. Every distinguishing
word of the query must match a word of the name -- by its form or stem, across scripts (the
registry's consonant skeletons and concepts, `bot.facts.matching`), as the same country, or
by a per-word typo-tolerant similarity; generic words may be missing on either side. Only a
match without similarity on distinguishing words names one partner; anything fuzzier, or
several partners alike, is a choice the person makes.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from bot.facts.extraction.names import abbreviation_of
from bot.facts.extraction.registry import KnownOrg, known_orgs
from bot.facts.matching import (
    ADJECTIVE_RU,
    CONCEPT_LATIN,
    CONCEPT_RU,
    CROSS_SKIP,
    GENERIC,
    MEANING_LATIN,
    MEANING_RU,
    key_tokens,
    sounds,
    to_latin,
    word_skeleton,
)
from bot.text.countries import resolve_country
from bot.text.english import english_rendering
from bot.text.i18n import is_cyrillic
from bot.text.names import is_short_form
from bot.text.russian import russian_rendering
from bot.text.stems import stem_word
from storage.partners import Partner, PartnerRepository

_WORD = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)

# Scores, 0-100: the tiers of a match, best first.
PERFECT = 100.0  # every word of the query and of the name match (honorific tails aside)
SAME = 97.0  # only a kind word ("университет") is missing on one side: "Цинхуа"
NAMED = 95.0  # a descriptive word is missing on one side: "Самаркандский университет"
MORE = 93.0  # the name has a distinguishing word more: "Газпром" in "Gazprom Neft"
LOOSE = 91.0  # the query has a descriptive word the name lacks: "State" of "Samarkand State"
GENERIC_ONLY = 90.0  # the query has only generic words ("университет"): never one partner
FUZZY = 80.0  # the least similarity a match has (typos, a word begun, another kind)
ALIKE = 85.0  # at most this for a card the query's well-known organisation is not

# Kinds of organisation beyond the registry's concepts (university, institute, academy): a
# query that says "embassy" does not name a consulate, nor "institute" a university, for sure.
_KIND_WORDS = {
    **dict.fromkeys(["посольств", "embassy"], "EMB"),
    **dict.fromkeys(["консульств", "генконсульств", "consulate", "consul"], "CON"),
    **dict.fromkeys(["министерств", "ministry"], "MIN"),
}  # fmt: skip
_KINDS = frozenset(["U", "I", "A", "EMB", "CON", "MIN"])
# Translations swap the technical family freely ("Technische Universität" is a "University of
# Technology", "Universidad Politécnica" a "Technical University"), as the registry does.
_SAME_CONCEPT = {"T": "tech", "TL": "tech", "P": "tech"}
# Generic words the registry's lists lack: the "affairs" of a ministry, a "general" consulate.
_MORE_GENERIC = frozenset(["affairs", "дел", "general", "генеральн", "college", "колледж"])
_STOPS = CROSS_SKIP | {"им", "имени", "del", "di", "du", "le", "y"}
_SPELLINGS = {"st": "saint", "sankt": "saint", "санкт": "saint"}
_PETERSBURG = frozenset(["petersburg", "peterburg", "petersburgh", "petersburgskiy"])
# The honorific tail of a name ("... им. Шарафа Рашидова", "... named after ..."): its words
# may be missing or spelt otherwise on either side.
_HONORIFIC = frozenset(["им", "имени", "named"])
KIND, DESCRIPTIVE, TELLING, HONORIFIC = "kind", "descriptive", "telling", "honorific"


@dataclass(frozen=True, slots=True)
class _Word:
    """One word of a name or query, in every form two spellings of it may meet on."""

    fold: str
    stem: str
    token: str  # the registry key's token ("Тегеранский" and "Тегерана" are "тегеран")
    cyrillic: bool
    latin: str  # in Latin letters, for abbreviations and cross-script typos
    concept: str | None  # what a generic word says in any language ("университет" = "U")
    meaning: str | None  # what a telling word says in any language ("фонд" = "foundation")
    skeleton: str
    shape: str  # the skeleton with vowels kept as one class, for short skeletons
    country: str | None
    generic: bool
    abbreviation: bool  # "КРСУ", "LUT": spelt letter by letter, so no skeleton meets it
    shortened: bool  # "Uni", «политех»: a type word shortened, not an abbreviation ("UNI")


def _shape(fold: str) -> str:
    """Consonants and vowel runs, in the sounds of `word_skeleton` ("Чжэцзян" = "Zhejiang", which
    a two-letter skeleton alone would confuse with "Jinan")."""
    return re.sub(r"[aeiou]+", "a", sounds(fold).replace("c", "k"))


# Type words people shorten when they type ("Uni Stuttgart", "univ of Stuttgart", «Харбинский
# политех»): read as the word in full, so that they meet a name's type word in either script.
# Not in capitals: "UNI" is an abbreviation of its own.
_SHORTENED = (
    (re.compile(r"univ?"), "university"),
    (re.compile(r"политех(?:а|у|ом|е)?"), "политехнический"),
    (re.compile(r"polytech"), "polytechnic"),
)


def _in_full(query: str) -> str:
    """The query with its shortened type words written in full ("Uni Stuttgart" is "university
    Stuttgart"); the query itself when it has none."""
    return _WORD.sub(
        lambda m: m[0] if m[0].isupper() else next(
            (full for short, full in _SHORTENED if short.fullmatch(m[0].lower())), m[0]
        ),
        query,
    )  # fmt: skip


@lru_cache(maxsize=65536)
def _word(raw: str) -> _Word | None:
    """The forms of one word; None for a word that says nothing (of, the, и)."""
    fold = raw.lower().replace("ё", "е").replace("э", "е")
    if fold in _STOPS or (len(fold) == 1 and fold.isalpha()):  # a letter alone, a tag's "b"
        return None
    cyrillic = bool(re.search(r"[а-я]", fold))
    fold = _SPELLINGS.get(fold, fold)
    tokens = key_tokens(raw)
    token = tokens[0] if tokens else ""
    if fold.startswith("петербург") or fold in _PETERSBURG:
        token = "petersburg"  # «Петербург» / "Petersburg": one city, two skeletons
    stem = stem_word(fold)
    if cyrillic:
        concept = next((c for s, c in CONCEPT_RU if fold.startswith(s)), None)
        meaning = next((c for s, c in MEANING_RU if fold.startswith(s)), None)
        bare = ADJECTIVE_RU.sub("", fold)
    else:
        concept = CONCEPT_LATIN.get(to_latin(fold))
        meaning = MEANING_LATIN.get(to_latin(fold))
        bare = fold
    concept = concept or next((c for s, c in _KIND_WORDS.items() if fold.startswith(s)), None)
    concept = _SAME_CONCEPT.get(concept or "", concept)
    generic = (
        concept is not None
        or not token
        or token in GENERIC
        or stem in _MORE_GENERIC
        or fold in _MORE_GENERIC
    )
    return _Word(
        fold=fold,
        stem=stem,
        token=token,
        cyrillic=cyrillic,
        latin=to_latin(fold),
        concept=concept,
        meaning=meaning,
        skeleton=word_skeleton(bare).replace("c", "k"),
        shape=_shape(bare),
        country=resolve_country(raw) if len(fold) >= 4 and not generic else None,
        generic=generic,
        abbreviation=raw.isupper() and len(raw) <= 6,
        shortened=not raw.isupper() and _shortened(raw),
    )


@dataclass(frozen=True, slots=True)
class _Term:
    word: _Word
    role: str  # KIND, DESCRIPTIVE, TELLING or HONORIFIC


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[_Term, ...]:
    out = []
    honorific = False
    raws = _WORD.findall(text)
    for i, raw in enumerate(raws):
        if _SPELLINGS.get(raw.lower(), raw.lower()) == "saint" and i + 1 < len(raws):
            after = raws[i + 1].lower()
            if after.startswith("петербург") or after in _PETERSBURG:
                continue  # «Санкт-Петербург» is «Петербург»
        honorific = honorific or raw.lower() in _HONORIFIC
        if (word := _word(raw)) is None:
            continue
        if honorific:
            role = HONORIFIC
        elif word.concept in _KINDS:
            role = KIND
        else:
            role = DESCRIPTIVE if word.generic else TELLING
        out.append(_Term(word, role))
    if not any(term.role == TELLING for term in out):  # "Университет им. Ле Ку Дона"
        out = [_Term(t.word, TELLING) if t.role == HONORIFIC else t for t in out]
    return tuple(out)


def _same_shape(q: _Word, n: _Word) -> bool:
    """Whether two short words of two scripts sound alike, the Russian one perhaps with a case
    ending ("нефти" / "Neft", "Ганновера" / "Hannover"; not "Цинх" / "Tsinghua", nor the typo
    "Самаркнад" / "Samarkand", whose consonants alone agree)."""
    cyr, lat = (q, n) if q.cyrillic else (n, q)
    return cyr.shape in (lat.shape, lat.shape + "a", lat.shape + "am")


def word_match(q: _Word, n: _Word, *, last: bool = False) -> float:
    """1.0 when two words are one word in any form or script, 0.8-0.99 when they are only
    alike (a typo, a transliteration variant, a word being typed: `last`), else 0."""
    if q.shortened and n.abbreviation and q.latin == n.latin:
        return 0.9  # "Uni" typed: a university perhaps, the Peruvian "UNI" perhaps
    if q.fold == n.fold or q.stem == n.stem or (q.token and q.token == n.token):
        return 1.0
    if q.concept is not None and n.concept is not None:
        return 1.0 if q.concept == n.concept else 0.0
    if q.meaning is not None and q.meaning == n.meaning and q.cyrillic != n.cyrillic:
        return 1.0  # «фонд» / "foundation"
    if min(len(q.fold), len(n.fold)) <= 3:  # abbreviations: one spelling in two scripts
        return 1.0 if q.latin == n.latin else 0.0
    if q.country is not None and q.country == n.country:
        return 1.0
    spelt = q.abbreviation or n.abbreviation
    if q.cyrillic != n.cyrillic and not spelt and q.skeleton == n.skeleton and _same_shape(q, n):
        return 1.0
    if q.cyrillic == n.cyrillic:
        similarity = max(fuzz.ratio(q.fold, n.fold), fuzz.ratio(q.stem, n.stem))
    else:
        similarity = max(fuzz.ratio(q.latin, n.latin), fuzz.ratio(q.shape, n.shape) - 5)
    if len(q.fold) >= (3 if last else 5) and n.fold.startswith(q.fold):
        similarity = max(similarity, 85.0)
    if len(q.fold) < 5 and not last:
        return 0.0
    return min(similarity, 99.0) / 100 if similarity >= FUZZY else 0.0


Matches = list[dict[_Word, float]]  # per query word: the name words it matches, and how well


def _matches(query: tuple[_Term, ...], words: Iterable[_Word]) -> tuple[Matches, Matches]:
    """Per query word, the words it matches among `words`: as a whole word (`plain`), and as
    typed so far (`typed`: the last word may be begun)."""
    words = set(words)
    last = len(query) - 1
    plain: Matches = []
    typed: Matches = []
    for i, q in enumerate(query):
        whole = {n: m for n in words if (m := word_match(q.word, n))}
        plain.append(whole)
        typed.append(
            {n: m for n in words if (m := word_match(q.word, n, last=True))} if i == last else whole
        )
    return plain, typed


def score_words(query: tuple[_Term, ...], name: tuple[_Term, ...]) -> float:
    """0-100 for how a name answers a query (see the tiers above); 0 when it does not."""
    return _score(query, name, *_matches(query, (n.word for n in name)))


def _score(
    query: tuple[_Term, ...], name: tuple[_Term, ...], plain: Matches, typed: Matches
) -> float:
    """`score_words` with the word matches worked out beforehand, once for every name.

    Kind words (university, embassy) and descriptive ones (state, technical) may be missing
    on either side, but a query and a name that each have their own (an institute and a
    university, "technical" and "of economics") are only alike; honorific tails never count."""
    if not query or not name:
        return 0.0
    best: list[float] = []
    terms = list(query)
    for i, q in enumerate(query):
        match, role = max((typed[i].get(n.word, 0.0), n.role) for n in name)
        if q.role == TELLING and 0.0 < match < 1.0 and role in (KIND, DESCRIPTIVE):
            terms[i] = _Term(q.word, role)  # a generic word mistyped ("Univesrity")
        best.append(match)
    query = tuple(terms)
    # A word only alike (a typo, a word begun) makes the whole match only alike.
    unsure = min(
        (b for q, b in zip(query, best, strict=True) if q.role != HONORIFIC and b > 0), default=1.0
    )
    telling = [b for q, b in zip(query, best, strict=True) if q.role == TELLING]
    if not telling:  # generic words only: a list to choose from, never one partner
        plain_words = [b for q, b in zip(query, best, strict=True) if q.role != HONORIFIC]
        if not plain_words or min(plain_words) == 0.0:
            return 0.0
        return GENERIC_ONLY if min(plain_words) == 1.0 else _alike(min(plain_words))
    if min(telling) == 0.0:
        return 0.0
    if unsure < 1.0:
        return _alike(unsure)
    matched = [any(plain[i].get(n.word) == 1.0 for i in range(len(query))) for n in name]
    own_word = any(  # a telling word of the name's own, not its country ("Ocean")
        n.role == TELLING and not m and n.word.country is None
        for n, m in zip(name, matched, strict=True)
    )
    if own_word and all(q.word.country is not None for q in query if q.role == TELLING):
        # Kind words and a country alone («университеты Китая») say what and where, as
        # generic words do: a list to choose from, not the one card that also says "China".
        return GENERIC_ONLY
    kinds_q = {q.word.concept for q in query if q.role == KIND}
    kinds_n = {n.word.concept for n in name if n.role == KIND}
    extra_q = any(q.role == DESCRIPTIVE and b < 1.0 for q, b in zip(query, best, strict=True))
    extra_n = any(n.role == DESCRIPTIVE and not m for n, m in zip(name, matched, strict=True))
    if kinds_q and kinds_n and not kinds_q & kinds_n:
        return _alike(1.0)
    # Each side has words of its own the other lacks: the query's describe or type ("Academy
    # of Sciences"), the name's describe or tell ("МИД" of «МИД России», not its country):
    # another organisation of the same place, alike at most.
    kind_q_more = any(q.role == KIND and b < 1.0 for q, b in zip(query, best, strict=True))
    telling_n_more = any(  # a country the name adds only says where it is
        n.role == TELLING and not m and n.word.country is None
        for n, m in zip(name, matched, strict=True)
    )
    if (extra_q or kind_q_more) and (extra_n or telling_n_more):
        return _alike(1.0)
    if extra_q:
        return LOOSE
    if any(n.role == TELLING and not m for n, m in zip(name, matched, strict=True)):
        return MORE
    if extra_n:
        return NAMED
    kind_q = any(q.role == KIND and b < 1.0 for q, b in zip(query, best, strict=True))
    kind_n = any(n.role == KIND and not m for n, m in zip(name, matched, strict=True))
    return SAME if kind_q or kind_n else PERFECT


def _alike(similarity: float) -> float:
    """The score of a match only alike (similarity 0.8-1.0): below every exact one."""
    return FUZZY + 9 * (max(similarity, 0.8) - 0.8) / 0.2


def score_name(query: str, name: str) -> float:
    """0-100: how well a name answers what a person typed (see `score_words`)."""
    return score_words(_words(query), _words(name))


@dataclass(frozen=True, slots=True)
class Found:
    """Partners matching a query, best first, and what the query names.

    `named` is the one partner the query names beyond doubt: every distinguishing word
    matched exactly, and no other partner as well. Otherwise `candidates` are the partners
    a person chooses from (the best tier, or every fuzzy match)."""

    ranked: tuple[tuple[int, float], ...]
    # Cards with every distinguishing word of the query that are not the well-known
    # organisation it names (kept at most alike in `ranked`): "Shanghai" in Shanghai Jiao Tong.
    sharing: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.ranked)

    @property
    def candidates(self) -> list[int]:
        """Partners to choose from: every match, or those that share the query's words."""
        if not self.ranked:
            return []
        top = self.ranked[0][1]
        least = next((tier for tier in (LOOSE, GENERIC_ONLY) if top >= tier), 0.0)
        return [pid for pid, score in self.ranked if score >= least]

    @property
    def named(self) -> int | None:
        """The best match, when it is the query's name (every word of both) and no other
        partner's is, or when no other partner has the query's distinguishing words and
        nothing more of its own ("Jiangsu" names no one of three Jiangsu universities)."""
        if not self.ranked or self.ranked[0][1] < LOOSE:
            return None
        (top, best), rest = self.ranked[0], self.ranked[1:]
        if rest and rest[0][1] == best:
            return None
        if best == PERFECT or not any(score >= NAMED for _, score in rest):
            return top
        return None


# An abbreviation opening with a syllable, then initials: «ТашГТУ», «ФерПИ», «КазНУ».
_SYLLABIC = re.compile(r"[А-ЯЁA-Z][а-яёa-z]{1,4}[А-ЯЁA-Z]{2,5}")
# Russian abbreviations write Saint Petersburg as «СПб» ("SPb" in Latin letters): «СПбГУ»,
# "SPbU", "SPbGU", "SPbSU" are initials with the city's three letters first.
_PETERSBURG_INITIALS = re.compile(r"(?:СПб|SPb)[А-ЯЁA-Z]{1,5}")
_PETERSBURG_NAME = re.compile(
    r"\b(?:санкт|sankt|saint|st)\.?[\s-]*(?:петербург|peterburg|petersburg)\w*", re.IGNORECASE
)


def petersburg_initials(abbreviation: str, name: str) -> bool:
    """Whether `abbreviation` is «СПб» and the initials of the rest of `name` in either script
    ("SPbU" of "St. Petersburg University", «СПбГУ» and "SPbGU" of «Санкт-Петербургский
    государственный университет»)."""
    if not _PETERSBURG_INITIALS.fullmatch(abbreviation) or not _PETERSBURG_NAME.search(name):
        return False
    bare = _HONORIFIC_TAIL.split(_PETERSBURG_NAME.sub(" spb ", name), maxsplit=1)[0]
    said = [w for w in re.findall(r"[^\W\d_]+", to_latin(bare.lower())) if w not in _SKIPPED]
    initials = "".join(w if w == "spb" else w[0] for w in said)
    return initials == to_latin(abbreviation.lower())


# Words initials skip, and where a name's honorific tail begins (no initials of its own).
_SKIPPED = frozenset(["of", "the", "and", "for", "in", "at", "i"])
_HONORIFIC_TAIL = re.compile(r"\b(?:имени|им\.|named after)", re.IGNORECASE)


def well_known(query: str) -> KnownOrg | None:
    """The well-known organisation a person means by `query` (`Registry.lookup_query`), or by
    one of its Russian abbreviations in Latin letters ("SPbGU" for «СПбГУ»), or by the initials
    of its full name Russian writes Saint Petersburg's organisations with ("SPbSU"); never a
    shortened type word typed in small letters ("Uni" is no name of the Peruvian "UNI")."""
    word = query.strip()
    registry = known_orgs()
    org = registry.lookup_query(query)
    if org is None and _PETERSBURG_INITIALS.fullmatch(word):
        latin = to_latin(word.lower())
        for test in (
            lambda name: is_short_form(name) and to_latin(name.lower()) == latin,
            lambda name: petersburg_initials(word, name),
        ):
            spelt = {id(o): o for o in registry.orgs if any(map(test, o.all_names()))}
            if spelt:
                return next(iter(spelt.values())) if len(spelt) == 1 else None
    if org is not None and not word.isupper() and _shortened(word):
        spelt_so = [n for n in org.all_names() if n.isupper() and n.casefold() == word.casefold()]
        return None if spelt_so else org
    return org


def _shortened(word: str) -> bool:
    """A type word people shorten when they type ("Uni", «политех»: see `_SHORTENED`)."""
    return any(short.fullmatch(word.lower()) for short, _ in _SHORTENED)


class NameIndex:
    """Every partner's name forms split into words once; ranks queries against them, each
    query word compared once with each distinct word of the registry."""

    def __init__(
        self,
        known: Iterable[tuple[int, list[str]]],
        cards_of: dict[str, frozenset[int]] | None = None,
    ) -> None:
        known = [(pid, list(names)) for pid, names in known]
        self._names = [(pid, _words(name)) for pid, names in known for name in names]
        self._full = [(pid, name) for pid, names in known for name in names if " " in name]
        self._vocabulary = {term.word for _, name in self._names for term in name}
        # Well-known organisation (its entry's name) → the cards that are it; None: no check.
        self._cards_of = cards_of
        # ... and the one card found to be it under another name (`_card_of`), once asked.
        self._found_cards: dict[str, int | None] = {}

    def rank(self, query: str) -> Found:
        best = self._best(query)
        if (full := _in_full(query)) != query and not any(v >= NAMED for v in best.values()):
            # "Uni", «политех» as typed name no card ("Uni Global" does): read them in full.
            for pid, score in self._best(full).items():
                best[pid] = max(score, best.get(pid, 0.0))
        return self._known(query, best)

    def _best(self, query: str) -> dict[int, float]:
        words = _words(query)
        best: dict[int, float] = {}
        if words:
            plain, typed = _matches(words, self._vocabulary)
            # A name without a match for each distinguishing word scores nothing: skip it.
            needed = [set(typed[i]) for i, q in enumerate(words) if q.role == TELLING]
            needed = needed or [set().union(*typed)]
            for pid, name in self._names:
                if not all(any(t.word in need for t in name) for need in needed):
                    continue
                score = _score(words, name, plain, typed)
                if score >= FUZZY and score > best.get(pid, 0.0):
                    best[pid] = score
        if _PETERSBURG_INITIALS.fullmatch(query.strip()):
            # "SPbU", «СПбГУ»: the city's «СПб», then initials of the rest of a full name.
            for pid, full in self._full:
                if best.get(pid, 0.0) < NAMED and petersburg_initials(query.strip(), full):
                    best[pid] = NAMED
        if _SYLLABIC.fullmatch(query.strip()):
            # «ТашГТУ», «ФерПИ»: a syllable and initials, read off the words of a full name
            # («Ташкентский государственный технический университет»), not only its aliases.
            for pid, full in self._full:
                if best.get(pid, 0.0) < NAMED and abbreviation_of(query.strip(), full):
                    best[pid] = NAMED
        return best

    def _known(self, query: str, best: dict[int, float]) -> Found:
        org = well_known(query) if self._cards_of is not None else None
        if org is not None and self._cards_of is not None and not self._cards_of.get(org.name):
            # A well-known organisation whose card the registry names otherwise ("St.
            # Petersburg University" for «СПбГУ», Saint Petersburg State University): the one
            # card its full names find with no word of the card's own missing from them.
            if org.name not in self._found_cards:
                self._found_cards[org.name] = self._card_of(org)
            if (card := self._found_cards[org.name]) is not None:
                best[card] = max(best.get(card, 0.0), NAMED)
        if best and self._cards_of is not None and org is not None:
            # The query is a well-known organisation's name («Санкт-Петербургский
            # государственный университет»): a card that is not that organisation is at most
            # alike, never opened as the one named (it opened the Marine Technical University).
            # A card named with every word of the query and nothing more ("Polytechnic
            # University of Harbin" for «Харбинский политехнический университет») is it, though
            # the well-known entry lacks that form.
            own = set(self._cards_of.get(org.name, frozenset())) | {
                pid for pid, score in best.items() if score >= PERFECT
            }
            if (card := self._found_cards.get(org.name)) is not None:
                own.add(card)
            # One word that is also a city ("Shanghai"): the cards named with it are offered
            # below; a name of several words («Санкт-Петербургский государственный
            # университет») shares only its generic words with the other cards: none offered.
            sharing = frozenset(
                pid
                for pid, score in best.items()
                if pid not in own and score >= LOOSE and len(query.split()) == 1
            )
            best = {pid: score if pid in own else min(score, ALIKE) for pid, score in best.items()}
            return Found(tuple(sorted(best.items(), key=lambda pair: -pair[1])), sharing)
        return Found(tuple(sorted(best.items(), key=lambda pair: -pair[1])))

    def _card_of(self, org: KnownOrg) -> int | None:
        """The one card that is `org` under a name no registry form of it has: found by one of
        its full names (a descriptive word may be missing, "State"), and naming it back with
        every word of its own ("St. Petersburg University" is Saint Petersburg State
        University; "St. Petersburg University of Economics" is not)."""
        full = [name for name in org.all_names() if not is_short_form(name)]
        found: set[int] = set()
        for name in full:
            found |= {pid for pid, score in self._best(name).items() if score >= LOOSE}
        cards = {
            pid
            for pid, name in self._names
            if pid in found and any(score_words(name, _words(f)) >= NAMED for f in full)
        }
        if not cards:  # "Universidad Nacional de Ingeniería (UNI)": its abbreviation in brackets
            said = [re.escape(n) for n in org.all_names() if n.isupper() and len(n) >= 3]
            spelt = re.compile(rf"\((?:{'|'.join(said)})\)") if said else None
            cards = {pid for pid, name in self._full if spelt is not None and spelt.search(name)}
        return cards.pop() if len(cards) == 1 else None

    def within(self, query: str) -> list[int]:
        """Cards whose every distinguishing word is the query's while the query has a word more
        of its own («Газпром» for «Газпром нефть»): another organisation, its parent perhaps,
        that `rank` does not find (the query's word is missing from it); then cards named with
        the query's words written as one («Газпромнефть - Промышленные инновации» for "Gazprom
        Neft"), a subsidiary perhaps. Best first."""
        words = _words(query)
        if not words:
            return []
        found = self._within(words)
        raws = _WORD.findall(query)
        if 2 <= len(raws) <= 3:
            glued = self._best("".join(raws))
            found += [p for p in sorted(glued, key=lambda p: -glued[p]) if glued[p] >= LOOSE]
        return list(dict.fromkeys(found))

    def _within(self, words: tuple[_Term, ...]) -> list[int]:
        said = {n for n in self._vocabulary if any(word_match(n, q.word) == 1.0 for q in words)}
        best: dict[int, float] = {}
        for pid, name in self._names:
            telling = [term.word for term in name if term.role == TELLING]
            if not telling or not all(word in said for word in telling):
                continue
            score = score_words(name, words)  # the card's name asked of the query
            if score >= LOOSE and score > best.get(pid, 0.0):
                best[pid] = score
        return sorted(best, key=lambda pid: -best[pid])


def _with_renderings(known: list[tuple[int, list[str]]]) -> Iterable[tuple[int, list[str]]]:
    """The registry's name forms and, for a partner with no Latin full name, the English an
    English reader is shown for its Russian ones (`bot.text.english`), and the other way round
    for a mission named in English only (`bot.text.russian`), so that the name they read finds
    the card. A search form only: the registry never matches by it."""
    for pid, names in known:
        if any(not is_cyrillic(n) and not is_short_form(n) for n in names):
            if not any(is_cyrillic(n) and not is_short_form(n) for n in names):
                # A consulate named in English only: the Russian a Russian reader is shown.
                rendered = [r for n in names if (r := russian_rendering(n)) is not None]
                names = list(dict.fromkeys([*names, *rendered]))
            yield pid, names
        else:
            rendered = [english_rendering(n) for n in names if is_cyrillic(n)]
            yield pid, list(dict.fromkeys([*names, *rendered]))


def _with_known(
    known: list[tuple[int, list[str]]],
) -> tuple[list[tuple[int, list[str]]], dict[str, frozenset[int]]]:
    """The registry's name forms and, for a card of one well-known organisation, every name
    the registry of well-known organisations gives it (its abbreviations, its other script's
    forms): «СПбГУ» finds the card an article named in full. A search form only. Also which
    cards each well-known organisation has (by its entry's name)."""
    registry = known_orgs()
    out = []
    cards: dict[str, set[int]] = {}
    for pid, names in known:
        orgs = {id(o): o for n in names if (o := registry.lookup(n)) is not None}
        if len(orgs) == 1:
            org = next(iter(orgs.values()))
            names = list(dict.fromkeys([*names, *org.all_names()]))
            cards.setdefault(org.name, set()).add(pid)
        out.append((pid, names))
    return out, {name: frozenset(pids) for name, pids in cards.items()}


def _index_of(known: list[tuple[int, list[str]]]) -> NameIndex:
    """The search index of the registry's name forms and their search-only forms (CPU work:
    run in a worker thread)."""
    forms, cards_of = _with_known(known)
    return NameIndex(_with_renderings(forms), cards_of)


def rank_partners(query: str, known: list[tuple[int, list[str]]]) -> Found:
    """Partners whose names match the query, best first (score >= 80)."""
    return NameIndex(known).rank(query)


# A company's legal form or type word a person writes around its name («АО «X»», «компания
# X», "X GmbH"): no word of the name, so no sign of a parent or a subsidiary.
_FORM_WORDS = frozenset([
    "ао", "пао", "оао", "зао", "ооо", "нао", "компания", "фирма", "корпорация", "jsc", "pjsc",
    "ojsc", "cjsc", "llc", "ltd", "inc", "gmbh", "ag", "co", "plc", "company", "corporation", "the",
])  # fmt: skip


@dataclass(frozen=True, slots=True)
class Opening:
    """What a query opens: `card`, the one partner it names, else None; `relative` when its
    best match is a company with a distinguishing word more or fewer than the query
    («Торвальд Нефть» for «Торвальд», Quillon for "Quillon Energy"): its parent or subsidiary
    perhaps, another organisation, offered as one and never opened as the one asked for."""

    card: int | None
    relative: bool = False


@dataclass(frozen=True, slots=True)
class Choices:
    """What a person chooses from: the partners shown, how many match in all, and whether
    none of them is named exactly (only alike: a typo, another kind of organisation)."""

    shown: list[Partner]
    total: int
    alike: bool


class PartnerLookup:
    """The registry's name forms split into words once, rebuilt only when they change
    (`PartnerRepository.names_version`); one instance serves every handler and inline mode.

    Rebuilding per query cost about 190 ms at 2,000 partners, most of a query's time; the
    matches are `rank_partners`' over `partners.names()`. Scoring runs in a worker thread.
    """

    def __init__(self, partners: PartnerRepository) -> None:
        self.partners = partners
        self._version: tuple[int, ...] | None = None
        self._index = NameIndex([])
        self._lock = asyncio.Lock()

    async def _current(self) -> NameIndex:
        version = await self.partners.names_version()
        if version != self._version:
            async with self._lock:
                if version != self._version:
                    known = await self.partners.names()
                    self._index = await asyncio.to_thread(_index_of, known)
                    self._version = version
        return self._index

    async def find(self, query: str) -> Found:
        """Partners whose names or aliases match the query, best first."""
        index = await self._current()
        return await asyncio.to_thread(index.rank, query)

    async def find_each(self, queries: list[str]) -> list[Found]:
        """`find` for each query, in one trip to the worker thread."""
        index = await self._current()
        return await asyncio.to_thread(lambda: [index.rank(q) for q in queries])

    async def opening(self, query: str, found: Found | None = None) -> Opening:
        """The card the query opens, one decision for every command and inline mode (`found`:
        the query's `find`, when the caller has it already)."""
        found = await self.find(query) if found is None else found
        chosen = found.named
        if chosen is None or found.ranked[0][1] not in (MORE, LOOSE):
            return Opening(chosen)
        partner = await self.partners.get(chosen)
        if partner is None or partner.kind != "company":
            return Opening(chosen)
        # «АО «Торвальд Нефть»», "Torvald Neft JSC": the legal form is no word of a relative.
        said = query.replace("«", " ").replace("»", " ").replace('"', " ").split()
        bare = [w for w in said if w.strip(".,").lower() not in _FORM_WORDS]
        if bare and len(bare) < len(said):
            again = await self.find(" ".join(bare))
            if again.named == chosen and again.ranked[0][1] >= SAME:
                return Opening(chosen)
        return Opening(None, relative=True)

    async def within(self, query: str, found: Found, limit: int = 3) -> list[Partner]:
        """Other organisations whose whole name is in the query with a word more of the
        query's own (`NameIndex.within`), none of `found`; most mentioned first."""
        index = await self._current()
        ids = await asyncio.to_thread(index.within, query)
        ranked = {pid for pid, _ in found.ranked}
        return await self.partners.get_many([pid for pid in ids if pid not in ranked][:limit])

    async def choices(self, found: Found, limit: int = 8) -> Choices:
        """The partners to offer (`Found.candidates`), best match and most mentioned first, at
        most `limit` of them; `total` says how many there are, so a reply can ask to narrow."""
        score = dict(found.ranked)
        rows = await self.partners.get_many(found.candidates)
        rows.sort(key=lambda p: (-score[p.id], -p.mentions))
        alike = not found.ranked or found.ranked[0][1] < GENERIC_ONLY
        return Choices(rows[:limit], len(rows), alike)
