"""How the partnership classifier reads the invented probe texts of tests/data/cls_probe2.jsonl.

The models are fitted with `fit_models` on folds a, c1, c2 and c4 (c3 stays out, as the stand-in
for unseen articles); each probe line shows the expected and predicted label and the article
model's probability, wrong ones marked, then the class F1 and (for probes with gold partners)
the partner F1. `--features` adds the article features of wrong ones.
Run: .venv/bin/python bench/probe_classifier.py [--features] [--all] [PROBE.jsonl]
(default cls_probe2.jsonl; tests/data/cls_probe3.jsonl holds the harder texts: cooperation
told late or through people, negatives with the same vocabulary; cls_probe5.jsonl Russian
domestic partnerships told plainly and negatives naming the same kinds of bodies; cls_probe6.jsonl
20 more of them, written after the classifier changes they measure)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.facts.extraction.extractor import Extractor, Models  # noqa: E402  # after sys.path
from bot.facts.extraction.model import ArticleInput  # noqa: E402
from bot.facts.extraction.train import CORPUS, fit_models, fold_of, load_corpus  # noqa: E402
from tests.probes import partner_f1  # noqa: E402

PROBES = ROOT / "tests" / "data" / "cls_probe2.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", action="store_true")
    ap.add_argument("--all", action="store_true", help="print every probe, not only wrong ones")
    ap.add_argument("probe", nargs="?", type=Path, default=PROBES, help="a labelled probe file")
    args = ap.parse_args()
    articles, gold = load_corpus(CORPUS)
    extractor = Extractor(Models.rules())
    train = [extractor.analyse(a) for a in articles if fold_of(a.id) != "c3"]
    models = fit_models(extractor, train, gold)
    lines = args.probe.read_text(encoding="utf-8").splitlines()
    probes = [json.loads(line) for line in lines if line]
    wrong = {"FP": 0, "FN": 0}
    for p in probes:
        a = extractor.analyse(ArticleInput(id=p["id"], title=p["title"], text=p["text"]))
        x = extractor.select(a, models.partner)[2]
        prob = models.article.prob(x)
        got = extractor.decide(a, models).partnership
        bad = got != p["partnership"]
        if bad:
            wrong["FP" if got else "FN"] += 1
        if bad or args.all:
            mark = ("FP" if got else "FN") if bad else "ok"
            print(f"{mark:2} {p['id']:4} p={prob:.2f} {p['title'][:70]}")
            if args.features and bad:
                print("     ", {k: round(v, 2) for k, v in sorted(x.items()) if v})
    total = wrong["FP"] + wrong["FN"]
    print(f"probes {len(probes)}: wrong {total} (FP {wrong['FP']}, FN {wrong['FN']})")
    positives = sum(1 for p in probes if p["partnership"])
    tp = positives - wrong["FN"]
    print(f"class F1 {2 * tp / (2 * tp + total):.3f}")
    if all("partners" in p for p in probes):
        fitted = Extractor(models)
        f1, (ptp, pfp, pfn) = partner_f1(fitted, {p["id"]: p for p in probes})
        print(f"partners F1 {f1:.3f} (tp {ptp}, fp {pfp}, fn {pfn})")


if __name__ == "__main__":
    main()
