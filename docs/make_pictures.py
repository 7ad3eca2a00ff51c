"""Render the README's demo pictures from the real articles in ../shared/corpus.

The articles (dev.jsonl and round2.jsonl: SPbPU news with their URLs and dates) are stored in a
temporary database, their partners and agreements extracted by the bot's own pipeline, and the
pictures drawn by the same PictureService the bot uses:

    .venv/bin/python docs/make_pictures.py [--corpus ../shared/corpus]
"""

# ruff: noqa: T201  (a script that reports what it wrote)
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.facts.service import ExtractionWorker, FactsService  # noqa: E402  # after the sys.path fix-up
from bot.reports.pictures.service import PictureService  # noqa: E402
from bot.services import Repositories  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.news import NewsDraft  # noqa: E402
from storage.reports import ReportRepository  # noqa: E402

OUT = ROOT / "docs"


def when(text: str) -> datetime | None:
    """The corpus gives YYYY-MM or YYYY-MM-DD; a month is dated on its 15th."""
    bits = [int(b) for b in text.split("-")[:3]] if text else []
    if len(bits) < 2:
        return None
    return datetime(bits[0], bits[1], bits[2] if len(bits) > 2 else 15, 9, tzinfo=UTC)


async def build(db: Database, corpus: Path) -> Repositories:
    repos = Repositories.on(db)
    [feed] = await repos.feeds.ensure(["https://www.spbstu.ru/media/news/rss/"])
    drafts = []
    for name in ("dev.jsonl", "round2.jsonl"):
        for line in (corpus / name).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            drafts.append(
                NewsDraft(
                    key=r["id"],
                    link_key=r.get("url"),
                    guid=r["id"],
                    link=r.get("url"),
                    title=r.get("title") or r["text"].split("\n")[0][:200],
                    teaser="",
                    body=r["text"],
                    category=None,
                    image_url=None,
                    published_at=when(r.get("date", "")),
                    needs_page=False,
                )  # fmt: skip
            )
    await repos.news.add_new(feed.id, drafts, announce=False)
    worker = ExtractionWorker()
    try:
        await FactsService(worker, repos.news, repos.partners).process_pending()
    finally:
        worker.close()
    return repos


async def main(corpus: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "demo.sqlite3")
        repos = await build(db, corpus)
        reports = ReportRepository(db)
        pictures = PictureService(reports)
        print(
            f"{await repos.news.count()} articles, {await repos.partners.count()} partners, "
            f"{(await repos.partners.agreements(limit=1))[1]} agreements"
        )
        top = max(await reports.partners(), key=lambda p: (p.mentions, p.agreements))
        made = {
            "map.png": await pictures.world_map("ru"),
            "chart.png": await pictures.overview("en"),
            "timeline.png": await pictures.timeline(top.id, "ru"),
        }
        for name, picture in made.items():
            assert picture is not None and picture.png is not None
            (OUT / name).write_bytes(picture.png)
            head = picture.caption.splitlines()[0]
            print(f"docs/{name}: {len(picture.png) // 1024} KiB — {head}")
        await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    asyncio.run(main(parser.parse_args().corpus))
