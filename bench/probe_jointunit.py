"""Run the extractor on the invented probe texts of bench/data/jointunit_probe.py.

Models are trained on the corpus without fold c3 (the sealed stand-in for the hidden sets), as
bench/oof_errors.py trains them. Prints each probe's partners and a tally: expected partners
found, expected missed, forbidden names shown as partners, other extra partners.
Run: .venv/bin/python bench/probe_jointunit.py [-v]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.data.jointunit_probe import CASES  # noqa: E402  # after sys.path fix-up
from bench.eval_extraction_oof import scorer  # noqa: E402
from bot.facts.extraction.extractor import Extractor, Models  # noqa: E402
from bot.facts.extraction.model import ArticleInput  # noqa: E402
from bot.facts.extraction.train import CORPUS, fit_models, fold_of, load_corpus  # noqa: E402
from bot.facts.matching import display_name  # noqa: E402


def _plain(name: str) -> str:
    """A name without quotes, legal forms and case, for the strict name check."""
    name = re.sub(r"[«»\"“”„]", " ", name.replace("ё", "е").replace("Ё", "Е"))
    name = re.sub(r"^(?:АО|ПАО|ОАО|ООО|НПП|НИЦ|Госкорпорация)\s+", "", name.strip())
    return " ".join(name.lower().split())


def main() -> None:
    verbose = "-v" in sys.argv
    score = scorer()
    articles, gold = load_corpus(CORPUS)
    extractor = Extractor(Models.rules())
    train = [extractor.analyse(a) for a in articles if fold_of(a.id) != "c3"]
    models = fit_models(extractor, train, gold)
    found = missed = forbidden = extra = unclean = 0
    for case in CASES:
        art = ArticleInput(id=str(case["id"]), title=str(case["title"]), text=str(case["text"]))
        pred = extractor.decide(extractor.analyse(art), models).to_dict()["partners"]
        exp = [{"name": n, "name_en": None, "aliases": []} for n in case["partners"]]  # type: ignore[union-attr]
        nots = [{"name": n, "name_en": None, "aliases": []} for n in case["not"]]  # type: ignore[union-attr]
        pairs = score.match_pairs(pred, exp, score.partner_match)
        hit_p, hit_g = {i for i, _ in pairs}, {j for _, j in pairs}
        marks = []
        for i, p in enumerate(pred):
            if i in hit_p:
                continue
            if any(score.partner_match(p, n) for n in nots):
                forbidden += 1
                marks.append(f"FORBIDDEN {p['name']!r}")
            else:
                extra += 1
                marks.append(f"extra {p['name']!r}")
        for j, g in enumerate(exp):
            if j not in hit_g:
                missed += 1
                marks.append(f"MISSED {g['name']!r}")
        for i, j in pairs:
            shown = display_name(pred[i]["name"])
            if _plain(shown) != _plain(exp[j]["name"]):
                unclean += 1
                marks.append(f"unclean {shown!r}")
        found += len(hit_g)
        if marks or verbose:
            names = [p["name"] for p in pred]
            print(f"{case['id']}: {names} {'; '.join(marks)}")
    total = sum(len(c["partners"]) for c in CASES)  # type: ignore[arg-type]
    print(
        f"probes {len(CASES)}: expected {total}, found {found}, missed {missed}, "
        f"forbidden {forbidden}, extra {extra}, unclean names {unclean}"
    )


if __name__ == "__main__":
    main()
