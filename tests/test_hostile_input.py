"""Hostile command arguments and forged callback data get a clear reply or are ignored quietly:
never a handler error, never a query SQLite refuses."""

from __future__ import annotations

import asyncio
import logging

import pytest

from tests.conftest import App
from tests.fakes.bot_api import parse_telegram_html
from tests.test_partner_commands import many_partners


def handler_errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


async def press(app: App, data: str) -> None:
    """Press a button with `data` and wait until the bot answers the callback query."""
    before = len(app.api.calls_of("answerCallbackQuery"))
    app.api.push_callback_query(data, chat_id=42, user_id=42, message_id=1)
    for _ in range(200):
        if len(app.api.calls_of("answerCallbackQuery")) > before:
            await asyncio.sleep(0.1)  # whatever the handler does after answering
            return
        await asyncio.sleep(0.025)
    raise AssertionError(f"callback {data!r} was never answered")


async def test_latest_refuses_digits_int_cannot_read(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    for arg in ("²", "¹⁰", "0", "-1"):
        assert "/latest" in await app.ask(f"/latest {arg}"), arg
    for arg in ("21", "9" * 4000):  # more than a message holds: the most it does (none here)
        assert await app.ask(f"/latest {arg}") == "Новостей пока нет.", arg
    assert handler_errors(caplog) == []


async def test_forged_callback_data_is_answered_without_errors(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    await many_partners(app, 3)
    huge = "9" * 30
    for data in (
        f"pc:{huge}",
        "pc:-5",
        f"un:{huge}",
        f"pp:{huge}:",
        "pp:-1:",
        "pp:0:ZZZZZZZZ",
        f"ap:{huge}:0::",
        f"ap:0:{huge}::",
        "ap:0:0:<b>:",
        "sub:on:extra",
        "zz:whatever",
    ):
        await press(app, data)
    assert handler_errors(caplog) == []


async def test_agreement_page_past_the_end_shows_the_last_page(app: App) -> None:
    await many_partners(app, 12)
    assert "(всего 12)" in await app.ask("/agreements Казахстан")
    message = app.api.sent_messages(42)[-1]
    nav = message.params["reply_markup"]["inline_keyboard"][-1]
    forward = nav[-1]["callback_data"]
    stale = forward.replace("ap:1:", "ap:999:", 1)
    assert stale != forward
    app.api.push_callback_query(
        stale, chat_id=42, user_id=42, message_id=message.result["message_id"]
    )
    for _ in range(200):
        edits = [c for c in app.api.calls_of("editMessageText") if c.ok]
        if edits:
            break
        await asyncio.sleep(0.025)
    edited = edits[-1]
    parse_telegram_html(edited.params["text"])
    assert edited.params["text"].count("📄") == 2  # agreements 11 and 12
    buttons = edited.params["reply_markup"]["inline_keyboard"][-1]
    assert [b["text"] for b in buttons] == ["◀", "3/3"]


async def test_markup_pasted_into_arguments_is_read_as_the_words_it_wraps(app: App) -> None:
    reply = await app.ask("/subscribe <b>водород</b>")
    assert "«водород»" in reply, reply
    assert [(s.kind, s.value) for s in await app.services.chats.subscriptions(42)] == [
        ("keyword", "водород")
    ]
    # Only markup and an entity: nothing to search for, and the reader is told what to type.
    assert "Что искать?" in await app.ask("/search <i>&amp;</i>")
    reply = await app.ask("/search Tom &amp; <u>Jerry</u>", language_code="en")
    assert "“Tom & Jerry”" in reply, reply
