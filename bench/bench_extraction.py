"""Extraction throughput on one core, models loaded once: articles per second.

Measured on ../shared/corpus/dev.jsonl when present, else on generated ~2,000-character texts.
Prints figures only; there is no pass/fail here.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.facts.extraction import ArticleInput, Extractor  # noqa: E402  # after the sys.path fix-up

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


def joined(articles: list[ArticleInput], size: int = 2000) -> list[ArticleInput]:
    """Real texts joined in order until each is at least `size` characters (the issue's size)."""
    out: list[ArticleInput] = []
    parts: list[str] = []
    for article in articles:
        parts.append(article.text)
        if sum(len(p) for p in parts) >= size:
            out.append(
                ArticleInput(id=f"j{len(out)}", title=article.title, text="\n\n".join(parts))
            )
            parts = []
    return out


def measure(extractor: Extractor, label: str, articles: list[ArticleInput], rounds: int) -> None:
    chars = sum(len(a.text) for a in articles) // max(len(articles), 1)
    t0 = time.perf_counter()
    for _ in range(rounds):
        for article in articles:
            extractor.extract(article)
    elapsed = time.perf_counter() - t0
    n = rounds * len(articles)
    print(
        f"{label}: {len(articles)} articles, mean {chars} chars: "
        f"{n / elapsed:.1f} articles/s ({1000 * elapsed / n:.1f} ms/article)"
    )


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the issue asks
    source, articles = load()
    t0 = time.perf_counter()
    extractor = Extractor()
    load_s = time.perf_counter() - t0
    extractor.extract(articles[0])  # warm-up
    print(f"source: {source}; model load: {load_s:.2f} s; one core")
    measure(extractor, "as stored", articles, 3)
    measure(extractor, "joined to >= 2,000 chars", joined(articles), 3)


if __name__ == "__main__":
    main()
