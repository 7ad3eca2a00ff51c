"""Learner and settings experiments on the OPEN rounds only (a, c1, c2, c4; c3 is sealed).

For each variant, leave-one-open-fold-out: train on three open rounds, score the fourth; c3's
articles are neither analysed, trained on nor scored. Prints partners P/R/F1, class F1 and
agreements F1 per fold and pooled, and a verdict against the baseline (the committed settings):
"win" only if the pooled partners F1 (or class F1) rises and no fold's partners F1 and class F1
drops by more than 0.01.
Run: .venv/bin/python bench/model_experiments.py [--only NAME_PART ...] [--single-ablation]
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.facts.extraction.extractor import (  # noqa: E402  # after sys.path fix-up
    Analysis,
    Extractor,
    Models,
)
from bot.facts.extraction.learn import Logistic, fit  # noqa: E402
from bot.facts.extraction.model import PARTNER_KINDS  # noqa: E402
from bot.facts.extraction.train import (  # noqa: E402
    ARTICLE_CUT,
    ARTICLE_L2,
    CORPUS,
    INNER,
    PARTNER_L2,
    THRESHOLD,
    best_threshold,
    fold_of,
    load_corpus,
    partner_labels,
)

OPEN = ("a", "c1", "c2", "c4")
SCORER = CORPUS.parent / "eval" / "score_extraction.py"

Features = dict[str, float]
RowTransform = Callable[[Features, Analysis], Features]
Learner = Callable[[Sequence[Mapping[str, float]], Sequence[int], float], Any]


# --- learners ------------------------------------------------------------------------------


def margin(model: Logistic, x: Mapping[str, float]) -> float:
    z = model.bias
    for name, mu, sd, w in zip(model.features, model.mean, model.scale, model.weights, strict=True):
        z += w * (x.get(name, 0.0) - mu) / sd
    return z


def fit_weighted(
    rows: Sequence[Mapping[str, float]], labels: Sequence[int], l2: float, pos_weight: float
) -> Logistic:
    """learn.fit with each positive row counted `pos_weight` times."""
    names = sorted({k for r in rows for k in r})
    x = np.array([[r.get(n, 0.0) for n in names] for r in rows], dtype=float)
    y = np.array(labels, dtype=float)
    sw = np.where(y > 0, pos_weight, 1.0)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    a = np.hstack([(x - mean) / scale, np.ones((len(rows), 1))])
    w = np.zeros(a.shape[1])
    penalty = np.full(a.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(a @ w, -30, 30)))
        grad = a.T @ (sw * (p - y)) + penalty * w
        hess = (a * (sw * p * (1 - p))[:, None]).T @ a + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    return Logistic(
        features=tuple(names),
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        weights=tuple(float(v) for v in w[:-1]),
        bias=float(w[-1]),
    )


# A tree: ((feature, split, left_subtree_or_leaf, right_subtree_or_leaf)); a leaf is a float.
Tree = Any


def _tree_value(tree: Tree, x: Mapping[str, float]) -> float:
    while not isinstance(tree, float):
        name, split, left, right = tree
        tree = left if x.get(name, 0.0) <= split else right
    return tree


@dataclass(frozen=True)
class Boosted:
    """A logistic base (or none) plus Newton-boosted small trees on its margin."""

    base: Logistic | None
    trees: tuple[Tree, ...]
    bias: float
    threshold: float = 0.5

    def prob(self, x: Mapping[str, float]) -> float:
        z = self.bias + (margin(self.base, x) if self.base else 0.0)
        z += sum(_tree_value(t, x) for t in self.trees)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accept(self, x: Mapping[str, float]) -> bool:
        return self.prob(x) >= self.threshold


def _grow(
    x: np.ndarray,
    g: np.ndarray,
    h: np.ndarray,
    idx: np.ndarray,
    names: list[str],
    depth: int,
    lam: float,
    min_h: float,
    lr: float,
) -> Tree:
    gs, hs = g[idx].sum(), h[idx].sum()
    leaf = float(-lr * gs / (hs + lam))
    if depth == 0 or len(idx) < 4:
        return leaf
    best = (0.0, -1, 0.0)
    parent = gs * gs / (hs + lam)
    for j in range(x.shape[1]):
        col = x[idx, j]
        order = np.argsort(col, kind="stable")
        cs, gg, hh = col[order], np.cumsum(g[idx][order]), np.cumsum(h[idx][order])
        cut = np.nonzero(cs[1:] > cs[:-1])[0]
        if not len(cut):
            continue
        gl, hl = gg[cut], hh[cut]
        gr, hr = gs - gl, hs - hl
        ok = (hl >= min_h) & (hr >= min_h)
        if not ok.any():
            continue
        gain = np.where(ok, gl * gl / (hl + lam) + gr * gr / (hr + lam) - parent, -1.0)
        k = int(np.argmax(gain))
        if gain[k] > best[0] + 1e-12:
            best = (float(gain[k]), j, float((cs[cut[k]] + cs[cut[k] + 1]) / 2))
    if best[1] < 0:
        return leaf
    _, j, split = best
    left = idx[x[idx, j] <= split]
    right = idx[x[idx, j] > split]
    return (
        names[j],
        split,
        _grow(x, g, h, left, names, depth - 1, lam, min_h, lr),
        _grow(x, g, h, right, names, depth - 1, lam, min_h, lr),
    )


def fit_boosted(
    rows: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    l2: float,
    rounds: int,
    depth: int,
    lr: float = 0.1,
    on_logistic: bool = True,
    lam: float = 1.0,
    min_h: float = 2.0,
) -> Boosted:
    """Newton boosting of depth-`depth` trees, starting from the L2 logistic's margin (or from
    the prior log-odds); deterministic (stable sorts, no sampling)."""
    names = sorted({k for r in rows for k in r})
    x = np.array([[r.get(n, 0.0) for n in names] for r in rows], dtype=float)
    y = np.array(labels, dtype=float)
    base = fit(rows, labels, l2=l2) if on_logistic else None
    if base is not None:
        z0 = np.array([margin(base, r) for r in rows])
        bias = 0.0
    else:
        prior = min(max(y.mean(), 1e-3), 1 - 1e-3)
        bias = float(math.log(prior / (1 - prior)))
        z0 = np.full(len(rows), bias)
    z = z0.copy()
    idx = np.arange(len(rows))
    trees: list[Tree] = []
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g, h = p - y, p * (1 - p)
        tree = _grow(x, g, h, idx, names, depth, lam, min_h, lr)
        trees.append(tree)
        z += np.array([_tree_value(tree, r) for r in rows])
    return Boosted(base=base, trees=tuple(trees), bias=bias)


# --- variants ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    name: str
    partner_l2: float = PARTNER_L2
    article_l2: float = ARTICLE_L2
    threshold: float | None = THRESHOLD
    article_cut: float | None = ARTICLE_CUT
    # Transforms of the partner rows' features (crosses, buckets, drops), applied before both
    # training and deciding.
    transforms: tuple[RowTransform, ...] = ()
    article_drop: tuple[str, ...] = ()
    partner_learner: Learner | None = None
    article_learner: Learner | None = None
    # The cut of the inner-fold partner models whose verdicts the article model is trained on
    # (train.fit_models leaves them at learn.fit's default 0.5); None: the partner cut.
    inner_cut: float | None = 0.5


def drop(*names: str) -> RowTransform:
    def t(f: Features, _a: Analysis) -> Features:
        return {k: v for k, v in f.items() if k not in names}

    return t


def add_lang(f: Features, a: Analysis) -> Features:
    return {**f, "lang_en": float(a.lang == "en")}


LANG_CUES = (
    "rule",
    "evidence",
    "cue_near",
    "no_cue",
    "with_before",
    "own_in_sent",
    "signed_sent",
    "doc_sent",
    "prev_cue",
    "in_list",
    "title",
    "known",
    "abbr_only",
    "unit_head",
)


def lang_cross(f: Features, a: Analysis) -> Features:
    en = float(a.lang == "en")
    out = {**f, "lang_en": en}
    for k in LANG_CUES:
        out[f"en*{k}"] = en * f.get(k, 0.0)
    return out


def title_kind(f: Features, _a: Analysis) -> Features:
    out = dict(f)
    for kind in PARTNER_KINDS:
        out[f"in_title*{kind}"] = f["in_title"] * f[f"kind_{kind}"]
        out[f"title*{kind}"] = f["title"] * f[f"kind_{kind}"]
    return out


def _dist_buckets(f: Features) -> dict[str, float]:
    c = f.get("cue_near", 0.0)
    d = -40 * math.log(c) if c > 0 else math.inf
    return {
        "d_at": float(d < 0.5),
        "d_near": float(0.5 <= d <= 40),
        "d_mid": float(40 < d <= 120),
        "d_far": float(120 < d < math.inf),
    }


def dist_bucket(f: Features, _a: Analysis) -> Features:
    out = {k: v for k, v in f.items() if k != "cue_near"}
    out.update(_dist_buckets(f))
    return out


def dist_bucket_keep(f: Features, _a: Analysis) -> Features:
    return {**f, **_dist_buckets(f)}


def kind_dist(f: Features, _a: Analysis) -> Features:
    out = dict(f)
    for kind in PARTNER_KINDS:
        out[f"{kind}*cue_near"] = f[f"kind_{kind}"] * f.get("cue_near", 0.0)
        out[f"{kind}*no_cue"] = f[f"kind_{kind}"] * f.get("no_cue", 0.0)
    return out


def known_cross(f: Features, _a: Analysis) -> Features:
    out = dict(f)
    for k in ("cue_near", "evidence", "rule", "mentions", "in_title"):
        out[f"known*{k}"] = f["known"] * f.get(k, 0.0)
    return out


PARTNER_GROUPS: dict[str, tuple[str, ...]] = {
    "article(a_*)": ("a_strong", "a_signed_doc", "a_title_cue", "a_not_partner_title", "a_ruled"),
    "kinds": tuple(f"kind_{k}" for k in PARTNER_KINDS),
    "title": ("title", "in_title", "title_blocked", "title_coop", "nested_title"),
    "context-counts": (
        "event_after",
        "with_before",
        "deleg_before",
        "employer_before",
        "from_before",
        "object_of",
        "place_before",
        "crowded",
        "signed_sent",
        "doc_sent",
        "own_in_sent",
        "attendance",
        "diplomat",
        "launch",
        "listed",
        "context_only",
        "organiser",
        "prev_cue",
        "people_at_work",
        "in_list",
    ),
    "name-look": (
        "abbr_only",
        "abbr_unknown",
        "generic_name",
        "unit_head",
        "polytech_name",
        "own_like",
        "event_name",
        "dangling",
        "conj_inside",
        "person_like",
        "not_org",
        "joint_product",
        "own_unit",
        "all_unit",
    ),
    "salience": (
        "mentions",
        "share",
        "first_sent",
        "early",
        "most_mentioned",
        "candidates",
        "repeated",
    ),
    "cue": ("rule", "evidence", "cue_near", "no_cue"),
    "known+country": ("known", "hint_country"),
}
ARTICLE_GROUPS: dict[str, tuple[str, ...]] = {
    "stacked": ("max_p", "partners", "agreements", "rule", "named_sents"),
    "title": (
        "title_cue",
        "t_passing",
        "not_partner_title",
        "tl_honour",
        "tl_coop_families",
        "tl_passing_families",
    ),
    "text": ("strong", "coop_families", "passing_families", "rectors", "body_refs"),
}


def variants(single_ablation: bool, partner_features: Sequence[str]) -> list[Variant]:
    out = [Variant("baseline (L2 30/1, cut .45 fixed, article .5)")]
    for l2 in (3.0, 10.0, 100.0, 300.0):
        out.append(Variant(f"partner L2 {l2:g}", partner_l2=l2))
    for l2 in (0.3, 3.0, 10.0):
        out.append(Variant(f"article L2 {l2:g}", article_l2=l2))
    for t in (0.35, 0.4, 0.5, 0.55):
        out.append(Variant(f"partner cut {t}", threshold=t))
    out.append(Variant("partner cut by inner folds", threshold=None))
    out.append(Variant("inner models at the partner cut", inner_cut=None))
    for t in (0.4, 0.45, 0.55, 0.6):
        out.append(Variant(f"article cut {t}", article_cut=t))
    for w in (0.7, 1.5, 2.0):
        out.append(
            Variant(
                f"partner positives weight {w}",
                partner_learner=lambda r, y, l2, w=w: fit_weighted(r, y, l2, w),
            )
        )
    out.append(
        Variant(
            "article positives weight 0.7",
            article_learner=lambda r, y, l2: fit_weighted(r, y, l2, 0.7),
        )
    )
    out.append(Variant("+lang_en", transforms=(add_lang,)))
    out.append(Variant("+lang x cues", transforms=(lang_cross,)))
    out.append(Variant("+title x kind", transforms=(title_kind,)))
    out.append(Variant("cue_near -> distance buckets", transforms=(dist_bucket,)))
    out.append(Variant("+distance buckets (keep cue_near)", transforms=(dist_bucket_keep,)))
    out.append(Variant("+kind x distance", transforms=(kind_dist,)))
    out.append(Variant("+known x cues", transforms=(known_cross,)))
    for rounds, depth in ((30, 1), (60, 1), (30, 2), (60, 2), (100, 2)):
        out.append(
            Variant(
                f"partner: logistic + {rounds} boosted depth-{depth} trees",
                partner_learner=lambda r, y, l2, n=rounds, d=depth: fit_boosted(r, y, l2, n, d),
            )
        )
    out.append(
        Variant(
            "partner: 100 boosted depth-2 trees alone",
            partner_learner=lambda r, y, l2: fit_boosted(r, y, l2, 100, 2, on_logistic=False),
        )
    )
    out.append(
        Variant(
            "partner: 200 boosted depth-2 trees alone",
            partner_learner=lambda r, y, l2: fit_boosted(r, y, l2, 200, 2, on_logistic=False),
        )
    )
    out.append(
        Variant(
            "article: logistic + 20 boosted stumps",
            article_learner=lambda r, y, l2: fit_boosted(r, y, l2, 20, 1, min_h=1.0),
        )
    )
    for group, names in PARTNER_GROUPS.items():
        out.append(Variant(f"partner drop {group}", transforms=(drop(*names),)))
    for group, names in ARTICLE_GROUPS.items():
        out.append(Variant(f"article drop {group}", article_drop=names))
    if single_ablation:
        out.extend(
            Variant(f"partner drop {name}", transforms=(drop(name),)) for name in partner_features
        )
        out.extend(
            Variant(f"article drop {name}", article_drop=(name,))
            for names in ARTICLE_GROUPS.values()
            for name in names
        )
    return out


# --- training and scoring ------------------------------------------------------------------


@dataclass(frozen=True)
class Dropping:
    """The article model reading all but some features."""

    inner: Any
    dropped: frozenset[str]
    threshold: float = 0.5

    def prob(self, x: Mapping[str, float]) -> float:
        p: float = self.inner.prob({k: v for k, v in x.items() if k not in self.dropped})
        return p

    def accept(self, x: Mapping[str, float]) -> bool:
        return self.prob(x) >= self.threshold


def transformed(analyses: Sequence[Analysis], v: Variant) -> list[Analysis]:
    if not v.transforms:
        return list(analyses)
    out = []
    for a in analyses:
        rows = []
        for r in a.rows:
            f = dict(r.features)
            for t in v.transforms:
                f = t(f, a)
            rows.append(replace(r, features=f))
        out.append(replace(a, rows=rows))
    return out


def fit_variant(
    v: Variant,
    extractor: Extractor,
    analyses: Sequence[Analysis],
    gold: Mapping[str, Mapping[str, Any]],
) -> Models:
    """train.fit_models under the variant's settings (same inner-fold stacking)."""
    labels = [partner_labels(a, gold[a.article.id]) for a in analyses]

    def partner_on(idx: Sequence[int]) -> Any:
        rows = [r.features for i in idx for r in analyses[i].rows]
        ys = [y for i in idx for y in labels[i]]
        if v.partner_learner is not None:
            return v.partner_learner(rows, ys, v.partner_l2)
        return fit(rows, ys, l2=v.partner_l2)

    xs: list[dict[str, float]] = [{} for _ in analyses]
    held: list[tuple[float, int]] = []
    art_held: list[int] = []
    for k in range(INNER):
        inner = partner_on([i for i in range(len(analyses)) if i % INNER != k])
        if v.inner_cut is not None:
            inner = replace(inner, threshold=v.inner_cut)
        elif v.threshold is not None:
            inner = replace(inner, threshold=v.threshold)
        for i in range(k, len(analyses), INNER):
            xs[i] = extractor.select(analyses[i], inner)[2]
            art_held.append(i)
            held.extend(
                (inner.prob(r.features), y)
                for r, y in zip(analyses[i].rows, labels[i], strict=True)
            )
    cut = v.threshold if v.threshold is not None else best_threshold(held)
    partner = replace(partner_on(range(len(analyses))), threshold=cut)
    ys = [int(bool(gold[a.article.id].get("partnership"))) for a in analyses]
    rows = [{k: val for k, val in x.items() if k not in v.article_drop} for x in xs]
    if v.article_learner is not None:
        article: Any = v.article_learner(rows, ys, v.article_l2)
    else:
        article = fit(rows, ys, l2=v.article_l2)
    article = replace(article, threshold=v.article_cut if v.article_cut is not None else 0.5)
    if v.article_drop:
        article = Dropping(article, frozenset(v.article_drop), article.threshold)
    return Models(partner, article)


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Result:
    name: str
    folds: dict[str, dict[str, Any]]
    pooled: dict[str, Any]


def run(
    v: Variant,
    extractor: Extractor,
    analyses: Sequence[Analysis],
    gold: Mapping[str, Mapping[str, Any]],
    score: ModuleType,
) -> Result:
    data = transformed(analyses, v)
    folds: dict[str, dict[str, Any]] = {}
    pooled: dict[str, Any] = {}
    for fold in OPEN:
        train = [a for a in data if fold_of(a.article.id) != fold]
        models = fit_variant(v, extractor, train, gold)
        pred = {
            a.article.id: extractor.decide(a, models).to_dict()
            for a in data
            if fold_of(a.article.id) == fold
        }
        pooled.update(pred)
        folds[fold] = score.score(pred, {k: gold[k] for k in pred})
    return Result(v.name, folds, score.score(pooled, {k: gold[k] for k in pooled}))


def figures(m: Mapping[str, Any]) -> tuple[float, float, float, float, float]:
    p = m["partners"]
    return (
        p["precision"],
        p["recall"],
        p["f1"],
        m["partnership_classification"]["f1"],
        m["agreements"]["f1"],
    )


def verdict(r: Result, base: Result) -> str:
    pf, cf = figures(r.pooled)[2], figures(r.pooled)[3]
    bpf, bcf = figures(base.pooled)[2], figures(base.pooled)[3]
    worst = min(
        min(
            figures(r.folds[f])[2] - figures(base.folds[f])[2],
            figures(r.folds[f])[3] - figures(base.folds[f])[3],
        )
        for f in OPEN
    )
    raised = pf > bpf + 1e-9 or cf > bcf + 1e-9
    lowered = pf < bpf - 1e-9 or cf < bcf - 1e-9
    if raised and not lowered and worst >= -0.01:
        return "WIN"
    if raised and worst >= -0.01:
        return "mixed"
    if abs(pf - bpf) < 1e-9 and abs(cf - bcf) < 1e-9:
        return "same"
    return "no"


def print_result(r: Result, base: Result | None, detail: bool) -> None:
    pp, pr, pf, cf, af = figures(r.pooled)
    per = " ".join(f"{f}:{figures(r.folds[f])[2]:.3f}/{figures(r.folds[f])[3]:.2f}" for f in OPEN)
    mark = verdict(r, base) if base else "base"
    print(
        f"{r.name[:46]:<46} P {pp:.3f} R {pr:.3f} F1 {pf:.3f} cls {cf:.3f} agr {af:.3f}"
        f"  [{per}] {mark}",
        flush=True,
    )
    if detail:
        print("  fold   P     R     F1    class  agr")
        for f in OPEN:
            fp, fr, ff, fc, fa = figures(r.folds[f])
            print(f"  {f:<5}{fp:>6.3f}{fr:>6.3f}{ff:>6.3f}{fc:>7.3f}{fa:>6.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", action="append", default=[], help="variants whose name has this")
    ap.add_argument("--single-ablation", action="store_true", help="drop features one at a time")
    ap.add_argument("--detail", action="store_true", help="a per-fold table for each variant")
    args = ap.parse_args()
    if not SCORER.exists():
        print(f"no corpus at {CORPUS}: nothing to measure")
        return
    score = scorer()
    t0 = time.perf_counter()
    articles, gold = load_corpus(CORPUS)
    # The seal: c3's articles are not even analysed.
    articles = [a for a in articles if fold_of(a.id) in OPEN]
    gold = {k: g for k, g in gold.items() if fold_of(k) in OPEN}
    extractor = Extractor(Models.rules())
    analyses = [extractor.analyse(a) for a in articles]
    names = sorted({k for a in analyses for r in a.rows for k in r.features})
    print(
        f"{len(analyses)} open articles ({', '.join(OPEN)}), "
        f"{sum(len(a.rows) for a in analyses)} candidate rows, {len(names)} partner features; "
        f"analysis {time.perf_counter() - t0:.1f} s"
    )
    print("name  pooled P/R/F1, class F1, agreements F1  [fold: partners F1/class F1]  verdict")
    base: Result | None = None
    for v in variants(args.single_ablation, names):
        if base is not None and args.only and not any(s in v.name for s in args.only):
            continue
        t = time.perf_counter()
        r = run(v, extractor, analyses, gold, score)
        print_result(r, base, args.detail or base is None)
        if base is None:
            base = r
        del t


if __name__ == "__main__":
    main()
