"""Scale on each engine: a broadcast to 10,000 chats and /search over 100,000 articles.

Broadcast: the DeliveryWorker open_services builds drains an outbox of one item to N private
chats through the fake Bot API (its own process, Telegram's limits on, the global limit a fifth
above BROADCAST_RATE); figures from the fake's log: rate first to last message, the most
requests in any sliding second, 429s, chats with no message and chats with two.
Search: M articles synthesised from ../shared/corpus (its sentences recombined, titles from it
and from templates around the gold registry's partner names) stored with NewsRepository.add_new
in batches; then NewsRepository.search timed over a fixed set of queries (word forms, partner
names, several words, common, rare, absent), and /search through the real dispatcher and the
in-process fake Bot API (push the update, wait for the reply). PostgreSQL runs on a throwaway
local server (tests.pg: fsync off); without its binaries that half prints why and SQLite runs.

Full size (the README's figures; about 20 minutes on 2 cores):
    .venv/bin/python bench/bench_scale.py --engine both --chats 10000 --rate 30 --articles 100000
Quick (`make bench`): .venv/bin/python bench/bench_scale.py --quick
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import re
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench_delivery import FIRST_CHAT, TOKEN, FakeProcess, max_in_a_second  # noqa: E402
from pydantic import SecretStr  # noqa: E402 - after the sys.path line above

from bot.app import build_dispatcher, make_bot  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.delivery.worker import DeliveryWorker, Grant  # noqa: E402
from bot.services import open_services  # noqa: E402
from storage.db import Database, to_db, utcnow  # noqa: E402
from storage.feeds import FeedRepository  # noqa: E402
from storage.news import NewsDraft, NewsRepository  # noqa: E402
from storage.outbox import OutboxRepository  # noqa: E402
from storage.search import build_match, build_tsquery  # noqa: E402
from tests.fakes.bot_api import FakeBotAPI  # noqa: E402
from tests.pg import PostgresServer, unavailable, with_database  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
FEED = "http://127.0.0.1:9/rss"
ENGINES = ("sqlite", "postgresql")
SEARCH_LIMIT = 5  # what /search asks for (handlers.news.SEARCH_LIMIT)
BATCH = 1_000  # articles a add_new call (one transaction)
PLANTED = 10  # articles that hold the rare phrase, whatever the size
PROBE_CHAT = 700_001

# (query, what it exercises). The planted phrase is in PLANTED articles, the last in none.
QUERIES = (
    ("соглашение", "word form"),
    ("соглашения", "word form"),
    ("соглашениями", "word form"),
    ("университет", "common word"),
    ("university", "common word, en"),
    ("Цинхуа", "partner"),
    ("Tsinghua University", "partner, en"),
    ("Газпром нефть", "partner, 2 words"),
    ("летняя школа", "2 words"),
    ("совместная лаборатория", "2 words"),
    ("memorandum of understanding", "3 words, en"),
    ("соглашение о сотрудничестве в области образования", "long, with stop words"),
    ("делегация Китая", "2 words"),
    ("терагерцовая фотоника", "rare (planted)"),
    ("квазикристаллы", "absent"),
)
_PLANT = "Отдельно стороны обсудили терагерцовую фотонику и её приложения."

_TITLES = {
    "ru": (
        "Политех и {name}: соглашение о сотрудничестве",
        "{name} и СПбПУ откроют совместную лабораторию",
        "СПбПУ и {name} обсудили академическую мобильность",
        "{name} — новый партнёр Политехнического университета",
        "Итоги встречи: {name} в Политехе",
    ),
    "en": (
        "SPbPU and {name} sign a cooperation agreement",
        "{name} delegation visits Polytechnic University",
        "Polytechnic University and {name} launch a joint programme",
        "{name} joins SPbPU's international network",
        "Summer school with {name} at SPbPU",
    ),
}
_CATEGORIES = ("Международная деятельность", "Наука", "Образование", "Партнёрство", None)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Articles


@dataclass
class Corpus:
    """Sentences, titles and partner names by language, read from ../shared/corpus."""

    sentences: dict[str, list[str]]
    titles: dict[str, list[str]]
    names: dict[str, list[str]]

    @classmethod
    def load(cls, folder: Path) -> Corpus:
        sentences: dict[str, list[str]] = {"ru": [], "en": []}
        titles: dict[str, list[str]] = {"ru": [], "en": []}
        for name in ("dev.jsonl", "round2.jsonl"):
            for line in (folder / name).read_text(encoding="utf-8").splitlines():
                article = json.loads(line)
                lang = "ru" if article["lang"] == "ru" else "en"
                if article.get("title"):
                    titles[lang].append(article["title"])
                for paragraph in article["text"].split("\n"):
                    for sentence in _SENTENCE_END.split(paragraph.strip()):
                        # Whole sentences only: titles and cut-off ends have no full stop.
                        if 30 <= len(sentence) <= 500 and sentence[-1] in '.!?…»)"':
                            sentences[lang].append(sentence)
        names: dict[str, list[str]] = {"ru": [], "en": []}
        for line in (folder / "dev-registry.jsonl").read_text(encoding="utf-8").splitlines():
            for form in json.loads(line)["names"]:
                if len(form) <= 60:
                    names["ru" if _CYRILLIC.search(form) else "en"].append(form)
        return cls(sentences, titles, names)

    def article(self, rng: random.Random, i: int, planted: bool) -> NewsDraft:
        lang = "ru" if rng.random() < 0.6 else "en"
        parts: list[str] = []
        target = rng.randint(1_000, 2_000)
        while sum(len(p) + 1 for p in parts) < target:
            parts.append(rng.choice(self.sentences[lang]))
        if planted:
            parts.insert(rng.randint(0, len(parts)), _PLANT)
        if rng.random() < 0.35 and self.titles[lang]:
            title = rng.choice(self.titles[lang])
        else:
            title = rng.choice(_TITLES[lang]).format(name=rng.choice(self.names[lang]))
        link = f"https://example.test/news/{i}"
        return NewsDraft(
            key=f"scale-{i}", link_key=link, guid=None, link=link, title=title,
            teaser=parts[0], body=" ".join(parts), category=rng.choice(_CATEGORIES),
            image_url=None, published_at=utcnow() - timedelta(days=rng.uniform(0, 5 * 365)),
            needs_page=False,
        )  # fmt: skip

    def drafts(self, count: int, seed: int) -> Iterator[list[NewsDraft]]:
        """`count` articles in batches of BATCH; the rare phrase in PLANTED of them, spread."""
        rng = random.Random(seed)
        every = max(1, count // PLANTED)
        batch: list[NewsDraft] = []
        for i in range(count):
            batch.append(self.article(rng, i, planted=i % every == every // 2))
            if len(batch) == BATCH:
                yield batch
                batch = []
        if batch:
            yield batch


# ---------------------------------------------------------------------------------------------
# Figures


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


@dataclass
class BroadcastResult:
    chats: int
    rate: float
    fake_limit: int
    queued_s: float
    stats: dict[str, Any]
    wall_s: float
    states: dict[str, int]
    timed_out: bool
    granted: list[float]  # monotonic times the worker's pacer let each send go

    @property
    def achieved(self) -> float:
        s = self.stats
        span = s["last"] - s["first"]
        return (s["received"] + s["extra"] - 1) / span if span > 0 else 0.0

    @property
    def lost(self) -> int:
        return self.chats - int(self.stats["received"])

    def shortest_span(self) -> float:
        """Seconds from a send to the `rate`-th after it: under 1.0 means `rate` + 1 sends
        were let go within one second."""
        cap, g = int(self.rate), self.granted
        return min((g[i + cap] - g[i] for i in range(len(g) - cap)), default=math.inf)


@dataclass
class SearchResult:
    articles: int
    load_s: float
    size_mib: float
    matches: dict[str, int]
    repo: dict[str, list[float]] = field(default_factory=dict)  # query -> seconds
    bot: list[float] = field(default_factory=list)
    unanswered: int = 0

    def repo_all(self) -> list[float]:
        return [s for samples in self.repo.values() for s in samples]


def row(name: str, value: object, note: str = "") -> tuple[str, str, str]:
    shown = f"{value:,.3f}" if isinstance(value, float) else str(value)
    return name, shown, note


def table(title: str, rows: list[tuple[str, str, str]]) -> None:
    print(f"\n== {title}")
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"  {name:<{width}}  {value:>12}  {note}".rstrip())
    sys.stdout.flush()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


# ---------------------------------------------------------------------------------------------
# Engines


def settings_for(target: Path | str, tmp: Path, rate: float) -> Settings:
    """Settings as production reads them; the database itself is passed to open_services."""
    url = SecretStr(target) if isinstance(target, str) else None
    return Settings(
        database_path=tmp / "unused.sqlite3" if url else Path(target),
        database_url=url,
        feed_urls=[FEED],
        broadcast_rate=rate,
        curation_path=REPO / "curation.jsonl",
    )


async def database_size_mib(db: Database) -> float:
    """The database's own size: SQLite's pages (wherever they are, file or WAL; the WAL file
    keeps its high-water mark from the load), PostgreSQL's files."""
    if db.engine == "sqlite":
        pages = int(await db.fetchval("PRAGMA page_count"))
        return pages * int(await db.fetchval("PRAGMA page_size")) / 2**20
    return float(await db.fetchval("SELECT pg_database_size(current_database())")) / 2**20


# ---------------------------------------------------------------------------------------------
# Broadcast


async def queue_broadcast(db: Database, n: int) -> int:
    """N private chats (bulk SQL) and one announced item fanned out to all of them."""
    now = to_db(utcnow())
    chat_ids = range(FIRST_CHAT, FIRST_CHAT + n)
    await db.executemany(
        """INSERT INTO chats (id, type, title, language, active, created_at, updated_at)
           VALUES (?, 'private', NULL, ?, 1, ?, ?)""",
        ((c, "ru" if c % 3 else "en", now, now) for c in chat_ids),
    )
    [feed] = await _feeds(db)
    link = "http://127.0.0.1:9/news/1"
    item = NewsDraft(
        key="scale-broadcast", link_key=link, guid=None, link=link,
        title="Политех и Университет Цинхуа подписали соглашение о партнёрстве",
        teaser="Стороны договорились о совместных исследованиях и обмене студентами.",
        body=None, category="Международная деятельность", image_url=None,
        published_at=utcnow(), needs_page=False,
    )  # fmt: skip
    [news_id] = await NewsRepository(db).add_new(feed, [item], announce=True)
    return await OutboxRepository(db).fan_out(news_id, [(c, None) for c in chat_ids])


async def _feeds(db: Database) -> list[int]:
    return [f.id for f in await FeedRepository(db).ensure([FEED])]


async def bench_broadcast(
    target: Path | str, tmp: Path, n: int, rate: float, progress: str
) -> BroadcastResult:
    limit = math.ceil(rate * 1.2)  # Telegram's ~30/s over a 25/s setting, in proportion
    db = await Database.open(target)
    try:
        t0 = time.monotonic()
        queued = await queue_broadcast(db, n)
        queued_s = time.monotonic() - t0
        assert queued == n, (queued, n)
        async with FakeProcess(limits=True, global_per_second=limit) as fake:
            bot = make_bot(TOKEN, fake.api_url)
            try:
                async with open_services(settings_for(target, tmp, rate), db=db, bot=bot) as app:
                    worker = app.worker
                    assert worker is not None
                    granted = note_grants(worker)
                    started = time.monotonic()
                    deadline = started + n / rate * 2 + 60
                    worker.start()
                    timed_out, last_report = False, started
                    while True:
                        await asyncio.sleep(0.5)
                        c = worker.counters
                        now = time.monotonic()
                        if c.sent + c.gone + c.failed >= n:
                            break
                        if now > deadline:
                            timed_out = True
                            break
                        if now - last_report >= 30:
                            last_report = now
                            print(f"  {progress}: {c.sent}/{n} sent", flush=True)
                    wall = time.monotonic() - started
                    await worker.stop()
                    states = (await app.outbox.stats()).by_state
            finally:
                await bot.session.close()
            stats = await fake.stats(n)
    finally:
        await db.close()
    return BroadcastResult(n, rate, limit, queued_s, stats, wall, states, timed_out, granted)


def note_grants(worker: DeliveryWorker) -> list[float]:
    """The times the worker's pacer lets each send go (the pace it keeps), apart from when a
    busy machine lets the fake read the requests; the worker is otherwise as built.

    The pacer's own record of each grant is read (a clock read here could come milliseconds
    late when the process is descheduled, and make a span look shorter than it was)."""
    granted: list[float] = []
    pacer = worker.pacer
    wait = pacer.wait

    async def noted() -> Grant:
        grant = await wait()
        granted.append(grant.at)
        return grant

    worker.pacer.wait = noted
    return granted


def print_broadcast(engine: str, r: BroadcastResult) -> None:
    s = r.stats
    table(
        f"{engine}: broadcast to {r.chats:,} chats at BROADCAST_RATE={r.rate:g}",
        [
            row("outbox queued in s", r.queued_s),
            row("achieved messages/s", r.achieved, "first to last message at the fake"),
            row("ratio of BROADCAST_RATE", r.achieved / r.rate, "goal >= 0.95"),
            row("max requests in any 1 s", s["max_requests_per_second"], "at the fake"),
            row("max sends let go in any 1 s", max_in_a_second(r.granted), f"goal <= {r.rate:g}"),
            row(
                f"shortest span of {int(r.rate) + 1} sends let go, s",
                f"{r.shortest_span():.4f}",
                "goal >= 1 (the pacer's own times)",
            ),
            row("429s", s["rejected_429"], f"fake's global limit {r.fake_limit}/s"),
            row("lost (no message)", r.lost, "goal 0"),
            row("duplicated (> 1 message)", s["duplicated"], "goal 0"),
            row("wall s, worker start to last", r.wall_s, "timed out" if r.timed_out else ""),
            row("outbox states", r.states),
        ],
    )


# ---------------------------------------------------------------------------------------------
# Search


async def count_matches(db: Database, query: str) -> int:
    """Every article the query matches (the search returns SEARCH_LIMIT of them)."""
    if db.engine == "postgresql":
        tsquery = build_tsquery(query)
        if tsquery is None:
            return 0
        sql = f"SELECT COUNT(*) FROM news_search WHERE document @@ {tsquery[0]}"
        return int(await db.fetchval(sql, tuple(tsquery[1])))
    match = build_match(query)
    sql = "SELECT COUNT(*) FROM news_fts WHERE news_fts MATCH ?"
    return 0 if match is None else int(await db.fetchval(sql, (match,)))


async def bench_search(
    target: Path | str, tmp: Path, corpus: Corpus, args: argparse.Namespace, progress: str
) -> SearchResult:
    db = await Database.open(target)
    try:
        async with FakeBotAPI(token=TOKEN) as api:
            bot = make_bot(TOKEN, api.base_url)
            try:
                settings = settings_for(target, tmp, 25)
                async with open_services(settings, db=db, bot=bot) as app:
                    result = await _load(db, app.news, corpus, args, progress)
                    await _time_repository(app.news, result, args.rounds, args.seed)
                    dp = build_dispatcher(app, start_jobs=False)
                    polling = asyncio.create_task(
                        dp.start_polling(bot, handle_signals=False, polling_timeout=1)
                    )
                    try:
                        await _time_bot(api, result, args.bot_rounds)
                    finally:
                        await dp.stop_polling()
                        await polling
            finally:
                await bot.session.close()
    finally:
        await db.close()
    return result


async def _load(
    db: Database, news: NewsRepository, corpus: Corpus, args: argparse.Namespace, progress: str
) -> SearchResult:
    [feed] = await _feeds(db)
    started = last_report = time.monotonic()
    stored = 0
    for batch in corpus.drafts(args.articles, args.seed):
        stored += len(await news.add_new(feed, batch, announce=False))
        if time.monotonic() - last_report >= 30:
            last_report = time.monotonic()
            print(f"  {progress}: {stored:,}/{args.articles:,} articles stored", flush=True)
    if db.engine == "postgresql":
        # What autovacuum's analyze does soon after a bulk load; the planner's row estimates.
        async with db.transaction() as conn:
            await conn.execute("ANALYZE")
    load_s = time.monotonic() - started
    assert stored == args.articles, (stored, args.articles)
    matches = {q: await count_matches(db, q) for q, _ in QUERIES}
    return SearchResult(stored, load_s, await database_size_mib(db), matches)


async def _time_repository(
    news: NewsRepository, result: SearchResult, rounds: int, seed: int
) -> None:
    queries = [q for q, _ in QUERIES]
    for query in queries:  # warm the caches (page cache, buffers, stemmer) before the clock
        await news.search(query, SEARCH_LIMIT)
    rng = random.Random(seed)
    for _ in range(rounds):
        rng.shuffle(queries)
        for query in queries:
            started = time.perf_counter()
            await news.search(query, SEARCH_LIMIT)
            result.repo.setdefault(query, []).append(time.perf_counter() - started)


async def _time_bot(api: FakeBotAPI, result: SearchResult, rounds: int) -> None:
    """Push `/search …` into the fake and wait for the reply: the dispatcher, the handler
    (partner lookup, search, snippets) and the reply's HTTP round trip."""
    chat = PROBE_CHAT
    await _ask(api, chat, "/help")  # the dispatcher is polling before the clock starts
    for _ in range(rounds):
        for query, _kind in QUERIES:
            chat += 1
            latency = await _ask(api, chat, f"/search {query}")
            if latency is None:
                result.unanswered += 1
            else:
                result.bot.append(latency)


async def _ask(api: FakeBotAPI, chat: int, text: str) -> float | None:
    started = time.perf_counter()
    api.push_message(text, chat_id=chat, language_code="ru")
    deadline = started + 10.0
    # The fake records calls synchronously; a 2 ms poll of its log is finer than what we measure.
    while not api.sent_messages(chat):  # noqa: ASYNC110
        if time.perf_counter() > deadline:
            return None
        await asyncio.sleep(0.002)
    return time.perf_counter() - started


def print_search(engine: str, r: SearchResult) -> None:
    every = r.repo_all()
    rows = [
        row("articles stored", f"{r.articles:,}"),
        row("load s", r.load_s, f"{r.articles / r.load_s:,.0f} articles/s, add_new x{BATCH:,}"),
        row("database MiB", r.size_mib),
        row("NewsRepository.search p50 ms", ms(statistics.median(every)), f"{len(every)} calls"),
        row("NewsRepository.search p95 ms", ms(percentile(every, 95))),
        row("NewsRepository.search max ms", ms(max(every))),
    ]
    if r.bot:
        rows += [
            row("/search via the bot p50 ms", ms(statistics.median(r.bot)), f"{len(r.bot)} asks"),
            row("/search via the bot p95 ms", ms(percentile(r.bot, 95))),
        ]
    rows.append(row("/search unanswered in 10 s", r.unanswered))
    table(f"{engine}: search over {r.articles:,} articles", rows)
    print(f"\n  {'query':<52} {'kind':<22} {'matches':>8} {'p50 ms':>8} {'max ms':>8}")
    for query, kind in QUERIES:
        samples = r.repo[query]
        print(
            f"  {query:<52} {kind:<22} {r.matches[query]:>8,} "
            f"{ms(statistics.median(samples)):>8} {ms(max(samples)):>8}"
        )
    sys.stdout.flush()


# ---------------------------------------------------------------------------------------------
# Main


@dataclass
class EngineRun:
    broadcast: BroadcastResult | None = None
    search: SearchResult | None = None
    skipped: str | None = None


async def run_engine(
    engine: str, target: Any, tmp: Path, corpus: Corpus | None, args: argparse.Namespace
) -> EngineRun:
    """`target(name)` gives a fresh database (path or URL) per part."""
    run = EngineRun()
    if args.chats:
        print(f"{engine}: broadcast to {args.chats:,} chats at {args.rate:g}/s", flush=True)
        run.broadcast = await bench_broadcast(
            await target("broadcast"), tmp, args.chats, args.rate, f"{engine} broadcast"
        )
        print_broadcast(engine, run.broadcast)
    if args.articles and corpus is not None:
        print(f"\n{engine}: loading {args.articles:,} articles", flush=True)
        run.search = await bench_search(
            await target("search"), tmp, corpus, args, f"{engine} search"
        )
        print_search(engine, run.search)
    return run


def summary(runs: dict[str, EngineRun], args: argparse.Namespace) -> None:
    names = list(runs)
    lines: list[tuple[str, list[str]]] = []

    def add(label: str, cell: Any) -> None:
        lines.append((label, [cell(runs[e]) for e in names]))

    def b(fn: Any) -> Any:
        return lambda r: r.skipped or ("-" if r.broadcast is None else fn(r.broadcast))

    def s(fn: Any) -> Any:
        return lambda r: r.skipped or ("-" if r.search is None else fn(r.search))

    if args.chats:
        add(f"broadcast {args.chats:,} chats: msg/s", b(lambda x: f"{x.achieved:.2f}"))
        add(f"  ratio of BROADCAST_RATE={args.rate:g}", b(lambda x: f"{x.achieved / x.rate:.3f}"))
        add("  max sends let go in any 1 s", b(lambda x: str(max_in_a_second(x.granted))))
        add("  shortest span of rate + 1 sends, s", b(lambda x: f"{x.shortest_span():.4f}"))
        add(
            "  max requests at the fake in 1 s",
            b(lambda x: str(x.stats["max_requests_per_second"])),
        )
        add("  429s", b(lambda x: str(x.stats["rejected_429"])))
        add("  lost / duplicated", b(lambda x: f"{x.lost} / {x.stats['duplicated']}"))
    if args.articles:
        add(f"search {args.articles:,} articles: load s", s(lambda x: f"{x.load_s:.0f}"))
        add("  articles/s loaded", s(lambda x: f"{x.articles / x.load_s:,.0f}"))
        add("  database MiB", s(lambda x: f"{x.size_mib:.0f}"))
        add("  repository p50 / p95 ms", s(lambda x: f"{ms(statistics.median(x.repo_all()))} / "
                                               f"{ms(percentile(x.repo_all(), 95))}"))  # fmt: skip
        add("  /search (bot) p50 / p95 ms", s(lambda x: f"{ms(statistics.median(x.bot))} / "
                                                  f"{ms(percentile(x.bot, 95))}"
                                                  if x.bot else "-"))  # fmt: skip
    width = max(len(label) for label, _ in lines)
    cols = [max(len(n), *(len(cells[i]) for _, cells in lines)) for i, n in enumerate(names)]
    print("\n== scale: summary")
    print(f"  {'':<{width}}  " + "  ".join(f"{n:>{w}}" for n, w in zip(names, cols, strict=True)))
    for label, cells in lines:
        print(
            f"  {label:<{width}}  "
            + "  ".join(f"{c:>{w}}" for c, w in zip(cells, cols, strict=True))
        )
    print("  reproduce: " + shlex.join([".venv/bin/python", "bench/bench_scale.py", *sys.argv[1:]]))


async def main_async(args: argparse.Namespace) -> None:
    engines = ENGINES if args.engine == "both" else (args.engine,)
    corpus: Corpus | None = None
    if args.articles:
        if (CORPUS / "dev.jsonl").exists():
            corpus = Corpus.load(CORPUS)
        else:
            print(f"search: skipped, no corpus at {CORPUS}", flush=True)
    runs: dict[str, EngineRun] = {}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp_name:
        tmp = Path(tmp_name)
        for engine in engines:
            if engine == "sqlite":

                async def sqlite_target(part: str) -> Path:
                    return tmp / f"{part}.sqlite3"

                runs[engine] = await run_engine(engine, sqlite_target, tmp, corpus, args)
                continue
            reason = unavailable()
            if reason is not None:
                print(f"postgresql: skipped, {reason}", flush=True)
                runs[engine] = EngineRun(skipped="skipped")
                continue
            initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
            assert initdb is not None and pg_ctl is not None
            server = PostgresServer(initdb, pg_ctl, "postgres" if os.geteuid() == 0 else None)
            await asyncio.to_thread(server.start)
            try:

                async def pg_target(part: str, dsn: str = server.dsn) -> str:
                    await with_database(dsn, f"scale_{part}")
                    return dsn.rsplit("/", 1)[0] + f"/scale_{part}"

                runs[engine] = await run_engine(engine, pg_target, tmp, corpus, args)
            finally:
                await asyncio.to_thread(server.stop)
    summary(runs, args)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--engine", choices=(*ENGINES, "both"), default="both")
    parser.add_argument("--chats", type=int, default=None, help="broadcast size (0: none)")
    parser.add_argument("--rate", type=float, default=None, help="BROADCAST_RATE, messages/s")
    parser.add_argument("--articles", type=int, default=None, help="search size (0: none)")
    parser.add_argument("--rounds", type=int, default=None, help="repository calls per query")
    parser.add_argument("--bot-rounds", type=int, default=None, help="/search asks per query")
    parser.add_argument(
        "--quick", action="store_true", help="1,000 chats at 200/s, 10,000 articles"
    )
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    full = {"chats": 10_000, "rate": 30.0, "articles": 100_000, "rounds": 20, "bot_rounds": 3}
    quick = {"chats": 1_000, "rate": 200.0, "articles": 10_000, "rounds": 10, "bot_rounds": 2}
    for key, value in (quick if args.quick else full).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
