"""The first sentences of an article, for announcements and inline answers.

Pure and linear in its input: it runs on the event loop when an announcement is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ABBREVIATIONS = frozenset(
    {
        "г",
        "гг",
        "им",
        "т",
        "д",
        "ул",
        "пр",
        "проф",
        "акад",
        "доц",
        "др",
        "см",
        "стр",
        "рис",
        "тыс",
        "млн",
        "млрд",
        "руб",
        "н",
        "э",
        "e.g",
        "i.e",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "vs",
        "no",
        "etc",
    }
)
# A candidate boundary: terminal punctuation (plus closing quotes/brackets) then whitespace.
_BOUNDARY_RE = re.compile(r"[.!?…]+[»\"')\]]*\s+")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)[.!?…]*[»\"')\]]*\s*$")


_LOOK_BACK = 64
"""Characters before a full stop searched for the word it ends: enough for any abbreviation."""
MAX_SUMMARY_INPUT = 20_000
"""Only this much of an article is read for its first sentences (announcements take ~400)."""


def _is_sentence_end(text: str, match: re.Match[str]) -> bool:
    following = text[match.end() : match.end() + 1]
    if not following or not (following.isupper() or following.isdigit() or following in "«\"'(—–-"):
        return False
    if not match.group(0).startswith("."):
        return True
    # A bounded window: searching the whole prefix at every full stop made this quadratic.
    word = _WORD_BEFORE_RE.search(text, max(0, match.start() + 1 - _LOOK_BACK), match.start() + 1)
    if word is None:
        return True
    token = word.group(1).rstrip(".").lower()
    # Initials ("А. С. Попов") and common abbreviations ("им. Петра", "в 2026 г. Политех").
    return not (len(token) == 1 and token.isalpha()) and token not in _ABBREVIATIONS


def _sentences(text: str) -> Iterator[str]:
    """Sentences in order, lazily: callers stop after the first few."""
    for paragraph in re.split(r"\n\s*\n", text):
        flat = " ".join(paragraph.split())
        start = 0
        for match in _BOUNDARY_RE.finditer(flat):
            if _is_sentence_end(flat, match):
                yield flat[start : match.end()].strip()
                start = match.end()
        if flat[start:].strip():
            yield flat[start:].strip()


def first_sentences(text: str, max_chars: int = 400, max_sentences: int = 3) -> str:
    """Up to `max_sentences` whole sentences within `max_chars`; one over-long sentence is cut at
    a word boundary and ends with "…". Used for announcements of articles, on the event loop:
    linear in the input, and only the first MAX_SUMMARY_INPUT characters are read.
    """
    text = text[:MAX_SUMMARY_INPUT]
    picked: list[str] = []
    length = 0
    for sentence in _sentences(text):
        extra = len(sentence) + (1 if picked else 0)
        if len(picked) >= max_sentences or length + extra > max_chars:
            break
        picked.append(sentence)
        length += extra
    if picked:
        return " ".join(picked)
    flat = " ".join(text.split())
    if not flat:
        return ""
    if len(flat) <= max_chars:
        return flat
    cut = flat[: max_chars - 1]
    if flat[max_chars - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:—–-") + "…"
