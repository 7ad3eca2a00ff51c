"""Word stems, the one stemmer helper: Snowball Russian for Cyrillic words, English otherwise.

The search index, search queries, subscriptions by words, partner lookup and country queries all
stem through here, so «соглашение», «соглашения» and «соглашением» meet on one form.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
MAX_QUERY_TERMS = 12
_local = threading.local()


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


def stem_text(text: str) -> str:
    """Space-separated stems of every word, in order (what goes into news_fts)."""
    return " ".join(stem_word(word) for word in words(text))


def query_stems(query: str) -> list[str]:
    return [stem_word(word) for word in words(query)][:MAX_QUERY_TERMS]
