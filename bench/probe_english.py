"""Scores an invented probe (bench/data/enprobe*.jsonl, oddprobe*.jsonl) with models fitted
without c3.

The models are fitted on folds a, c1, c2, c4 only (c3 stays sealed and unseen, as in the
out-of-fold figures); each probe article's errors are listed, then the shared scorer's totals.
Run: .venv/bin/python bench/probe_english.py [--quiet] [--set enprobe-b | oddprobe]
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

DATA = ROOT / "bench" / "data"


def main() -> None:
    quiet = "--quiet" in sys.argv
    name = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "enprobe"
    score = scorer()
    articles, gold = load_corpus(CORPUS)
    extractor = Extractor(Models.rules())
    train = [extractor.analyse(a) for a in articles if fold_of(a.id) != "c3"]
    models = fit_models(extractor, train, gold)
    probe_gold: dict[str, dict[str, Any]] = {}
    pred: dict[str, dict[str, Any]] = {}
    for line in (DATA / f"{name}-gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        probe_gold[g["id"]] = g
    for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        art = ArticleInput(
            id=raw["id"], title=raw["title"], text=raw["text"], lang=raw.get("lang", "en")
        )
        pred[raw["id"]] = extractor.decide(extractor.analyse(art), models).to_dict()
    bad = 0
    for aid, g in probe_gold.items():
        p = pred[aid]
        m = score.score({aid: p}, {aid: g})
        ok = (
            m["partners"]["f1"] in (1.0, None) or (not g["partners"] and not p["partners"])
        ) and bool(g["partnership"]) == p["partnership"]
        gp = [x["name"] for x in g["partners"]]
        pp = [x["name"] for x in p["partners"]]
        ga = [(x["kind"], x["parties"]) for x in g["agreements"]]
        pa = [(x["kind"], x["parties"]) for x in p["agreements"]]
        pairs = score.match_pairs(p["partners"], g["partners"], score.partner_match)
        apairs = len(
            score.match_pairs(
                p["agreements"],
                g["agreements"],
                lambda x, y: (
                    x["kind"] == y["kind"]
                    and any(score.names_match(a, b) for a in x["parties"] for b in y["parties"])
                ),
            )
        )
        full = ok and len(pairs) == len(gp) == len(pp) and apairs == len(ga) == len(pa)
        bad += not full
        if not full and not quiet:
            print(f"{aid} class {g['partnership']}->{p['partnership']}")
            print(f"   partners gold {gp}\n            pred {pp}")
            if ga or pa:
                print(f"   agreements gold {ga}\n              pred {pa}")
    m = score.score(pred, probe_gold)
    pr = m["partners"]
    print(
        f"probe {len(probe_gold)}: fully right {len(probe_gold) - bad}; partners P "
        f"{pr['precision']:.3f} R {pr['recall']:.3f} F1 {pr['f1']:.3f}, class "
        f"{m['partnership_classification']['f1']:.3f}, agreements {m['agreements']['f1']:.3f}"
    )


if __name__ == "__main__":
    main()
