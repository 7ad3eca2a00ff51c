"""The outbox sender: one error policy for every broadcast, under Telegram's rate limits.

Telegram allows about 30 messages a second overall, 1 a second to one chat and 20 a minute to
one group. The worker keeps the global pace busy with other chats while one chat waits.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import enum
import itertools
import logging
import math
import random
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Protocol

import aiohttp
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.enums import ParseMode
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods import Response, SendMessage, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions

from bot.text.formatting import TELEGRAM_LIMIT, Outgoing, plain_fallback
from storage.chats import ChatRepository
from storage.db import utcnow
from storage.outbox import Delivery, OutboxRepository, Outcome

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
MAX_BACKOFF_SECONDS = 300.0
CATCH_UP_SECONDS = 0.25
CATCH_UP_PACE = 2.0  # lost time is made up at most this many times faster than `rate`
# A send still unanswered this long is taken to have reached Telegram by then: one hung request
# holds the broadcast back at most this long (and a second).
ANSWER_BOUND_SECONDS = 2.0
TRANSIT_SAMPLES = 64  # round trips the pacer's least transit is taken over
_GONE_MARKERS = ("chat not found", "user is deactivated", "bot was kicked", "peer_id_invalid")
_BAD_TEXT_MARKERS = ("can't parse entities", "message is too long", "text is too long")
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
Markup = InlineKeyboardMarkup | None  # buttons under a message (the Share button)
_JSON_HEADERS = {"Content-Type": "application/json"}


class Status(enum.Enum):
    SENT = "sent"
    RETRY_AFTER = "retry_after"  # flood control: wait `retry_after` seconds for this chat
    RETRY = "retry"  # transient: server or network error
    GONE = "gone"  # blocked, kicked, chat vanished: the chat is deactivated
    MIGRATED = "migrated"  # group became a supergroup: send again to the new id
    FAILED = "failed"  # a permanent error for this message only
    UNAUTHORIZED = "unauthorized"  # 401: the token was revoked, nothing can be sent any more


@dataclass(frozen=True, slots=True)
class SendResult:
    status: Status
    message_id: int | None = None
    retry_after: float = 0.0
    new_chat_id: int | None = None
    error: str | None = None


class Sender:
    """Sends one message and applies the error policy; never raises for Telegram errors."""

    def __init__(self, bot: Bot, chats: ChatRepository) -> None:
        self.bot = bot
        self.chats = chats
        self._url: str | None = None
        self._timeout = aiohttp.ClientTimeout(total=60)

    async def send(
        self,
        chat_id: int,
        text: str | Outgoing,
        *,
        thread_id: int | None = None,
        markup: Markup = None,
    ) -> SendResult:
        """One attempt; the error it reports (stored in the outbox) never holds the token."""
        result = await self._send(chat_id, text, thread_id, markup)
        if result.error is None:
            return result
        return dataclasses.replace(result, error=self._clean(result.error)[:300])

    def _clean(self, text: str) -> str:
        return text.replace(self.bot.token, "<BOT_TOKEN>")

    async def _send(
        self, chat_id: int, text: str | Outgoing, thread_id: int | None, markup: Markup = None
    ) -> SendResult:
        try:
            message_id = await self._send_html(chat_id, text, thread_id, markup)
        except TelegramRetryAfter as exc:
            return SendResult(Status.RETRY_AFTER, retry_after=float(exc.retry_after))
        except TelegramUnauthorizedError as exc:
            return SendResult(Status.UNAUTHORIZED, error=exc.message)
        except TelegramMigrateToChat as exc:
            log.info("chat %s migrated to %s", chat_id, exc.migrate_to_chat_id)
            await self.chats.migrate(chat_id, exc.migrate_to_chat_id)
            return SendResult(Status.MIGRATED, new_chat_id=exc.migrate_to_chat_id)
        except TelegramForbiddenError as exc:
            return await self._gone(chat_id, exc.message)
        except TelegramBadRequest as exc:
            reason = exc.message.lower()
            if any(marker in reason for marker in _GONE_MARKERS):
                return await self._gone(chat_id, exc.message)
            if any(marker in reason for marker in _BAD_TEXT_MARKERS):
                log.error("bug: Telegram rejected our HTML for chat %s: %s", chat_id, exc.message)
                return await self._send_plain(chat_id, text, thread_id, markup)
            if "thread not found" in reason and thread_id is not None:
                return await self._send(chat_id, text, None, markup)
            return SendResult(Status.FAILED, error=exc.message)
        except TelegramNotFound as exc:
            return SendResult(Status.FAILED, error=exc.message)
        except (
            TelegramServerError,
            TelegramNetworkError,
            aiohttp.ClientError,
            TimeoutError,
        ) as exc:
            return SendResult(Status.RETRY, error=f"{type(exc).__name__}: {exc}")
        return SendResult(Status.SENT, message_id=message_id)

    async def _send_html(
        self, chat_id: int, text: str | Outgoing, thread_id: int | None, markup: Markup = None
    ) -> int:
        """sendMessage with link previews off; returns the message id, raises aiogram's errors.

        The broadcast's hot path: over aiogram's own aiohttp session it posts JSON and reads
        only `message_id` from a success, skipping the request and Message models (about half
        the CPU of a send). Failures are decoded by aiogram's `check_response`, so they raise
        exactly the exceptions `bot.send_message` would. Session middlewares are not applied.
        """
        out = text if isinstance(text, Outgoing) else Outgoing(text)
        session = self.bot.session
        if not isinstance(session, AiohttpSession):
            message = await self.bot(_method(chat_id, out, thread_id, markup))
            return message.message_id
        params: dict[str, Any] = {
            "chat_id": chat_id,
            "text": out.text,
            "parse_mode": ParseMode.HTML.value,
            "link_preview_options": (
                {"url": out.preview_url, "prefer_large_media": True}
                if out.preview_url
                else {"is_disabled": True}
            ),
        }
        buttons = _markup(out, markup)
        if buttons is not None:
            params["reply_markup"] = buttons.model_dump(exclude_none=True)
        if thread_id is not None:
            params["message_thread_id"] = thread_id
        if self._url is None:
            self._url = session.api.api_url(token=self.bot.token, method="sendMessage")
            self._timeout = aiohttp.ClientTimeout(total=session.timeout)
        http = await session.create_session()
        async with http.post(
            self._url,
            data=session.json_dumps(params),
            headers=_JSON_HEADERS,
            timeout=self._timeout,
        ) as response:
            status = response.status
            raw = await response.text()
        if status == 200:
            body = session.json_loads(raw)
            if isinstance(body, dict) and body.get("ok"):
                return int(body["result"]["message_id"])
        method = _method(chat_id, out, thread_id)
        # Raises TelegramRetryAfter, TelegramForbiddenError, ... as aiogram itself would.
        result = session.check_response(self.bot, method, status, raw).result
        assert result is not None
        return result.message_id

    async def _gone(self, chat_id: int, reason: str) -> SendResult:
        reason = self._clean(reason)
        dropped = await self.chats.deactivate(chat_id, reason)
        log.info(
            "chat %s deactivated (%s), %d pending deliveries dropped", chat_id, reason, dropped
        )
        return SendResult(Status.GONE, error=reason)

    async def _send_plain(
        self, chat_id: int, text: str | Outgoing, thread_id: int | None, markup: Markup = None
    ) -> SendResult:
        out = text if isinstance(text, Outgoing) else Outgoing(text)
        method = SendMessage(
            chat_id=chat_id,
            text=plain_fallback(out.text, TELEGRAM_LIMIT),
            parse_mode=None,
            message_thread_id=thread_id,
            link_preview_options=_preview(out),
            reply_markup=_markup(out, markup),
        )
        try:
            # Past the session's middlewares (WaitOutFloodControl is for handlers' replies):
            # a 429 here is the worker's to pace, not to be slept out holding a slot.
            message = await self.bot.session.make_request(self.bot, method)
        except TelegramRetryAfter as exc:
            return SendResult(Status.RETRY_AFTER, retry_after=float(exc.retry_after))
        except TelegramUnauthorizedError as exc:
            return SendResult(Status.UNAUTHORIZED, error=exc.message)
        except (
            TelegramServerError,
            TelegramNetworkError,
            aiohttp.ClientError,
            TimeoutError,
        ) as exc:
            return SendResult(Status.RETRY, error=str(exc))
        except (TelegramBadRequest, TelegramForbiddenError, TelegramNotFound) as exc:
            return SendResult(Status.FAILED, error=exc.message)
        return SendResult(Status.SENT, message_id=message.message_id)


def _preview(out: Outgoing) -> LinkPreviewOptions:
    """The item's image as a large preview (no upload: Telegram fetches it); else none."""
    if out.preview_url is None:
        return _NO_PREVIEW
    return LinkPreviewOptions(url=out.preview_url, prefer_large_media=True)


def _markup(out: Outgoing, extra: Markup = None) -> InlineKeyboardMarkup | None:
    """The message's own URL button (if any) above the extra rows (the Share button)."""
    rows: list[list[InlineKeyboardButton]] = []
    if out.button is not None:
        label, url = out.button
        rows.append([InlineKeyboardButton(text=label, url=url)])
    if extra is not None:
        rows.extend(extra.inline_keyboard)
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def _method(
    chat_id: int, out: Outgoing, thread_id: int | None, extra: Markup = None
) -> SendMessage:
    return SendMessage(
        chat_id=chat_id,
        text=out.text,
        parse_mode=ParseMode.HTML,
        message_thread_id=thread_id,
        link_preview_options=_preview(out),
        reply_markup=_markup(out, extra),
    )


class TokenGuard(BaseRequestMiddleware):
    """A 401 is global: the token was revoked or replaced, so no request can succeed any more.

    Set by the Sender's 401 and, as a session middleware, by any other request's (getUpdates,
    replies); the first one is logged once, and whoever waits on `revoked` stops the bot.
    """

    def __init__(self) -> None:
        self.revoked = asyncio.Event()

    def reject(self, where: str) -> None:
        if not self.revoked.is_set():
            log.critical(
                "Telegram rejected BOT_TOKEN (401 Unauthorized) on %s: stopping; "
                "pending deliveries stay queued for a restart with a valid token",
                where,
            )
            self.revoked.set()

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        try:
            return await make_request(bot, method)
        except TelegramUnauthorizedError:
            self.reject(type(method).__name__)
            raise


@dataclass(eq=False)
class Grant:
    """One send the pacer let go at `at`; `answered` is when its reply came back."""

    at: float
    answered: float | None = None

    def reached_by(self, now: float) -> float:
        """The latest moment Telegram can have received the send, as known at `now`: its reply
        (Telegram answers after it counts), or `now` while none came, at most
        ANSWER_BOUND_SECONDS after it went."""
        end = self.answered if self.answered is not None else now
        return min(end, self.at + ANSWER_BOUND_SECONDS)


class GlobalPacer:
    """Spaces sends evenly at `rate` a second, never more than `rate` reaching Telegram in any
    sliding second; slows down while 429s keep coming, and `pause` holds every send (global
    flood control).

    Telegram counts a send when it arrives, somewhere between the pacer letting it go and its
    reply; a busy machine (the process descheduled, the event loop stalled) moves arrivals
    later by different amounts. So a send counts in the window until a second after its
    reply, not after it went: a send may go only when every send `rate` places back was
    answered a second ago or more, less the transit the two add between them: the new send's
    way there and the old reply's way back, taken together as at least half the fastest round
    trip of the last TRANSIT_SAMPLES sends (the legs vary apart, so not the whole of it: a
    loaded machine then let 26 arrive in a second). Without it a Bot API 100 ms away would
    hold the pace to rate / 1.1; with it, rate / 1.05."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.factor = 1.0
        self._next = time.monotonic()
        self._paused_until = 0.0
        self._granted: deque[float] = deque()  # when each send of the last second went
        self._recent: deque[Grant] = deque()  # the last int(rate) sends let go
        self._older_unanswered: set[Grant] = set()  # earlier sends still waiting for a reply
        self._older_reached = -math.inf  # the latest arrival of the earlier answered sends
        self._recent_429: deque[float] = deque()
        self._round_trips: deque[float] = deque(maxlen=TRANSIT_SAMPLES)
        self._transit = 0.0  # the fastest of `_round_trips`: no send arrives sooner after going

    async def wait(self) -> Grant:
        """Wait for this send's turn; the caller passes the grant to `answered` once the
        send's reply (or its failure) came back."""
        while True:
            now = time.monotonic()
            rate = self.rate * self.factor
            gap = 1.0 / rate
            granted = self._granted
            while granted and granted[0] <= now - 1.0:
                granted.popleft()
            # Time lost to a stall (sleep overshoot, the next batch's SQL) is made up, up to
            # CATCH_UP seconds of the even schedule (`slot`) and at no more than CATCH_UP_PACE
            # times the pace; only the window cap keeps any second within `rate` while it is.
            # After a quiet second nothing was lost: a broadcast starts at the even pace (a
            # burst would reach Telegram bunched up, with new connections to open).
            slot = max(self._next, now - (CATCH_UP_SECONDS if granted else 0.0))
            at = max(slot, self._paused_until)
            if granted:
                at = max(at, granted[-1] + gap / CATCH_UP_PACE)
            cap = max(1, int(rate))
            if len(self._recent) >= cap:
                at = max(at, self._window_free(now, len(self._recent) - cap + 1))
            if at <= now:
                break
            await asyncio.sleep(at - now)
        self._next = slot + gap
        granted.append(now)
        grant = Grant(now)
        self._recent.append(grant)
        while len(self._recent) > max(1, int(self.rate)):
            old = self._recent.popleft()
            if old.answered is None:
                self._older_unanswered.add(old)
            else:
                self._older_reached = max(self._older_reached, old.reached_by(now))
        return grant

    def answered(self, grant: Grant) -> None:
        """The send's reply came back (or it failed): Telegram has counted it by now."""
        grant.answered = time.monotonic()
        self._round_trips.append(grant.answered - grant.at)
        self._transit = min(self._round_trips)
        if grant in self._older_unanswered:
            self._older_unanswered.discard(grant)
            self._older_reached = max(self._older_reached, grant.reached_by(grant.answered))

    def _window_free(self, now: float, older: int) -> float:
        """When the sends before the last cap - 1 (the `older` first of `_recent` and every
        earlier one) are all a second past their arrival at Telegram, as a send going then
        would arrive."""
        reached = self._older_reached
        for grant in itertools.islice(self._recent, older):
            reached = max(reached, grant.reached_by(now))
        for grant in self._older_unanswered:
            reached = max(reached, grant.reached_by(now))
        return reached + 1.0 - self._transit / 2

    def pause(self, seconds: float) -> bool:
        """Hold every send for `seconds`; False if an earlier pause already covers it."""
        until = time.monotonic() + seconds
        if until <= self._paused_until:
            return False
        self._paused_until = until
        self._next = max(self._next, until)  # nothing to make up after a pause
        return True

    def saw_429(self) -> None:
        now = time.monotonic()
        self._recent_429.append(now)
        while self._recent_429 and self._recent_429[0] < now - 10:
            self._recent_429.popleft()
        if len(self._recent_429) >= 3:
            self.factor = max(0.2, self.factor * 0.8)
            self._recent_429.clear()
            log.warning(
                "repeated 429s: global send rate lowered to %.1f/s", self.rate * self.factor
            )

    def saw_success(self) -> None:
        if self.factor < 1.0:
            self.factor = min(1.0, self.factor + 0.002)


@dataclass
class ChatPacer:
    """Per-chat limits: one message a second to any chat, at most 20 a minute to a group."""

    private_gap: float = 1.0
    group_per_minute: int = 20
    _last: dict[int, float] = field(default_factory=dict)
    _group_sends: dict[int, deque[float]] = field(default_factory=dict)
    _cool_until: dict[int, float] = field(default_factory=dict)

    def ready_at(self, chat_id: int) -> float:
        at = self._last.get(chat_id, 0.0) + self.private_gap
        at = max(at, self._cool_until.get(chat_id, 0.0))
        sends = self._group_sends.get(chat_id)
        if sends is not None and len(sends) >= self.group_per_minute:
            at = max(at, sends[0] + 60.0)
        return at

    def quiet(self, chat_id: int, now: float) -> bool:
        """True when a send now stays within the chat's own limits (nothing to it in the last
        second; fewer than `group_per_minute` to a group in the last minute): a 429 for it
        can then only be Telegram's global flood control."""
        if chat_id < 0:
            sends = self._group_sends.get(chat_id, ())
            return sum(1 for t in sends if t > now - 60.0) < self.group_per_minute
        return self._last.get(chat_id, -1e9) <= now - 1.0

    def waiting(self, now: float) -> tuple[set[int], float | None]:
        """Chats that may not be sent to yet, and the earliest moment one of them may."""
        until: dict[int, float] = {}
        for chat_id, at in self._last.items():
            if at + self.private_gap > now:
                until[chat_id] = at + self.private_gap
        for chat_id, at in self._cool_until.items():
            if at > now:
                until[chat_id] = max(at, until.get(chat_id, at))
        for chat_id, sends in self._group_sends.items():
            if len(sends) >= self.group_per_minute and sends[0] + 60.0 > now:
                at = sends[0] + 60.0
                until[chat_id] = max(at, until.get(chat_id, at))
        return set(until), min(until.values(), default=None)

    def note(self, chat_id: int, now: float) -> None:
        self._last[chat_id] = now
        if chat_id < 0:  # groups, supergroups and channels have negative ids
            sends = self._group_sends.setdefault(chat_id, deque())
            sends.append(now)
            while sends and sends[0] <= now - 60.0:
                sends.popleft()

    def cool(self, chat_id: int, seconds: float) -> None:
        self._cool_until[chat_id] = time.monotonic() + seconds

    def prune(self, now: float) -> None:
        """Forget chats idle for a minute, so memory stays flat over a long broadcast."""
        self._last = {c: t for c, t in self._last.items() if t > now - 60.0}
        self._cool_until = {c: t for c, t in self._cool_until.items() if t > now}
        self._group_sends = {c: d for c, d in self._group_sends.items() if d and d[-1] > now - 60}


class SendObserver(Protocol):
    """Told the status of every send the worker makes (metrics); must not block or raise."""

    def observe_send(self, status: Status) -> None: ...


class _NoObserver:
    def observe_send(self, status: Status) -> None:
        pass


class Renderer(Protocol):
    """A stored item as the announcement a chat reads, in its language (None: item gone)."""

    async def __call__(self, news_id: int, lang: str) -> str | Outgoing | None: ...


class DigestTexts(Protocol):
    """The ready HTML of a digest by its id (the digests repository)."""

    async def text(self, digest_id: int) -> str | None: ...


class ShareButtons(Protocol):
    """Extra buttons under an announcement (the Share button), in the chat's language."""

    async def share(self, news_id: int, lang: str) -> Markup: ...


@dataclass
class DeliveryCounters:
    sent: int = 0
    retry_after: int = 0
    retries: int = 0
    gone: int = 0
    failed: int = 0


class DeliveryWorker:
    """Drains the outbox: claim due rows, send them paced, record outcomes in batches."""

    def __init__(
        self,
        sender: Sender,
        outbox: OutboxRepository,
        render: Renderer,
        *,
        rate: float,
        max_in_flight: int = 64,
        chat_pacer: ChatPacer | None = None,
        digest_text: DigestTexts | None = None,
        observer: SendObserver | None = None,
        share: ShareButtons | None = None,
        token_guard: TokenGuard | None = None,
    ) -> None:
        self.observer: SendObserver = observer or _NoObserver()
        self.share = share
        self.sender = sender
        self.outbox = outbox
        self.render = render
        self.digest_text = digest_text
        self.pacer = GlobalPacer(rate)
        self.chat_pacer = chat_pacer or ChatPacer()
        self.counters = DeliveryCounters()
        self.token_guard = token_guard or TokenGuard()
        self._batch = max(20, int(rate * 2))
        self._slots = asyncio.Semaphore(max_in_flight)
        self._in_flight: dict[int, asyncio.Task[None]] = {}  # outbox id -> task
        self._busy_chats: set[int] = set()
        self._outcomes: list[Outcome] = []
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        # The next batch's read, started while the current batch is still being paced out.
        self._prefetch: asyncio.Task[list[Delivery]] | None = None

    def wake(self) -> None:
        """New rows were queued: look at the outbox now instead of at the next tick."""
        self._wake.set()

    def start(self, hold: float = 0.0) -> None:
        """Start draining, the first send `hold` seconds from now; again after a `stop` too (an
        instance elected leader once more)."""
        if self._task is not None and not self._task.done():
            return
        if hold > 0:
            self.pacer.pause(hold)
        self._stopping = False
        self._prefetch = None
        self._task = asyncio.create_task(self.run(), name="delivery-worker")

    async def stop(self, grace: float = 10.0) -> None:
        """Stop taking work, let sends in flight finish (bounded), record every outcome."""
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, grace)
            except TimeoutError:
                log.warning("delivery worker did not stop in %.0fs", grace)

    async def run(self) -> None:
        await self._release_in_flight()
        flusher = asyncio.create_task(self._flush_loop(), name="delivery-flush")
        try:
            while not self._stopping:
                try:
                    await self._tick()
                except asyncio.CancelledError:
                    raise
                except Exception:
                    log.exception("delivery tick failed; retrying in 1s")
                    await asyncio.sleep(1.0)
        finally:
            if self._in_flight:
                await asyncio.wait(list(self._in_flight.values()), timeout=10.0)
            for task in self._in_flight.values():
                task.cancel()
            flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await flusher
            if self._prefetch is not None:
                self._prefetch.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await self._prefetch
            try:
                await self._flush()
            except Exception as exc:  # the database is gone (a lost leadership, a crash)
                log.warning(
                    "could not record %d delivery outcomes (%s): those rows go out again once "
                    "a sender releases them",
                    len(self._outcomes),
                    type(exc).__name__,
                )
                self._outcomes.clear()

    async def _release_in_flight(self) -> None:
        """Rows a dead sender had claimed go back to pending before anything is sent; retried
        while the database does not answer (an instance elected during an outage)."""
        while not self._stopping:
            try:
                released = await self.outbox.release_in_flight()
            except Exception:
                log.exception("releasing deliveries left in flight failed; retrying in 1s")
                await asyncio.sleep(1.0)
                continue
            if released:
                log.info("released %d deliveries left in flight by a previous run", released)
            return

    def _not_ready(self) -> tuple[set[int], float | None]:
        """Chats to leave out of the next read (paced, cooling, full groups, a send in flight),
        so that their queued rows never crowd out chats that may be sent to now."""
        skip, earliest = self.chat_pacer.waiting(time.monotonic())
        skip.update(self._busy_chats)
        return skip, earliest

    async def _tick(self) -> None:
        skip, earliest = self._not_ready()
        if self._prefetch is not None:
            # Taken before awaiting: a read that failed must not be awaited again every tick.
            prefetch, self._prefetch = self._prefetch, None
            due = await prefetch
        else:
            due = await self.outbox.due(self._batch + len(self._in_flight), skip)
        now = time.monotonic()
        chosen: list[Delivery] = []
        seen: set[int] = set()
        for delivery in due:
            if delivery.id in self._in_flight or delivery.chat_id in self._busy_chats:
                continue
            if delivery.chat_id in seen:
                continue
            seen.add(delivery.chat_id)
            ready = self.chat_pacer.ready_at(delivery.chat_id)
            if ready <= now:
                chosen.append(delivery)
                if len(chosen) >= self._batch:
                    break
            else:
                earliest = ready if earliest is None else min(earliest, ready)
        if not chosen:
            await self._idle(earliest, now, skip)
            return
        claimed = await self.outbox.claim([d.id for d in chosen])
        chosen = [d for d in chosen if d.id in claimed]
        await self._render_ahead(chosen)
        # Read ahead near the end of a long batch so the pace does not stall at the boundary;
        # rows claimed above are no longer pending, and the next tick filters the rest again.
        prefetch_at = len(chosen) * 3 // 4 if len(chosen) >= 40 else -1
        for index, delivery in enumerate(chosen):
            if index == prefetch_at:
                self._prefetch = asyncio.create_task(
                    self.outbox.due(self._batch + len(self._in_flight), self._not_ready()[0])
                )
            if self._stopping:
                # Claimed but never started: back to pending, nothing was sent.
                self._outcomes.extend(Outcome(d.id, "pending", d.attempts) for d in chosen[index:])
                return
            grant = await self.pacer.wait()
            await self._slots.acquire()
            now = time.monotonic()
            quiet = self.chat_pacer.quiet(delivery.chat_id, now)
            self.chat_pacer.note(delivery.chat_id, now)
            self._busy_chats.add(delivery.chat_id)
            task = asyncio.create_task(self._deliver(delivery, quiet, grant))
            self._in_flight[delivery.id] = task
        self.chat_pacer.prune(time.monotonic())

    async def _render_ahead(self, batch: list[Delivery]) -> None:
        """Render each item of the batch once before its sends are paced (the renderer caches
        it): a send then leaves when the pacer lets it, not bunched behind a first render."""
        for news_id, lang in {(d.news_id, d.language) for d in batch if d.news_id is not None}:
            try:
                await self.render(news_id, lang)
            except Exception:  # each send renders again and meets the error on its own
                log.warning("rendering item %s ahead failed", news_id, exc_info=True)

    async def _idle(self, earliest: float | None, now: float, skip: set[int]) -> None:
        timeout = 2.0
        if earliest is not None:
            timeout = min(timeout, max(0.05, earliest - now))
        if self._in_flight:
            timeout = min(timeout, 0.2)
        next_due = await self.outbox.next_due_at(skip)
        if next_due is not None:
            timeout = min(timeout, max(0.05, (next_due - utcnow()).total_seconds()))
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout)

    async def _deliver(self, delivery: Delivery, quiet: bool, grant: Grant) -> None:
        try:
            outcome = await self._attempt(delivery, quiet)
        except Exception as exc:
            log.exception("delivery %s to chat %s crashed", delivery.id, delivery.chat_id)
            outcome = self._retry(delivery, f"internal: {type(exc).__name__}")
        finally:
            self.pacer.answered(grant)
            self._slots.release()
            self._busy_chats.discard(delivery.chat_id)
            self._in_flight.pop(delivery.id, None)
        self._outcomes.append(outcome)
        if len(self._outcomes) >= 200:
            self._wake.set()

    async def _attempt(self, delivery: Delivery, quiet: bool) -> Outcome:
        """One send and what becomes of the row; `quiet`: the chat was within its own limits."""
        text: str | Outgoing | None
        if delivery.digest_id is not None:
            text = await self.digest_text.text(delivery.digest_id) if self.digest_text else None
        else:
            assert delivery.news_id is not None
            text = await self.render(delivery.news_id, delivery.language)
        if text is None:
            return Outcome(delivery.id, "dropped", delivery.attempts, error="item vanished")
        markup = None
        if self.share is not None and delivery.news_id is not None:
            markup = await self.share.share(delivery.news_id, delivery.language)
        result = await self.sender.send(
            delivery.chat_id, text, thread_id=delivery.thread_id, markup=markup
        )
        self.observer.observe_send(result.status)
        attempts = delivery.attempts + 1
        if result.status is Status.SENT:
            self.pacer.saw_success()
            self.counters.sent += 1
            return Outcome(delivery.id, "sent", attempts, message_id=result.message_id)
        if result.status is Status.RETRY_AFTER:
            self.counters.retry_after += 1
            self.pacer.saw_429()
            self.chat_pacer.cool(delivery.chat_id, result.retry_after)
            until = utcnow() + timedelta(seconds=result.retry_after)
            if not quiet:
                log.warning("429 for chat %s: waiting %.0fs", delivery.chat_id, result.retry_after)
            elif self.pacer.pause(result.retry_after):
                # Not this chat's limit: Telegram's global flood control holds every send.
                log.warning(
                    "429 for chat %s within its own limits: every send waits %.0fs",
                    delivery.chat_id,
                    result.retry_after,
                )
            # Flood control is not the message's fault: the attempt is not counted.
            return Outcome(delivery.id, "pending", delivery.attempts, next_attempt_at=until)
        if result.status is Status.UNAUTHORIZED:
            # Not this message's fault either: stop everything, spend no attempt, keep the row.
            self._stopping = True
            self._wake.set()
            self.token_guard.reject("sendMessage")
            return Outcome(delivery.id, "pending", delivery.attempts)
        if result.status is Status.MIGRATED:
            return Outcome(delivery.id, "pending", delivery.attempts, next_attempt_at=utcnow())
        if result.status is Status.GONE:
            self.counters.gone += 1
            return Outcome(delivery.id, "dropped", attempts, error=result.error)
        if result.status is Status.FAILED:
            self.counters.failed += 1
            log.warning("delivery %s failed for good: %s", delivery.id, result.error)
            return Outcome(delivery.id, "failed", attempts, error=result.error)
        return self._retry(delivery, result.error or "transient error")

    def _retry(self, delivery: Delivery, error: str) -> Outcome:
        attempts = delivery.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            self.counters.failed += 1
            log.warning("delivery %s gave up after %d attempts: %s", delivery.id, attempts, error)
            return Outcome(delivery.id, "failed", attempts, error=error)
        self.counters.retries += 1
        delay = min(MAX_BACKOFF_SECONDS, 2.0**attempts) * random.uniform(0.8, 1.2)
        return Outcome(
            delivery.id,
            "pending",
            attempts,
            next_attempt_at=utcnow() + timedelta(seconds=delay),
            error=error,
        )

    async def _flush_loop(self) -> None:
        while True:
            await asyncio.sleep(0.1)
            try:
                await self._flush()
            except Exception:
                log.exception("recording delivery outcomes failed; will retry")

    async def _flush(self) -> None:
        if not self._outcomes:
            return
        batch, self._outcomes = self._outcomes, []
        try:
            await self.outbox.record(batch)
        except BaseException:
            self._outcomes[:0] = batch
            raise


class WaitOutFloodControl(BaseRequestMiddleware):
    """Replies from handlers wait out a short 429 and try again instead of being lost.

    Broadcasts do not pass here (the Sender goes past session middlewares, with its own policy);
    a reply competes with them for Telegram's global budget, so a brief flood wait is expected
    while a broadcast runs. Only 429s are retried: Telegram did not perform those calls.
    """

    def __init__(self, max_wait: float = 10.0, tries: int = 3) -> None:
        self.max_wait = max_wait
        self.tries = tries

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        for _ in range(self.tries - 1):
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                if exc.retry_after > self.max_wait:
                    raise
                log.warning("429 on %s: waiting %ss", type(method).__name__, exc.retry_after)
                await asyncio.sleep(exc.retry_after)
        return await make_request(bot, method)
