"""Invented probe sets (tests/data/*.jsonl, each written before the extractor was measured on it):
reading them, running the extractor over one, and scoring its partners as the shared scorer
does (names matched one to one)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.facts.extraction import ArticleInput, Extraction, Extractor, names_match

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict[str, dict[str, Any]]:
    """The probe texts of tests/data/`name`, by id."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return {p["id"]: p for p in map(json.loads, filter(None, lines))}


def extract(ex: Extractor, p: dict[str, Any]) -> Extraction:
    """The extraction of a probe text in its own language (Russian unless the record says)."""
    lang = p.get("lang") or "ru"
    return ex.extract(ArticleInput(id=p["id"], title=p["title"], text=p["text"], lang=lang))


def found(result: Extraction, gold: dict[str, Any]) -> bool:
    """Whether some reported partner has a name of the gold partner `gold`."""
    wanted = [gold["name"], *gold["aliases"]]
    return any(
        names_match(a, b) for p in result.partners for a in (p.name, *p.aliases) for b in wanted
    )


def partner_f1(
    ex: Extractor, probes: dict[str, dict[str, Any]]
) -> tuple[float, tuple[int, int, int]]:
    """Partner F1 over the probes and its (tp, fp, fn)."""
    tp = fp = fn = 0
    for p in probes.values():
        got = [[x.name, *x.aliases] for x in extract(ex, p).partners]
        used: set[int] = set()
        for g in p["partners"]:
            wanted = [g["name"], *g["aliases"]]
            hit = next(
                (
                    i
                    for i, names in enumerate(got)
                    if i not in used and any(names_match(a, b) for a in names for b in wanted)
                ),
                None,
            )
            if hit is not None:
                used.add(hit)
        tp += len(used)
        fp += len(got) - len(used)
        fn += len(p["partners"]) - len(used)
    return 2 * tp / (2 * tp + fp + fn), (tp, fp, fn)
