"""Finding partners by what a person types: any case form, either script, typos.

Used by every command that takes a partner's name (/partners, /subscribe partner, /agreements,
/search, /map, /export, /curate); scoring runs off the event loop.
"""

from __future__ import annotations

import asyncio
import re

from rapidfuzz import fuzz

from bot.text.stems import stem_word
from storage.partners import Partner, PartnerRepository

_WORD = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)


def name_stems(text: str) -> set[str]:
    return {stem_word(w) for w in _WORD.findall(text)}


def fold_name(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("ё", "е").replace("э", "е")))


def score_name(query: str, name: str) -> float:
    """0-100: every query word's stem in the name scores 100; else a fuzzy partial ratio.

    Stems make case forms meet ("Чжэцзянского" / "Чжэцзянский"), folding makes э/е and
    case meet, and the partial ratio forgives typos and transliteration variants.
    """
    q_stems, n_stems = name_stems(fold_name(query)), name_stems(fold_name(name))
    if q_stems and q_stems <= n_stems:
        return 100.0
    q, n = fold_name(query), fold_name(name)
    if not q or not n:
        return 0.0
    if len(q) < 4:
        return 100.0 if q in n.split() else 0.0
    return float(fuzz.partial_ratio(q, n)) if len(q) <= len(n) else float(fuzz.ratio(q, n))


def rank_partners(query: str, known: list[tuple[int, list[str]]]) -> list[tuple[int, float]]:
    """(partner id, score) of names matching the query, best first (score >= 80)."""
    scored = []
    for partner_id, names in known:
        best = max((score_name(query, name) for name in names), default=0.0)
        if best >= 80:
            scored.append((partner_id, best))
    scored.sort(key=lambda pair: -pair[1])
    return scored


async def find_partners(partners: PartnerRepository, query: str) -> list[tuple[int, float]]:
    """Partners whose names or aliases match the query; scoring runs off the event loop."""
    return await asyncio.to_thread(rank_partners, query, await partners.names())


async def partner_choices(
    partners: PartnerRepository, found: list[tuple[int, float]], limit: int = 8
) -> list[Partner]:
    """The partners tied for the best match: one means the query names it, several mean the
    person must choose (never picked silently)."""
    best = [pid for pid, score in found if score >= found[0][1] - 0.5] if found else []
    return await partners.get_many(best[:limit])
