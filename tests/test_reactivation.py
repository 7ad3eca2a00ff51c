"""A chat switched off (blocked, kicked) is switched on again when it comes back: the bot
unblocked or re-added, or any message from it; an active chat's message writes nothing."""

from __future__ import annotations

import pytest

from tests.conftest import App, all_targets, until

pytestmark = pytest.mark.both_engines


async def is_active(app: App, chat_id: int) -> bool:
    chat = await app.services.chats.get(chat_id)
    return chat is not None and chat.active


async def test_unblocked_private_chat_is_active_again(app: App) -> None:
    await app.ask("/subscribe", chat_id=42)
    app.api.push_my_chat_member(42, old_status="member", new_status="kicked")
    await until(lambda: _inactive(app, 42))
    app.api.push_my_chat_member(42, old_status="kicked", new_status="member")
    await until(lambda: is_active(app, 42), within=5)
    assert 42 in {chat_id for chat_id, _ in await all_targets(app.services.chats)}


async def test_group_the_bot_is_added_back_to_is_active_again(app: App) -> None:
    group = -1001234
    await app.services.chats.upsert(group, "supergroup", "Group", "ru")
    await app.services.chats.subscribe(group)
    await app.services.chats.deactivate(group, "Forbidden: bot was kicked from the group chat")
    app.api.push_my_chat_member(
        group, old_status="left", new_status="administrator", chat_type="supergroup"
    )
    await until(lambda: is_active(app, group), within=5)


async def test_any_message_from_a_switched_off_chat_switches_it_on(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    await app.ask("/subscribe", chat_id=43)
    await app.services.chats.deactivate(43, "Forbidden: bot was blocked by the user")
    reply = await app.ask("/subscriptions", chat_id=43)
    assert reply
    assert await is_active(app, 43)
    # An active chat's messages cost no write.
    db = app.services.chats.db
    writes: list[int] = []
    original = db.transaction
    monkeypatch.setattr(db, "transaction", lambda: writes.append(1) or original())
    await app.ask("/help", chat_id=43)
    await app.ask("/subscriptions", chat_id=43)
    assert writes == []


async def _inactive(app: App, chat_id: int) -> bool:
    return not await is_active(app, chat_id)


async def test_a_group_that_adds_the_bot_back_is_told_its_subscriptions_are_kept(
    app: App,
) -> None:
    group = -1001235
    app.api.set_admins(group, [7])
    await app.ask("/subscribe country Индия", chat_id=group, user_id=7, chat_type="supergroup")
    kicked = {"old_status": "member", "new_status": "kicked"}
    back = {"old_status": "kicked", "new_status": "member"}
    app.api.push_my_chat_member(group, chat_type="supergroup", user_id=7, **kicked)
    await until(lambda: _inactive(app, group))
    before = len(app.api.sent_messages(group))
    app.api.push_my_chat_member(group, chat_type="supergroup", user_id=7, **back)

    async def greeted() -> bool:
        return len(app.api.sent_messages(group)) > before

    await until(greeted)
    greeting = app.api.sent_messages(group)[before].rendered or ""
    assert "Настраивать меня в этой группе могут только администраторы" in greeting
    assert "снова действуют:\n• страна 🇮🇳 Индия\n" in greeting, greeting


async def test_start_after_blocking_the_bot_shows_the_subscriptions_kept(app: App) -> None:
    """A reader who followed a topic and a country blocks the bot, then presses Start again: /start
    asked «Что присылать — только новости о партнёрстве или все новости?» as if they were
    new (an answer adds all partnership news to what they follow); now it says what the chat
    still follows, with buttons to change it."""
    await app.ask("/subscribe водород", chat_id=44)
    await app.ask("/subscribe country Индия", chat_id=44)
    app.api.push_my_chat_member(44, old_status="member", new_status="kicked")
    await until(lambda: _inactive(app, 44))
    app.api.push_my_chat_member(44, old_status="kicked", new_status="member")
    reply = await app.ask("/start", chat_id=44)
    assert "Что присылать" not in reply
    assert reply.startswith("Этот чат уже подписан:\n• слово «водород»\n• страна 🇮🇳 Индия\n"), reply
    markup = app.api.sent_messages(44)[-1].params["reply_markup"]
    labels = [row[0]["text"] for row in markup["inline_keyboard"]]
    assert labels[-2:] == ["✖ слово «водород»", "✖ страна 🇮🇳 Индия"]
    assert await is_active(app, 44)
    # A chat with none still gets the first question.
    assert "Что присылать" in await app.ask("/start", chat_id=45)


async def test_a_private_chats_news_follow_its_persons_telegram_language(app: App) -> None:
    """Someone who switched Telegram from English to Russian got Russian replies but English
    announcements and digests until a /subscribe: the chat's language is now theirs again as
    soon as they write. A message without a language changes nothing; a group keeps its own."""
    from bot.delivery.rendering import AnnouncementRenderer
    from tests.conftest import draft

    await app.ask("/subscribe", chat_id=43, language_code="en")
    assert (await app.ask("/help", chat_id=43, language_code="ru")).startswith("Команды")
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id, [draft("k1", "SPbPU and a partner", link="https://site.test/k1")], announce=True
    )
    assert await app.services.outbox.fan_out(news_id, [(43, None)]) == 1
    [row] = await app.services.outbox.due(10)
    message = await AnnouncementRenderer(app.services.news)(news_id, row.language)
    assert message is not None and "1 декабря 2026" in message.text, message.text
    await app.ask("/help", chat_id=43, language_code="en")
    chat = await app.services.chats.get(43)
    assert chat is not None and chat.language == "en"
    group = -1004321
    app.api.set_admins(group, [7])
    await app.ask("/subscribe", chat_id=group, user_id=7, chat_type="supergroup")
    await app.ask("/help", chat_id=group, user_id=8, chat_type="supergroup", language_code="en")
    chat = await app.services.chats.get(group)
    assert chat is not None and chat.language == "ru"
