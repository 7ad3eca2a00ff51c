"""Quality on the project's own annotated articles (tests/data/extraction), scored by the shared
scorer: a held-out proxy for unseen news, written apart from the dev corpus."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bot.facts.extraction import ArticleInput, Extractor

DATA = Path(__file__).resolve().parent / "data" / "extraction"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_extraction.py"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def metrics() -> dict[str, Any]:
    if not SCORER.exists():
        pytest.skip("../shared scorer not present: held-out quality check skipped")
    scorer = _scorer()
    extractor = Extractor()
    pred: dict[str, Any] = {}
    gold: dict[str, Any] = {}
    for name in ("heldout", "fresh", "round3", "round4", "probe5"):
        with (DATA / f"{name}.jsonl").open(encoding="utf-8") as f:
            for line in f:
                raw = json.loads(line)
                article = ArticleInput(
                    id=raw["id"], title=raw["title"], text=raw["text"], lang=raw.get("lang")
                )
                pred[article.id] = extractor.extract(article).to_dict()
        gold.update(scorer.load(str(DATA / f"{name}-gold.jsonl")))
    result: dict[str, Any] = scorer.score(pred, gold)
    return result


def test_partners_f1(metrics: dict[str, Any]) -> None:
    assert metrics["partners"]["f1"] >= 0.85


def test_country_accuracy(metrics: dict[str, Any]) -> None:
    assert metrics["country_accuracy"] >= 0.95


def test_partnership_classification_f1(metrics: dict[str, Any]) -> None:
    assert metrics["partnership_classification"]["f1"] >= 0.95


def test_agreements_f1(metrics: dict[str, Any]) -> None:
    assert metrics["agreements"]["f1"] >= 0.80
