"""The token revoked mid-broadcast (401): the bot stops at once, spends no attempt, says why in
one line, and a restart with a valid token delivers everything that was left."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from tests.conftest import TOKEN
from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.news_site import FakeNewsSite
from tests.test_crash import CHATS, prepare
from tests.test_e2e import BotProcess, bot_env, wait_for


def outbox_rows(path: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(path) as conn:
        return [(str(r[0]), int(r[1])) for r in conn.execute("SELECT state, attempts FROM outbox")]


async def test_revoked_token_stops_the_bot_and_keeps_the_queue(tmp_path: Path) -> None:
    async with FakeBotAPI(token=TOKEN) as api, FakeNewsSite(seed=True) as site:
        env = bot_env(api, site, tmp_path)
        env["BROADCAST_RATE"] = "10"
        db_path = Path(env["DATABASE_PATH"])
        await prepare(db_path, site.feed_url)
        first = BotProcess(env, tmp_path)
        await first.start()
        try:
            await wait_for(lambda: len(api.sent_messages()) >= 8, "the broadcast under way", first)
            api.tokens.discard(TOKEN)  # revoked in @BotFather
            assert first.proc is not None
            await wait_for(lambda: first.proc.returncode is not None, "the bot to exit", first, 20)  # type: ignore[union-attr]
        except BaseException:
            await first.kill()  # no bot left running after a failure
            raise
        output = first.output()
        assert first.proc.returncode != 0, output
        errors = [line for line in output.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and "401" in errors[0], output
        assert "Traceback" not in output, output
        sent_before = {m.chat_id for m in api.sent_messages()}
        rows = outbox_rows(db_path)
        assert Counter(state for state, _ in rows) == {
            "sent": len(sent_before),
            "pending": CHATS - len(sent_before),
        }
        assert all(attempts == 0 for state, attempts in rows if state == "pending")

        api.tokens.add(TOKEN)  # a restart with a good token sends every one of them
        second = BotProcess(env, tmp_path)
        await second.start()
        try:
            delivered = lambda: {m.chat_id for m in api.sent_messages()}  # noqa: E731
            await wait_for(lambda: len(delivered()) == CHATS, "every subscriber", second)
        finally:
            assert await second.stop() == 0
        per_chat = Counter(m.chat_id for m in api.sent_messages())
        assert set(per_chat) == set(range(1, CHATS + 1))
        assert max(per_chat.values()) == 1


async def test_revoked_token_stops_an_idle_bot(tmp_path: Path) -> None:
    """Nothing to send: the 401 comes from polling (getUpdates), and the bot stops just the same."""
    async with FakeBotAPI(token=TOKEN) as api, FakeNewsSite(seed=True) as site:
        env = bot_env(api, site, tmp_path)
        bot = BotProcess(env, tmp_path)
        await bot.start()
        try:
            await wait_for(lambda: len(api.calls_of("getUpdates")) >= 1, "polling", bot)
            api.tokens.discard(TOKEN)
            api.end_long_polls()  # the long poll under way would otherwise run out its 10 s first
            assert bot.proc is not None
            await wait_for(lambda: bot.proc.returncode is not None, "the bot to exit", bot, 30)  # type: ignore[union-attr]
        except BaseException:
            await bot.kill()  # no bot left running after a failure
            raise
        output = bot.output()
        assert bot.proc.returncode != 0, output
        errors = [line for line in output.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and "401" in errors[0], output
