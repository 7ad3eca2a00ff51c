"""kill -9 in the middle of a broadcast: after a restart every subscriber has the item, and
only messages sent in the last moment before the kill may repeat."""

from __future__ import annotations

import asyncio
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

from storage.chats import ChatRepository
from storage.db import Database
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository
from tests.conftest import TOKEN, all_targets, draft
from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.news_site import FakeNewsSite
from tests.test_e2e import BotProcess, bot_env, wait_for

CHATS = 40


async def prepare(target: str, feed_url: str) -> None:
    """A database with CHATS subscribers and one announced item queued for all of them."""
    db = await Database.open(target)
    try:
        feeds, news = FeedRepository(db), NewsRepository(db)
        chats, outbox = ChatRepository(db), OutboxRepository(db)
        [feed] = await feeds.ensure([feed_url])
        for chat_id in range(1, CHATS + 1):
            await chats.upsert(chat_id, "private", None, "ru")
            await chats.subscribe(chat_id)
        [news_id] = await news.add_new(
            feed.id, [draft("crash-1", "Соглашение о совместном центре")], announce=True
        )
        await outbox.fan_out(news_id, await all_targets(chats))
    finally:
        await db.close()


@pytest.mark.both_engines
async def test_kill_9_mid_broadcast_loses_nothing(tmp_path: Path, database_target: str) -> None:
    async with FakeBotAPI(token=TOKEN) as api, FakeNewsSite(seed=True) as site:
        env = bot_env(api, site, tmp_path, database_target)
        env["BROADCAST_RATE"] = "10"
        await prepare(env.get("DATABASE_URL", env["DATABASE_PATH"]), site.feed_url)
        first = BotProcess(env, tmp_path)
        await first.start()
        try:
            await wait_for(
                lambda: len(api.sent_messages()) >= 12, "a third of the broadcast", first
            )
        except BaseException:
            await first.kill()  # no bot left running after a failure
            raise
        assert first.proc is not None
        first.proc.send_signal(signal.SIGKILL)
        await first.proc.wait()
        killed_at = time.monotonic()
        recent = sum(1 for c in api.calls_of("sendMessage") if c.time >= killed_at - 1.0)
        sent_before = len(api.sent_messages())
        assert sent_before < CHATS  # the kill really came mid-broadcast

        second = BotProcess(env, tmp_path)
        await second.start()
        try:
            delivered = lambda: {m.chat_id for m in api.sent_messages()}  # noqa: E731
            await wait_for(lambda: len(delivered()) == CHATS, "every subscriber", second)
            await asyncio.sleep(1.0)  # anything still queued would go out now
        finally:
            assert await second.stop() == 0
        per_chat = Counter(m.chat_id for m in api.sent_messages())
        assert set(per_chat) == set(range(1, CHATS + 1))
        duplicates = sum(n - 1 for n in per_chat.values())
        assert duplicates <= recent, (duplicates, recent)
