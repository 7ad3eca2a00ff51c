"""Inline mode through the fake Bot API: partner cards, news, the empty query, hostile queries."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest

from storage.partners import AgreementInput, PartnerInput
from tests.conftest import App, draft, until
from tests.registry_data import fill

pytestmark = pytest.mark.both_engines


async def inline(app: App, query: str, language_code: str = "ru") -> dict[str, Any]:
    """Type `@bot query` as a user; return the answer the fake Bot API accepted."""
    asked = app.api.push_inline_query(query, user_id=42, language_code=language_code)
    for _ in range(400):
        answer = app.api.inline_answers.get(asked["id"])
        if answer is not None:
            return answer
        calls = [c for c in app.api.calls_of("answerInlineQuery") if c.status]
        refused = [c for c in calls if c.params.get("inline_query_id") == asked["id"]]
        assert not refused, f"the fake Bot API refused the answer: {refused[0].error}"
        await asyncio.sleep(0.025)
    raise AssertionError(f"no inline answer to {query!r}")


async def tsinghua(app: App) -> None:
    """Tsinghua in two articles (one with a memorandum), an Indian institute, a campus item."""
    s = app.services
    [feed] = await s.feeds.ensure(["http://site.test/rss"])
    day = lambda y, m, d: datetime(y, m, d, tzinfo=UTC)  # noqa: E731
    items = [
        ("t1", "Политех и Университет Цинхуа подписали меморандум", day(2025, 3, 4)),
        ("t2", "Делегация Университета Цинхуа посетила Политех", day(2026, 5, 6)),
        ("i1", "Политех и Индийский технологический институт", day(2026, 1, 2)),
        ("c1", "Фестиваль науки в кампусе", day(2026, 11, 1)),
    ]  # fmt: skip
    ids = await s.news.add_new(
        feed.id,
        [
            draft(
                key,
                title,
                link=f"https://site.test/{key}",
                published=when,
                teaser=f"{title}. Стороны обсудили сотрудничество.",
            )  # fmt: skip
            for key, title, when in items
        ],
        announce=False,
    )
    tsing = PartnerInput(
        "Университет Цинхуа", "Tsinghua University", (), "CN", "university",
        {"цинхуа": "Университет Цинхуа", "tsinghua": "Tsinghua University"},
    )  # fmt: skip
    memo = AgreementInput("memorandum", "о сотрудничестве в энергетике", "2025-03-03", (0,))
    [pid] = await s.partners.replace_facts(ids[0], True, [(None, tsing)], [memo])
    await s.partners.replace_facts(ids[1], True, [(pid, tsing)], [])
    iit = PartnerInput(
        "Индийский технологический институт", "Indian Institute of Technology", (), "IN",
        "university", {"iit": "Indian Institute of Technology"},
    )  # fmt: skip
    await s.partners.replace_facts(ids[2], True, [(None, iit)], [])
    await s.partners.replace_facts(ids[3], False, [], [])


async def test_partner_card_and_news_for_a_russian_query(app: App) -> None:
    await tsinghua(app)
    answer = await inline(app, "цинхуа")
    assert answer["is_personal"] is False and 0 < answer["cache_time"] <= 300
    results = answer["results"]
    card = results[0]
    assert card["id"].startswith("p") and card["title"] == "Университет Цинхуа"
    assert card["description"] == (
        "Tsinghua University · 🇨🇳 Китай · университет · публикаций: 2, соглашений: 1"
    )
    assert card["text"].splitlines() == [
        "🤝 Университет Цинхуа",
        "Tsinghua University",
        "🇨🇳 Китай · университет",
        "публикаций: 2, соглашений: 1",
        "📄 Последнее: Меморандум о сотрудничестве в энергетике — 3 марта 2025",
        "📰 Делегация Университета Цинхуа посетила Политех — 6 мая 2026",
    ]
    assert {"type": "text_link", "url": "https://site.test/t2"}.items() <= {
        **next(e for e in card["entities"] if e["type"] == "text_link")
    }.items()
    news = [r for r in results if r["id"].startswith("n")]
    assert [r["title"] for r in news] == [
        "Политех и Университет Цинхуа подписали меморандум",
        "Делегация Университета Цинхуа посетила Политех",
    ] or [r["title"] for r in news] == [
        "Делегация Университета Цинхуа посетила Политех",
        "Политех и Университет Цинхуа подписали меморандум",
    ]
    assert news[0]["description"].split(" · ")[0] in {"4 марта 2025", "6 мая 2026"}
    assert "Индийский" not in str(results)


async def test_results_in_the_users_language(app: App) -> None:
    await tsinghua(app)
    card = (await inline(app, "Tsinghua", language_code="en"))["results"][0]
    assert card["title"] == "Tsinghua University"
    assert card["description"] == (
        "Университет Цинхуа · 🇨🇳 China · university · articles: 2, agreements: 1"
    )
    # No Russian subject and no ISO date in an English reader's card.
    assert "📄 Latest: Memorandum — 3 March 2025" in card["text"].splitlines(), card["text"]
    # Its latest article is in Russian, and the card says so, as /latest does.
    latest = "📰 Делегация Университета Цинхуа посетила Политех — 6 May 2026 · in Russian"
    assert card["text"].splitlines()[-1] == latest, card["text"]


async def test_a_card_is_titled_in_the_readers_script_when_an_alias_has_it(app: App) -> None:
    """A partner registered under its German name, with English and Russian forms: each
    reader sees the form in their own script as the title (as in /partners), the other below."""
    s = app.services
    [feed] = await s.feeds.ensure(["http://site.test/rss"])
    [nid] = await s.news.add_new(
        feed.id,
        [draft("r1", "Политех и Ривертон", link="https://site.test/r1", teaser="Визит.")],
        announce=False,
    )
    riverton = PartnerInput(
        "Technische Universität Riverton", "Riverton University of Technology", (), "AT",
        "university",
        {"tu riverton": "Technische Universität Riverton",
         "ривертон техническ университет": "Ривертонский технический университет",
         "riverton university technology": "Riverton University of Technology"},
    )  # fmt: skip
    await s.partners.replace_facts(nid, True, [(None, riverton)], [])
    ru = (await inline(app, "Ривертонский технический университет"))["results"][0]
    assert ru["title"] == "Ривертонский технический университет"
    assert ru["text"].splitlines()[:2] == [
        "🤝 Ривертонский технический университет",
        "Riverton University of Technology",
    ]
    en = (await inline(app, "Riverton University of Technology", language_code="en"))["results"]
    assert en[0]["title"] == "Riverton University of Technology"
    assert en[0]["text"].splitlines()[1] == "Ривертонский технический университет"


async def test_empty_query_shows_the_latest_partnership_news(app: App) -> None:
    await tsinghua(app)
    results = (await inline(app, ""))["results"]
    assert [r["title"] for r in results] == [
        "Делегация Университета Цинхуа посетила Политех",
        "Политех и Индийский технологический институт",
        "Политех и Университет Цинхуа подписали меморандум",
    ]
    assert results[0]["text"].startswith("Делегация Университета Цинхуа посетила Политех\n6 мая")
    assert "🤝 Партнёры: Университет Цинхуа" in results[0]["text"]


async def test_the_universitys_own_name_shows_its_latest_news_not_other_polytechnics(
    app: App,
) -> None:
    """«@bot Политех» put other polytechnics' cards first («Миланский политехнический
    университет»), as if one of them were the university: its own name is its latest news."""
    await tsinghua(app)
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id, [draft("tpu", "Визит из Томска", link="https://site.test/tpu")], announce=False
    )
    tomsk = PartnerInput(
        "Томский политехнический университет", "Tomsk Polytechnic University", (), "RU",
        "university", {"tpu": "Томский политехнический университет"},
    )  # fmt: skip
    await app.services.partners.replace_facts(news_id, True, [(None, tomsk)], [])
    latest = [r["title"] for r in (await inline(app, ""))["results"]]
    for query, lang in (("Политех", "ru"), ("СПбПУ", "ru"), ("SPbPU", "en")):
        titles = [r["title"] for r in (await inline(app, query, lang))["results"]]
        assert not any("Polytechnic" in x or "политехнический" in x for x in titles), titles
        if lang == "ru":
            assert titles == latest, (query, titles)
    titles = [r["title"] for r in (await inline(app, "Томский политех"))["results"]]
    assert titles[0] == "Томский политехнический университет", titles


async def test_news_results_name_partners_in_the_readers_language(app: App) -> None:
    """An English reader's news result names its partners as their cards do in English, as a
    Russian reader's names them in Russian: no «Университет …» under an English title."""
    s = app.services
    [feed] = await s.feeds.ensure(["http://site.test/rss"])
    [nid] = await s.news.add_new(
        feed.id,
        [draft("m1", "Polytech and Marbella Institute open a joint lab", teaser="A new lab.")],
        announce=False,
    )
    marbella = PartnerInput(
        "Институт Марбельи", "Marbella Institute of Science", (), "ES", "university",
        {"марбель институт": "Институт Марбельи"},
    )  # fmt: skip
    await s.partners.replace_facts(nid, True, [(None, marbella)], [])
    for query, lang, line in (
        ("joint lab", "en", "🤝 Partners: Marbella Institute of Science"),
        ("", "en", "🤝 Partners: Marbella Institute of Science"),
        ("joint lab", "ru", "🤝 Партнёры: Институт Марбельи"),
    ):
        results = (await inline(app, query, language_code=lang))["results"]
        [item] = [r for r in results if r["id"].startswith("n")]
        assert line in item["text"].splitlines(), (query, lang, item["text"])


async def test_no_match_and_hostile_queries(app: App) -> None:
    await tsinghua(app)
    assert (await inline(app, "Гарвард"))["results"] == []
    for query in (
        '"; DROP TABLE partners; --',
        "<b>Цинхуа</b> &amp;",
        'NEAR(" OR *',
        "я" * 256,
        "🤝" * 60,
        "\u202e\u0000 ",
    ):
        answer = await inline(app, query)
        assert len(answer["results"]) <= 50
    assert (await inline(app, "<b>Цинхуа</b>"))["results"][0]["title"] == "Университет Цинхуа"
    assert await app.services.partners.count() == 2


async def test_at_most_fifty_unique_results(app: App) -> None:
    s = app.services
    await fill(s.feeds, s.news, s.partners, partners_count=80, countries_count=10)
    answer = await inline(app, "партнёр")
    ids = [r["id"] for r in answer["results"]]
    assert len(ids) == 50 == len(set(ids))
    assert sum(i.startswith("p") for i in ids) == 10


async def test_partner_card_has_a_follow_and_a_share_button(app: App) -> None:
    """A card offered only Share: to follow the partner it shows, its reader had to know
    `/subscribe partner` (found in a user session); its first button now subscribes here."""
    await tsinghua(app)
    await app.ask("/partners цинхуа")
    [sent] = app.api.sent_messages(42)
    [[follow], [button]] = sent.params["reply_markup"]["inline_keyboard"]
    assert follow["text"] == "🤝 Подписаться на новости партнёра"
    assert button == {"text": "Поделиться", "switch_inline_query": "Университет Цинхуа"}
    app.api.push_callback_query(
        follow["callback_data"], chat_id=42, user_id=42, message_id=sent.result["message_id"]
    )

    async def answered() -> bool:
        return len(app.api.sent_messages(42)) > 1

    await until(answered)
    assert app.api.sent_messages(42)[-1].rendered == (
        "Готово, подписка добавлена: партнёр «Университет Цинхуа»."
    )
    # A chat that follows it already is offered Share alone.
    await app.ask("/partners цинхуа")
    [[button]] = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    assert button["text"] == "Поделиться"
    await app.ask("/partners Tsinghua", language_code="en", chat_id=43)
    [[follow], [button]] = app.api.sent_messages(43)[0].params["reply_markup"]["inline_keyboard"]
    assert follow["text"] == "🤝 Follow this partner's news"
    assert button == {"text": "Share", "switch_inline_query": "Tsinghua University"}


async def test_one_partner_lookup_serves_commands_and_inline_and_follows_changes(
    app: App,
) -> None:
    from bot.facts.lookup import PartnerLookup, rank_partners

    s = app.services
    await fill(s.feeds, s.news, s.partners, partners_count=60, countries_count=10)
    lookup = PartnerLookup(s.partners)
    for query in ("партнёр 7", "Partner 12 University", "Partnr Universty", "ц", "P3", "", "zz"):
        assert await lookup.find(query) == rank_partners(query, await s.partners.names()), query
    # The dispatcher's one lookup has built its index by now; a new partner still opens.
    # Before any card: Tsinghua is a well-known organisation, said to be in no news yet.
    none_yet = "«Цинхуа» (Университет Цинхуа) в новостях о партнёрстве пока не встречается."
    await app.ask("/partners Цинхуа")
    assert (app.api.sent_messages(42)[-1].rendered or "").startswith(none_yet)
    await tsinghua(app)
    found = await lookup.find("Цинхуа")
    [(pid, _)] = found.ranked
    assert found.named == pid
    await app.ask("/partners Цинхуа")
    assert (app.api.sent_messages(42)[-1].rendered or "").startswith("Университет Цинхуа")
    # An operator hides it: no alias changes, and the lookup still follows.
    await s.partners.set_hidden(pid, True)
    assert not await lookup.find("Цинхуа")
    await app.ask("/partners Цинхуа")
    assert (app.api.sent_messages(42)[-1].rendered or "").startswith(none_yet)


async def test_get_many_reads_in_chunks_as_get_reads_one_by_one(app: App) -> None:
    s = app.services
    await fill(s.feeds, s.news, s.partners, partners_count=620, countries_count=5)
    ids = [pid for pid, _ in await s.partners.names()]
    first, second = ids[0], ids[1]
    await s.partners.merge(second, first)  # an old id: read as its card
    await s.partners.set_hidden(ids[2], True)  # hidden: dropped
    asked = [*reversed(ids), 10**9]  # order kept, over the 500 a query reads, one unknown
    expected = [p for p in [await s.partners.get(pid) for pid in asked] if p is not None]
    got = await s.partners.get_many(asked)
    assert got == expected and len(got) == len(ids) - 1
    assert [p.id for p in got].count(first) == 2


async def test_announcements_have_a_share_button(db: Any, bot: Any, api: Any) -> None:
    from bot.delivery.rendering import AnnouncementRenderer
    from bot.delivery.worker import DeliveryWorker, Sender
    from storage.chats import ChatRepository
    from storage.feeds import FeedRepository
    from storage.news import NewsRepository
    from storage.outbox import OutboxRepository
    from tests.conftest import all_targets, until

    news, chats, outbox = NewsRepository(db), ChatRepository(db), OutboxRepository(db)
    renderer = AnnouncementRenderer(news)
    worker = DeliveryWorker(
        Sender(bot, chats), outbox, renderer, rate=100, share=renderer
    )  # fmt: skip
    for chat_id, lang in ((42, "ru"), (43, "en")):
        await chats.upsert(chat_id, "private", None, lang)
        await chats.subscribe(chat_id)
    [feed] = await FeedRepository(db).ensure(["http://site.test/rss"])
    title = "Политех и   Университет Цинхуа подписали меморандум"
    [nid] = await news.add_new(feed.id, [draft("m", title)], announce=True)
    await outbox.fan_out(nid, await all_targets(chats))
    worker.start()
    try:
        await until(lambda: _sent_to(api, 42, 43))
    finally:
        await worker.stop()
    [ru] = api.sent_messages(42)
    [en] = api.sent_messages(43)
    assert ru.rendered is not None and ru.rendered.startswith(title)
    assert ru.params["reply_markup"]["inline_keyboard"] == [
        [{"text": "Поделиться", "switch_inline_query": " ".join(title.split())}]
    ]
    assert en.params["reply_markup"]["inline_keyboard"][0][0]["text"] == "Share"


async def _sent_to(api: Any, *chat_ids: int) -> bool:
    return all(api.sent_messages(c) for c in chat_ids)


async def test_a_forums_topics_each_receive_an_item_they_match(app: App) -> None:
    """A forum's topics are separate feeds: an item matched in two topics goes to each once,
    however many subscriptions of one topic match it, and a fan-out repeated after a crash
    adds nothing."""
    from bot.delivery.audience import Audience
    from bot.delivery.rendering import AnnouncementRenderer
    from bot.delivery.worker import DeliveryWorker, Sender
    from tests.conftest import until

    s = app.services
    group = -100777
    app.api.set_admins(group, [7])
    topic = {"chat_id": group, "user_id": 7, "chat_type": "supergroup", "is_topic_message": True}
    await app.ask("/subscribe partnerships", message_thread_id=61, **topic)
    await app.ask("/subscribe Цинхуа", message_thread_id=61, **topic)
    await app.ask("/subscribe country Китай", message_thread_id=62, **topic)
    await app.ask("/subscribe country Индия", message_thread_id=63, **topic)
    await tsinghua(app)
    [item] = [i for i in await s.news.latest(10) if i.key == "t1"]
    targets = await Audience(s.chats, s.partners).targets(item)
    assert sorted(targets) == [(group, 61), (group, 62)]
    assert await s.outbox.fan_out(item.id, targets) == 2
    assert await s.outbox.fan_out(item.id, targets) == 0
    before = len(app.api.sent_messages(group))
    renderer = AnnouncementRenderer(s.news)
    worker = DeliveryWorker(Sender(app.bot, s.chats), s.outbox, renderer, rate=100)
    worker.start()
    try:
        await until(lambda: _sent_at_least(app, group, before + 2))
        await asyncio.sleep(0.3)  # nothing more may come
    finally:
        await worker.stop()
    sent = app.api.sent_messages(group)[before:]
    assert sorted(m.params.get("message_thread_id") for m in sent) == [61, 62]
    assert all((m.rendered or "").startswith(item.title) for m in sent)


async def _sent_at_least(app: App, chat_id: int, count: int) -> bool:
    return len(app.api.sent_messages(chat_id)) >= count


async def test_a_bare_subscribe_in_a_new_topic_subscribes_that_topic(app: App) -> None:
    """Bare /subscribe in a chat with subscriptions shows them; in a forum a topic with none
    of its own is a new feed: it subscribes to all news, as a new chat does."""
    s = app.services
    group = -100780
    app.api.set_admins(group, [7])
    topic = {"chat_id": group, "user_id": 7, "chat_type": "supergroup", "is_topic_message": True}
    assert "Готово" in await app.ask("/subscribe partnerships", message_thread_id=61, **topic)
    second = await app.ask("/subscribe", message_thread_id=62, **topic)
    assert second == "Готово: новые публикации будут приходить сюда.", second
    subs = await s.chats.subscriptions(group)
    assert sorted((x.kind, x.thread_id) for x in subs) == [("all", 62), ("partnerships", 61)]
    shown = await app.ask("/subscribe", message_thread_id=62, **topic)  # now its own: the list
    assert "в эту тему" in shown and len(await s.chats.subscriptions(group)) == 2, shown


async def test_remove_buttons_of_two_other_topics_differ(app: App) -> None:
    """Seen from a third topic, the same subscription in two other topics: each line and its
    remove button say which of the other topics it is (the buttons were identical)."""
    group = -100781
    app.api.set_admins(group, [7])
    topic = {"chat_id": group, "user_id": 7, "chat_type": "supergroup", "is_topic_message": True}
    await app.ask("/subscribe country Китай", message_thread_id=61, **topic)
    await app.ask("/subscribe country Китай", message_thread_id=62, **topic)
    await app.ask("/subscribe partnerships", message_thread_id=63, **topic)
    listed = await app.ask("/subscriptions", message_thread_id=63, **topic)
    assert "• страна 🇨🇳 Китай — в другую тему 1\n• страна 🇨🇳 Китай — в другую тему 2" in listed
    keyboard = app.api.sent_messages(group)[-1].params["reply_markup"]["inline_keyboard"]
    buttons = [b["text"] for row in keyboard for b in row]
    assert "✖ страна 🇨🇳 Китай — в другую тему 1" in buttons, buttons
    assert "✖ страна 🇨🇳 Китай — в другую тему 2" in buttons, buttons


async def test_a_forums_topics_subscribe_on_their_own(app: App) -> None:
    """The same subscription may be made in two topics, and all news in one topic is not
    switched off by partnership news only in another: each topic is its own feed."""
    from bot.delivery.audience import Audience

    s = app.services
    group = -100778
    app.api.set_admins(group, [7])
    topic = {"chat_id": group, "user_id": 7, "chat_type": "supergroup", "is_topic_message": True}
    assert "Готово" in await app.ask("/subscribe", message_thread_id=61, **topic)
    second = await app.ask("/subscribe partnerships", message_thread_id=62, **topic)
    assert second.startswith("Готово, подписка добавлена"), second  # added, nothing switched
    await app.ask("/subscribe country Китай", message_thread_id=63, **topic)
    again = await app.ask("/subscribe country Китай", message_thread_id=61, **topic)
    assert again.startswith("Готово, подписка добавлена"), again
    subs = await s.chats.subscriptions(group)
    assert sorted((x.kind, x.value, x.thread_id) for x in subs) == [
        ("all", "", 61), ("country", "CN", 61), ("country", "CN", 63), ("partnerships", "", 62),
    ]  # fmt: skip
    # The same one again in the same topic: the list of what there is, nothing added.
    shown = await app.ask("/subscribe country Китай", message_thread_id=63, **topic)
    assert "в эту тему" in shown and len(await s.chats.subscriptions(group)) == 4, shown
    keyboard = app.api.sent_messages(group)[-1].params["reply_markup"]["inline_keyboard"]
    buttons = [b["text"] for row in keyboard for b in row]
    # Two topics' alike subscriptions: their remove buttons say which is which.
    assert {"✖ страна 🇨🇳 Китай — в эту тему", "✖ страна 🇨🇳 Китай — в другую тему 1"} <= set(buttons)
    await tsinghua(app)
    items = {i.key: i for i in await s.news.latest(10)}
    audience = Audience(s.chats, s.partners)
    assert sorted(await audience.targets(items["t1"])) == [(group, 61), (group, 62), (group, 63)]
    assert await audience.targets(items["c1"]) == [(group, 61)]  # not partnership news
    # The switch is the topic's own: topic 61 goes to partnership news, topic 62 is untouched.
    switched = await app.ask("/subscribe partnerships", message_thread_id=61, **topic)
    assert switched.startswith("Готово, теперь"), switched
    basics = sorted((x.kind, x.thread_id) for x in await s.chats.subscriptions(group))
    assert basics == [("country", 61), ("country", 63), ("partnerships", 61), ("partnerships", 62)]


async def test_partners_a_query_fits_equally_come_most_mentioned_first(app: App) -> None:
    """«@bot университет» fits many partners equally; the ten cards shown were the oldest rows
    (a university named once came before the one named in four articles, or that one was not
    shown at all); now the most mentioned come first, as /partners lists them."""
    s = app.services
    [feed] = await s.feeds.ensure(["http://site.test/rss"])
    names = [f"Университет Северных Озёр {n}" for n in range(1, 12)] + ["Университет Ветров"]
    ids = await s.news.add_new(
        feed.id,
        [draft(f"u{k}", f"Новость {k}", link=f"https://site.test/u{k}") for k in range(15)],
        announce=False,
    )
    pids = []
    for k, name in enumerate(names):
        fact = PartnerInput(name, None, (), "FI", "university", {name.lower(): name})
        [pid] = await s.partners.replace_facts(ids[k], True, [(None, fact)], [])
        pids.append(pid)
    winds = PartnerInput("Университет Ветров", None, (), "FI", "university",
                         {"университет ветров": "Университет Ветров"})  # fmt: skip
    for k in (12, 13, 14):  # the last partner added, named in three more articles
        await s.partners.replace_facts(ids[k], True, [(pids[-1], winds)], [])
    answer = await inline(app, "университет")
    cards = [r["title"] for r in answer["results"] if r["id"].startswith("p")]
    assert len(cards) == 10
    assert cards[0] == "Университет Ветров", cards


async def test_a_country_query_lists_its_partners_most_mentioned_first(app: App) -> None:
    """«@bot Китай» showed a Chinese ministry named once first and left out the partner named
    in most articles (its name does not contain the country): a country's partners come first,
    most mentioned first, as /partners Китай lists them."""
    await tsinghua(app)
    s = app.services
    [feed] = await s.feeds.ensure(["http://site.test/rss"])
    [news_id] = await s.news.add_new(
        feed.id, [draft("m1", "Министерство науки Китая", link="https://site.test/m1")],
        announce=False,
    )  # fmt: skip
    most = PartnerInput("Министерство науки и технологий Китая", None, (), "CN", "government",
                        {"миннауки китая": "Министерство науки и технологий Китая"})  # fmt: skip
    await s.partners.replace_facts(news_id, True, [(None, most)], [])
    answer = await inline(app, "Китай")
    cards = [r["title"] for r in answer["results"] if r["id"].startswith("p")]
    assert cards[:2] == ["Университет Цинхуа", "Министерство науки и технологий Китая"], cards
    assert not any("Индийский" in c for c in cards), cards
