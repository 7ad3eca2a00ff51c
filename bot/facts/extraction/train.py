"""`python -m bot.facts.extraction.train [CORPUS_DIR]`: fit the partner and partnership models
on the annotated articles (default ../shared/corpus beside the checkout) and write data/models.json.

The written file is exactly what this command produces from the corpus: the analysis step does
not depend on any model, and the fitting is deterministic.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .extractor import MODELS, Analysis, Extractor, Models
from .learn import fit
from .model import ArticleInput
from .names import names_match

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
# Collection rounds by id prefix: the natural folds for out-of-fold measurement.
FOLDS = ("a", "c1", "c2", "c3", "c4")
PARTNER_L2 = 30.0
# The partnership classifier reads a dozen dense features (no word bag), so it needs little
# shrinking.
ARTICLE_L2 = 1.0
ARTICLE_CUT = 0.5
INNER = 5
MIN_COUNT = 10
# The partner model's cut; None chooses it on inner held-out folds.
THRESHOLD: float | None = 0.45


def fold_of(article_id: str) -> str:
    """The collection round of an article: `c1`..`c4`, or `a` for the first 67 (a…, seed)."""
    head = article_id.split("-", 1)[0]
    return head if head in FOLDS[1:] else "a"


def load_corpus(corpus: Path) -> tuple[list[ArticleInput], dict[str, dict[str, Any]]]:
    """The articles of dev.jsonl and round2.jsonl and their gold records by id."""
    articles: list[ArticleInput] = []
    gold: dict[str, dict[str, Any]] = {}
    for name in ("dev", "round2"):
        with (corpus / f"{name}.jsonl").open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    raw = json.loads(line)
                    articles.append(
                        ArticleInput(
                            id=str(raw["id"]),
                            title=raw.get("title") or "",
                            text=raw.get("text") or "",
                            category=raw.get("category"),
                            lang=raw.get("lang"),
                        )
                    )
        with (corpus / f"{name}-gold.jsonl").open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    gold[str(rec["id"])] = rec
    return articles, gold


def _variants(p: Mapping[str, Any]) -> list[str]:
    out = [p.get("name") or "", p.get("name_en") or "", *(p.get("aliases") or [])]
    return [v for v in out if isinstance(v, str) and v.strip()]


def partner_labels(analysis: Analysis, gold: Mapping[str, Any]) -> list[int]:
    """1 for each candidate whose names match a gold partner's, else 0."""
    golds = [_variants(g) for g in gold.get("partners") or []]
    out = []
    for row in analysis.rows:
        mine = [row.fact.name, *(row.fact.aliases)]
        if row.fact.name_en:
            mine.append(row.fact.name_en)
        out.append(int(any(names_match(a, b) for g in golds for a in mine for b in g)))
    return out


def fit_models(
    extractor: Extractor, analyses: Sequence[Analysis], gold: Mapping[str, Mapping[str, Any]]
) -> Models:
    """The partner model on every candidate; the partnership classifier on article features
    computed with partner models that did not see the article (inner folds), as at run time."""
    labels = [partner_labels(a, gold[a.article.id]) for a in analyses]

    def partner_on(idx: Sequence[int]) -> Any:
        rows = [r.features for i in idx for r in analyses[i].rows]
        ys = [y for i in idx for y in labels[i]]
        return fit(rows, ys, l2=PARTNER_L2, min_count=MIN_COUNT)

    xs: list[dict[str, float]] = [{} for _ in analyses]
    held: list[tuple[float, int]] = []
    for k in range(INNER):
        inner = partner_on([i for i in range(len(analyses)) if i % INNER != k])
        for i in range(k, len(analyses), INNER):
            xs[i] = extractor.select(analyses[i], inner)[2]
            held.extend(
                (inner.prob(r.features), y)
                for r, y in zip(analyses[i].rows, labels[i], strict=True)
            )
    partner = replace(partner_on(range(len(analyses))), threshold=THRESHOLD or best_threshold(held))
    ys = [int(bool(gold[a.article.id].get("partnership"))) for a in analyses]
    article = fit(xs, ys, l2=ARTICLE_L2, min_count=MIN_COUNT, threshold=ARTICLE_CUT)
    return Models(partner, article)


def best_threshold(scored: Sequence[tuple[float, int]]) -> float:
    """The cut on held-out probabilities with the best candidate-level F1 (ties: the middle)."""
    best: list[float] = []
    best_f1 = -1.0
    positives = sum(y for _, y in scored)
    for step in range(20, 71, 5):
        t = step / 100
        tp = sum(1 for p, y in scored if p >= t and y)
        fp = sum(1 for p, y in scored if p >= t and not y)
        f1 = 2 * tp / (2 * tp + fp + (positives - tp)) if positives else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = [t], f1
        elif abs(f1 - best_f1) <= 1e-9:
            best.append(t)
    return best[len(best) // 2] if best else 0.5


def out_of_fold(
    extractor: Extractor, analyses: Sequence[Analysis], gold: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, dict[str, object]]]:
    """For each fold, predictions by models trained on the other four: fold → id → record."""
    out: dict[str, dict[str, dict[str, object]]] = {}
    for fold in FOLDS:
        train = [a for a in analyses if fold_of(a.article.id) != fold]
        models = fit_models(extractor, train, gold)
        out[fold] = {
            a.article.id: extractor.decide(a, models).to_dict()
            for a in analyses
            if fold_of(a.article.id) == fold
        }
    return out


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else CORPUS
    if not (corpus / "dev.jsonl").exists():
        sys.stderr.write(f"error: no corpus at {corpus}\n")
        return 1
    articles, gold = load_corpus(corpus)
    extractor = Extractor(Models.rules())
    analyses = [extractor.analyse(a) for a in articles]
    models = fit_models(extractor, analyses, gold)
    MODELS.write_text(
        json.dumps(models.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    sys.stdout.write(f"wrote {MODELS} from {len(articles)} articles\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
