"""Out-of-fold errors of the extractor, article by article, for error analysis.

For each fold the models are trained on the other four (as in eval_extraction_oof.py); every
held-out article's false positives and false negatives are listed with what the partner model
thought of them: a missed partner is either never proposed ("no candidate") or rejected (its
probability is shown); classification and agreement errors are listed too. The last block
counts errors by class. Run: .venv/bin/python bench/oof_errors.py [--fold c1] [--summary]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval_extraction_oof import scorer  # noqa: E402  # after sys.path fix-up
from bot.facts.extraction.extractor import Extractor, Models  # noqa: E402
from bot.facts.extraction.train import (  # noqa: E402
    CORPUS,
    FOLDS,
    fit_models,
    fold_of,
    load_corpus,
    partner_labels,
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fold", action="append")
    ap.add_argument("--summary", action="store_true")
    args = ap.parse_args()
    score = scorer()
    articles, gold = load_corpus(CORPUS)
    extractor = Extractor(Models.rules())
    analyses = [extractor.analyse(a) for a in articles]
    classes: Counter[str] = Counter()
    for fold in args.fold or FOLDS:
        train = [a for a in analyses if fold_of(a.article.id) != fold]
        models = fit_models(extractor, train, gold)
        for a in analyses:
            if fold_of(a.article.id) != fold:
                continue
            aid = a.article.id
            g = gold[aid]
            pred: dict[str, Any] = extractor.decide(a, models).to_dict()
            gp, pp = g.get("partners") or [], pred["partners"]
            pairs = score.match_pairs(pp, gp, score.partner_match)
            mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
            lines: list[str] = []
            if bool(g.get("partnership")) != pred["partnership"]:
                kind = "class FP" if pred["partnership"] else "class FN"
                classes[kind] += 1
                x = extractor.select(a, models.partner)[2]
                lines.append(f"  {kind} p={models.article.prob(x):.2f}")
            labels = partner_labels(a, g)
            probs = [
                (models.partner.prob(r.features), r, y) for r, y in zip(a.rows, labels, strict=True)
            ]
            for i, x in enumerate(pp):
                if i not in mp:
                    p = next((p for p, r, _ in probs if r.fact.name == x["name"]), None)
                    kind = "FP partner" + ("" if g.get("partnership") else " (neg article)")
                    classes[kind] += 1
                    lines.append(f"  {kind}: {x['name']!r} p={p if p is None else round(p, 2)}")
            for j, x in enumerate(gp):
                if j in mg:
                    continue
                cands = [
                    (p, r)
                    for p, r, _ in probs
                    if score.partner_match(
                        {"name": r.fact.name, "name_en": r.fact.name_en, "aliases": r.fact.aliases},
                        x,
                    )
                ]
                if not cands:
                    kind = "FN no candidate"
                    lines.append(f"  {kind}: {x['name']!r}")
                elif not pred["partnership"]:
                    kind = "FN article rejected"
                    lines.append(f"  {kind}: {x['name']!r}")
                else:
                    p, r = max(cands, key=lambda c: c[0])
                    kind = "FN rejected"
                    lines.append(f"  {kind}: {x['name']!r} best {r.fact.name!r} p={p:.2f}")
                classes[kind] += 1
            ga, pa = g.get("agreements") or [], pred["agreements"]
            ms = score.score({aid: pred}, {aid: g})["agreements"]
            if ms["fp"] or ms["fn"]:
                classes["agr FP"] += ms["fp"]
                classes["agr FN"] += ms["fn"]
                lines.append(
                    f"  agr fp={ms['fp']} fn={ms['fn']}: pred "
                    f"{[(x['kind'], x['parties']) for x in pa]} gold "
                    f"{[(x['kind'], x['parties']) for x in ga]}"
                )
            if lines and not args.summary:
                title = (a.article.title or a.text[:80]).replace("\n", " ")
                print(f"{aid} [{a.lang}] {title[:90]}")
                print("\n".join(lines))
    print("error classes:")
    for k, v in classes.most_common():
        print(f"  {k:<28}{v:>4}")


if __name__ == "__main__":
    main()
