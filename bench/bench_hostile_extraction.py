"""CPU cost of hostile article pages through extraction, and of over-long names through
matching and the registry (the facts service keys names on the event loop). Prints figures only.

    .venv/bin/python bench/bench_hostile_extraction.py [--sizes 50000,200000]

Each case opens with an ordinary sentence naming a partner; the partners found are printed, so
a case that lost it shows. The normal-article rate is bench/bench_extraction.py's.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.facts import matching  # noqa: E402  # after the sys.path fix-up
from bot.facts.extraction import ArticleInput, Extractor, PartnerFact  # noqa: E402
from bot.facts.extraction.registry import Registry  # noqa: E402
from bot.facts.service import _clean  # noqa: E402

OPENING = (
    "Политехнический университет и Казанский федеральный университет подписали соглашение "
    "о сотрудничестве. "
)


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def texts(size: int) -> dict[str, str]:
    return {
        "no full stop": _fill(
            "стороны обсудили с компанией «Альфа» новые программы без точки ", size
        ),
        "only commas": _fill("Альфа, ", size),
        "capitalised word run": _fill("Университет Компания Институт Альфа Бета ", size),
        "quotes «««…»»»": "«" * (size // 2) + "Альфа" + "»" * (size // 2),
        "run of №": "школа " + "№ " * (size // 2),
        "one word of capitals": "Я" * size,
        # A capitalised word of small letters: the co-subject patterns («X и Политех
        # подписали», "X and SPbPU signed") backtracked inside it (~6 s at 30,000 letters,
        # an English page ~30 s).
        "one capitalised word": "Б" + "а" * (size - 1),
    }


def cpu(work: Callable[[], object]) -> tuple[float, object]:
    started = time.process_time()
    result = work()
    return (time.process_time() - started) * 1000, result


OPENING_EN = "SPbPU and Baltic Robotics Ltd signed an agreement on joint research. "


def texts_en(size: int) -> dict[str, str]:
    """English pages: the pattern of a company's name before its legal form was tried inside a
    hyphenated run from every capital (1.5 s CPU for the 30,000 characters read); that of a
    company's acts ("provided … equipment") from every "provid" (only within a sentence's
    2,000-character pieces, so hardly seen here)."""
    return {
        "en hyphenated capitals": _fill("Abcdefghij-", size),
        "en the hyphenated capitals": "the " + _fill("Abcdefghij-", size),
        "en one run of provided": _fill("provided", size),
    }


def extraction(ex: Extractor, sizes: list[int]) -> None:
    cases = [(f"{k}, {n:,} chars", OPENING + t) for n in sizes for k, t in texts(n).items()]
    listed = ", ".join(f"компания «Вега{i}»" for i in range(10_000))
    cases.append((f"list of 10,000 items, {len(listed):,} chars", OPENING + listed))
    cases += [(f"{k}, {n:,} chars", OPENING_EN + t) for n in sizes for k, t in texts_en(n).items()]
    for label, text in cases:
        lang = "en" if text.startswith(OPENING_EN) else "ru"
        title = "Cooperation" if lang == "en" else "Сотрудничество"
        article = ArticleInput(id="h", title=title, text=text, lang=lang)
        ms, result = cpu(lambda a=article: ex.extract(a))
        names = [p.name if len(p.name) < 60 else f"{p.name[:40]}… ({len(p.name)} chars)"
                 for p in getattr(result, "partners", ())]  # fmt: skip
        print(f"extract, {label}: {ms:,.0f} ms CPU; partners {names}")


def names(sizes: list[int]) -> None:
    registry = Registry.load()
    for size in sizes:
        name = _fill("Университет Альфа Бета Гамма ", size)
        fact = PartnerFact(name, None, (), None, "university")
        steps: list[tuple[str, Callable[[], object]]] = [
            ("bounded (the service's guard)", lambda f=fact: matching.bounded(f)),
            ("match_key", lambda n=name: matching.match_key(n)),
            ("fact_keys", lambda f=fact: matching.fact_keys(f)),
            ("registry lookup", lambda n=name: registry.lookup(n)),
            ("clean (unguarded)", lambda f=fact: _clean(f)),
        ]
        for label, work in steps:
            ms, _ = cpu(work)
            print(f"name of {size:,} chars, {label}: {ms:,.1f} ms CPU")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50000,200000", help="hostile text sizes, chars")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    ex = Extractor()
    ex.extract(ArticleInput(id="w", title="", text=OPENING, lang="ru"))  # warm-up
    extraction(ex, sizes)
    names([14_000, 100_000])


if __name__ == "__main__":
    main()
