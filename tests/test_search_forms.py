"""/search finds every form of a query's words, on both engines.

Snowball cuts endings without a dictionary, so some forms of one word get different stems
(«диплом» → «дипл», «диплома» → «диплом»); a query word stands for the stems of all its forms.
"""

from __future__ import annotations

import pytest

from bot.text.i18n import t
from bot.text.stems import query_groups, says_something, search_stems, stem_word
from storage.db import Database
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.search import build_match, build_tsquery
from tests.conftest import App, draft

pytestmark = pytest.mark.both_engines


def test_snowball_splits_these_forms_and_the_query_groups_join_them() -> None:
    for one, other in (("диплом", "диплома"), ("Китай", "Китая"), ("визит", "визита")):
        assert stem_word(one) != stem_word(other)  # the problem, as Snowball has it
        for query in (one, other):
            [group] = query_groups(query)
            assert {stem_word(one), stem_word(other)} <= {stem for stem, _ in group}


def test_query_groups_keep_to_the_word() -> None:
    # Unknown words, Latin words and numbers are their own stem only.
    assert query_groups("Цинхуа Tsinghua 2024") == [
        ((stem_word("Цинхуа"), "цинхуа"),),
        (("tsinghua", "tsinghua"),),
        (("2024", "2024"),),
    ]
    # Function words do not grow into other pronouns or prepositions.
    assert query_groups("они о") == [((stem_word("они"), "они"),), (("о", "о"),)]
    # A comparative of another root is another word: «высокий» does not find «высший».
    assert stem_word("высшего") not in search_stems("высокий")
    # One-letter forms match stray letters: «быть» has «был», «будет», but not «е».
    assert {"был", "будет"} <= set(search_stems("быть")) and "е" not in search_stems("быть")
    # Repeated words count once; at most 12 words.
    assert len(query_groups("диплом диплома дипломы")) == 1
    assert len(query_groups(" ".join(f"слово{i}" for i in range(40)))) == 12


@pytest.mark.parametrize(
    "query",
    ['"двойной" OR диплом', "NEAR(диплом, 2)", "диплом*", "-диплом", "диплом AND NOT Китай"],
)
def test_expressions_never_carry_user_syntax(query: str) -> None:
    match = build_match(query)
    assert match is not None and "*" not in match and "NEAR" not in match
    built = build_tsquery(query)
    assert built is not None
    sql, params = built
    assert "диплом" in params and all(p not in sql for p in params)


async def _store(db: Database, news: NewsRepository | None = None) -> NewsRepository:
    news = news or NewsRepository(db)
    [feed] = await FeedRepository(db).ensure(["http://a.test/rss"])
    await news.add_new(
        feed.id,
        [
            draft(
                "deg",
                "Новая магистратура",
                link="http://a.test/deg",
                body="Студенты получат два диплома: двойного диплома программа открыта.",
            ),
            draft("cn", "Гости из Китая", body="Делегация провела переговоры."),
            draft("visit", "Итоги", body="В ходе визита подписан план работ."),
            draft("other", "Спорт", body="Команда выиграла кубок по плаванию."),
        ],
        announce=False,
    )
    return news


async def test_repository_search_finds_other_forms(db: Database) -> None:
    news = await _store(db)
    assert [h.item.key for h in await news.search("двойной диплом")] == ["deg"]
    assert [h.item.key for h in await news.search("дипломы")] == ["deg"]
    assert [h.item.key for h in await news.search("Китай")] == ["cn"]
    assert [h.item.key for h in await news.search("визит")] == ["visit"]
    # Words are still AND-ed: a form of each must be there.
    assert await news.search("диплом Китай") == []
    # A stop word stays out on PostgreSQL (as before), whatever its other forms.
    if db.engine == "postgresql":
        assert [h.item.key for h in await news.search("быть диплом")] == ["deg"]
    # A partner's other names still widen the query.
    found = await news.search("Цинхуа", alternatives=["визит"])
    assert [h.item.key for h in found] == ["visit"]


@pytest.mark.parametrize(
    "query",
    [
        '"двойной" OR "диплом"',
        '"двойной диплом"',
        "NEAR(диплом",
        "диплом*",
        "и",
        "о и в",
        "the of",
        "ё" * 3000,
    ],
)
async def test_repository_search_survives_operators_and_stop_words(
    db: Database, query: str
) -> None:
    news = await _store(db)
    hits = await news.search(query)
    assert isinstance(hits, list)
    if "диплом" in query and "OR" not in query and "NEAR" not in query:
        assert [h.item.key for h in hits] == ["deg"]


async def test_search_command_finds_and_marks_another_form(app: App) -> None:
    await _store(app.services.news.db, app.services.news)
    reply = await app.ask("/search двойной диплом")
    assert reply.startswith("Найдено по запросу «двойной диплом»")
    assert len(reply.links) == 1
    assert "диплома" in reply.styled("bold")  # the form in the article is highlighted
    reply = await app.ask("/search Китай", language_code="en")
    assert reply.startswith("Results for") and "Гости из Китая" in reply
    for hostile in ('"двойной" OR "диплом"', "NEAR(диплом", "и", "о и в", "диплом " * 500):
        reply = await app.ask(f"/search {hostile}")
        assert reply and reply != t("ru", "error")  # a clear answer, never a crash


def test_function_words_alone_say_nothing() -> None:
    for text in ("и", "и в по", "это", "не так", "The of", "of the and"):
        assert not says_something(text), text
    for text in ("Цинхуа", "и Цинхуа", "2024", "of China", "договор", "дипломы"):
        assert says_something(text), text


async def test_function_words_alone_get_a_clear_reply_on_both_engines(app: App) -> None:
    await _store(app.services.news.db, app.services.news)
    reply = await app.ask("/search и в по")
    assert reply.startswith("В запросе «и в по» только служебные слова")
    assert "/search соглашение Китай" in reply
    reply = await app.ask("/search the of", language_code="en")
    assert reply.startswith("“the of” has only words like")
    # A word about the topic beside them: searched as before.
    reply = await app.ask("/search и диплом")
    assert reply.startswith("Найдено по запросу") and len(reply.links) == 1
    # A keyword subscription of such words would deliver nearly everything: refused, not saved.
    reply = await app.ask("/subscribe и по")
    assert reply.startswith("«и по» — только служебные слова")
    assert await app.services.chats.subscriptions(42) == []
    reply = await app.ask("/subscribe диплом")
    assert [s.value for s in await app.services.chats.subscriptions(42)] == ["диплом"]
    # Free text of such words gets no search button.
    await app.ask("и так")
    [call] = app.api.sent_messages(42)[-1:]
    assert "reply_markup" not in call.params
    await app.ask("двойной диплом")
    assert app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]


async def test_a_flag_searches_its_country_in_either_language(app: App) -> None:
    """«/search 🇨🇳» answered «Что искать? Например: /search соглашение Китай», though /partners
    and /subscribe read the flag as China; now it finds the country's news by its name in
    either language, as «/search Китай» does."""
    await _store(app.services.news.db, app.services.news)
    [feed] = await app.services.feeds.ensure(["http://a.test/rss"])
    await app.services.news.add_new(
        feed.id, [draft("en", "Guests from China", body="A delegation visited the campus.")],
        announce=False,
    )  # fmt: skip
    reply = await app.ask("/search 🇨🇳")
    assert reply.startswith("Найдено по запросу «Китай»"), reply
    assert "Гости из Китая" in reply and "Guests from China" in reply
    reply = await app.ask("/search 🇨🇳", language_code="en")
    assert reply.startswith("Results for “China”"), reply
    assert "Гости из Китая" in reply and "Guests from China" in reply
    assert (await app.ask("/search 🤝")).startswith("Что искать?")  # no country, no words


async def test_a_latin_word_with_accents_is_found_on_both_engines(db: Database) -> None:
    """«Universität», «München»: PostgreSQL keeps such a word whole, and a query split at its
    accented letters found nothing there (SQLite splits both sides alike)."""
    news = NewsRepository(db)
    [feed] = await FeedRepository(db).ensure(["http://a.test/rss"])
    await news.add_new(
        feed.id,
        [
            draft("tum", "Гости из Мюнхена", body="Делегация Technische Universität München."),
            draft("other", "Спорт", body="Команда выиграла кубок по плаванию."),
        ],
        announce=False,
    )
    for query in ("Universität", "universität münchen", "München делегация"):
        assert [h.item.key for h in await news.search(query)] == ["tum"], query
    assert await news.search("Universität плавание") == []
