"""The fakes behave like the services they stand in for, seen through real clients."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.filters import Command
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
)

from tests.fakes.bot_api import (
    APIError,
    FakeBotAPI,
    cant_parse_entities,
    chat_not_found,
    drop_connection,
    forbidden_blocked,
    forbidden_kicked,
    message_too_long,
    migrated,
    parse_telegram_html,
    server_error,
    too_many_requests,
)

TOKEN = "123:ABC"


def make_bot(base_url: str, token: str = TOKEN) -> Bot:
    """A production-shaped aiogram Bot pointed at a fake server."""
    return Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(base_url)))


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI(token=TOKEN, admins={-1001: {11}}, creators={-1001: 10}) as fake:
        yield fake


@pytest.fixture
async def bot(api: FakeBotAPI) -> AsyncIterator[Bot]:
    client = make_bot(api.base_url)
    yield client
    await client.session.close()


# --- Bot API: happy paths -------------------------------------------------------------------


async def test_get_me_and_wrong_token(api: FakeBotAPI, bot: Bot) -> None:
    me = await bot.get_me()
    assert me.is_bot and me.username == api.bot_username
    stranger = make_bot(api.base_url, token="999:WRONG")
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await stranger.get_me()
    finally:
        await stranger.session.close()


async def test_several_tokens() -> None:
    async with FakeBotAPI(token="1:A", tokens=["2:B"]) as fake:
        for token in ("1:A", "2:B"):
            client = make_bot(fake.base_url, token)
            assert (await client.get_me()).id == int(token.split(":")[0])
            await client.session.close()


async def test_send_message_records_params(api: FakeBotAPI, bot: Bot) -> None:
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Подробнее", callback_data="news:1")]]
    )
    sent = await bot.send_message(
        42,
        "<b>Меморандум</b> &amp; <a href='https://www.spbstu.ru/'>СПбПУ</a>",
        parse_mode="HTML",
        reply_markup=markup,
        message_thread_id=7,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    assert isinstance(sent, Message)
    assert sent.chat.id == 42 and sent.text == "Меморандум & СПбПУ"
    assert isinstance(sent.reply_markup, InlineKeyboardMarkup)
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == "news:1"
    second = await bot.send_message(42, "второе")
    assert second.message_id == sent.message_id + 1
    [record, _] = api.sent_messages(chat_id=42)
    assert record.params["parse_mode"] == "HTML"
    assert record.params["message_thread_id"] == 7
    assert record.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "news:1"
    assert record.params["link_preview_options"] == {"is_disabled": True}
    assert record.text is not None and record.text.startswith("<b>")
    assert api.calls_of("sendMessage") == api.sent_messages()


@pytest.mark.parametrize(
    "text",
    ["<b>unclosed", "<div>block</div>", "<b><i>x</b></i>", "a < b", "<span>x</span>", "</b>"],
)
async def test_malformed_html_is_rejected(bot: Bot, api: FakeBotAPI, text: str) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(1, text, parse_mode="HTML")
    assert api.sent_messages() == []


def test_html_parser_accepts_the_supported_subset() -> None:
    text = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike>"
        '<del>d</del><span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler>'
        '<a href="https://x.ru/?a=1&amp;b=2">l</a><code>c</code><pre><code class="language-py">'
        "x</code></pre><blockquote expandable>q</blockquote>"
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
        " &lt;&gt;&amp;&quot;&#8212;&#x2014;&nbsp;"
    )
    assert parse_telegram_html(text).endswith(' <>&"——&nbsp;')


async def test_message_length_counts_utf16_after_entities(bot: Bot) -> None:
    fits = "<b>" + "я" * 4096 + "</b>"
    await bot.send_message(1, fits, parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(1, "я" * 4097)
    # An emoji outside the BMP is two UTF-16 code units.
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(2, "🎓" * 2049)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(1, "<b> </b>", parse_mode="HTML")


async def test_edit_and_callbacks(api: FakeBotAPI, bot: Bot) -> None:
    sent = await bot.send_message(5, "до")
    edited = await bot.edit_message_text("после", chat_id=5, message_id=sent.message_id)
    assert isinstance(edited, Message) and edited.text == "после"
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("после", chat_id=5, message_id=sent.message_id)
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="x", url="https://a.b")]]
    )
    await bot.edit_message_reply_markup(chat_id=5, message_id=sent.message_id, reply_markup=markup)
    assert api.message(5, sent.message_id)["reply_markup"]["inline_keyboard"]  # type: ignore[index]
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=5, message_id=999)
    assert await bot.answer_callback_query("1", text="ok") is True


async def test_commands_per_scope_and_language(api: FakeBotAPI, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand(command="start", description="Начать")])
    await bot.set_my_commands([BotCommand(command="help", description="Help")], language_code="en")
    await bot.set_my_commands(
        [BotCommand(command="admin", description="Админ")], scope=BotCommandScopeAllGroupChats()
    )
    assert [c.command for c in await bot.get_my_commands()] == ["start"]
    assert [c.command for c in await bot.get_my_commands(language_code="en")] == ["help"]
    group = await bot.get_my_commands(scope=BotCommandScopeAllGroupChats())
    assert [c.command for c in group] == ["admin"]
    assert api.my_commands(language_code="en")[0]["command"] == "help"


async def test_chats_and_members(bot: Bot) -> None:
    chat = await bot.get_chat(-1001)
    assert chat.type == "supergroup"
    assert (await bot.get_chat(77)).type == "private"
    assert (await bot.get_chat_member(-1001, 10)).status == "creator"
    assert (await bot.get_chat_member(-1001, 11)).status == "administrator"
    assert (await bot.get_chat_member(-1001, 12)).status == "member"
    admins = await bot.get_chat_administrators(-1001)
    assert [(a.user.id, a.status) for a in admins] == [(10, "creator"), (11, "administrator")]
    assert await bot.delete_webhook(drop_pending_updates=True) is True
    assert await bot.close() is True and await bot.log_out() is True


async def test_unknown_method_is_404(api: FakeBotAPI) -> None:
    import aiohttp

    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{api.base_url}/bot{TOKEN}/sendTelepathy", json={"chat_id": 1}) as resp,
    ):
        assert resp.status == 404
        assert await resp.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
        async with session.post(
            f"{api.base_url}/bot{TOKEN}/sendMessage", data={"chat_id": "3", "text": "urlenc"}
        ) as form:
            assert (await form.json())["result"]["chat"]["id"] == 3
    assert api.sent_messages(3)[0].params == {"chat_id": 3, "text": "urlenc"}


# --- Bot API: scripted errors -----------------------------------------------------------------


async def test_scripted_errors_map_to_aiogram_exceptions(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("sendMessage", too_many_requests(7))
    with pytest.raises(TelegramRetryAfter) as retry:
        await bot.send_message(1, "x")
    assert retry.value.retry_after == 7

    cases: list[tuple[APIError, type[Exception], str]] = [
        (forbidden_blocked(), TelegramForbiddenError, "blocked by the user"),
        (forbidden_kicked(), TelegramForbiddenError, "kicked from the group"),
        (chat_not_found(), TelegramBadRequest, "chat not found"),
        (cant_parse_entities(), TelegramBadRequest, "can't parse entities"),
        (message_too_long(), TelegramBadRequest, "message is too long"),
        (server_error(500), TelegramServerError, "Internal Server Error"),
        (server_error(502), TelegramServerError, "Bad Gateway"),
        (drop_connection(), TelegramNetworkError, "disconnected"),
    ]
    for error, exc_type, fragment in cases:
        api.fail_next("sendMessage", error)
        with pytest.raises(exc_type, match=fragment):
            await bot.send_message(1, "x")

    api.fail_next("sendMessage", migrated(-1009), chat_id=-5)
    await bot.send_message(-6, "other chat is unaffected")
    with pytest.raises(TelegramMigrateToChat) as moved:
        await bot.send_message(-5, "x")
    assert moved.value.migrate_to_chat_id == -1009
    assert len(api.sent_messages()) == 1
    await bot.send_message(1, "script exhausted")


async def test_fail_times_and_permanent_states(api: FakeBotAPI, bot: Bot) -> None:
    api.fail_next("sendMessage", server_error(), times=2)
    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await bot.send_message(1, "x")
    await bot.send_message(1, "third succeeds")

    api.block(2)
    for _ in range(3):
        with pytest.raises(TelegramForbiddenError, match="blocked"):
            await bot.send_message(2, "x")
    api.migrate(-3, -1003)
    with pytest.raises(TelegramMigrateToChat) as moved:
        await bot.send_message(-3, "x")
    assert moved.value.migrate_to_chat_id == -1003
    await bot.send_message(-1003, "new home")
    assert [r.chat_id for r in api.sent_messages()] == [1, -1003]


# --- Bot API: updates ---------------------------------------------------------------------------


async def test_get_updates_offset_and_commands(api: FakeBotAPI, bot: Bot) -> None:
    api.push_message("/start@spbpu_partners_bot", chat_id=42, username="ivan")
    api.push_message(
        "/subscribe партнерство",
        chat_id=-1001,
        user_id=11,
        chat_type="supergroup",
        title="Международный отдел",
        message_thread_id=5,
        is_topic_message=True,
    )
    sent = await bot.send_message(
        42,
        "Выберите",
        reply_markup=InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text="Да", callback_data="yes")]]
        ),
    )
    api.push_callback_query("yes", chat_id=42, user_id=42, message_id=sent.message_id)
    api.push_my_chat_member(42, new_status="kicked")

    updates = await bot.get_updates(timeout=0)
    assert [u.update_id for u in updates] == [1, 2, 3, 4]
    first, topic, press, member = updates
    assert first.message is not None and first.message.from_user is not None
    assert first.message.from_user.username == "ivan"
    assert topic.message is not None and topic.message.is_topic_message
    assert topic.message.chat.type == "supergroup" and topic.message.message_thread_id == 5
    assert press.callback_query is not None and press.callback_query.data == "yes"
    assert press.callback_query.message is not None
    assert press.callback_query.message.message_id == sent.message_id
    assert member.my_chat_member is not None
    assert member.my_chat_member.new_chat_member.status == "kicked"

    assert [u.update_id for u in await bot.get_updates(offset=3, timeout=0)] == [3, 4]
    assert [u.update_id for u in await bot.get_updates(timeout=0, limit=1)] == [3]
    assert await bot.get_updates(offset=5, timeout=0) == []
    assert api.pending_updates == []

    # The pushed entities are good enough for aiogram's Command filter.
    seen: list[str] = []
    router = Router()

    @router.message(Command("start", "subscribe"))
    async def on_command(message: Message) -> None:
        seen.append(message.text or "")

    dp = Dispatcher()
    dp.include_router(router)
    for update in updates[:2]:
        await dp.feed_update(bot, update)
    assert seen == ["/start@spbpu_partners_bot", "/subscribe партнерство"]


async def test_long_poll_returns_as_soon_as_update_arrives(api: FakeBotAPI, bot: Bot) -> None:
    async def push_later() -> None:
        await asyncio.sleep(0.2)
        api.push_message("привет", chat_id=9)

    task = asyncio.create_task(push_later())
    started = time.monotonic()
    updates = await bot.get_updates(timeout=10)
    elapsed = time.monotonic() - started
    await task
    assert len(updates) == 1 and 0.15 < elapsed < 2
    started = time.monotonic()
    assert await bot.get_updates(offset=updates[0].update_id + 1, timeout=1) == []
    assert time.monotonic() - started >= 0.9


async def test_allowed_updates_filter(api: FakeBotAPI, bot: Bot) -> None:
    api.push_message("hi", chat_id=1)
    api.push_my_chat_member(1, new_status="kicked")
    got = await bot.get_updates(timeout=0, allowed_updates=["my_chat_member"])
    assert [u.my_chat_member is not None for u in got] == [True]


async def test_dispatcher_polling_end_to_end(api: FakeBotAPI, bot: Bot) -> None:
    dp = Dispatcher()

    @dp.message(Command("start"))
    async def start(message: Message) -> None:
        await message.answer("Здравствуйте!")

    api.push_message("/start", chat_id=100)
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    for _ in range(100):
        if api.sent_messages(100):
            break
        await asyncio.sleep(0.02)
    await dp.stop_polling()
    await polling
    assert api.sent_messages(100)[0].params["text"] == "Здравствуйте!"


# --- Bot API: rate limits ---------------------------------------------------------------------


async def test_rate_limits_private_group_and_global() -> None:
    async with FakeBotAPI(
        token=TOKEN,
        enforce_limits=True,
        global_per_second=5,
        private_per_second=1,
        group_per_minute=3,
    ) as fake:
        client = make_bot(fake.base_url)
        try:
            await client.send_message(1, "a")
            with pytest.raises(TelegramRetryAfter) as retry:
                await client.send_message(1, "b")
            assert retry.value.retry_after >= 1
            for _ in range(3):
                await client.send_message(-50, "g")
            with pytest.raises(TelegramRetryAfter) as group_retry:
                await client.send_message(-50, "g")
            assert 1 <= group_retry.value.retry_after <= 60
            await client.send_message(2, "c")  # 5th in this second: still allowed
            with pytest.raises(TelegramRetryAfter):
                await client.send_message(3, "global limit")
        finally:
            await client.session.close()
        assert fake.stats.sent == 5 and fake.stats.rejected_429 == 3
        assert fake.stats.per_chat[-50] == 3 and fake.stats.rejected_per_chat[-50] == 1


async def test_rate_limit_window_slides() -> None:
    now = [1000.0]
    async with FakeBotAPI(token=TOKEN, enforce_limits=True, clock=lambda: now[0]) as fake:
        client = make_bot(fake.base_url)
        try:
            await client.send_message(1, "a")
            with pytest.raises(TelegramRetryAfter):
                await client.send_message(1, "b")
            now[0] += 1.0
            await client.send_message(1, "c")
        finally:
            await client.session.close()
        assert fake.stats.sent == 2


async def test_latency_is_applied() -> None:
    async with FakeBotAPI(token=TOKEN, latency=0.1) as fake:
        client = make_bot(fake.base_url)
        started = time.monotonic()
        await client.get_me()
        await client.session.close()
    assert time.monotonic() - started >= 0.1


async def test_standalone_server_prints_base_url() -> None:
    import sys

    import aiohttp

    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.fakes.bot_api",
        "--port",
        "0",
        "--token",
        "T:1",
        "--enforce-limits",
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        line = await asyncio.wait_for(proc.stdout.readline(), 10)
        base = line.decode().strip()
        assert base.startswith("http://127.0.0.1:")
        async with aiohttp.ClientSession() as session, session.post(f"{base}/botT:1/getMe") as r:
            assert (await r.json())["ok"] is True
    finally:
        proc.terminate()
        await proc.wait()
