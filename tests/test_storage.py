"""Storage on real SQLite: migrations, transactions, identity, search, outbox, chats."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest

from bot.services import open_services
from storage.chats import ChatRepository
from storage.db import Database, SqliteDatabase, migrations
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository, Outcome
from storage.partners import PartnerRepository
from storage.search import TsvectorIndex
from tests.conftest import _dsn_of, all_targets, draft, settings_on
from tests.pg import drop_database, with_database

pytestmark = pytest.mark.both_engines


async def test_migrations_apply_once_and_set_user_version(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    first = await Database.open(path)
    version = await first.schema_version()
    assert version == migrations()[-1][0] >= 1
    mode = await first.fetchval("PRAGMA journal_mode")
    assert mode == "wal"
    await first.close()
    again = await Database.open(path)  # re-opening applies nothing twice
    assert await again.schema_version() == version
    tables = {r[0] for r in await again.fetchall("SELECT name FROM sqlite_master")}
    assert {"feeds", "news", "news_fts", "chats", "subscriptions", "outbox"} <= tables
    await again.close()


@asynccontextmanager
async def old_database(
    engine: str,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    before: int,
    rows: list[str],
    name: str,
) -> AsyncIterator[Database]:
    """A database of `engine` at schema version `before` holding `rows`, opened (so migrated
    to today's schema) for the test, then closed and dropped."""
    server = ""
    if engine == "sqlite":
        target = str(tmp_path / f"{name}.sqlite3")
        with sqlite3.connect(target) as conn:
            for number, _, sql in migrations():
                if number <= before:
                    conn.executescript(f"{sql};PRAGMA user_version = {number};")
            for sql in rows:
                conn.execute(sql)
    else:
        server = request.getfixturevalue("pg_dsn")
        await with_database(server, name)
        target = _dsn_of(server, name)
        conn = await asyncpg.connect(target)
        try:
            await conn.execute("CREATE TABLE schema_version (version INTEGER)")
            for number, _, sql in migrations("storage.migrations.postgresql"):
                if number <= before:
                    await conn.execute(sql)
                    await conn.execute("INSERT INTO schema_version VALUES ($1)", number)
            for sql in rows:
                await conn.execute(sql)
        finally:
            await conn.close()
    db = await Database.open(target)
    try:
        yield db
    finally:
        await db.close()
        if server:
            await drop_database(server, name)


# The schema each engine had before the forum topics' own subscriptions (SQLite 0007,
# PostgreSQL 0003), the "show" correction (0008, 0004) and the subscriptions a hide retired
# (0009, 0005): those rebuild, alter or add tables.
_BEFORE_TOPICS = {"sqlite": 6, "postgresql": 2}


async def test_a_database_with_rows_migrates_from_before_topic_subscriptions(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Rows and ids of subscriptions and corrections survive the table rebuilds; the new keys
    hold (one subscription per topic, 'show' allowed) and a chat's id change still cascades."""
    before = _BEFORE_TOPICS[engine]
    rows = [
        "INSERT INTO chats (id, type, language, active, created_at, updated_at) "
        "VALUES (-5, 'supergroup', 'ru', 1, 'x', 'x')",
        "INSERT INTO subscriptions (id, chat_id, kind, value, thread_id, created_at) "
        "VALUES (7, -5, 'all', '', 61, 'x'), (9, -5, 'country', 'CN', NULL, 'x')",
        "INSERT INTO partner_corrections (id, action, name, name_key, source, created_at) "
        "VALUES (4, 'hide', 'A', 'a', 'telegram', 'x')",
        "INSERT INTO partners (id, name, kind, created_at) VALUES (3, 'A', 'other', 'x')",
        "INSERT INTO subscriptions (id, chat_id, kind, value, thread_id, created_at) "
        "VALUES (8, -5, 'partner', '3', 61, 'x')",
    ]
    async with old_database(engine, tmp_path, request, before, rows, "before_topics") as db:
        chats = ChatRepository(db)
        subs = await chats.subscriptions(-5)
        assert [(x.id, x.kind, x.thread_id) for x in subs] == [
            (7, "all", 61), (8, "partner", 61), (9, "country", None),
        ]  # fmt: skip
        await chats.retire_partner(8, 3)  # a hide retires it, kept to come back
        [(retired_id, retired, _)] = await chats.retired_partner_subscriptions()
        assert (retired.chat_id, retired.kind, retired.value, retired.thread_id) == (
            -5, "partner", "3", 61,
        )  # fmt: skip
        assert await chats.subscribe(-5, "all", "", 62)  # the same in another topic
        assert not await chats.subscribe(-5, "country", "CN", None)  # the same in the same
        async with db.transaction() as tx:
            await tx.execute(
                "INSERT INTO partner_corrections (action, name, name_key, source, created_at) "
                "VALUES ('show', 'A', 'a', 'telegram', 'x')"
            )
        corrections = await db.fetchall("SELECT id, action FROM partner_corrections")
        assert sorted(r[1] for r in corrections) == ["hide", "show"]
        assert (4, "hide") in {tuple(r) for r in corrections}
        await chats.migrate(-5, -1005)  # the chat's id changes: its subscriptions go with it
        assert {7, 9} < {x.id for x in await chats.subscriptions(-1005)}
        assert await chats.restore_partner(retired_id, 3)
        assert ("partner", "3", 61) in {
            (x.kind, x.value, x.thread_id) for x in await chats.subscriptions(-1005)
        }
        assert await chats.retired_partner_subscriptions() == []


async def test_transaction_rolls_back_on_error(db: Database) -> None:
    feeds = FeedRepository(db)
    [feed] = await feeds.ensure(["http://example.test/rss"])
    with pytest.raises(RuntimeError):
        async with db.transaction() as conn:
            await conn.execute("UPDATE feeds SET title = 'changed' WHERE id = ?", (feed.id,))
            raise RuntimeError("boom")
    assert (await feeds.get(feed.id)).title is None  # type: ignore[union-attr]


async def test_items_are_stored_once_by_key_and_by_link_across_feeds(db: Database) -> None:
    feeds, news = FeedRepository(db), NewsRepository(db)
    a, b = await feeds.ensure(["http://a.test/rss", "http://b.test/rss"])
    first = await news.add_new(a.id, [draft("g1", link="http://a.test/n/1")], announce=True)
    assert len(first) == 1
    # Same guid with a changed title and date: still the same item.
    changed = draft("g1", "Новый заголовок", link="http://a.test/n/1")
    assert await news.add_new(a.id, [changed], announce=True) == []
    # The same article in another feed under another guid: one item.
    assert await news.add_new(b.id, [draft("other", link="http://a.test/n/1")], announce=True) == []
    assert await news.count() == 1
    # Duplicates inside one batch are stored once.
    twice = [draft("g2"), draft("g2")]
    assert len(await news.add_new(a.id, twice, announce=False)) == 1


async def test_unique_constraints_hold_at_the_sql_level(db: Database) -> None:
    feeds, news = FeedRepository(db), NewsRepository(db)
    [feed] = await feeds.ensure(["http://a.test/rss"])
    [news_id] = await news.add_new(feed.id, [draft("k")], announce=True)
    with pytest.raises((sqlite3.IntegrityError, asyncpg.UniqueViolationError)):
        async with db.transaction() as conn:
            await conn.execute(
                "INSERT INTO news (feed_id, key, title, first_seen_at, announce) "
                "VALUES (?, 'k', 't', 'x', 1)",
                (feed.id,),
            )
    assert news_id > 0


async def test_search_finds_russian_word_forms_and_english(db: Database) -> None:
    feeds, news = FeedRepository(db), NewsRepository(db)
    [feed] = await feeds.ensure(["http://a.test/rss"])
    await news.add_new(
        feed.id,
        [
            draft("1", "Визит делегации", body="Стороны подписали соглашения о сотрудничестве."),
            draft("2", "Новый центр", body="Центр создан соглашением двух вузов."),
            draft("3", "Спорт", body="Команда выиграла турнир по волейболу."),
            draft("4", "Joint lab", body="The universities signed agreements on research."),
        ],
        announce=False,
    )
    found = {hit.item.key for hit in await news.search("соглашение")}
    assert found == {"1", "2"}
    assert {hit.item.key for hit in await news.search("agreement signing")} == {"4"}
    # Title matches outrank body matches.
    await news.add_new(feed.id, [draft("5", "Соглашение с заводом", body="Текст.")], announce=False)
    assert (await news.search("соглашение"))[0].item.key == "5"


async def test_a_common_word_is_answered_from_the_newest_matches_on_postgresql(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL ranks the newest RANKED matches only (ranking every match of a word in most
    articles took a second); SQLite ranks all. Here RANKED is 2 of 4 matches."""
    monkeypatch.setattr(TsvectorIndex, "RANKED", 2)
    feeds, news = FeedRepository(db), NewsRepository(db)
    [feed] = await feeds.ensure(["http://a.test/rss"])
    await news.add_new(
        feed.id,
        [
            draft("old", "Встреча", body="Соглашение подписано. Соглашение в силе."),
            draft("mid", "Визит", body="Обсудили соглашение."),
            draft("new1", "Выставка", body="Упомянуто соглашение."),
            draft("new2", "Форум", body="Говорили про соглашение."),
        ],
        announce=False,
    )
    keys = [hit.item.key for hit in await news.search("соглашение")]
    if db.engine == "postgresql":
        assert sorted(keys) == ["new1", "new2"]
    else:
        assert sorted(keys) == ["mid", "new1", "new2", "old"]
    # A title match among the newest still comes first.
    await news.add_new(feed.id, [draft("new3", "Соглашение", body="Текст.")], announce=False)
    assert (await news.search("соглашение"))[0].item.key == "new3"


@pytest.mark.parametrize(
    "query", ['"', "*", "NEAR(", "-", "OR", "AND NOT", '"соглашение', "a" * 5000, "", "  ", "🙂"]
)
async def test_search_survives_fts_syntax_and_junk(db: Database, query: str) -> None:
    feeds, news = FeedRepository(db), NewsRepository(db)
    [feed] = await feeds.ensure(["http://a.test/rss"])
    await news.add_new(feed.id, [draft("1", body="соглашение")], announce=False)
    hits = await news.search(query)
    assert isinstance(hits, list)
    if query.startswith('"'):
        assert len(hits) == (1 if "соглашение" in query else 0)


async def test_body_arrival_updates_search(db: Database) -> None:
    feeds, news = FeedRepository(db), NewsRepository(db)
    [feed] = await feeds.ensure(["http://a.test/rss"])
    [news_id] = await news.add_new(
        feed.id, [draft("1", link="http://a.test/1", needs_page=True)], announce=True
    )
    assert (await news.get(news_id)).body_state == "pending"  # type: ignore[union-attr]
    assert await news.search("меморандум") == []
    await news.set_body(news_id, "Подписан меморандум о намерениях.")
    assert [h.item.id for h in await news.search("меморандумы")] == [news_id]


async def test_outbox_fan_out_is_idempotent_and_marks_the_item(db: Database) -> None:
    feeds, news, chats = FeedRepository(db), NewsRepository(db), ChatRepository(db)
    outbox = OutboxRepository(db)
    [feed] = await feeds.ensure(["http://a.test/rss"])
    [news_id] = await news.add_new(feed.id, [draft("1")], announce=True)
    for chat_id in (1, 2, -100):
        await chats.upsert(chat_id, "private" if chat_id > 0 else "supergroup", None, "ru")
        await chats.subscribe(chat_id)
    await chats.subscribe(1, "keyword", "x")  # a second subscription of the same chat
    targets = await all_targets(chats)
    assert sorted(t[0] for t in targets) == [-100, 1, 2]
    assert await outbox.fan_out(news_id, targets) == 3
    assert await outbox.fan_out(news_id, targets + targets) == 0
    assert await news.unannounced() == []


async def test_outbox_claim_record_and_release(db: Database) -> None:
    feeds, news, chats = FeedRepository(db), NewsRepository(db), ChatRepository(db)
    outbox = OutboxRepository(db)
    [feed] = await feeds.ensure(["http://a.test/rss"])
    ids = await news.add_new(feed.id, [draft("1"), draft("2")], announce=True)
    await chats.upsert(7, "private", None, "en")
    await chats.subscribe(7)
    for news_id in ids:
        await outbox.fan_out(news_id, await all_targets(chats))
    due = await outbox.due(10)
    assert [d.news_id for d in due] == ids  # oldest item first
    assert due[0].language == "en"
    await outbox.claim([d.id for d in due])
    assert await outbox.due(10) == []
    await outbox.record([Outcome(due[0].id, "sent", 1, message_id=5)])
    # A crash now: the second row was in flight; start-up releases it, the sent one stays sent.
    assert await outbox.release_in_flight() == 1
    assert [d.id for d in await outbox.due(10)] == [due[1].id]
    stats = await outbox.stats()
    assert stats.by_state == {"sent": 1, "pending": 1}
    assert stats.sent_last_minute == 1


async def test_chat_deactivation_drops_pending_and_migration_moves_them(db: Database) -> None:
    feeds, news, chats = FeedRepository(db), NewsRepository(db), ChatRepository(db)
    outbox = OutboxRepository(db)
    [feed] = await feeds.ensure(["http://a.test/rss"])
    [news_id] = await news.add_new(feed.id, [draft("1")], announce=True)
    await chats.upsert(5, "private", None, "ru")
    await chats.subscribe(5)
    await chats.upsert(-10, "group", "G", "ru")
    await chats.subscribe(-10, thread_id=None)
    await outbox.fan_out(news_id, await all_targets(chats))
    assert await chats.deactivate(5, "blocked") == 1
    assert (await chats.get(5)).active is False  # type: ignore[union-attr]
    assert await all_targets(chats) == [(-10, None)]
    await chats.migrate(-10, -10010)
    assert await chats.get(-10) is None
    assert [s.chat_id for s in await chats.subscriptions(-10010)] == [-10010]
    assert [d.chat_id for d in await outbox.due(10)] == [-10010]
    # Hearing from a deactivated chat again makes it active.
    await chats.upsert(5, "private", None, None)
    assert (await chats.get(5)).active is True  # type: ignore[union-attr]


async def test_a_failed_commit_leaves_no_transaction_open(db: Database) -> None:
    if not isinstance(db, SqliteDatabase):
        pytest.skip("SQLite's one shared connection; PostgreSQL's pool discards a failed one")
    with pytest.raises(sqlite3.IntegrityError):
        async with db.transaction() as conn:
            # A deferred foreign key fails at COMMIT, which leaves the transaction open.
            await conn.execute("PRAGMA defer_foreign_keys = ON")
            await conn.execute(
                """INSERT INTO outbox (news_id, chat_id, next_attempt_at, created_at)
                   VALUES (999999, 1, '2000-01-01', '2000-01-01')"""
            )
    assert not db.conn.in_transaction
    await ChatRepository(db).upsert(1, "private", None, "ru")  # the next writer is not refused
    assert await db.fetchval("SELECT COUNT(*) FROM outbox") == 0


# The schema each engine had before agreements knew their first report (SQLite 0010,
# PostgreSQL 0006).
_BEFORE_FIRST_REPORTS = {"sqlite": 9, "postgresql": 5}


async def test_agreements_stored_before_first_reports_become_one_entry_at_start(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A database holding one document's two reports migrates (its rows and ids kept), and the
    start-up's grouping lists them as one entry dated by the earlier article."""
    before = _BEFORE_FIRST_REPORTS[engine]
    rows = [
        "INSERT INTO feeds (id, url, created_at) VALUES (1, 'http://site.test/rss', 'x')",
        "INSERT INTO news (id, feed_id, key, link, title, published_at, first_seen_at, announce)"
        " VALUES (5, 1, 'later', 'https://site.test/later', 'Позже', '2023-06-01T09:00:00.000000Z',"
        " 'x', 1), (6, 1, 'earlier', 'https://site.test/earlier', 'Раньше',"
        " '2023-05-01T09:00:00.000000Z', 'x', 1)",
        "INSERT INTO partners (id, name, kind, created_at) VALUES (3, 'Институт', 'research', 'x')",
        "INSERT INTO agreements (id, news_id, kind, title) VALUES"
        " (11, 5, 'agreement', 'О лаборатории «Северный свет»'),"
        " (12, 6, 'agreement', 'о лаборатории \"Северный свет\"')",
        "INSERT INTO agreement_parties (agreement_id, partner_id) VALUES (11, 3), (12, 3)",
    ]
    async with old_database(engine, tmp_path, request, before, rows, "before_first_reports") as db:
        partners = PartnerRepository(db)
        listed, total = await partners.agreements()
        assert total == 2  # as stored: each its own entry until grouped
        async with open_services(settings_on(db, feed_urls=["http://127.0.0.1:9/"]), db=db):
            pass  # the bot's start-up
        [entry], total = await partners.agreements()
        assert (total, entry.id, entry.news_id, entry.sources) == (1, 12, 6, 2)
        assert entry.news_link == "https://site.test/earlier"
        assert await db.fetchval("SELECT first_report FROM agreements WHERE id = 11") == 12
