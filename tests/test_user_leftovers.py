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
    # Without quote marks the words may stand apart, as before.
    assert set((await app.ask("/search умные материалы")).links) == {
        "https://site.test/near", "https://site.test/apart",
    }  # fmt: skip
    # A phrase with other words: the phrase side by side, the word anywhere.
    reply = await app.ask("/search «новые материалы» химики")
    assert reply.links == ["https://site.test/apart"], reply
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
