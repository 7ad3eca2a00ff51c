"""/digest: chats that take a daily or weekly summary instead of a message per item."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery.audience import Audience
from bot.delivery.digests import DigestService, period_key
from bot.delivery.worker import DeliveryWorker, Sender
from bot.facts.service import AgreementInput, ExtractionWorker, FactsService, PartnerInput
from storage.digests import DigestRepository
from tests.conftest import App, draft
from tests.fakes.bot_api import parse_telegram_html
from tests.test_facts import store_articles

pytestmark = pytest.mark.both_engines

MONDAY_9 = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)  # 09:00 in Moscow


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    pool = ExtractionWorker()
    yield pool
    pool.close()


def service(app: App) -> DigestService:
    s = app.services
    return DigestService(
        digests=s.digests,
        chats=s.chats,
        news=s.news,
        partners=s.partners,
        audience=Audience(s.chats, s.partners),
    )


async def test_digest_command_modes_and_admin_check(app: App) -> None:
    assert "Сейчас: каждая новость сразу" in await app.ask("/digest")
    reply = await app.ask("/digest daily")
    assert "дайджест раз в день" in reply and "/subscribe" in reply
    assert "Сейчас: дайджест раз в день" in await app.ask("/digest")
    await app.ask("/subscribe")
    assert "/subscribe" not in await app.ask("/digest weekly")
    assert await app.services.digests.mode(42) == "weekly"
    assert "каждая новость сразу" in await app.ask("/digest off")
    group = -100321
    app.api.set_admins(group, [7])
    common = {"chat_type": "supergroup", "title": "G"}
    refusal = await app.ask("/digest daily", chat_id=group, user_id=9, **common)
    assert refusal == "Подписки и дайджест группы могут менять только администраторы чата."


async def test_subscriptions_say_when_items_come_as_a_digest(app: App) -> None:
    await app.ask("/subscribe partnerships", language_code="en")
    assert "Delivery" not in await app.ask("/subscriptions", language_code="en")
    await app.ask("/digest weekly", language_code="en")
    listing = await app.ask("/subscriptions", language_code="en")
    assert listing == (
        "This chat's subscriptions:\n• partnership news\n\n"
        "Delivery: a weekly digest (each item at once: /digest off)."
    )
    await app.ask("/digest daily")
    assert (await app.ask("/subscriptions")).endswith(
        "\n\nДоставка: дайджест раз в день (каждая новость сразу: /digest off)."
    )
    # Removing one with its button: the list edited in place still says how items come.
    await app.ask("/subscribe country Китай")
    await app.ask("/subscriptions")
    message = app.api.sent_messages(42)[-1]
    button = message.params["reply_markup"]["inline_keyboard"][1][0]
    assert button["text"] == "✖ страна 🇨🇳 Китай"
    app.api.push_callback_query(
        button["callback_data"], chat_id=42, user_id=42, message_id=message.result["message_id"]
    )
    for _ in range(200):
        edits = [c for c in app.api.calls_of("editMessageText") if c.ok]
        if edits:
            break
        await asyncio.sleep(0.025)
    assert (edits[-1].rendered or "").endswith(
        "\n\nДоставка: дайджест раз в день (каждая новость сразу: /digest off)."
    )
    await app.ask("/digest off")
    assert "Доставка" not in await app.ask("/subscriptions")


async def test_a_digest_mode_there_is_none_of_is_named_before_the_choices(app: App) -> None:
    reply = await app.ask("/digest ежечасно")
    assert reply.startswith("Не знаю режима «ежечасно». Сейчас: каждая новость сразу."), reply
    assert await app.services.digests.mode(42) == "off"


async def test_digest_chats_get_no_per_item_messages(app: App, worker: ExtractionWorker) -> None:
    chats = app.services.chats
    for chat_id in (1, 2):
        await chats.upsert(chat_id, "private", None, "ru")
        await chats.subscribe(chat_id)
    await app.services.digests.set_mode(2, "daily", None)
    await store_articles(app.services.news.db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    await app.services.ingestor.announce()
    assert {d.chat_id for d in await app.services.outbox.due(100)} == {1}


async def test_daily_digest_summarises_the_period_once(app: App, worker: ExtractionWorker) -> None:
    chats, digests = app.services.chats, app.services.digests
    await chats.upsert(5, "private", None, "ru")
    await chats.subscribe(5, "partnerships")
    await digests.set_mode(5, "daily", None)
    await app.services.news.db.execute(
        "UPDATE chats SET digest_since = '2000-01-01T00:00:00.000000Z'"
    )
    await store_articles(app.services.news.db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    now = datetime.now(UTC) + timedelta(seconds=1)
    assert await service(app).run(now) == 1
    text = await app.services.news.db.fetchval("SELECT text FROM digests WHERE chat_id = 5")
    parse_telegram_html(text)
    assert text.startswith("<b>Дайджест:")
    assert "Публикации (4):" in text  # the volleyball item is not a partnership
    assert "волейбол" not in text
    assert "Новые партнёры:" in text and "Университет Цинхуа 🇨🇳" in text
    assert "Подписанные документы:" in text and "Меморандум" in text
    assert "Публикации по странам партнёров:" in text
    # Items per country: Tsinghua University is in three of the four.
    assert "🇨🇳 Китай 3" in text and "🇮🇳 Индия 1" in text
    [row] = await app.services.outbox.due(10)
    assert row.chat_id == 5
    # The same period is never made twice; the next one has nothing new, so nothing is sent.
    assert await service(app).run(now) == 0
    assert await service(app).run(now + timedelta(days=1)) == 0
    assert len(await app.services.outbox.due(10)) == 1


async def test_weekly_digests_go_out_on_mondays(app: App) -> None:
    digests: DigestRepository = app.services.digests
    await app.services.chats.upsert(6, "private", None, "en")
    await app.services.chats.subscribe(6)
    await digests.set_mode(6, "weekly", None)
    assert period_key("weekly", MONDAY_9) == "weekly:2026-W50"
    assert period_key("daily", MONDAY_9) == "daily:2026-12-07"
    [chat] = await digests.chats("weekly")
    tuesday = MONDAY_9 + timedelta(days=1)
    assert await service(app).run(tuesday) == 0
    [again] = await digests.chats("weekly")
    assert again.since == chat.since  # a Tuesday does not touch the weekly period


async def test_a_queued_digest_is_delivered_once(app: App, worker: ExtractionWorker) -> None:
    chats, digests = app.services.chats, app.services.digests
    await chats.upsert(8, "private", None, "en")
    await chats.subscribe(8)
    await digests.set_mode(8, "daily", None)
    await app.services.news.db.execute(
        "UPDATE chats SET digest_since = '2000-01-01T00:00:00.000000Z'"
    )
    await store_articles(app.services.news.db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    assert await service(app).run(datetime.now(UTC) + timedelta(seconds=1)) == 1

    async def no_items(news_id: int, lang: str) -> str | None:
        raise AssertionError("only the digest is queued")

    sender = DeliveryWorker(
        Sender(app.bot, chats), app.services.outbox, no_items, rate=50, digest_text=digests
    )
    sender.start()
    for _ in range(100):
        if app.api.sent_messages(8):
            break
        await asyncio.sleep(0.05)
    await sender.stop()
    [message] = app.api.sent_messages(8)
    assert (message.text or "").startswith("<b>Digest:")
    assert "Items (5):" in (message.text or "")
    assert (await app.services.outbox.stats()).by_state == {"sent": 1}


async def test_switching_off_sends_what_was_collected(app: App, worker: ExtractionWorker) -> None:
    chats, digests = app.services.chats, app.services.digests
    await app.ask("/subscribe")
    await app.ask("/digest daily")
    await store_articles(app.services.news.db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    await app.services.ingestor.announce()  # a digest chat gets no per-item rows
    assert await app.services.outbox.due(100) == []
    assert "каждая новость сразу" in await app.ask("/digest off")
    [row] = await app.services.outbox.due(100)
    assert row.chat_id == 42 and row.digest_id is not None
    text = await digests.text(row.digest_id)
    assert text is not None and "Публикации (5):" in text
    assert await digests.chat(42) is None
    assert [s.kind for s in await chats.subscriptions(42)] == ["all"]


async def test_a_new_digest_period_starts_at_items_still_on_their_way(app: App) -> None:
    await app.ask("/subscribe")
    await store_articles(app.services.news.db)  # stored, not yet announced
    first_seen = min(item.first_seen_at for item in await app.services.news.latest(10))
    await app.ask("/digest weekly")
    chat = await app.services.digests.chat(42)
    assert chat is not None and chat.since == first_seen


async def test_switching_off_sends_items_already_past_an_item_still_on_its_way(
    app: App, worker: ExtractionWorker
) -> None:
    await app.ask("/subscribe")
    await app.ask("/digest daily")
    ids = await store_articles(app.services.news.db)
    waiting = min(ids.values())  # the oldest item still waits for its page
    await app.services.news.db.execute(
        "UPDATE news SET body_state = 'pending' WHERE id = ?", (waiting,)
    )
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    await app.services.ingestor.announce()  # the four others are past, into the digest only
    await app.ask("/digest off")
    [row] = await app.services.outbox.due(100)
    assert row.digest_id is not None
    text = await app.services.digests.text(row.digest_id)
    assert text is not None and "Публикации (4):" in text
    await app.services.news.db.execute(
        "UPDATE news SET body_state = 'done' WHERE id = ?", (waiting,)
    )
    await app.services.ingestor.announce()  # and the waiting one comes on its own
    assert {d.news_id for d in await app.services.outbox.due(100)} == {None, waiting}


async def test_the_first_digest_leaves_out_items_already_sent_one_by_one(
    app: App, worker: ExtractionWorker
) -> None:
    await app.ask("/subscribe")
    ids = await store_articles(app.services.news.db)
    waiting = min(ids.values())  # on its way (its page) when the chat switches
    await app.services.news.db.execute(
        "UPDATE news SET body_state = 'pending' WHERE id = ?", (waiting,)
    )
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    await app.services.ingestor.announce()  # the four others are queued for the chat
    await app.ask("/digest daily")  # the period starts at the waiting item
    await app.services.news.db.execute(
        "UPDATE news SET body_state = 'done' WHERE id = ?", (waiting,)
    )
    await app.services.ingestor.announce()
    assert await service(app).run(datetime.now(UTC) + timedelta(seconds=1)) == 1
    text = await app.services.news.db.fetchval("SELECT text FROM digests WHERE chat_id = 42")
    assert "Публикации (1):" in str(text)


async def test_an_english_digest_reads_in_english(app: App, worker: ExtractionWorker) -> None:
    chats, digests = app.services.chats, app.services.digests
    await chats.upsert(6, "private", None, "en")
    await chats.subscribe(6, "partnerships")
    await digests.set_mode(6, "daily", None)
    await app.services.news.db.execute(
        "UPDATE chats SET digest_since = '2000-01-01T00:00:00.000000Z'"
    )
    await store_articles(app.services.news.db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    assert await service(app).run(datetime.now(UTC) + timedelta(seconds=1)) == 1
    text = await app.services.news.db.fetchval("SELECT text FROM digests WHERE chat_id = 6")
    shown = parse_telegram_html(text)
    assert shown.startswith("Digest:")
    assert "Tsinghua University" in shown and "Documents signed:" in shown
    documents = shown.split("Documents signed:")[1].split("Items by partner country:")[0]
    assert "Memorandum" in documents
    assert not re.search(r"[А-Яа-яЁё]", documents), documents  # parties by their English names


async def test_a_digest_says_which_items_are_in_the_other_language(
    app: App, worker: ExtractionWorker
) -> None:
    """An English reader's digest listed Russian headlines with nothing saying they were in
    Russian, as /latest and announcements say (and a Russian reader's English ones)."""
    chats, digests = app.services.chats, app.services.digests
    for chat, lang in ((6, "en"), (7, "ru")):
        await chats.upsert(chat, "private", None, lang)
        await chats.subscribe(chat, "all")
        await digests.set_mode(chat, "daily", None)
    await app.services.news.db.execute(
        "UPDATE chats SET digest_since = '2000-01-01T00:00:00.000000Z'"
    )
    await store_articles(app.services.news.db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    assert await service(app).run(datetime.now(UTC) + timedelta(seconds=1)) == 2
    for chat, other in ((6, " · in Russian"), (7, " · на английском")):
        text = await app.services.news.db.fetchval(
            "SELECT text FROM digests WHERE chat_id = ?", (chat,)
        )
        items = parse_telegram_html(text).split("\n\n")[1].split("\n")[1:]
        assert items and all(line.startswith("• ") for line in items), items
        for line in items:
            russian = bool(re.search(r"[А-Яа-яЁё]{3}", line.removesuffix(other)))
            assert line.endswith(other) == (russian == (chat == 6)), (chat, line)
        assert any(line.endswith(other) for line in items), items
        assert not all(line.endswith(other) for line in items), items


async def test_a_digest_of_one_day_names_that_day_once(app: App, worker: ExtractionWorker) -> None:
    await app.ask("/subscribe")
    await app.ask("/digest weekly")
    await store_articles(app.services.news.db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    await app.services.ingestor.announce()  # the items reach the chat's digest
    await app.ask("/digest off")  # what was collected today goes out now
    [row] = await app.services.outbox.due(100)
    assert row.digest_id is not None
    text = await app.services.digests.text(row.digest_id)
    assert text is not None
    title = parse_telegram_html(text).split("\n", 1)[0]
    assert re.fullmatch(r"Дайджест: \d{1,2} [а-я]+ \d{4}", title), title


async def test_two_documents_with_one_partner_on_one_day_read_as_two(
    app: App, worker: ExtractionWorker
) -> None:
    """Two agreements signed with one partner the same day: the digest listed
    «• Соглашение — Университет Цинхуа (подписано …)» twice, as if repeated; each line now
    says what the document is about, as the partner's card does."""
    await app.ask("/subscribe")
    await app.ask("/digest daily")
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for key, title, body in [
        (
            "lab",
            "Политех и Университет Цинхуа откроют лабораторию",
            "3 декабря 2026 года СПбПУ и Университет Цинхуа (Китай) подписали соглашение об "
            "открытии совместной лаборатории цифровых двойников. Работа начнётся весной.",
        ),
        (
            "school",
            "Университет Цинхуа и Политех проведут летнюю школу",
            "3 декабря 2026 года Университет Цинхуа (Китай) и СПбПУ подписали соглашение о "
            "проведении летней школы по робототехнике. Школа пройдёт в июле.",
        ),
    ]:
        item = draft(key, title, body=body, link=f"https://site.test/{key}")
        await app.services.news.add_new(feed.id, [item], announce=True)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    await app.services.ingestor.announce()
    await app.ask("/digest off")
    sender = DeliveryWorker(
        Sender(app.bot, app.services.chats), app.services.outbox, no_items, rate=50,
        digest_text=app.services.digests,
    )  # fmt: skip
    sender.start()
    try:
        await until_sent(app, 42, 4)
    finally:
        await sender.stop()
    shown = app.api.sent_messages(42)[-1].rendered or ""
    documents = shown.split("Подписанные документы:\n")[1].split("\n\n")[0].splitlines()
    assert len(documents) == 2 and len(set(documents)) == 2, documents
    assert any("об открытии совместной лаборатории" in d for d in documents), documents
    assert any("о проведении летней школы" in d for d in documents), documents
    assert all("Университет Цинхуа" in d for d in documents), documents


async def test_agreement_with_no_partner_named_says_so(app: App, worker: ExtractionWorker) -> None:
    """A document signed with a partner the news does not name («с одной из крупнейших
    IT-компаний») read «• Соглашение о сотрудничестве» with nothing after it, as if cut; the
    line now says no partner is stated (and «IT-компаний» is no partner of its own)."""
    await app.ask("/subscribe")
    await app.ask("/digest daily")
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    item = draft(
        "unnamed",
        "Политех договорился с IT-индустрией",
        body="3 декабря 2026 года Политех подписал соглашение о сотрудничестве с одной из "
        "крупнейших IT-компаний страны. Название партнёра стороны пока не раскрывают.",
        link="https://site.test/unnamed",
    )
    await app.services.news.add_new(feed.id, [item], announce=True)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    await app.services.ingestor.announce()
    await app.ask("/digest off")
    sender = DeliveryWorker(
        Sender(app.bot, app.services.chats), app.services.outbox, no_items, rate=50,
        digest_text=app.services.digests,
    )  # fmt: skip
    sender.start()
    try:
        await until_sent(app, 42, 4)
    finally:
        await sender.stop()
    shown = app.api.sent_messages(42)[-1].rendered or ""
    documents = shown.split("Подписанные документы:\n")[1].split("\n\n")[0].splitlines()
    assert documents == [
        "• Соглашение о сотрудничестве — партнёр не указан (подписано 3 декабря 2026)"
    ], documents


async def no_items(news_id: int, lang: str) -> str | None:
    raise AssertionError("only the digest is queued")


async def until_sent(app: App, chat_id: int, count: int) -> None:
    for _ in range(200):
        if len(app.api.sent_messages(chat_id)) >= count:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"fewer than {count} messages in chat {chat_id}")


async def digests_of(
    app: App, cases: list[tuple[str, list[tuple[str, str]], list[AgreementInput]]]
) -> tuple[str, str]:
    """The daily digests a Russian (chat 42) and an English (chat 43) reader get of items
    (key, partners as (name, country), agreements with all of them), as they read them."""
    for chat_id, lang in ((42, "ru"), (43, "en")):
        await app.ask("/subscribe", chat_id=chat_id, language_code=lang)
        await app.ask("/digest daily", chat_id=chat_id, language_code=lang)
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    known: dict[str, int] = {}
    for key, named, signed in cases:
        item = draft(key, f"Новость {key}", link=f"https://site.test/{key}")
        [news_id] = await app.services.news.add_new(feed.id, [item], announce=True)
        facts = [
            (known.get(name), PartnerInput(name, None, (), country, "university", {key: name}))
            for name, country in named
        ]
        ids = await app.services.partners.replace_facts(news_id, True, facts, signed)
        known.update(zip((name for name, _ in named), ids, strict=True))
    await app.services.ingestor.announce()
    for chat_id, lang in ((42, "ru"), (43, "en")):
        await app.ask("/digest off", chat_id=chat_id, language_code=lang)
    sender = DeliveryWorker(
        Sender(app.bot, app.services.chats), app.services.outbox, no_items, rate=50,
        digest_text=app.services.digests,
    )  # fmt: skip
    sender.start()
    try:
        await until_sent(app, 42, 4)
        await until_sent(app, 43, 4)
    finally:
        await sender.stop()
    return (
        app.api.sent_messages(42)[-1].rendered or "",
        app.api.sent_messages(43)[-1].rendered or "",
    )


async def test_the_country_line_counts_news_items_and_says_so(app: App) -> None:
    """The digest's «Страны: 🇨🇳 Китай 2» counted partners, where a reader counts the items
    listed above it: three items about China (one naming two Chinese partners) read as two."""
    russian, english = await digests_of(
        app,
        [
            ("a", [("Университет Бумажных Фонариков", "CN"), ("Университет Воздушных Змеев", "CN"),
                   ("Институт Муссонов", "IN")], []),
            ("b", [("Университет Бумажных Фонариков", "CN")], []),
            ("c", [("Университет Бумажных Фонариков", "CN")], []),
        ],
    )  # fmt: skip
    assert russian.endswith("Публикации по странам партнёров: 🇨🇳 Китай 3, 🇮🇳 Индия 1"), russian
    assert english.endswith("Items by partner country: 🇨🇳 China 3, 🇮🇳 India 1"), english


async def test_a_subject_in_the_other_language_is_marked_not_quoted(app: App) -> None:
    """A Russian digest read «Соглашение «on a summer school»»: Russian quotes around English
    words, as if it were the document's title; now the English is said to be English."""
    russian, english = await digests_of(
        app,
        [("a", [("Университет Бумажных Фонариков", "CN")],
          [AgreementInput("agreement", "on a summer school in robotics", None, (0,))])],
    )  # fmt: skip
    assert (
        "• Соглашение (англ. on a summer school in robotics) — Университет Бумажных Фонариков"
    ) in russian, russian
    assert "«" not in russian.split("Подписанные документы:")[1], russian
    assert "• Agreement on a summer school in robotics — " in english, english
