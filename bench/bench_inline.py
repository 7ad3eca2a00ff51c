"""Inline answers and `/partners NAME` with 10,000 stored articles and 2,000 partners, through
the real pipeline.

The real dispatcher polls the in-repo fake Bot API; latency is from pushing an inline query (a
message) into the fake to the fake receiving the answerInlineQuery call (the reply). Also times
the partner lookup alone: the shared `PartnerLookup` against an index rebuilt per query, as every
command but inline did before. Prints figures only.

    .venv/bin/python bench/bench_inline.py [--partners 2000] [--articles 10000] [--queries 300]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.app import build_dispatcher, make_bot  # noqa: E402  # after sys.path
from bot.config import Settings  # noqa: E402
from bot.facts.lookup import PartnerLookup, rank_partners  # noqa: E402
from bot.services import Repositories, open_services  # noqa: E402
from storage.db import Database  # noqa: E402
from tests.fakes.bot_api import FakeBotAPI  # noqa: E402
from tests.registry_data import fill  # noqa: E402

TOKEN = "42:bench"


def queries(rng: random.Random, partners: int, n: int) -> list[tuple[str, str]]:
    """(query, language): names in both scripts, words, typos, no match, the empty query."""
    out = []
    for _ in range(n):
        i = rng.randrange(partners)
        out.append(
            rng.choice(
                [
                    (f"партнёр {i}", "ru"),
                    (f"Partner {i} University", "en"),
                    (f"Компания партнёр {i}", "ru"),
                    ("соглашение о сотрудничестве", "ru"),
                    ("фестиваль", "ru"),
                    ("Partnr Universty", "en"),
                    ("Гарвард", "ru"),
                    ("", "ru"),
                    ("", "en"),
                    ("ц", "ru"),
                ]
            )
        )
    return out


async def main(partners: int, articles: int, count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "bench.sqlite3")
        repos = Repositories.on(db)
        started = time.perf_counter()
        await fill(
            repos.feeds, repos.news, repos.partners, partners_count=partners, countries_count=60,
            extra_articles=max(0, articles - partners),
        )  # fmt: skip
        print(
            f"registry: {await repos.news.count()} articles, {await repos.partners.count()} "
            f"partners (built in {time.perf_counter() - started:.0f}s)"
        )
        settings = Settings(database_path=Path(tmp) / "x", feed_urls=["https://example.test/rss"])
        async with FakeBotAPI(token=TOKEN) as api:
            bot = make_bot(TOKEN, api.base_url)  # the production Bot: HTML by default
            # The production object graph, from the one builder; its jobs stay off here.
            async with open_services(settings, db=db, bot=bot) as services:
                dp = build_dispatcher(services, start_jobs=False)
                polling = asyncio.create_task(
                    dp.start_polling(bot, handle_signals=False, polling_timeout=1)
                )
                await _ask(api, "warm-up", "ru")
                rng = random.Random(11)
                samples: dict[str, list[float]] = {}
                sizes: list[int] = []
                for query, lang in queries(rng, partners, count):
                    took, n = await _ask(api, query, lang)
                    kind = "empty" if not query else "other"
                    samples.setdefault(kind, []).append(took)
                    samples.setdefault("all", []).append(took)
                    sizes.append(n)
                for query, lang in queries(rng, partners, count // 3):
                    if query:
                        took = await _command(api, f"/partners {query}", lang)
                        samples.setdefault("/partners NAME", []).append(took)
                await dp.stop_polling()
                await polling
            lookup = PartnerLookup(repos.partners)
            asked = [q for q, _ in queries(rng, partners, 30) if q]
            await lookup.find("warm-up")
            started = time.perf_counter()
            for query in asked:
                await lookup.find(query)
            shared = (time.perf_counter() - started) / len(asked)
            started = time.perf_counter()
            for query in asked:
                await asyncio.to_thread(rank_partners, query, await repos.partners.names())
            rebuilt = (time.perf_counter() - started) / len(asked)
        await db.close()
    for kind in ("all", "empty", "other", "/partners NAME"):
        values = sorted(samples.get(kind, []))
        if not values:
            continue
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        what = "reply" if kind.startswith("/") else "inline answer"
        print(
            f"{what} ({kind}): {len(values)} queries, p50 "
            f"{statistics.median(values) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"max {values[-1] * 1000:.0f} ms (goal: p95 <= 300 ms)"
        )
    print(f"results per answer: mean {statistics.mean(sizes):.1f}, max {max(sizes)}")
    print(
        f"partner lookup alone: shared index {shared * 1000:.0f} ms a query, index rebuilt per "
        f"query {rebuilt * 1000:.0f} ms ({rebuilt / shared:.1f}x)"
    )


async def _ask(api: FakeBotAPI, query: str, lang: str) -> tuple[float, int]:
    start = time.perf_counter()
    asked = api.push_inline_query(query, user_id=1, language_code=lang)
    # The fake records calls synchronously; a 2 ms poll of its log is finer than what we measure.
    while asked["id"] not in api.inline_answers:  # noqa: ASYNC110
        await asyncio.sleep(0.002)
    return time.perf_counter() - start, len(api.inline_answers[asked["id"]]["results"])


async def _command(api: FakeBotAPI, text: str, lang: str) -> float:
    before = len(api.sent_messages(7))
    start = time.perf_counter()
    api.push_message(text, chat_id=7, language_code=lang)
    while len(api.sent_messages(7)) == before:  # noqa: ASYNC110  # as in _ask
        await asyncio.sleep(0.002)
    return time.perf_counter() - start


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--partners", type=int, default=2000)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    asyncio.run(main(args.partners, args.articles, args.queries))
