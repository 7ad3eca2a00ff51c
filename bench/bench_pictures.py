"""Pictures: render time cold (nothing sent yet) and cached (resent by file_id), directly and
through the real pipeline (/map pushed into the fake Bot API until its sendPhoto arrives).

    .venv/bin/python bench/bench_pictures.py [--partners 200] [--countries 60] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.app import build_dispatcher, make_bot  # noqa: E402  # after sys.path
from bot.config import Settings  # noqa: E402
from bot.reports.pictures.service import Picture, PictureService  # noqa: E402
from bot.services import Repositories, open_services  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.reports import ReportRepository  # noqa: E402
from tests.fakes.bot_api import FakeBotAPI  # noqa: E402
from tests.registry_data import fill  # noqa: E402

TOKEN = "42:bench"


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"


async def direct(reports: ReportRepository, rounds: int) -> None:
    first = (await reports.partners())[0].id
    makers = {
        "map": lambda s: s.world_map("ru"),
        "chart": lambda s: s.overview("ru"),
        "timeline": lambda s: s.timeline(first, "ru"),
    }
    for name, make in makers.items():
        cold, cached, size = [], [], 0
        for _ in range(rounds):
            service = PictureService(reports)
            started = time.perf_counter()
            picture: Picture = await make(service)
            cold.append(time.perf_counter() - started)
            assert picture.png is not None
            size = len(picture.png)
            service.remember(picture, "file-id")
            started = time.perf_counter()
            again: Picture = await make(service)
            cached.append(time.perf_counter() - started)
            assert again.file_id == "file-id"
        print(
            f"{name:8} cold render {ms(cold)}; cached (file_id) {ms(cached)}; "
            f"PNG {size // 1024} KiB"
        )


async def pipeline(db: Database, settings: Settings, rounds: int) -> None:
    async with FakeBotAPI(token=TOKEN) as api:
        bot = make_bot(TOKEN, api.base_url)  # the production Bot: HTML by default
        # The production object graph, from the one builder; its jobs stay off here.
        async with open_services(settings, db=db, bot=bot) as services:
            dp = build_dispatcher(services, start_jobs=False)
            polling = asyncio.create_task(
                dp.start_polling(bot, handle_signals=False, polling_timeout=1)
            )
            cold, cached = [], []
            for i in range(rounds):
                # Each kind is a picture of its own: its first /map is cold, the second cached.
                kind = ("university", "company", "research", "government", "other")[i % 5]
                cold.append(await _ask(api, f"/map {kind}" if i else "/map", 100 + i))
                cached.append(await _ask(api, f"/map {kind}" if i else "/map", 200 + i))
            print(f"/map via the fake Bot API: first {ms(cold)}; repeated {ms(cached)}")
            await dp.stop_polling()
            await polling


async def _ask(api: FakeBotAPI, text: str, chat: int) -> float:
    before = len(api.calls_of("sendPhoto"))
    started = time.perf_counter()
    api.push_message(text, chat_id=chat)
    while len([c for c in api.calls_of("sendPhoto")[before:] if c.status]) < 1:  # noqa: ASYNC110
        await asyncio.sleep(0.002)
    return time.perf_counter() - started


async def main(partners: int, countries: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "bench.sqlite3")
        repos = Repositories.on(db)
        await fill(
            repos.feeds, repos.news, repos.partners,
            partners_count=partners, countries_count=countries,
        )  # fmt: skip
        print(f"registry: {partners} partners in {countries} countries")
        await direct(ReportRepository(db), rounds)
        settings = Settings(database_path=Path(tmp) / "x", feed_urls=["https://example.test/rss"])
        await pipeline(db, settings, rounds)
        await db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--partners", type=int, default=200)
    parser.add_argument("--countries", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.partners, args.countries, args.rounds))
