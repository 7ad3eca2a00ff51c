"""/metrics and /healthz: polling mode with METRICS_LISTEN, and both when the database is gone."""

from __future__ import annotations

import socket
from pathlib import Path

import aiohttp
import pytest

from bot.serving.metrics import Metrics
from bot.serving.web import Health, ServeError, listening, monitoring_app
from storage.db import Database
from storage.monitoring import MonitoringRepository
from tests.fakes.bot_api import FakeBotAPI, too_many_requests
from tests.fakes.news_site import FakeNewsSite
from tests.test_e2e import BotProcess, bot_env, wait_for, world  # noqa: F401 - fixture
from tests.test_webhook import free_port, outbox_settled, samples

pytestmark = pytest.mark.both_engines

USER = 6161
BLOCKER = 6262  # subscribes, then blocks the bot


async def test_polling_mode_serves_metrics_on_metrics_listen(
    world: tuple[FakeBotAPI, FakeNewsSite],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    api, site = world
    # A webhook left by an earlier run in webhook mode: polling must delete it first.
    api.webhook = {"url": "https://bot.example.org/old", "secret_token": "old"}
    port = free_port()
    env = bot_env(api, site, tmp_path)
    env["METRICS_LISTEN"] = f"127.0.0.1:{port}"
    base = f"http://127.0.0.1:{port}"
    proc = BotProcess(env, tmp_path)
    await proc.start()
    try:
        await wait_for(lambda: api.calls_of("getUpdates") != [], "polling", proc)
        assert api.webhook is None and api.webhook_deleted == 1
        feed = "/media/news/rss/"
        await wait_for(lambda: len(site.requests_to(feed)) > 0, "first poll", proc)
        for chat in (USER, BLOCKER):
            api.push_message("/subscribe", chat_id=chat, language_code="en")
            await wait_for(lambda c=chat: len(api.sent_messages(c)) == 1, "subscribed", proc)
        api.block(BLOCKER)
        api.fail_next("sendMessage", too_many_requests(1), chat_id=USER)
        item = site.publish(
            "Политех и Университет Цинхуа открыли совместный центр",
            ["Центр займётся исследованиями в области энергетики."],
        )
        await wait_for(
            lambda: any(item.link in (m.text or "") for m in api.sent_messages(USER)),
            "the announcement after the 429",
            proc,
        )
        database = Path(env["DATABASE_PATH"])
        await wait_for(lambda: outbox_settled(database), "the outcomes recorded", proc)
        async with aiohttp.ClientSession() as http:
            async with http.get(base + "/healthz") as response:
                assert response.status == 200
                assert (await response.json())["database"] is True
            async with http.get(base + "/metrics") as response:
                assert response.status == 200
                got = samples(await response.text())
    finally:
        assert await proc.stop() == 0, proc.output()

    assert got[("bot_sends_total", (("outcome", "ok"),))] == 1
    assert got[("bot_sends_total", (("outcome", "429"),))] == 1
    assert got[("bot_sends_total", (("outcome", "403"),))] == 1
    assert got[("bot_sends_total", (("outcome", "failed"),))] == 0
    assert got[("bot_telegram_429_total", ())] == 1
    assert got[("bot_outbox_rows", (("state", "sent"),))] == 1
    assert got[("bot_outbox_rows", (("state", "dropped"),))] == 1
    assert got[("bot_items_stored", ())] == len(site.items)
    subscribe = (
        "bot_handler_seconds_count",
        (("command", "subscribe"), ("update_type", "message")),
    )
    assert got[subscribe] == 2
    assert got[("bot_last_poll_timestamp_seconds", ())] > 1.7e9


async def test_healthz_answers_503_and_metrics_mark_the_database_down_when_it_is_gone(
    tmp_path: Path,
) -> None:
    db = await Database.open(tmp_path / "bot.sqlite3")
    monitoring = MonitoringRepository(db)
    port = free_port()
    app = monitoring_app(Health(monitoring), Metrics(monitoring))
    async with listening(app, f"127.0.0.1:{port}"), aiohttp.ClientSession() as http:
        url = f"http://127.0.0.1:{port}/healthz"
        async with http.get(url) as response:
            assert response.status == 200
            assert await response.json() == {"ok": True, "database": True, "last_poll": None}
        async with http.get(f"http://127.0.0.1:{port}/metrics") as response:
            got = samples(await response.text())
        assert got[("bot_items_stored", ())] == 0
        assert got[("bot_outbox_rows", (("state", "pending"),))] == 0
        assert got[("bot_database_up", ())] == 1
        await db.close()
        async with http.get(url) as response:
            assert response.status == 503
            assert await response.json() == {"ok": False, "database": False, "last_poll": None}
        # /metrics still answers: the process's own counters, and the database marked down.
        async with http.get(f"http://127.0.0.1:{port}/metrics") as response:
            assert response.status == 200
            got = samples(await response.text())
        assert got[("bot_database_up", ())] == 0
        assert ("bot_items_stored", ()) not in got
        assert got[("bot_sends_total", (("outcome", "ok"),))] == 0


async def test_a_busy_metrics_port_is_one_clear_error(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "bot.sqlite3")
    monitoring = MonitoringRepository(db)
    app = monitoring_app(Health(monitoring), Metrics(monitoring))
    try:
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", 0))
            busy.listen()
            listen = f"127.0.0.1:{busy.getsockname()[1]}"
            with pytest.raises(ServeError, match=f"^cannot listen on {listen}: .+$"):
                async with listening(app, listen):
                    pass
    finally:
        await db.close()


def test_every_send_status_has_an_outcome_label() -> None:
    # A status without a label made observe_send raise inside the worker (seen with 401).
    from bot.delivery.worker import Status
    from bot.serving.metrics import SEND_OUTCOMES

    assert set(SEND_OUTCOMES) == set(Status)
