"""In-process fake of the Telegram Bot API that a real aiogram ``Bot`` talks to over HTTP.

Serves ``/bot{token}/{method}`` on 127.0.0.1, answers with Bot API-shaped JSON, records every
call, queues injected updates for long polling, scripts errors and enforces Telegram-like rate
limits. Run ``python -m tests.fakes.bot_api --port 0`` to serve it standalone for benchmarks.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import inspect
import itertools
import json
import math
import re
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

from aiohttp import web

__all__ = [
    "APIError",
    "CallRecord",
    "FakeBotAPI",
    "HTMLParseError",
    "LimitStats",
    "cant_parse_entities",
    "chat_not_found",
    "drop_connection",
    "forbidden_blocked",
    "forbidden_kicked",
    "message_too_long",
    "migrated",
    "parse_telegram_html",
    "render_telegram_html",
    "server_error",
    "too_many_requests",
    "utf16_len",
]

JSONDict = dict[str, Any]


def _words(text: str) -> list[str]:
    """Whitespace-separated names, to keep long name lists compact."""
    return text.split()


MAX_MESSAGE_UTF16 = 4096
BOT_ID = 7_000_000_001

# Fields Telegram treats as strings: never JSON-decode them even if they look like numbers.
_STRING_FIELDS = frozenset(
    _words("""
    text caption parse_mode data callback_query_id url language_code description
    short_description name title inline_message_id business_connection_id
    message_effect_id action emoji secret_token query_id
    """)
)

# ---------------------------------------------------------------------------------------------
# Errors


@dataclass(frozen=True, slots=True)
class APIError:
    """A scripted Bot API failure; ``drop`` closes the connection instead of answering."""

    status: int
    description: str
    parameters: JSONDict | None = None
    drop: bool = False

    def body(self) -> JSONDict:
        """JSON error body exactly as Telegram sends it."""
        payload: JSONDict = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            payload["parameters"] = self.parameters
        return payload


def too_many_requests(retry_after: int) -> APIError:
    """Flood control answer; aiogram raises ``TelegramRetryAfter``."""
    return APIError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


def forbidden_blocked() -> APIError:
    """The user blocked the bot; aiogram raises ``TelegramForbiddenError``."""
    return APIError(403, "Forbidden: bot was blocked by the user")


def forbidden_kicked() -> APIError:
    """The bot was removed from a group; aiogram raises ``TelegramForbiddenError``."""
    return APIError(403, "Forbidden: bot was kicked from the group chat")


def chat_not_found() -> APIError:
    """Unknown chat id; aiogram raises ``TelegramBadRequest``."""
    return APIError(400, "Bad Request: chat not found")


def migrated(new_chat_id: int) -> APIError:
    """Group upgraded to a supergroup; aiogram raises ``TelegramMigrateToChat``."""
    return APIError(
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        {"migrate_to_chat_id": new_chat_id},
    )


def cant_parse_entities(detail: str = 'Unsupported start tag "div" at byte offset 0') -> APIError:
    """Malformed markup; aiogram raises ``TelegramBadRequest``."""
    return APIError(400, f"Bad Request: can't parse entities: {detail}")


def message_too_long() -> APIError:
    """Text over 4096 UTF-16 units; aiogram raises ``TelegramBadRequest``."""
    return APIError(400, "Bad Request: message is too long")


def server_error(status: int = 500) -> APIError:
    """Telegram-side failure; aiogram raises ``TelegramServerError``."""
    text = "Bad Gateway" if status == 502 else "Internal Server Error"
    return APIError(status, text)


def drop_connection() -> APIError:
    """Close the TCP connection without answering; aiogram raises ``TelegramNetworkError``."""
    return APIError(0, "connection dropped", drop=True)


_UNAUTHORIZED = APIError(401, "Unauthorized")
_NOT_FOUND = APIError(404, "Not Found")
_WEBHOOK_ACTIVE = APIError(
    409,
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
    "delete the webhook first",
)


class _Reject(Exception):  # noqa: N818 - internal control flow, carries an APIError
    def __init__(self, error: APIError) -> None:
        super().__init__(error.description)
        self.error = error


def _bad_request(detail: str) -> _Reject:
    return _Reject(APIError(400, f"Bad Request: {detail}"))


# ---------------------------------------------------------------------------------------------
# Telegram HTML


class HTMLParseError(ValueError):
    """Raised with Telegram's wording when ``parse_mode=HTML`` text would be rejected."""


_SUPPORTED_TAGS = frozenset(
    _words("""
    b strong i em u ins s strike del span tg-spoiler a code pre blockquote tg-emoji
    """)
)
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));")
_TAG_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_ATTR_RE = re.compile(r"""\s*([A-Za-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


# Tags of Telegram's HTML subset or HTML entities: plain text with these was meant as HTML.
_MARKUP_RE = re.compile(
    r"</?(?:b|strong|i|em|u|ins|s|strike|del|span|tg-spoiler|a|code|pre|blockquote|tg-emoji)"
    r"(?=[\s>/])[^<>]*>|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);"
)


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


_ENTITY_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "span": "spoiler", "tg-spoiler": "spoiler", "a": "text_link", "code": "code", "pre": "pre",
    "blockquote": "blockquote", "tg-emoji": "custom_emoji",
}  # fmt: skip


def _unescape(value: str) -> str:
    """Attribute values are decoded like text: the four named entities and numeric ones."""

    def one(m: re.Match[str]) -> str:
        if m.group(3):
            return _NAMED_ENTITIES[m.group(3)]
        code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
        return chr(code) if 0 < code < 0x110000 else "\ufffd"

    return _ENTITY_RE.sub(one, value)


def parse_telegram_html(text: str) -> str:
    """Return the plain text Telegram would show, or raise ``HTMLParseError`` like Telegram."""
    return render_telegram_html(text)[0]


def render_telegram_html(text: str) -> tuple[str, list[JSONDict]]:
    """The plain text and the entities Telegram makes of ``parse_mode=HTML`` text.

    Raises ``HTMLParseError`` with Telegram's wording on what it would reject. Only the Bot API
    tag set is accepted; unknown named entities stay literal, as Telegram does. Entity offsets and
    lengths are in UTF-16 units, as in the Bot API.
    """
    out: list[str] = []
    stack: list[tuple[str, int, dict[str, str]]] = []
    entities: list[JSONDict] = []
    position = 0  # UTF-16 units emitted so far
    i = 0
    n = len(text)

    def emit(chunk: str) -> None:
        nonlocal position
        out.append(chunk)
        position += utf16_len(chunk)

    while i < n:
        ch = text[i]
        if ch == "&":
            m = _ENTITY_RE.match(text, i)
            if m:
                if m.group(3):
                    emit(_NAMED_ENTITIES[m.group(3)])
                else:
                    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
                    emit(chr(code) if 0 < code < 0x110000 else "\ufffd")
                i = m.end()
            else:
                emit("&")
                i += 1
            continue
        if ch != "<":
            j = text.find("<", i)
            k = text.find("&", i)
            stop = min(x for x in (j, k, n) if x >= 0)
            emit(text[i:stop])
            i = stop
            continue
        begin = i
        if text.startswith("</", i):
            close = text.find(">", i)
            if close < 0:
                raise HTMLParseError(f"Unclosed end tag at byte offset {_byte_offset(text, begin)}")
            name = text[i + 2 : close].strip().lower()
            if not stack:
                raise HTMLParseError(
                    f'Unexpected end tag "{name}" at byte offset {_byte_offset(text, begin)}'
                )
            if name != stack[-1][0]:
                raise HTMLParseError(
                    f"Unmatched end tag at byte offset {_byte_offset(text, begin)}, "
                    f'expected "</{stack[-1][0]}>", found "</{name}>"'
                )
            tag, start, attrs = stack.pop()
            if position > start:
                entity: JSONDict = {
                    "type": _ENTITY_TYPES[tag], "offset": start, "length": position - start,
                }  # fmt: skip
                if tag == "a":
                    entity["url"] = _unescape(attrs.get("href", ""))
                entities.append(entity)
            i = close + 1
            continue
        m = _TAG_NAME_RE.match(text, i + 1)
        if not m:
            raise HTMLParseError(
                f'Unsupported start tag "" at byte offset {_byte_offset(text, begin)}'
            )
        name = m.group(0).lower()
        if name not in _SUPPORTED_TAGS:
            raise HTMLParseError(
                f'Unsupported start tag "{name}" at byte offset {_byte_offset(text, begin)}'
            )
        close = text.find(">", m.end())
        if close < 0:
            raise HTMLParseError(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
        attrs = {
            a.group(1).lower(): a.group(2) or a.group(3) or a.group(4) or ""
            for a in _ATTR_RE.finditer(text[m.end() : close].rstrip("/"))
            if a.group(1)
        }
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise HTMLParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset '
                f"{_byte_offset(text, begin)}"
            )
        if name == "tg-emoji" and "emoji-id" not in attrs:
            raise HTMLParseError(
                f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset '
                f"{_byte_offset(text, begin)}"
            )
        stack.append((name, position, attrs))
        i = close + 1
    if stack:
        raise HTMLParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram counts limits and offsets in."""
    return len(text.encode("utf-16-le")) // 2


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(slots=True)
class CallRecord:
    """One Bot API call as the fake saw it; ``params`` has JSON-string fields decoded."""

    method: str
    params: JSONDict
    time: float
    token: str
    status: int = 0  # 0 while the call is in flight
    result: Any = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the call was answered with ``{"ok": true}``."""
        return self.status == 200

    @property
    def chat_id(self) -> int | str | None:
        """The ``chat_id`` parameter, if the method had one."""
        value = self.params.get("chat_id")
        return value if isinstance(value, int | str) else None

    @property
    def text(self) -> str | None:
        """Raw ``text`` parameter (with markup), if any."""
        value = self.params.get("text")
        return value if isinstance(value, str) else None

    @property
    def rendered(self) -> str | None:
        """The text as Telegram shows it (markup parsed), once the call succeeded."""
        if not self.ok or not isinstance(self.result, dict):
            return None
        value = self.result.get("text", self.result.get("caption"))
        return value if isinstance(value, str) else None


@dataclass(slots=True)
class LimitStats:
    """sendMessage outcome counters, for benchmarks and rate-limit tests."""

    sent: int = 0
    rejected_429: int = 0
    per_chat: Counter[int | str] = field(default_factory=Counter)
    rejected_per_chat: Counter[int | str] = field(default_factory=Counter)


@dataclass(slots=True)
class _ScriptedFault:
    method: str
    error: APIError
    chat_id: int | str | None
    times: int


# ---------------------------------------------------------------------------------------------
# The server


class FakeBotAPI:
    """Telegram Bot API look-alike on 127.0.0.1 for tests and benchmarks.

    ``admins`` maps chat id to the user ids that are administrators there; the first entry of
    ``creators`` (chat id -> user id) is reported as ``creator``. Limits are off unless
    ``enforce_limits`` is set.
    """

    def __init__(
        self,
        token: str = "123:ABC",
        *,
        tokens: Iterable[str] = (),
        admins: Mapping[int | str, Iterable[int]] | None = None,
        creators: Mapping[int | str, int] | None = None,
        bot_username: str = "spbpu_partners_bot",
        bot_first_name: str = "SPbPU Partnership News",
        enforce_limits: bool = False,
        global_per_second: int = 30,
        private_per_second: int = 1,
        group_per_minute: int = 20,
        latency: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.tokens: set[str] = {token, *tokens}
        self.bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else BOT_ID
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.admins: dict[int | str, set[int]] = {k: set(v) for k, v in (admins or {}).items()}
        self.creators: dict[int | str, int] = dict(creators or {})
        self.enforce_limits = enforce_limits
        self.global_per_second = global_per_second
        self.private_per_second = private_per_second
        self.group_per_minute = group_per_minute
        self.latency = latency
        self.host = host
        self.port = port
        self._clock = clock

        self.calls: list[CallRecord] = []
        self._by_method: dict[str, list[CallRecord]] = {}
        self._sent: list[CallRecord] = []
        self._sent_by_chat: dict[int | str, list[CallRecord]] = {}
        self.stats = LimitStats()
        self.commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.webhook_deleted = 0
        # setWebhook's parameters while a webhook is set (url, secret_token, allowed_updates).
        self.webhook: JSONDict | None = None
        self.closed_by_client = False

        self._updates: list[JSONDict] = []
        self._update_ids = itertools.count(1)
        self._update_event = asyncio.Event()
        self._allowed_updates: list[str] = []
        self._message_ids: Counter[int | str] = Counter()
        self._messages: dict[tuple[int | str, int], JSONDict] = {}
        self._chats: dict[int | str, JSONDict] = {}
        self._users: dict[int, JSONDict] = {}
        self._faults: list[_ScriptedFault] = []
        self._blocked: set[int | str] = set()
        self._migrated: dict[int | str, int] = {}
        self._transit: dict[int | str, float] = {}
        self._long_polls_released = 0
        self._global_window: deque[float] = deque()
        self._chat_windows: dict[int | str, deque[float]] = {}
        self._callback_ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._stopping = False
        self._current_token = token

        self._handlers: dict[str, Callable[[JSONDict], Any]] = {
            "getMe": self._get_me,
            "logOut": lambda _p: True,
            "close": self._close,
            "deleteWebhook": self._delete_webhook,
            "getUpdates": self._get_updates,
            "getWebhookInfo": self._get_webhook_info,
            "setWebhook": self._set_webhook,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": lambda _p: True,
            "sendChatAction": lambda _p: True,
            "getChat": self._get_chat,
            "getChatMember": self._get_chat_member,
            "getChatAdministrators": self._get_chat_administrators,
        }
        self._handlers.update(self._media_handlers())

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT``, for ``TelegramAPIServer.from_base``."""
        if self._runner is None:
            raise RuntimeError("FakeBotAPI is not started")
        return f"http://{self.host}:{self.port}"

    async def start(self) -> None:
        """Bind a free port (unless one was given) and start serving."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        server = site._server
        assert server is not None
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Release long polls and close the server."""
        self._stopping = True
        self._update_event.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # -- inspection ------------------------------------------------------------------------

    def calls_of(self, method: str) -> list[CallRecord]:
        """All recorded calls of one Bot API method, successful or not, in order."""
        return list(self._by_method.get(_canonical(method), ()))

    def sent_messages(self, chat_id: int | str | None = None) -> list[CallRecord]:
        """Successful sendMessage calls, optionally to one chat; indexed, so cheap to poll."""
        if chat_id is None:
            return list(self._sent)
        return list(self._sent_by_chat.get(chat_id, ()))

    def message(self, chat_id: int | str, message_id: int) -> JSONDict | None:
        """Current state of a message the bot sent (after edits), or None."""
        return self._messages.get((chat_id, message_id))

    def my_commands(self, scope: JSONDict | None = None, language_code: str = "") -> list[JSONDict]:
        """Commands stored by setMyCommands for a scope (default scope if None) and language."""
        return self.commands.get((_scope_key(scope), language_code), [])

    @property
    def pending_updates(self) -> list[JSONDict]:
        """Updates queued and not yet confirmed by an offset."""
        return list(self._updates)

    # -- scripting -------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        error: APIError,
        *,
        chat_id: int | str | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with ``error``."""
        self._faults.append(_ScriptedFault(method, error, chat_id, times))

    def block(self, chat_id: int | str) -> None:
        """From now on every send to ``chat_id`` answers 403 'bot was blocked by the user'."""
        self._blocked.add(chat_id)

    def unblock(self, chat_id: int | str) -> None:
        """Undo ``block``."""
        self._blocked.discard(chat_id)

    def migrate(self, chat_id: int | str, new_id: int) -> None:
        """From now on sends to ``chat_id`` answer 400 with ``migrate_to_chat_id=new_id``."""
        self._migrated[chat_id] = new_id

    def end_long_polls(self) -> None:
        """Answer every getUpdates waiting now with no updates, as Telegram may before its
        timeout; the bot's next call is answered as it is then (a revoked token: 401)."""
        self._long_polls_released += 1
        self._update_event.set()

    def slow_path(self, chat_id: int | str, seconds: float) -> None:
        """Calls about ``chat_id`` reach the API ``seconds`` late (a slow network path, a
        request stuck behind others): counted, stamped and answered only then."""
        self._transit[_chat_key(chat_id)] = seconds

    def set_admins(
        self, chat_id: int | str, user_ids: Iterable[int], creator: int | None = None
    ) -> None:
        """Replace the administrator set of a chat (and optionally its creator)."""
        self.admins[chat_id] = set(user_ids)
        if creator is not None:
            self.creators[chat_id] = creator

    # -- update injection ------------------------------------------------------------------

    def push_update(self, update: JSONDict) -> JSONDict:
        """Queue a raw update; an ``update_id`` is assigned if missing. Returns the update."""
        update = dict(update)
        if "update_id" not in update:
            update["update_id"] = next(self._update_ids)
        else:
            last = update["update_id"]
            self._update_ids = itertools.count(max(last + 1, next(self._update_ids)))
        self._updates.append(update)
        self._update_event.set()
        return update

    def push_message(
        self,
        text: str,
        *,
        chat_id: int,
        user_id: int | None = None,
        chat_type: str = "private",
        language_code: str = "ru",
        username: str | None = None,
        message_thread_id: int | None = None,
        is_topic_message: bool = False,
        title: str | None = None,
    ) -> JSONDict:
        """Queue a user's text message; a leading ``/command`` gets a bot_command entity."""
        if user_id is None:
            user_id = chat_id if chat_type == "private" else 100_000 + abs(chat_id) % 1_000_000
        user = self._user(user_id, language_code=language_code, username=username)
        chat = self._chat(
            chat_id,
            chat_type=chat_type,
            title=title,
            user=user,
            is_forum=is_topic_message or None,
        )
        self._message_ids[chat_id] += 1
        message: JSONDict = {
            "message_id": self._message_ids[chat_id],
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            "text": text,
        }
        m = re.match(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,64})?", text)
        if m:
            message["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_len(m.group(0))}
            ]
        if message_thread_id is not None:
            message["message_thread_id"] = message_thread_id
        if is_topic_message:
            message["is_topic_message"] = True
        self._messages[(chat_id, message["message_id"])] = message
        return self.push_update({"message": message})

    def push_callback_query(
        self,
        data: str,
        *,
        chat_id: int,
        user_id: int,
        message_id: int,
        language_code: str = "ru",
        username: str | None = None,
    ) -> JSONDict:
        """Queue a button press on a message the bot sent (or a stub if it is unknown)."""
        user = self._user(user_id, language_code=language_code, username=username)
        message = self._messages.get((chat_id, message_id)) or {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self._chat(chat_id, user=user),
            "from": self._bot_user(),
            "text": "…",
        }
        query: JSONDict = {
            "id": str(next(self._callback_ids)),
            "from": user,
            "message": message,
            "chat_instance": str(abs(hash(chat_id)) % 10**12),
            "data": data,
        }
        return self.push_update({"callback_query": query})

    def push_my_chat_member(
        self,
        chat_id: int,
        *,
        new_status: str,
        old_status: str = "member",
        chat_type: str = "private",
        user_id: int | None = None,
        title: str | None = None,
        language_code: str | None = None,
        is_forum: bool | None = None,
    ) -> JSONDict:
        """Queue a change of the bot's own membership (blocked, kicked, added, promoted);
        `is_forum`: a supergroup with topics, as Telegram marks its chat."""
        if user_id is None:
            user_id = chat_id if chat_type == "private" else 100_000 + abs(chat_id) % 1_000_000
        user = self._user(user_id, language_code=language_code)
        chat = self._chat(chat_id, chat_type=chat_type, title=title, user=user, is_forum=is_forum)
        update: JSONDict = {
            "my_chat_member": {
                "chat": chat,
                "from": user,
                "date": int(time.time()),
                "old_chat_member": _chat_member(self._bot_user(), old_status),
                "new_chat_member": _chat_member(self._bot_user(), new_status),
            }
        }
        return self.push_update(update)

    # -- object builders -------------------------------------------------------------------

    def _bot_user(self) -> JSONDict:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def _user(
        self, user_id: int, *, language_code: str | None = None, username: str | None = None
    ) -> JSONDict:
        user = self._users.get(user_id) or {
            "id": user_id,
            "is_bot": False,
            "first_name": f"User{user_id}",
        }
        if language_code:
            user["language_code"] = language_code
        if username:
            user["username"] = username
        self._users[user_id] = user
        return dict(user)

    def _chat(
        self,
        chat_id: int | str,
        *,
        chat_type: str | None = None,
        title: str | None = None,
        user: JSONDict | None = None,
        is_forum: bool | None = None,
    ) -> JSONDict:
        known = self._chats.get(chat_id)
        if known is not None and chat_type is None:
            return dict(known)
        if chat_type is None:
            chat_type = _guess_chat_type(chat_id)
        numeric_id = chat_id if isinstance(chat_id, int) else -(10**12) - abs(hash(chat_id)) % 10**9
        chat: JSONDict = {"id": numeric_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = (user or {}).get("first_name", f"User{chat_id}")
            if user and "username" in user:
                chat["username"] = user["username"]
        else:
            chat["title"] = title or (known or {}).get("title") or f"Chat {chat_id}"
            if isinstance(chat_id, str):
                chat["username"] = chat_id.lstrip("@")
        if is_forum:
            chat["is_forum"] = True
        self._chats[chat_id] = chat
        return dict(chat)

    # -- HTTP ------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        method = request.match_info["method"]
        if self.latency:
            await asyncio.sleep(self.latency)
        params = await _read_params(request)
        transit = self._transit.get(_chat_key(params.get("chat_id")))
        if transit:
            await asyncio.sleep(transit)
        method = _canonical(method)
        record = CallRecord(method=method, params=params, time=self._clock(), token=token)
        self.calls.append(record)
        self._by_method.setdefault(method, []).append(record)
        try:
            if token not in self.tokens:
                raise _Reject(_UNAUTHORIZED)
            handler = self._handlers.get(method)
            if handler is None:
                raise _Reject(_NOT_FOUND)
            self._check_faults(record.method, params)
            self._current_token = token
            result = handler(params)
            if inspect.isawaitable(result):
                result = await result
        except _Reject as rejected:
            error = rejected.error
            record.status = error.status
            record.error = error.description
            if error.drop:
                if request.transport is not None:
                    request.transport.close()
                raise web.HTTPInternalServerError() from None
            return web.json_response(error.body(), status=error.status)
        record.result = result
        record.status = 200
        if record.method == "sendMessage":
            self._sent.append(record)
            self._sent_by_chat.setdefault(_chat_key(params.get("chat_id")), []).append(record)
        return web.json_response({"ok": True, "result": result})

    def _check_faults(self, method: str, params: JSONDict) -> None:
        chat_id = params.get("chat_id")
        for fault in self._faults:
            if fault.method == method and (fault.chat_id is None or fault.chat_id == chat_id):
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                if method == "sendMessage" and fault.error.status == 429:
                    self.stats.rejected_429 += 1
                    self.stats.rejected_per_chat[_chat_key(chat_id)] += 1
                raise _Reject(fault.error)
        if chat_id is None or method in {"getChat", "getChatMember", "getChatAdministrators"}:
            return
        if chat_id in self._migrated:
            raise _Reject(migrated(self._migrated[chat_id]))
        if chat_id in self._blocked:
            kicked = isinstance(chat_id, int) and chat_id < 0
            raise _Reject(forbidden_kicked() if kicked else forbidden_blocked())

    # -- rate limits -----------------------------------------------------------------------

    def _check_limits(self, chat_id: int | str) -> None:
        key = _chat_key(chat_id)
        if not self.enforce_limits:
            self.stats.sent += 1
            self.stats.per_chat[key] += 1
            return
        now = self._clock()
        window_g = self._global_window
        while window_g and now - window_g[0] >= 1.0:
            window_g.popleft()
        is_group = isinstance(chat_id, str) or chat_id < 0
        span, limit = (60.0, self.group_per_minute) if is_group else (1.0, self.private_per_second)
        window_c = self._chat_windows.get(key)
        if window_c is None:
            window_c = self._chat_windows[key] = deque()
        while window_c and now - window_c[0] >= span:
            window_c.popleft()
        over_global = len(window_g) >= self.global_per_second
        over_chat = len(window_c) >= limit
        if over_global or over_chat:
            wait = window_g[0] + 1.0 - now if over_global else 0.0
            if over_chat:
                wait = max(wait, window_c[0] + span - now)
            self.stats.rejected_429 += 1
            self.stats.rejected_per_chat[key] += 1
            raise _Reject(too_many_requests(max(1, math.ceil(wait))))
        window_g.append(now)
        window_c.append(now)
        self.stats.sent += 1
        self.stats.per_chat[key] += 1

    # -- methods ---------------------------------------------------------------------------

    def _get_me(self, _params: JSONDict) -> JSONDict:
        prefix = self._current_token.split(":", 1)[0]
        return {
            **self._bot_user(),
            "id": int(prefix) if prefix.isdigit() else self.bot_id,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _close(self, _params: JSONDict) -> bool:
        self.closed_by_client = True
        return True

    def _set_webhook(self, params: JSONDict) -> bool:
        url = params.get("url")
        if not isinstance(url, str) or not url.startswith("https://"):
            raise _bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise _bad_request("bad webhook: secret token contains unallowed characters")
        self.webhook = dict(params)
        return True

    def _delete_webhook(self, params: JSONDict) -> bool:
        self.webhook_deleted += 1
        self.webhook = None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _get_webhook_info(self, _params: JSONDict) -> JSONDict:
        return {
            "url": (self.webhook or {}).get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _set_my_commands(self, params: JSONDict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad_request("commands must be an array")
        for command in commands:
            name = command.get("command", "") if isinstance(command, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        key = (_scope_key(params.get("scope")), str(params.get("language_code") or ""))
        self.commands[key] = commands
        return True

    def _get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        key = (_scope_key(params.get("scope")), str(params.get("language_code") or ""))
        return self.commands.get(key, [])

    def _delete_my_commands(self, params: JSONDict) -> bool:
        key = (_scope_key(params.get("scope")), str(params.get("language_code") or ""))
        self.commands.pop(key, None)
        return True

    async def _get_updates(self, params: JSONDict) -> list[JSONDict]:
        if self.webhook is not None:
            raise _Reject(_WEBHOOK_ACTIVE)
        offset = _int(params.get("offset"), 0)
        limit = min(max(_int(params.get("limit"), 100), 1), 100)
        timeout = max(_int(params.get("timeout"), 0), 0)
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            # Telegram remembers the last non-null allowed_updates; [] means "all but a few".
            self._allowed_updates = [str(a) for a in allowed]
        deadline = time.monotonic() + timeout
        released = self._long_polls_released
        while True:
            if offset > 0:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            elif offset < 0:
                self._updates = self._updates[offset:]
            ready = [u for u in self._updates if self._is_allowed(u)][:limit]
            remaining = deadline - time.monotonic()
            if ready or remaining <= 0 or self._stopping:
                return ready
            if released != self._long_polls_released:
                return ready
            self._update_event.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._update_event.wait(), remaining)

    def _is_allowed(self, update: JSONDict) -> bool:
        if not self._allowed_updates:
            return not (
                {"chat_member", "message_reaction", "message_reaction_count"} & update.keys()
            )
        return any(kind in update for kind in self._allowed_updates)

    def _resolve_chat(self, params: JSONDict) -> int | str:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad_request("chat_id is empty")
        if isinstance(chat_id, str) and not chat_id.startswith("@"):
            raise _bad_request("chat not found")
        if not isinstance(chat_id, int | str):
            raise _bad_request("chat not found")
        return chat_id

    def _validate_text(self, params: JSONDict) -> tuple[str, list[JSONDict]]:
        """The rendered text and its entities, or a 400 as Telegram (or the fake's strictness)."""
        text = params.get("text")
        if not isinstance(text, str) or not text:
            raise _bad_request("message text is empty")
        plain, entities = text, []
        mode = str(params.get("parse_mode") or "").lower()
        if mode == "html":
            try:
                plain, entities = render_telegram_html(text)
            except HTMLParseError as exc:
                raise _bad_request(f"can't parse entities: {exc}") from None
        elif not mode and params.get("entities") is None:
            markup = _MARKUP_RE.search(text)
            if markup is not None:
                # Telegram would show the tags verbatim; the fake refuses so the bug cannot hide.
                raise _bad_request(
                    f"fake: markup without parse_mode would be shown verbatim: {markup.group(0)!r}"
                )
        if not plain.strip():
            raise _bad_request("message text is empty")
        if utf16_len(plain) > MAX_MESSAGE_UTF16:
            raise _bad_request("message is too long")
        return plain, entities

    def _send_message(self, params: JSONDict) -> JSONDict:
        chat_id = self._resolve_chat(params)
        plain, entities = self._validate_text(params)
        self._check_limits(chat_id)
        self._message_ids[chat_id] += 1
        message: JSONDict = {
            "message_id": self._message_ids[chat_id],
            "date": int(time.time()),
            "chat": self._chat(chat_id),
            "from": self._bot_user(),
            "text": plain,
        }
        if entities:
            message["entities"] = entities
        thread = params.get("message_thread_id")
        if isinstance(thread, int):
            message["message_thread_id"] = thread
            message["is_topic_message"] = True
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        preview = params.get("link_preview_options")
        if isinstance(preview, dict):
            message["link_preview_options"] = preview
        elif params.get("disable_web_page_preview") is True:
            message["link_preview_options"] = {"is_disabled": True}
        self._messages[(chat_id, message["message_id"])] = message
        return message

    def _find_message(self, params: JSONDict, verb: str) -> tuple[int | str, JSONDict]:
        chat_id = self._resolve_chat(params)
        message_id = _int(params.get("message_id"), 0)
        message = self._messages.get((chat_id, message_id))
        if message is None:
            raise _bad_request(f"message to {verb} not found")
        return chat_id, message

    def _edit_message_text(self, params: JSONDict) -> JSONDict:
        chat_id, message = self._find_message(params, "edit")
        plain, entities = self._validate_text(params)
        markup = params.get("reply_markup")
        if (
            plain == message.get("text")
            and entities == message.get("entities", [])
            and markup == message.get("reply_markup")
        ):
            raise _bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        message = {**message, "text": plain, "edit_date": int(time.time())}
        message.pop("entities", None)
        if entities:
            message["entities"] = entities
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        self._messages[(chat_id, message["message_id"])] = message
        return message

    def _edit_message_reply_markup(self, params: JSONDict) -> JSONDict:
        chat_id, message = self._find_message(params, "edit")
        markup = params.get("reply_markup")
        if markup == message.get("reply_markup"):
            raise _bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        message = {**message, "edit_date": int(time.time())}
        if isinstance(markup, dict) and markup.get("inline_keyboard"):
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        self._messages[(chat_id, message["message_id"])] = message
        return message

    def _delete_message(self, params: JSONDict) -> bool:
        chat_id, message = self._find_message(params, "delete")
        del self._messages[(chat_id, message["message_id"])]
        return True

    def _get_chat(self, params: JSONDict) -> JSONDict:
        chat_id = self._resolve_chat(params)
        if chat_id in self._migrated:
            raise _Reject(migrated(self._migrated[chat_id]))
        return {
            **self._chat(chat_id),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    def _status_of(self, chat_id: int | str, user_id: int) -> str:
        if isinstance(chat_id, int) and chat_id > 0:
            return "member"
        if self.creators.get(chat_id) == user_id:
            return "creator"
        if user_id in self.admins.get(chat_id, set()):
            return "administrator"
        return "member"

    def _get_chat_member(self, params: JSONDict) -> JSONDict:
        chat_id = self._resolve_chat(params)
        user_id = _int(params.get("user_id"), 0)
        if not user_id:
            raise _bad_request("user not found")
        user = self._bot_user() if user_id == self.bot_id else self._user(user_id)
        return _chat_member(user, self._status_of(chat_id, user_id))

    def _get_chat_administrators(self, params: JSONDict) -> list[JSONDict]:
        chat_id = self._resolve_chat(params)
        if isinstance(chat_id, int) and chat_id > 0:
            raise _bad_request("there are no administrators in the private chat")
        ids: list[int] = []
        creator = self.creators.get(chat_id)
        if creator is not None:
            ids.append(creator)
        ids.extend(sorted(self.admins.get(chat_id, set()) - set(ids)))
        return [_chat_member(self._user(uid), self._status_of(chat_id, uid)) for uid in ids]

    # -- media uploads and inline mode (sendPhoto, sendDocument, answerInlineQuery) ----------

    def _media_handlers(self) -> dict[str, Callable[[JSONDict], Any]]:
        self.files: dict[str, JSONDict] = {}  # file_id -> {"kind", "content", "name", ...}
        self.inline_queries: dict[str, JSONDict] = {}  # id -> the inline_query pushed
        self.inline_answers: dict[str, JSONDict] = {}  # inline_query_id -> validated answer
        self._file_ids = itertools.count(1)
        self._inline_ids = itertools.count(1)
        return {
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "answerInlineQuery": self._answer_inline_query,
        }

    def sent_media(self, chat_id: int | str, method: str = "sendPhoto") -> list[CallRecord]:
        """Successful sendPhoto (or sendDocument) calls to one chat, in order."""
        return [c for c in self.calls_of(method) if c.ok and c.chat_id == chat_id]

    def file_content(self, file_id: str) -> bytes:
        """The bytes uploaded under a file_id."""
        return bytes(self.files[file_id]["content"])

    def push_inline_query(
        self,
        query: str,
        *,
        user_id: int,
        language_code: str = "ru",
        chat_type: str = "sender",
        offset: str = "",
    ) -> JSONDict:
        """Queue an inline query (`@bot query` typed in a chat); returns the inline_query."""
        inline: JSONDict = {
            "id": f"iq{next(self._inline_ids)}",
            "from": self._user(user_id, language_code=language_code),
            "query": query,
            "offset": offset,
            "chat_type": chat_type,
        }
        self.inline_queries[inline["id"]] = inline
        self.push_update({"inline_query": inline})
        return inline

    def _validate_caption(self, params: JSONDict) -> tuple[str, list[JSONDict]]:
        """A caption as Telegram shows it: at most 1024 UTF-16 units after entity parsing."""
        caption = params.get("caption")
        if caption is None or caption == "":
            return "", []
        if not isinstance(caption, str):
            raise _bad_request("caption must be a string")
        plain, entities = caption, []
        if str(params.get("parse_mode") or "").lower() == "html":
            try:
                plain, entities = render_telegram_html(caption)
            except HTMLParseError as exc:
                raise _bad_request(f"can't parse entities: {exc}") from None
        elif _MARKUP_RE.search(caption) and params.get("caption_entities") is None:
            raise _bad_request("fake: markup without parse_mode would be shown verbatim")
        if utf16_len(plain) > MAX_CAPTION_UTF16:
            raise _bad_request("message caption is too long")
        return plain, entities

    def _upload(self, params: JSONDict, field_name: str, kind: str, limit: int) -> JSONDict:
        """The file sent as `field_name`: a new upload (multipart) or a known file_id."""
        value = params.get(field_name)
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))  # the multipart part named so
        elif isinstance(value, str) and value:
            known = self.files.get(value)
            if known is None or (known["kind"] == "document") != (kind == "document"):
                raise _bad_request("wrong file identifier/HTTP URL specified")
            return known
        if value is None or not hasattr(value, "file"):
            raise _bad_request(f"there is no {field_name} in the request")
        content = value.file.read()
        if not content:
            raise _bad_request("file must be non-empty")
        if len(content) > limit:
            raise _Reject(APIError(413, "Request Entity Too Large"))
        record: JSONDict = {
            "kind": kind,
            "content": content,
            "name": value.filename,
            "mime_type": value.content_type,
        }
        if kind == "photo":
            size = _image_size(content)
            if size is None:
                raise _bad_request("IMAGE_PROCESS_FAILED")
            width, height = size
            if width + height > 10_000 or max(width, height) > 20 * min(width, height):
                raise _bad_request("PHOTO_INVALID_DIMENSIONS")
            record["width"], record["height"] = width, height
        file_id = f"{kind[:3].upper()}file{next(self._file_ids):06d}-{len(content)}"
        record["file_id"] = file_id
        record["file_unique_id"] = f"u{file_id}"
        self.files[file_id] = record
        return record

    def _media_message(self, params: JSONDict, key: str, media: Any) -> JSONDict:
        chat_id = self._resolve_chat(params)
        plain, entities = self._validate_caption(params)
        self._check_limits(chat_id)
        self._message_ids[chat_id] += 1
        message: JSONDict = {
            "message_id": self._message_ids[chat_id],
            "date": int(time.time()),
            "chat": self._chat(chat_id),
            "from": self._bot_user(),
            key: media,
        }
        if plain:
            message["caption"] = plain
        if entities:
            message["caption_entities"] = entities
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        self._messages[(chat_id, message["message_id"])] = message
        return message

    def _send_photo(self, params: JSONDict) -> JSONDict:
        self._resolve_chat(params)
        record = self._upload(params, "photo", "photo", MAX_PHOTO_BYTES)
        width, height = record["width"], record["height"]
        scale = min(1.0, 320 / max(width, height))
        sizes = [
            {
                "file_id": f"{record['file_id']}-s",
                "file_unique_id": f"{record['file_unique_id']}-s",
                "width": max(1, round(width * scale)),
                "height": max(1, round(height * scale)),
            },
            {
                "file_id": record["file_id"],
                "file_unique_id": record["file_unique_id"],
                "width": width,
                "height": height,
                "file_size": len(record["content"]),
            },
        ]
        self.files.setdefault(sizes[0]["file_id"], record)
        return self._media_message(params, "photo", sizes)

    def _send_document(self, params: JSONDict) -> JSONDict:
        self._resolve_chat(params)
        record = self._upload(params, "document", "document", MAX_DOCUMENT_BYTES)
        document = {
            "file_id": record["file_id"],
            "file_unique_id": record["file_unique_id"],
            "file_name": record["name"],
            "mime_type": record["mime_type"],
            "file_size": len(record["content"]),
        }
        return self._media_message(params, "document", document)

    def _answer_inline_query(self, params: JSONDict) -> bool:
        query_id = str(params.get("inline_query_id") or "")
        if query_id not in self.inline_queries:
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if query_id in self.inline_answers:
            raise _bad_request("QUERY_ID_INVALID")  # a query is answered once
        results = params.get("results")
        if not isinstance(results, list):
            raise _bad_request("results must be an array")
        if len(results) > MAX_INLINE_RESULTS:
            raise _bad_request("RESULTS_TOO_MUCH")
        cache_time = params.get("cache_time", 300)
        if not isinstance(cache_time, int) or cache_time < 0:
            raise _bad_request("cache_time must be a non-negative integer")
        seen: set[str] = set()
        shown = []
        for result in results:
            if not isinstance(result, dict):
                raise _bad_request("RESULT_INVALID")
            rid = result.get("id")
            if not isinstance(rid, str) or not 1 <= len(rid.encode("utf-8")) <= 64:
                raise _bad_request("RESULT_ID_INVALID")
            if rid in seen:
                raise _bad_request("RESULT_ID_DUPLICATE")
            seen.add(rid)
            shown.append(self._inline_result(result))
        self.inline_answers[query_id] = {
            "results": shown,
            "cache_time": cache_time,
            "is_personal": bool(params.get("is_personal", False)),
            "next_offset": params.get("next_offset", ""),
            "params": params,
        }
        return True

    def _inline_result(self, result: JSONDict) -> JSONDict:
        """One result as a user sees it in the list and, once chosen, in the chat."""
        kind = result.get("type")
        required = _INLINE_REQUIRED.get(str(kind))
        if required is None:
            raise _bad_request("RESULT_TYPE_INVALID")
        for name in required:
            if not result.get(name):
                raise _bad_request(f"{name.upper()}_INVALID")
        content = result.get("input_message_content")
        text, entities = None, []
        if content is not None:
            if not isinstance(content, dict) or "message_text" not in content:
                raise _bad_request("MESSAGE_EMPTY")  # only text contents are used by the bot
            try:
                text, entities = self._validate_text(
                    {
                        "text": content["message_text"],
                        "parse_mode": content.get("parse_mode"),
                        "entities": content.get("entities"),
                    }  # fmt: skip
                )
            except _Reject as rejected:
                raise _bad_request("MESSAGE_TEXT_INVALID: " + rejected.error.description) from None
        return {
            "id": result["id"],
            "type": kind,
            "title": result.get("title"),
            "description": result.get("description"),
            "text": text,
            "entities": entities,
            "reply_markup": result.get("reply_markup"),
        }


# ---------------------------------------------------------------------------------------------
# Helpers


def _canonical(method: str) -> str:
    """Telegram method names are case-insensitive."""
    lowered = method.lower()
    return _CANONICAL.get(lowered, method)


_CANONICAL = {
    name.lower(): name
    for name in _words(
        """
    getMe logOut close deleteWebhook getWebhookInfo setWebhook getUpdates setMyCommands
    getMyCommands deleteMyCommands sendMessage editMessageText editMessageReplyMarkup
    deleteMessage answerCallbackQuery sendChatAction getChat getChatMember
    getChatAdministrators
    """
    )
}


_CANONICAL.update(
    {name.lower(): name for name in ("sendPhoto", "sendDocument", "answerInlineQuery")}
)
MAX_CAPTION_UTF16 = 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_INLINE_RESULTS = 50
# Fields each inline result type must have (InlineQueryResult* in the Bot API).
_INLINE_REQUIRED: dict[str, tuple[str, ...]] = {
    "article": ("title", "input_message_content"),
    "photo": ("photo_url", "thumbnail_url"),
    "document": ("title", "document_url", "mime_type"),
    "cached_photo": ("photo_file_id",),
    "cached_document": ("title", "document_file_id"),
}


def _image_size(content: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG or JPEG, None for anything else (Telegram refuses it)."""
    if content[:8] == b"\x89PNG\r\n\x1a\n" and len(content) >= 24:
        return int.from_bytes(content[16:20], "big"), int.from_bytes(content[20:24], "big")
    if content[:2] == b"\xff\xd8":
        at = 2
        while at + 9 < len(content):
            if content[at] != 0xFF:
                return None
            marker, size = content[at + 1], int.from_bytes(content[at + 2 : at + 4], "big")
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h = int.from_bytes(content[at + 5 : at + 7], "big")
                return int.from_bytes(content[at + 7 : at + 9], "big"), h
            at += 2 + size
    return None


def _chat_key(chat_id: Any) -> int | str:
    return chat_id if isinstance(chat_id, int | str) else str(chat_id)


def _guess_chat_type(chat_id: int | str) -> str:
    if isinstance(chat_id, str):
        return "channel"
    if chat_id > 0:
        return "private"
    return "supergroup" if str(chat_id).startswith("-100") else "group"


def _scope_key(scope: Any) -> str:
    if not isinstance(scope, dict) or not scope:
        scope = {"type": "default"}
    return json.dumps(scope, sort_keys=True, ensure_ascii=False)


def _int(value: Any, default: int) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return int(value)
    return default


def _chat_member(user: JSONDict, status: str) -> JSONDict:
    """A ChatMember object of the given status with every field aiogram requires."""
    member: JSONDict = {"status": status, "user": user}
    if status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update(
            {
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": True,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": True,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
                "can_send_welcome_messages": False,
            }
        )
    elif status == "kicked":
        member["until_date"] = 0
    elif status == "restricted":
        member.update(
            dict.fromkeys(
                _words(
                    """
                can_send_messages can_send_audios can_send_documents can_send_photos
                can_send_videos can_send_video_notes can_send_voice_notes can_send_polls
                can_send_other_messages can_add_web_page_previews can_react_to_messages
                can_edit_tag can_change_info can_invite_users can_pin_messages
                can_manage_topics
                """
                ),
                False,
            )
        )
        member["is_member"] = True
        member["until_date"] = 0
    return member


def _decode_field(key: str, value: str) -> Any:
    """aiogram sends ints, bools and objects JSON-encoded inside form fields."""
    if key in _STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def _read_params(request: web.Request) -> JSONDict:
    params: JSONDict = {}
    if request.method == "GET":
        source: Mapping[str, Any] = request.query
    elif request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            return {}
        return dict(body) if isinstance(body, dict) else {}
    elif request.content_type in {"multipart/form-data", "application/x-www-form-urlencoded"}:
        source = await request.post()
    else:
        source = request.query
    for key, value in source.items():
        params[key] = _decode_field(key, value) if isinstance(value, str) else value
    return params


# ---------------------------------------------------------------------------------------------
# Standalone entry point


async def _serve(args: argparse.Namespace) -> None:
    api = FakeBotAPI(
        args.token[0],
        tokens=args.token[1:],
        enforce_limits=args.enforce_limits,
        global_per_second=args.global_per_second,
        private_per_second=args.private_per_second,
        group_per_minute=args.group_per_minute,
        latency=args.latency,
        host=args.host,
        port=args.port,
    )
    async with api:
        sys.stdout.write(api.base_url + "\n")
        sys.stdout.flush()
        await asyncio.Event().wait()


def main(argv: list[str] | None = None) -> None:
    """Serve the fake until killed; the first stdout line is the base URL."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", action="append", default=None, help="repeatable")
    parser.add_argument("--enforce-limits", action="store_true")
    parser.add_argument("--global-per-second", type=int, default=30)
    parser.add_argument("--private-per-second", type=int, default=1)
    parser.add_argument("--group-per-minute", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args(argv)
    if not args.token:
        args.token = ["123:ABC"]
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args))


if __name__ == "__main__":
    main()
