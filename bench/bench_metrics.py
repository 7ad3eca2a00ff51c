"""What a /metrics scrape costs on a big database: the cheap gauges, and the rare settled recount.

Builds a database with `--items` news items and `--rows` outbox rows (2% pending, the rest
sent over the last month), then times `Metrics.render()` (which reads the database) and the
full recount of the settled states.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bot.serving.metrics import Metrics
from storage.db import Database, to_db, utcnow
from storage.monitoring import MonitoringRepository


def fill(path: Path, items: int, rows: int) -> None:
    moment = utcnow()
    now = to_db(moment)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO feeds (url, created_at) VALUES ('https://x.test/rss', ?)", (now,))
    conn.executemany(
        "INSERT INTO news (feed_id, key, title, first_seen_at, announce, extracted_at) "
        "VALUES (1, ?, 'title', ?, 1, ?)",
        ((f"k{i}", now, now if i % 100 else None) for i in range(items)),
    )
    per_item = max(1, rows // items)
    conn.executemany(
        "INSERT INTO outbox (news_id, chat_id, state, next_attempt_at, sent_at, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            (
                1 + i // per_item,
                i % per_item,
                "pending" if i % 50 == 0 else "sent",
                now,
                # Sends spread over the last 30 days the newest row last.
                None if i % 50 == 0 else to_db(moment - timedelta(seconds=(rows - i) * 2.6)),
                now,
            )
            for i in range(rows)
        ),
    )
    conn.commit()
    conn.close()


async def measure(path: Path, scrapes: int) -> None:
    db = await Database.open(path)
    try:
        monitoring = MonitoringRepository(db)
        metrics = Metrics(monitoring)
        started = time.perf_counter()
        await metrics.render()  # the first scrape also recounts the settled states
        first = time.perf_counter() - started
        times = []
        for _ in range(scrapes):
            started = time.perf_counter()
            await metrics.render()
            times.append(time.perf_counter() - started)
        started = time.perf_counter()
        await monitoring.outbox_settled()
        settled = time.perf_counter() - started
    finally:
        await db.close()
    print(f"first scrape (with the settled recount): {first * 1000:.0f} ms")
    print(
        f"later scrapes: median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms over {scrapes}"
    )
    print(f"settled recount alone (every 5 min): {settled * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--scrapes", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bot.sqlite3"
        asyncio.run(migrate(path))
        started = time.perf_counter()
        fill(path, args.items, args.rows)
        print(
            f"{args.items:,} items, {args.rows:,} outbox rows "
            f"(filled in {time.perf_counter() - started:.0f}s)"
        )
        asyncio.run(measure(path, args.scrapes))


async def migrate(path: Path) -> None:
    db = await Database.open(path)
    await db.close()


if __name__ == "__main__":
    main()
