"""What a person sees (issue 8): buttons, choices, stale buttons, languages and operator replies,
through the real dispatcher and the fake Bot API, read as rendered text."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.delivery.audience import Audience
from bot.delivery.rendering import AnnouncementRenderer
from bot.facts.service import ExtractionWorker, FactsService
from bot.ingest.feeds import HttpFetcher
from bot.ingest.poll import Ingestor
from bot.text.i18n import is_cyrillic
from storage.chats import ChatRepository
from storage.db import Database, utcnow
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository
from storage.partners import AgreementInput, PartnerInput, PartnerRepository
from tests.conftest import ADMIN, App, Reply, draft, until
from tests.fakes.bot_api import CallRecord
from tests.test_facts import store_articles
from tests.test_partner_commands import many_partners

pytestmark = pytest.mark.both_engines

DATA = Path(__file__).parent / "data"
TAGS = re.compile(r"</?(b|a|i|code|pre)\b|&(lt|gt|amp|quot|#\d+);")


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    pool = ExtractionWorker()
    yield pool
    pool.close()


async def with_articles(app: App, worker: ExtractionWorker) -> dict[str, int]:
    ids = await store_articles(app.services.news.db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    return ids


def buttons(app: App, chat_id: int = 42) -> list[tuple[str, str]]:
    """(text, callback data or url) of the last message's inline keyboard, row by row."""
    markup = app.api.sent_messages(chat_id)[-1].params.get("reply_markup") or {}
    return [
        (b["text"], b.get("callback_data") or b.get("url", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
    ]


async def press(
    app: App, data: str, chat_id: int = 42, user_id: int = 42, lang: str = "ru"
) -> CallRecord:
    """Press a button under the last message; returns the bot's answer to the callback."""
    message_id = app.api.sent_messages(chat_id)[-1].result["message_id"]
    return await press_on(app, data, message_id, chat_id, user_id, lang)


async def press_on(
    app: App, data: str, message_id: int, chat_id: int = 42, user_id: int = 42, lang: str = "ru"
) -> CallRecord:
    before = len(app.api.calls_of("answerCallbackQuery"))
    app.api.push_callback_query(
        data, chat_id=chat_id, user_id=user_id, message_id=message_id, language_code=lang
    )

    async def answered() -> bool:
        return len(app.api.calls_of("answerCallbackQuery")) > before

    await until(answered)
    return app.api.calls_of("answerCallbackQuery")[before]


async def next_reply(app: App, chat_id: int, before: int) -> Reply:
    async def arrived() -> bool:
        return len(app.api.sent_messages(chat_id)) > before

    await until(arrived)
    call = app.api.sent_messages(chat_id)[before]
    assert call.ok, call.error
    return Reply(call.rendered or "", call.result.get("entities"))


def data_of(app: App, label: str, chat_id: int = 42) -> str:
    [data] = [d for text, d in buttons(app, chat_id) if text == label]
    return data


async def test_start_button_partnership_news_only(app: App) -> None:
    await app.ask("/start")
    count = len(app.api.sent_messages(42))
    await press(app, data_of(app, "🤝 Только о партнёрстве"))
    reply = await next_reply(app, 42, count)
    assert reply == "Готово, подписка добавлена: новости о партнёрстве."
    assert [s.kind for s in await app.services.chats.subscriptions(42)] == ["partnerships"]


async def test_subscribe_on_a_subscribed_chat_says_which_with_buttons_to_change(app: App) -> None:
    await app.ask("/subscribe partnerships")
    reply = await app.ask("/subscribe")
    assert reply.startswith("Этот чат уже подписан:\n• новости о партнёрстве")
    labels = [text for text, _ in buttons(app)]
    assert labels == ["📰 Все новости", "✖ новости о партнёрстве"]
    count = len(app.api.sent_messages(42))
    await press(app, data_of(app, "📰 Все новости"))
    assert await next_reply(app, 42, count) == "Готово, теперь: все новости."
    assert [s.kind for s in await app.services.chats.subscriptions(42)] == ["all"]
    english = await app.ask("/subscribe", language_code="en")
    assert english.startswith("This chat is already subscribed to:\n• all news")


async def test_an_ambiguous_partner_is_chosen_with_buttons(app: App) -> None:
    await many_partners(app, 3)
    reply = await app.ask("/subscribe partner университет")
    assert reply == "Под «университет» подходят несколько партнёров. На кого подписаться?"
    choices = buttons(app)
    assert len(choices) == 3 and all(text.startswith("Университет номер") for text, _ in choices)
    assert await app.services.chats.subscriptions(42) == []  # nothing picked silently
    label, data = choices[1]
    count = len(app.api.sent_messages(42))
    await press(app, data)
    assert await next_reply(app, 42, count) == f"Готово, подписка добавлена: партнёр «{label}»."
    [sub] = await app.services.chats.subscriptions(42)
    assert sub.kind == "partner"
    assert (await app.ask("/partners университет")).startswith("Уточните")
    assert len(buttons(app)) == 3
    # One partner named exactly: subscribed at once, its name said.
    assert "«Университет номер 2»" in await app.ask("/subscribe partner Университет номер 2")


async def test_stale_buttons_answer_with_a_note_and_fail_no_edit(
    app: App, caplog: pytest.LogCaptureFixture
) -> None:
    await app.ask("/subscribe partnerships")
    await app.ask("/subscribe country Китай")
    await app.ask("/subscriptions")
    remove = data_of(app, "✖ новости о партнёрстве")
    message_id = app.api.sent_messages(42)[-1].result["message_id"]
    first = await press_on(app, remove, message_id)
    second = await press_on(app, remove, message_id)  # a double tap: the same old button
    assert first.params.get("text") == "Подписка удалена."
    assert second.params.get("text") == "Эта подписка уже удалена."
    shown = app.api.message(42, message_id)
    assert shown is not None and shown["text"] == "Подписки этого чата:\n• страна 🇨🇳 Китай"
    # A page button under a message Telegram no longer has: a new message, a short note.
    caplog.set_level(logging.INFO)
    count = len(app.api.sent_messages(42))
    answer = await press_on(app, "pp:1:", message_id=9999)
    assert answer.params.get("text") == "Это сообщение устарело — вот актуальное."
    assert "Партнёров пока нет" in await next_reply(app, 42, count)
    answer = await press(app, "pc:123456")
    assert answer.params.get("text") == "Этого партнёра больше нет в списке."
    answer = await press(app, "zz:from-an-older-version")
    assert answer.params.get("text") == "Эта кнопка устарела — повторите команду."
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_free_text_in_a_private_chat_gets_an_answer_and_a_search_button(
    app: App, worker: ExtractionWorker
) -> None:
    await with_articles(app, worker)
    reply = await app.ask("что было на Алтае?")
    assert reply.startswith("Я понимаю команды: /subscribe")
    assert reply.endswith("Поискать «что было на Алтае» в новостях?")
    [(label, data)] = buttons(app)
    assert label == "🔎 Искать «что было на Алтае»"
    english = await app.ask("hydropower", language_code="en")
    assert english.endswith("Search the news for “hydropower”?")
    # Greetings, thanks and questions about the bot get what it can do, no search of them.
    for chat in (
        "hello",
        "thanks!",
        "hi, what can this bot do?",
        "Спасибо, бот",
        "что ты умеешь?",
        "What can you do?",
        "кто вы",
        "Danke!",
        "Vielen Dank",
        "Merci",
    ):
        count = len(app.api.sent_messages(42))
        reply = await app.ask(chat, language_code="en")
        assert "I understand commands:" in reply and "Search" not in reply, reply
        assert not app.api.sent_messages(42)[-1].params.get("reply_markup"), chat
        assert len(app.api.sent_messages(42)) == count + 1
    count = len(app.api.sent_messages(42))
    await press(app, "sq:Цинхуа")  # the button's data carries the words
    results = await next_reply(app, 42, count)
    assert results.startswith("Найдено по запросу «Цинхуа»")


async def test_words_with_marked_latin_letters_are_shown_whole(app: App) -> None:
    """Before, "Wo ist die Universität Hannover?" was offered as a search for “Wo ist die
    Universit t Hannover”, and "/subscribe Universität Graz" confirmed words “universit t graz”."""
    reply = await app.ask("Wo ist die Universität Hannover?", language_code="de")
    assert reply.endswith("Search the news for “Wo ist die Universität Hannover”?"), reply
    [(label, data)] = buttons(app)
    assert label == "🔎 Search “Wo ist die Universität…”", label
    assert data == "sq:Wo ist die Universität Hannover"
    reply = await app.ask("/subscribe Universität Graz", language_code="de")
    assert reply == "Done, subscribed: words “Universität Graz”.", reply
    assert "• words “Universität Graz”" in await app.ask("/subscriptions", language_code="de")
    # Only signs or an alphabet the search does not read: still no word to follow.
    assert (await app.ask("/subscribe 清华", language_code="en")).startswith(
        "There are no words here to follow."
    )


async def test_the_bot_greets_a_group_it_is_added_to_and_names_who_configures_it(
    app: App,
) -> None:
    group = -100555
    app.api.push_my_chat_member(
        group, new_status="member", old_status="left", chat_type="group", language_code="ru"
    )
    greeting = await next_reply(app, group, 0)
    assert "Настраивать меня в этой группе могут только администраторы" in greeting
    assert "/subscribe partnerships" in greeting
    assert "форум" not in greeting
    app.api.push_my_chat_member(
        group - 1, new_status="member", old_status="left", chat_type="supergroup"
    )
    await until(lambda: _has(app, group - 1))
    # A forum: which topic the news go to was left to guess (the announcements of a
    # /subscribe sent in the general chat went there, not to the topic the admin had in mind).
    app.api.push_my_chat_member(
        group - 2, new_status="member", old_status="left", chat_type="supergroup",
        language_code="en", is_forum=True,
    )  # fmt: skip
    greeting = await next_reply(app, group - 2, 0)
    assert greeting.endswith(
        "This is a forum: news go to the topic where an administrator sends /subscribe, and "
        "each topic has its own subscriptions."
    ), greeting


async def _has(app: App, chat_id: int) -> bool:
    return bool(app.api.sent_messages(chat_id))


async def test_country_names_not_codes_and_partners_by_mentions(
    app: App, worker: ExtractionWorker
) -> None:
    await with_articles(app, worker)
    reply = await app.ask("/agreements Китай")
    assert reply.startswith("Соглашения по запросу «🇨🇳 Китай»")
    assert "CN" not in reply
    english = await app.ask("/agreements China", language_code="en")
    assert english.startswith("Agreements for “🇨🇳 China”")
    listed = await app.ask("/partners")
    first = listed.split("\n\n")[1].split("\n")[0]
    assert first.startswith("• Университет Цинхуа") and first.endswith("— 3")


async def test_one_language_per_reader(app: App, worker: ExtractionWorker) -> None:
    await with_articles(app, worker)
    card = await app.ask("/partners Tsinghua", language_code="en")
    assert card.styled("bold")[0] == "Tsinghua University"
    assert "🇨🇳 China · university" in card and "mentions: 3" in card
    english = await app.ask("/agreements Tsinghua", language_code="en")
    assert "Tsinghua University" in english
    assert not is_cyrillic(english), english  # no Russian subject, kind or party name
    russian = await app.ask("/agreements Цинхуа")
    assert "Соглашение — Университет Цинхуа" in russian
    latest = await app.ask("/latest", language_code="en")
    assert "International affairs" in latest and "Международная" not in latest


async def test_search_finds_a_partner_under_its_other_names(
    app: App, worker: ExtractionWorker
) -> None:
    ids = await with_articles(app, worker)
    reply = await app.ask("/search Цинхуа")
    found = reply.links
    assert "https://site.test/a2" in found  # "Delegation of Tsinghua University visited SPbPU"
    assert {"https://site.test/a1", "https://site.test/a3"} <= set(found)
    assert "https://site.test/a4" not in found and "https://site.test/a5" not in found
    assert ids
    english = await app.ask("/search Tsinghua", language_code="en")
    assert "https://site.test/a1" in english.links and "https://site.test/a2" in english.links
    # A word that names several partners is searched as a word, not as one of them.
    assert "https://site.test/a2" not in (await app.ask("/search университет")).links


async def test_stats_and_pollnow_speak_the_operators_language(app: App) -> None:
    [feed] = await app.services.feeds.ensure(["http://127.0.0.1:9/"])
    await app.services.feeds.record_success(
        feed.id, etag=None, last_modified=None, title="Новости СПбПУ", next_check_at=utcnow()
    )
    for lang, words in (
        ("ru", ("Состояние бота", "Подписчики:", "Следующая проверка:", "МСК")),
        ("en", ("Bot status", "Subscribers:", "Next check:", "Moscow time")),
    ):
        reply = await app.ask("/stats", chat_id=ADMIN, language_code=lang)
        assert not TAGS.search(reply), reply
        assert all(word in reply for word in words), reply
        assert "next tick" not in reply
        assert re.search(r"(проверка|check): \d+ \w+ 20\d\d, \d\d:\d\d", reply), reply
    count = len(app.api.sent_messages(ADMIN))
    app.api.push_message("/pollnow", chat_id=ADMIN, language_code="ru")
    assert await next_reply(app, ADMIN, count) == "Опрашиваю ленты…"
    report = await next_reply(app, ADMIN, count + 1)
    assert report.startswith("Опрос завершён\nhttp://127.0.0.1:9/: ошибка (")
    assert "Статей загружено: 0" in report and not TAGS.search(report)
    assert "только для операторов" in await app.ask("/pollnow")


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Новости</title><link>{base}/</link><description>d</description>
<item><title>Политех и Харбинский политехнический университет подписали меморандум</title>
<link>{base}/news/1/</link><guid>{base}/news/1/</guid>
<description>Стороны договорились о...</description>
<pubDate>Tue, 01 Dec 2026 14:30:00 +0300</pubDate></item>
</channel></rss>"""


async def test_the_pages_og_image_is_the_preview_when_the_feed_has_none(db: Database) -> None:
    page = (DATA / "site" / "article_full.html").read_bytes()

    async def feed(request: web.Request) -> web.Response:
        text = FEED.format(base=f"http://{request.host}")
        return web.Response(text=text, content_type="application/rss+xml")

    async def article(_request: web.Request) -> web.Response:
        return web.Response(body=page, content_type="text/html")

    app = web.Application()
    app.router.add_get("/rss", feed)
    app.router.add_get("/news/1/", article)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        news, chats = NewsRepository(db), ChatRepository(db)
        async with HttpFetcher(user_agent="test") as fetcher:
            ingestor = Ingestor(
                urls=[f"http://127.0.0.1:{port}/rss"], interval=60, fetcher=fetcher,
                feeds=FeedRepository(db), news=news,
                audience=Audience(chats, PartnerRepository(db)), outbox=OutboxRepository(db),
            )  # fmt: skip
            report = await ingestor.poll()
        assert report.bodies_fetched == 1
        [item] = await news.latest(1)
        message = await AnnouncementRenderer(news)(item.id, "ru")
        assert message is not None
        assert (
            message.preview_url == "https://www.spbstu.ru/upload/iblock/f71/memorandum-harbin.jpg"
        )
        assert message.button == ("Читать на сайте", f"http://127.0.0.1:{port}/news/1/")
    finally:
        await runner.cleanup()


def _push_media(app: App, chat_id: int, chat_type: str, **media: object) -> None:
    """A message with no text (a sticker, a photo), as Telegram sends it."""
    user = {"id": 77, "is_bot": False, "first_name": "Ben", "language_code": "en"}
    chat = {"id": chat_id, "type": chat_type, "title": "Chat"}
    if chat_type == "private":
        chat = {"id": chat_id, "type": "private", "first_name": "Ben"}
    message = {"message_id": 900, "date": 1_700_000_000, "chat": chat, "from": user, **media}
    app.api.push_update({"message": message})


async def test_a_sticker_or_photo_in_a_private_chat_gets_what_the_bot_can_do(app: App) -> None:
    sticker = {"file_id": "S1", "file_unique_id": "s1", "width": 512, "height": 512,
               "is_animated": False, "is_video": False, "type": "regular"}  # fmt: skip
    _push_media(app, 77, "private", sticker=sticker)
    reply = await next_reply(app, 77, 0)
    assert reply.startswith("I understand commands: /subscribe"), reply
    photo = [{"file_id": "P1", "file_unique_id": "p1", "width": 90, "height": 90}]
    _push_media(app, 77, "private", photo=photo, caption="look at this")
    assert (await next_reply(app, 77, 1)).startswith("I understand commands:")
    # In a group a member's sticker is none of the bot's business.
    _push_media(app, -100556, "supergroup", sticker=sticker)
    await app.silence("hello everyone", chat_id=-100556, chat_type="supergroup")
    assert not app.api.sent_messages(-100556)


async def test_a_long_question_keeps_every_word_in_its_search_button(
    app: App, worker: ExtractionWorker
) -> None:
    """A question longer than Telegram's 64 bytes of button data was cut from the right, so
    «кто наши партнёры в Германии» offered to search «кто наши партнёры в»."""
    await with_articles(app, worker)
    reply = await app.ask("кто наши партнёры по гидроэнергетике в Китае?")
    assert reply.endswith("Поискать «кто наши партнёры по гидроэнергетике в Китае» в новостях?")
    (label, data), *_ = buttons(app)  # the search; China's partners follow
    assert len(data.encode()) <= 64, data
    count = len(app.api.sent_messages(42))
    await press(app, data)
    results = await next_reply(app, 42, count)
    assert "«кто наши партнёры по гидроэнергетике в Китае»" in results, results
    # Too long even packed: the longest words, in their order, and the prompt says which.
    await app.ask("какие совместные исследования ведутся сейчас в области гидроэнергетики?")
    [(label, data)] = buttons(app)
    count = len(app.api.sent_messages(42))
    await press(app, data)
    results = await next_reply(app, 42, count)
    assert "совместные исследования" in results and "гидроэнергетики»" in results, results


async def test_a_pasted_link_is_not_searched_for_as_words(app: App) -> None:
    """A link pasted alone offered to search «https www spbstu ru media news international»;
    the words beside a link are searched without it."""
    reply = await app.ask("https://www.spbstu.ru/media/news/international/")
    assert reply.startswith("Я понимаю команды") and "https" not in reply, reply
    assert buttons(app) == []
    reply = await app.ask("водород www.spbstu.ru/news/hydrogen")
    assert reply.endswith("Поискать «водород» в новостях?"), reply


async def test_a_long_request_keeps_what_it_is_about_in_its_search_button(app: App) -> None:
    """A long polite question kept its longest words, the request's own among them: «Поискать
    «Расскажите пожалуйста какие образовательные университетами»», «Германии» left out. The
    words that say what it is about come first, names before the rest."""
    reply = await app.ask(
        "Расскажите, пожалуйста, какие у Политеха есть совместные образовательные программы "
        "с университетами Германии и как туда поступить, если я студент третьего курса"
    )
    prompt = reply.rsplit("\n", 1)[-1]
    assert "Германии" in prompt and "совместные" in prompt, prompt
    for word in ("Расскажите", "пожалуйста", "какие", "Политеха"):
        assert word not in prompt, prompt
    reply = await app.ask(
        "Could you please tell me which universities in Germany offer joint master programmes "
        "for international students",
        language_code="en",
    )
    prompt = reply.rsplit("\n", 1)[-1]
    assert "Germany" in prompt and "universities" in prompt, prompt
    assert "Could" not in prompt and "please" not in prompt, prompt


async def test_a_run_of_letters_too_long_for_a_button_gets_no_empty_search(app: App) -> None:
    """A message of one "word" no button can carry (a key held down, a pasted hash) offered
    «Поискать «» в новостях?» and a button searching nothing; now the short answer alone."""
    for text, lang in (("ы" * 300, "ru"), ("x" * 300, "en")):
        reply = await app.ask(text, language_code=lang)
        assert "«»" not in reply and "“”" not in reply, reply
        assert reply.startswith(("Я понимаю команды", "I understand commands")), reply
        assert buttons(app) == [], text
    # Long words beside it still leave the words a button can carry.
    reply = await app.ask("гидроэнергетика " + "ы" * 300)
    assert reply.endswith("Поискать «гидроэнергетика» в новостях?"), reply


async def test_free_text_naming_a_country_offers_its_partners(
    app: App, worker: ExtractionWorker
) -> None:
    """«кто наши партнёры в Китае?» gets, beside the search, the country's partners a tap away,
    first (the search for the question's words came first, and the prompt offered only it);
    a country with none gets no such button."""
    await with_articles(app, worker)
    reply = await app.ask("кто наши партнёры в Китае?")
    assert reply.endswith(
        "Партнёры из страны 🇨🇳 Китай — первой кнопкой ниже. "
        "Или поискать «кто наши партнёры в Китае» в новостях?"
    ), reply
    [(label, data), (_, search)] = buttons(app)
    assert search.startswith("sq:") and label.startswith("🇨🇳 Китай: все партнёры ("), label
    reply = await app.ask("partners in China", language_code="en")
    assert reply.endswith("Partners in 🇨🇳 China: the first button below. "
                          "Or search the news for “partners in China”?"), reply  # fmt: skip
    # A country named in a question about something else: the search stays first.
    await app.ask("роботы из Китая")
    assert buttons(app)[0][1].startswith("sq:"), buttons(app)
    await press(app, data)  # the answer turns into the country's list, pages and all
    [edit] = [c for c in app.api.calls_of("editMessageText") if c.ok][-1:]
    assert (edit.rendered or "").startswith("Партнёры: 🇨🇳 Китай"), edit.rendered
    await app.ask("кто наши партнёры в Перу?")
    assert len(buttons(app)) == 1


async def test_a_countrys_name_alone_offers_no_card_of_a_body_named_after_it(app: App) -> None:
    """«Китай» typed alone offered the card of the Ministry of Science and Technology of China
    first, as if it were the partner meant; it is the country, as /partners reads it."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for i, (name, name_en, kind) in enumerate(
        (
            (
                "Министерство науки и технологий Китая",
                "Ministry of Science and Technology of China",
                "government",
            ),
            ("Университет Цинхуа", "Tsinghua University", "university"),
        )
    ):
        [news_id] = await app.services.news.add_new(
            feed.id,
            [draft(f"cn{i}", f"Новость {i}", link=f"https://site.test/cn{i}")],
            announce=True,
        )
        keys = {f"cn{i}": name, f"cn{i}en": name_en}
        fact = PartnerInput(name, name_en, (), "CN", kind, keys)
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])
    # The name alone asks for the country's partners: their list comes first and the prompt
    # says so, as a partner's name alone offers its card first (a search for «Китай» came
    # first, the list second, and the prompt offered only the search).
    for text, lang, prompt in (
        ("Китай", "ru",
         "Партнёры из страны 🇨🇳 Китай — первой кнопкой ниже. Или поискать «Китай» в новостях?"),
        ("China", "en",
         "Partners in 🇨🇳 China: the first button below. Or search the news for “China”?"),
    ):  # fmt: skip
        reply = await app.ask(text, language_code=lang)
        assert reply.endswith(prompt), reply
        labels = [label for label, _ in buttons(app)]
        assert not any(label.startswith("🤝") for label in labels), labels
        assert labels[0].endswith(" (2)") and "🇨🇳" in labels[0], labels
        assert labels[1].startswith("🔎"), labels
    await app.ask("Цинхуа")  # a partner's own name still opens its card
    assert buttons(app)[0][0] == "🤝 Университет Цинхуа", buttons(app)


async def test_free_text_asking_about_a_countrys_agreements_offers_them_first(
    app: App, worker: ExtractionWorker
) -> None:
    """«какие соглашения подписаны с Китаем?» got a search of the whole question and China's
    partners, though the bot has China's agreements listed a command away."""
    await with_articles(app, worker)
    reply = await app.ask("какие соглашения подписаны с Китаем?")
    assert reply.endswith(
        "Соглашения с партнёрами из страны 🇨🇳 Китай — первой кнопкой ниже. "
        "Или поискать «какие соглашения подписаны с Китаем» в новостях?"
    ), reply
    (label, data), (_, search), (partners_label, _) = buttons(app)
    assert label.startswith("📄 🇨🇳 Китай: соглашения ("), label
    assert search.startswith("sq:") and partners_label.startswith("🇨🇳 Китай: все партнёры (")
    total = int(label.rsplit("(", 1)[1].rstrip(")"))
    await press(app, data)
    [edit] = [c for c in app.api.calls_of("editMessageText") if c.ok][-1:]
    assert (edit.rendered or "").startswith(f"Соглашения по запросу «🇨🇳 Китай» (всего {total}):"), (
        edit.rendered
    )
    # Asking about partners, not documents: no agreements button.
    await app.ask("what do we do with China?", language_code="en")
    assert not any(text.startswith("📄") for text, _ in buttons(app))
    await app.ask("which agreements were signed with China?", language_code="en")
    assert buttons(app)[0][0].startswith("📄 🇨🇳 China: agreements ("), buttons(app)


async def test_a_question_about_agreements_of_a_year_offers_that_years_agreements(
    app: App,
) -> None:
    """ "what agreements were signed with Kazakhstan in 2023?" offered the country's agreements of
    every year, the year unread; the button now leads to that year's, and says so. A year with
    none keeps the button to every year."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for i, year in enumerate((2021, 2023, 2023)):
        [news_id] = await app.services.news.add_new(
            feed.id,
            [draft(f"kz{i}", f"Новость {i}", link=f"https://site.test/kz{i}")],
            announce=True,
        )
        name = f"Университет номер {i}"
        fact = PartnerInput(name, None, (), "KZ", "university", {f"kz{i}": name})
        agreement = AgreementInput("agreement", f"о сотрудничестве {i}", f"{year}-05-01", (0,))
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [agreement])
    await app.ask("what agreements were signed with Kazakhstan in 2023?", language_code="en")
    (label, data), *_ = buttons(app)
    assert label == "📄 🇰🇿 Kazakhstan: agreements of 2023 (2)", buttons(app)
    await press(app, data, lang="en")
    [edit] = [c for c in app.api.calls_of("editMessageText") if c.ok][-1:]
    assert (edit.rendered or "").startswith("Agreements of 2023 for “🇰🇿 Kazakhstan” (2):"), (
        edit.rendered
    )
    await app.ask("какие соглашения подписаны с Казахстаном за последние два года?")
    assert buttons(app)[0][0] == "📄 🇰🇿 Казахстан: соглашения (3)", buttons(app)  # none then
    await app.ask("соглашения с Казахстаном в 2021 году")
    assert buttons(app)[0][0] == "📄 🇰🇿 Казахстан: соглашения 2021 года (1)", buttons(app)
    await app.ask("университет номер 1: соглашения 2023 года")
    assert buttons(app)[0][0] == "📄 Университет номер 1: соглашения 2023 года (1)", buttons(app)


async def test_a_question_about_a_years_agreements_offers_them_with_no_partner_named(
    app: App,
) -> None:
    """«список соглашений за 2024 год», "how many agreements were signed in 2023?": a search of
    the whole question was all a person got, though /agreements lists a year's documents; the
    first button now leads there. A year with none, or no year, keeps the search alone."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for i, (year, country) in enumerate(((2022, "KZ"), (2023, "CN"), (2023, "DE"))):
        [news_id] = await app.services.news.add_new(
            feed.id,
            [draft(f"y{i}", f"Новость {i}", link=f"https://site.test/y{i}")],
            announce=True,
        )
        name = f"Университет номер {i}"
        fact = PartnerInput(name, None, (), country, "university", {f"y{i}": name})
        agreement = AgreementInput("agreement", f"о сотрудничестве {i}", f"{year}-05-01", (0,))
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [agreement])
    for question in ("список соглашений за 2023 год", "сколько соглашений подписали в 2023 году?"):
        reply = await app.ask(question)
        assert reply.endswith("Соглашения 2023 года — первой кнопкой ниже. Или поискать «"
                              f"{question.rstrip('?')}» в новостях?"), reply  # fmt: skip
        (label, data), *_ = buttons(app)
        assert label == "📄 Соглашения 2023 года (2)", buttons(app)
    await press(app, data)
    [edit] = [c for c in app.api.calls_of("editMessageText") if c.ok][-1:]
    assert (edit.rendered or "").startswith("Соглашения 2023 года (всего 2):"), edit.rendered
    await app.ask("how many agreements were signed in 2022?", language_code="en")
    assert buttons(app)[0][0] == "📄 Agreements of 2022 (1)", buttons(app)
    for question in ("соглашения 2021 года", "какие соглашения подписывают вузы"):
        await app.ask(question)
        assert not any(text.startswith("📄") for text, _ in buttons(app)), (question, buttons(app))


async def test_asking_whats_new_in_words_gets_the_latest_news(app: App) -> None:
    """«что нового?» and "what's new?" got a button to search the news for «что нового»; they
    now get the latest items as /latest lists them. News of something is still searched."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    await app.services.news.add_new(
        feed.id, [draft("w1", "Летняя школа в Политехе", link="https://site.test/w1")],
        announce=True,
    )  # fmt: skip
    latest = await app.ask("/latest")
    for question, lang in (("Что нового?", "ru"), ("есть новости?", "ru"), ("what's new?", "en")):
        reply = await app.ask(question, language_code=lang)
        assert reply == (latest if lang == "ru" else await app.ask("/latest", language_code="en"))
        assert "Летняя школа в Политехе" in reply, (question, reply)
    reply = await app.ask("новости о водороде")
    assert reply.endswith("Поискать «водороде» в новостях?"), reply


async def test_asking_whats_new_somewhere_searches_for_that_place_alone(app: App) -> None:
    """«что нового в Китае?» offered to search the news for «что нового в Китае» (no article
    has «что» and «нового» beside China); "what's new at Lakeside?" for "what s new at
    Lakeside". The search is for what the question asks about; the country's button stays."""
    await many_partners(app, 1)
    reply = await app.ask("что нового в Казахстане?")
    assert reply.endswith("Поискать «Казахстане» в новостях?"), reply
    labels = [text for text, _ in buttons(app)]
    assert labels[0] == "🔎 Искать «Казахстане»", labels
    assert labels[1].startswith("🇰🇿 Казахстан: все партнёры"), labels
    reply = await app.ask("what's new at Lakeside University?", language_code="en")
    assert reply.endswith("Search the news for “Lakeside University”?"), reply


async def test_lists_of_news_name_the_document_an_article_reports_as_its_announcement_did(
    app: App,
) -> None:
    """An announcement said «📄 Соглашение» for an article reporting a signing; /latest and
    /search listed the same article under the feed's category alone."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    cases = [
        ("s1", "Подписано соглашение с Озёрным университетом", True),
        ("s2", "Озёрный университет провёл летнюю школу", False),
    ]
    for key, title, signed in cases:
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(key, title, link=f"https://site.test/{key}")], announce=True
        )
        name = "Озёрный университет"
        fact = PartnerInput(name, None, (), "KZ", "university", {key: name})
        documents = [AgreementInput("agreement", "о сотрудничестве", None, (0,))] if signed else []
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], documents)
    for command in ("/latest", "/search Озёрный университет"):
        reply = await app.ask(command)
        blocks = {b.split("\n")[0]: b.split("\n")[1] for b in reply.split("\n\n")[1:]}
        signing = blocks["Подписано соглашение с Озёрным университетом"]
        assert signing.endswith(" · 📄 Соглашение"), (command, reply)
        assert "📄" not in blocks["Озёрный университет провёл летнюю школу"], (command, reply)


async def test_free_text_naming_a_partner_offers_its_card_first(
    app: App, worker: ExtractionWorker
) -> None:
    """«Цинхуа» alone got only a search of the word, though the bot has the partner's card."""
    await with_articles(app, worker)
    await app.ask("Цинхуа")
    (label, data), (_, search) = buttons(app)
    assert label == "🤝 Университет Цинхуа" and search.startswith("sq:"), buttons(app)
    count = len(app.api.sent_messages(42))
    edits = len(app.api.calls_of("editMessageText"))
    await press(app, data)
    for _ in range(200):
        shown = [c.rendered for c in app.api.calls_of("editMessageText")[edits:] if c.ok]
        shown += [c.rendered for c in app.api.sent_messages(42)[count:] if c.ok]
        if shown:
            break
        await asyncio.sleep(0.025)
    assert shown and (shown[0] or "").startswith("Университет Цинхуа\n"), shown
    # Words naming no partner: no card button.
    await app.ask("водородная энергетика")
    assert not any(text.startswith("🤝") for text, _ in buttons(app))


async def test_a_reader_is_told_when_an_article_is_in_the_other_language(
    app: App, worker: ExtractionWorker
) -> None:
    """An English reader got Russian headlines with nothing saying they were Russian (and a
    Russian reader English ones): the date line says which, in lists and announcements."""
    await with_articles(app, worker)
    for lang, other in (("en", "in Russian"), ("ru", "на английском")):
        latest = await app.ask("/latest 10", language_code=lang)
        blocks = latest.split("\n\n")[1:]
        assert blocks, latest
        for block in blocks:
            title, meta = block.split("\n")[:2]
            foreign = is_cyrillic(title) != (lang == "ru")
            assert meta.endswith(f" · {other}") == foreign, (lang, block)
        assert any(other in block for block in blocks) and not all(
            other in block for block in blocks
        ), latest
    # An announcement says it too.
    [russian] = [i for i in await app.services.news.latest(10) if is_cyrillic(i.title)][:1]
    message = await AnnouncementRenderer(app.services.news)(russian.id, "en")
    assert message is not None and "· in Russian" in message.text.split("\n")[1], message.text
    message = await AnnouncementRenderer(app.services.news)(russian.id, "ru")
    assert message is not None and "на английском" not in message.text, message.text


async def test_free_text_about_subscribing_or_designs_offers_no_agreements(
    app: App, worker: ExtractionWorker
) -> None:
    """«подписаться» (to subscribe) is no signing, nor "designed" / "assigned" "signed", nor a
    "mountain" an MoU: such questions get no agreements button and no prompt about one."""
    await with_articles(app, worker)
    reply = await app.ask("как подписаться на новости о Китае?")
    assert "Соглашения" not in reply, reply
    assert not any(text.startswith("📄") for text, _ in buttons(app)), buttons(app)
    for question in ("robots designed in China", "mountain universities of China"):
        reply = await app.ask(question, language_code="en")
        assert "Agreements" not in reply, reply
        assert not any(text.startswith("📄") for text, _ in buttons(app)), buttons(app)


async def test_a_question_naming_a_partner_offers_its_agreements_and_card(
    app: App, worker: ExtractionWorker
) -> None:
    """«когда подписали соглашение с Цинхуа?» got only a search of the whole question: the
    partner named in a sentence now gets its agreements first when the question is about
    documents, and its card in any case."""
    await with_articles(app, worker)
    reply = await app.ask("когда подписали соглашение с Цинхуа?")
    assert reply.endswith(
        "Соглашения партнёра «Университет Цинхуа» — первой кнопкой ниже. "
        "Или поискать «когда подписали соглашение с Цинхуа» в новостях?"
    ), reply
    (label, data), (card, _), (_, search) = buttons(app)
    assert label.startswith("📄 Университет Цинхуа: соглашения ("), label
    assert card == "🤝 Университет Цинхуа" and search.startswith("sq:"), buttons(app)
    await press(app, data)
    [edit] = [c for c in app.api.calls_of("editMessageText") if c.ok][-1:]
    assert (edit.rendered or "").startswith("Соглашения по запросу «Университет Цинхуа»"), (
        edit.rendered
    )
    # Not about documents: the card, no agreements.
    await app.ask("что нового у Цинхуа")
    assert [text for text, _ in buttons(app)][0] == "🤝 Университет Цинхуа", buttons(app)
    assert not any(text.startswith("📄") for text, _ in buttons(app)), buttons(app)
    await app.ask("when was the agreement with Tsinghua signed?", language_code="en")
    assert buttons(app)[0][0].startswith("📄 Tsinghua University: agreements ("), buttons(app)
    # A question naming no partner: neither.
    await app.ask("когда подписали соглашение о водородной энергетике?")
    assert not any(text.startswith(("📄", "🤝")) for text, _ in buttons(app)), buttons(app)
    # A country is the country's question, though an embassy is named after it.
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id, [draft("emb", "Визит посольства", link="https://site.test/emb")], announce=True
    )
    embassy = PartnerInput("Посольство Китая", None, (), "CN", "government", {"emb": "Посольство"})
    steppe = PartnerInput(
        "Степной государственный технический университет", None, (), "KZ", "university",
        {"steppe": "Степной"},
    )  # fmt: skip
    signed = AgreementInput("agreement", "о сотрудничестве", None, (1,))
    await app.services.partners.replace_facts(
        news_id, True, [(None, embassy), (None, steppe)], [signed]
    )
    await app.ask("какие соглашения подписаны с Китаем?")
    assert buttons(app)[0][0].startswith("📄 🇨🇳 Китай: соглашения ("), buttons(app)
    assert not any(text.startswith("🤝") for text, _ in buttons(app)), buttons(app)
    # Several words may leave a descriptive one out of the name.
    await app.ask("какие договоры подписаны со Степным техническим университетом?")
    assert buttons(app)[0][0] == (
        "📄 Степной государственный технический университет: соглашения (1)"
    ), buttons(app)


async def test_a_partner_card_says_which_news_are_in_the_other_language(
    app: App, worker: ExtractionWorker
) -> None:
    """An English reader's card of Tsinghua listed Russian titles with nothing saying so, as
    /latest does («· in Russian»)."""
    await with_articles(app, worker)
    for lang, other in (("en", "in Russian"), ("ru", "на английском")):
        card = await app.ask("/partners Tsinghua", language_code=lang)
        news = card.split("\n\n")[-1].split("\n")[1:]
        assert news, card
        for line in news:
            title = line.removeprefix("• ").rsplit(" — ", 1)[0]
            foreign = is_cyrillic(title) != (lang == "ru")
            assert line.endswith(f" · {other}") == foreign, (lang, line)
        assert any(line.endswith(other) for line in news) or lang == "ru", card


async def test_free_text_naming_a_nation_by_its_adjective_is_its_country(
    app: App, worker: ExtractionWorker
) -> None:
    """«какие соглашения подписаны с китайскими университетами?» got only a search of the
    whole question (a user session): a nation's adjective in any case ("Chinese" too) is its
    country, as the country's name is, so China's agreements and partners are offered too."""
    await with_articles(app, worker)
    await app.ask("какие соглашения подписаны с китайскими университетами?")
    (label, _), (_, search), (partners_label, _) = buttons(app)
    assert label.startswith("📄 🇨🇳 Китай: соглашения ("), label
    assert search.startswith("sq:") and partners_label.startswith("🇨🇳 Китай: все партнёры (")
    # A city's adjective is no country.
    await app.ask("новости о шанхайских лабораториях")
    assert len(buttons(app)) == 1, buttons(app)
    await app.ask("which agreements were signed with Chinese universities?", language_code="en")
    assert buttons(app)[0][0].startswith("📄 🇨🇳 China: agreements ("), buttons(app)
