"""What a user met in search, subscriptions and curation that was left over from the last
sessions: phrases in quote marks, a word subscription in the user's own letters, a company's
relative never opened as the one asked for, the card's name in /curate, a year said back when
nothing is found, and a programme's year in /agreements."""

from __future__ import annotations

import asyncio

import pytest

from storage.partners import AgreementInput, PartnerInput
from tests.conftest import ADMIN, App, Reply, draft
from tests.test_inline import inline
from tests.test_partner_commands import add_companies, button_texts
from tests.test_search_pages import add_dated, items, keyboard, press

pytestmark = pytest.mark.both_engines


async def test_words_in_quote_marks_are_searched_as_a_phrase(app: App) -> None:
    """«/search "умные материалы"» found news with both words far apart: quote marks (straight,
    «», “”) now ask for the words side by side, in any form of each."""
    await items(
        app,
        ("near", "Лаборатория умных материалов открылась в Политехе",
         "Учёные покажут умные материалы для медицины."),
        ("apart", "Умные сети и новые материалы",
         "Инженеры обсудили умные сети, а химики представили материалы для батарей."),
    )  # fmt: skip
    for query in ('"умные материалы"', "«умные материалы»", "“умные материалы”"):
        reply = await app.ask(f"/search {query}")
        assert reply.startswith("Найдено по запросу «умные материалы»:"), (query, reply)
        assert reply.links == ["https://site.test/near"], (query, reply)
        assert "умные материалы" in reply.styled("bold"), reply.styled("bold")  # the snippet
    # Without quote marks the words may stand apart, as before.
    assert set((await app.ask("/search умные материалы")).links) == {
        "https://site.test/near", "https://site.test/apart",
    }  # fmt: skip
    # Two phrases are said back as typed, each in its quote marks.
    reply = await app.ask('/search "умные сети" и "новые материалы"')
    assert reply.startswith('Найдено по запросу «"умные сети" и "новые материалы"»:'), reply
    assert reply.links == ["https://site.test/apart"], reply
    # A phrase with other words: the phrase side by side, the word anywhere.
    reply = await app.ask("/search «новые материалы» химики")
    assert reply.links == ["https://site.test/apart"], reply
    # Latin letters with marks are the word whole on either engine ("Universität").
    await items(
        app,
        ("graz", "Summer school at Universität Graz", "Students of Universität Graz came."),
        ("wien", "Universität Wien visits", "Guests from Graz and Vienna met the engineers."),
    )  # fmt: skip
    reply = await app.ask('/search "Universität Graz"', language_code="en")
    assert reply.links == ["https://site.test/graz"], reply
    # No news has the words side by side: said so, with the way to the words apart.
    reply = await app.ask("/search «материалы умные»")
    assert reply == (
        "Ничего не нашлось по запросу «материалы умные»: слов в кавычках подряд нет ни в одной "
        "новости. Порознь они есть:"
    ), reply
    [[button]] = keyboard(app)
    assert button["text"] == "🔎 Без кавычек (2)", button
    assert len((await press(app, button["callback_data"])).links) == 2


async def test_a_word_subscription_keeps_the_users_letters(app: App) -> None:
    """`/subscribe Hangzhou` said and listed «hangzhou»: the words are shown as typed, and a
    second subscription in other letters is the same one."""
    assert await app.ask("/subscribe Hangzhou", language_code="en") == (
        "Done, subscribed: word “Hangzhou”."
    )
    again = await app.ask("/subscribe hangzhou", language_code="en")
    assert again.startswith("This chat is already subscribed to:\n• word “Hangzhou”\n"), again
    assert await app.ask("/subscribe Умные Материалы") == (
        "Готово, подписка добавлена: слова «Умные Материалы»."
    )
    listed = await app.ask("/subscriptions")
    assert listed.splitlines()[1:] == ["• слово «Hangzhou»", "• слова «Умные Материалы»"], listed
    assert await app.ask("/unsubscribe HANGZHOU") == "Подписка отменена: слово «Hangzhou»."


async def test_a_relative_company_is_offered_not_opened_by_every_command(app: App) -> None:
    """`/subscribe partner Торвальд`, `/chart Торвальд` and inline mode took «Торвальд Нефть»
    for «Торвальд», which /partners offers as another organisation: they decide as it does."""
    await add_companies(app, [("Торвальд Нефть", "Torvald Neft")])
    reply = await app.ask("/subscribe partner Торвальд")
    assert reply == "Точно «Торвальд» никто не называется. Подписаться на кого-то из этих?", reply
    assert button_texts(app) == ["Торвальд Нефть"]
    assert await app.ask("/subscriptions") == "Подписок нет. Подписаться: /subscribe"
    reply = await app.ask("/chart Torvald", language_code="en")
    assert reply == "Nothing is named exactly “Torvald”. Did you mean:", reply
    assert button_texts(app) == ["Torvald Neft"]
    answer = await inline(app, "Торвальд")
    [card] = [r for r in answer["results"] if r["id"].startswith("p")]
    assert card["title"] == "Торвальд Нефть"
    assert card["description"].startswith("Точно «Торвальд» никто не называется · "), card
    # An operator's change goes to no relative either; a question names it no more.
    reply = await app.ask("/curate hide Торвальд", chat_id=ADMIN)
    assert reply == (
        "«Торвальд» точно не называет одного партнёра. Укажите номер, например: "
        "/curate hide #1\n#1 Торвальд Нефть"
    ), reply
    await app.ask("Торвальд")
    assert not any("Торвальд Нефть" in label for label in button_texts(app)), button_texts(app)
    # The company's own name still opens it everywhere.
    assert (await app.ask("/subscribe partner Торвальд Нефть")) == (
        "Готово, подписка добавлена: партнёр «Торвальд Нефть»."
    )
    [card] = [r for r in (await inline(app, "Торвальд Нефть"))["results"] if r["id"][0] == "p"]
    assert card["description"].startswith("Torvald Neft · "), card


async def confirm(app: App, chat_id: int = ADMIN, language_code: str = "ru") -> Reply:
    """Press "yes" under the operator's last message; the text it is edited to."""
    [[yes, _]] = app.api.sent_messages(chat_id)[-1].params["reply_markup"]["inline_keyboard"]
    edits = len(app.api.calls_of("editMessageText"))
    message_id = app.api.sent_messages(chat_id)[-1].result["message_id"]
    app.api.push_callback_query(
        yes["callback_data"], chat_id=chat_id, user_id=chat_id, message_id=message_id,
        language_code=language_code,
    )  # fmt: skip
    for _ in range(200):
        edited = app.api.calls_of("editMessageText")
        if len(edited) > edits:
            return Reply(edited[-1].rendered or "")
        await asyncio.sleep(0.025)
    raise AssertionError("the confirmation was not answered")


async def test_curation_names_a_partner_as_its_card_does(app: App) -> None:
    """/curate said «Университет Тестового Города» to an English operator whose card reads
    "Test City University", and "Leibniz University Hannover" to a Russian one whose card reads
    «Университет Лейбница»: each message names the partner as the card does."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    test_city = {"tc": "Университет Тестового Города", "tce": "Test City University"}
    leibniz = {"lh": "Leibniz University Hannover", "lu": "Университет Лейбница"}
    cards = [
        PartnerInput("Университет Тестового Города", "Test City University", (), "RU",
                     "university", test_city),
        PartnerInput("Leibniz University Hannover", None, ("Университет Лейбница",), "DE",
                     "university", leibniz),
    ]  # fmt: skip
    for i, fact in enumerate(cards):
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(f"c{i}", f"Новость {i}", link=f"https://site.test/c{i}")],
            announce=True,
        )  # fmt: skip
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])
    en = {"chat_id": ADMIN, "language_code": "en"}
    card = await app.ask("/partners Университет Тестового Города", **en)
    assert card.startswith("Test City University\n"), card
    ask = await app.ask("/curate country Test City University => KZ", **en)
    assert ask == "Set the country of “Test City University” (#1) to 🇰🇿 Kazakhstan?", ask
    done = await confirm(app, language_code="en")
    assert done == "Done: the country of “Test City University” (#1) is 🇰🇿 Kazakhstan.", done
    ask = await app.ask("/curate merge Test City University => Leibniz University Hannover", **en)
    assert ask == (
        "Merge “Test City University” (#1) into “Leibniz University Hannover” (#2)? Mentions "
        "and subscriptions move to “Leibniz University Hannover”."
    ), ask
    card = await app.ask("/partners Leibniz University Hannover", chat_id=ADMIN)
    assert card.startswith("Университет Лейбница\n"), card
    ask = await app.ask("/curate hide Leibniz University Hannover", chat_id=ADMIN)
    assert ask.startswith("Скрыть «Университет Лейбница» (#2)"), ask
    assert (await confirm(app)).startswith("Готово: «Университет Лейбница» (#2) скрыт"), "hidden"
    listed = await app.ask("/curate show", chat_id=ADMIN)
    assert listed.endswith("\n#2 Университет Лейбница"), listed
    said = await app.ask("/curate hide Leibniz University Hannover", chat_id=ADMIN)
    assert said.startswith("«Университет Лейбница» (#2) скрыт как не партнёр."), said


async def test_a_year_that_finds_nothing_is_said_back(app: App) -> None:
    """`/search гиперзвук 2023` with no news of that word in any year said nothing found for
    «гиперзвук» as if no year had been asked: the year is said, in either language; where the
    words are found in other years, a button to them, as before."""
    await add_dated(app, [("s19", "Стажировка студентов в Лионе", 2019)], ": месяц в лаборатории.")
    reply = await app.ask("/search гиперзвук 2023")
    assert reply == "Ничего не нашлось по запросу «гиперзвук» среди новостей 2023 года.", reply
    reply = await app.ask("/search hypersonic in 2023", language_code="en")
    assert reply == "Nothing found for “hypersonic” among the news of 2023.", reply
    # Words no news has together in any year: each word's button, the year said.
    reply = await app.ask("/search гиперзвук стажировка 2023")
    assert reply.startswith(
        "Ничего не нашлось по запросу «гиперзвук стажировка» среди новостей 2023 года: "
    ), reply
    [[button]] = keyboard(app)
    assert button["text"] == "🔎 стажировка — новостей: 1", button
    assert "Лионе" in await press(app, button["callback_data"])


async def test_a_programmes_year_in_agreements_is_its_name(app: App) -> None:
    """`/agreements Horizon 2020` kept the documents of 2020 about any «horizon» (none): a year
    the stored news write right after the word is the name's, as /search reads it, and the
    programme's documents of every year are listed. A year no news writes so is a period."""
    await add_dated(
        app,
        [
            ("h19", "Politech joins a Horizon 2020 project on batteries", 2019),
            ("h21", "Final report of the Horizon 2020 consortium", 2021),
            ("h20", "A new horizon for robotics", 2020),
        ],
        ". Engineers of the university took part.",
    )
    rows = await app.services.news.db.fetchall("SELECT id, guid FROM news ORDER BY id")
    for row in rows:
        key = str(row["guid"])
        fact = PartnerInput(f"Partner {key}", None, (), "DE", "university", {key: key})
        agreement = AgreementInput("agreement", f"on project {key}", None, (0,))
        await app.services.partners.replace_facts(int(row["id"]), True, [(None, fact)],
                                                  [agreement])  # fmt: skip
    reply = await app.ask("/agreements Horizon 2020", language_code="en")
    assert reply.startswith("Agreements for “Horizon 2020” (2):"), reply
    assert "h19" in reply and "h21" in reply and "h20" not in reply, reply
    reply = await app.ask("/agreements robotics 2020", language_code="en")
    assert reply.startswith("Agreements of 2020 for “robotics” (1):"), reply
