"""/partners, /countries and /agreements through the real dispatcher."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from typing import Any

import pytest

from bot.facts.service import ExtractionWorker, FactsService
from bot.text.i18n import t
from storage.db import utcnow
from storage.partners import AgreementInput, PartnerInput
from tests.conftest import App, draft, until
from tests.fakes.bot_api import parse_telegram_html
from tests.test_export import documents
from tests.test_facts import store_articles
from tests.test_search_pages import press

pytestmark = pytest.mark.both_engines


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    pool = ExtractionWorker()
    yield pool
    pool.close()


async def with_articles(app: App, worker: ExtractionWorker) -> None:
    db = app.services.news.db
    await store_articles(db)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()


async def many_partners(app: App, count: int) -> None:
    """`count` partners from Kazakhstan, each in its own article, with one agreement each."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for i in range(count):
        [news_id] = await app.services.news.add_new(
            feed.id,
            [draft(f"kz{i}", f"Новость {i}", link=f"https://site.test/kz{i}")],
            announce=True,
        )
        name = f"Университет номер {i} " + "очень длинное название " * (30 if i == 0 else 0)
        fact = PartnerInput(name.strip(), None, (), "KZ", "university", {f"kz{i}": name})
        agreement = AgreementInput("agreement", f"о сотрудничестве {i}", None, (0,))
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [agreement])


async def test_a_country_with_no_partners_yet_is_named_as_a_country(app: App) -> None:
    await many_partners(app, 2)
    assert await app.ask("/partners Korea", language_code="en") == (
        "No partners in 🇰🇷 South Korea in the news yet. All countries: /countries"
    )
    assert await app.ask("/partners Норвегия") == (
        "Партнёров из страны 🇳🇴 Норвегия в новостях пока нет. Все страны: /countries"
    )
    assert (await app.ask("/partners Казахстан")).startswith("Партнёры: 🇰🇿 Казахстан (всего 2)")
    assert await app.ask("/partners Zorblax", language_code="en") == (
        "No partner matches “Zorblax”. All partners: /partners"
    )


async def test_a_card_naming_a_country_with_no_partners_is_not_opened_for_it(app: App) -> None:
    """`/partners Франция` opened the card of «Торгпредство России во Франции» as if it were
    France's partners: the country has none, and the card naming it is offered below."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id, [draft("tp", "Визит торгпредства", link="https://site.test/tp")], announce=True
    )
    name = "Торгпредство России во Франции"
    fact = PartnerInput(name, None, (), "RU", "government", {"tp": name})
    await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])
    reply = await app.ask("/partners Франция")
    assert reply == (
        "Партнёров из страны 🇫🇷 Франция в новостях пока нет. Все страны: /countries\n\n"
        "В названиях партнёров «Франция» встречается:"
    ), reply
    markup = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    assert [row[0]["text"] for row in markup] == [name]


async def test_a_country_asked_by_its_flag_or_after_a_preposition(app: App) -> None:
    await many_partners(app, 2)
    for query in ("/partners 🇰🇿", "/partners в Казахстане"):
        assert (await app.ask(query)).startswith("Партнёры: 🇰🇿 Казахстан (всего 2)"), query
    reply = await app.ask("/agreements с Казахстаном")
    assert reply.startswith("Соглашения по запросу «🇰🇿 Казахстан» (всего 2):"), reply
    reply = await app.ask("/agreements from Kazakhstan", language_code="en", chat_id=43)
    assert reply.startswith("Agreements for “🇰🇿 Kazakhstan” (2):"), reply
    assert await app.ask("/subscribe country 🇩🇪") == (
        "Готово, подписка добавлена: страна 🇩🇪 Германия."
    )
    # "agreements with Kazakhstan": "with" was a word of the query, which then found nothing.
    for query in ("with Kazakhstan", "with Kazakhstan in 2026", "for Kazakhstan"):
        reply = await app.ask(f"/agreements {query}", language_code="en", chat_id=43)
        assert "for “🇰🇿 Kazakhstan” (2):" in reply.split("\n")[0], (query, reply)
    reply = await app.ask("/partners о Казахстане")
    assert reply.startswith("Партнёры: 🇰🇿 Казахстан (всего 2)"), reply


async def test_a_word_typed_in_two_scripts_is_read_in_one(app: App) -> None:
    """«Kазахстан» with a Latin K (a keyboard's or a paste's mix, alike on screen) named no
    country and no partner: «Не нашёл партнёра по запросу «Kазахстан»»."""
    await many_partners(app, 2)
    reply = await app.ask("/partners Kазахстан")  # Latin K
    assert reply.startswith("Партнёры: 🇰🇿 Казахстан (всего 2)"), reply
    reply = await app.ask("/agreements c Kазахстаном")  # Latin c and K
    assert reply.startswith("Соглашения по запросу «🇰🇿 Казахстан» (всего 2):"), reply
    await app.ask("Kазахстан")
    labels = [b["text"] for b in last_buttons(app)]
    assert "🇰🇿 Казахстан: все партнёры (2)" in labels, labels


async def chinese_and_other_partners(app: App) -> None:
    """Two partners in China, one of them an association named for the country, and one in
    Chile, each in its own article."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    cases = [
        ("China Association of Lantern Makers", "CN"),
        ("Университет Воздушных Змеев", "CN"),
        ("Universidad de las Cometas", "CL"),
    ]
    for i, (name, country) in enumerate(cases):
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(f"o{i}", f"Новость {i}", link=f"https://site.test/o{i}")],
            announce=True,
        )  # fmt: skip
        fact = PartnerInput(name, None, (), country, "other", {f"o{i}": name})
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])


async def test_a_country_typed_with_a_typo_is_offered_before_partners(app: App) -> None:
    """`/partners Chna` offered only the association with "China" in its name; a reader who
    mistyped a country is offered the country first (its list of partners), then the rest."""
    await chinese_and_other_partners(app)
    for query, lang, country in (("Chna", "en", "🇨🇳 China"), ("Китйа", "ru", "🇨🇳 Китай")):
        reply = await app.ask(f"/partners {query}", language_code=lang)
        message = app.api.sent_messages(42)[-1]
        buttons = [b for row in message.params["reply_markup"]["inline_keyboard"] for b in row]
        assert buttons[0]["text"].startswith(f"{country}: "), (query, buttons)
        assert buttons[0]["text"].endswith("(2)"), buttons
        assert reply.startswith(("Nothing is named exactly", "Точно «")), reply
        # The country's button opens its list.
        app.api.push_callback_query(
            buttons[0]["callback_data"],
            chat_id=42, user_id=42, message_id=message.result["message_id"],
        )  # fmt: skip
        for _ in range(100):
            edits = [c for c in app.api.calls_of("editMessageText") if c.ok]
            if edits and edits[-1].params["message_id"] == message.result["message_id"]:
                break
            await asyncio.sleep(0.05)
        listed = edits[-1].rendered or ""
        assert listed.startswith(("Партнёры: 🇨🇳 Китай (всего 2)", "Partners: 🇨🇳 China (2)"))
    # A partner named exactly still opens its card; a country spelt right, its list.
    assert (await app.ask("/partners Cometas")).startswith("Universidad de las Cometas")
    assert (await app.ask("/partners Chile")).startswith("Партнёры: 🇨🇱 Чили (всего 1)")
    # Nothing alike a country, nothing alike a partner: as before.
    assert "Не нашёл партнёра" in await app.ask("/partners Zorblax")
    # Subscribing to a mistyped country names the country meant (and subscribes to nothing).
    assert await app.ask("/subscribe country Chna", language_code="en") == (
        "I don't know the country “Chna”. Did you mean 🇨🇳 China? /subscribe country China"
    )
    assert await app.ask("/subscribe country Гермния") == (
        "Не знаю такой страны: «Гермния». Может быть, 🇩🇪 Германия? /subscribe country Германия"
    )
    assert await app.services.chats.subscriptions(42) == []


async def test_a_place_that_is_no_country_is_not_taken_for_one_alike(app: App) -> None:
    """Siberia is one letter from Liberia and the Arctic («Арктика») most of «Антарктика», but
    neither is a typo of them: a name with another first letter, or letters missing beyond a
    slip of the finger, is not offered as the country meant."""
    assert await app.ask("/subscribe country Siberia", language_code="en") == (
        "I don't know the country “Siberia”. Example: /subscribe country China"
    )
    assert await app.ask("/subscribe country Арктика") == (
        "Не знаю такой страны: «Арктика». Пример: /subscribe country Китай"
    )
    # Slips still are: a letter missing, two swapped.
    assert "Did you mean 🇨🇳 China?" in await app.ask("/subscribe country Chian", language_code="en")
    assert "Может быть, 🇷🇺 Россия?" in await app.ask("/subscribe country Росия")


async def test_partner_card_found_in_either_script_and_any_case(
    app: App, worker: ExtractionWorker
) -> None:
    await with_articles(app, worker)
    for query in ("цинхуа", "Tsinghua", "университета Цинхуа", "TSINGHUA UNIVERSITY"):
        reply = await app.ask(f"/partners {query}")
        assert reply.startswith("Университет Цинхуа\nTsinghua University"), query
        assert reply.styled("bold")[0] == "Университет Цинхуа"
        assert "🇨🇳 Китай · университет" in reply
        assert "упоминаний: 3" in reply
        assert "Соглашения" in reply and "Новости" in reply
        assert sum(link.startswith("https://site.test/") for link in reply.links) == 3
    english = await app.ask("/partners Madras", language_code="en")
    assert "🇮🇳 India" in english
    assert "No partner matches" in await app.ask("/partners Гарвард", language_code="en")


async def test_partners_list_by_country_and_countries(app: App, worker: ExtractionWorker) -> None:
    await with_articles(app, worker)
    for query in ("Китай", "China", "CN", "Китая"):
        reply = await app.ask(f"/partners {query}")
        assert "Партнёры: 🇨🇳 Китай" in reply and "Университет Цинхуа" in reply
        assert "Индийский" not in reply
    countries = await app.ask("/countries", language_code="en")
    assert "🇨🇳 China — 1" in countries and "🇮🇳 India — 1" in countries
    # Each country a tap away: its button turns the list into the country's partners.
    message = app.api.sent_messages(42)[-1]
    labels = [b["text"] for row in message.params["reply_markup"]["inline_keyboard"] for b in row]
    assert "🇨🇳 China (1)" in labels and "🇮🇳 India (1)" in labels, labels
    [china] = [
        b["callback_data"]
        for row in message.params["reply_markup"]["inline_keyboard"]
        for b in row
        if b["text"] == "🇨🇳 China (1)"
    ]
    app.api.push_callback_query(
        china, chat_id=42, user_id=42, message_id=message.result["message_id"]
    )

    async def edited() -> bool:
        return any(c.ok for c in app.api.calls_of("editMessageText"))

    await until(edited)
    [edit] = [c for c in app.api.calls_of("editMessageText") if c.ok][-1:]
    assert "Университет Цинхуа" in (edit.rendered or ""), edit.rendered


async def next_page(app: App, message: Any, nav: list[dict[str, Any]]) -> Any:
    """Press the ▶ of a paginated message in chat 42 and wait for the edit that answers it."""
    app.api.push_callback_query(
        nav[-1]["callback_data"], chat_id=42, user_id=42, message_id=message.result["message_id"]
    )
    for _ in range(100):
        edits = app.api.calls_of("editMessageText")
        if edits and edits[-1].ok:
            break
        await asyncio.sleep(0.05)
    return app.api.calls_of("editMessageText")[-1]


async def test_partner_pages_and_buttons(app: App) -> None:
    await many_partners(app, 23)
    reply = await app.ask("/partners")
    assert "(всего 23)" in reply and reply.count("\n• ") == 10
    message = app.api.sent_messages(42)[-1]
    rows = message.params["reply_markup"]["inline_keyboard"]
    nav = rows[-1]
    assert [b["text"] for b in nav] == ["1/3", "▶"]
    edited = await next_page(app, message, nav)
    assert edited.ok
    parse_telegram_html(edited.params["text"])
    assert [b["text"] for b in edited.params["reply_markup"]["inline_keyboard"][-1]] == [
        "◀",
        "2/3",
        "▶",
    ]
    # A partner button opens its card, however long the name.
    card_button = rows[0][0]["callback_data"]
    before = len(app.api.sent_messages(42))
    app.api.push_callback_query(
        card_button, chat_id=42, user_id=42, message_id=message.result["message_id"]
    )
    for _ in range(100):
        if len(app.api.sent_messages(42)) > before:
            break
        await asyncio.sleep(0.05)
    card = app.api.sent_messages(42)[-1].text or ""
    assert "🇰🇿 Казахстан" in card


async def test_agreements_latest_by_partner_country_and_word(
    app: App, worker: ExtractionWorker
) -> None:
    assert "Соглашений пока нет" in await app.ask("/agreements")
    await with_articles(app, worker)
    everything = await app.ask("/agreements")
    assert "(всего 3)" in everything
    assert "Меморандум" in everything and "источник" in everything
    assert "(всего 2)" in await app.ask("/agreements Цинхуа")
    india = await app.ask("/agreements Индия", language_code="en")
    assert "(1)" in india and "Memorandum" in india
    assert "не нашёл" in (await app.ask("/agreements квазары")).lower()


async def signed_in_years(app: App) -> None:
    """Agreements with a Chinese and a Kazakh partner: signed in 2019 and 2023, and one with
    no signing date reported in an article of 2024."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    cases = [
        ("cn19", "CN", "Лунный институт", "2019-04", 2025),
        ("kz19", "KZ", "Степной университет", "2019", 2025),
        ("cn23", "CN", "Лунный институт", "2023-11-02", 2024),
        ("kz24", "KZ", "Степной университет", None, 2024),
    ]
    known: dict[str, int] = {}
    for key, country, name, signed, published in cases:
        [news_id] = await app.services.news.add_new(
            feed.id,
            [draft(key, f"Новость {key}", link=f"https://site.test/{key}",
                   published=datetime(published, 3, 1, 9, 0, tzinfo=UTC))],
            announce=True,
        )  # fmt: skip
        fact = PartnerInput(name, None, (), country, "university", {country: name})
        agreement = AgreementInput("agreement", f"о сотрудничестве {key}", signed, (0,))
        [known[name]] = await app.services.partners.replace_facts(
            news_id, True, [(known.get(name), fact)], [agreement]
        )


async def test_agreements_of_a_year_alone_or_with_a_country_or_partner(app: App) -> None:
    await signed_in_years(app)
    reply = await app.ask("/agreements 2019")
    assert reply.startswith("Соглашения 2019 года (всего 2):"), reply
    assert "сотрудничестве cn19" in reply and "сотрудничестве kz19" in reply
    # No signing date: the year the article reported it.
    reply = await app.ask("/agreements 2024", language_code="en", chat_id=43)
    assert reply.startswith("Agreements of 2024 (1):"), reply
    # Partners named only in Russian are rendered in English for an English reader.
    assert "Stepnoy University" in reply and "Lunny" not in reply and "1 March 2024" in reply
    reply = await app.ask("/agreements 2019 China", language_code="en", chat_id=43)
    assert reply.startswith("Agreements of 2019 for “🇨🇳 China” (1):"), reply
    assert "Lunny Institute" in reply and "Stepnoy" not in reply and "2019" in reply
    for query in ("2023 Китай", "Китай в 2023 году", "за 2023 г. Лунный институт"):
        reply = await app.ask(f"/agreements {query}")
        assert reply.startswith("Соглашения 2023 года по запросу «"), (query, reply)
        assert "(всего 1)" in reply and "cn23" in reply, (query, reply)
    assert await app.ask("/agreements 2021") == "Соглашений 2021 года не нашёл."
    assert await app.ask("/agreements 2021", language_code="en", chat_id=43) == (
        "No agreements in 2021."
    )
    assert await app.ask("/agreements 2024 Китай") == (
        "Не нашёл соглашений 2024 года по запросу «🇨🇳 Китай»."
    )
    # Out of range, a number no news writes is a year that has none.
    assert (await app.ask("/agreements 1812")).startswith("Соглашений 1812 года нет: ")


async def test_agreements_read_a_year_as_people_write_it(app: App) -> None:
    """«/agreements 2023г» found nothing «по запросу «2023г»», «/agreements прошлый год» nothing
    «по запросу «прошлый год»»: a year's abbreviation written close to it and last or this
    year said without «за» are years, in /agreements as in /export."""
    await signed_in_years(app)
    for query in ("2023г", "2023г.", "за 2023г.", "Китай 2023г", "2022-2023гг."):
        reply = await app.ask(f"/agreements {query}")
        assert "(всего 1)" in reply and "cn23" in reply, (query, reply)
        assert "2023" in reply.split("\n")[0] and "г»" not in reply, (query, reply)
    last, this = utcnow().year - 1, utcnow().year
    for query, year in (("прошлый год", last), ("соглашения прошлого года", last),
                        ("текущий год", this), ("в текущем году", this)):  # fmt: skip
        reply = await app.ask(f"/agreements {query}")
        assert f"{year} года" in reply.split("\n")[0] and "запросу" not in reply, (query, reply)


async def test_agreements_of_all_are_the_whole_list(app: App) -> None:
    """«/agreements все» searched for the word «все» (and found a document whose subject had
    it); "all", «весь список», with a year or a kind too, ask for the whole list."""
    await signed_in_years(app)
    whole = await app.ask("/agreements")
    for query in ("все", "всё", "весь список", "полный список"):
        assert await app.ask(f"/agreements {query}") == whole, query
    reply = await app.ask("/agreements all", language_code="en", chat_id=43)
    assert reply.startswith("Agreements (4 in all):"), reply
    assert (await app.ask("/agreements все 2023")).startswith("Соглашения 2023 года (всего 1)")
    sent = (await documents(app, "/export все", 42, 3))[0]
    assert "запросу" not in (sent.rendered or ""), sent.rendered


async def test_agreements_of_all_with_a_country_or_phrase_are_that_one(app: App) -> None:
    """«/agreements все Китай» searched the news for «все Китай», 'all China' found none,
    «все "летняя школа"» none: «все», "all" before a country, partner or phrase asks for every
    one of those, as without it."""
    await signed_in_years(app)
    assert await app.ask("/agreements все Китай") == await app.ask("/agreements Китай")
    en = partial(app.ask, language_code="en", chat_id=43)
    assert await en("/agreements all China") == await en("/agreements China")
    assert (await en("/agreements China")).startswith("Agreements for “🇨🇳 China” (2):")
    reply = await app.ask('/agreements все "Новость cn23"')
    assert reply.startswith('Соглашения по запросу «"Новость cn23"»') or (
        "(всего 1)" in reply.split("\n")[0] and "все" not in reply.split("\n")[0]
    ), reply
    assert "сотрудничестве cn23" in reply, reply


async def test_agreements_of_the_university_itself_are_the_whole_list(app: App) -> None:
    """«/agreements Политех» listed the documents of news that spell «Политех» (13 of 46 in a
    session): the university's agreements are all of them; a year still keeps its own."""
    await signed_in_years(app)
    whole = await app.ask("/agreements")
    assert await app.ask("/agreements Политех") == whole
    assert await app.ask("/agreements СПбПУ") == whole
    en = partial(app.ask, language_code="en", chat_id=43)
    assert await en("/agreements SPbPU") == await en("/agreements")
    assert (await app.ask("/agreements Политех 2023")).startswith("Соглашения 2023 года (всего 1)")


async def test_agreement_year_pages_keep_the_year(app: App) -> None:
    await many_partners(app, 7)
    await signed_in_years(app)
    reply = await app.ask("/agreements 2026")
    assert reply.startswith("Соглашения 2026 года (всего 7):"), reply
    message = app.api.sent_messages(42)[-1]
    nav = message.params["reply_markup"]["inline_keyboard"][-1]
    assert [b["text"] for b in nav] == ["1/2", "▶"]
    edited = (await next_page(app, message, nav)).params
    assert edited["text"].startswith("<b>Соглашения 2026 года</b> (всего 7):")
    assert [b["text"] for b in edited["reply_markup"]["inline_keyboard"][-1]] == ["◀", "2/2"]
    # A page button sent before years were read (one field fewer) still turns the page.
    before = len(app.api.calls_of("editMessageText"))
    app.api.push_callback_query(
        "ap:1:0::", chat_id=42, user_id=42, message_id=message.result["message_id"]
    )
    for _ in range(100):
        if len(app.api.calls_of("editMessageText")) > before:
            break
        await asyncio.sleep(0.05)
    edited = app.api.calls_of("editMessageText")[-1].params
    assert edited["text"].startswith("<b>Соглашения</b> (всего 11):"), edited["text"]
    assert [b["text"] for b in edited["reply_markup"]["inline_keyboard"][-1]] == ["◀", "2/3", "▶"]


async def test_agreements_over_a_range_of_years_in_russian_and_english(app: App) -> None:
    """Before, "2020-2022" was searched as a word, "с 2020 года" as the word «с» in 2020 and
    "since 2021" as the word "since" in 2021: nothing found each time."""
    await signed_in_years(app)  # 2019: cn19, kz19; 2023: cn23; 2024: kz24 (reported)
    reply = await app.ask("/agreements 2019-2023")
    assert reply.startswith("Соглашения 2019–2023 годов (всего 3):"), reply
    assert "kz24" not in reply and "cn23" in reply and "kz19" in reply
    reply = await app.ask("/agreements с 2020 года")
    assert reply.startswith("Соглашения с 2020 года (всего 2):"), reply
    assert "cn23" in reply and "kz24" in reply and "19" not in reply.split("\n")[0]
    reply = await app.ask("/agreements до 2020")
    assert reply.startswith("Соглашения до 2020 года (всего 2):"), reply
    reply = await app.ask("/agreements Китай с 2019 по 2023 год")
    assert reply.startswith("Соглашения 2019–2023 годов по запросу «🇨🇳 Китай» (всего 2):"), reply
    assert await app.ask("/agreements 2020–2022") == "Соглашений 2020–2022 годов не нашёл."
    # A year followed by a comma or a full stop is still one.
    reply = await app.ask("/agreements 2019, Китай")
    assert reply.startswith("Соглашения 2019 года по запросу «🇨🇳 Китай» (всего 1):"), reply
    assert await app.ask("/agreements Степной университет 2022-2020") == (
        "Не нашёл соглашений 2020–2022 годов по запросу «Степной университет»."
    )
    help_text = await app.ask("/help", language_code="en", chat_id=43)
    assert "/agreements [kind of document] [query] [year or 2020-2022]" in help_text, help_text
    reply = await app.ask("/agreements since 2020", language_code="en", chat_id=43)
    assert reply.startswith("Agreements since 2020 (2):"), reply
    reply = await app.ask("/agreements from 2019 to 2023 China", language_code="en", chat_id=43)
    assert reply.startswith("Agreements of 2019–2023 for “🇨🇳 China” (2):"), reply
    reply = await app.ask("/agreements before 2024", language_code="en", chat_id=43)
    assert reply.startswith("Agreements before 2024 (3):"), reply
    assert await app.ask("/agreements after 2024", language_code="en", chat_id=43) == (
        "No agreements since 2025."
    )
    this_year = datetime.now(UTC).year
    assert await app.ask("/agreements за последний год") == (
        f"Соглашений {this_year - 1}–{this_year} годов не нашёл."
    )
    assert await app.ask("/agreements last year", language_code="en", chat_id=43) == (
        f"No agreements in {this_year - 1}."
    )
    back = this_year - 2023  # the last N years reach back to 2023
    reply = await app.ask(f"/agreements Китай за последние {back} года")
    assert reply.startswith(f"Соглашения 2023–{this_year} годов по запросу «🇨🇳 Китай» (всего 1):")
    reply = await app.ask(f"/agreements in the last {back} years", language_code="en", chat_id=43)
    assert reply.startswith(f"Agreements of 2023–{this_year} (2):"), reply


async def test_a_range_said_with_year_words_or_between_is_one_range(app: App) -> None:
    """«с 2019 года по 2023 год» read «с 2019 года» as the range and searched the words «по
    2023 год»; "between 2019 and 2023" filtered 2019 alone and searched "and 2023"; an
    unfinished «с 2023 по» searched the word «по»."""
    await signed_in_years(app)  # 2019: cn19, kz19; 2023: cn23; 2024: kz24 (reported)
    reply = await app.ask("/agreements с 2019 года по 2023 год")
    assert reply.startswith("Соглашения 2019–2023 годов (всего 3):"), reply
    reply = await app.ask("/agreements Китай с 2019 г. по 2023 г.")
    assert reply.startswith("Соглашения 2019–2023 годов по запросу «🇨🇳 Китай» (всего 2):"), reply
    reply = await app.ask("/agreements между 2020 и 2024 годами")
    assert reply.startswith("Соглашения 2020–2024 годов (всего 2):"), reply
    reply = await app.ask("/agreements between 2019 and 2023", language_code="en", chat_id=43)
    assert reply.startswith("Agreements of 2019–2023 (3):"), reply
    reply = await app.ask("/agreements с 2023 по")
    assert reply.startswith("Соглашения с 2023 года (всего 2):"), reply
    # "and" with no "between" before it is no range: those two years, the span offered.
    reply = await app.ask("/agreements 2019 and 2023", language_code="en", chat_id=43)
    assert reply.startswith("Agreements of 2019 and 2023 (3):"), reply
    assert reply.endswith("\n\nThe whole span: /agreements 2019-2023"), reply
    # Years in a row are those years; before, the second was searched as a word.
    reply = await app.ask("/agreements 2023 2024")
    assert reply.startswith("Соглашения 2023–2024 годов (всего 2):"), reply
    reply = await app.ask("/agreements Китай 2022, 2023 и 2024")
    assert reply.startswith("Соглашения 2022–2024 годов по запросу «🇨🇳 Китай» (всего 1):"), reply
    # In either order.
    reply = await app.ask("/agreements 2024 и 2023")
    assert reply.startswith("Соглашения 2023–2024 годов (всего 2):"), reply


async def test_years_apart_are_those_years_and_the_span_is_offered(app: App) -> None:
    """«/agreements 2019 и 2023» filtered 2019 and searched the words «и 2023»: «Соглашений
    2019 года по запросу «и 2023» не нашёл»; the reader meant both years."""
    await signed_in_years(app)  # 2019: cn19, kz19; 2023: cn23; 2024: kz24 (reported)
    reply = await app.ask("/agreements 2019 и 2023")
    assert reply.startswith("Соглашения 2019 и 2023 годов (всего 3):"), reply
    assert "сотрудничестве kz24" not in reply
    assert reply.endswith("\n\nВесь период: /agreements 2019-2023"), reply
    reply = await app.ask("/agreements Китай 2019, 2023")
    assert reply.startswith("Соглашения 2019 и 2023 годов по запросу «🇨🇳 Китай» (всего 2):")
    reply = await app.ask("/agreements 2019, 2021 и 2024")
    assert reply.startswith("Соглашения 2019, 2021 и 2024 годов (всего 3):"), reply
    reply = await app.ask("/agreements Лунный институт 2019 или 2024", language_code="en")
    assert reply.startswith("Agreements of 2019 and 2024 for “Lunny Institute” (1):"), reply


async def test_a_country_named_in_german_or_french_is_read(app: App) -> None:
    """Before, a German partner got "No partner matches “Kasachstan”." and "I don't know the
    country “Deutschland”."; the replies stay in English."""
    await signed_in_years(app)
    reply = await app.ask("/partners Kasachstan", language_code="de")
    assert reply.startswith("Partners in 🇰🇿 Kazakhstan (1)"), reply
    reply = await app.ask("/agreements Chine 2019", language_code="fr")
    assert reply.startswith("Agreements of 2019 for “🇨🇳 China” (1):"), reply
    reply = await app.ask("/subscribe country Deutschland", language_code="de")
    assert reply == "Done, subscribed: country 🇩🇪 Germany.", reply
    reply = await app.ask("/subscribe country Osterreich", language_code="de")
    assert reply == "Done, subscribed: country 🇦🇹 Austria.", reply
    assert "country 🇷🇺 Russia" in await app.ask("/subscribe country Russland", language_code="de")
    # A partner's own name is still its card.
    card = await app.ask("/partners Степной", language_code="de")
    assert card.startswith("Stepnoy University\nСтепной университет (in Russian;"), card


async def test_agreement_range_pages_keep_the_range(app: App) -> None:
    await many_partners(app, 7)  # this year's
    await signed_in_years(app)
    this_year = datetime.now(UTC).year
    reply = await app.ask("/agreements с 2023 года")
    assert reply.startswith("Соглашения с 2023 года (всего 9):"), reply
    message = app.api.sent_messages(42)[-1]
    nav = message.params["reply_markup"]["inline_keyboard"][-1]
    edited = (await next_page(app, message, nav)).params
    assert edited["text"].startswith("<b>Соглашения с 2023 года</b> (всего 9):"), edited["text"]
    assert [b["text"] for b in edited["reply_markup"]["inline_keyboard"][-1]] == ["◀", "2/2"]
    # A page button sent before ranges (one field fewer) still turns a year's page.
    before = len(app.api.calls_of("editMessageText"))
    app.api.push_callback_query(
        f"ap:1:0:::{this_year}", chat_id=42, user_id=42, message_id=message.result["message_id"]
    )
    for _ in range(100):
        if len(app.api.calls_of("editMessageText")) > before:
            break
        await asyncio.sleep(0.05)
    edited = app.api.calls_of("editMessageText")[-1].params
    assert edited["text"].startswith(f"<b>Соглашения {this_year} года</b> (всего 7):")


async def test_agreement_pages_stay_valid_with_many_and_long_entries(app: App) -> None:
    await many_partners(app, 12)
    reply = await app.ask("/agreements Казахстан")
    assert "(всего 12)" in reply
    rows = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    assert [b["text"] for b in rows[-1]] == ["1/3", "▶"]
    for hostile in ('"', "NEAR(", "*", "x" * 3000, "<b>"):
        # on_error also replies, so a crash must be told apart from an answer
        for command in ("/agreements", "/partners"):
            assert await app.ask(f"{command} {hostile}") not in ("", t("ru", "error"))


def test_callback_queries_keep_whole_words_within_the_data_limit() -> None:
    from handlers.agreements import Years, words_budget
    from handlers.keyboards import AgreementsPage, fit_callback_text

    query = "соглашение о сотрудничестве в области энергетики"
    fitted = fit_callback_text(query)
    assert query.startswith(fitted) and query[len(fitted)] == " "
    packed = AgreementsPage(page=999_999, q=fitted).pack()
    assert len(packed.encode("utf-8")) <= 64
    # With a range of years too ("since 2020": to 9999), on the last page there can be.
    longest = fit_callback_text("ж" * 100, words_budget(None))
    packed = AgreementsPage(page=10**6, q=longest, year=2020, to=9999).pack()
    assert len(packed.encode("utf-8")) <= 64
    # Or four years apart.
    years = Years(2019, 2025, (2019, 2021, 2023, 2025))
    longest = fit_callback_text("ж" * 100, words_budget(years))
    packed = AgreementsPage(page=10**6, q=longest, **years.packed()).pack()
    assert len(packed.encode("utf-8")) <= 64
    back = AgreementsPage.unpack(packed)
    assert Years.of(back.year, back.to, back.only) == years  # every page keeps them
    # Or every kind of document but "other", with years apart too.
    kinds = ("agreement", "memorandum", "contract", "roadmap")
    longest = fit_callback_text("ж" * 100, words_budget(years, kinds))
    packed = AgreementsPage(page=10**6, q=longest, **years.packed(), kind="amcr").pack()
    assert len(packed.encode("utf-8")) <= 64
    longest = fit_callback_text("ж" * 100, words_budget(None, kinds))
    packed = AgreementsPage(page=10**6, q=longest, year=2020, to=9999, kind="amcr").pack()
    assert len(packed.encode("utf-8")) <= 64
    assert fit_callback_text("a:b  c") == "a b c"
    assert len(fit_callback_text("ж" * 100).encode("utf-8")) <= 40


async def with_a_year_in_its_name(app: App) -> str:
    """A partner named with a year ("Выставка Техносфера 2025") and its agreement of 2024."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id,
        [draft("ts", "Новость ts", link="https://site.test/ts",
               published=datetime(2024, 5, 1, 9, 0, tzinfo=UTC))],
        announce=True,
    )  # fmt: skip
    name = "Выставка Техносфера 2025"
    english = "Technosphere Expo 2025"
    fact = PartnerInput(name, english, (), "RU", "other", {"ts": name, "te": english})
    agreement = AgreementInput("agreement", "об участии в выставке", "2024-04-20", (0,))
    await app.services.partners.replace_facts(news_id, True, [(None, fact)], [agreement])
    return name


async def test_a_year_in_a_partners_name_is_the_name(app: App) -> None:
    """A partner whose name has a year in it is named by the whole name: its agreements of
    every year, not those of 2025 of a partner named without the year."""
    name = await with_a_year_in_its_name(app)
    reply = await app.ask(f"/agreements {name}")
    assert reply.startswith("Соглашения по запросу «Выставка Техносфера 2025» (всего 1):"), reply
    assert "об участии в выставке" in reply
    reply = await app.ask("/agreements Technosphere Expo 2025", language_code="en", chat_id=43)
    assert reply.startswith("Agreements for “Technosphere Expo 2025” (1):"), reply
    # The year said apart from the name still keeps that year's agreements.
    assert (await app.ask("/agreements Выставка Техносфера 2025 в 2024 году")).startswith(
        "Соглашения 2024 года по запросу «Выставка Техносфера 2025» (всего 1):"
    )
    # The next year said with words of its own is no run of years with the name's.
    reply = await app.ask("/agreements Выставка Техносфера 2025 в 2026 году")
    assert reply == "Не нашёл соглашений 2026 года по запросу «Выставка Техносфера 2025».", reply
    # A year alone is a year, whatever partner has it in its name.
    assert await app.ask("/agreements 2025") == "Соглашений 2025 года не нашёл."
    # A year beside the name's is no run of years with it: before, «2025 2024» read as
    # 2024–2025 and the name without its year.
    for query in ("Выставка Техносфера 2025 2024", "Выставка Техносфера 2025 и 2024"):
        reply = await app.ask(f"/agreements {query}")
        assert reply.startswith(
            "Соглашения 2024 года по запросу «Выставка Техносфера 2025» (всего 1):"
        ), reply
    reply = await app.ask("/agreements Выставка Техносфера 2025 2022")
    assert reply == "Не нашёл соглашений 2022 года по запросу «Выставка Техносфера 2025».", reply


async def test_a_partner_named_by_a_countrys_foreign_name_is_the_partner(app: App) -> None:
    """ "Granada" is Grenada in Spanish: since countries were read in German, French, Spanish
    and Italian, /agreements and /export took it for Grenada and no longer found the University
    of Granada's agreements (/partners already tried the partner first)."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id,
        [draft("gr", "Новость gr", link="https://site.test/gr",
               published=datetime(2024, 5, 1, 9, 0, tzinfo=UTC))],
        announce=True,
    )  # fmt: skip
    name, english = "Гранадский университет", "University of Granada"
    fact = PartnerInput(name, english, (), "ES", "university", {"gr": name, "ge": english})
    agreement = AgreementInput("agreement", "об обмене студентами", "2024-04-20", (0,))
    await app.services.partners.replace_facts(news_id, True, [(None, fact)], [agreement])
    reply = await app.ask("/agreements Granada", language_code="en", chat_id=43)
    assert reply.startswith("Agreements for “University of Granada” (1):"), reply
    sent = (await documents(app, "/export Granada", 43, 3, language_code="en"))[0]
    assert (sent.rendered or "").startswith("Export for “University of Granada”"), sent.rendered
    # A country's foreign name no partner has is still the country.
    reply = await app.ask("/agreements Spanien", language_code="de", chat_id=43)
    assert reply.startswith("Agreements for “🇪🇸 Spain” (1):"), reply


async def test_a_region_one_letter_from_a_country_is_not_that_country(app: App) -> None:
    """«Кубань» (a Russian region) was read as Cuba: a case ending undone too far («Кубань» less
    two letters is «Куба»). Only real case endings are undone now, and a fleeting vowel comes
    back («с Египтом» is Egypt)."""
    reply = await app.ask("/subscribe country Кубань")
    assert reply.startswith("Не знаю такой страны: «Кубань»."), reply
    assert await app.services.chats.subscriptions(42) == []
    assert await app.ask("/partners Кубани") == (
        "Не нашёл партнёра по запросу «Кубани». Список: /partners"
    )
    assert await app.ask("/partners с Египтом") == (
        "Партнёров из страны 🇪🇬 Египет в новостях пока нет. Все страны: /countries"
    )
    assert await app.ask("/partners с Кубой") == (
        "Партнёров из страны 🇨🇺 Куба в новостях пока нет. Все страны: /countries"
    )


async def news_about(app: App, worker: ExtractionWorker, items: list[tuple[str, str]]) -> None:
    """Articles (title, text), each ingested and read for partners as the bot does."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for title, text in items:
        key = f"c{len(title)}-{len(text)}"
        await app.services.news.add_new(
            feed.id,
            [draft(key, title, body=text, link=f"https://site.test/{key}")],
            announce=True,
        )
    await FactsService(worker, app.services.news, app.services.partners).process_pending()


async def test_a_foreign_partner_no_article_places_shows_no_country_until_one_does(
    app: App, worker: ExtractionWorker
) -> None:
    await news_about(
        app,
        worker,
        [
            (
                "Политех подписал соглашение с Университетом Сэйгэн",
                "Политех и Университет Сэйгэн подписали соглашение о сотрудничестве в области "
                "робототехники.",
            )
        ],
    )
    card = await app.ask("/partners Сэйгэн")
    assert card.startswith("Университет Сэйгэн\n"), card
    assert "страна не указана · университет" in card
    assert "Россия" not in card
    sent = (await documents(app, "/export Сэйгэн", 42, 3))[0]
    rows = app.api.file_content(sent.result["document"]["file_id"]).decode("utf-8-sig")
    [header, row] = list(csv.reader(io.StringIO(rows)))
    assert row[header.index("country")] == "", row  # unknown, not RU
    await news_about(
        app,
        worker,
        [
            (
                "Делегация Университета Сэйгэн в Политехе",
                "Делегация Университета Сэйгэн из Японии обсудила в Политехе совместные "
                "исследования. Стороны подписали соглашение об обмене студентами.",
            )
        ],
    )
    card = await app.ask("/partners Сэйгэн")
    assert "🇯🇵 Япония · университет" in card, card  # the same card, placed now
    assert "упоминаний: 2" in card


async def test_a_partner_named_in_its_countrys_russian_spelling_meets_its_latin_name(
    app: App, worker: ExtractionWorker
) -> None:
    # Vietnamese d and Japanese z are «з» and «дз» in Russian; Vietnamese syllables written
    # apart are one Russian word.
    await news_about(
        app,
        worker,
        [
            (
                "Политех подписал соглашение с вьетнамским Университетом Зуй Тан",
                "Политех и вьетнамский Университет Зуй Тан подписали соглашение о "
                "сотрудничестве в области информационных технологий.",
            ),
            (
                "SPbPU and Duy Tan University (Vietnam) sign a memorandum",
                "Peter the Great St. Petersburg Polytechnic University and Duy Tan University "
                "(Vietnam) signed a memorandum on student exchange.",
            ),
            (
                "Политех и японский Университет Сидзуока подписали меморандум",
                "Политех и японский Университет Сидзуока подписали меморандум о совместных "
                "исследованиях.",
            ),
            (
                "SPbPU and Shizuoka University (Japan) sign an agreement",
                "Peter the Great St. Petersburg Polytechnic University and Shizuoka University "
                "(Japan) signed an agreement on joint research.",
            ),
            (
                "Политех подписал соглашение с Технологическим институтом Сидзуока (Япония)",
                "Политех и Технологический институт Сидзуока (Япония) подписали соглашение о "
                "подготовке инженеров.",
            ),
        ],
    )
    card = await app.ask("/partners Duy Tan")
    assert "🇻🇳 Вьетнам · университет" in card and "упоминаний: 2" in card, card
    card = await app.ask("/partners Shizuoka University")
    assert "🇯🇵 Япония · университет" in card and "упоминаний: 2" in card, card
    countries = await app.ask("/countries", language_code="en")
    assert "🇻🇳 Vietnam — 1" in countries and "🇯🇵 Japan — 2" in countries, countries


async def test_a_unit_named_after_a_company_lists_the_company(
    app: App, worker: ExtractionWorker
) -> None:
    """A student design bureau named after a company and the university lists the company,
    under its own name, not the bureau with «Политех» in it."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    body = (
        "В Политехе открылось студенческое конструкторское бюро «Лютик – Политех». Бюро создано "
        "вместе с компанией «Лютик», которая передала студентам станки и выделила наставников."
    )
    await app.services.news.add_new(
        feed.id,
        [draft("skb", "Студенческое конструкторское бюро «Лютик – Политех» открыто",
               body=body, link="https://site.test/skb", category="Партнёрство")],
        announce=True,
    )  # fmt: skip
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    reply = await app.ask("/partners")
    assert "• Лютик 🇷🇺 — 1" in reply and "бюро" not in reply, reply
    card = await app.ask("/partners Лютик")
    assert card.startswith("Лютик\n🇷🇺 Россия · компания\n"), card


async def test_numbered_schools_are_partners_apart(app: App, worker: ExtractionWorker) -> None:
    """Two schools the university signs with are two cards, told apart by their numbers."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    texts = {
        "s7": ("Политех подписал соглашение со школой № 7",
               "СПбПУ и школа № 7 Невского района подписали соглашение о профильных классах."),
        "s9": ("Политех подписал соглашение со школой № 9",
               "СПбПУ и школа № 9 Невского района подписали соглашение об инженерных классах."),
    }  # fmt: skip
    for key, (title, body) in texts.items():
        await app.services.news.add_new(
            feed.id,
            [draft(key, title, body=body, link=f"https://site.test/{key}", category="Партнёрство")],
            announce=True,
        )
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    reply = await app.ask("/partners")
    assert "Партнёры (всего 2)" in reply, reply
    for name in ("Школа № 7 Невского района", "Школа № 9 Невского района"):
        assert f"• {name} 🇷🇺 — 1" in reply, reply


async def test_a_power_station_by_its_abbreviation_is_one_card(
    app: App, worker: ExtractionWorker
) -> None:
    """«Приозёрная АЭС» in one article and «Приозёрная атомная электростанция» in another are
    one partner: «АЭС» stands for «атомная электростанция»."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    texts = {
        "n1": ("Политех и Приозёрная АЭС подписали соглашение",
               "Политех и Приозёрная АЭС подписали соглашение о практике студентов."),
        "n2": ("Соглашение с атомной станцией",
               "Политех подписал соглашение с Приозёрной атомной электростанцией о стажировках."),
    }  # fmt: skip
    for key, (title, body) in texts.items():
        await app.services.news.add_new(
            feed.id,
            [draft(key, title, body=body, link=f"https://site.test/{key}", category="Партнёрство")],
            announce=True,
        )
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    reply = await app.ask("/partners")
    assert "Партнёры (всего 1)" in reply and " — 2" in reply, reply


async def documents_of_kinds(app: App, memoranda: int = 0) -> None:
    """Two memoranda, a roadmap, an agreement and a contract with a Chinese and a Kazakh
    partner, and `memoranda` more memoranda with Kazakh partners reported this year."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    cases = [
        ("mcn", "CN", "Лунный институт", "memorandum", "2023-05-16", 2023),
        ("mkz", "KZ", "Степной университет", "memorandum", "2019", 2019),
        ("rcn", "CN", "Лунный институт", "roadmap", "2023-09", 2023),
        ("acn", "CN", "Лунный институт", "agreement", "2023-02-01", 2023),
        ("ckz", "KZ", "Степной университет", "contract", "2021", 2021),
    ]
    this_year = datetime.now(UTC).year
    cases += [
        (f"m{i}", "KZ", f"Горный колледж {i}", "memorandum", None, this_year)
        for i in range(memoranda)
    ]
    known: dict[str, int] = {}
    for key, country, name, kind, signed, published in cases:
        [news_id] = await app.services.news.add_new(
            feed.id,
            [draft(key, f"Визит делегации {key}", link=f"https://site.test/{key}",
                   published=datetime(published, 3, 1, 9, 0, tzinfo=UTC))],
            announce=True,
        )  # fmt: skip
        fact = PartnerInput(name, None, (), country, "university", {country: name})
        agreement = AgreementInput(kind, f"о развитии {key}", signed, (0,))
        [known[name]] = await app.services.partners.replace_facts(
            news_id, True, [(known.get(name), fact)], [agreement]
        )


async def test_a_document_type_in_the_query_filters_by_kind(app: App) -> None:
    """Before, «меморандумы» was searched as a word of the articles: none had it, so nothing
    was found, and "roadmap" found every kind of document its articles mentioned."""
    await documents_of_kinds(app)
    for query in ("меморандумы", "меморандум", "Меморандумов", "меморандумы о взаимопонимании"):
        reply = await app.ask(f"/agreements {query}")
        assert reply.startswith("Меморандумы (всего 2):"), (query, reply)
        assert "развитии mcn" in reply and "развитии mkz" in reply, (query, reply)
        assert "rcn" not in reply and "acn" not in reply and "ckz" not in reply, (query, reply)
    reply = await app.ask("/agreements меморандумы Китай 2023")
    assert reply.startswith("Меморандумы 2023 года по запросу «🇨🇳 Китай» (всего 1):"), reply
    assert "mcn" in reply and "mkz" not in reply
    for query in ("дорожные карты", "дорожной карты", "Лунный институт, дорожная карта"):
        reply = await app.ask(f"/agreements {query}")
        assert reply.startswith("Дорожные карты"), (query, reply)
        assert "rcn" in reply and "(всего 1)" in reply and "mcn" not in reply, (query, reply)
    reply = await app.ask("/agreements договоры")
    assert reply.startswith("Договоры (всего 1):") and "ckz" in reply, reply
    reply = await app.ask("/agreements соглашения о сотрудничестве")
    assert reply.startswith("Только соглашения (всего 1):") and "acn" in reply, reply
    reply = await app.ask("/agreements меморандумы и дорожные карты 2023")
    assert reply.startswith("Меморандумы и дорожные карты 2023 года (всего 2):"), reply
    assert await app.ask("/agreements договоры Китай") == (
        "Не нашёл договоров по запросу «🇨🇳 Китай».\n\n"
        "Документов других видов: 3. Все виды: /agreements Китай"
    )
    assert await app.ask("/agreements дорожные карты 2019") == (
        "Дорожных карт 2019 года не нашёл.\n\nДокументов других видов: 1. "
        "Все виды: /agreements 2019"
    )
    help_text = await app.ask("/help")
    assert "/agreements [вид документа] [запрос] [год или 2020-2022]" in help_text, help_text


async def test_a_document_type_in_english(app: App) -> None:
    await documents_of_kinds(app)
    ask = partial(app.ask, language_code="en", chat_id=43)
    reply = await ask("/agreements roadmap")
    assert reply.startswith("Roadmaps (1 in all):"), reply
    assert "Memorandum" not in reply and "Agreement —" not in reply, reply
    for query in ("memorandum", "memoranda", "MoU", "MoUs", "memorandums of understanding"):
        reply = await ask(f"/agreements {query}")
        assert reply.startswith("Memoranda (2 in all):"), (query, reply)
        assert "Roadmap" not in reply, (query, reply)
    reply = await ask("/agreements roadmaps 2019-2024")
    assert reply.startswith("Roadmaps of 2019–2024 (1):"), reply
    reply = await ask("/agreements memoranda with China")
    assert reply.startswith("Memoranda for “🇨🇳 China” (1):") and "16 May 2023" in reply, reply
    reply = await ask("/agreements cooperation agreements")
    assert reply.startswith("Only agreements (1 in all):") and "1 February 2023" in reply, reply
    assert await ask("/agreements contracts 2023") == (
        "No contracts in 2023.\n\nDocuments of other kinds: 3. Every kind: /agreements 2023"
    )
    assert await ask("/agreements contracts 2020") == "No contracts in 2020."
    # A kind's word in a partner's name is the name's: its agreements of every kind.
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id, [draft("crc", "Визит crc", link="https://site.test/crc")], announce=True
    )
    name = "Contract Research Centre"
    fact = PartnerInput(name, name, (), "GB", "research", {"GB": name})
    agreement = AgreementInput("memorandum", "о развитии crc", "2024-03-03", (0,))
    await app.services.partners.replace_facts(news_id, True, [(None, fact)], [agreement])
    reply = await ask(f"/agreements {name}")
    assert reply.startswith(f"Agreements for “{name}” (1):"), reply


async def test_kind_pages_keep_the_kind_and_old_buttons_still_turn(app: App) -> None:
    await many_partners(app, 3)  # three agreements, not memoranda
    await documents_of_kinds(app, memoranda=6)
    reply = await app.ask("/agreements меморандумы")
    assert reply.startswith("Меморандумы (всего 8):"), reply
    message = app.api.sent_messages(42)[-1]
    nav = message.params["reply_markup"]["inline_keyboard"][-1]
    for button in nav:
        if button["callback_data"] != "noop":
            assert len(button["callback_data"].encode()) <= 64
    edited = (await next_page(app, message, nav)).params
    assert edited["text"].startswith("<b>Меморандумы</b> (всего 8):"), edited["text"]
    assert [b["text"] for b in edited["reply_markup"]["inline_keyboard"][-1]] == ["◀", "2/2"]
    # A page button sent before kinds (one field fewer) still turns a page of all documents.
    before = len(app.api.calls_of("editMessageText"))
    app.api.push_callback_query(
        "ap:1:0:::0:0:", chat_id=42, user_id=42, message_id=message.result["message_id"]
    )
    for _ in range(100):
        if len(app.api.calls_of("editMessageText")) > before:
            break
        await asyncio.sleep(0.05)
    edited = app.api.calls_of("editMessageText")[-1].params
    assert edited["text"].startswith("<b>Соглашения</b> (всего 14):"), edited["text"]


async def partners_named(app: App, cases: list[tuple[str, str]]) -> None:
    """One partner (name, country) per article."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for i, (name, country) in enumerate(cases):
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(f"n{i}", f"Новость {i}", link=f"https://site.test/n{i}")],
            announce=True,
        )  # fmt: skip
        fact = PartnerInput(name, None, (), country, "other", {f"n{i}": name})
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])


def first_buttons(app: App) -> list[str]:
    markup = app.api.sent_messages(42)[-1].params.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_a_mistyped_country_is_not_a_card_sharing_its_stem(app: App) -> None:
    """`/partners Германя` (Германия, a letter missing) opened the card of a German foundation,
    as if the reader had asked for it; «Германя» is the country mistyped: its partners first."""
    await partners_named(
        app, [("German Lantern Foundation", "DE"), ("Университет Воздушных Змеев", "DE")]
    )
    reply = await app.ask("/partners Германя")
    assert reply.startswith("Точно «Германя» никто не называется"), reply
    assert first_buttons(app)[0] == "🇩🇪 Германия: все партнёры (2)", first_buttons(app)
    assert "German Lantern Foundation" in first_buttons(app)
    # Named in full, the card still opens; the country spelt right, its list.
    assert (await app.ask("/partners German Lantern Foundation")).startswith(
        "German Lantern Foundation\n"
    )
    assert (await app.ask("/partners Германия")).startswith("Партнёры: 🇩🇪 Германия (всего 2)")
    # /agreements reads the country meant, and its heading says so; a partner named stays one.
    assert await app.ask("/agreements Германя") == ("Не нашёл соглашений по запросу «🇩🇪 Германия».")
    assert await app.ask("/agreements Lantern") == (
        "Не нашёл соглашений по запросу «German Lantern Foundation»."
    )


async def test_a_country_with_no_partners_lists_only_names_that_have_it(app: App) -> None:
    """`/partners Сингапур` said «В названиях партнёров «Сингапур» встречается:» over a company
    whose Latin name is merely alike (Singular…): no name has the word, so nothing is listed."""
    await partners_named(app, [("Singular Lantern Company", "CN")])
    reply = await app.ask("/partners Сингапур")
    assert reply == "Партнёров из страны 🇸🇬 Сингапур в новостях пока нет. Все страны: /countries"
    assert first_buttons(app) == []


async def test_a_city_that_is_also_a_universitys_short_name_lists_partners_of_that_name(
    app: App,
) -> None:
    """`/partners Shanghai` (the city; also what people call Shanghai University) said only
    that Shanghai University is in no news, hiding the partners named after the city."""
    await partners_named(app, [("Shanghai Lantern Institute", "CN")])
    reply = await app.ask("/partners Shanghai", language_code="en")
    assert reply == (
        "“Shanghai” (Shanghai University) is in no partnership news yet. All partners: /partners"
        "\n\nPartners with “Shanghai” in their names:"
    ), reply
    assert first_buttons(app) == ["Shanghai Lantern Institute"]


async def test_the_university_itself_asked_as_a_partner_is_said_to_be_itself(app: App) -> None:
    """«/partners Политех» said «Точно «Политех» никто не называется» over buttons to other
    polytechnics (Milan's, Hong Kong's), "/partners SPbPU" that no partner matches: the reader
    typing the university's own name is told the partners are its own."""
    await partners_named(app, [("Миланский политехнический университет", "IT")])
    assert await app.ask("/partners Политех") == (
        "«Политех» — это сам университет, СПбПУ: бот собирает его партнёров. "
        "Все партнёры: /partners, по странам: /countries"
    )
    assert first_buttons(app) == []
    reply = await app.ask("/partners SPbPU", language_code="en", chat_id=43)
    assert reply.startswith("“SPbPU” is the Polytechnic University (SPbPU) itself:"), reply
    # Another polytechnic, or the university's partners in the person's words, are read as before.
    reply = await app.ask("/partners Миланский политехнический университет")
    assert reply.startswith("Миланский политехнический университет\n"), reply
    assert "сам университет" not in await app.ask("/partners наши партнёры")


async def test_the_last_years_said_in_words(app: App) -> None:
    """«/agreements за последние пять лет» was searched as the words «за последние пять»:
    nothing found; a number of years said in words is read as the digits are."""
    await signed_in_years(app)
    this_year = datetime.now(UTC).year
    reply = await app.ask("/agreements за последние двадцать лет")
    assert reply.startswith(f"Соглашения {this_year - 20}–{this_year} годов (всего 4):"), reply
    reply = await app.ask("/agreements Китай за последние двадцать лет")
    assert reply.startswith(
        f"Соглашения {this_year - 20}–{this_year} годов по запросу «🇨🇳 Китай» (всего 2):"
    ), reply
    reply = await app.ask("/agreements over the last twenty years", language_code="en")
    assert reply.startswith(f"Agreements of {this_year - 20}–{this_year} (4):"), reply


async def test_a_card_named_with_every_word_of_a_well_known_name_is_that_organisation(
    app: App,
) -> None:
    """`/partners Харбинский политехнический университет` said the university was in no news,
    over a button to the card whose English name has exactly those words: the card is it."""
    await partners_named(app, [("Polytechnic University of Harbin", "CN")])
    reply = await app.ask("/partners Харбинский политехнический университет")
    assert reply.startswith("Polytechnic University of Harbin\n"), reply
    # The well-known abbreviation is the organisation's: its card, as its full name opens.
    assert (await app.ask("/partners HIT")).startswith("Polytechnic University of Harbin\n")


async def kind_and_country_partners(app: App) -> None:
    """Two universities in China, one named after the country, each in its own article that
    speaks of universities of China."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    cases = [("Coastal University of China", "CN"), ("Университет Горных Рек", "CN")]
    for i, (name, country) in enumerate(cases):
        body = f"Делегация {name} обсудила сотрудничество с университетами Китая."
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(f"k{i}", f"Визит {i}", body=body, link=f"https://site.test/k{i}")],
            announce=True,
        )  # fmt: skip
        fact = PartnerInput(name, None, (), country, "university", {f"k{i}": name})
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])


async def test_a_kind_and_a_country_name_no_one_card_that_says_the_country(app: App) -> None:
    """«университеты Китая» opened the card of the one university with "China" in its name
    (a user session: /partners showed it, /subscribe partner followed it, /search searched its
    other names): a kind and a country describe many, and /partners lists that kind of the
    country's partners."""
    await kind_and_country_partners(app)
    reply = await app.ask("/partners университеты Китая")
    assert reply.startswith("Университеты: 🇨🇳 Китай (всего 2)"), reply
    assert "Coastal University of China — 1" in reply and "Университет Горных Рек — 1" in reply
    reply = await app.ask("/search университетами Китая")
    assert reply.startswith("Найдено по запросу «университетами Китая»:"), reply
    assert "другим названиям" not in reply, reply
    reply = await app.ask("/subscribe partner университеты Китая")
    assert "Coastal University of China»" not in reply.split("\n")[0], reply
    assert await app.ask("/subscriptions") == "Подписок нет. Подписаться: /subscribe"
    # The card of a body named by its kind and country alone still opens.
    reply = await app.ask("/partners Coastal University", language_code="en")
    assert reply.startswith("Coastal University of China\n"), reply


async def signed_and_unsigned_partners(app: App) -> None:
    """A bank that signed one agreement, reported in June 2022, and a corporation that
    signed none, each in its own article."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    when = datetime(2022, 6, 1, 9, tzinfo=UTC)
    cases = [("Банк Тестовый", True), ("Корпорация Пробная", False)]
    for i, (name, signed) in enumerate(cases):
        [news_id] = await app.services.news.add_new(
            feed.id,
            [draft(f"s{i}", f"Новость {i}", link=f"https://site.test/s{i}", published=when)],
            announce=True,
        )
        fact = PartnerInput(name, None, (), "RU", "company", {f"s{i}": name})
        agreements = [AgreementInput("agreement", "о сотрудничестве", None, (0,))] if signed else []
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], agreements)


def last_buttons(app: App) -> list[dict[str, Any]]:
    markup = app.api.sent_messages(42)[-1].params.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


async def test_no_agreements_for_a_partner_or_a_year_leads_somewhere(app: App) -> None:
    """«/agreements Росатом» (a partner with no signed document) and "/agreements VTB 2021"
    (signed in 2022) answered "none found" and nothing more (a user session): the partner's
    card and the other years' documents are a button away."""
    await signed_and_unsigned_partners(app)
    reply = await app.ask("/agreements Корпорация Пробная")
    assert reply == "Не нашёл соглашений по запросу «Корпорация Пробная».", reply
    assert [b["text"] for b in last_buttons(app)] == ["🤝 Корпорация Пробная"]
    reply = await app.ask("/agreements Банк Тестовый 2021")
    assert reply == "Не нашёл соглашений 2021 года по запросу «Банк Тестовый».", reply
    buttons = last_buttons(app)
    assert [b["text"] for b in buttons] == ["📄 За все годы (1)", "🤝 Банк Тестовый"]
    listed = await press(app, buttons[0]["callback_data"])
    assert listed.startswith("Соглашения по запросу «Банк Тестовый» (всего 1):"), listed
    reply = await app.ask("/agreements Russia 2021", language_code="en")
    assert reply == "No agreements in 2021 found for “🇷🇺 Russia”.", reply
    assert [b["text"] for b in last_buttons(app)] == ["📄 In every year (1)"]


async def test_agreements_search_every_word_of_a_russian_query(app: App) -> None:
    """«/agreements водородная энергетика» searched «водородная» alone (two Russian words
    overflow a page button's bytes unpacked) and said so in its heading; /export searched
    both. Every word is searched, and a page button carries them all."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    bodies = [
        "Стороны подписали соглашение: водородная энергетика станет общей темой.",
        "Стороны подписали соглашение: водородная безопасность складов.",
    ]
    for n in range(7):
        body = bodies[0] if n < 6 else bodies[1]
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(f"h{n}", f"Соглашение {n}", body=body, link=f"https://site.test/h{n}")],
            announce=True,
        )  # fmt: skip
        name = f"Компания Тестовая {n}"
        fact = PartnerInput(name, None, (), "RU", "company", {f"h{n}": name})
        agreement = AgreementInput("agreement", "о сотрудничестве", None, (0,))
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [agreement])
    reply = await app.ask("/agreements водородная энергетика")
    assert reply.startswith("Соглашения по запросу «водородная энергетика» (всего 6):"), reply
    [[*_, forward]] = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    listed = await press(app, forward["callback_data"])
    assert listed.startswith("Соглашения по запросу «водородная энергетика» (всего 6):")


async def test_a_year_range_left_open_with_a_dash_is_that_year_on(app: App) -> None:
    """«/agreements 2020-» (a range begun and not finished) searched the word «2020-» and
    listed whatever articles say 2020, under «по запросу «2020-»» (a user session); it is
    2020 on, as «с 2020 по» already was."""
    await signed_in_years(app)  # 2019: cn19, kz19; 2023: cn23; 2024: kz24 (reported)
    for query in ("2020-", "2020–", "Китай 2020-"):
        reply = await app.ask(f"/agreements {query}")
        assert reply.startswith("Соглашения с 2020 года"), (query, reply)
        assert "19" not in reply.split("\n")[0] and "cn23" in reply, (query, reply)


async def test_agreements_of_a_nations_partners_are_its_countrys(app: App) -> None:
    """/agreements "Russian companies" listed a Finnish and a Vietnamese partner, whose
    articles had both words (a user session): a nation and kinds of partner alone ask for the
    country's agreements, the heading naming it."""
    await many_partners(app, 2)  # two in Kazakhstan, one agreement each
    reply = await app.ask("/agreements казахстанскими университетами")
    assert reply.startswith("Соглашения по запросу «🇰🇿 Казахстан» (всего 2):"), reply
    reply = await app.ask("/agreements Kazakh universities", language_code="en", chat_id=43)
    assert reply.startswith("Agreements for “🇰🇿 Kazakhstan” (2):"), reply
    # Kinds and the country, as /partners reads them: «Не нашёл соглашений по запросу
    # «университетами Казахстана»» before.
    this = utcnow().year
    for query in ("университетами Казахстана", "с вузами Казахстана", f"вузы Казахстана {this}г"):
        reply = await app.ask(f"/agreements {query}")
        assert "по запросу «🇰🇿 Казахстан» (всего 2):" in reply.split("\n")[0], (query, reply)
    reply = await app.ask("/agreements universities in Kazakhstan", language_code="en", chat_id=43)
    assert reply.startswith("Agreements for “🇰🇿 Kazakhstan” (2):"), reply
    sent = (await documents(app, "/export университеты Казахстана", 42, 3))[0]
    assert "Партнёров: 2, соглашений: 2." in (sent.rendered or ""), sent.rendered


async def partners_of_kinds(app: App, companies: int = 1) -> None:
    """Invented partners of every kind in a few countries, each in its own article; with
    `companies` more than one, that many Chinese companies besides."""
    cases = [
        ("Степногорский университет", "Stepnogorsk University", "KZ", "university"),
        ("Университет Жёлтых Холмов", "Yellow Hills University", "CN", "university"),
        ("Институт прикладной оптики Лесограда", None, "FI", "research"),
        ("Ферросталь Норд", "Ferrostahl Nord", "DE", "company"),
        ("Министерство водных путей Степногорья", None, "KZ", "government"),
        ("Ассоциация инженерных школ", None, "FR", "other"),
        *[(f"Шелковая компания {i}", f"Silk Road Trading {i}", "CN", "company")
          for i in range(companies)],
    ]  # fmt: skip
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for i, (name, name_en, country, kind) in enumerate(cases):
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(f"kd{i}", f"Новость {i}", link=f"https://site.test/kd{i}")],
            announce=True,
        )  # fmt: skip
        keys = {f"kd{i}": name, **({f"kde{i}": name_en} if name_en else {})}
        fact = PartnerInput(name, name_en, (), country, kind, keys)
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])


def listed(reply: str) -> list[str]:
    """The names of a partner list's entries, flags and mention counts left off."""
    return [line[2:].rsplit(" — ", 1)[0].split(" 🇦")[0] for line in reply.split("\n")
            if line.startswith("• ")]  # fmt: skip


async def test_partners_of_a_kind_in_either_language(app: App) -> None:
    """`/partners компании` (and «вузов», «научные институты», «госорганы», "government
    bodies") answered «Не нашёл партнёра» or offered the cards with the word in their names:
    the registry's kind of partner is a list of its own, in any word form, with a country too."""
    await partners_of_kinds(app)
    reply = await app.ask("/partners компании")
    assert reply.startswith("Компании (всего 2), чаще упоминаемые"), reply
    assert "Ферросталь Норд 🇩🇪 — 1" in reply and "Шелковая компания 0 🇨🇳 — 1" in reply, reply
    assert "университет" not in reply, reply
    for query in ("вузов", "университеты", "высшие учебные заведения"):
        reply = await app.ask(f"/partners {query}")
        assert reply.startswith("Университеты (всего 2)"), (query, reply)
        assert "Степногорский университет 🇰🇿 — 1" in reply, (query, reply)
    reply = await app.ask("/partners научные институты")
    assert reply.startswith("Научные организации (всего 1)"), reply
    assert "Институт прикладной оптики Лесограда" in reply, reply
    for query in ("госорганы", "министерства", "органы власти"):
        reply = await app.ask(f"/partners {query}")
        assert reply.startswith("Органы власти (всего 1)"), (query, reply)
        assert "Министерство водных путей Степногорья" in reply, (query, reply)
    reply = await app.ask("/partners компании Китая")
    assert reply.startswith("Компании: 🇨🇳 Китай (всего 1)"), reply
    assert "Шелковая компания 0 — 1" in reply and "Ферросталь" not in reply, reply
    reply = await app.ask("/partners вузы Казахстана")
    assert reply.startswith("Университеты: 🇰🇿 Казахстан (всего 1)"), reply
    assert "Степногорский университет — 1" in reply and "Жёлтых" not in reply, reply
    en = partial(app.ask, chat_id=43, language_code="en")
    reply = await en("/partners companies")
    assert reply.startswith("Companies (2 in all), most mentioned"), reply
    assert "Ferrostahl Nord 🇩🇪 — 1" in reply and "Silk Road Trading 0 🇨🇳 — 1" in reply, reply
    reply = await en("/partners Chinese companies")
    assert reply.startswith("Companies in 🇨🇳 China (1)"), reply
    assert "Silk Road Trading 0 — 1" in reply and "Ferrostahl" not in reply, reply
    reply = await en("/partners universities in Kazakhstan")
    assert reply.startswith("Universities in 🇰🇿 Kazakhstan (1)"), reply
    reply = await en("/partners government bodies")
    assert reply.startswith("Government bodies (1 in all)"), reply
    reply = await en("/partners research institutes")
    assert reply.startswith("Research bodies (1 in all)"), reply
    # Two Latin letters before a kind are no country code ("IT" is no Italy here).
    assert "Italy" not in await en("/partners IT companies")


async def test_a_name_beside_a_kind_word_is_no_kind(app: App) -> None:
    """An English word that only starts like a kind ("Universal", "firmware") is a name's:
    «/partners компании Universal» listed every company, the name dropped; "academic
    institutions" are universities, not research bodies."""
    await partners_of_kinds(app)
    reply = await app.ask("/partners компании Universal")
    assert not reply.startswith("Компании (всего"), reply
    reply = await app.ask("/partners academic institutions", language_code="en", chat_id=43)
    assert reply.startswith("Universities (2 in all)"), reply


async def test_a_kind_with_none_in_the_news_says_so(app: App) -> None:
    """A kind (and country) no partner is of says so in the reader's language and points to
    the plain list, and to the country's partners where it has some."""
    await partners_of_kinds(app)
    reply = await app.ask("/partners компании Казахстана")
    assert reply == (
        "Партнёров среди компаний из страны 🇰🇿 Казахстан в новостях пока нет. "
        "Все партнёры: /partners"
    ), reply
    markup = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    assert [b["text"] for row in markup for b in row] == ["🇰🇿 Казахстан: все партнёры (2)"]
    reply = await app.ask("/partners research institutes", language_code="en", chat_id=43)
    assert reply.startswith("Research bodies (1 in all)"), reply
    reply = await app.ask("/partners Japanese universities", language_code="en", chat_id=43)
    assert reply == (
        "No universities in 🇯🇵 Japan among the partners in the news yet. All partners: /partners"
    ), reply
    assert "reply_markup" not in app.api.sent_messages(43)[-1].params


async def test_a_kinds_pages_stay_that_kind(app: App) -> None:
    """Page 2 of a kind's list is still that kind (and country): the page buttons carry both,
    within Telegram's 64 bytes; page buttons sent before kinds still turn the plain list."""
    await partners_of_kinds(app, companies=13)
    reply = await app.ask("/partners китайские компании")
    assert reply.startswith("Компании: 🇨🇳 Китай (всего 13)"), reply
    message = app.api.sent_messages(42)[-1]
    nav = message.params["reply_markup"]["inline_keyboard"][-1]
    assert [b["text"] for b in nav] == ["1/2", "▶"]
    assert all(len(b["callback_data"].encode()) <= 64 for b in nav), nav
    edited = await next_page(app, message, nav)
    assert edited.ok and (edited.rendered or "").startswith("Компании: 🇨🇳 Китай (всего 13)")
    assert len(listed(edited.rendered or "")) == 3, edited.rendered
    assert all(name.startswith("Шелковая компания") for name in listed(edited.rendered or ""))
    # A button of the old shape ("pp:PAGE:COUNTRY") still turns pages of the country.
    app.api.push_callback_query(
        "pp:0:KZ", chat_id=42, user_id=42, message_id=message.result["message_id"]
    )
    await until(lambda: _edited_to(app, "Партнёры: 🇰🇿 Казахстан (всего 2)"))


async def _edited_to(app: App, start: str) -> bool:
    return any((c.rendered or "").startswith(start) for c in app.api.calls_of("editMessageText"))


async def add_companies(app: App, names: list[tuple[str, str | None]], start: int = 0) -> None:
    """Russian companies, each in its own article (keys from `start` on)."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for i, (name, name_en) in enumerate(names, start):
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(f"co{i}", f"Новость {i}", link=f"https://site.test/co{i}")],
            announce=True,
        )  # fmt: skip
        keys = {f"co{i}": name, **({f"coe{i}": name_en} if name_en else {})}
        fact = PartnerInput(name, name_en, (), "RU", "company", keys)
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])


def button_texts(app: App, chat_id: int = 42) -> list[str]:
    markup = app.api.sent_messages(chat_id)[-1].params.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_a_subsidiary_asked_where_only_its_parent_has_a_card(app: App) -> None:
    """`/partners Газпром нефть` with only Gazprom's card said no more than that Gazprom Neft is
    in no news: the parent, another organisation, is offered below as one, in either
    language, for a well-known company and an unknown one alike."""
    await add_companies(app, [("Газпром", "Gazprom"), ("Торвальд", None)])
    reply = await app.ask("/partners Газпром нефть")
    assert reply == (
        "«Газпром нефть» в новостях о партнёрстве пока не встречается. Все партнёры: /partners"
        "\n\nДругие организации, в названии которых есть часть запроса «Газпром нефть»:"
    ), reply
    assert button_texts(app) == ["Газпром"]
    reply = await app.ask("/partners Gazprom Neft", language_code="en", chat_id=43)
    assert reply.startswith("“Gazprom Neft” is in no partnership news yet."), reply
    assert reply.endswith("\n\nOther organisations with part of “Gazprom Neft” in their names:")
    assert button_texts(app, 43) == ["Gazprom"]
    reply = await app.ask("/partners Торвальд-Нефть")
    assert reply.startswith("Не нашёл партнёра по запросу «Торвальд-Нефть»."), reply
    assert reply.endswith("есть часть запроса «Торвальд-Нефть»:"), reply
    assert button_texts(app) == ["Торвальд"]


async def test_a_name_typed_on_the_other_keyboard_layout_is_that_name(app: App) -> None:
    """«/partners Hjcfnjv» (Росатом with the Latin layout on) got «Не нашёл партнёра»;
    «Газпром ytanm», the layout switched mid-way, nothing but Газпром. The keys on the other
    layout are read when they name a partner or a country the text as typed does not."""
    await add_companies(app, [("Росатом", "Rosatom"), ("Газпром", "Gazprom")])
    assert await app.ask("/partners Hjcfnjv") == await app.ask("/partners Росатом")
    assert (await app.ask("/partners Hjcfnjv")).startswith("Росатом\nRosatom"), app
    assert await app.ask("/agreements Hjcfnjv") == await app.ask("/agreements Росатом")
    relative = await app.ask("/partners Газпром нефть")
    assert await app.ask("/partners Газпром ytanm") == relative
    assert await app.ask("/partners Ufpghjv ytanm") == relative
    reply = await app.ask("/partners Uthvfybz", language_code="en", chat_id=43)  # Германия
    assert reply == "No partners in 🇩🇪 Germany in the news yet. All countries: /countries", reply
    # Letters that name nothing on either layout are answered as typed.
    reply = await app.ask("/partners Zorblax", language_code="en", chat_id=43)
    assert reply == "No partner matches “Zorblax”. All partners: /partners", reply


async def test_a_companys_legal_form_or_type_word_is_no_word_of_a_relative(app: App) -> None:
    """«/partners АО «Торвальд Нефть»», «компания Торвальд Нефть», "Torvald Neft JSC" are that
    company's card: the legal form or type word made the card look like a parent and offered it
    as another organisation. A word of a name more («АО Торвальд») still offers, not opens."""
    await add_companies(app, [("Торвальд Нефть", "Torvald Neft")])
    for query in ("АО «Торвальд Нефть»", "компания Торвальд Нефть"):
        reply = await app.ask(f"/partners {query}")
        assert reply.startswith("Торвальд Нефть\nTorvald Neft\n"), (query, reply)
    reply = await app.ask("/partners Torvald Neft JSC", language_code="en", chat_id=43)
    assert reply.startswith("Torvald Neft\nТорвальд Нефть\n"), reply
    reply = await app.ask("/partners АО Торвальд")
    assert reply == "Точно «АО Торвальд» никто не называется. Может быть, вы имели в виду:", reply


async def test_a_parent_asked_where_only_its_subsidiary_has_a_card(app: App) -> None:
    """`/partners Торвальд` opened the card of «Торвальд Нефть», its subsidiary, as if it were
    the one asked for (and "Quillon Energy" the card of Quillon): a company's card with a
    distinguishing word more or less than the query is offered as what it is, never opened.
    With both cards in the registry, each opens its own."""
    await add_companies(app, [("Торвальд Нефть", "Torvald Neft"), ("Квиллон", "Quillon")])
    for query in ("Торвальд", "Torvald"):
        reply = await app.ask(f"/partners {query}")
        assert reply == f"Точно «{query}» никто не называется. Может быть, вы имели в виду:"
        assert button_texts(app) == ["Торвальд Нефть"]
    reply = await app.ask("/partners Quillon Energy", language_code="en", chat_id=43)
    assert reply == "Nothing is named exactly “Quillon Energy”. Did you mean:", reply
    assert button_texts(app, 43) == ["Quillon"]
    await add_companies(app, [("Торвальд", "Torvald"), ("Квиллон Энерджи", "Quillon Energy")], 2)
    assert (await app.ask("/partners Торвальд")).startswith("Торвальд\nTorvald\n")
    assert (await app.ask("/partners Торвальд нефть")).startswith("Торвальд Нефть\n")
    reply = await app.ask("/partners Quillon Energy", language_code="en", chat_id=43)
    assert reply.startswith("Quillon Energy\nКвиллон Энерджи\n"), reply
