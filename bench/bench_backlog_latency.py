"""/help latency while a 200-article backlog is extracted (partner facts), in one process.

The real dispatcher polls the in-repo fake Bot API; FactsService extracts the backlog in its
worker thread meanwhile. Latency is from pushing a /help update into the fake to the fake
receiving the reply. Prints figures only.

    .venv/bin/python bench/bench_backlog_latency.py [--articles 200]
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


from bot.app import build_dispatcher, make_bot  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.facts.extraction import ArticleInput  # noqa: E402
from bot.services import open_services  # noqa: E402
from storage.news import NewsDraft  # noqa: E402
from tests.fakes.bot_api import FakeBotAPI  # noqa: E402

TOKEN = "42:bench"
_SENTENCES = [
    "Делегация {org} посетила Политехнический университет для обсуждения сотрудничества.",
    "Ректор СПбПУ и руководство {org} подписали соглашение о научном сотрудничестве.",
    "Стороны обсудили совместные образовательные программы и академическую мобильность.",
    "Гости познакомились с лабораториями Института машиностроения и Высшей школы физики.",
    "Партнёры договорились о летней школе по цифровому производству и обмене аспирантами.",
    "В мероприятии также приняли участие представители {org}.",
]
_ORGS = [
    "Харбинского политехнического университета",
    "Ташкентского государственного технического университета",
    "компании «Силовые машины»",
    "Университета Цинхуа",
    "Индийского технологического института Мадраса",
    "Белорусского национального технического университета",
]


def article(rng: random.Random, i: int) -> NewsDraft:
    parts: list[str] = []
    while sum(len(p) for p in parts) < 2000:
        parts.append(rng.choice(_SENTENCES).format(org=rng.choice(_ORGS)))
    return NewsDraft(
        key=f"bench-{i}", link_key=None, guid=None, link=f"https://example.test/{i}",
        title=f"Сотрудничество номер {i}", teaser="", body=" ".join(parts),
        category="Международная деятельность", image_url=None, published_at=None,
        needs_page=False,
    )  # fmt: skip


async def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            database_path=Path(tmp) / "bench.sqlite3", feed_urls=["https://example.test/rss"]
        )
        async with FakeBotAPI(token=TOKEN) as api:
            bot = make_bot(TOKEN, api.base_url)
            # The production object graph, from the one builder; its jobs stay off here.
            async with open_services(settings, bot=bot) as services:
                [feed] = await services.feeds.ensure(["https://example.test/rss"])
                rng = random.Random(3)
                await services.news.add_new(
                    feed.id, [article(rng, i) for i in range(count)], announce=False
                )
                facts = services.facts
                assert facts is not None
                dp = build_dispatcher(services, start_jobs=False)
                polling = asyncio.create_task(
                    dp.start_polling(bot, handle_signals=False, polling_timeout=1)
                )
                # Warm up: models loaded, dispatcher answering, before the clock starts.
                await facts.worker.extract(
                    ArticleInput(
                        "probe", "Визит", "Делегация Университета Цинхуа посетила Политех."
                    )
                )
                await _ask(api, 1)
                started = time.perf_counter()
                backlog = asyncio.create_task(facts.rebuild())
                samples: list[float] = []
                chat = 1000
                while not backlog.done():
                    chat += 1
                    samples.append(await _ask(api, chat))
                    await asyncio.sleep(0.1)
                done = await backlog
                elapsed = time.perf_counter() - started
                await dp.stop_polling()
                await polling
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    print(
        f"articles extracted: {done} in {elapsed:.1f}s ({done / elapsed:.1f}/s, 2,000 chars each)"
    )
    p50 = statistics.median(samples)
    print(
        f"/help while extracting: {len(samples)} samples, p50 {p50 * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {samples[-1] * 1000:.0f} ms (goal: p95 <= 300 ms)"
    )


async def _ask(api: FakeBotAPI, chat: int) -> float:
    before = len(api.sent_messages(chat))
    start = time.perf_counter()
    api.push_message("/help", chat_id=chat, language_code="ru")
    # The fake records calls synchronously; a 2 ms poll of its log is finer than what we measure.
    while len(api.sent_messages(chat)) <= before:  # noqa: ASYNC110
        await asyncio.sleep(0.002)
    return time.perf_counter() - start


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    asyncio.run(main(parser.parse_args().articles))
