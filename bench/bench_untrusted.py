"""Cost of hostile input on the paths that handle it: announcement summaries (on the event loop),
feed parsing with declared entities, and stripping invisible characters. Prints figures only.

    .venv/bin/python bench/bench_untrusted.py
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.ingest.feeds import parse_feed, strip_invisible  # noqa: E402
from bot.text.summary import first_sentences  # noqa: E402  # after the sys.path fix-up


def timed(label: str, work: Callable[[str], object], arg: str, repeats: int = 5) -> None:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        work(arg)
        best = min(best, time.process_time() - started)
    print(f"{label}: {best * 1000:.1f} ms CPU (best of {repeats})")


def main() -> None:
    for size in (20_000, 50_000, 1_000_000):
        initials = ("Стороны обсудили пункт а. " * (size // 26 + 1))[:size]
        label = f"first_sentences, one {size:,}-char paragraph of rejected boundaries"
        timed(label, first_sentences, initials)
        many = ("Текст. Т " * (size // 9 + 1))[:size]
        timed(f"first_sentences, {size:,} chars of short sentences", first_sentences, many)
    text = ("Политех\u200b и \u202eпартнёры\u202c подписали соглашение. " * 20_000)[:1_000_000]
    timed("strip_invisible, 1,000,000 chars with bidi and zero-width marks", strip_invisible, text)
    refs = "&a;" * 1_600_000
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "' + "lol " * 30 + '">\n]>\n'
        '<rss version="2.0"><channel><title>T</title><item><title>x</title><guid>g</guid>'
        f"<description>{refs}</description></item></channel></rss>"
    ).encode()
    started = time.process_time()
    feed = parse_feed(bomb, "http://example.org/rss")
    spent = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"parse_feed, {len(bomb) / 1e6:.1f} MB feed declaring an entity referenced 1.6M times: "
        f"{spent:.2f} s CPU, teaser {len(feed.items[0].teaser):,} chars, peak RSS {peak:.0f} MiB "
        "(before the fix: 192M chars, ~22-67 s CPU, ~4 GiB)"
    )


if __name__ == "__main__":
    main()
