"""The real application (`python -m bot run`) against the fake Bot API and the fake news site."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import TOKEN
from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.news_site import FakeNewsSite

REPO = Path(__file__).resolve().parents[1]
USER = 4242


class BotProcess:
    """`python -m bot run` in a clean working directory, with settings in its environment."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.env = env
        self.cwd = cwd
        self.proc: asyncio.subprocess.Process | None = None
        self.log = cwd / "bot.log"

    async def start(self) -> None:
        handle = self.log.open("ab")  # noqa: ASYNC230, SIM115 - tiny local log file the child writes
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=self.cwd, env=self.env,
            stdout=handle, stderr=handle,
        )  # fmt: skip
        handle.close()

    async def stop(self) -> int:
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), 20)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        assert self.proc.returncode is not None
        return self.proc.returncode

    async def kill(self) -> None:
        """SIGKILL if it still runs (a test that failed leaves no bot behind)."""
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


async def wait_for(predicate: object, what: str, proc: BotProcess, within: float = 30.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not predicate():  # type: ignore[operator]
        if proc.proc is not None and proc.proc.returncode is not None:
            raise AssertionError(f"bot exited while waiting for {what}:\n{proc.output()}")
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}:\n{proc.output()}")
        await asyncio.sleep(0.1)


@pytest.fixture
async def world() -> AsyncIterator[tuple[FakeBotAPI, FakeNewsSite]]:
    async with FakeBotAPI(token=TOKEN) as api, FakeNewsSite(seed=True) as site:
        yield api, site


def bot_env(
    api: FakeBotAPI, site: FakeNewsSite, tmp: Path, database: str | None = None
) -> dict[str, str]:
    """The bot's environment; `database` a PostgreSQL URL, or None for SQLite under `tmp`."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "DATABASE_"))
    }
    if database is not None and database.startswith("postgresql://"):
        env["DATABASE_URL"] = database
    env.update(
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=api.base_url,
        FEED_URLS=site.feed_url,
        DATABASE_PATH=str(tmp / "data" / "bot.sqlite3"),
        POLL_INTERVAL_SECONDS="1",
        BROADCAST_RATE="25",
        PYTHONPATH=str(REPO),
    )
    return env


@pytest.mark.both_engines
async def test_subscribe_receive_search_latest_restart(
    world: tuple[FakeBotAPI, FakeNewsSite], tmp_path: Path, database_target: str
) -> None:
    api, site = world
    proc = BotProcess(bot_env(api, site, tmp_path, database_target), tmp_path)
    await proc.start()
    try:
        feed = "/media/news/rss/"
        await wait_for(lambda: len(api.calls_of("getUpdates")) > 0, "polling", proc)
        await wait_for(lambda: len(site.requests_to(feed)) > 0, "first poll", proc)

        replies = len(api.sent_messages(USER))
        api.push_message("/start", chat_id=USER, language_code="ru")
        api.push_message("/subscribe", chat_id=USER, language_code="ru")
        await wait_for(lambda: len(api.sent_messages(USER)) >= replies + 2, "replies", proc)
        assert "Готово" in (api.sent_messages(USER)[-1].text or "")

        first = site.publish(
            "Политех подписал соглашение с Университетом Цинхуа",
            [
                "Стороны договорились о совместных исследованиях в области гидроэнергетики "
                "и обмене аспирантами. Первая совместная экспедиция отправится на Алтай.",
                "Соглашение рассчитано на пять лет и предусматривает ежегодные конференции.",
            ],
        )
        second = site.publish(
            "Делегация Казахского национального университета посетила Политех",
            [
                "Гости обсудили создание сетевой магистратуры по цифровой логистике "
                "и посетили лаборатории Института компьютерных наук.",
            ],
            category="Партнёрство/",
        )

        def announcements() -> list[str]:
            return [
                m.text or ""
                for m in api.sent_messages(USER)
                if first.link in (m.text or "") or second.link in (m.text or "")
            ]

        await wait_for(lambda: len(announcements()) >= 2, "two announcements", proc)
        await asyncio.sleep(2.5)  # a few more polls: nothing may repeat
        texts = announcements()
        assert len(texts) == 2
        [tsinghua] = [text for text in texts if first.link in text]
        assert first.link in texts[0]  # a batch arrives oldest first
        # Facts were extracted before the announcement went out.
        assert "🤝 Партнёры:</b> Университет Цинхуа (🇨🇳 Китай)" in tsinghua
        [call] = [m for m in api.sent_messages(USER) if first.link in (m.text or "")]
        shown = call.rendered or ""
        assert shown.startswith(first.title + "\n")
        assert "📄 Соглашение" in shown.split("\n")[1]  # date · kind
        assert call.params["reply_markup"]["inline_keyboard"] == [
            [{"text": "Читать на сайте", "url": first.link}],
            [{"text": "Поделиться", "switch_inline_query": first.title}],
        ]
        assert call.params["link_preview_options"] == {
            "url": first.image_url,
            "prefer_large_media": True,
        }
        # The backlog imported on the first poll was never announced.
        backlog = [item.link for item in site.items if item not in (first, second)]
        sent = " ".join(m.text or "" for m in api.sent_messages(USER))
        assert not any(link in sent for link in backlog)

        count = len(api.sent_messages(USER))
        api.push_message("/search экспедиция", chat_id=USER, language_code="ru")
        await wait_for(lambda: len(api.sent_messages(USER)) > count, "search reply", proc)
        reply = api.sent_messages(USER)[-1].text or ""
        assert first.link in reply and second.link not in reply

        count = len(api.sent_messages(USER))
        api.push_message("/latest", chat_id=USER, language_code="ru")
        await wait_for(lambda: len(api.sent_messages(USER)) > count, "latest reply", proc)
        reply = api.sent_messages(USER)[-1].text or ""
        assert first.link in reply and second.link in reply
    finally:
        code = await proc.stop()
    assert code == 0, proc.output()
    assert TOKEN not in proc.output()

    # Restart on the same database: nothing is announced again.
    before = len(api.sent_messages(USER))
    polls = len(site.requests_to("/media/news/rss/"))
    restarted = BotProcess(bot_env(api, site, tmp_path, database_target), tmp_path)
    await restarted.start()
    try:
        await wait_for(
            lambda: len(site.requests_to("/media/news/rss/")) >= polls + 2, "polls", restarted
        )
        await asyncio.sleep(1.5)
    finally:
        assert await restarted.stop() == 0
    assert len(api.sent_messages(USER)) == before
