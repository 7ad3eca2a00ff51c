"""Extraction throughput on one core, models loaded once: articles per second.

Measured on ../shared/corpus/dev.jsonl when present, else on generated ~2,000-character texts.
Prints figures only; there is no pass/fail here.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.extraction import ArticleInput, Extractor  # noqa: E402  # after the sys.path fix-up

DEV = ROOT.parent / "shared" / "corpus" / "dev.jsonl"

_RU = [
    "Делегация {org} посетила Политехнический университет для обсуждения сотрудничества.",
    "Ректор СПбПУ и руководство {org} подписали соглашение о научном сотрудничестве.",
    "Стороны обсудили совместные образовательные программы и академическую мобильность.",
    "В рамках визита гости познакомились с лабораториями и научными группами университета.",
]
_ORGS = [
    "Харбинского инженерного университета",
    "Ташкентского государственного технического университета",
    "компании «Силовые машины»",
    "Посольства Индонезии",
]


def synthetic(n: int) -> list[ArticleInput]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        parts: list[str] = []
        while sum(len(p) for p in parts) < 2000:
            parts.append(rng.choice(_RU).format(org=rng.choice(_ORGS)))
        out.append(ArticleInput(id=f"s{i}", title="Сотрудничество", text=" ".join(parts)))
    return out


def load() -> tuple[str, list[ArticleInput]]:
    if not DEV.exists():
        return "synthetic", synthetic(60)
    with DEV.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return str(DEV), [
        ArticleInput(
            id=str(r["id"]),
            title=r.get("title") or "",
            text=r.get("text") or "",
            category=r.get("category"),
            lang=r.get("lang"),
        )
        for r in rows
    ]


def main() -> None:
    source, articles = load()
    t0 = time.perf_counter()
    extractor = Extractor()
    load_s = time.perf_counter() - t0
    extractor.extract(articles[0])  # warm-up
    rounds = 3
    chars = sum(len(a.text) for a in articles)
    t0 = time.perf_counter()
    for _ in range(rounds):
        for article in articles:
            extractor.extract(article)
    elapsed = time.perf_counter() - t0
    n = rounds * len(articles)
    print(f"source: {source} ({len(articles)} articles, mean {chars // len(articles)} chars)")
    print(f"model load: {load_s:.2f} s")
    print(f"throughput: {n / elapsed:.1f} articles/s ({1000 * elapsed / n:.1f} ms/article)")


if __name__ == "__main__":
    main()
