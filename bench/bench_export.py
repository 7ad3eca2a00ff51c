"""Export time: every format of the agreements (and partners) table of a large registry.

.venv/bin/python bench/bench_export.py [--agreements 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402  # after the sys.path fix-up
from bot.services import Repositories, export  # noqa: E402
from storage.db import Database  # noqa: E402
from tests.registry_data import fill  # noqa: E402


async def main(agreements: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        db = await Database.open(path)
        repos = Repositories.on(db)
        started = time.perf_counter()
        # One agreement per partner, each partner in its own article.
        await fill(
            repos.feeds, repos.news, repos.partners,
            partners_count=agreements, countries_count=60,
        )  # fmt: skip
        print(
            f"registry: {(await repos.partners.agreements(limit=1))[1]} agreements, "
            f"{await repos.partners.count()} partners (built in "
            f"{time.perf_counter() - started:.0f}s)"
        )
        await db.close()
        settings = Settings(database_path=path, feed_urls=["https://example.test/rss"])
        for table in ("agreements", "partners"):
            for fmt in ("jsonl", "csv", "xlsx"):
                output = Path(tmp) / f"{table}.{fmt}"
                started = time.perf_counter()
                await export(settings, table, fmt, output, io.BytesIO())
                took = time.perf_counter() - started
                size = output.stat().st_size
                print(f"export {table} --format {fmt}: {took:.2f}s, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agreements", type=int, default=10000)
    asyncio.run(main(parser.parse_args().agreements))
