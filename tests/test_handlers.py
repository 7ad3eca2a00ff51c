"""Commands through the real dispatcher, fed real updates by the fake Bot API."""

from __future__ import annotations

import asyncio
import re
import time

import pytest
from aiogram.filters import Command

from bot.app import menu
from bot.text.i18n import ADMIN_COMMANDS, COMMANDS, t
from handlers import get_routers
from handlers.start import help_text
from tests.conftest import ADMIN, App, draft, until
from tests.fakes.bot_api import too_many_requests

pytestmark = pytest.mark.both_engines


async def test_start_greets_in_the_users_language_with_the_choice_that_matters(app: App) -> None:
    reply = await app.ask("/start", language_code="ru")
    assert "Политех" in reply and "только новости о партнёрстве или все новости" in reply
    markup = app.api.sent_messages(42)[-1].params["reply_markup"]
    texts = [row[0]["text"] for row in markup["inline_keyboard"]]
    assert texts == ["🤝 Только о партнёрстве", "📰 Все новости"]
    assert "Polytechnic" in await app.ask("/start", chat_id=43, language_code="en")
    markup = app.api.sent_messages(43)[-1].params["reply_markup"]
    assert [row[0]["text"] for row in markup["inline_keyboard"]][0] == "🤝 Partnership news only"


async def test_start_in_a_group_offers_the_choice_to_its_administrators_only(app: App) -> None:
    group = -100555
    app.api.set_admins(group, [7])
    common = {"chat_type": "supergroup", "title": "Seminar"}
    member = await app.ask("/start", chat_id=group, user_id=9, language_code="en", **common)
    assert member.startswith("Hello! I post news of Peter the Great")
    assert "Only this group's administrators can set me up" in member
    assert "reply_markup" not in app.api.sent_messages(group)[-1].params
    admin = await app.ask("/start", chat_id=group, user_id=7, **common)
    assert "только новости о партнёрстве или все новости?" in admin
    markup = app.api.sent_messages(group)[-1].params["reply_markup"]
    assert [row[0]["text"] for row in markup["inline_keyboard"]] == [
        "🤝 Только о партнёрстве",
        "📰 Все новости",
    ]


async def test_help_menu_and_handlers_stay_in_step(app: App) -> None:
    reply = await app.ask("/help", language_code="en")
    listed = set(re.findall(r"^/(\w+)", reply, flags=re.M))
    names = {name for name, _, _ in COMMANDS}
    admin_names = {name for name, _, _ in ADMIN_COMMANDS}
    assert listed == names
    admin_help = await app.ask("/help", chat_id=ADMIN, language_code="en")
    assert set(re.findall(r"^/(\w+)", admin_help, flags=re.M)) == names | admin_names
    handled: set[str] = set()
    for router in get_routers():
        for handler in router.message.handlers:
            for flt in handler.filters or []:
                if isinstance(flt.callback, Command):
                    handled |= {c for c in flt.callback.commands if isinstance(c, str)}
    assert handled == names | admin_names
    published_en = {c["command"] for c in app.api.my_commands()}
    published_ru = app.api.my_commands(language_code="ru")
    assert published_en == names == {c["command"] for c in published_ru}
    assert [c.description for c in menu("ru")] == [c["description"] for c in published_ru]
    assert help_text("ru").count("\n") == len(COMMANDS)
    admin_menu = app.api.my_commands(scope={"type": "chat", "chat_id": ADMIN})
    assert {c["command"] for c in admin_menu} == names | admin_names


async def test_replies_are_rendered_not_shown_as_html_source(app: App) -> None:
    await _store(app, 2)
    for command in ("/help", "/latest", "/search соглашение", "/partners", "/countries"):
        for lang in ("ru", "en"):
            reply = await app.ask(command, language_code=lang)
            assert not re.search(r"</?(b|a|i|code|pre)\b|&(lt|gt|amp|quot|#\d+);", reply), reply
    help_ru = await app.ask("/help", language_code="ru")
    assert help_ru.startswith("Команды") and help_ru.styled("bold")[0] == "Команды"


async def test_subscribe_and_unsubscribe_in_a_private_chat(app: App) -> None:
    assert "Готово" in await app.ask("/subscribe")
    assert "уже подписан" in await app.ask("/subscribe")
    chats = app.services.chats
    assert [s.kind for s in await chats.subscriptions(42)] == ["all"]
    assert "отменена" in await app.ask("/unsubscribe")
    assert await chats.subscriptions(42) == []
    assert "не был подписан" in await app.ask("/unsubscribe")


async def test_subscribe_button_subscribes(app: App) -> None:
    await app.ask("/start")
    message_id = app.api.sent_messages(42)[-1].result["message_id"]
    app.api.push_callback_query("sub:on", chat_id=42, user_id=42, message_id=message_id)
    for _ in range(100):
        if await app.services.chats.subscriptions(42):
            break
        await asyncio.sleep(0.05)
    assert [s.kind for s in await app.services.chats.subscriptions(42)] == ["all"]


async def test_a_button_for_a_subscription_the_chat_has_says_which_it_is(app: App) -> None:
    await app.ask("/subscribe", chat_id=47, language_code="en")
    await app.ask("/start", chat_id=47, language_code="en")
    message_id = app.api.sent_messages(47)[-1].result["message_id"]
    app.api.push_callback_query(
        "sub:on", chat_id=47, user_id=47, message_id=message_id, language_code="en"
    )

    async def answered() -> bool:
        return len(app.api.sent_messages(47)) >= 3

    await until(answered)
    reply = app.api.sent_messages(47)[-1].rendered
    assert reply == "This chat is already subscribed to all news.", reply


async def test_only_group_admins_manage_the_group_subscription(app: App) -> None:
    group = -100777
    app.api.set_admins(group, [7], creator=8)
    common = {"chat_type": "supergroup", "title": "Lab"}
    refusal = await app.ask("/subscribe", chat_id=group, user_id=9, **common)
    assert "администратор" in refusal
    assert await app.services.chats.subscriptions(group) == []
    assert "Готово" in await app.ask("/subscribe", chat_id=group, user_id=7, **common)
    assert "администратор" in await app.ask("/unsubscribe", chat_id=group, user_id=9, **common)
    assert "отменена" in await app.ask("/unsubscribe", chat_id=group, user_id=8, **common)


async def test_subscription_in_a_forum_topic_remembers_the_topic(app: App) -> None:
    group = -100888
    app.api.set_admins(group, [7])
    await app.ask(
        "/subscribe",
        chat_id=group,
        user_id=7,
        chat_type="supergroup",
        message_thread_id=55,
        is_topic_message=True,
    )
    [sub] = await app.services.chats.subscriptions(group)
    assert sub.thread_id == 55


async def test_subscribe_button_in_a_forum_topic_subscribes_and_answers_there(app: App) -> None:
    group = -100889
    app.api.set_admins(group, [7])
    topic = {"chat_type": "supergroup", "message_thread_id": 56, "is_topic_message": True}
    await app.ask("/start", chat_id=group, user_id=7, **topic)
    message_id = app.api.sent_messages(group)[-1].result["message_id"]
    app.api.push_callback_query("sub:on", chat_id=group, user_id=7, message_id=message_id)
    await until(lambda: _sent_at_least(app, group, 2))
    [sub] = await app.services.chats.subscriptions(group)
    assert sub.thread_id == 56
    assert app.api.sent_messages(group)[-1].params.get("message_thread_id") == 56


async def _sent_at_least(app: App, chat_id: int, count: int) -> bool:
    return len(app.api.sent_messages(chat_id)) >= count


async def test_bot_blocked_or_kicked_deactivates_the_chat(app: App) -> None:
    await app.ask("/subscribe")
    app.api.push_my_chat_member(42, new_status="kicked", old_status="member")
    for _ in range(100):
        chat = await app.services.chats.get(42)
        if chat is not None and not chat.active:
            break
        await asyncio.sleep(0.05)
    chat = await app.services.chats.get(42)
    assert chat is not None and not chat.active


async def _store(app: App, count: int) -> None:
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    drafts = [
        draft(
            f"k{i}",
            f"Новость <{i}> & номер {i}",
            body=f"Политех и партнёр номер {i} подписали соглашение о лаборатории.",
            link=f"https://site.test/n/{i}?a=1&b=2",
        )
        for i in range(count)
    ]
    await app.services.news.add_new(feed.id, drafts, announce=False)


async def test_latest_defaults_limits_and_rejects_bad_numbers(app: App) -> None:
    assert "пока нет" in await app.ask("/latest")
    await _store(app, 25)
    reply = await app.ask("/latest")
    assert len(reply.links) == 5
    assert reply.styled("text_link")[0] == "Новость <24> & номер 24"  # newest first, as written
    assert reply.links[0] == "https://site.test/n/24?a=1&b=2"
    assert len((await app.ask("/latest 20")).links) == 20
    for bad in ("0", "-1", "abc", "1e9"):
        assert "от 1 до 20" in await app.ask(f"/latest {bad}")
    # A kind of document asked for («/latest соглашения»): the command that lists them, newest
    # first (a number was all it was asked for).
    assert await app.ask("/latest соглашения") == (
        "Укажите число от 1 до 20, например: /latest 5\n"
        "Подписанные документы, новые первыми: /agreements соглашения"
    )
    reply = await app.ask("/latest 5 MoU", language_code="en")
    assert reply.endswith("\nSigned documents, newest first: /agreements MoU"), reply
    assert await app.ask("/latest abc") == "Укажите число от 1 до 20, например: /latest 5"
    # More than a message holds: as many as it does, and the reply says so.
    for many in ("21", "100", "9" * 400):
        reply = await app.ask(f"/latest {many}")
        assert reply.startswith("Последние 20 новостей (больше за раз не показываю"), reply
        assert len(reply.links) == 20


async def test_search_answers_with_snippets_and_survives_hostile_queries(app: App) -> None:
    await _store(app, 3)
    reply = await app.ask("/search соглашения", language_code="en")
    assert reply.startswith("Results for")
    assert len(reply.links) == 3
    assert "соглашение" in reply.styled("bold")  # the match is highlighted in the snippet
    assert "Nothing found" in await app.ask("/search квантовый", language_code="en")
    # Quotes typed around the words are not said back inside the reply's own quotes.
    quoted = await app.ask('/search "квантовый кот"', language_code="en")
    assert quoted == "Nothing found for “квантовый кот”.", quoted
    guillemets = await app.ask("/search «соглашения»")
    assert guillemets.startswith("Найдено по запросу «соглашения»:\n"), guillemets
    for hostile in ('"', "*", "NEAR(", "-", "OR", '" OR "', "x" * 5000, "<b>"):
        reply = await app.ask(f"/search {hostile}")
        assert reply and reply != t("ru", "error")  # a clear answer, never silence or a crash
    assert "Что искать" in await app.ask("/search")
    assert "Что искать" in await app.ask("/search    ")


async def test_unknown_and_foreign_commands(app: App) -> None:
    assert "/help" in await app.ask("/frobnicate")
    assert "Политех" in await app.ask("/start@spbpu_partners_bot")
    await app.silence("/start@some_other_bot")
    await app.silence("/frobnicate", chat_id=-100999, chat_type="supergroup", title="G")
    await app.silence("just chatting", chat_id=-100999, chat_type="supergroup", title="G")


async def test_a_mistyped_command_is_answered_with_the_one_meant(app: App) -> None:
    assert await app.ask("/subscrbe водород") == (
        "Не знаю такой команды. Может быть, /subscribe? Список команд: /help"
    )
    assert await app.ask("/Agrements", language_code="en") == (
        "I don't know that command. Did you mean /agreements? See /help"
    )
    assert await app.ask("/parners@spbpu_partners_bot") == (
        "Не знаю такой команды. Может быть, /partners? Список команд: /help"
    )
    # Nothing alike: the list only; an operator's command is not offered to everyone.
    assert await app.ask("/weather") == "Не знаю такой команды. Список команд: /help"
    assert await app.ask("/pollnw") == "Не знаю такой команды. Список команд: /help"


async def test_other_bots_commands_and_a_language_switch_are_answered(app: App) -> None:
    """ "/stop" (how one stops many bots), "/mysubs" and "/lang en" were "I don't know that
    command" alone: the one meant is offered, and how the language is chosen is said."""
    assert await app.ask("/stop") == (
        "Не знаю такой команды. Может быть, /unsubscribe? Список команд: /help"
    )
    assert await app.ask("/mysubs", language_code="en") == (
        "I don't know that command. Did you mean /subscriptions? See /help"
    )
    reply = await app.ask("/lang en")
    assert reply.startswith("Я пишу на языке вашего Telegram: сейчас по-русски"), reply
    reply = await app.ask("/language@spbpu_partners_bot", language_code="en")
    assert reply.startswith("I write in your Telegram's language: English now"), reply


async def test_a_reply_waits_out_a_short_flood_wait(app: App) -> None:
    app.api.fail_next("sendMessage", too_many_requests(1), chat_id=42)
    started = time.monotonic()
    assert "/latest" in await app.ask("/help")
    assert time.monotonic() - started >= 1.0
    assert [c.status for c in app.api.calls_of("sendMessage")] == [429, 200]


async def test_a_quick_double_tap_on_a_subscribe_button_is_not_confirmed_twice(app: App) -> None:
    await app.ask("/start", chat_id=46, language_code="ru")
    message_id = app.api.sent_messages(46)[-1].result["message_id"]
    for _ in range(2):  # both taps arrive before either is answered
        app.api.push_callback_query(
            "sub:partnerships", chat_id=46, user_id=46, message_id=message_id
        )

    async def two_replies() -> bool:
        return len(app.api.sent_messages(46)) >= 3

    await until(two_replies)
    await asyncio.sleep(0.2)
    replies = sorted(c.rendered or "" for c in app.api.sent_messages(46)[1:])
    assert len(replies) == 2, replies
    assert "подписка добавлена" in replies[0], replies
    assert replies[1] == "Этот чат уже подписан: новости о партнёрстве.", replies
    assert [s.kind for s in await app.services.chats.subscriptions(46)] == ["partnerships"]


async def test_a_forums_subscriptions_say_which_topic_each_goes_to(app: App) -> None:
    group = -100890
    app.api.set_admins(group, [7])
    topic = {"chat_id": group, "user_id": 7, "chat_type": "supergroup", "is_topic_message": True}
    await app.ask("/subscribe partnerships", message_thread_id=61, **topic)
    await app.ask("/subscribe country Индия", message_thread_id=62, **topic)
    listed = await app.ask("/subscriptions", message_thread_id=62, **topic)
    assert listed.splitlines()[1:] == [
        "• новости о партнёрстве — в другую тему",
        "• страна 🇮🇳 Индия — в эту тему",
    ], listed
    # A topic with none of its own does not read another topic's as its own.
    await app.ask("/unsubscribe", message_thread_id=61, **topic)
    await app.ask("/subscribe country Индия", message_thread_id=62, **topic)
    elsewhere = await app.ask("/subscriptions", message_thread_id=61, **topic)
    assert elsewhere.splitlines()[1:] == ["• страна 🇮🇳 Индия — в другую тему"], elsewhere
    general = await app.ask("/subscriptions", **topic | {"is_topic_message": False})
    assert general.splitlines()[1:] == ["• страна 🇮🇳 Индия — в другую тему"], general
    here = await app.ask("/subscriptions", message_thread_id=62, **topic)
    assert here.splitlines()[1:] == ["• страна 🇮🇳 Индия"], here
    await app.ask("/subscribe partnerships", message_thread_id=61, **topic)
    # /unsubscribe in one topic removes the other topic's too, and says so.
    gone = await app.ask("/unsubscribe", message_thread_id=61, **topic)
    assert gone == "Отменены все подписки этого чата: 2.", gone
    assert await app.services.chats.subscriptions(group) == []
    # A chat whose subscriptions all go to one place reads as before.
    single = await app.ask("/subscribe", chat_id=47)
    assert "—" not in single and "тему" not in await app.ask("/subscriptions", chat_id=47)


async def test_a_groups_announcements_keep_the_language_it_was_set_up_in(app: App) -> None:
    group = -100891
    app.api.set_admins(group, [7, 8])
    app.api.push_my_chat_member(
        group, new_status="member", old_status="left", chat_type="supergroup", user_id=7,
        language_code="ru",
    )  # fmt: skip

    async def greeted() -> bool:
        return bool(app.api.sent_messages(group))

    await until(greeted)
    assert (app.api.sent_messages(group)[0].rendered or "").startswith("Здравствуйте!")
    common = {"chat_id": group, "chat_type": "supergroup"}
    assert "Готово" in await app.ask("/subscribe", user_id=7, language_code="ru", **common)
    # Another admin, whose Telegram is in English, adds a filter: the reply is theirs...
    reply = await app.ask("/subscribe country India", user_id=8, language_code="en", **common)
    assert reply.startswith("Done"), reply
    # ...but what the group reads stays in the language it was set up in.
    chat = await app.services.chats.get(group)
    assert chat is not None and chat.language == "ru"


async def test_an_anonymous_administrator_is_answered_in_the_groups_language(app: App) -> None:
    """Telegram sends an anonymous administrator's message from a stand-in bot account with no
    language. Before, "/digest daily" sent as the group was answered "Done: a daily digest."
    in a group set up in Russian."""
    group = -100892
    app.api.set_admins(group, [7, 9])
    common = {"chat_id": group, "chat_type": "supergroup"}
    assert "Готово" in await app.ask("/subscribe", user_id=7, language_code="ru", **common)

    async def as_the_group(text: str) -> str:
        before = len(app.api.sent_messages(group))
        command = text.split()[0]
        app.api.push_update({"message": {
            "message_id": 500 + before, "date": 0,
            "chat": {"id": group, "type": "supergroup", "title": "Отдел"},
            "from": {"id": 1087968824, "is_bot": True, "first_name": "Group",
                     "username": "GroupAnonymousBot"},
            "sender_chat": {"id": group, "type": "supergroup", "title": "Отдел"},
            "text": text, "entities": [{"type": "bot_command", "offset": 0,
                                        "length": len(command)}],
        }})  # fmt: skip

        async def answered() -> bool:
            return len(app.api.sent_messages(group)) > before

        await until(answered)
        return app.api.sent_messages(group)[before].rendered or ""

    assert await as_the_group("/digest daily") == "Готово: дайджест раз в день."
    assert (await as_the_group("/help")).startswith("Команды")
    # A person with no language in their Telegram is still answered in English.
    reply = await app.ask("/digest off", user_id=9, language_code="", **common)
    assert reply.startswith("Done"), reply


async def test_a_group_that_becomes_a_supergroup_keeps_its_settings_at_once(app: App) -> None:
    """Telegram says in both chats that a group became a supergroup. Before, the bot learnt it
    only from its next failed send: meanwhile /subscriptions in the supergroup said there were
    none, /digest said "each item at once", and the first admin to write there set its
    language (an English one turned the Russian group's announcements English)."""
    old, new = -4321, -1004321
    app.api.set_admins(old, [7, 8])
    app.api.set_admins(new, [7, 8])
    group = {"chat_id": old, "chat_type": "group"}
    assert "Готово" in await app.ask("/subscribe country Китай", user_id=7, **group)
    assert "Готово" in await app.ask("/digest daily", user_id=7, **group)
    app.api.migrate(old, new)
    stand_in = {"id": 1087968824, "is_bot": True, "first_name": "Group"}
    app.api.push_update({"message": {
        "message_id": 90, "date": 0, "chat": {"id": old, "type": "group", "title": "Отдел"},
        "from": {"id": 7, "is_bot": False, "first_name": "Ольга"}, "migrate_to_chat_id": new,
    }})  # fmt: skip
    app.api.push_update({"message": {
        "message_id": 1, "date": 0, "chat": {"id": new, "type": "supergroup", "title": "Отдел"},
        "from": stand_in, "sender_chat": {"id": old, "type": "group", "title": "Отдел"},
        "migrate_from_chat_id": old,
    }})  # fmt: skip

    async def moved() -> bool:
        return await app.services.chats.get(new) is not None

    await until(moved)
    supergroup = {"chat_id": new, "chat_type": "supergroup"}
    listing = await app.ask("/subscriptions", user_id=8, language_code="en", **supergroup)
    assert "country 🇨🇳 China" in listing, listing
    assert "Now: a daily digest." in await app.ask(
        "/digest", user_id=8, language_code="en", **supergroup
    )
    assert "Готово" in await app.ask("/subscribe partnerships", user_id=7, **supergroup)
    chat = await app.services.chats.get(new)
    assert chat is not None and chat.language == "ru" and chat.type == "supergroup"
    assert await app.services.chats.subscriptions(old) == []


async def test_a_supergroup_written_to_before_the_notice_still_gets_the_groups_settings(
    app: App,
) -> None:
    """The migration notices may come after the supergroup has already written to the bot (an
    English admin's /subscribe there made its chat first): the group's digest and language
    still move to it, with the subscriptions, and a second notice loses nothing."""
    old, new = -4322, -1004322
    app.api.set_admins(old, [7, 8])
    app.api.set_admins(new, [7, 8])
    group = {"chat_id": old, "chat_type": "group"}
    assert "Готово" in await app.ask("/subscribe country Китай", user_id=7, **group)
    assert "Готово" in await app.ask("/digest weekly", user_id=7, **group)
    app.api.migrate(old, new)
    supergroup = {"chat_id": new, "chat_type": "supergroup"}
    assert "Done" in await app.ask(
        "/subscribe partnerships", user_id=8, language_code="en", **supergroup
    )
    stand_in = {"id": 1087968824, "is_bot": True, "first_name": "Group"}
    notices = [
        {"message_id": 1, "date": 0, "chat": {"id": new, "type": "supergroup", "title": "Отдел"},
         "from": stand_in, "sender_chat": {"id": old, "type": "group", "title": "Отдел"},
         "migrate_from_chat_id": old},
        {"message_id": 90, "date": 0, "chat": {"id": old, "type": "group", "title": "Отдел"},
         "from": {"id": 7, "is_bot": False, "first_name": "Ольга"}, "migrate_to_chat_id": new},
    ]  # fmt: skip
    for notice in (*notices, *notices):
        app.api.push_update({"message": notice})

    async def moved() -> bool:
        return await app.services.chats.subscriptions(old) == []

    await until(moved)
    assert "Now: a weekly digest." in await app.ask(
        "/digest", user_id=8, language_code="en", **supergroup
    )
    listing = await app.ask("/subscriptions", user_id=8, language_code="en", **supergroup)
    assert "country 🇨🇳 China" in listing and "partnership" in listing, listing
    chat = await app.services.chats.get(new)
    assert chat is not None and chat.language == "ru" and chat.active
    old_chat = await app.services.chats.get(old)
    assert old_chat is None or not old_chat.active


async def test_a_command_a_phone_keyboard_capitalised_still_works(app: App) -> None:
    assert "Что искать?" in await app.ask("/Search", language_code="ru")
    assert (await app.ask("/HELP", language_code="ru")).startswith("Команды")
    assert "Политех" in await app.ask("/Start", language_code="ru")


async def test_subscribe_to_no_words_says_what_can_be_followed(app: App) -> None:
    """Only emoji or signs after /subscribe: the reply names words, a country and a partner,
    not a "which one" for a country or partner never asked about."""
    reply = await app.ask("/subscribe 🔥🔥", language_code="en")
    assert reply.startswith("There are no words here to follow."), reply
    assert "/subscribe agreement" in reply and "/subscribe country China" in reply
    assert await app.services.chats.subscriptions(42) == []
    # A country or partner without its name is still asked which one.
    assert "Укажите, что именно" in await app.ask("/subscribe country")


@pytest.fixture
def cold_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Russian dictionary not loaded yet, as in a freshly started process."""
    from bot.text import stems

    monkeypatch.setattr(stems, "_morph", None)


@pytest.mark.usefixtures("cold_dictionary")
async def test_the_russian_dictionary_loads_at_startup_not_at_the_first_reader(app: App) -> None:
    from bot.text import stems

    async def loaded() -> bool:
        return stems._morph is not None

    await until(loaded, within=30)
    assert "/help" in await app.ask("/start")
