"""What a reader meets in /search beyond the first answer: more pages, a partner's names in
the other language said to be searched, and a typo answered with the nearest word."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.facts.service import PartnerInput
from tests.conftest import App, Reply, draft
from tests.instances import longest_stall

pytestmark = pytest.mark.both_engines


async def items(app: App, *texts: tuple[str, str, str]) -> list[int]:
    """News items (key, title, body), one an hour apart, newest last."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    ids = []
    for key, title, body in texts:
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(key, title, body=body, link=f"https://site.test/{key}")],
            announce=True,
        )  # fmt: skip
        ids.append(news_id)
    return ids


def keyboard(app: App, chat_id: int = 42) -> list[list[dict[str, Any]]]:
    markup = app.api.sent_messages(chat_id)[-1].params.get("reply_markup") or {}
    return list(markup.get("inline_keyboard", []))


async def press(app: App, data: str) -> Reply:
    """Press a button under the last message in chat 42; the message it edits or sends."""
    edits = len(app.api.calls_of("editMessageText"))
    sent = len(app.api.sent_messages(42))
    message_id = app.api.sent_messages(42)[-1].result["message_id"]
    app.api.push_callback_query(data, chat_id=42, user_id=42, message_id=message_id)
    for _ in range(200):
        edited = app.api.calls_of("editMessageText")
        if len(edited) > edits:
            assert edited[-1].ok, edited[-1].error
            return Reply(edited[-1].rendered or "", edited[-1].result.get("entities"))
        if len(app.api.sent_messages(42)) > sent:
            call = app.api.sent_messages(42)[-1]
            assert call.ok, call.error
            return Reply(call.rendered or "", call.result.get("entities"))
        await asyncio.sleep(0.025)
    raise AssertionError(f"nothing answered the button {data!r}")


async def test_search_results_page_on_past_the_first_five(app: App) -> None:
    """/search showed five results and no way to the sixth."""
    body = "Студенты прошли стажировку в лаборатории {}."
    await items(app, *[(f"i{i}", f"Стажировка номер {i}", body.format(i)) for i in range(12)])
    first = await app.ask("/search стажировка")
    assert first.startswith("Найдено по запросу «стажировка»:") and len(first.links) == 5
    [nav] = keyboard(app)
    assert [b["text"] for b in nav] == ["1/3", "▶"]
    assert all(len(b["callback_data"].encode()) <= 64 for b in nav)
    second = await press(app, nav[-1]["callback_data"])
    assert second.startswith("Найдено по запросу «стажировка»:") and len(second.links) == 5
    [nav] = app.api.calls_of("editMessageText")[-1].params["reply_markup"]["inline_keyboard"]
    assert [b["text"] for b in nav] == ["◀", "2/3", "▶"]
    third = await press(app, nav[-1]["callback_data"])
    assert len(third.links) == 2
    seen = first.links + second.links + third.links
    assert len(set(seen)) == 12  # every item once
    # A long query's words all travel in the button, in either script.
    reply = await app.ask("/search стажировка номер в лаборатории")
    assert len(reply.links) == 5
    [nav] = keyboard(app)
    assert len((await press(app, nav[-1]["callback_data"])).links) == 5


async def harbin(app: App) -> None:
    """A partner known by a Russian and an English name, an article in each language."""
    ids = await items(
        app,
        ("en", "Harbin Institute of Technology hosts a robotics school",
         "Students of Harbin Institute of Technology and SPbPU built robots together."),
        ("ru", "Делегация Харбинского политехнического университета посетила Политех",
         "Гости обсудили совместную магистратуру по робототехнике."),
    )  # fmt: skip
    known = None
    for news_id in ids:
        fact = PartnerInput(
            "Харбинский политехнический университет", "Harbin Institute of Technology",
            ("HIT",), "CN", "university", {"x": "Харбинский политехнический университет"},
        )  # fmt: skip
        [known] = await app.services.partners.replace_facts(news_id, True, [(known, fact)], [])


async def test_a_partners_name_finds_its_news_in_both_languages_and_says_so(app: App) -> None:
    """«Харбин» found the English article only through the partner's other names, and the
    reply did not say the search had been widened to them."""
    await harbin(app)
    reply = await app.ask("/search Харбин")
    assert reply.startswith(
        "Найдено по запросу «Харбин» и другим названиям партнёра "
        "«Харбинский политехнический университет», на русском и английском:"
    ), reply
    assert set(reply.links) == {"https://site.test/en", "https://site.test/ru"}
    reply = await app.ask("/search Harbin", language_code="en")
    assert reply.startswith(
        "Results for “Harbin” and the other names of the partner “Harbin Institute of "
        "Technology”, in English and Russian:"
    ), reply
    assert set(reply.links) == {"https://site.test/en", "https://site.test/ru"}
    # A word that names no one partner is searched as a word, and said as before.
    reply = await app.ask("/search робототехнике")
    assert reply.startswith("Найдено по запросу «робототехнике»:"), reply


async def test_a_mistyped_word_is_answered_with_the_nearest_one(app: App) -> None:
    """«сотрудничесто» answered "nothing found" and nothing more."""
    await items(
        app,
        ("a", "Политех и Университет Лагоса расширяют сотрудничество",
         "Сотрудничество в области энергетики продолжится."),
        ("b", "Новое соглашение о сотрудничестве", "Стороны подписали соглашение."),
    )  # fmt: skip
    reply = await app.ask("/search сотрудничесто")
    assert reply == (
        "Ничего не нашлось по запросу «сотрудничесто». Возможно, вы имели в виду «сотрудничество»?"
    ), reply
    [[button]] = keyboard(app)
    assert button["text"] == "🔎 Искать «сотрудничество»"
    found = await press(app, button["callback_data"])
    assert found.startswith("Найдено по запросу «сотрудничество»:") and len(found.links) == 2
    # The word spelled right stays; only the mistyped one is replaced.
    reply = await app.ask("/search сотрудничество энергетки", language_code="en")
    assert reply == (
        "Nothing found for “сотрудничество энергетки”. Did you mean “сотрудничество энергетики”?"
    ), reply
    # Nothing near: nothing suggested, no button.
    assert await app.ask("/search квазары") == "Ничего не нашлось по запросу «квазары»."
    assert keyboard(app) == []


async def test_a_long_query_with_letters_beyond_russian_and_english_turns_its_own_pages(
    app: App,
) -> None:
    """A query too long for a page button as typed travelled packed as its Russian and English
    letters only: «лаборатории № 5 «Альфа»» came back as "лаборатории 5 Альфа" (and
    «Universität» as "Universit t"), so the second page searched other words than the first
    and showed them in its title."""
    body = "Стажировка студентов прошла в лаборатории № 5 «Альфа», группа {}."
    await items(app, *[(f"m{i}", f"Стажировка {i}", body.format(i)) for i in range(7)])
    query = "стажировка студентов в лаборатории № 5 «Альфа»"
    first = await app.ask(f"/search {query}")
    assert first.startswith(f"Найдено по запросу «{query}»:") and len(first.links) == 5
    [nav] = keyboard(app)
    assert all(len(b["callback_data"].encode()) <= 64 for b in nav)
    second = await press(app, nav[-1]["callback_data"])
    assert second.startswith(f"Найдено по запросу «{query}»:") and len(second.links) == 2


async def test_a_query_of_many_mistyped_words_does_not_stall_the_bot(app: App) -> None:
    """Each word of a query no news item uses was compared with every word the news use, on the
    event loop: forty such words took the bot away from every other chat for seconds."""
    rng = random.Random(7)
    letters = "абвгдежзиклмнопрстуфхцчшэюя"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(5, 11)))

    bodies = [" ".join(word() for _ in range(600)) for _ in range(50)]
    await items(app, *[(f"v{i}", f"Сводка {i}", body) for i, body in enumerate(bodies)])
    typos = " ".join(f"щ{word()}" for _ in range(30))[:200]
    stall = asyncio.create_task(longest_stall())
    reply = await app.ask(f"/search {typos}")
    stall.cancel()
    assert reply.startswith("Ничего не нашлось по запросу")
    longest = await stall
    # The old code paused the loop for seconds here; 0.32 s was seen once on CI's two shared
    # cores with this code, so the bound leaves room for a loaded machine.
    assert longest < 0.6, longest


async def test_words_no_article_has_together_are_offered_one_by_one(app: App) -> None:
    """«лаборатория Китай» answered "nothing found" though each word was in the news: the reader
    had no way to see that the words were there, only not in one article."""
    await items(
        app,
        ("l1", "Открыта лаборатория робототехники", "В лаборатории будут работать студенты."),
        ("l2", "Лаборатория сварки получила оборудование", "Лаборатория расширилась."),
        ("c1", "Делегация из Китая посетила Политех", "Гости из Китая обсудили обмены."),
    )  # fmt: skip
    reply = await app.ask("/search лаборатория Китай")
    assert reply == (
        "Ничего не нашлось по запросу «лаборатория Китай»: ни в одной новости нет всех этих "
        "слов сразу. Поищите по одному:"
    ), reply
    rows = keyboard(app)
    assert [b["text"] for [b] in rows] == ["🔎 лаборатория — новостей: 2", "🔎 Китай — новостей: 1"]
    found = await press(app, rows[1][0]["callback_data"])
    assert found.startswith("Найдено по запросу «Китай»:") and found.links == [
        "https://site.test/c1"
    ]
    # A word no article has, beside one some have: only the one that finds something.
    reply = await app.ask("/search квазары лаборатория", language_code="en")
    assert reply.startswith("Nothing found for “квазары лаборатория”: no article has"), reply
    assert [b["text"] for [b] in keyboard(app)] == ["🔎 лаборатория — articles: 2"]
    # One word found nowhere: the plain reply, no buttons.
    assert await app.ask("/search квазары") == "Ничего не нашлось по запросу «квазары»."
    assert keyboard(app) == []


async def test_a_word_in_one_article_is_no_plural_in_english(app: App) -> None:
    """ "🔎 China: 1 articles": a word offered alone, found in one article."""
    await items(
        app,
        ("l1", "Laboratory of robotics opened", "Students will work in the laboratory."),
        ("c1", "Delegation from China visited SPbPU", "Guests discussed exchanges."),
    )  # fmt: skip
    await app.ask("/search laboratory China", language_code="en")
    labels = [b["text"] for [b] in keyboard(app)]
    assert labels and not any(label.endswith(" 1 articles") for label in labels), labels


async def add_dated(app: App, dated: list[tuple[str, str, int]], tail: str) -> None:
    """One announced item a (key, title, year), published on 1 June of its year; its body is
    the title and `tail`."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for key, title, year in dated:
        published = datetime(year, 6, 1, 9, 0, tzinfo=UTC)
        item = draft(key, title, body=title + tail, link=f"https://site.test/{key}",
                     published=published)  # fmt: skip
        await app.services.news.add_new(feed.id, [item], announce=True)


async def test_a_year_in_a_search_narrows_it_to_that_years_news(app: App) -> None:
    """«/search стажировка 2019-2020» and "/search internship 2024" were searched as words:
    "no article has all of these words", and buttons to search «2019» alone. A year or a range
    is now the news of those years, said in the heading; none then: a button to every year."""
    await add_dated(
        app,
        [
            ("y18", "Стажировка инженеров в Гамбурге", 2018),
            ("y19", "Стажировка студентов в Лионе", 2019),
            ("y20", "Стажировка аспирантов в Турине", 2020),
            ("y23", "Internship of engineers in Lyon", 2023),
        ],
        ": участники провели месяц в лабораториях партнёров.",
    )
    reply = await app.ask("/search стажировка 2019-2020")
    assert reply.startswith("Найдено по запросу «стажировка» (новости 2019–2020 годов):"), reply
    assert "Лионе" in reply and "Турине" in reply and "Гамбурге" not in reply, reply
    reply = await app.ask("/search стажировки в 2018 году")
    assert reply.startswith("Найдено по запросу «стажировки» (новости 2018 года):"), reply
    assert "Гамбурге" in reply and "Лионе" not in reply, reply
    english = await app.ask("/search internship since 2021", language_code="en")
    assert english.startswith("Results for “internship” (news since 2021):"), english
    assert "Lyon" in english, english
    # None in the years asked for: said so, with the way to the other years.
    none = await app.ask("/search internship 2024", language_code="en")
    assert none == "Nothing found for “internship” among the news of 2024.", none
    [[button]] = keyboard(app)
    assert button["text"] == "🔎 In all years (1)", button
    found = await press(app, button["callback_data"])
    assert found.startswith("Найдено по запросу «internship»:") and "Lyon" in found, found
    # A year alone is still searched for as a word.
    assert (await app.ask("/search 2019")).startswith("Ничего не нашлось по запросу «2019»")


async def test_a_year_in_a_programmes_name_is_no_period(app: App) -> None:
    """«/search Horizon 2020» kept the news of 2020 about any «horizon» and lost the programme's
    news of other years; a year the news write right after the word before it is the name's.
    A year no news writes so is still a period."""
    await add_dated(
        app,
        [
            ("h19", "Politech joins a Horizon 2020 project on batteries", 2019),
            ("h21", "Final report of the Horizon 2020 consortium", 2021),
            ("h20", "A new horizon for robotics", 2020),
        ],
        ". Engineers of the university took part.",
    )
    reply = await app.ask("/search Horizon 2020", language_code="en")
    assert "batteries" in reply and "Final report" in reply, reply
    assert "robotics" not in reply and "news of 2020" not in reply, reply
    reply = await app.ask("/search robotics 2020", language_code="en")
    assert reply.startswith("Results for “robotics” (news of 2020):"), reply
