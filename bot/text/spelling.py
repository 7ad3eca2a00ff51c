"""The nearest word a text uses to a mistyped one («сотрудничесто» → «сотрудничество»), for
a search that found nothing: a suggestion the reader confirms, never a silent correction."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable

WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")
# Shorter words have too many neighbours one letter away to guess which was meant.
MIN_LETTERS = 4
CUTOFF = 0.8  # difflib's similarity: one or two letters off in a word of seven or more


def vocabulary(texts: Iterable[str]) -> dict[str, tuple[str, int]]:
    """Each word of `texts` in lower case → (how it is spelled: in lower case when it ever is,
    else its commonest spelling; how often it occurs)."""
    forms: Counter[str] = Counter(m.group() for text in texts for m in WORD.finditer(text))
    words: dict[str, tuple[str, int]] = {}
    for form, count in forms.most_common():
        key = form.casefold()
        seen = words.get(key)
        spelled = form if seen is None or form == key else seen[0]
        words[key] = (spelled, count + (seen[1] if seen else 0))
    return words


def nearest(word: str, words: dict[str, tuple[str, int]]) -> str | None:
    """The word of `words` closest in spelling to `word` (the most frequent among equally
    close ones), or None when none is close or `word` is itself one of them or too short."""
    key = word.casefold()
    if len(key) < MIN_LETTERS or key in words or key.isdigit():
        return None
    near = [w for w in words if abs(len(w) - len(key)) <= 2 and not w.isdigit()]
    best: tuple[float, int, str] | None = None
    for other in difflib.get_close_matches(key, near, n=10, cutoff=CUTOFF):
        score = (difflib.SequenceMatcher(None, key, other).ratio(), words[other][1], other)
        if best is None or score[:2] > best[:2]:
            best = score
    return words[best[2]][0] if best else None
