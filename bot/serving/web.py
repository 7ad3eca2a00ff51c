"""The bot's HTTP side: Telegram's webhook, /healthz and /metrics on one aiohttp server.

In webhook mode the dispatcher's startup and shutdown hooks (the same hooks polling runs) run
once the server listens and after it has drained, so the scheduler and the delivery worker live
exactly as long as the server. In polling mode /healthz and /metrics are on METRICS_LISTEN.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
import time
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Protocol

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.config import Settings, split_listen
from bot.serving.metrics import Metrics
from storage.monitoring import MonitoringRepository

log = logging.getLogger(__name__)

PING_TIMEOUT_SECONDS = 2.0
REFUSAL_LOG_INTERVAL = 60.0


class ServeError(Exception):
    """The server cannot start (a busy address, a refused webhook); one line for the operator."""


class Role(Protocol):
    @property
    def leading(self) -> bool: ...


class Health:
    """/healthz: the database answers a query; when the feeds were last polled; whether this
    instance leads (polls, sends): with PostgreSQL exactly one instance says true."""

    def __init__(self, monitoring: MonitoringRepository, role: Role | None = None) -> None:
        self.monitoring = monitoring
        self.role = role

    async def check(self) -> tuple[bool, datetime | None]:
        try:
            await asyncio.wait_for(self.monitoring.ping(), PING_TIMEOUT_SECONDS)
            last_poll = await asyncio.wait_for(self.monitoring.last_poll(), PING_TIMEOUT_SECONDS)
        except Exception as exc:  # any failure to answer is "not reachable"
            log.warning("health check: database not reachable: %s", type(exc).__name__)
            return False, None
        return True, last_poll

    async def handle(self, _request: web.Request) -> web.Response:
        reachable, last_poll = await self.check()
        body: dict[str, object] = {
            "ok": reachable,
            "database": reachable,
            "last_poll": last_poll.isoformat() if last_poll else None,
        }
        if self.role is not None:  # added to the fields monitors already read, none changed
            body["leader"] = self.role.leading
        return web.json_response(body, status=200 if reachable else 503, dumps=json.dumps)


def monitoring_app(health: Health, metrics: Metrics) -> web.Application:
    """An application answering GET /healthz and GET /metrics."""

    async def serve_metrics(_request: web.Request) -> web.Response:
        body = await metrics.render()
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_get("/healthz", health.handle)
    app.router.add_get("/metrics", serve_metrics)
    return app


class _RefusalLog:
    """Logs a refused webhook request the first time, then at most once a minute with a count.

    Never logs the header's value: a near-miss of the secret is as sensitive as the secret.
    """

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics
        self._logged_at: float | None = None
        self._unlogged = 0

    def __call__(self) -> None:
        self.metrics.webhook_refused.inc()
        self._unlogged += 1
        now = time.monotonic()
        if self._logged_at is None or now - self._logged_at >= REFUSAL_LOG_INTERVAL:
            log.warning(
                "webhook: refused %d request(s) with a wrong or missing secret token",
                self._unlogged,
            )
            self._logged_at = now
            self._unlogged = 0


class _CheckedHandler(SimpleRequestHandler):
    """aiogram's handler (401 on a wrong X-Telegram-Bot-Api-Secret-Token), refusals counted."""

    def __init__(self, dp: Dispatcher, bot: Bot, secret: str, refused: _RefusalLog) -> None:
        # Handled before answering: Telegram then paces its retries to us, and a SIGTERM lets
        # the updates being handled finish instead of dropping background tasks.
        super().__init__(dp, bot, handle_in_background=False, secret_token=secret)
        self.refused = refused

    def verify_secret(self, telegram_secret_token: str, bot: Bot) -> bool:
        if super().verify_secret(telegram_secret_token, bot):
            return True
        self.refused()
        return False


@contextlib.asynccontextmanager
async def listening(app: web.Application, listen: str) -> AsyncIterator[None]:
    """Run `app` on `listen` (host:port) for the block; its cleanup hooks run on exit."""
    host, port = split_listen(listen)
    runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=10)
    await runner.setup()
    try:
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError as exc:
            raise ServeError(f"cannot listen on {listen}: {exc.strerror or exc}") from None
        log.info("serving HTTP on %s", listen)
        yield
    finally:
        await runner.cleanup()


async def until_stopped(also: asyncio.Event | None = None) -> None:
    """Return on SIGTERM or SIGINT (Ctrl+C), or once `also` is set (a revoked token).

    The handlers stay until the loop closes: a second signal during the graceful shutdown that
    follows is ignored instead of killing the process mid-way.
    """
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    waits = [asyncio.create_task(stop.wait())]
    if also is not None:
        waits.append(asyncio.create_task(also.wait()))
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in waits:
            task.cancel()


async def serve_webhook(
    settings: Settings,
    dp: Dispatcher,
    bot: Bot,
    health: Health,
    metrics: Metrics,
    stop: asyncio.Event | None = None,
) -> None:
    """Serve updates on WEBHOOK_LISTEN until SIGTERM (or `stop` is set: a revoked token); the
    webhook stays set across restarts.

    The address is bound and the webhook set before the dispatcher's startup hooks run, so a
    busy port or a refused URL stops start-up with nothing started. Telegram keeps updates while
    the bot is down and retries them, so the webhook is not deleted at shutdown; polling mode
    deletes it at its start.
    """
    assert settings.webhook_url is not None and settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    app = monitoring_app(health, metrics)
    handler = _CheckedHandler(dp, bot, secret, _RefusalLog(metrics))
    app.router.add_post(settings.webhook_path, handler.handle)
    hook_data = {"dispatcher": dp, **dp.workflow_data, "bot": bot}
    started = False

    async def stop_dispatcher(_app: web.Application) -> None:
        if started:
            await dp.emit_shutdown(**hook_data)

    # Not aiogram's setup_application(): it stops the dispatcher in on_shutdown, before the
    # server has waited for the updates in flight; on_cleanup comes after, so they finish first.
    # The bot session is the caller's to close (the handler's `register` would close it early).
    app.on_cleanup.append(stop_dispatcher)
    async with listening(app, settings.webhook_listen):
        try:
            await bot.set_webhook(
                settings.webhook_url,
                secret_token=secret,
                allowed_updates=dp.resolve_used_update_types(),
            )
        except TelegramAPIError as exc:
            raise ServeError(f"Telegram refused the webhook: {exc.message}") from None
        await dp.emit_startup(**hook_data)
        started = True
        log.info("webhook set to %s; serving updates", settings.webhook_url)
        await until_stopped(stop)
        log.info("stopping")
