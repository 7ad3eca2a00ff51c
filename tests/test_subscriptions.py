"""Subscriptions people can shape: filters, listing and removal, fan-out by item facts; admin."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from bot.delivery.audience import ItemFacts, keywords_in, matches
from bot.facts.service import ExtractionWorker, FactsService
from storage.chats import Subscription
from storage.partners import PartnerInput
from tests.conftest import ADMIN, App, draft, until
from tests.test_facts import store_articles

pytestmark = pytest.mark.both_engines


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    pool = ExtractionWorker()
    yield pool
    pool.close()


FACTS = ItemFacts(
    partnership=True,
    countries=frozenset({"CN"}),
    partner_ids=frozenset({7}),
    keywords=keywords_in(
        "Водородной энергетикой занялся университет",
        frozenset({"водородная энергетика", "водород космос", ""}),
    ),
)


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("all", "", True),
        ("partnerships", "", True),
        ("country", "CN", True),
        ("country", "IN", False),
        ("partner", "7", True),
        ("partner", "8", False),
        ("keyword", "водородная энергетика", True),
        ("keyword", "водород космос", False),
        ("keyword", "", False),
    ],
)
def test_filters(kind: str, value: str, expected: bool) -> None:
    assert matches(Subscription(1, 1, kind, value, None), FACTS) is expected


def test_partnership_filter_needs_a_partnership_item() -> None:
    found = keywords_in("волейбола", frozenset({"волейбол"}))
    plain = ItemFacts(False, frozenset(), frozenset(), found)
    assert not matches(Subscription(1, 1, "partnerships", "", None), plain)
    assert matches(Subscription(1, 1, "keyword", "волейбол", None), plain)


@pytest.mark.parametrize(
    ("text", "keyword", "found"),
    [
        ("Делегация Китая посетила кампус", "Китай", True),
        ("Студенты программы двойного диплома защитились", "двойной диплом", True),
        ("Диплом вручили в актовом зале", "двойной диплом", False),
        ("Визиты в Индию продолжатся", "визит Индия", True),
        ("Partners from China visited", "china partner", True),
    ],
)
def test_a_keyword_finds_every_form_of_its_words(text: str, keyword: str, found: bool) -> None:
    """As /search does: Snowball alone gives «диплом» and «диплома» different stems."""
    assert (keyword in keywords_in(text, frozenset({keyword}))) is found


async def test_subscribe_forms_list_and_remove(app: App, worker: ExtractionWorker) -> None:
    await store_articles(app.services.news.db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    assert "новости о партнёрстве" in await app.ask("/subscribe partnerships")
    assert "🇨🇳 Китай" in await app.ask("/subscribe country Китая")
    assert "Университет Цинхуа" in await app.ask("/subscribe partner tsinghua")
    assert "«Водородная энергетика»" in await app.ask("/subscribe Водородная   энергетика!")
    assert "уже подписан" in await app.ask("/subscribe country CN")
    assert "Не знаю такой страны" in await app.ask("/subscribe country Атлантида")
    assert "Не нашёл партнёра" in await app.ask("/subscribe partner Хогвартс")
    assert "Укажите" in await app.ask("/subscribe country")
    listing = await app.ask("/subscriptions")
    assert listing.count("\n• ") == 4
    message = app.api.sent_messages(42)[-1]
    buttons = message.params["reply_markup"]["inline_keyboard"]
    assert len(buttons) == 4 and buttons[0][0]["text"].startswith("✖")
    app.api.push_callback_query(
        buttons[0][0]["callback_data"],
        chat_id=42,
        user_id=42,
        message_id=message.result["message_id"],
    )
    for _ in range(100):
        if len(await app.services.chats.subscriptions(42)) == 3:
            break
        await asyncio.sleep(0.05)
    assert [s.kind for s in await app.services.chats.subscriptions(42)] == [
        "country",
        "partner",
        "keyword",
    ]
    assert await app.ask("/unsubscribe") == "Отменены все подписки этого чата: 3."
    assert "Подписок нет" in await app.ask("/subscriptions")


async def test_a_group_member_cannot_remove_a_subscription(app: App) -> None:
    group = -100555
    app.api.set_admins(group, [7])
    common = {"chat_type": "supergroup", "title": "Lab"}
    await app.ask("/subscribe partnerships", chat_id=group, user_id=7, **common)
    await app.ask("/subscriptions", chat_id=group, user_id=9, **common)
    message = app.api.sent_messages(group)[-1]
    button = message.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    app.api.push_callback_query(
        button, chat_id=group, user_id=9, message_id=message.result["message_id"]
    )
    await asyncio.sleep(0.5)
    assert len(await app.services.chats.subscriptions(group)) == 1


async def test_fan_out_follows_each_chats_filters(app: App, worker: ExtractionWorker) -> None:
    ids = await store_articles(app.services.news.db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    chats = app.services.chats
    plan = {
        1: [("all", "")],
        2: [("partnerships", "")],
        3: [("country", "IN")],
        4: [("keyword", "волейбол")],
        5: [("partnerships", ""), ("country", "CN"), ("keyword", "цинхуа")],
        6: [("country", "BR")],
    }
    for chat_id, subs in plan.items():
        await chats.upsert(chat_id, "private", None, "ru")
        for kind, value in subs:
            await chats.subscribe(chat_id, kind, value)
    announced, rows = await app.services.ingestor.announce()
    assert announced == len(ids)
    due = await app.services.outbox.due(100)
    got: dict[int, set[str]] = {}
    by_id = {v: k for k, v in ids.items()}
    for delivery in due:
        got.setdefault(delivery.chat_id, set()).add(by_id[delivery.news_id])
    partnership = {"a1", "a2", "a3", "a5"}
    assert got[1] == set(ids)
    assert got[2] == partnership
    assert got[3] == {"a5"}
    assert got[4] == {"a4"}
    assert got[5] == partnership
    assert 6 not in got
    assert rows == len(due) == sum(len(v) for v in got.values())


async def test_stats_and_pollnow_are_for_admins_only(app: App) -> None:
    for command in ("/stats", "/pollnow"):
        assert "только для операторов" in await app.ask(command)
    stats = await app.ask("/stats", chat_id=ADMIN, language_code="en")
    assert "Subscribers: 0 active, 0 inactive" in stats and "Outbox:" in stats
    assert "Polling" in await app.ask("/pollnow", chat_id=ADMIN, language_code="en")
    for _ in range(100):
        if len(app.api.sent_messages(ADMIN)) >= 3:
            break
        await asyncio.sleep(0.1)
    summary = app.api.sent_messages(ADMIN)[-1].rendered or ""
    assert "http://127.0.0.1:9/: error (" in summary
    stats = await app.ask("/stats", chat_id=ADMIN, language_code="en")
    assert "errors: 1 (1 in a row)" in stats and "Last error:" in stats


async def test_unsubscribe_with_words_removes_only_what_they_name(
    app: App, worker: ExtractionWorker
) -> None:
    """«/unsubscribe Китай» removed every subscription of the chat, the partnership news too,
    and said only «Подписка отменена.»"""
    await store_articles(app.services.news.db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    for command in ("partnerships", "country Китай", "partner tsinghua", "водородная энергетика"):
        await app.ask(f"/subscribe {command}")

    async def kinds() -> list[str]:
        return [s.kind for s in await app.services.chats.subscriptions(42)]

    assert await app.ask("/unsubscribe Китай") == "Подписка отменена: страна 🇨🇳 Китай."
    assert await kinds() == ["partnerships", "partner", "keyword"]
    reply = await app.ask("/unsubscribe Tsinghua", language_code="en")
    assert reply == "Unsubscribed: partner “Tsinghua University”.", reply
    assert await kinds() == ["partnerships", "keyword"]
    # Not a subscription of the chat: nothing removed, the list to choose from.
    reply = await app.ask("/unsubscribe Германия")
    assert reply == (
        "В этом чате нет подписки «Германия». Подписки чата (нажмите, чтобы отменить одну; "
        "отписаться от всего: /unsubscribe без слов):\n• новости о партнёрстве\n"
        "• слова «водородная энергетика»"
    ), reply
    buttons = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    assert [row[0]["text"][:1] for row in buttons] == ["✖", "✖"]
    assert await kinds() == ["partnerships", "keyword"]
    assert await app.ask("/unsubscribe водородная энергетика") == (
        "Подписка отменена: слова «водородная энергетика»."
    )
    assert await kinds() == ["partnerships"]
    assert await app.ask("/unsubscribe всё") == "Подписка отменена."
    assert await kinds() == []


async def test_the_partnership_choice_and_digest_modes_as_people_say_them(app: App) -> None:
    """«/subscribe только партнёрство» (as /start's button reads) made a keyword subscription
    to the words «только партнёрство», and «/digest раз в неделю», "/digest every day" were
    unknown modes (a user session): they are the partnership choice and the digests."""
    assert await app.ask("/subscribe только о партнёрстве") == (
        "Готово, подписка добавлена: новости о партнёрстве."
    )
    assert [s.kind for s in await app.services.chats.subscriptions(42)] == ["partnerships"]
    reply = await app.ask("/subscribe partnership news only", language_code="en", chat_id=43)
    assert reply == "Done, subscribed: partnership news.", reply
    # A word that is no such choice is still a keyword.
    assert "«только водород»" in await app.ask("/subscribe только водород")
    assert await app.ask("/digest раз в неделю") == "Готово: дайджест раз в неделю."
    reply = await app.ask("/digest every  day", language_code="en", chat_id=43)
    assert reply.startswith("Done: a daily digest."), reply


async def test_a_countrys_name_alone_subscribes_to_the_country(app: App) -> None:
    """«/subscribe Китай» and "/subscribe Germany" made keyword subscriptions to «китай» and
    “germany” (an English reader's then missed every Russian article about German partners),
    though «/unsubscribe Китай», /partners and /agreements read the name as the country. The
    reply says what that follows and how to follow the word instead, in quote marks."""
    reply = await app.ask("/subscribe Китай")
    assert reply == (
        "Готово, подписка добавлена: страна 🇨🇳 Китай.\nЭто новости о партнёрах из этой страны. "
        "Следить за самим словом «Китай» в любых новостях: /subscribe «Китай»"
    ), reply
    reply = await app.ask("/subscribe Germany", language_code="en")
    assert reply.startswith("Done, subscribed: country 🇩🇪 Germany.\n"), reply
    assert [(s.kind, s.value) for s in await app.services.chats.subscriptions(42)] == [
        ("country", "CN"),
        ("country", "DE"),
    ]
    # In quote marks: the word itself; the country command says nothing more.
    assert await app.ask("/subscribe «Китай»") == "Готово, подписка добавлена: слово «Китай»."
    reply = await app.ask("/subscribe country India", language_code="en")
    assert reply == "Done, subscribed: country 🇮🇳 India.", reply
    assert (await app.ask("/subscribe Китай")).startswith("Этот чат уже подписан:")
    # A chat with as many subscriptions as it may have is told only that.
    await app.services.chats.upsert(44, "private", None, "ru")
    for i in range(20):
        await app.services.chats.subscribe(44, "keyword", f"слово{i}")
    reply = await app.ask("/subscribe Китай", chat_id=44)
    assert "Китай" not in reply, reply


async def test_the_universitys_own_name_is_all_its_news_not_a_word(app: App) -> None:
    """«/subscribe Политех» followed the word every item has (all news, said as a keyword);
    "partner SPbPU" offered other polytechnics. Its news are all the bot sends: the reply
    says so and offers the two choices; in quote marks it is still the word."""
    reply = await app.ask("/subscribe Политех")
    assert reply == (
        "«Политех» — это сам университет, СПбПУ: о нём все новости, которые присылает бот. "
        "Что присылать — только новости о партнёрстве или все новости?"
    ), reply
    [message] = app.api.calls_of("sendMessage")[-1:]
    rows = message.params["reply_markup"]["inline_keyboard"]
    assert [row[0]["text"] for row in rows] == ["🤝 Только о партнёрстве", "📰 Все новости"]
    reply = await app.ask("/subscribe partner SPbPU", language_code="en", chat_id=43)
    assert reply.startswith("“SPbPU” is the Polytechnic University (SPbPU) itself"), reply
    assert await app.services.chats.subscriptions(42) == []
    assert await app.ask("/subscribe «Политех»") == "Готово, подписка добавлена: слово «Политех»."


async def test_subscribe_word_follows_the_words_after_it(app: App) -> None:
    """«/subscribe word водород» followed the words «word водород» (no article has both);
    «слово Китай» is the word, as «Китай» in quote marks is, not the country."""
    reply = await app.ask("/subscribe word водород")
    assert reply == "Готово, подписка добавлена: слово «водород».", reply
    reply = await app.ask("/subscribe слово Китай")
    assert reply == "Готово, подписка добавлена: слово «Китай».", reply
    reply = await app.ask("/subscribe words hydrogen energy", language_code="en", chat_id=43)
    assert reply == "Done, subscribed: words “hydrogen energy”.", reply


async def test_words_with_countries_say_how_to_follow_the_countries(app: App) -> None:
    """«/subscribe Китай Германия водород» followed news having all three words, said as if
    that were the obvious reading: the reply now says so and gives the command for the
    countries' partners, which works as given."""
    reply = await app.ask("/subscribe Китай Германия водород")
    assert reply == (
        "Готово, подписка добавлена: слова «Китай Германия водород».\nСлова ловят только "
        "новости, где написаны все они сразу. Новости о партнёрах из стран (каждой): "
        "/subscribe Китай, Германия"
    ), reply
    reply = await app.ask("/subscribe Китай, Германия")
    assert reply.startswith("Готово, подписка добавлена: страна 🇨🇳 Китай."), reply
    reply = await app.ask("/subscribe solar energy in India", language_code="en", chat_id=43)
    assert reply.endswith("News of partners from each country: /subscribe India"), reply
    reply = await app.ask("/subscribe robots to IT", language_code="en", chat_id=43)
    assert reply == "Done, subscribed: words “robots to IT”.", reply


async def test_a_kind_of_partner_is_no_keyword_subscription(app: App) -> None:
    """/partners reads «компании» and «вузы Китая» as a kind of partner, but /subscribe made
    keyword subscriptions to «компании» and «вузы китая» (news with both words only). A kind
    with a country subscribes to the country, saying it follows every kind; a kind alone is
    answered with what can be followed (found in a user session)."""
    reply = await app.ask("/subscribe вузы Китая")
    assert reply == (
        "Готово, подписка добавлена: страна 🇨🇳 Китай.\nОтдельной подписки на вид партнёров "
        "нет: это новости обо всех партнёрах из этой страны. Только «вузы Китая»: /partners "
        "вузы Китая. Следить за самими словами: /subscribe «вузы Китая»"
    ), reply
    reply = await app.ask("/subscribe Chinese companies", language_code="en", chat_id=43)
    assert reply.startswith("Done, subscribed: country 🇨🇳 China.\nThere is no subscription"), reply
    reply = await app.ask("/subscribe компании")
    assert reply.startswith("Подписки на вид партнёров («компании») нет"), reply
    assert "/partners компании" in reply and "/subscribe «компании»" in reply
    assert (await app.ask("/subscribe «компании»")) == (
        "Готово, подписка добавлена: слово «компании»."
    )
    assert [(s.kind, s.value) for s in await app.services.chats.subscriptions(42)] == [
        ("country", "CN"),
        ("keyword", "компании"),
    ]


async def test_a_word_naming_a_partner_offers_the_partners_news_in_both_languages(
    app: App,
) -> None:
    """«/subscribe Цинхуа» followed the word only, in the news that spell it (none in
    English): the reply now offers the partner it names, one tap away."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id, [draft("t1", "Визит Цинхуа", link="https://site.test/t1")], announce=True
    )
    fact = PartnerInput(
        "Университет Цинхуа", "Tsinghua University", (), "CN", "university",
        {"t1": "Университет Цинхуа"},
    )  # fmt: skip
    await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])
    reply = await app.ask("/subscribe Цинхуа")
    assert reply == (
        "Готово, подписка добавлена: слово «Цинхуа».\nСлово ловит только новости, где оно "
        "написано; новости партнёра «Университет Цинхуа» на русском и английском — кнопкой ниже."
    ), reply
    [[button]] = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    assert button["text"] == "🤝 Подписаться: Университет Цинхуа", button
    before = len(app.api.sent_messages(42))
    app.api.push_callback_query(
        button["callback_data"], chat_id=42, user_id=42,
        message_id=app.api.sent_messages(42)[-1].result["message_id"],
    )  # fmt: skip
    await until(lambda: _more_than(app, before))
    assert app.api.sent_messages(42)[-1].rendered == (
        "Готово, подписка добавлена: партнёр «Университет Цинхуа»."
    )
    # A word naming no one partner, or in quote marks, is the word alone.
    assert await app.ask("/subscribe водород") == "Готово, подписка добавлена: слово «водород»."
    assert await app.ask("/subscribe «Tsinghua»", language_code="en") == (
        "Done, subscribed: word “Tsinghua”."
    )


async def _more_than(app: App, count: int) -> bool:
    return len(app.api.sent_messages(42)) > count


async def test_a_list_of_countries_subscribes_to_each(app: App) -> None:
    """«/subscribe Китай, Германия» made one keyword subscription to «китай германия»: only
    articles with both words, though the person listed two countries to follow."""
    reply = await app.ask("/subscribe Китай, Германия")
    assert reply == (
        "Готово, подписка добавлена: страна 🇨🇳 Китай.\n"
        "Готово, подписка добавлена: страна 🇩🇪 Германия."
    ), reply
    reply = await app.ask("/subscribe country India and Vietnam", language_code="en")
    assert reply == (
        "Done, subscribed: country 🇮🇳 India.\nDone, subscribed: country 🇻🇳 Vietnam."
    ), reply
    assert [s.value for s in await app.services.chats.subscriptions(42)] == [
        "CN", "DE", "IN", "VN",
    ]  # fmt: skip
    # Not every part a country: the words, as before.
    assert (await app.ask("/subscribe водород и Китай")).startswith(
        "Готово, подписка добавлена: слова «водород и Китай».\nСлова ловят только новости"
    )
    # And off again, each of them.
    assert await app.ask("/unsubscribe Китай и Германия") == (
        "Подписка отменена: страна 🇨🇳 Китай.\nПодписка отменена: страна 🇩🇪 Германия."
    )
    assert [s.value for s in await app.services.chats.subscriptions(42)] == [
        "IN", "VN", "водород и Китай",
    ]  # fmt: skip


async def test_a_filter_added_to_all_news_says_it_narrows_nothing(app: App) -> None:
    """A reader who chose «📰 Все новости» at /start and then subscribed to a country read
    «Готово, подписка добавлена: страна 🇨🇳 Китай» and expected China's news alone; every item
    kept coming. The reply says all news include these, with the button to remove all news."""
    assert (await app.ask("/subscribe")).startswith("Готово")
    reply = await app.ask("/subscribe Китай")
    assert reply.startswith("Готово, подписка добавлена: страна 🇨🇳 Китай."), reply
    assert reply.endswith(
        "Этот чат получает и все новости — эти в них уже есть. Чтобы получать только "
        "выбранное, уберите «все новости» кнопкой ниже."
    ), reply
    [[button]] = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    assert button["text"] == "✖ все новости", button
    app.api.push_callback_query(
        button["callback_data"], chat_id=42, user_id=42,
        message_id=app.api.sent_messages(42)[-1].result["message_id"],
    )  # fmt: skip
    await until(lambda: _edited(app))
    assert [(s.kind, s.value) for s in await app.services.chats.subscriptions(42)] == [
        ("country", "CN")
    ]
    # Without all news, or the partnership news alone, nothing more is said.
    assert await app.ask("/subscribe Germany", language_code="en") == (
        "Done, subscribed: country 🇩🇪 Germany.\nThat is news of partners from this country. "
        "To follow the word “Germany” in any news: /subscribe “Germany”"
    )
    await app.ask("/subscribe partnerships", chat_id=43)
    assert await app.ask("/subscribe водород", chat_id=43) == (
        "Готово, подписка добавлена: слово «водород»."
    )
    await app.ask("/subscribe", language_code="en", chat_id=44)
    reply = await app.ask("/subscribe China, India", language_code="en", chat_id=44)
    assert reply.endswith("remove “all news” with the button below."), reply
    assert reply.count("all news") == 2, reply
    # A partner followed by its button (a card's, or one offered for a word) says it too.
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id, [draft("t1", "Визит Цинхуа", link="https://site.test/t1")], announce=True
    )
    fact = PartnerInput(
        "Университет Цинхуа", "Tsinghua University", (), "CN", "university",
        {"t1": "Университет Цинхуа"},
    )  # fmt: skip
    await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])
    await app.ask("/subscribe Tsinghua", language_code="en", chat_id=44)
    [[button], [remove]] = app.api.sent_messages(44)[-1].params["reply_markup"]["inline_keyboard"]
    assert remove["text"] == "✖ all news", remove
    before = len(app.api.sent_messages(44))
    app.api.push_callback_query(
        button["callback_data"], chat_id=44, user_id=44, language_code="en",
        message_id=app.api.sent_messages(44)[-1].result["message_id"],
    )  # fmt: skip
    await until(lambda: _sent_more(app, 44, before))
    followed = app.api.sent_messages(44)[-1]
    assert (followed.rendered or "").startswith("Done, subscribed: partner “Tsinghua University”.")
    assert (followed.rendered or "").endswith("with the button below."), followed.rendered
    [[remove]] = followed.params["reply_markup"]["inline_keyboard"]
    assert remove["text"] == "✖ all news", remove


async def _sent_more(app: App, chat_id: int, count: int) -> bool:
    return len(app.api.sent_messages(chat_id)) > count


async def _edited(app: App) -> bool:
    return any(c.ok for c in app.api.calls_of("editMessageText"))


async def test_countries_named_one_after_another_with_spaces_are_each_followed(app: App) -> None:
    """«/subscribe Китай Германия» (no comma) made a keyword subscription to «китай германия»:
    only the news with both words. Countries in a row, names of two words too, are each one."""
    reply = await app.ask("/subscribe Китай Германия")
    assert reply == (
        "Готово, подписка добавлена: страна 🇨🇳 Китай.\n"
        "Готово, подписка добавлена: страна 🇩🇪 Германия."
    ), reply
    reply = await app.ask("/subscribe country South Korea India", language_code="en", chat_id=43)
    assert reply == (
        "Done, subscribed: country 🇰🇷 South Korea.\nDone, subscribed: country 🇮🇳 India."
    ), reply
    assert await app.ask("/unsubscribe Китай Германия") == (
        "Подписка отменена: страна 🇨🇳 Китай.\nПодписка отменена: страна 🇩🇪 Германия."
    )
    # A word that is no country among them: the words, as before.
    assert (await app.ask("/subscribe водород Китай")).startswith(
        "Готово, подписка добавлена: слова «водород Китай».\nСлова ловят только новости"
    )
