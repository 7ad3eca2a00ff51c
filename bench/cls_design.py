"""Design study of the article-level partnership classifier: which model choices make it steadier
and better out of fold (folds a, c1, c2, c4 in detail; c3 only as one aggregate line).

The article features of every outer fold are computed once, exactly as `fit_models` computes
them (training articles through inner partner models, held-out articles through the partner
model fitted on the whole training side); the variants then only refit the small article model.
For each variant: per fold log loss and class F1, pooled F1 over a+c1+c2+c4, the steadiness
(how many held-out decisions change when the article model is refitted on 20 random 90 %
subsamples of its training articles), and the invented probes (models fitted on a, c1, c2, c4):
tests/data/cls_probe2.jsonl (labelled), tests/data/agr_probe*.jsonl (texts with a signed
agreement are partnerships), bench/data/enprobe*.jsonl (labelled).
Run: .venv/bin/python bench/cls_design.py [--print-model] [--ablate] [--lean-ablate]
Other modes (one at a time): --splits-variants (each variant under 9 redrawn inner splits: the
retraining noise that flips borderline articles), --splits and --stacked (article model fitted on
the rows of 1, 3 or 5 inner splits stacked), --bagged-partner (held-out features from the inner
partner models' mean logit instead of the full partner model), --borderline (open-fold articles
with a probability between 0.25 and 0.75 or a wrong decision: id, gold, base and lean).
c3 appears only as one aggregate F1/log-loss cell of the main table.
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.facts.extraction.extractor import Analysis, Extractor, Models  # noqa: E402
from bot.facts.extraction.learn import Logistic, fit  # noqa: E402
from bot.facts.extraction.model import ArticleInput  # noqa: E402
from bot.facts.extraction.train import (  # noqa: E402
    CORPUS,
    INNER,
    MIN_COUNT,
    PARTNER_L2,
    THRESHOLD,
    best_threshold,
    fold_of,
    load_corpus,
    partner_labels,
)

OPEN = ("a", "c1", "c2", "c4")
Row = dict[str, float]
# A variant: (training rows, labels, inner fold of each row) -> probability function.
Variant = Callable[[list[Row], list[int], list[int]], Callable[[Row], float]]


def extra(ex: Extractor, a: Analysis, partner: Logistic) -> Row:
    """The article features plus candidate consistency features computed from `select`."""
    facts, agreements, x = ex.select(a, partner)
    x = dict(x)
    x["agr_party"] = float(any(g.parties for g in agreements))
    title = (a.article.title or "").lower()
    x["partner_in_title"] = float(
        any(n.lower()[:6] in title for f in facts for n in (f.name, *f.aliases) if len(n) >= 3)
    )
    p = x["max_p"]
    x["max_logit"] = math.log(max(p, 1e-4) / max(1 - p, 1e-4))
    return x


def side(
    ex: Extractor, analyses: Sequence[Analysis], gold: Mapping[str, Any], seed: int = 0
) -> tuple[list[Row], list[int], list[int], Logistic]:
    """Training-side rows as `fit_models` builds them, their labels, inner folds, and the partner
    model fitted on all of them (with its threshold)."""
    labels = [partner_labels(a, gold[a.article.id]) for a in analyses]

    def partner_on(idx: Sequence[int]) -> Logistic:
        rows = [r.features for i in idx for r in analyses[i].rows]
        ys = [y for i in idx for y in labels[i]]
        return fit(rows, ys, l2=PARTNER_L2, min_count=MIN_COUNT)

    order = list(range(len(analyses)))
    if seed:
        random.Random(seed).shuffle(order)
    fold_at = {i: n % INNER for n, i in enumerate(order)}
    xs: list[Row] = [{} for _ in analyses]
    held: list[tuple[float, int]] = []
    INNER_MODELS.clear()
    for k in range(INNER):
        inner = partner_on([i for i in range(len(analyses)) if fold_at[i] != k])
        INNER_MODELS.append(inner)
        for i in (i for i in range(len(analyses)) if fold_at[i] == k):
            xs[i] = extra(ex, analyses[i], inner)
            held.extend(
                (inner.prob(r.features), y)
                for r, y in zip(analyses[i].rows, labels[i], strict=True)
            )
    partner = replace(partner_on(range(len(analyses))), threshold=THRESHOLD or best_threshold(held))
    ys = [int(bool(gold[a.article.id].get("partnership"))) for a in analyses]
    return xs, ys, [fold_at[i] for i in range(len(analyses))], partner


INNER_MODELS: list[Logistic] = []


class Bagged:
    """The inner partner models' mean logit, under the full model's threshold."""

    def __init__(self, models: Sequence[Logistic], threshold: float) -> None:
        self.models = list(models)
        self.threshold = threshold

    def prob(self, x: Row) -> float:
        z = 0.0
        for m in self.models:
            p = min(max(m.prob(x), 1e-9), 1 - 1e-9)
            z += math.log(p / (1 - p))
        return 1 / (1 + math.exp(-z / len(self.models)))


BASE = [
    *("agreements", "coop_families", "max_p", "not_partner_title", "partners"),
    *("passing_families", "rectors", "rule", "signed_doc", "strong", "sum_p", "t_passing"),
    *("title_cue", "tl_coop_families", "tl_honour", "tl_passing_families"),
]


# Features whose weight changes sign between the four training sides of the open folds and that
# duplicate another feature: the hand rule's verdict, a document signed (agreements), the sum of
# partner probabilities (max_p, partners), the count of strong words (coop_families), the
# headline's passing families (t_passing).
UNSTABLE = ("rule", "signed_doc", "sum_p", "strong", "tl_passing_families")


# Features that duplicate another by construction: signed_doc (agreements: a signed document the
# extractor found), strong (coop_families), sum_p (max_p and partners).
REDUNDANT = ("signed_doc", "strong", "sum_p")


def only(x: Row, names: Sequence[str]) -> Row:
    return {k: x.get(k, 0.0) for k in names}


def plain(l2: float = 1.0, names: Sequence[str] = BASE) -> Variant:
    def make(xs: list[Row], ys: list[int], inner: list[int]) -> Callable[[Row], float]:
        m = fit([only(x, names) for x in xs], ys, l2=l2)
        return lambda x: m.prob(only(x, names))

    return make


def logloss(pairs: Sequence[tuple[float, int]]) -> float:
    eps = 1e-4
    return -sum(math.log(max(p, eps)) if y else math.log(max(1 - p, eps)) for p, y in pairs) / max(
        1, len(pairs)
    )


def f1(pairs: Sequence[tuple[float, int]], cut: float = 0.5) -> float:
    tp = sum(1 for p, y in pairs if p >= cut and y)
    fp = sum(1 for p, y in pairs if p >= cut and not y)
    fn = sum(1 for p, y in pairs if p < cut and y)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def inner_l2(grid: Sequence[float], names: Sequence[str] = BASE, bag: bool = False) -> Variant:
    """L2 chosen by log loss over the inner folds of the training side only."""

    def make(xs: list[Row], ys: list[int], inner: list[int]) -> Callable[[Row], float]:
        best = None
        for l2 in grid:
            pairs = []
            for k in range(INNER):
                tr = [i for i in range(len(xs)) if inner[i] != k]
                m = fit([only(xs[i], names) for i in tr], [ys[i] for i in tr], l2=l2)
                pairs += [
                    (m.prob(only(xs[i], names)), ys[i]) for i in range(len(xs)) if inner[i] == k
                ]
            ll = logloss(pairs)
            if best is None or ll < best[0] - 1e-9:
                best = (ll, l2)
        assert best is not None
        chosen.append(best[1])
        return (bagged(best[1], names) if bag else plain(best[1], names))(xs, ys, inner)

    chosen: list[float] = []
    make.chosen = chosen  # type: ignore[attr-defined]
    return make


def bagged(l2: float = 1.0, names: Sequence[str] = BASE, logit: bool = False) -> Variant:
    """The mean probability of the article models fitted without each inner fold."""

    def make(xs: list[Row], ys: list[int], inner: list[int]) -> Callable[[Row], float]:
        ms = []
        for k in range(INNER):
            tr = [i for i in range(len(xs)) if inner[i] != k]
            ms.append(fit([only(xs[i], names) for i in tr], [ys[i] for i in tr], l2=l2))
        if logit:

            def prob(x: Row) -> float:
                z = 0.0
                for m in ms:
                    p = min(max(m.prob(only(x, names)), 1e-9), 1 - 1e-9)
                    z += math.log(p / (1 - p))
                return 1 / (1 + math.exp(-z / len(ms)))

            return prob
        return lambda x: sum(m.prob(only(x, names)) for m in ms) / len(ms)

    return make


def splits(
    ex: Extractor,
    analyses: Sequence[Analysis],
    gold: Mapping[str, Any],
    folds: dict[str, Any],
    probes: dict[str, tuple[list[Row], list[int]]],
) -> None:
    """Steadiness under retraining noise: the inner split that gives the training articles their
    partner-model features is redrawn (9 seeds); how many held-out decisions change, for one
    split (as now) and for article models fitted on the rows of 3 splits stacked (l2 x 3)."""
    lean = [b for b in BASE if b not in UNSTABLE]
    seeds = list(range(9))
    for names, label in ((BASE, "base"), (lean, "lean")):
        tot_single = tot_multi = 0
        f1s_single: list[float] = []
        f1s_multi: list[float] = []
        lls: dict[str, list[float]] = {"single": [], "multi": []}
        for f in OPEN:
            tr = [a for a in analyses if fold_of(a.article.id) != f]
            txs, tys = folds[f][3], folds[f][4]
            per = [side(ex, tr, gold, seed=s) for s in seeds]
            single = []
            for xs, ys, _, _ in per:
                m = fit([only(x, names) for x in xs], ys, l2=1.0)
                pr = [(m.prob(only(x, names)), y) for x, y in zip(txs, tys, strict=True)]
                single.append([p >= 0.5 for p, _ in pr])
                f1s_single.append(f1(pr))
                lls["single"].append(logloss(pr))
            multi = []
            for g in range(3):
                rows = [only(x, names) for xs, _, _, _ in per[3 * g : 3 * g + 3] for x in xs]
                ys3 = [y for _, ys, _, _ in per[3 * g : 3 * g + 3] for y in ys]
                m = fit(rows, ys3, l2=3.0)
                pr = [(m.prob(only(x, names)), y) for x, y in zip(txs, tys, strict=True)]
                multi.append([p >= 0.5 for p, _ in pr])
                f1s_multi.append(f1(pr))
                lls["multi"].append(logloss(pr))
            fs = sum(1 for j in range(len(txs)) if len({d[j] for d in single}) > 1)
            fm = sum(1 for j in range(len(txs)) if len({d[j] for d in multi}) > 1)
            fs3 = sum(1 for j in range(len(txs)) if len({single[s][j] for s in (0, 3, 6)}) > 1)
            tot_single += fs3
            tot_multi += fm
            print(
                f"{label} {f:<3} flips over 9 single splits {fs:>2}, over 3 single {fs3:>2}, "
                f"over 3 stacked-3 {fm:>2};  F1 single "
                f"{min(f1s_single[-9:]):.3f}-{max(f1s_single[-9:]):.3f}, stacked "
                f"{min(f1s_multi[-3:]):.3f}-{max(f1s_multi[-3:]):.3f}; mean LL single "
                f"{sum(lls['single'][-9:]) / 9:.3f} stacked {sum(lls['multi'][-3:]) / 3:.3f}"
            )
        tr = [a for a in analyses if fold_of(a.article.id) in OPEN]
        per = [side(ex, tr, gold, seed=s) for s in seeds]
        for pn, (qx, qy) in probes.items():
            wrong, ll, dec = [], [], []
            for xs, ys, _, _ in per:
                m = fit([only(x, names) for x in xs], ys, l2=1.0)
                pr = [(m.prob(only(x, names)), y) for x, y in zip(qx, qy, strict=True)]
                wrong.append(sum(1 for p, y in pr if (p >= 0.5) != bool(y)))
                ll.append(logloss(pr))
                dec.append([p >= 0.5 for p, _ in pr])
            fl = sum(1 for j in range(len(qx)) if len({d[j] for d in dec}) > 1)
            print(
                f"{label} probe {pn:<10} wrong {min(wrong)}-{max(wrong)} of {len(qy)}, "
                f"mean LL {sum(ll) / len(ll):.3f}, flips over 9 splits {fl}"
            )
        print(
            f"{label}: flips over 3 draws single {tot_single}, stacked {tot_multi}; mean F1 "
            f"single {sum(f1s_single) / len(f1s_single):.3f} stacked "
            f"{sum(f1s_multi) / len(f1s_multi):.3f}; mean LL single "
            f"{sum(lls['single']) / len(lls['single']):.3f} stacked "
            f"{sum(lls['multi']) / len(lls['multi']):.3f}"
        )


def steady(l2: float = 1.0, names: Sequence[str] = BASE, log: list[str] | None = None) -> Variant:
    """Nested feature selection: fit the article model without each inner fold of the training
    side; drop the features whose weight does not keep one sign over the five fits; refit."""

    def make(xs: list[Row], ys: list[int], inner: list[int]) -> Callable[[Row], float]:
        signs: dict[str, set[bool]] = {n: set() for n in names}
        for k in range(INNER):
            tr = [i for i in range(len(xs)) if inner[i] != k]
            m = fit([only(xs[i], names) for i in tr], [ys[i] for i in tr], l2=l2)
            for n, w in zip(m.features, m.weights, strict=True):
                signs[n].add(w > 0)
        keep = [n for n in names if len(signs[n]) == 1]
        if log is not None:
            log.append(",".join(sorted(set(names) - set(keep))))
        return plain(l2, keep)(xs, ys, inner)

    return make


# The sign each feature should carry if it means what its name says (set before fitting).
PRIOR_SIGN = {
    "agreements": 1,
    "coop_families": 1,
    "max_p": 1,
    "not_partner_title": -1,
    "partners": 1,
    "passing_families": -1,
    "rectors": 1,
    "rule": 1,
    "signed_doc": 1,
    "strong": 1,
    "sum_p": 1,
    "t_passing": -1,
    "title_cue": 1,
    "tl_coop_families": 1,
    "tl_honour": -1,
    "tl_passing_families": -1,
}


def signprior(
    l2: float = 1.0, names: Sequence[str] = BASE, log: list[str] | None = None
) -> Variant:
    """Refit without the features whose weight comes out against its prior sign, until none."""

    def make(xs: list[Row], ys: list[int], inner: list[int]) -> Callable[[Row], float]:
        keep = list(names)
        while True:
            m = fit([only(x, keep) for x in xs], ys, l2=l2)
            bad = [n for n, w in zip(m.features, m.weights, strict=True) if w * PRIOR_SIGN[n] < 0]
            if not bad:
                break
            worst = min(bad, key=lambda n: m.weights[m.features.index(n)] * PRIOR_SIGN[n])
            keep.remove(worst)
        if log is not None:
            log.append(",".join(sorted(set(names) - set(keep))))
        return lambda x: m.prob(only(x, keep))

    return make


def splits_variants(
    ex: Extractor,
    analyses: Sequence[Analysis],
    gold: Mapping[str, Any],
    folds: dict[str, Any],
    probes: dict[str, tuple[list[Row], list[int]]],
    variants: dict[str, Variant],
) -> None:
    """Each variant under 9 redrawn inner splits: per fold mean LL, F1 range, flips; probes."""
    seeds = list(range(9))
    per_fold = {
        f: [
            side(ex, [a for a in analyses if fold_of(a.article.id) != f], gold, seed=s)
            for s in seeds
        ]
        for f in OPEN
    }
    tr = [a for a in analyses if fold_of(a.article.id) in OPEN]
    per_probe = [side(ex, tr, gold, seed=s) for s in seeds]
    for name, make in variants.items():
        cells = []
        flips = 0
        for f in OPEN:
            txs, tys = folds[f][3], folds[f][4]
            dec, f1s, lls = [], [], []
            for xs, ys, inner, _ in per_fold[f]:
                prob = make(xs, ys, inner)
                pr = [(prob(x), y) for x, y in zip(txs, tys, strict=True)]
                dec.append([p >= 0.5 for p, _ in pr])
                f1s.append(f1(pr))
                lls.append(logloss(pr))
            fl = sum(1 for j in range(len(txs)) if len({d[j] for d in dec}) > 1)
            flips += fl
            cells.append(f"{min(f1s):.3f}-{max(f1s):.3f}/{sum(lls) / 9:.3f}/{fl}")
        pcells = []
        for pn, (qx, qy) in probes.items():
            wrong, ll, dec = [], [], []
            for xs, ys, inner, _ in per_probe:
                prob = make(xs, ys, inner)
                pr = [(prob(x), y) for x, y in zip(qx, qy, strict=True)]
                wrong.append(sum(1 for p, y in pr if (p >= 0.5) != bool(y)))
                ll.append(logloss(pr))
                dec.append([p >= 0.5 for p, _ in pr])
            fl = sum(1 for j in range(len(qx)) if len({d[j] for d in dec}) > 1)
            pcells.append(f"{pn} {min(wrong)}-{max(wrong)}/{sum(ll) / 9:.3f}/{fl}")
        print(f"{name:<16}" + "  ".join(cells) + f"  flips {flips}  |  " + "  ".join(pcells))


def splits_stacked(
    ex: Extractor,
    analyses: Sequence[Analysis],
    gold: Mapping[str, Any],
    folds: dict[str, Any],
    probes: dict[str, tuple[list[Row], list[int]]],
) -> None:
    """The article model fitted on the training rows of R inner splits stacked (l2 x R), R = 1
    (as now), 3, 5: three independent draws each; per fold F1 range, mean LL, decisions that
    change between the draws; the probes likewise (models on a, c1, c2, c4)."""
    seeds = list(range(15))
    sides = {
        f: [
            side(ex, [a for a in analyses if fold_of(a.article.id) != f], gold, seed=s)
            for s in seeds
        ]
        for f in OPEN
    }
    sides["probe"] = [
        side(ex, [a for a in analyses if fold_of(a.article.id) in OPEN], gold, seed=s)
        for s in seeds
    ]
    lean = [b for b in BASE if b not in UNSTABLE]
    for names, label in ((BASE, "base"), (lean, "lean")):
        for r in (1, 3, 5):
            draws = [[d * 5 + j for j in range(r)] for d in range(3)]
            cells = []
            tot = 0
            pooled_ll: list[float] = []
            for f in (*OPEN, "probe"):
                tests = [(folds[f][3], folds[f][4])] if f != "probe" else list(probes.values())
                dec, f1s, lls = [], [], []
                for draw in draws:
                    rows = [only(x, names) for s in draw for x in sides[f][s][0]]
                    ys = [y for s in draw for y in sides[f][s][1]]
                    m = fit(rows, ys, l2=1.0 * r)
                    pr = [
                        (m.prob(only(x, names)), y)
                        for tx, ty in tests
                        for x, y in zip(tx, ty, strict=True)
                    ]
                    dec.append([p >= 0.5 for p, _ in pr])
                    f1s.append(
                        f1(pr) if f != "probe" else sum(1 for p, y in pr if (p >= 0.5) != bool(y))
                    )
                    lls.append(logloss(pr))
                fl = sum(1 for j in range(len(dec[0])) if len({d[j] for d in dec}) > 1)
                if f != "probe":
                    tot += fl
                    pooled_ll += lls
                    cells.append(f"{f} {min(f1s):.3f}-{max(f1s):.3f}/{sum(lls) / 3:.3f}/{fl}")
                else:
                    cells.append(f"probes wrong {min(f1s)}-{max(f1s)}/{sum(lls) / 3:.3f}/{fl}")
            print(f"{label} R={r}  " + "  ".join(cells) + f"  | open flips {tot}")


def main() -> None:
    args = sys.argv[1:]
    articles, gold = load_corpus(CORPUS)
    ex = Extractor(Models.rules())
    analyses = [ex.analyse(a) for a in articles]
    folds: dict[str, Any] = {}
    for fold in (*OPEN, "c3"):
        tr = [a for a in analyses if fold_of(a.article.id) != fold]
        te = [a for a in analyses if fold_of(a.article.id) == fold]
        xs, ys, inner, partner = side(ex, tr, gold)
        txs = [extra(ex, a, partner) for a in te]
        tys = [int(bool(gold[a.article.id].get("partnership"))) for a in te]
        folds[fold] = (xs, ys, inner, txs, tys)
    # Probes: models fitted on the four open folds.
    tr = [a for a in analyses if fold_of(a.article.id) in OPEN]
    pxs, pys, pinner, ppartner = side(ex, tr, gold)
    probes: dict[str, tuple[list[Row], list[int]]] = {}

    def probe(name: str, recs: list[tuple[ArticleInput, int]]) -> None:
        probes[name] = (
            [extra(ex, ex.analyse(a), ppartner) for a, _ in recs],
            [y for _, y in recs],
        )

    def jl(p: Path) -> list[dict[str, Any]]:
        return [json.loads(s) for s in p.read_text(encoding="utf-8").splitlines() if s.strip()]

    probe(
        "cls2",
        [
            (ArticleInput(id=r["id"], title=r["title"], text=r["text"]), int(r["partnership"]))
            for r in jl(ROOT / "tests/data/cls_probe2.jsonl")
        ],
    )
    probe(
        "agr+",
        [
            (ArticleInput(r["id"], r["title"], r["text"], lang=r.get("lang")), 1)
            for n in ("agr_probe", "agr_probe2", "agr_probe3")
            for r in jl(ROOT / "tests/data" / f"{n}.jsonl")
            if r["agreements"]
        ],
    )
    for n in ("enprobe", "enprobe-b"):
        g = {r["id"]: r for r in jl(ROOT / "bench/data" / f"{n}-gold.jsonl")}
        probe(
            n,
            [
                (
                    ArticleInput(id=r["id"], title=r["title"], text=r["text"], lang="en"),
                    int(g[r["id"]]["partnership"]),
                )
                for r in jl(ROOT / "bench/data" / f"{n}.jsonl")
            ],
        )

    if "--splits-variants" in args:
        lean = [b for b in BASE if b not in UNSTABLE]
        log: list[str] = []
        print(
            "per fold a c1 c2 c4: F1 range over 9 inner splits / mean LL / flips; "
            "probes: wrong range / mean LL / flips"
        )
        splits_variants(
            ex,
            analyses,
            gold,
            folds,
            probes,
            {
                "base": plain(1.0),
                "lean": plain(1.0, lean),
                "steady (nested)": steady(1.0),
                "sign prior": signprior(1.0, log=log),
                "-3 redundant": plain(1.0, [b for b in BASE if b not in REDUNDANT]),
                "-3 redundant-rule": plain(
                    1.0, [b for b in BASE if b not in REDUNDANT and b != "rule"]
                ),
                "-3 red. -t_pass": plain(
                    1.0, [b for b in BASE if b not in REDUNDANT and b != "tl_passing_families"]
                ),
                "max_p->logit": plain(1.0, [*[b for b in BASE if b != "max_p"], "max_logit"]),
                "max_p+logit": plain(1.0, [*BASE, "max_logit"]),
                "bag5": bagged(1.0),
                "lean bag5": bagged(1.0, lean),
                "l2=3": plain(3.0),
                "lean l2=3": plain(3.0, lean),
            },
        )
        print(
            "sign prior dropped:",
            sorted(__import__("collections").Counter(log).items(), key=lambda t: -t[1]),
        )
        return
    if "--bagged-partner" in args:
        for fold in OPEN:
            tr = [a for a in analyses if fold_of(a.article.id) != fold]
            te = [a for a in analyses if fold_of(a.article.id) == fold]
            xs, ys, inner, partner = side(ex, tr, gold)
            bag = Bagged(INNER_MODELS, partner.threshold)
            txs = [extra(ex, a, bag) for a in te]  # type: ignore[arg-type]
            tys = folds[fold][4]
            for label, tx in (("full partner", folds[fold][3]), ("bagged partner", txs)):
                m = fit([only(x, BASE) for x in xs], ys, l2=1.0)
                pr = [(m.prob(only(x, BASE)), y) for x, y in zip(tx, tys, strict=True)]
                print(f"{fold:<3} {label:<15} F1 {f1(pr):.3f} LL {logloss(pr):.3f}")
        xs, ys, inner, partner = side(
            ex, [a for a in analyses if fold_of(a.article.id) in OPEN], gold
        )
        bag = Bagged(INNER_MODELS, partner.threshold)
        m = fit([only(x, BASE) for x in xs], ys, l2=1.0)
        for pn, (qx, qy) in probes.items():
            print(
                pn,
                "full",
                f"{logloss([(m.prob(only(x, BASE)), y) for x, y in zip(qx, qy, strict=True)]):.3f}",
            )
        print("(probes under the bagged partner need re-analysis; see cls2 below)")
        recs = [
            json.loads(s)
            for s in (ROOT / "tests/data/cls_probe2.jsonl").read_text(encoding="utf-8").splitlines()
            if s.strip()
        ]
        bx = [
            extra(ex, ex.analyse(ArticleInput(id=r["id"], title=r["title"], text=r["text"])), bag)
            for r in recs
        ]  # type: ignore[arg-type]
        by = [int(r["partnership"]) for r in recs]
        pr = [(m.prob(only(x, BASE)), y) for x, y in zip(bx, by, strict=True)]
        print(
            "cls2 bagged",
            f"{logloss(pr):.3f}",
            "wrong",
            sum(1 for p, y in pr if (p >= 0.5) != bool(y)),
        )
        return
    if "--borderline" in args:
        lean = [b for b in BASE if b not in UNSTABLE]
        ids = {f: [a.article for a in analyses if fold_of(a.article.id) == f] for f in OPEN}
        for f in OPEN:
            xs, ys, inner, txs, tys = folds[f]
            mb = fit([only(x, BASE) for x in xs], ys, l2=1.0)
            ml = fit([only(x, lean) for x in xs], ys, l2=1.0)
            for art, x, y in zip(ids[f], txs, tys, strict=True):
                pb, pl = mb.prob(only(x, BASE)), ml.prob(only(x, lean))
                if 0.25 <= pb <= 0.75 or 0.25 <= pl <= 0.75 or (pb >= 0.5) != bool(y):
                    print(f"{art.id:<8} gold {y} base {pb:.2f} lean {pl:.2f}  {art.title[:80]}")
        return
    if "--stacked" in args:
        splits_stacked(ex, analyses, gold, folds, probes)
        return
    if "--splits" in args:
        splits(ex, analyses, gold, folds, probes)
        return
    if "--print-model" in args:
        m = fit([only(x, BASE) for x in pxs], pys, l2=1.0)
        print("article model on a+c1+c2+c4 (standardised weights):")
        for n, w in sorted(zip(m.features, m.weights, strict=True), key=lambda t: -abs(t[1])):
            print(f"  {n:<22}{w:+.3f}")
        for fold in OPEN:
            xs, ys = folds[fold][0], folds[fold][1]
            mm = fit([only(x, BASE) for x in xs], ys, l2=1.0)
            print(
                f"  without {fold:<3}",
                " ".join(f"{n[:8]}={w:+.2f}" for n, w in zip(mm.features, mm.weights, strict=True)),
            )

    variants: dict[str, Variant] = {
        "base l2=1": plain(1.0),
        "l2=0.3": plain(0.3),
        "l2=3": plain(3.0),
        "l2=10": plain(10.0),
        "l2=30": plain(30.0),
        "l2 inner-cv": inner_l2((0.3, 1, 3, 10, 30, 100)),
        "bag5 l2=1": bagged(1.0),
        "bag5 logit l2=1": bagged(1.0, logit=True),
        "bag5 l2=3": bagged(3.0),
        "bag5 inner-cv l2": inner_l2((0.3, 1, 3, 10, 30, 100), bag=True),
        "+agr_party": plain(1.0, [*BASE, "agr_party"]),
        "+partner_in_title": plain(1.0, [*BASE, "partner_in_title"]),
        "max_p->logit": plain(1.0, [*[b for b in BASE if b != "max_p"], "max_logit"]),
        "+consistency3": plain(1.0, [*BASE, "agr_party", "partner_in_title", "max_logit"]),
        "-rule": plain(1.0, [b for b in BASE if b != "rule"]),
    }
    lean = [b for b in BASE if b not in UNSTABLE]
    variants.update(
        {
            "lean": plain(1.0, lean),
            "lean l2=3": plain(3.0, lean),
            "lean l2=0.3": plain(0.3, lean),
            "lean bag5": bagged(1.0, lean),
            "lean inner-cv": inner_l2((0.3, 1, 3, 10, 30, 100), lean),
            "lean+agr_party": plain(1.0, [*lean, "agr_party"]),
            "lean+p_in_title": plain(1.0, [*lean, "partner_in_title"]),
        }
    )
    if "--lean-ablate" in args:
        for b in lean:
            variants[f"lean-{b}"] = plain(1.0, [c for c in lean if c != b])
    if "--only-lean" in args:
        variants = {k: v for k, v in variants.items() if k.startswith("lean") or k == "base l2=1"}
    if "--ablate" in args:
        for b in BASE:
            variants[f"-{b}"] = plain(1.0, [c for c in BASE if c != b])
    rng = random.Random(7)
    subs: dict[str, list[list[int]]] = {
        f: [
            sorted(rng.sample(range(len(folds[f][0])), int(0.9 * len(folds[f][0]))))
            for _ in range(20)
        ]
        for f in folds
    }
    psubs = [sorted(rng.sample(range(len(pxs)), int(0.9 * len(pxs)))) for _ in range(20)]
    print(
        f"{'variant':<20}"
        + "".join(f"{f:>12}" for f in OPEN)
        + "   open4 F1/LL   flips(sub)  "
        + "  ".join(probes)
        + "   c3 F1/LL"
    )
    for name, make in variants.items():
        cells = []
        pooled: list[tuple[float, int]] = []
        flips = 0
        for f in (*OPEN, "c3"):
            xs, ys, inner, txs, tys = folds[f]
            prob = make(xs, ys, inner)
            pairs = [(prob(x), y) for x, y in zip(txs, tys, strict=True)]
            if f == "c3":
                c3 = f"{f1(pairs):.3f}/{logloss(pairs):.3f}"
                continue
            pooled += pairs
            cells.append(f"{f1(pairs):.3f}/{logloss(pairs):.2f}")
            decisions = []
            for s in subs[f]:
                pr = make([xs[i] for i in s], [ys[i] for i in s], [inner[i] for i in s])
                decisions.append([pr(x) >= 0.5 for x in txs])
            flips += sum(1 for j in range(len(txs)) if len({d[j] for d in decisions}) > 1)
        prob = make(pxs, pys, pinner)
        pcells = []
        for qx, qy in probes.values():
            pq = [(prob(x), y) for x, y in zip(qx, qy, strict=True)]
            wrong = sum(1 for p, y in pq if (p >= 0.5) != bool(y))
            pcells.append(f"{wrong:>2}/{len(qy)} {logloss(pq):.2f}")
        pflips = 0
        pdec = []
        for s in psubs:
            pr = make([pxs[i] for i in s], [pys[i] for i in s], [pinner[i] for i in s])
            pdec.append([pr(x) >= 0.5 for qx, _ in probes.values() for x in qx])
        pflips = sum(1 for j in range(len(pdec[0])) if len({d[j] for d in pdec}) > 1)
        print(
            f"{name:<20}"
            + "".join(f"{c:>12}" for c in cells)
            + f"   {f1(pooled):.3f}/{logloss(pooled):.3f}  {flips:>3} {pflips:>3}   "
            + "  ".join(pcells)
            + f"   {c3}"
        )
        if hasattr(make, "chosen"):
            print(
                "   inner-cv chose l2 (counts):",
                sorted(__import__("collections").Counter(make.chosen).items()),
            )


if __name__ == "__main__":
    main()
