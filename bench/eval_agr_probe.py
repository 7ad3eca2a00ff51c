"""Agreements on the invented probe set tests/data/agr_probe.jsonl (Russian domestic bodies).

Models are trained on folds a, c1, c2 and c4 (never the sealed c3); agreements are scored with
the shared scorer's rule (kind, and a shared party name, or no parties on both sides); dates are
counted separately over matched agreements whose expected date is stated.
Run: .venv/bin/python bench/eval_agr_probe.py [--details] [--probe agr_probe2.jsonl]
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

NAME = sys.argv[sys.argv.index("--probe") + 1] if "--probe" in sys.argv else "agr_probe.jsonl"
PROBE = ROOT / "tests" / "data" / NAME
TRAIN_FOLDS = ("a", "c1", "c2", "c4")


def main() -> None:
    details = "--details" in sys.argv
    score = scorer()
    articles, gold = load_corpus(CORPUS)
    extractor = Extractor(Models.rules())
    train = [extractor.analyse(a) for a in articles if fold_of(a.id) in TRAIN_FOLDS]
    models = fit_models(extractor, train, gold)
    probe = [json.loads(line) for line in PROBE.open(encoding="utf-8") if line.strip()]
    tp = fp = fn = dates_ok = dates_n = 0
    for rec in probe:
        art = ArticleInput(rec["id"], rec["title"], rec["text"], lang=rec.get("lang"))
        pred: dict[str, Any] = extractor.decide(extractor.analyse(art), models).to_dict()
        pa, ga = pred["agreements"], rec["agreements"]

        def same(x: dict[str, Any], y: dict[str, Any]) -> bool:
            kx, ky = x.get("kind"), y.get("kind")
            if kx != ky and not ({kx, ky} <= score.AGREEMENT_LIKE):
                return False
            xp, yp = x.get("parties") or [], y.get("parties") or []
            if not xp or not yp:
                return not xp and not yp
            return any(score.names_match(a, b) for a in xp for b in yp)

        pairs = score.match_pairs(pa, ga, same)
        tp += len(pairs)
        fp += len(pa) - len(pairs)
        fn += len(ga) - len(pairs)
        for i, j in pairs:
            if ga[j].get("date"):
                dates_n += 1
                dates_ok += pa[i].get("signed_on") == ga[j]["date"]
        wrong = len(pairs) != len(pa) or len(pairs) != len(ga)
        dated = all(pa[i].get("signed_on") == ga[j].get("date") for i, j in pairs)
        if details and (wrong or not dated):
            got = [(a["kind"], a["parties"], a["signed_on"]) for a in pa]
            want = [(a["kind"], a["parties"], a.get("date")) for a in ga]
            print(f"{rec['id']}: got {got}\n     want {want}")
    m = score.prf(tp, fp, fn)
    print(
        f"probe agreements ({len(probe)} texts): TP {tp} FP {fp} FN {fn} "
        f"P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}; "
        f"dates {dates_ok}/{dates_n}"
    )


if __name__ == "__main__":
    main()
