"""Small logistic models: fitted by the training command, applied here in plain Python.

A model is a JSON object: feature names, standardisation (mean, scale), weights, bias and the
decision threshold. Fitting uses numpy (L2-penalised Newton steps), so training needs nothing
beyond the runtime dependencies and gives the same weights on every run.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Logistic:
    """P(positive | features); features missing from the input count as 0."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5

    def margin(self, x: Mapping[str, float]) -> float:
        """The log-odds before the sigmoid (what `prob` squashes)."""
        z = self.bias
        for name, mu, sd, w in zip(self.features, self.mean, self.scale, self.weights, strict=True):
            z += w * (x.get(name, 0.0) - mu) / sd
        return z

    def prob(self, x: Mapping[str, float]) -> float:
        z = self.margin(x)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def accept(self, x: Mapping[str, float]) -> bool:
        return self.prob(x) >= self.threshold

    def to_json(self) -> dict[str, Any]:
        return {
            "threshold": round(self.threshold, 4),
            "bias": round(self.bias, 6),
            "weights": {
                name: [round(w, 6), round(mu, 6), round(sd, 6)]
                for name, w, mu, sd in zip(
                    self.features, self.weights, self.mean, self.scale, strict=True
                )
            },
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Logistic:
        weights: dict[str, list[float]] = raw["weights"]
        names = tuple(weights)
        return cls(
            features=names,
            weights=tuple(float(weights[n][0]) for n in names),
            mean=tuple(float(weights[n][1]) for n in names),
            scale=tuple(float(weights[n][2]) for n in names),
            bias=float(raw["bias"]),
            threshold=float(raw.get("threshold", 0.5)),
        )


def fit(
    rows: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    l2: float = 1.0,
    threshold: float = 0.5,
    min_count: int = 1,
    bag_l2: float | None = None,
) -> Logistic:
    """L2-penalised logistic regression by Newton's method on standardised features; a bag
    feature (a name with ":") is kept only if at least `min_count` rows have it, and is
    penalised by `bag_l2` instead of `l2` when that is given."""
    import numpy as np

    counts = Counter(k for r in rows for k, v in r.items() if v)
    names = sorted(
        k for k in {k for r in rows for k in r} if ":" not in k or counts[k] >= min_count
    )
    x = np.array([[r.get(n, 0.0) for n in names] for r in rows], dtype=float)
    y = np.array(labels, dtype=float)
    mean = x.mean(axis=0) if len(rows) else np.zeros(len(names))
    scale = x.std(axis=0) if len(rows) else np.ones(len(names))
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    a = np.hstack([z, np.ones((len(rows), 1))])
    w = np.zeros(a.shape[1])
    penalty = np.array(
        [bag_l2 if bag_l2 is not None and ":" in n else l2 for n in names] + [l2], dtype=float
    )
    penalty[-1] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(a @ w, -30, 30)))
        grad = a.T @ (p - y) + penalty * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(penalty + 1e-9)
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
        threshold=threshold,
    )
