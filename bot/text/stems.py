"""Word stems, the one stemmer helper: Snowball Russian for Cyrillic words, English otherwise.

The search index, search queries, subscriptions by words, partner lookup and country queries all
stem through here, so «соглашение», «соглашения» and «соглашением» meet on one form.

Snowball cuts endings without a dictionary, so some forms of one word get different stems:
«диплом» → «дипл» but «диплома» → «диплом», «Китай» → «кита» but «Китая» → «кит», «визит» →
«виз» but «визита» → «визит» (about one pair in eight of a word's forms in the corpus). Search
queries therefore go through `query_groups`: each Russian word becomes the distinct stems of
every form of its word (pymorphy's dictionary, via natasha), to be OR-ed; documents stay
indexed by plain stems, so no index has to be rebuilt.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

import Stemmer

_WORD = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
MAX_QUERY_TERMS = 12
# A word's forms rarely have more stems than this; a verb with its participles has up to ~10.
MAX_WORD_STEMS = 16
_local = threading.local()
_morph_lock = threading.Lock()
_morph: Any = None
# Pronouns, prepositions, conjunctions, particles, interjections: their "forms" are other words
# («он» → «его», «им»; «о» → «об»), so these parses add nothing.
_FUNCTION_POS = frozenset({"NPRO", "PREP", "CONJ", "PRCL", "INTJ"})
# Comparatives and superlatives can be other roots («хороший» → «лучший», «высокий» → «высший»):
# a search for one should not find the other. One-letter forms («быть» → «е») match stray letters.
_DEGREES = frozenset({"COMP", "Supr", "Cmp2"})


def _stemmers() -> tuple[Stemmer.Stemmer, Stemmer.Stemmer]:
    # Stemmer objects are not thread-safe; indexing runs in worker threads.
    pair = getattr(_local, "pair", None)
    if pair is None:
        pair = (Stemmer.Stemmer("russian"), Stemmer.Stemmer("english"))
        _local.pair = pair
    return pair


@lru_cache(maxsize=65536)
def stem_word(word: str) -> str:
    """The stem of one word (lower-cased, ё as е)."""
    russian, english = _stemmers()
    word = word.lower().replace("ё", "е")
    if _CYRILLIC.search(word):
        return str(russian.stemWord(word))
    return str(english.stemWord(word))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# Also Latin letters with marks (À-ɏ without × and ÷): "Universität", "Kraków", "Ångström".
_WHOLE_WORD = re.compile(r"[0-9a-zа-яё\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+", re.IGNORECASE)


def whole_words(text: str) -> list[str]:
    """The words as a person wrote them, Latin letters with marks kept ("Universität", not
    "Universit t"): what is shown back. Searching and matching read them with `words`, as the
    index does."""
    return _WHOLE_WORD.findall(text)


def stem_text(text: str) -> str:
    """Space-separated stems of every word, in order (what goes into news_fts)."""
    return " ".join(stem_word(word) for word in words(text))


def query_stems(query: str) -> list[str]:
    return [stem_word(word) for word in words(query)][:MAX_QUERY_TERMS]


def morph_vocab() -> Any:
    """natasha's MorphVocab (pymorphy2 with its Russian dictionary, about 20 MB), made once,
    on first use, for the search and the extractor alike.

    Importing natasha also brings yargy's fix that lets pymorphy2 run on Python 3.11.
    """
    global _morph
    with _morph_lock:
        if _morph is None:
            from natasha import MorphVocab

            _morph = MorphVocab()
        return _morph


@lru_cache(maxsize=16384)
def word_variants(word: str) -> tuple[tuple[str, str], ...]:
    """(stem, form) for each distinct stem among the forms of the word: the word's own stem
    first, then its dictionary forms' (one form per stem, lower-cased); just the word's own for
    a word the dictionary does not know, a Latin word, a number or a function word."""
    word = word.lower()
    own = stem_word(word)
    found = {own: word}
    if _CYRILLIC.search(word):
        for parse in morph_vocab().parse(word):
            if not parse.is_known or parse.tag.POS in _FUNCTION_POS:
                continue
            for form in parse.lexeme:
                if (
                    _DEGREES & form.tag.grammemes
                    or len(form.word) < 2
                    or not _WORD.fullmatch(form.word)
                ):
                    continue
                found.setdefault(stem_word(form.word), form.word.lower())
                if len(found) == MAX_WORD_STEMS:
                    return tuple(found.items())
    return tuple(found.items())


# English words that say nothing alone (the Russian ones are the dictionary's function words).
_ENGLISH_FUNCTION = frozenset([
    "a", "an", "the", "of", "and", "or", "but", "nor", "in", "on", "at", "to", "for", "with",
    "by", "from", "as", "into", "onto", "about", "over", "under", "between", "through", "is",
    "are", "was", "were", "be", "been", "am", "it", "its", "this", "that", "these", "those",
    "he", "she", "we", "they", "you", "i", "me", "my", "our", "your", "his", "her", "their",
    "them", "us", "not", "no", "so", "if", "then", "than", "there", "here", "what", "which",
    "who", "whom", "how", "when", "where", "why", "also", "too", "very", "just", "do", "does",
    "did",
])  # fmt: skip


@lru_cache(maxsize=16384)
def function_word(word: str) -> bool:
    """A preposition, conjunction, pronoun or particle («и», «по», «это», "the"): a search or
    keyword subscription of such words alone would match nearly every article. Loads the
    dictionary on first use: call it off the event loop."""
    word = word.lower()
    if not _CYRILLIC.search(word):
        return word in _ENGLISH_FUNCTION
    known = [parse for parse in morph_vocab().parse(word) if parse.is_known]
    return bool(known) and known[0].tag.POS in _FUNCTION_POS


def says_something(text: str) -> bool:
    """Whether the text has a word other than function words (numbers count)."""
    return any(not function_word(word) for word in words(text))


def query_groups(query: str) -> list[tuple[tuple[str, str], ...]]:
    """One group per query word (`word_variants`), at most MAX_QUERY_TERMS, a word whose stem
    an earlier word's group has left out («диплом диплома» is one word), function words left
    out beside other words: a search matches an item holding any variant of each group."""
    groups: list[tuple[tuple[str, str], ...]] = []
    seen: set[str] = set()
    said = words(query)
    # «соглашение с Цинхуа» must not need a «с»: function words count only when alone (as
    # PostgreSQL's plainto_tsquery drops its stop words).
    said = [word for word in said if not function_word(word)] or said
    for word in said:
        if stem_word(word) in seen:
            continue
        group = word_variants(word)
        seen.update(stem for stem, _ in group)
        groups.append(group)
        if len(groups) == MAX_QUERY_TERMS:
            break
    return groups


def search_stems(query: str) -> list[str]:
    """Every stem a search for the query matches (`query_groups`), for highlighting."""
    return list(dict.fromkeys(stem for group in query_groups(query) for stem, _ in group))


# Latin letters back to Cyrillic, longest first: enough to look a transliterated Russian given
# name or surname up in the dictionary ("Vladimir" is «Владимир», "Putin" «Путин»).
_TO_CYRILLIC = (
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("iy", "ий"), ("yy", "ый"), ("ey", "ей"),
    ("ay", "ай"), ("oy", "ой"), ("x", "кс"), ("j", "дж"), ("w", "в"), ("q", "к"),
    ("c", "к"), ("h", "х"), ("y", "ы"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"),
    ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"),
    ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("f", "ф"),
)  # fmt: skip
_TO_CYRILLIC_RE = re.compile("|".join(k for k, _ in _TO_CYRILLIC))
_TO_CYRILLIC_MAP = dict(_TO_CYRILLIC)


def to_cyrillic(word: str) -> str:
    """A Latin word spelt back in Cyrillic letters, lower-cased, to look it up in the Russian
    dictionary ("Vladimir" is «владимир», "Polymer" «полимер»); a closing "y" is «ий»."""
    word = word.lower()
    return _TO_CYRILLIC_RE.sub(
        lambda m: (
            "ий" if m.group(0) == "y" and m.end() == len(word) else _TO_CYRILLIC_MAP[m.group(0)]
        ),
        word,
    )


def common_word(word: str) -> bool:
    """Whether a word, in Cyrillic or spelt back from Latin letters, is a common noun or
    adjective of the Russian dictionary ("Polymer", «Вектор»), not a name ("Siemens",
    "Vladimir", «Газпром»): such a word alone names no one organisation."""
    if not re.fullmatch(r"[A-Za-zА-Яа-яЁё]{3,}", word):
        return False
    if _CYRILLIC.search(word):
        return _dictionary_word(word.lower())
    spelt = to_cyrillic(word)
    return any(map(_dictionary_word, dict.fromkeys((spelt, spelt.replace("ы", "и")))))


_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


def _dictionary_word(word: str) -> bool:
    parses = morph_vocab().parse(word)
    return (
        bool(parses)
        and all(p.is_known and not _NAME_TAGS & p.tag.grammemes for p in parses[:2])
        and parses[0].score >= 0.3
        and str(parses[0].tag.POS) in {"NOUN", "ADJF"}
    )
