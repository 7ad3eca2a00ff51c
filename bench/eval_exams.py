"""Held-out exam batches of invented partnership news (bench/data/exams/), scored as the hidden
sets are: partners, classification, agreements and countries by the shared scorer; aggregate
figures only.

The lead wrote the three batches at the start of the fourth round of 2026-12-06, before any
change of that round was measured on them:
- exam1 (30 texts; Russian-bodies news, mostly Russian): its errors were read once, and the
  KINDS of them (meeting owners, speakers' employers, customers, appointees' employers) were
  given to a helper, so it is a development set since, not a held-out one;
- exam2 (30; foreign partners, Russian and English) and exam3 (30; Russian bodies): sealed like
  the corpus round c3. Only this script's aggregate lines are read; never print their
  per-article results. Two of exam2's documents (a programme of cooperation, a protocol of
  intent) are of kinds the lead fixed after writing them, so its agreements figure is partly
  in-sample.

"committed" runs the packaged models (trained on all 221 corpus articles); "no-c3" models
trained without the sealed round.
Run: .venv/bin/python bench/eval_exams.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval_extraction_oof import scorer  # noqa: E402  # after sys.path fix-up
from bot.facts.extraction.extractor import Extractor, Models  # noqa: E402
from bot.facts.extraction.model import ArticleInput  # noqa: E402
from bot.facts.extraction.train import CORPUS, fit_models, fold_of, load_corpus  # noqa: E402

EXAMS = ROOT / "bench" / "data" / "exams"


def main() -> None:
    score = scorer()
    committed = Extractor()
    rules = Extractor(Models.rules())
    articles, gold = load_corpus(CORPUS)
    no_c3 = fit_models(rules, [rules.analyse(a) for a in articles if fold_of(a.id) != "c3"], gold)
    print("exam    models      n  partners P / R / F1   class F1  agreements F1  countries")
    for path in sorted(EXAMS.glob("exam*.jsonl")):
        probe = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
        truth = {r["id"]: r for r in probe}
        for label in ("committed", "no-c3"):
            preds: dict[str, Any] = {}
            for r in probe:
                analysis = committed.analyse(
                    ArticleInput(r["id"], r["title"], r["text"], lang=r.get("lang"))
                )
                result = (
                    committed.decide(analysis)
                    if label == "committed"
                    else rules.decide(analysis, no_c3)
                )
                preds[r["id"]] = result.to_dict()
            m = score.score(preds, truth)
            p = m["partners"]
            print(
                f"{path.stem:<7} {label:<10} {len(probe):>3}  {p['precision']:.3f} / "
                f"{p['recall']:.3f} / {p['f1']:.3f}    {m['partnership_classification']['f1']:.3f}"
                f"     {m['agreements']['f1']:.3f}          {m['country_accuracy'] or 0:.3f}"
            )


if __name__ == "__main__":
    main()
