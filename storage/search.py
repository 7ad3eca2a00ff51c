"""Snowball-stemmed text for FTS5, which has no Russian stemmer of its own.

Documents and queries go through the same `stem_text`, so «соглашение», «соглашения» and
«соглашением» meet on one indexed form; Latin words take the English stemmer.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_MAX_QUERY_TERMS = 12
_local = threading.local()


def _stemmers() -> tuple[Stemmer.Stemmer, Stemmer.Stemmer]:
    # Stemmer objects are not thread-safe; indexing runs in worker threads.
    pair = getattr(_local, "pair", None)
    if pair is None:
        pair = (Stemmer.Stemmer("russian"), Stemmer.Stemmer("english"))
        _local.pair = pair
    return pair


@lru_cache(maxsize=65536)
def _stem_word(word: str) -> str:
    russian, english = _stemmers()
    word = word.lower().replace("ё", "е")
    if _CYRILLIC.search(word):
        return str(russian.stemWord(word))
    return str(english.stemWord(word))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def stem_text(text: str) -> str:
    """Space-separated stems of every word, in order (what goes into news_fts)."""
    return " ".join(_stem_word(word) for word in words(text))


def build_match(query: str) -> str | None:
    """An FTS5 MATCH expression of quoted stems, AND-ed; None when the query has no words.

    Every term is quoted, so user input can never inject FTS syntax (NEAR, OR, *, -, ").
    """
    stems: list[str] = []
    for word in words(query):
        stem = _stem_word(word)
        if stem not in stems:
            stems.append(stem)
        if len(stems) == _MAX_QUERY_TERMS:
            break
    if not stems:
        return None
    return " ".join(f'"{stem}"' for stem in stems)


def query_stems(query: str) -> list[str]:
    return [_stem_word(word) for word in words(query)][:_MAX_QUERY_TERMS]


def stem_word(word: str) -> str:
    return _stem_word(word)
