"""Partners and classification on the invented probe tests/data/dom_probe.jsonl.

The probe holds Russian news about cooperation with Russian bodies that is not a signing (R&D
orders, base chairs, targeted training, consortia, network programmes, company days) and
negatives of the same vocabulary. Models are fitted on folds a, c1, c2 and c4 (never the
sealed c3); partners are scored with the shared scorer's name matching. Prints each probe's
misses and the totals.
Run: .venv/bin/python bench/eval_dom_probe.py [--all] [PROBE.jsonl]  (default dom_probe.jsonl;
tests/data/dom_probe2.jsonl is a second held-out batch written before any change it measures;
tests/data/cls_probe3.jsonl holds cooperation told late or through people and negatives of the
same words, tests/data/cls_probe4.jsonl a second batch of them written after the fixes;
tests/data/ctx_probe.jsonl to ctx_probe5.jsonl hold context bodies -- a funding ministry, a
decree, a regulator, a forum, the media, a parent holding -- beside real partners, each batch
written before the changes it measured; ctx_probe6.jsonl to ctx_probe8.jsonl bodies in a role of
their own at an occasion: the meeting's owner, speakers' employers, sponsors, a tender's
customer, an alumnus's employer, a government as a body's parent, beside their look-alikes;
tests/data/ru_probe.jsonl holds Russian companies, bodies and universities named the ways press
offices name them, ru_probe2.jsonl a second batch written after the fixes it measures;
tests/data/endom2_probe.jsonl holds English news about Russian partners as SPbPU's English press
office names them -- legal forms in Latin, quoted and "named after" names, federal bodies,
Title Case headlines -- and endom3_probe.jsonl a batch written after the fixes it measures;
tests/data/rubodies3_probe.jsonl holds Russian and English news about regional governments,
state corporations' institutes, federal agencies, RAS institutes, holdings with a plant, branches
of universities, special economic zones and technoparks, with negatives naming the same kinds of
bodies, and rubodies4_probe.jsonl a batch written after the fixes it measures;
tests/data/founders_probe.jsonl holds founders of joint centres listed with the university,
founders of bodies it only visits, and units named with their parent in brackets or a clause;
tests/data/rucls2_probe.jsonl holds Russian partners told without the usual signing words and
documents of unusual kinds or parties (roadmaps, addenda, licences, R&D and framework contracts,
parties after «между», trilateral ones), with negatives of the same words (a company's lecture, a
tender, a grant competition, a student's internship, two other bodies' agreement, a minister's
visit), rucls2b_probe.jsonl partnership told only through the work, both tuned on, and
rucls3_probe.jsonl a held-out batch written after the fixes it measures;
tests/data/joiners_probe.jsonl holds third bodies joining or backing a joint programme (joins,
backs, hosts interns, gives equipment, becomes a base of practice) and negatives listing many
bodies with no cooperation (a reunion's employers, a contest's finalists, a ranking's
neighbours, a fair's exhibitors, a grant's winners), joiners2_probe.jsonl a batch written after
the fixes it measures; agreement-only probes
(agr_probe*.jsonl) are read with their documents' parties as the partners)
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

PROBE = ROOT / "tests" / "data" / "dom_probe.jsonl"
TRAIN_FOLDS = ("a", "c1", "c2", "c4")


def main() -> None:
    show_all = "--all" in sys.argv
    score = scorer()
    articles, gold = load_corpus(CORPUS)
    extractor = Extractor(Models.rules())
    train = [extractor.analyse(a) for a in articles if fold_of(a.id) in TRAIN_FOLDS]
    models = fit_models(extractor, train, gold)
    paths = [Path(a) for a in sys.argv[1:] if not a.startswith("--")]
    path = paths[0] if paths else PROBE
    probe = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    for rec in probe:  # agreement-only probes (agr_probe*.jsonl) carry no partners
        rec.setdefault("partnership", bool(rec["agreements"]))
        rec.setdefault(
            "partners",
            [
                {"name": n, "aliases": [], "country": "RU", "kind": "other"}
                for a in rec["agreements"]
                for n in a["parties"]
            ],
        )
    preds: dict[str, Any] = {}
    for rec in probe:
        art = ArticleInput(rec["id"], rec["title"], rec["text"], lang=rec.get("lang"))
        pred: dict[str, Any] = extractor.decide(extractor.analyse(art), models).to_dict()
        preds[rec["id"]] = pred
        one = score.score({rec["id"]: pred}, {rec["id"]: rec})
        m, agr = one["partners"], one["agreements"]
        cls_bad = bool(pred["partnership"]) != rec["partnership"]
        if show_all or cls_bad or m["fp"] or m["fn"]:
            got = [p["name"] for p in pred["partners"]]
            want = [p["name"] for p in rec["partners"]]
            mark = "CLS " if cls_bad else ""
            print(f"{rec['id']}: {mark}got {got}\n     want {want}  | {rec['title'][:60]}")
        if show_all or agr["fp"] or agr["fn"]:
            got_a = [(a["kind"], a["parties"]) for a in pred["agreements"]]
            want_a = [(a["kind"], a["parties"]) for a in rec["agreements"]]
            print(f"{rec['id']}: AGR got {got_a}\n     want {want_a}")
    whole = score.score(preds, {r["id"]: r for r in probe})
    p, c = whole["partners"], whole["partnership_classification"]
    print(
        f"dom probe ({len(probe)} texts): partners TP {p['tp']} FP {p['fp']} FN {p['fn']} "
        f"P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f}; "
        f"class P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}; "
        f"agreements F1 {whole['agreements']['f1']:.3f}"
    )


if __name__ == "__main__":
    main()
