"""Within-round held-out figures: how the committed design does on unseen articles of a kind
it HAS been trained on.

eval_extraction_oof.py holds out a whole collection round, so a round unlike the others (c3,
Russian bodies) is scored by models that never saw its kind. The committed models are trained on
all five rounds, so on new articles like c3's they have seen c3's kind. This script measures that
case: each round is split into K parts (every K-th article by sorted id); each part is scored by
models trained on everything else (the other rounds and the round's other parts). The hand rules
are the same in both; only the learned models differ.

Prints, per round and pooled, extraction figures by the shared scorer and, with `--registry`,
the registry figures after ingesting each round end to end (each article extracted by the models
that did not see it). Aggregates only: no article of a round is named.
Run: .venv/bin/python bench/eval_within_round.py [--parts 3] [--registry]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_registry  # noqa: E402
from eval_extraction_oof import row, scorer  # noqa: E402

from bot.facts.extraction.extractor import Extractor, Models  # noqa: E402
from bot.facts.extraction.model import ArticleInput, Extraction  # noqa: E402
from bot.facts.extraction.train import CORPUS, FOLDS, fit_models, fold_of, load_corpus  # noqa: E402

HEADER = "round         n  P     R     F1    class.F1  agr.F1  country"


class PartsExtractor:
    """Extracts each article with the models of the part it belongs to (registry ingestion)."""

    def __init__(self, spec_path: str) -> None:
        spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
        self._models = [Extractor(Models.load(Path(p))) for p in spec["models"]]
        self._part: dict[str, int] = spec["parts"]

    def extract(self, article: ArticleInput) -> Extraction:
        words = _squash(article.text)
        part = next((v for k, v in self._part.items() if words[:80] in k), None)
        if part is None:  # never name the article: a sealed round's stay unseen
            raise LookupError("an article was not found among the parts")
        return self._models[part].extract(article)


def _squash(text: str) -> str:
    """Letters and digits only: served pages reflow whitespace and typography."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--parts", type=int, default=3)
    ap.add_argument("--registry", action="store_true")
    args = ap.parse_args()
    if not (CORPUS / "dev-registry.jsonl").exists():
        print(f"no corpus at {CORPUS}: nothing to measure")
        return
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    score = scorer()
    articles, gold = load_corpus(CORPUS)
    extractor = Extractor(Models.rules())
    analyses = [extractor.analyse(a) for a in articles]
    part_of: dict[str, tuple[str, int]] = {}
    for fold in FOLDS:
        ids = sorted(a.article.id for a in analyses if fold_of(a.article.id) == fold)
        part_of.update({aid: (fold, n % args.parts) for n, aid in enumerate(ids)})
    preds: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths: list[str] = []
        index: dict[tuple[str, int], int] = {}
        for fold in FOLDS:
            for k in range(args.parts):
                train = [a for a in analyses if part_of[a.article.id] != (fold, k)]
                models = fit_models(extractor, train, gold)
                for a in analyses:
                    if part_of[a.article.id] == (fold, k):
                        preds[a.article.id] = extractor.decide(a, models).to_dict()
                if args.registry:
                    path = Path(tmp) / f"models-{fold}-{k}.json"
                    path.write_text(json.dumps(models.to_json()))
                    index[(fold, k)] = len(paths)
                    paths.append(str(path))
        print(f"within-round held out ({args.parts} parts per round; trained on everything else):")
        print(HEADER)
        for fold in FOLDS:
            pred = {k: v for k, v in preds.items() if fold_of(k) == fold}
            print(row(fold, len(pred), score.score(pred, {k: gold[k] for k in pred})))
        whole = score.score(preds, gold)
        print(row("pooled", len(preds), whole))
        p = whole["partners"]
        print(
            f"pooled to three decimals: partners P {p['precision']:.3f} R {p['recall']:.3f} "
            f"F1 {p['f1']:.3f}, class {whole['partnership_classification']['f1']:.3f}, "
            f"agreements {whole['agreements']['f1']:.3f}, "
            f"countries {whole['country_accuracy'] or 0:.3f}"
        )
        if not args.registry:
            return
        by_key = {_squash(a.article.text): index[part_of[a.article.id]] for a in analyses}
        spec = Path(tmp) / "parts.json"
        spec.write_text(json.dumps({"models": paths, "parts": by_key}))
        print("\nregistry, within-round held out:")
        print("round  articles entities  entity-P  wrong-merges  splits  names-exact  countries")
        for fold in FOLDS:
            m = eval_registry.run(
                fold=fold,
                extractor="eval_within_round:PartsExtractor",
                model=str(spec),
                echo=False,
            )
            print(
                f"{fold:<6} {m['articles']:>8} {m['bot_entities_in_set']:>8}"
                f"  {m['entity_precision']:>8.3f}"
                f"  {m['wrong_merges']:>12}  {m['split_rate']:>6.3f}"
                f"  {m['display_name_exact']:>11.3f}  {m['country_accuracy']:>9.3f}"
            )


if __name__ == "__main__":
    main()
