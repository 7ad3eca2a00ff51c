"""`python -m bot migrate-db` (issue 13): a SQLite installation copied to PostgreSQL, repeatably.

Real SQLite written through the repositories, real PostgreSQL (tests/pg.py); every table is
compared row for row after each copy.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import sqlite3
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from storage.chats import ChatRepository
from storage.copy import CopyError, CopyReport, copy_to_postgres
from storage.db import Database, migrations, utcnow
from storage.digests import DigestRepository
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository, Outcome
from storage.partners import AgreementInput, PartnerInput, PartnerRepository
from tests.conftest import draft
from tests.pg import drop_database, with_database
from tests.test_cli import free_port, run_cli

# Every table of the SQLite schema but the FTS5 index (PostgreSQL keeps news_search instead).
TABLES = (
    "feeds", "news", "chats", "subscriptions", "digests", "outbox", "partners",
    "partner_aliases", "partner_mentions", "agreements", "agreement_parties",
    "partner_corrections", "retired_subscriptions", "extraction_state",
)  # fmt: skip

_numbers = itertools.count()


def _dsn_of(server_dsn: str, name: str) -> str:
    return server_dsn.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
async def target(pg_dsn: str) -> AsyncIterator[str]:
    """A new, empty PostgreSQL database (not migrated: migrate-db does that)."""
    name = f"copy{next(_numbers)}"
    await with_database(pg_dsn, name)
    try:
        yield _dsn_of(pg_dsn, name)
    finally:
        await drop_database(pg_dsn, name)


@pytest.fixture
async def source(tmp_path: Path) -> AsyncIterator[Database]:
    """The SQLite database of a running bot (kept open, as the bot keeps it)."""
    db = await Database.open(tmp_path / "bot.sqlite3")
    try:
        yield db
    finally:
        await db.close()


def _path(db: Database) -> Path:
    return Path(db.describe())


async def rows_of(db: Database, table: str) -> list[tuple[Any, ...]]:
    """The table's rows, columns in one fixed order, sorted the same way on both engines."""
    columns = [str(r[1]) for r in await _sqlite_columns(table)]
    rows = await db.fetchall(f"SELECT {', '.join(columns)} FROM {table}")
    return sorted((tuple(row) for row in rows), key=repr)


async def _sqlite_columns(table: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(":memory:") as scratch:  # the schema, from the bundled migrations
        from storage.db import migrations

        for _, _, sql in migrations():
            scratch.executescript(sql)
        return list(scratch.execute(f"PRAGMA table_info({table})"))


async def assert_same(sqlite: Database, pg: Database) -> dict[str, int]:
    counts = {}
    for table in TABLES:
        expected = await rows_of(sqlite, table)
        assert await rows_of(pg, table) == expected, table
        counts[table] = len(expected)
    # The search index is PostgreSQL's own, one document per item.
    assert await pg.fetchval("SELECT COUNT(*) FROM news_search") == counts["news"]
    return counts


def changes(report: CopyReport) -> dict[str, tuple[int, int, int]]:
    return {t.name: (t.added, t.updated, t.deleted) for t in report.tables}


TSINGHUA = PartnerInput(
    name="Университет Цинхуа",
    name_en="Tsinghua University",
    aliases=("Цинхуа",),
    country="CN",
    kind="university",
    keys={"университет цинхуа": "Университет Цинхуа", "цинхуа": "Цинхуа"},
    key="университет цинхуа",
)
SIEMENS = PartnerInput(
    name="Сименс",
    name_en="Siemens",
    aliases=(),
    country="DE",
    kind="company",
    keys={"сименс": "Сименс"},
    key="сименс",
)


async def populate(db: Database) -> list[int]:
    """A bit of everything a bot writes; returns the news ids."""
    feeds, news, chats = FeedRepository(db), NewsRepository(db), ChatRepository(db)
    outbox, digests, partners = OutboxRepository(db), DigestRepository(db), PartnerRepository(db)
    feed, other = await feeds.ensure(["http://127.0.0.1:9/rss", "http://127.0.0.1:9/en/rss"])
    await feeds.record_failure(other.id, "HTTP 503", next_check_at=utcnow() + timedelta(hours=1))
    ids = await news.add_new(
        feed.id,
        [
            draft("a1", "Политех и Университет Цинхуа подписали соглашение о сотрудничестве",
                  body="Соглашение предусматривает обмен студентами и совместные исследования."),
            draft("a2", "Совместная лаборатория с компанией Сименс", needs_page=True),
            draft("a3", "Зимняя школа для иностранных студентов",
                  body="Школа пройдёт в феврале; «кавычки» & <угловые скобки>."),
        ],
        announce=True,
    )  # fmt: skip
    await news.set_body(ids[1], "Лаборатория откроется весной. Партнёры подписали меморандум.")
    await news.add_new(other.id, [draft("old", "Архивная новость")], announce=False)
    for chat_id, kind in ((101, "private"), (-100200, "supergroup"), (303, "private")):
        await chats.upsert(chat_id, kind, None if kind == "private" else "Кафедра", "ru")
    await chats.subscribe(101)
    await chats.subscribe(-100200, "keyword", "лаборатория", thread_id=7)
    await chats.subscribe(303, "partnerships")
    await chats.subscribe(303, "country", "CN")
    for news_id in ids:
        await outbox.fan_out(news_id, [(101, None), (-100200, 7), (303, None)])
    due = await outbox.due(100)
    claimed = sorted(await outbox.claim([d.id for d in due[:4]]))
    await outbox.record(
        [Outcome(claimed[0], "sent", 1, message_id=5001), Outcome(claimed[1], "sent", 1,
         message_id=5002), Outcome(claimed[2], "failed", 3, error="Bad Request: chat not found"),
         Outcome(claimed[3], "pending", 1, next_attempt_at=utcnow() + timedelta(minutes=5),
         error="Too Many Requests: retry after 30")]
    )  # fmt: skip
    await chats.deactivate(303, "Forbidden: bot was blocked by the user")
    await digests.set_mode(101, "daily", None)
    await digests.add(101, "daily:2026-12-01", "ru", "<b>Дайджест</b> за день", None, utcnow())
    [tsinghua, siemens] = await partners.replace_facts(
        ids[0],
        True,
        [(None, TSINGHUA), (None, SIEMENS)],
        [AgreementInput("agreement", "Соглашение о сотрудничестве", "2026-12", (0, 1))],
    )
    # The same document reported again by a second article: a retelling of the first report.
    await partners.replace_facts(
        ids[1],
        True,
        [(siemens, SIEMENS), (tsinghua, TSINGHUA)],
        [AgreementInput("agreement", "соглашение о сотрудничестве", None, (0, 1))],
    )
    [dormant] = await partners.replace_facts(
        ids[2], False, [(None, PartnerInput("Tsinghua", None, (), "CN", "university",
                                             {"tsinghua": "Tsinghua"}, "tsinghua"))], []
    )  # fmt: skip
    await partners.replace_facts(ids[2], False, [], [])
    await partners.mark_merged(dormant, tsinghua)
    await partners.add_correction("rename", "Сименс", "сименс", "Siemens AG", created_by=777)
    await partners.add_correction("hide", "Политех", "политех", None, source="file")
    # A subscription an operator's hide retired, kept to come back with a show.
    await chats.subscribe(-100200, "partner", str(siemens), thread_id=7)
    [sub] = [s for s in await chats.subscriptions(-100200) if s.kind == "partner"]
    await chats.retire_partner(sub.id, siemens)
    await partners.set_extraction_fingerprint("0123456789abcdef")  # what made these facts
    return ids


async def test_every_table_is_copied_with_its_ids_and_search_and_sequences_work(
    source: Database, target: str
) -> None:
    with sqlite3.connect(_path(source)) as peek:
        tables = {r[0] for r in peek.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {t for t in tables if not t.startswith("news_fts")} == set(TABLES)
    news_ids = await populate(source)

    report = await copy_to_postgres(_path(source), target)
    order = [t.name for t in report.tables]
    for parent, child in (
        ("feeds", "news"),
        ("news", "outbox"),
        ("digests", "outbox"),
        ("chats", "subscriptions"),
        ("agreements", "agreement_parties"),
    ):
        assert order.index(parent) < order.index(child)  # parents first
    pg = await Database.open(target)
    try:
        counts = await assert_same(source, pg)
        assert all(counts.values()), counts  # every table has rows to compare
        assert {t.name: (t.rows, t.added) for t in report.tables} == {
            name: (n, n) for name, n in counts.items()
        }
        assert {t.updated + t.deleted for t in report.tables} == {0}
        assert await pg.fetchval("SELECT COUNT(*) FROM outbox WHERE state = 'sent'") == 2
        # The retelling still points at its first report: one entry, reported twice.
        listed, total = await PartnerRepository(pg).agreements()
        assert total == 1 and [(a.news_id, a.sources) for a in listed] == [(news_ids[0], 2)]

        found = await NewsRepository(pg).search("соглашением")  # a form no text holds
        assert [hit.item.id for hit in found] == [news_ids[0]]
        found = await NewsRepository(pg).search("лабораторий")
        assert [hit.item.id for hit in found] == [news_ids[1]]

        # New rows take ids past the copied ones.
        news, chats = NewsRepository(pg), ChatRepository(pg)
        [fresh] = await news.add_new(1, [draft("b1", "Новая новость")], announce=True)
        assert fresh == max(news_ids) + 2  # the archive item came last
        assert await OutboxRepository(pg).fan_out(fresh, [(101, None)]) == 1
        assert await chats.subscribe(101, "keyword", "новая")
        top = await pg.fetchval("SELECT MAX(id) FROM subscriptions")
        assert top == counts["subscriptions"] + 1
    finally:
        await pg.close()


async def test_a_second_run_converges_without_repeating(source: Database, target: str) -> None:
    news_ids = await populate(source)
    await copy_to_postgres(_path(source), target)
    chats, outbox = ChatRepository(source), OutboxRepository(source)

    # The bot goes on: the retention job prunes final rows, a pending message is sent, an
    # item arrives, an old one's page arrives, a subscription goes, a chat leaves.
    pruned = await outbox.prune(utcnow() + timedelta(days=1))
    assert pruned >= 3  # those sent, failed and dropped before
    [pending, *_] = [d for d in await outbox.due(100) if d.chat_id == 101]
    await outbox.claim([pending.id])
    await outbox.record([Outcome(pending.id, "sent", 1, message_id=6001)])
    [feed, _] = await FeedRepository(source).all()
    [item] = await NewsRepository(source).add_new(feed.id, [draft("a4", "Новость")], announce=True)
    await outbox.fan_out(item, [(101, None), (-100200, 7)])
    await NewsRepository(source).set_body(news_ids[0], "Соглашение открывает стажировки в Пекине.")
    [keyword] = await chats.subscriptions(-100200)
    assert await chats.unsubscribe(-100200, keyword.id)
    assert await chats.deactivate(-100200, "Forbidden: bot was kicked") >= 1

    report = await copy_to_postgres(_path(source), target)
    done = changes(report)
    assert done["news"] == (1, 1, 0)  # the new item; an old one's page arrived
    assert done["subscriptions"] == (0, 0, 1)
    assert done["chats"] == (0, 1, 0)
    added, updated, deleted = done["outbox"]
    assert (added, deleted) == (2, pruned) and updated >= 1  # -100200's pending ones dropped
    pg = await Database.open(target)
    try:
        await assert_same(source, pg)
        sent_before = await pg.fetchval("SELECT state FROM outbox WHERE id = ?", (pending.id,))
        assert sent_before == "sent"  # the PostgreSQL bot will not send it again
        # What the PostgreSQL bot will send is what the SQLite bot had left to send.
        left = {(d.id, d.chat_id) for d in await outbox.due(100)}
        assert {(d.id, d.chat_id) for d in await OutboxRepository(pg).due(100)} == left
        assert (item, 101) in {(d.news_id, d.chat_id) for d in await outbox.due(100)}
        assert await pg.fetchval("SELECT COUNT(*) FROM news") == len(news_ids) + 2
        found = await NewsRepository(pg).search("стажировка")  # the updated body is indexed
        assert [hit.item.id for hit in found] == [news_ids[0]]
    finally:
        await pg.close()

    # Nothing changed: nothing to do.
    again = await copy_to_postgres(_path(source), target)
    assert set(changes(again).values()) == {(0, 0, 0)}


async def test_a_copy_while_the_bot_writes_is_a_snapshot_and_the_next_run_brings_the_rest(
    source: Database, target: str
) -> None:
    news, outbox, chats = NewsRepository(source), OutboxRepository(source), ChatRepository(source)
    [feed] = await FeedRepository(source).ensure(["http://127.0.0.1:9/rss"])
    chat_ids = list(range(1, 6))
    for chat_id in chat_ids:
        await chats.upsert(chat_id, "private", None, "ru")
    body = "Университет подписал соглашение о сотрудничестве. " * 20
    ids = await news.add_new(
        feed.id, [draft(f"k{n}", f"Новость {n}", body=body) for n in range(2000)], announce=True
    )
    for news_id in ids:
        await outbox.fan_out(news_id, [(c, None) for c in chat_ids])
    stop, written = asyncio.Event(), [0]

    async def bot_writes() -> None:
        """As a polling bot does: an item stored, then fanned out (two transactions)."""
        n = 0
        while not stop.is_set():
            [item] = await news.add_new(feed.id, [draft(f"live{n}", f"Живая {n}")], announce=True)
            await asyncio.sleep(0)
            await outbox.fan_out(item, [(c, None) for c in chat_ids])
            n += 1
            written[0] = n
            await asyncio.sleep(0.002)

    writer = asyncio.create_task(bot_writes())
    await asyncio.sleep(0.05)
    before = written[0]
    try:
        await copy_to_postgres(_path(source), target, batch=500)
    finally:
        stop.set()
        await writer
    assert written[0] > before + 1  # the bot wrote all along

    pg = await Database.open(target)
    try:
        copied = await pg.fetchval("SELECT COUNT(*) FROM news WHERE key LIKE 'live%'")
        assert before <= copied < written[0]
        # One moment: an item fanned out has all its rows, one not yet fanned out has none.
        torn = await pg.fetchval(
            """SELECT COUNT(*) FROM news n
               WHERE (SELECT COUNT(*) FROM outbox o WHERE o.news_id = n.id)
                     <> CASE WHEN n.fanned_out = 1 THEN 5 ELSE 0 END"""
        )
        assert torn == 0

        report = await copy_to_postgres(_path(source), target)  # the bot has stopped
        counts = await assert_same(source, pg)
        assert counts["news"] == 2000 + written[0]
        assert counts["outbox"] == 5 * counts["news"]
        added = changes(report)["news"][0]
        assert added == written[0] - copied
    finally:
        await pg.close()


async def test_a_target_with_work_of_its_own_is_refused_unless_forced(
    source: Database, target: str, tmp_path: Path
) -> None:
    await populate(source)
    pg = await Database.open(target)
    try:
        await ChatRepository(pg).upsert(999, "private", None, "en")  # a bot ran on it
        with pytest.raises(CopyError, match=r"already holds rows no copy wrote \(chats: 1\)"):
            await copy_to_postgres(_path(source), target)
        assert await pg.fetchval("SELECT COUNT(*) FROM news") == 0  # nothing changed

        await copy_to_postgres(_path(source), target, force=True)
        await assert_same(source, pg)  # chat 999 is gone

        # The PostgreSQL bot started too early and sent a message: copying again would
        # make it pending again.
        outbox = OutboxRepository(pg)
        [due, *_] = await outbox.due(10)
        await outbox.claim([due.id])
        await outbox.record([Outcome(due.id, "sent", 1, message_id=1)])
        with pytest.raises(CopyError, match=r"changed since the copy .* \(outbox\): a bot ran"):
            await copy_to_postgres(_path(source), target)
        assert await pg.fetchval("SELECT state FROM outbox WHERE id = ?", (due.id,)) == "sent"

        other = await Database.open(tmp_path / "other.sqlite3")
        await other.close()
        with pytest.raises(CopyError, match=r"the target is a copy of .*bot\.sqlite3, not of"):
            await copy_to_postgres(tmp_path / "other.sqlite3", target)
    finally:
        await pg.close()


async def test_the_source_is_never_written(tmp_path: Path, target: str) -> None:
    path = tmp_path / "stopped.sqlite3"
    db = await Database.open(path)
    await populate(db)
    await db.close()  # checkpointed: the whole database is in the main file
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    await copy_to_postgres(path, target)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


async def test_a_source_at_another_schema_version_is_refused(tmp_path: Path, target: str) -> None:
    old = tmp_path / "old.sqlite3"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE feeds (id INTEGER PRIMARY KEY)")
        conn.execute("PRAGMA user_version = 3")
    latest = max(number for number, _, _ in migrations())
    with pytest.raises(CopyError, match=rf"schema version 3, this bot's is {latest}: start this"):
        await copy_to_postgres(old, target)
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database\n" * 100)
    with pytest.raises(CopyError, match="cannot read .*junk.sqlite3"):
        await copy_to_postgres(junk, target)


async def test_the_command_prints_a_line_per_table(
    source: Database, target: str, tmp_path: Path
) -> None:
    await populate(source)
    code, out, err = await run_cli(  # the sqlite:///absolute/path spelling works too
        ["migrate-db", "--from", f"sqlite://{_path(source)}", "--to", target], tmp_path
    )
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == len(TABLES) + 1
    assert "news: 4 rows in the snapshot; 4 added, 0 updated, 0 deleted" in lines
    assert lines[-1].startswith(f"copied the snapshot of {_path(source)} taken at ")


async def test_the_help_tells_the_order_of_steps(tmp_path: Path) -> None:
    code, out, _ = await run_cli(["migrate-db", "--help"], tmp_path)
    assert code == 0
    steps = ["with the SQLite bot still running", "stop the SQLite bot", "run the same command",
             "set DATABASE_URL"]  # fmt: skip
    at = [out.index(step) for step in steps]
    assert at == sorted(at)


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (["--from", "data/bot.sqlite3", "--to", "postgresql://u@h/d"], "--from must be sqlite:"),
        (["--from", "postgresql://u:pw@h/d", "--to", "postgresql://u@h/d"], "--from must be"),
        (["--from", "sqlite:bot.sqlite3", "--to", "mysql://u:pw@h/d"], "--to must be a postgres"),
        (["--from", "sqlite:missing.sqlite3", "--to", "postgresql://u@h/d"], "no SQLite database"),
    ],
)
async def test_bad_arguments_are_one_line_and_exit_code_2(
    tmp_path: Path, arguments: list[str], says: str
) -> None:
    code, out, err = await run_cli(["migrate-db", *arguments], tmp_path)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and says in err and err.count("\n") == 1
    assert "pw" not in err


async def test_an_unreachable_server_or_database_is_one_line_without_the_password(
    source: Database, pg_dsn: str, tmp_path: Path
) -> None:
    path = f"sqlite:{_path(source)}"
    dead = f"postgresql://bot:s3cret-pw@127.0.0.1:{free_port()}/bot"
    code, _, err = await run_cli(["migrate-db", "--from", path, "--to", dead], tmp_path)
    assert code == 1 and err.count("\n") == 1, err
    assert err.startswith("error: cannot reach PostgreSQL at postgresql://bot:***@127.0.0.1:")
    assert "s3cret-pw" not in err

    missing = _dsn_of(pg_dsn, "no_such_db").replace("postgres@", "postgres:s3cret-pw@")
    code, _, err = await run_cli(["migrate-db", "--from", path, "--to", missing], tmp_path)
    assert code == 1 and err.count("\n") == 1, err
    assert 'database "no_such_db" does not exist' in err and "createdb" in err
    assert "s3cret-pw" not in err


async def test_a_value_postgresql_cannot_take_stops_the_copy_and_changes_nothing(
    source: Database, target: str
) -> None:
    await populate(source)
    with sqlite3.connect(_path(source)) as raw:  # SQLite keeps what a column's type refuses
        raw.execute("UPDATE feeds SET error_count = 'many' WHERE id = 2")
    with pytest.raises(CopyError, match=r"^table feeds: a value in SQLite does not fit"):
        await copy_to_postgres(_path(source), target)
    pg = await Database.open(target)
    try:
        assert await pg.fetchval("SELECT COUNT(*) FROM feeds") == 0
    finally:
        await pg.close()


async def test_a_group_that_became_a_supergroup_between_copies_moves_with_its_subscriptions(
    source: Database, target: str
) -> None:
    """chats.id changes in place (ON UPDATE CASCADE in both engines): in the target the old
    chat goes, its subscriptions with it, and both come back under the new id."""
    await populate(source)
    await copy_to_postgres(_path(source), target)
    await ChatRepository(source).migrate(-100200, -100999)

    report = await copy_to_postgres(_path(source), target)
    assert changes(report)["chats"] == (1, 0, 1)
    pg = await Database.open(target)
    try:
        await assert_same(source, pg)
        [moved] = await ChatRepository(pg).subscriptions(-100999)
        assert (moved.kind, moved.value, moved.thread_id) == ("keyword", "лаборатория", 7)
    finally:
        await pg.close()


async def test_a_wrong_password_is_one_line_without_the_password(
    source: Database, pg_dsn: str, tmp_path: Path
) -> None:
    """The session's server trusts every login; one role is made to need its password."""
    import asyncpg

    admin = await asyncpg.connect(pg_dsn)
    hba = Path(await admin.fetchval("SHOW hba_file"))
    rules = await asyncio.to_thread(hba.read_text)
    try:
        await admin.execute("CREATE ROLE copier LOGIN PASSWORD 'right-pw'")
        await asyncio.to_thread(
            hba.write_text, f"host all copier 127.0.0.1/32 scram-sha-256\n{rules}"
        )
        await admin.execute("SELECT pg_reload_conf()")
        wrong = pg_dsn.replace("postgres@", "copier:wr0ng-pw@")
        code, out, err = await run_cli(
            ["migrate-db", "--from", f"sqlite:{_path(source)}", "--to", wrong], tmp_path
        )
        assert code == 1 and out == "" and err.count("\n") == 1, err
        assert err.startswith("error: PostgreSQL at postgresql://copier:***@127.0.0.1:")
        assert 'refused the login: password authentication failed for user "copier"' in err
        assert "wr0ng-pw" not in err
    finally:
        await asyncio.to_thread(hba.write_text, rules)
        await admin.execute("SELECT pg_reload_conf()")
        await admin.execute("DROP ROLE IF EXISTS copier")
        await admin.close()
