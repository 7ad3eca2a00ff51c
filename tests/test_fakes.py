"""The fakes behave like the services they stand in for, seen through real clients."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator
from datetime import datetime

import aiohttp
import feedparser
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
    render_telegram_html,
    server_error,
    too_many_requests,
)
from tests.fakes.news_site import FIXTURES, MSK, FakeNewsSite, FaultKind

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


@pytest.mark.parametrize("text", ["<b>Команды</b>", "Xi&#x27;an", "a &amp; b", '<a href="x">y</a>'])
async def test_markup_without_parse_mode_is_refused(bot: Bot, text: str) -> None:
    # Telegram would show these verbatim; the fake refuses so no test can miss it.
    with pytest.raises(TelegramBadRequest, match="without parse_mode"):
        await bot.send_message(1, text, parse_mode=None)
    sent = await bot.send_message(1, "a < b & c > d, <3", parse_mode=None)
    assert sent.text == "a < b & c > d, <3"


def test_rendered_html_has_telegram_entities_in_utf16_units() -> None:
    text, entities = render_telegram_html(
        '🇨🇳 <b>Цинхуа</b> <a href="https://x.ru/?a=1&amp;b=2">l</a>'
    )
    assert text == "🇨🇳 Цинхуа l"
    assert entities == [
        {"type": "bold", "offset": 5, "length": 6},
        {"type": "text_link", "offset": 12, "length": 1, "url": "https://x.ru/?a=1&b=2"},
    ]


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


# --- News site ------------------------------------------------------------------------------

UA = "PartnershipNewsBot/0.1 (+https://t.me/spbpu_partners_bot)"


@pytest.fixture
async def site() -> AsyncIterator[FakeNewsSite]:
    async with FakeNewsSite(timeout_seconds=30) as fake:
        yield fake


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(headers={"User-Agent": UA}) as session:
        yield session


async def test_feed_is_spbpu_rss(site: FakeNewsSite, http: aiohttp.ClientSession) -> None:
    older = site.publish(
        "Делегация из Индии посетила СПбПУ",
        ["Гости из Индийского технологического института Бомбея обсудили обмен студентами."],
        published=datetime(2026, 11, 30, 10, 0, tzinfo=MSK),
        guid=False,
    )
    newer = site.publish(
        "Меморандум с Шанхайским университетом",
        [
            "В СПбПУ подписан меморандум о «двойных дипломах» с Шанхайским университетом "
            "транспорта, Китай. Стороны договорились о совместной магистратуре по логистике.",
            "Второй абзац статьи.",
        ],
        category="Партнёрство/",
        published=datetime(2026, 12, 1, 14, 30, tzinfo=MSK),
    )
    async with http.get(site.feed_url) as resp:
        assert resp.status == 200 and resp.content_type == "application/rss+xml"
        body = await resp.read()
        headers = dict(resp.headers)
    raw = body.decode()
    assert "&amp;nbsp;" in raw and "&amp;laquo;" in raw
    assert "<pubDate>Tue, 01 Dec 2026 14:30:00 +0300</pubDate>" in raw

    parsed = feedparser.parse(body, response_headers={"content-type": headers["Content-Type"]})
    assert not parsed.bozo and parsed.version == "rss20"
    assert parsed.feed.title == "Новости СПбПУ"
    first, second = parsed.entries
    assert first.title == newer.title and second.title == older.title  # newest first
    assert first.link == newer.link == f"{site.base_url}/media/news/partnership/{newer.slug}/"
    assert first.id == newer.link and "id" not in second
    assert first.tags[0].term == "Партнёрство/"
    assert first.enclosures[0].type == "image/jpeg" and int(first.enclosures[0].length) > 0
    assert first.summary.endswith("...") and len(first.summary) < 160
    assert "&nbsp;" in first.summary or "\xa0" in first.summary
    assert first.published_parsed[:5] == (2026, 12, 1, 11, 30)  # UTC
    async with http.get(first.enclosures[0].href) as image:
        assert image.status == 200 and (await image.read()).startswith(b"\xff\xd8")


async def test_conditional_get(site: FakeNewsSite, http: aiohttp.ClientSession) -> None:
    site.publish("Первая новость", ["Текст первой новости о партнёрстве."])
    async with http.get(site.feed_url) as resp:
        etag, modified = resp.headers["ETag"], resp.headers["Last-Modified"]
        await resp.read()
    assert etag.startswith('"') and etag == site.etag
    async with http.get(site.feed_url, headers={"If-None-Match": etag}) as resp:
        assert resp.status == 304 and await resp.read() == b""
    async with http.get(site.feed_url, headers={"If-Modified-Since": modified}) as resp:
        assert resp.status == 304
    site.publish("Вторая новость", ["Текст второй новости."])
    async with http.get(
        site.feed_url, headers={"If-None-Match": etag, "If-Modified-Since": modified}
    ) as resp:
        assert resp.status == 200 and resp.headers["ETag"] != etag
        assert resp.headers["Last-Modified"] != modified
    statuses = [r.status for r in site.requests_to("/media/news/rss/")]
    assert statuses == [200, 304, 304, 200]
    path, status, sent = site.requests[1]
    assert (path, status) == ("/media/news/rss/", 304)
    assert sent["User-Agent"] == UA and sent["If-None-Match"] == etag


async def test_article_pages(site: FakeNewsSite, http: aiohttp.ClientSession) -> None:
    item = site.publish(
        "Совместная лаборатория с компанией",
        ["Первый абзац о лаборатории.", "Второй абзац о стипендиях."],
    )
    async with http.get(item.link) as resp:
        assert resp.status == 200 and resp.content_type == "text/html"
        page = await resp.text()
    for fragment in ("<h1", item.title, "Первый абзац", "Второй абзац", 'class="news-detail"'):
        assert fragment in page
    for noise in ("Абитуриентам", "Главная", "Поделиться", "Читайте также", "© СПбПУ"):
        assert noise in page
    site.set_article_status(item.slug, 500)
    async with http.get(item.link) as resp:
        assert resp.status == 500
    site.set_article_status(item.slug, 200)
    site.remove(item.slug)
    async with http.get(item.link) as resp:
        assert resp.status == 404
    async with http.get(site.feed_url) as resp:
        assert item.link not in await resp.text()


@pytest.mark.parametrize("kind", ["500", "503"])
async def test_feed_server_errors(
    site: FakeNewsSite, http: aiohttp.ClientSession, kind: FaultKind
) -> None:
    site.feed_fault(kind, times=2)
    for _ in range(2):
        async with http.get(site.feed_url) as resp:
            assert resp.status == int(kind) and resp.content_type == "text/html"
            if kind == "503":
                assert resp.headers["Retry-After"] == "120"
    async with http.get(site.feed_url) as resp:
        assert resp.status == 200


async def test_feed_timeout_is_cancellable(site: FakeNewsSite, http: aiohttp.ClientSession) -> None:
    site.feed_fault("timeout")
    started = time.monotonic()
    with pytest.raises(asyncio.TimeoutError):
        async with http.get(site.feed_url, timeout=aiohttp.ClientTimeout(total=0.3)) as resp:
            await resp.read()
    async with http.get(site.feed_url) as resp:
        assert resp.status == 200
    assert time.monotonic() - started < 5


async def test_feed_malformed_html_empty(site: FakeNewsSite, http: aiohttp.ClientSession) -> None:
    for n in range(3):
        site.publish(f"Новость {n}", [f"Текст новости номер {n} о сотрудничестве."])
    site.feed_fault("malformed")
    site.feed_fault("html")
    site.feed_fault("empty")
    async with http.get(site.feed_url) as resp:
        broken = await resp.read()
    assert resp.status == 200 and not broken.rstrip().endswith(b"</rss>")
    assert feedparser.parse(broken).bozo
    async with http.get(site.feed_url) as resp:
        assert resp.status == 200 and resp.content_type == "text/html"
        assert "<html" in await resp.text()
    async with http.get(site.feed_url) as resp:
        assert resp.status == 200 and await resp.read() == b""
    async with http.get(site.feed_url) as resp:
        assert len(feedparser.parse(await resp.read()).entries) == 3


async def test_feed_huge_and_redirect_loop(site: FakeNewsSite, http: aiohttp.ClientSession) -> None:
    site.feed_fault("huge", size_mb=2)
    async with http.get(site.feed_url) as resp:
        assert resp.status == 200 and resp.content_length is None
        size = sum([len(chunk) async for chunk in resp.content.iter_chunked(65536)])
    assert size == 2 * 1024 * 1024
    site.feed_fault("redirect_loop")
    with pytest.raises(aiohttp.TooManyRedirects):
        async with http.get(site.feed_url, max_redirects=5) as resp:
            await resp.read()
    async with http.get(site.feed_url) as resp:
        assert resp.status == 200


async def test_huge_body_can_be_abandoned(site: FakeNewsSite, http: aiohttp.ClientSession) -> None:
    site.feed_fault("huge", size_mb=50)
    async with http.get(site.feed_url) as resp:
        await resp.content.readexactly(1024 * 1024)
    async with http.get(site.feed_url) as resp:
        assert resp.status == 200


@pytest.mark.parametrize(
    ("name", "version", "entries", "first_title"),
    [
        ("atom.xml", "atom10", 2, "Политех и Университет Цинхуа запускают совместную летнюю школу"),
        ("rdf.xml", "rss10", 2, None),
        ("rss091.xml", "rss091", 2, "Студенты из Египта завершили подготовительный курс"),
        ("cp1251.xml", "rss20", 2, None),
        ("no-guid.xml", "rss20", 5, "Без guid: визит делегации Университета Белграда"),
        ("markup-titles.xml", "rss20", 3, None),
        ("spbpu.xml", "rss20", 3, None),
    ],
)
async def test_fixture_feeds(
    site: FakeNewsSite,
    http: aiohttp.ClientSession,
    name: str,
    version: str,
    entries: int,
    first_title: str | None,
) -> None:
    async with http.get(site.fixture_url(name)) as resp:
        assert resp.status == 200
        body = await resp.read()
        content_type = resp.headers["Content-Type"]
    parsed = feedparser.parse(
        body, response_headers={"content-type": content_type, "content-location": str(resp.url)}
    )
    assert parsed.version.startswith(version) and len(parsed.entries) == entries
    if first_title is not None:
        assert parsed.entries[0].title == first_title
    if name == "cp1251.xml":
        assert parsed.encoding == "windows-1251"
        assert parsed.entries[0].title.startswith("Политех подписал соглашение с Ташкентским")
        assert "Политех".encode() not in body  # really not UTF-8


async def test_seeded_site_and_fixture_articles(http: aiohttp.ClientSession) -> None:
    async with FakeNewsSite(seed=True) as seeded:
        async with http.get(seeded.feed_url) as resp:
            parsed = feedparser.parse(await resp.read())
        assert [e.link for e in parsed.entries] == [i.link for i in seeded.items]
        assert {e.tags[0].term for e in parsed.entries} == {
            "Международная деятельность/",
            "Партнёрство/",
        }
    for name in ("article_full.html", "article_lab.html"):
        page = (FIXTURES / name).read_text(encoding="utf-8")
        assert "Поделиться" in page and "Читайте также" in page and "© СПбПУ" in page
    full = (FIXTURES / "article_full.html").read_text(encoding="utf-8")
    assert "Харбинским политехническим университетом" in full
