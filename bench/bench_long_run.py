"""A simulated year: 1,000 items to 1,000 chats, polls, deliveries, digests and pruning.

The services run on real SQLite with a fake clock (every module's `utcnow` is the clock's), so a
year passes in minutes. Items are stored and announced as a poll does (`NewsRepository.add_new`,
facts recorded, `Ingestor.announce`); deliveries are recorded through the outbox repository as
the delivery worker records them; digests are made by `DigestService.run` each morning; the
retention job runs every 6 simulated hours. Prints the database's size month by month and the
/stats queries' time at the end.

    .venv/bin/python bench/bench_long_run.py [--items 1000] [--chats 1000] [--retention-days 30]
    .venv/bin/python bench/bench_long_run.py --no-prune     # the same year without retention
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import bot.delivery.digests  # noqa: E402  # after the sys.path fix-up
import bot.delivery.retention  # noqa: E402
import bot.ingest.poll  # noqa: E402
import storage.chats  # noqa: E402
import storage.db  # noqa: E402
import storage.digests  # noqa: E402
import storage.feeds  # noqa: E402
import storage.news  # noqa: E402
import storage.outbox  # noqa: E402
import storage.partners  # noqa: E402
from bot.delivery.audience import Audience  # noqa: E402
from bot.delivery.digests import DigestService  # noqa: E402
from bot.delivery.retention import Retention  # noqa: E402
from bot.ingest.feeds import HttpFetcher  # noqa: E402
from bot.ingest.poll import Ingestor  # noqa: E402
from bot.scheduler import PRUNE_EVERY  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.news import NewsDraft  # noqa: E402
from storage.outbox import Outcome  # noqa: E402

FEED = "http://127.0.0.1:9/rss"
START = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)  # a Monday
PARAGRAPH = (
    "Политехнический университет и партнёры обсудили совместные образовательные программы, "
    "академическую мобильность и научные проекты в области цифрового производства. "
)


class Clock:
    """The one clock of every module that asks for the time."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def install(clock: Clock) -> None:
    for module in (
        storage.db, storage.outbox, storage.news, storage.digests, storage.chats, storage.feeds,
        storage.partners, bot.ingest.poll, bot.delivery.digests, bot.delivery.retention,
    ):  # fmt: skip
        module.utcnow = clock  # type: ignore[attr-defined]


def file_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


async def stats_time(db: Database, repeats: int = 30) -> float:
    """Median seconds of the /stats queries (outbox by state, sends per minute/hour, counts)."""
    from storage.chats import ChatRepository
    from storage.news import NewsRepository
    from storage.outbox import OutboxRepository

    outbox, news, chats = OutboxRepository(db), NewsRepository(db), ChatRepository(db)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        await outbox.stats()
        await news.count()
        await chats.counts()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


async def run(items: int, chats: int, retention_days: int, prune: bool) -> None:
    from bot.services import Repositories

    clock = Clock(START)
    install(clock)
    path = Path(tempfile.mkdtemp(prefix="bench-long-")) / "bot.sqlite3"
    db = await Database.open(path)
    repos = Repositories.on(db)
    audience = Audience(repos.chats, repos.partners)
    digest_chats = chats * 15 // 100  # 10 % daily, 5 % weekly, the rest item by item
    for chat_id in range(1, chats + 1):
        await repos.chats.upsert(chat_id, "private", None, "ru" if chat_id % 4 else "en")
        await repos.chats.subscribe(chat_id)
        if chat_id <= digest_chats:
            mode = "daily" if chat_id <= digest_chats * 2 // 3 else "weekly"
            await repos.digests.set_mode(chat_id, mode, None)
    [feed] = await repos.feeds.ensure([FEED])
    retention = Retention(db, repos.outbox, repos.digests, days=retention_days)
    digests = DigestService(
        digests=repos.digests, chats=repos.chats, news=repos.news, partners=repos.partners,
        audience=audience,
    )  # fmt: skip
    sent = made = pruned_rows = 0
    async with HttpFetcher(user_agent="bench") as fetcher:
        ingestor = Ingestor(
            urls=[FEED], interval=600, fetcher=fetcher, feeds=repos.feeds, news=repos.news,
            audience=audience, outbox=repos.outbox,
        )  # fmt: skip
        year = timedelta(days=365)
        step = year / items
        next_digest = START.replace(hour=6)  # 9:00 Moscow
        next_prune = START + PRUNE_EVERY
        next_month = START + timedelta(days=30)
        started = time.perf_counter()
        print("day  items  outbox_rows  digests  db_MiB")
        for n in range(items):
            clock.now = START + step * n
            while next_digest <= clock.now:
                saved, clock.now = clock.now, next_digest
                made += await digests.run(next_digest)
                sent += await deliver(repos)
                clock.now = saved
                next_digest += timedelta(days=1)
            while prune and next_prune <= clock.now:
                saved, clock.now = clock.now, next_prune
                pruned_rows += (await retention.prune(next_prune)).outbox_rows
                clock.now = saved
                next_prune += PRUNE_EVERY
            draft = NewsDraft(
                key=f"item-{n}", link_key=None, guid=f"item-{n}",
                link=f"https://www.spbstu.ru/media/news/n/{n}/", title=f"Новость номер {n}",
                teaser=PARAGRAPH[:100], body=(PARAGRAPH * 12).strip(), category="Наука",
                image_url=None, published_at=clock.now, needs_page=False,
            )  # fmt: skip
            [news_id] = await repos.news.add_new(feed.id, [draft], announce=True)
            await repos.partners.replace_facts(news_id, True, [], [])  # as the facts service
            await ingestor.announce(clock.now)
            sent += await deliver(repos)
            if clock.now >= next_month:
                await report_month(db, path, clock.now, n + 1)
                next_month += timedelta(days=30)
        await report_month(db, path, clock.now, items)
    elapsed = time.perf_counter() - started
    await db.fetchall("PRAGMA wal_checkpoint(TRUNCATE)")
    stats = await stats_time(db)
    rows = await db.fetchval("SELECT COUNT(*) FROM outbox")
    kept_digests = await db.fetchval("SELECT COUNT(*) FROM digests")
    print(
        f"\n{items} items, {chats} chats ({digest_chats} on digests), one simulated year in "
        f"{elapsed:.0f} s; retention {f'{retention_days} days' if prune else 'off'}"
    )
    print(f"messages recorded sent: {sent}; digests made: {made}; rows pruned: {pruned_rows}")
    print(f"outbox rows kept: {rows}; digests kept: {kept_digests}")
    print(f"database size at the end: {file_size(path) / 2**20:.1f} MiB")
    print(f"/stats queries (median of 30): {stats * 1000:.2f} ms")
    await db.close()


async def deliver(repos: object) -> int:
    """Record every due row sent, as the delivery worker would after Telegram said ok."""
    outbox = repos.outbox  # type: ignore[attr-defined]
    done = 0
    while due := await outbox.due(2000):
        claimed = await outbox.claim([d.id for d in due])
        await outbox.record([Outcome(i, "sent", 1, message_id=i) for i in claimed])
        done += len(claimed)
    return done


async def report_month(db: Database, path: Path, now: datetime, items: int) -> None:
    rows = await db.fetchval("SELECT COUNT(*) FROM outbox")
    digests = await db.fetchval("SELECT COUNT(*) FROM digests")
    await db.fetchall("PRAGMA wal_checkpoint(TRUNCATE)")
    day = (now - START).days
    print(f"{day:>3}  {items:>5}  {rows:>11}  {digests:>7}  {file_size(path) / 2**20:>6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--retention-days", type=int, default=30)
    parser.add_argument("--no-prune", action="store_true")
    args = parser.parse_args()
    asyncio.run(run(args.items, args.chats, args.retention_days, not args.no_prune))


if __name__ == "__main__":
    main()
