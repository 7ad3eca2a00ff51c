"""Dev-set quality: the extractor scored by the shared scorer must stay above the bar."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bot.extraction import ArticleInput, Extractor

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_extraction", SHARED / "eval" / "score_extraction.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def metrics() -> dict[str, Any]:
    corpus = SHARED / "corpus"
    if not (corpus / "dev.jsonl").exists() or not (SHARED / "eval").exists():
        pytest.skip("../shared corpus not present: dev-set quality check skipped")
    scorer = _scorer()
    extractor = Extractor()
    pred: dict[str, Any] = {}
    with (corpus / "dev.jsonl").open(encoding="utf-8") as f:
        for line in f:
            raw = json.loads(line)
            article = ArticleInput(
                id=str(raw["id"]),
                title=raw.get("title") or "",
                text=raw.get("text") or "",
                category=raw.get("category"),
                lang=raw.get("lang"),
            )
            pred[article.id] = extractor.extract(article).to_dict()
    gold = scorer.load(str(corpus / "dev-gold.jsonl"))
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
