"""Webhook mode: the real `python -m bot run` with WEBHOOK_URL, updates POSTed to its server."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramConflictError
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import TOKEN
from tests.fakes.bot_api import APIError, FakeBotAPI
from tests.fakes.news_site import FakeNewsSite
from tests.test_e2e import REPO, BotProcess, bot_env, wait_for, world  # noqa: F401 - fixture

USER = 5151
SECRET = "w3bh00k_Secret-tok3n"
PUBLIC_URL = "https://bot.example.org/tg/updates"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a Prometheus text exposition, keyed by (name, sorted labels)."""
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def outbox_settled(database: Path) -> bool:
    """Every outbox row of the bot's database has its final state recorded (read-only look)."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        row = conn.execute(
            "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')"
        ).fetchone()
    return int(row[0]) == 0


async def post_update(
    http: aiohttp.ClientSession, url: str, update: dict[str, Any], secret: str | None
) -> int:
    headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
    async with http.post(url, json=update, headers=headers) as response:
        return response.status


async def test_webhook_mode_serves_updates_health_and_metrics(
    world: tuple[FakeBotAPI, FakeNewsSite],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    api, site = world
    port = free_port()
    env = bot_env(api, site, tmp_path)
    env.update(
        WEBHOOK_URL=PUBLIC_URL,
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN=f"127.0.0.1:{port}",
        LOG_LEVEL="DEBUG",  # the secret must stay out of even the most verbose log
    )
    proc = BotProcess(env, tmp_path)
    base = f"http://127.0.0.1:{port}"
    hook = base + "/tg/updates"  # WEBHOOK_URL's path, served on WEBHOOK_LISTEN
    await proc.start()
    try:
        await wait_for(lambda: api.webhook is not None, "setWebhook", proc)
        assert api.webhook is not None
        assert api.webhook["url"] == PUBLIC_URL
        assert api.webhook["secret_token"] == SECRET
        assert "message" in api.webhook["allowed_updates"]
        feed = "/media/news/rss/"
        await wait_for(lambda: len(site.requests_to(feed)) > 0, "first poll", proc)

        async with aiohttp.ClientSession() as http:
            # The server is up once setWebhook was called; the update is answered in the request.
            update = api.push_message("/help", chat_id=USER, language_code="en")
            assert await post_update(http, hook, update, SECRET) == 200
            [reply] = api.sent_messages(USER)
            assert reply.ok and "/subscribe" in (reply.rendered or "")

            # A wrong or missing secret: refused, nothing handled, nothing sent.
            calls = len(api.calls)
            forged = api.push_message("/unsubscribe", chat_id=USER, language_code="en")
            assert await post_update(http, hook, forged, "not-the-secret") == 401
            assert await post_update(http, hook, forged, None) == 401
            assert api.calls[calls:] == []

            # An unknown command is labelled "other", not by its name.
            unknown = api.push_message("/frobnicate", chat_id=USER, language_code="en")
            assert await post_update(http, hook, unknown, SECRET) == 200
            subscribe = api.push_message("/subscribe", chat_id=USER, language_code="en")
            assert await post_update(http, hook, subscribe, SECRET) == 200
            assert len(api.sent_messages(USER)) == 3

            item = site.publish(
                "Политех подписал соглашение с Университетом Цинхуа",
                ["Стороны договорились о совместных исследованиях и обмене аспирантами."],
            )
            await wait_for(
                lambda: any(item.link in (m.text or "") for m in api.sent_messages(USER)),
                "the announcement",
                proc,
            )
            # Outcomes are recorded in batches a moment after the send.
            database = Path(env["DATABASE_PATH"])
            await wait_for(lambda: outbox_settled(database), "the outcome recorded", proc)

            async with http.get(base + "/healthz") as response:
                assert response.status == 200
                health = await response.json()
            assert health["ok"] is True and health["database"] is True
            assert health["last_poll"] is not None

            async with http.get(base + "/metrics") as response:
                assert response.status == 200
                assert response.content_type == "text/plain"
                exposition = await response.text()
        # getUpdates is never used with a webhook set (the fake would answer 409).
        assert api.calls_of("getUpdates") == []
    finally:
        code = await proc.stop()
    output = proc.output()
    assert code == 0, output
    # The dispatcher's startup and shutdown hooks ran around the webhook server.
    assert "bot started" in output and "bot stopped" in output
    assert SECRET not in output and TOKEN not in output
    assert output.count("wrong or missing secret token") == 1  # logged once, not per request

    got = samples(exposition)
    assert got[("bot_items_stored", ())] == len(site.items)
    assert got[("bot_sends_total", (("outcome", "ok"),))] == 1
    assert got[("bot_sends_total", (("outcome", "429"),))] == 0
    assert got[("bot_telegram_429_total", ())] == 0
    assert got[("bot_outbox_rows", (("state", "sent"),))] == 1
    assert got[("bot_outbox_rows", (("state", "pending"),))] == 0
    assert got[("bot_send_rate_per_second", ())] == 1 / 60
    assert got[("bot_webhook_refused_total", ())] == 2
    assert got[("bot_extraction_pending", ())] >= 0
    feed_label = (("feed", site.feed_url),)
    assert got[("bot_feed_error_streak", feed_label)] == 0
    assert got[("bot_feed_last_success_timestamp_seconds", feed_label)] > 1.7e9
    help_count = ("bot_handler_seconds_count", (("command", "help"), ("update_type", "message")))
    other = ("bot_handler_seconds_count", (("command", "other"), ("update_type", "message")))
    assert got[help_count] == 1 and got[other] == 1
    assert not any("frobnicate" in str(key) for key in got)


async def test_sigterm_lets_the_update_in_flight_finish(
    world: tuple[FakeBotAPI, FakeNewsSite],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    api, site = world
    port = free_port()
    env = bot_env(api, site, tmp_path)
    env.update(
        WEBHOOK_URL=PUBLIC_URL,
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN=f"127.0.0.1:{port}",
        POLL_INTERVAL_SECONDS="600",  # only the first poll and the /pollnow below
        ADMIN_IDS=str(USER),
    )
    proc = BotProcess(env, tmp_path)
    await proc.start()
    try:
        await wait_for(lambda: api.webhook is not None, "setWebhook", proc)
        await wait_for(lambda: len(site.requests_to("/media/news/rss/")) > 0, "first poll", proc)
        site.timeout_seconds = 2.0
        site.feed_fault("timeout")  # the next feed request takes 2 s
        update = api.push_message("/pollnow", chat_id=USER, language_code="en")
        async with aiohttp.ClientSession() as http:
            answer = asyncio.create_task(
                post_update(http, f"http://127.0.0.1:{port}/tg/updates", update, SECRET)
            )
            await wait_for(lambda: len(api.sent_messages(USER)) == 1, "'polling…' reply", proc)
            assert proc.proc is not None
            proc.proc.send_signal(signal.SIGTERM)
            assert await answer == 200
        # The poll finished and its summary went out before the bot stopped.
        assert len(api.sent_messages(USER)) == 2
        assert "pages fetched" in (api.sent_messages(USER)[1].rendered or "").lower()
        assert await asyncio.wait_for(proc.proc.wait(), 20) == 0, proc.output()
    finally:
        await proc.stop()
    assert "bot stopped" in proc.output()


async def test_a_refused_webhook_or_a_busy_port_stops_start_up_with_one_line(
    world: tuple[FakeBotAPI, FakeNewsSite],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    api, site = world
    refusal = "Bad Request: bad webhook: Failed to resolve host: Name or service not known"
    api.fail_next("setWebhook", APIError(400, refusal))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        for listen, expected in (
            (f"127.0.0.1:{free_port()}", f"error: Telegram refused the webhook: {refusal}"),
            (f"127.0.0.1:{taken}", f"error: cannot listen on 127.0.0.1:{taken}: "),
        ):
            env = bot_env(api, site, tmp_path)
            env.update(WEBHOOK_URL=PUBLIC_URL, WEBHOOK_SECRET=SECRET, WEBHOOK_LISTEN=listen)
            proc = BotProcess(env, tmp_path)
            await proc.start()
            assert proc.proc is not None
            assert await asyncio.wait_for(proc.proc.wait(), 60) == 1
            errors = [line for line in proc.output().splitlines() if line.startswith("error:")]
            assert len(errors) == 1 and errors[0].startswith(expected), proc.output()
            assert "Traceback" not in proc.output() and SECRET not in proc.output()
            proc.log.unlink()


async def test_the_fake_bot_api_refuses_getupdates_while_a_webhook_is_set(
    api: FakeBotAPI, bot: Bot
) -> None:
    assert await bot.set_webhook(PUBLIC_URL, secret_token=SECRET) is True
    assert api.webhook is not None and api.webhook["secret_token"] == SECRET
    assert (await bot.get_webhook_info()).url == PUBLIC_URL
    with pytest.raises(TelegramConflictError):
        await bot.get_updates(timeout=0)
    with pytest.raises(TelegramBadRequest):
        await bot.set_webhook("http://bot.example.org/plain-http")
    assert await bot.delete_webhook() is True
    assert (await bot.get_webhook_info()).url == ""
    assert await bot.get_updates(timeout=0) == []


async def test_a_malformed_webhook_setting_stops_start_up_with_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
    env.update(BOT_TOKEN=TOKEN, PYTHONPATH=str(REPO), DATABASE_PATH=str(tmp_path / "b.sqlite3"))
    cases = [
        ("WEBHOOK_URL", {"WEBHOOK_URL": "http://bot.example.org/hook"}, "https://"),
        ("WEBHOOK_URL", {"WEBHOOK_URL": "https:///no-host"}, "host"),
        ("WEBHOOK_URL", {"WEBHOOK_URL": "https://bot.example.org/metrics"}, "/metrics"),
        ("WEBHOOK_SECRET", {"WEBHOOK_URL": PUBLIC_URL}, "required"),
        (
            "WEBHOOK_SECRET",
            {"WEBHOOK_URL": PUBLIC_URL, "WEBHOOK_SECRET": "has spaces and ünïcode"},
            "A-Z",
        ),
        ("WEBHOOK_SECRET", {"WEBHOOK_URL": PUBLIC_URL, "WEBHOOK_SECRET": "x" * 257}, "1-256"),
        ("WEBHOOK_LISTEN", {"WEBHOOK_LISTEN": "localhost"}, "host:port"),
        ("METRICS_LISTEN", {"METRICS_LISTEN": "127.0.0.1:70000"}, "host:port"),
    ]
    for name, extra, hint in cases:
        run = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 2, (name, run.stderr)
        assert run.stderr.count("\n") == 1 and run.stderr.startswith("error: "), run.stderr
        assert name in run.stderr and hint in run.stderr
        assert "ünïcode" not in run.stderr  # a malformed secret is not echoed either


async def test_a_revoked_token_stops_the_bot_in_webhook_mode_too(
    world: tuple[FakeBotAPI, FakeNewsSite],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    api, site = world
    port = free_port()
    env = bot_env(api, site, tmp_path)
    env.update(WEBHOOK_URL=PUBLIC_URL, WEBHOOK_SECRET=SECRET, WEBHOOK_LISTEN=f"127.0.0.1:{port}")
    proc = BotProcess(env, tmp_path)
    await proc.start()
    try:
        await wait_for(lambda: api.webhook is not None, "setWebhook", proc)
        api.tokens.discard(TOKEN)  # revoked in @BotFather
        async with aiohttp.ClientSession() as http:
            update = api.push_message("/help", chat_id=USER, language_code="en")
            with contextlib.suppress(aiohttp.ServerDisconnectedError):
                # The 401 of the reply may stop the server before it answers this request.
                await post_update(http, f"http://127.0.0.1:{port}/tg/updates", update, SECRET)
        assert proc.proc is not None
        # No signal is sent: the 401 of the reply alone must stop the server and the bot.
        await wait_for(lambda: proc.proc.returncode is not None, "the bot to exit", proc, 20)  # type: ignore[union-attr]
        output = proc.output()
        assert proc.proc.returncode != 0, output
        errors = [line for line in output.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and "401" in errors[0], output
        assert TOKEN not in output
    finally:
        api.tokens.add(TOKEN)
        await proc.stop()
