"""Prometheus metrics: counters the bot bumps as it works, gauges read from the database on scrape.

One registry per `Metrics` (not the library's global one), so two bots in one process (tests)
never share numbers. `render()` refreshes the database gauges, then formats the text exposition.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import timedelta
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update
from aiogram.types.update import UpdateTypeLookupError
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.delivery.worker import Status
from bot.text.i18n import ADMIN_COMMANDS, COMMANDS
from storage.db import utcnow
from storage.monitoring import MonitoringRepository, Snapshot

log = logging.getLogger(__name__)
# A `_created` timestamp beside every counter doubles the exposition for nothing we chart.
disable_created_metrics()  # type: ignore[no-untyped-call]  # untyped in prometheus-client

# Label values for bot_sends_total: what each Sender status means to an operator.
SEND_OUTCOMES: dict[Status, str] = {
    Status.SENT: "ok",
    Status.RETRY: "retry",  # 5xx or network: backed off and tried again
    Status.RETRY_AFTER: "429",  # flood control: waited retry_after
    Status.GONE: "403",  # blocked, kicked or the chat vanished: the chat is deactivated
    Status.MIGRATED: "migrated",  # the group became a supergroup: sent again to the new id
    Status.FAILED: "failed",  # refused for good (bad request)
    Status.UNAUTHORIZED: "401",  # the token was revoked: the bot stops, the row stays queued
}
# Only known commands become label values: a user typing /anything must not grow the series.
_COMMANDS = frozenset(name for name, _, _ in COMMANDS + ADMIN_COMMANDS)
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
SETTLED_REFRESH_SECONDS = 300.0
SEND_RATE_WINDOW = timedelta(minutes=1)


class Metrics:
    """Every metric of one bot; the delivery worker's `SendObserver`."""

    def __init__(self, monitoring: MonitoringRepository | None = None) -> None:
        self.monitoring = monitoring
        self.registry = CollectorRegistry(auto_describe=True)
        self.sends = Counter(
            "bot_sends",
            "Outbox sends by outcome: ok, retry, 429, 403 (chat gone), migrated, failed.",
            ["outcome"],
            registry=self.registry,
        )
        # Bound once: the observer runs on the broadcast's hot path.
        self._sends_by_status = {s: self.sends.labels(o) for s, o in SEND_OUTCOMES.items()}
        self.flood_waits = Counter(
            "bot_telegram_429",
            "429 Too Many Requests answers to outbox sends.",
            registry=self.registry,
        )
        self.handler_seconds = Histogram(
            "bot_handler_seconds",
            "Time to handle one update, by update type and command.",
            ["update_type", "command"],
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.webhook_refused = Counter(
            "bot_webhook_refused",
            "Webhook requests refused for a wrong or missing secret token.",
            registry=self.registry,
        )
        self.database_up = Gauge(
            "bot_database_up", "1 when the last scrape could read the database.",
            registry=self.registry,
        )  # fmt: skip
        self.snapshot: Snapshot | None = None  # the database's numbers at the last refresh
        self.settled: dict[str, int] = {}
        self._settled_at = -SETTLED_REFRESH_SECONDS
        self.registry.register(_DatabaseGauges(self))

    def observe_send(self, status: Status) -> None:
        self._sends_by_status[status].inc()
        if status is Status.RETRY_AFTER:
            self.flood_waits.inc()

    def observe_update(self, update_type: str, command: str, seconds: float) -> None:
        self.handler_seconds.labels(update_type, command).observe(seconds)

    async def refresh(self) -> None:
        """Read the database gauges; the settled outbox states at most every few minutes.

        A database that fails to answer leaves them out and sets `bot_database_up` to 0: the
        process's own counters are still worth scraping.
        """
        if self.monitoring is None:
            return
        try:
            self.snapshot = await self.monitoring.snapshot(utcnow() - SEND_RATE_WINDOW)
            now = time.monotonic()
            if now - self._settled_at >= SETTLED_REFRESH_SECONDS:
                self.settled = await self.monitoring.outbox_settled()
                self._settled_at = now
        except Exception as exc:
            log.warning("metrics: database not readable: %s", type(exc).__name__)
            self.snapshot = None
            self.database_up.set(0)
        else:
            self.database_up.set(1)

    async def render(self) -> bytes:
        """The text exposition, database gauges refreshed first."""
        await self.refresh()
        return generate_latest(self.registry)


class _DatabaseGauges(Collector):
    """Yields the gauges of the last `Metrics.refresh()`; nothing before the first one."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def describe(self) -> list[Metric]:
        return []  # the families depend on the snapshot; nothing to check at registration

    def collect(self) -> Iterator[Metric]:
        snap = self.metrics.snapshot
        if snap is None:
            return
        yield GaugeMetricFamily("bot_items_stored", "News items stored.", value=snap.items)
        yield GaugeMetricFamily(
            "bot_extraction_pending",
            "Items stored but not yet read for partners (extraction lag).",
            value=snap.unextracted,
        )
        rows = GaugeMetricFamily(
            "bot_outbox_rows",
            "Outbox rows by state; sent, failed and dropped are recounted every 5 minutes.",
            labels=["state"],
        )
        for state, count in (self.metrics.settled | snap.outbox_live).items():
            rows.add_metric([state], count)
        yield rows
        yield GaugeMetricFamily(
            "bot_send_rate_per_second",
            "Messages sent over the last minute, per second.",
            value=snap.sent_since / SEND_RATE_WINDOW.total_seconds(),
        )
        success = GaugeMetricFamily(
            "bot_feed_last_success_timestamp_seconds",
            "Unix time of each feed's last successful poll (0: never).",
            labels=["feed"],
        )
        streak = GaugeMetricFamily(
            "bot_feed_error_streak", "Consecutive failed polls of each feed.", labels=["feed"]
        )
        checked = 0.0
        for feed in snap.feeds:
            ok_at = feed.last_success_at.timestamp() if feed.last_success_at else 0.0
            success.add_metric([feed.url], ok_at)
            streak.add_metric([feed.url], feed.error_streak)
            if feed.last_checked_at is not None:
                checked = max(checked, feed.last_checked_at.timestamp())
        yield success
        yield streak
        yield GaugeMetricFamily(
            "bot_last_poll_timestamp_seconds",
            "Unix time the feeds were last polled (0: never).",
            value=checked,
        )


def command_of(update: Update) -> str:
    """The update's bot command when it is one of ours, `other` for unknown ones, else ``."""
    message = update.message or update.edited_message or update.channel_post
    text = message.text if message is not None else None
    if not text or not text.startswith("/"):
        return ""
    name = text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else ""
    return name if name in _COMMANDS else "other"


class HandlerTimer(BaseMiddleware):
    """Outer update middleware: how long handling each update took, errors included."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        started = time.perf_counter()
        try:
            return await handler(event, data)
        finally:
            if isinstance(event, Update):
                try:
                    kind = event.event_type
                except UpdateTypeLookupError:  # a type newer than this aiogram
                    kind = "unknown"
                self.metrics.observe_update(kind, command_of(event), time.perf_counter() - started)
