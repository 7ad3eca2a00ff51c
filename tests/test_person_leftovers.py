"""What a person still met after the last round: well-known abbreviations that found no card,
"Uni" taken for a Peruvian university, consulates in English in a Russian reply, the other
keyboard layout read by some commands only, a Latin "C" turned Cyrillic, a future year read
as a word, and free text answered with the list of commands first."""

from __future__ import annotations

import pytest

from storage.partners import PartnerInput
from tests.conftest import App, draft
from tests.test_export import documents
from tests.test_inline import inline
from tests.test_partner_commands import button_texts
from tests.test_pictures import photo_reply
from tests.test_search_pages import items

pytestmark = pytest.mark.both_engines


async def cards(app: App, rows: list[tuple[str, str, str]]) -> None:
    """Partners (name, country, kind), each in its own article, named in it as given."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for i, (name, country, kind) in enumerate(rows):
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(f"p{i}", f"Визит {i}", link=f"https://site.test/p{i}")],
            announce=True,
        )  # fmt: skip
        fact = PartnerInput(name, None, (), country, kind, {f"p{i}": name})
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])


async def test_russian_abbreviations_meet_the_card_named_otherwise(app: App) -> None:
    """`/partners СПбГУ` said Saint Petersburg State University was in no news while the card
    "St. Petersburg University" was; "SPbU" found nothing. «СПб» and the initials of the rest
    of a name are read in either script, and a well-known organisation meets the one card its
    full names find with no word of the card's own left over."""
    await cards(
        app,
        [
            ("St. Petersburg University", "RU", "university"),
            ("State Marine Technical University of St. Petersburg", "RU", "university"),
        ],
    )
    for query, lang in (("СПбГУ", "ru"), ("SPbU", "en"), ("SPbGU", "en"), ("SPbSU", "en")):
        reply = await app.ask(f"/partners {query}", language_code=lang)
        assert reply.startswith("St. Petersburg University\n"), (query, reply)
    reply = await app.ask("/partners Санкт-Петербургский государственный университет")
    assert reply.startswith("St. Petersburg University\n"), reply
    # The other university of the city is not opened for it.
    reply = await app.ask("/partners SPbSMTU", language_code="en")
    assert not reply.startswith("St. Petersburg University\n"), reply


async def test_a_company_written_as_one_word_is_offered_for_its_two(app: App) -> None:
    """`/partners Gazprom Neft` with no card of that name offered only Gazprom, the parent: the
    card «Газпромнефть - Промышленные инновации», the query's words written as one and a word
    more, is another organisation of that name too, offered below in either language."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for i, (name, name_en) in enumerate(
        [("Газпром", "Gazprom"), ("Газпромнефть - Промышленные инновации", None)]
    ):
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(f"g{i}", f"Визит {i}", link=f"https://site.test/g{i}")],
            announce=True,
        )  # fmt: skip
        fact = PartnerInput(name, name_en, (), "RU", "company", {f"g{i}": name})
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])
    reply = await app.ask("/partners Gazprom Neft", language_code="en")
    assert reply.startswith("“Gazprom Neft” is in no partnership news yet."), reply
    assert button_texts(app) == ["Gazprom", "Gazpromneft - Promyshlennyye Innovatsii"]
    await app.ask("/partners Газпром нефть")
    assert button_texts(app) == ["Газпром", "Газпромнефть - Промышленные инновации"]


async def test_uni_typed_asks_which_university(app: App) -> None:
    """`/partners Uni` read "Uni" as the Peruvian university's abbreviation "UNI": a type word
    shortened in small letters only may be it, among the universities it may mean; "UNI" in
    capitals said the well-known university was in no news over its card."""
    await cards(
        app,
        [
            ("Universidad Nacional de Ingeniería (UNI)", "PE", "university"),
            ("Universität Stuttgart", "DE", "university"),
        ],
    )
    reply = await app.ask("/partners Uni", language_code="en")
    assert reply == "Which one do you mean?", reply
    assert set(button_texts(app)) == {
        "Universidad Nacional de Ingeniería (UNI)", "Universität Stuttgart",
    }  # fmt: skip
    # In capitals it is the abbreviation, the card that writes it in brackets.
    reply = await app.ask("/partners UNI", language_code="en")
    assert reply.startswith("Universidad Nacional de Ingeniería (UNI)\n"), reply
    reply = await app.ask("/partners Uni Stuttgart", language_code="en")
    assert reply.startswith("Universität Stuttgart\n"), reply


async def test_a_mission_named_in_english_is_read_in_russian(app: App) -> None:
    """A consulate named in English only was shown in English in Russian lists and cards: a
    Russian reader reads it in Russian, the English name under it on the card; a name the bot
    cannot render whole stays in English, never half translated."""
    await cards(
        app,
        [
            ("Consulate General of China in St. Petersburg", "CN", "government"),
            ("Russian Embassy in Spain", "ES", "government"),
            ("Bavarian Ministry of Economy and Technologies", "DE", "government"),
        ],
    )
    listed = await app.ask("/partners Китай")
    assert "• Генеральное консульство Китая в Санкт-Петербурге — 1" in listed, listed
    card = await app.ask("/partners Consulate General of China in St. Petersburg")
    assert card.startswith(
        "Генеральное консульство Китая в Санкт-Петербурге\n"
        "Consulate General of China in St. Petersburg (так в новостях; русское название "
        "выше — перевод бота)\n"
    ), card
    # The name read finds the card again; an English reader reads the English.
    card = await app.ask("/partners Генеральное консульство Китая в Санкт-Петербурге")
    assert card.startswith("Генеральное консульство Китая в Санкт-Петербурге\n"), card
    card = await app.ask("/partners Посольство России в Испании")
    assert card.startswith("Посольство России в Испании\n"), card
    english = await app.ask("/partners Spain", language_code="en")
    assert "• Russian Embassy in Spain — 1" in english, english
    listed = await app.ask("/partners Германия")
    assert "• Bavarian Ministry of Economy and Technologies — 1" in listed, listed


async def test_the_other_keyboard_layout_is_read_wherever_a_name_is_typed(app: App) -> None:
    """«Ufpghjv ytanm» («Газпром нефть» on the QWERTY layout) opened the card in /partners but
    found nothing in /subscribe partner, /chart, /search, /export, inline mode and free text."""
    await cards(app, [("Газпром нефть", "RU", "company")])
    await items(app, ("h2", "Водородная энергетика в Политехе", "Учёные обсудили водород."))
    typed = "Ufpghjv ytanm"
    reply = await app.ask(f"/subscribe partner {typed}")
    assert reply == "Готово, подписка добавлена: партнёр «Газпром нефть».", reply
    chart = await photo_reply(app, f"/chart {typed}")
    assert "Газпром нефть" in str(chart.params.get("caption")), chart.params
    reply = await app.ask("/search djljhjl")
    assert reply.startswith("Найдено по запросу «водород»:"), reply
    answer = await inline(app, typed)
    assert [r["title"] for r in answer["results"] if r["id"].startswith("p")] == ["Газпром нефть"]
    await app.ask(typed)
    assert button_texts(app)[0] == "🤝 Газпром нефть", button_texts(app)
    [first, *_] = await documents(app, f"/export {typed}", 42, 3)
    assert (first.rendered or "").startswith("Выгрузка по запросу «Газпром нефть»"), first.rendered
    # Words the news have as typed stay as typed.
    await items(app, ("vb", "Lbtkm и электромобили", "Инженеры показали Lbtkm."))
    reply = await app.ask("/search Lbtkm")
    assert reply.startswith("Найдено по запросу «Lbtkm»:"), reply


async def test_a_latin_capital_alone_is_not_made_cyrillic(app: App) -> None:
    """`/search C язык` (the programming language, a Latin C) became «С язык»: a capital alone
    is a name, left as typed, and any query the news have as typed is searched so."""
    await items(app, ("c", "Курс по языку C для инженеров", "Студенты изучают язык C."))
    reply = await app.ask("/search C язык")
    assert reply.startswith("Найдено по запросу «C язык»:"), reply
    assert "С язык" not in reply, reply
    # A small letter as well, where the news have the words as typed.
    reply = await app.ask("/search c язык")
    assert reply.startswith("Найдено по запросу «c язык»:"), reply


async def test_a_year_yet_to_come_or_long_gone_says_so(app: App) -> None:
    """`/agreements 2030` said no agreements were found for «2030», as if it were a word: a
    year yet to come has none yet, a year before any news none in them, though a news item
    writes the number («программа до 2030 года»)."""
    await items(app, ("s", "Программа развития до 2030 года", "Политех принял программу."))
    reply = await app.ask("/agreements 2030")
    assert reply == (
        "Соглашений 2030 года пока нет: этот год ещё не наступил. Все соглашения: /agreements"
    ), reply
    reply = await app.ask("/agreements in 2030", language_code="en")
    assert reply == (
        "No agreements of 2030 yet: that year is still to come. All agreements: /agreements"
    ), reply
    reply = await app.ask("/agreements меморандумы 2031")
    assert reply.startswith("Меморандумов 2031 года пока нет"), reply
    reply = await app.ask("/agreements 1850")
    assert reply.startswith("Соглашений 1850 года нет: новости, которые читает бот,"), reply


async def test_free_text_leads_with_its_answer(app: App) -> None:
    """Every reply to free text began with «Я понимаю команды …», the answer (a country's
    partners, a partner's card) a paragraph below; «привет» got the list alone, and «как
    подписаться на новости?» a search for «как подписаться на»."""
    await cards(app, [("Университет Цинхуа", "CN", "university")])
    reply = await app.ask("партнёры в Китае")
    assert reply.startswith("Партнёры из страны 🇨🇳 Китай — первой кнопкой ниже."), reply
    reply = await app.ask("Цинхуа")
    assert reply.startswith("Карточка партнёра «Университет Цинхуа» — первой кнопкой ниже."), reply
    assert button_texts(app)[0] == "🤝 Университет Цинхуа"
    for greeting in ("привет", "Ghbdtn"):  # the latter on the other keyboard layout
        reply = await app.ask(greeting)
        assert reply.startswith("Здравствуйте! Я слежу за новостями Политеха"), (greeting, reply)
    reply = await app.ask("спасибо!")
    assert reply.startswith("Пожалуйста!"), reply
    reply = await app.ask("как подписаться на новости?")
    assert reply.startswith("Подписаться: кнопками ниже"), reply
    assert button_texts(app) == ["🤝 Только о партнёрстве", "📰 Все новости"]
    reply = await app.ask("how do I unsubscribe?", language_code="en")
    assert reply.startswith("To unsubscribe from everything: /unsubscribe"), reply
    # Only a search to offer: what the bot can do comes first, as before.
    reply = await app.ask("что было на Алтае?")
    assert reply.startswith("Я понимаю команды"), reply
