"""FTS5 queries over the stemmed text (FTS5 has no Russian stemmer of its own).

Documents and queries go through the same `stem_text` (bot.text.stems), so word forms meet.
"""

from __future__ import annotations

from bot.text.stems import MAX_QUERY_TERMS, stem_word, words


def build_match(query: str) -> str | None:
    """An FTS5 MATCH expression of quoted stems, AND-ed; None when the query has no words.

    Every term is quoted, so user input can never inject FTS syntax (NEAR, OR, *, -, ").
    """
    stems: list[str] = []
    for word in words(query):
        stem = stem_word(word)
        if stem not in stems:
            stems.append(stem)
        if len(stems) == MAX_QUERY_TERMS:
            break
    if not stems:
        return None
    return " ".join(f'"{stem}"' for stem in stems)
