"""migrate-db speed: a SQLite installation copied to PostgreSQL, then copied again (no change,
then a day's worth of changes), as an operator runs it before and after stopping the bot.

.venv/bin/python bench/bench_migrate_db.py [--news 3000] [--outbox 10000] [--dsn postgresql://…]

Without --dsn a throwaway PostgreSQL server is started (tests/pg.py: initdb and pg_ctl on PATH;
durability off, so the figures are the copy's own work, not the disk's).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storage.chats import ChatRepository  # noqa: E402  # after the sys.path fix-up
from storage.copy import CopyReport, copy_to_postgres  # noqa: E402
from storage.db import Database, utcnow  # noqa: E402
from storage.feeds import FeedRepository  # noqa: E402
from storage.news import NewsRepository  # noqa: E402
from storage.outbox import OutboxRepository, Outcome  # noqa: E402
from tests.conftest import draft  # noqa: E402
from tests.pg import PostgresServer, unavailable, with_database  # noqa: E402

CHATS = 50
BODY = (
    "Санкт-Петербургский политехнический университет Петра Великого и зарубежный партнёр "
    "подписали соглашение о сотрудничестве в области образования и науки. "
) * 12  # about 2 KB, as an article's text


async def fill(db: Database, news_count: int, outbox_count: int) -> None:
    news, chats, outbox = NewsRepository(db), ChatRepository(db), OutboxRepository(db)
    [feed] = await FeedRepository(db).ensure(["https://example.test/rss"])
    for chat_id in range(1, CHATS + 1):
        await chats.upsert(chat_id, "private", None, "ru")
        await chats.subscribe(chat_id)
    ids: list[int] = []
    for start in range(0, news_count, 200):
        drafts = [
            draft(f"k{n}", f"Новость {n}: соглашение с партнёром", body=BODY)
            for n in range(start, min(start + 200, news_count))
        ]
        ids += await news.add_new(feed.id, drafts, announce=True)
    queued = 0
    for news_id in ids:
        if queued >= outbox_count:
            break
        take = min(CHATS, outbox_count - queued)
        queued += await outbox.fan_out(news_id, [(c, None) for c in range(1, take + 1)])
    # Most were sent, as in a bot that has run for a while.
    due = await outbox.due(outbox_count)
    sent = [d.id for d in due[: len(due) * 4 // 5]]
    claimed = await outbox.claim(sent)
    await outbox.record([Outcome(i, "sent", 1, message_id=i) for i in claimed])


async def a_day_later(db: Database) -> None:
    """What a day brings: some sends, new items and their fan-out, a prune, a chat gone."""
    news, outbox = NewsRepository(db), OutboxRepository(db)
    due = await outbox.due(500)
    claimed = await outbox.claim([d.id for d in due])
    await outbox.record([Outcome(i, "sent", 1, message_id=i) for i in claimed])
    [feed] = await FeedRepository(db).all()
    ids = await news.add_new(
        feed.id, [draft(f"day{n}", f"Новость дня {n}", body=BODY) for n in range(30)], announce=True
    )
    for news_id in ids:
        await outbox.fan_out(news_id, [(c, None) for c in range(1, CHATS + 1)])
    await outbox.prune(utcnow() + timedelta(days=1), batch=1000)
    await ChatRepository(db).deactivate(7, "Forbidden: bot was blocked by the user")


def show(what: str, report: CopyReport) -> None:
    rows = sum(t.rows for t in report.tables)
    changed = sum(t.added + t.updated + t.deleted for t in report.tables)
    print(
        f"{what}: {rows} rows in the snapshot, {changed} added/updated/deleted, "
        f"{report.seconds:.2f}s ({rows / report.seconds:,.0f} rows/s)"
    )


async def run(news_count: int, outbox_count: int, dsn: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bot.sqlite3"
        db = await Database.open(path)
        started = time.perf_counter()
        await fill(db, news_count, outbox_count)
        print(
            f"source: {await db.fetchval('SELECT COUNT(*) FROM news')} news, "
            f"{await db.fetchval('SELECT COUNT(*) FROM outbox')} outbox rows, "
            f"{path.stat().st_size / 1e6:.1f} MB (built in {time.perf_counter() - started:.0f}s)"
        )
        try:
            first = await copy_to_postgres(path, dsn)
            show("first copy (empty target)", first)
            for line in first.lines()[:-1]:
                print(f"  {line}")
            show("second copy (nothing changed)", await copy_to_postgres(path, dsn))
            await a_day_later(db)
            show("third copy (a day's changes)", await copy_to_postgres(path, dsn))
        finally:
            await db.close()


async def throwaway(news_count: int, outbox_count: int) -> None:
    reason = unavailable()
    if reason is not None:
        sys.exit(f"no PostgreSQL for the benchmark: {reason}; give --dsn")
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    assert initdb is not None and pg_ctl is not None
    server = PostgresServer(initdb, pg_ctl, "postgres" if os.geteuid() == 0 else None)
    server.start()
    try:
        await with_database(server.dsn, "bench")
        await run(news_count, outbox_count, server.dsn.rsplit("/", 1)[0] + "/bench")
    finally:
        server.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--news", type=int, default=3000)
    parser.add_argument("--outbox", type=int, default=10000)
    parser.add_argument("--dsn", help="an empty PostgreSQL database to copy into")
    args = parser.parse_args()
    if args.dsn:
        asyncio.run(run(args.news, args.outbox, args.dsn))
    else:
        asyncio.run(throwaway(args.news, args.outbox))
