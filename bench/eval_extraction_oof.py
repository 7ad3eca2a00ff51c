"""Out-of-fold extraction quality on ../shared/corpus, scored by the shared scorer.

For each collection round (fold) the models are trained on the other four and the held-out
round is scored; "pooled" scores all 221 out-of-fold predictions together, "c1-c4" the 154 of
the rounds collected after the hand rules were written; "in-sample" scores
the models trained on everything (the committed ones) on everything. Prints a table.
Run: .venv/bin/python bench/eval_extraction_oof.py
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.facts.extraction.extractor import Extractor, Models  # noqa: E402  # after sys.path fix-up
from bot.facts.extraction.train import (  # noqa: E402
    CORPUS,
    FOLDS,
    fit_models,
    fold_of,
    load_corpus,
    out_of_fold,
)

SCORER = CORPUS.parent / "eval" / "score_extraction.py"


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def row(label: str, n: int, m: dict[str, Any]) -> str:
    return (
        f"{label:<10}{n:>5}  {m['partners']['precision']:>5.2f} {m['partners']['recall']:>5.2f} "
        f"{m['partners']['f1']:>5.2f}   {m['partnership_classification']['f1']:>5.2f}   "
        f"{m['agreements']['f1']:>5.2f}   {m['country_accuracy'] or 0:>5.2f}"
    )


def main() -> None:
    if not SCORER.exists():
        print(f"no corpus at {CORPUS}: nothing to measure")
        return
    score = scorer()
    t0 = time.perf_counter()
    articles, gold = load_corpus(CORPUS)
    extractor = Extractor(Models.rules())
    analyses = [extractor.analyse(a) for a in articles]
    t1 = time.perf_counter()
    oof = out_of_fold(extractor, analyses, gold)
    t2 = time.perf_counter()
    header = "fold          n  P     R     F1    class.F1  agr.F1  country"
    print("out-of-fold (trained on the other four rounds):")
    print(header)
    f1s: list[float] = []
    pooled: dict[str, Any] = {}
    for fold in FOLDS:
        pred = oof[fold]
        pooled.update(pred)
        m = score.score(pred, {k: gold[k] for k in pred})
        f1s.append(m["partners"]["f1"])
        print(row(fold, len(pred), m))
    whole = score.score(pooled, gold)
    print(row("pooled", len(pooled), whole))
    later = {k: v for k, v in pooled.items() if fold_of(k) != "a"}
    print(row("c1-c4", len(later), score.score(later, {k: gold[k] for k in later})))
    print(f"partners F1 mean over folds {sum(f1s) / len(f1s):.3f}, worst {min(f1s):.3f}")
    p = whole["partners"]
    print(
        f"pooled to three decimals: partners P {p['precision']:.3f} R {p['recall']:.3f} "
        f"F1 {p['f1']:.3f}, class {whole['partnership_classification']['f1']:.3f}, "
        f"agreements {whole['agreements']['f1']:.3f}, "
        f"countries {whole['country_accuracy'] or 0:.3f}"
    )
    models = fit_models(extractor, analyses, gold)
    insample = {a.article.id: extractor.decide(a, models).to_dict() for a in analyses}
    print("in-sample (trained on all 221):")
    print(header)
    print(row("all", len(insample), score.score(insample, gold)))
    print(f"analysis {t1 - t0:.1f} s, 5 fold models {t2 - t1:.1f} s")


if __name__ == "__main__":
    main()
