"""Retention (issue 10.11): sends are pruned, the file shrinks, /stats reads indexes."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from bot.delivery.retention import Retention
from bot.scheduler import PRUNE_JOB_ID, build_scheduler
from storage.chats import ChatRepository
from storage.db import Database, SqliteDatabase, utcnow
from storage.digests import DigestRepository
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository, Outcome
from tests.conftest import all_targets, draft, sqlite_only

pytestmark = pytest.mark.both_engines


async def _sent_history(db: Database, chats: int, items: int) -> list[int]:
    """`items` items fanned out to `chats` chats and sent, as the delivery worker records them."""
    chat_repo, news, outbox = ChatRepository(db), NewsRepository(db), OutboxRepository(db)
    for chat_id in range(1, chats + 1):
        await chat_repo.upsert(chat_id, "private", None, "ru")
        await chat_repo.subscribe(chat_id)
    [feed] = await FeedRepository(db).ensure(["http://127.0.0.1:9/rss"])
    drafts = [draft(f"k{n}", f"Новость {n}", body="Текст новости. " * 40) for n in range(items)]
    ids = await news.add_new(feed.id, drafts, announce=True)
    targets = await all_targets(chat_repo)
    for news_id in ids:
        await outbox.fan_out(news_id, targets)
    while due := await outbox.due(1000):
        claimed = await outbox.claim([d.id for d in due])
        await outbox.record([Outcome(i, "sent", 1, message_id=i) for i in claimed])
    return ids


async def test_final_rows_and_sent_digests_are_pruned_after_the_retention_period(
    db: Database,
) -> None:
    outbox, digests = OutboxRepository(db), DigestRepository(db)
    await _sent_history(db, chats=3, items=4)
    now = utcnow()
    assert await digests.add(1, "daily:old", "ru", "<b>Дайджест</b>", None, now)
    assert await digests.add(2, "daily:old", "ru", "<b>Дайджест</b>", None, now)
    [one, two] = await outbox.due(10)  # the two digests, queued
    await outbox.claim([one.id])
    await outbox.record([Outcome(one.id, "sent", 1, message_id=1)])  # the other is still on its way
    [feed] = await FeedRepository(db).ensure(["http://127.0.0.1:9/rss"])
    [late] = await NewsRepository(db).add_new(feed.id, [draft("late")], announce=True)
    await outbox.fan_out(late, [(1, None)])  # pending

    retention = Retention(db, outbox, digests, days=30)
    assert (await retention.prune(now + timedelta(days=29))).outbox_rows == 0
    report = await retention.prune(now + timedelta(days=31))
    assert (report.outbox_rows, report.digests) == (12 + 1, 1)
    assert (await outbox.stats()).by_state == {"pending": 2}
    assert await digests.text(two.digest_id or 0) == "<b>Дайджест</b>"  # still to be sent
    assert await db.fetchval("SELECT COUNT(*) FROM digests") == 1


async def test_pruning_gives_the_space_back(db: Database) -> None:
    sqlite_only(db, "its pages and auto-vacuum; PostgreSQL's autovacuum gives space back")
    assert await db.fetchval("PRAGMA auto_vacuum") == 2  # incremental
    await _sent_history(db, chats=200, items=60)
    await db.fetchall("PRAGMA wal_checkpoint(TRUNCATE)")
    full = int(await db.fetchval("PRAGMA page_count"))
    report = await Retention(db, OutboxRepository(db), DigestRepository(db), days=30).prune(
        utcnow() + timedelta(days=31)
    )
    assert report.outbox_rows == 12_000 and report.pages_freed > 0
    assert int(await db.fetchval("PRAGMA freelist_count")) == 0
    assert int(await db.fetchval("PRAGMA page_count")) < full * 0.6


async def test_an_existing_database_is_switched_to_incremental_auto_vacuum(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:  # as a build before retention made it
        old.execute("CREATE TABLE legacy (x)")
        assert old.execute("PRAGMA auto_vacuum").fetchone() == (0,)
    db = await Database.open(path)
    try:
        assert await db.fetchval("PRAGMA auto_vacuum") == 2
        assert await db.fetchval("PRAGMA journal_mode") == "wal"
    finally:
        await db.close()


async def test_stats_queries_read_indexes_not_the_history(db: Database) -> None:
    """/stats used to count outbox rows by state through a scan and a temporary B-tree."""
    sqlite_only(db, "its query plans")
    await _sent_history(db, chats=5, items=5)
    statements: list[str] = []
    assert isinstance(db, SqliteDatabase)
    await db.conn.set_trace_callback(statements.append)
    await OutboxRepository(db).stats()
    await NewsRepository(db).count()
    await ChatRepository(db).counts()
    await db.conn.set_trace_callback(None)
    checked = 0
    for sql in statements:
        if "outbox" not in sql:
            continue
        plan = [str(row[3]) for row in await db.fetchall("EXPLAIN QUERY PLAN " + sql)]
        assert not any("TEMP B-TREE" in step for step in plan), (sql, plan)
        assert all("INDEX" in step for step in plan if "outbox" in step), (sql, plan)
        checked += 1
    assert checked == 3


def test_the_prune_job_is_scheduled(db: Database) -> None:
    retention = Retention(db, OutboxRepository(db), DigestRepository(db), days=30)
    scheduler = build_scheduler(None, 600, retention=retention)  # type: ignore[arg-type]
    job = scheduler.get_job(PRUNE_JOB_ID)
    assert job is not None and job.max_instances == 1 and job.coalesce
