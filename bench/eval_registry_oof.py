"""Out-of-fold registry figures: for each collection round, models trained on the other four,
then that round's articles ingested end to end (fake site, real pipeline) and the registry
scored by the shared scorer. `python bench/eval_registry_oof.py [--details FOLD]` (about 20 s);
the last line is the figures as JSON (per fold, and entity precision and wrong merges pooled over
the folds). The scorer's lists (wrong entities, splits, names) are printed only for the folds
asked with `--details`, so a sealed fold's errors stay unseen."""

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

from bot.facts.extraction import ArticleInput, Extraction  # noqa: E402
from bot.facts.extraction.extractor import Extractor, Models  # noqa: E402
from bot.facts.extraction.train import CORPUS, FOLDS, fit_models, fold_of, load_corpus  # noqa: E402


class _FoldExtractor:
    """The run's one Extractor deciding with one fold's models, as `extractor_from_file(path)`
    would (`analyse` is model-free): the NER models load once per run, not once per fold."""

    def __init__(self, extractor: Extractor, models: Models) -> None:
        self._extractor, self._models = extractor, models

    def extract(self, article: ArticleInput) -> Extraction:
        return self._extractor.decide(self._extractor.analyse(article), self._models)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--details", action="append", default=[], choices=FOLDS, metavar="FOLD")
    details = parser.parse_args().details
    if not (CORPUS / "dev-registry.jsonl").exists():
        print(f"no corpus at {CORPUS}: nothing to measure")
        return
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    articles, gold = load_corpus(CORPUS)
    extractor = Extractor(Models.rules())
    analyses = [extractor.analyse(a) for a in articles]
    rows: list[tuple[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for fold in FOLDS:
            train = [a for a in analyses if fold_of(a.article.id) != fold]
            path = Path(tmp) / f"models-{fold}.json"
            path.write_text(json.dumps(fit_models(extractor, train, gold).to_json()))
            # Read back from the file, as `extractor_from_file` would.
            fold_extractor = _FoldExtractor(extractor, Models.load(path))
            metrics = eval_registry.run(
                fold=fold, factory=lambda e=fold_extractor: e, echo=fold in details
            )
            rows.append((fold, metrics))
    print("\nregistry, out-of-fold (models trained on the other four rounds):")
    print("fold   articles entities  entity-P  wrong-merges  splits  names-exact  countries")
    for fold, m in rows:
        print(
            f"{fold:<6} {m['articles']:>8} {m['bot_entities_in_set']:>8}"
            f"  {m['entity_precision']:>8.3f}"
            f"  {m['wrong_merges']:>12}  {m['split_rate']:>6.3f}  {m['display_name_exact']:>11.3f}"
            f"  {m['country_accuracy']:>9.3f}"
        )
    entities = sum(m["bot_entities_in_set"] for _, m in rows)
    merges = sum(m["wrong_merges"] for _, m in rows)
    precision = sum(m["entity_precision"] * m["bot_entities_in_set"] for _, m in rows) / entities
    print(f"entity precision pooled over the folds: {precision:.3f}")
    print(f"wrong merges per 100 entities over all folds: {100 * merges / entities:.2f}")
    for fold, m in rows:
        if fold in details:
            lists = {k: v for k, v in m.items() if isinstance(v, list | dict)}
            print(f"\n{fold} details:\n{json.dumps(lists, ensure_ascii=False, indent=1)}")
    pooled = {"entities": entities, "entity_precision": precision, "wrong_merges": merges}
    figures = {
        fold: {k: v for k, v in m.items() if isinstance(v, int | float | str)} for fold, m in rows
    }
    print(json.dumps({"folds": figures, "pooled": pooled}))


if __name__ == "__main__":
    main()
