"""An "extractor" that returns the gold facts of the shared corpus, to measure the registry
alone (its keys, guards and names, with no extraction error):

    python bench/eval_registry.py --extractor gold_extractor:GoldExtractor

Articles are found by their title as the fake news site publishes it. `GOLD_SKIP_FOLDS`
(comma-separated rounds, e.g. "c3") gives those rounds' articles no facts, for a sealed round.
Agreements are left out (the registry does not use them).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from bot.facts.extraction import ArticleInput, Extraction, PartnerFact
from bot.facts.extraction.train import fold_of

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _lines(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (CORPUS / name).read_text("utf-8").splitlines() if line]


class GoldExtractor:
    def __init__(self, *_: object) -> None:
        skip = {f for f in os.environ.get("GOLD_SKIP_FOLDS", "").split(",") if f}
        gold = {g["id"]: g for n in ("dev-gold.jsonl", "round2-gold.jsonl") for g in _lines(n)}
        self._by_title: dict[str, dict[str, Any] | None] = {}
        for article in _lines("dev.jsonl") + _lines("round2.jsonl"):
            title = article.get("title") or str(article["text"]).split("\n", 1)[0][:120]
            sealed = fold_of(str(article["id"])) in skip
            self._by_title[title] = None if sealed else gold.get(article["id"])

    def extract(self, article: ArticleInput) -> Extraction:
        record = self._by_title.get(article.title or "")
        if not record:
            return Extraction(article.id, False, (), ())
        facts = tuple(
            PartnerFact(
                p["name"],
                None,
                tuple(p.get("aliases", [])),
                p.get("country"),
                p.get("kind") or "other",
            )  # fmt: skip
            for p in record["partners"]
        )
        return Extraction(article.id, bool(record["partnership"]), facts, ())
