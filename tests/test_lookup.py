"""Finding the partner a person names: word by word, across scripts, choices when unsure.

Invented organisations: two polytechnic universities and two institutes of technology that
share every generic word, a Technische Universität known by its German name, an embassy
known by its Russian name only.
"""

from __future__ import annotations

import pytest

from bot.facts.lookup import rank_partners
from storage.partners import PartnerInput
from tests.conftest import ADMIN, App, draft

pytestmark = pytest.mark.both_engines

REGISTRY = [
    # (name, English name, other forms, country, kind)
    ("Мирославский политехнический университет", "Miroslav Polytechnic University", (), "CZ",
     "university"),
    ("Политехнический университет Лесограда", None, (), "FI", "university"),
    ("Riverton Institute of Technology", None, (), "US", "university"),
    ("Бремфордский политехнический университет", "Bremford Polytechnic University", (), "GB",
     "university"),
    ("Technische Universität Oberstadt", None, ("TU Oberstadt",), "DE", "university"),
    ("Technical University of Valdora", None, (), "ES", "university"),
    ("Посольство Эквадора", None, (), "EC", "government"),
    ("Квиллон", "Quillon", (), "FR", "company"),
    ("Квиллон Энерджи", "Quillon Energy", (), "FR", "company"),
]  # fmt: skip


async def add_partners(
    app: App, registry: list[tuple[str, str | None, tuple[str, ...], str, str]]
) -> list[int]:
    """Each partner in an article of its own, its names as the registry keeps them; the
    articles' ids."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    ids = []
    for i, (name, name_en, others, country, kind) in enumerate(registry):
        [news_id] = await app.services.news.add_new(
            feed.id, [draft(f"p{i}", f"Новость {i}", link=f"https://site.test/p{i}")], announce=True
        )
        forms = [name, *([name_en] if name_en else []), *others]
        keys = {f"k{i}:{n}": form for n, form in enumerate(forms)}
        fact = PartnerInput(name, name_en, tuple(others), country, kind, keys)
        await app.services.partners.replace_facts(news_id, True, [(None, fact)], [])
        ids.append(news_id)
    return ids


def buttons(app: App, chat_id: int = 42) -> list[str]:
    sent = app.api.sent_messages(chat_id)[-1]
    rows = (sent.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return [row[0]["text"] for row in rows]


async def test_distinguishing_words_must_match_not_the_generic_ones(app: App) -> None:
    await add_partners(app, REGISTRY)
    # Another city's polytechnic university shares two words of three: not it, nor anything.
    reply = await app.ask("/partners Харьковецкий политехнический университет")
    assert reply == (
        "Не нашёл партнёра по запросу «Харьковецкий политехнический университет». Список: /partners"
    )
    reply = await app.ask("/partners Hollins Institute of Technology", language_code="en")
    assert reply.startswith("No partner matches “Hollins Institute of Technology”")
    reply = await app.ask("/partners Technical University of Oberstadt", language_code="en")
    assert reply.startswith("Technische Universität Oberstadt\n")


async def test_a_name_in_another_word_order_case_or_script_opens_its_card(app: App) -> None:
    await add_partners(app, REGISTRY)
    for query in ("Лесоградский политехнический университет", "Лесограда", "Лесоград"):
        reply = await app.ask(f"/partners {query}")
        assert reply.startswith("Политехнический университет Лесограда\n"), query
    for query in ("Мирославского политехнического университета", "Miroslav"):
        reply = await app.ask(f"/partners {query}")
        assert reply.startswith("Мирославский политехнический университет\n"), query
    reply = await app.ask("/partners Embassy of Ecuador", language_code="en")
    assert reply.startswith("Embassy of Ecuador\nПосольство Эквадора (in Russian;")  # rendered
    # Quillon's own name opens its card, not Quillon Energy's, though both have the word.
    assert (await app.ask("/partners Quillon")).startswith("Квиллон\nQuillon\n")
    assert (await app.ask("/partners Квиллон Энерджи")).startswith("Квиллон Энерджи\n")


async def test_a_match_only_alike_is_offered_not_opened(app: App) -> None:
    await add_partners(app, REGISTRY)
    # An institute is not a university for sure: the one Bremford is offered, not opened.
    reply = await app.ask("/partners Bremford Institute of Technology", language_code="en")
    assert reply == "Nothing is named exactly “Bremford Institute of Technology”. Did you mean:"
    assert buttons(app) == ["Bremford Polytechnic University"]
    # A typo in the distinguishing word: offered too.
    reply = await app.ask("/partners Мирославкий политехнический университет", chat_id=43)
    assert reply.startswith("Точно «Мирославкий политехнический университет» никто не")
    assert buttons(app, 43) == ["Мирославский политехнический университет"]


async def test_too_many_matches_say_how_many_and_ask_to_narrow(app: App) -> None:
    many = [(f"Университет номер {i}", None, (), "KZ", "university") for i in range(11)]
    await add_partners(app, [*REGISTRY, *many])
    reply = await app.ask("/partners университет")
    assert reply == (
        "По запросу «университет» подходящих партнёров: 15. Вот 8 самых упоминаемых; чтобы "
        "найти другого, уточните запрос — добавьте слово из названия, город или страну."
    )
    assert len(buttons(app)) == 8
    reply = await app.ask("/subscribe partner университет")
    assert reply.startswith("По запросу «университет» подходящих партнёров: 15. Вот 8 самых")
    assert len(buttons(app)) == 8 and await app.services.chats.subscriptions(42) == []
    reply = await app.ask("/partners Technical University", language_code="en", chat_id=43)
    assert reply == "Which one do you mean?"
    # Polytechnic, technical, of technology: the registry holds them one family.
    assert len(buttons(app, 43)) == 5 and "Technical University of Valdora" in buttons(app, 43)


async def test_subscribing_to_a_name_only_alike_asks_first(app: App) -> None:
    await add_partners(app, REGISTRY)
    reply = await app.ask("/subscribe partner Bremford Institute of Technology", language_code="en")
    assert (
        reply == "Nothing is named exactly “Bremford Institute of Technology”. Follow one of these?"
    )
    assert buttons(app) == ["Bremford Polytechnic University"]
    assert await app.services.chats.subscriptions(42) == []
    reply = await app.ask("/subscribe partner Лесоградский политехнический университет")
    assert "Политехнический университет Лесограда" in reply


def test_scores_tell_a_name_from_a_longer_one_and_from_a_lookalike() -> None:
    known = [(i, [name, *([en] if en else []), *others]) for i, (name, en, others, *_) in
             enumerate(REGISTRY)]  # fmt: skip
    found = rank_partners("Quillon", known)
    assert found.named == 7 and found.candidates == [7, 8]
    assert rank_partners("Riverton Institute of Technologies", known).named == 2
    assert not rank_partners("Miroslav Institute of Technology", known).named
    assert rank_partners("Miroslav Institute of Technology", known).candidates == [0]
    assert not rank_partners("Institute of Technology of Hollins", known)


async def test_an_operator_may_type_the_arrow_as_phones_do(app: App) -> None:
    """«/curate rename A -> B» was told a name or value is missing (only "=>" was read), and
    «Укажите номер» after a name fitting several left the form to guess: the reply now gives
    the command with the first one's number."""
    await add_partners(app, REGISTRY)
    [bremford] = [
        pid for pid, names in await app.services.partners.names() if "Bremford" in str(names)
    ]
    for arrow in ("->", "→", "—>"):
        reply = await app.ask(f"/curate rename #{bremford} {arrow} Бремфордский политех",
                              chat_id=ADMIN)  # fmt: skip
        assert reply == (
            f"Переименовать «Бремфордский политехнический университет» (#{bremford}) в "
            "«Бремфордский политех»?"
        ), (arrow, reply)
    reply = await app.ask("/curate rename Bremford Institute of Technology -> Бремфорд",
                          chat_id=ADMIN)  # fmt: skip
    assert f"например: /curate rename #{bremford} => Бремфорд\n" in reply, reply
    # A name the card has already: said so, no button to confirm a change of nothing.
    reply = await app.ask(
        f"/curate rename #{bremford} => Бремфордский политехнический университет", chat_id=ADMIN
    )
    assert reply == f"«Бремфордский политехнический университет» (#{bremford}) уже так называется."


async def test_operators_and_charts_get_no_guess_either(app: App) -> None:
    await add_partners(app, REGISTRY)
    [bremford] = [
        pid for pid, names in await app.services.partners.names() if "Bremford" in str(names)
    ]
    reply = await app.ask("/curate hide Bremford Institute of Technology", chat_id=ADMIN)
    assert reply.startswith("«Bremford Institute of Technology» точно не называет одного")
    assert reply.endswith(
        f"Укажите номер, например: /curate hide #{bremford}\n"
        f"#{bremford} Бремфордский политехнический университет"
    ), reply
    assert (await app.services.partners.get(bremford)) is not None  # not hidden
    before = len(app.api.calls)
    reply = await app.ask("/chart Technical University", language_code="en")
    assert reply.startswith("Which one do you mean?"), reply  # a choice, not a guessed chart
    rows = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    assert len([b for row in rows for b in row]) >= 2, rows
    assert all(c.method != "sendPhoto" for c in app.api.calls[before:]), "a chart was guessed"


async def test_a_dormant_row_of_the_same_name_is_no_choice(app: App) -> None:
    twins = [("Лейвенский университет", None, (), "BE", "university")] * 2
    [_, second] = await add_partners(app, twins)
    assert (await app.ask("/partners Лейвенский университет")) == "Уточните, кого вы имели в виду:"
    # An article read again names the university no more: its row stays, dormant, unlisted.
    await app.services.partners.replace_facts(second, True, [], [])
    reply = await app.ask("/partners Лейвенский университет")
    assert reply.startswith("Лейвенский университет\n")


def test_a_body_of_the_same_country_is_not_named_by_another_kind() -> None:
    """ "Indian Academy of Sciences" does not name the card known as «МИД Индии» (another body
    of the same country, told by its own word): a choice at most. A country the name adds
    ("Foreign Ministry of India") still lets "Ministry of Foreign Affairs" name it."""
    known = [
        (1, ["Foreign Ministry of India", "МИД Индии"]),
        (2, ["Riverton Polytechnic University"]),
    ]
    assert rank_partners("Indian Academy of Sciences", known).named is None
    assert rank_partners("Ministry of Foreign Affairs", known).named == 1


async def test_a_shared_word_only_one_partner_has_is_said_as_one(app: App) -> None:
    """«посольство» names no one (a word any embassy shares), but only one card has it: the
    reply says one partner matches instead of asking to choose between one."""
    await add_partners(app, REGISTRY)
    reply = await app.ask("/partners посольство")
    assert reply == "По запросу «посольство» нашёлся один партнёр:", reply
    rows = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    assert [b["text"] for row in rows for b in row] == ["Посольство Эквадора"]
    reply = await app.ask("/subscribe partner embassy", language_code="en")
    assert reply == "One partner matches “embassy”. Follow it?", reply


async def test_a_translated_word_of_a_russian_name_opens_its_card(app: App) -> None:
    """ "Testograd Oil Institute" only resembled «Тестоградский нефтяной институт» (the
    rendering reads "Testogradsky"), and «нефтяной» / "Oil" did not meet: a choice of one,
    not the card. A word of a Russian name and its translation are one word across scripts,
    and the card of the other fuel stays out."""
    await add_partners(
        app,
        [
            ("Тестоградский нефтяной институт", None, (), "RU", "university"),
            ("Тестоградский газовый институт", None, (), "RU", "university"),
        ],
    )
    card = await app.ask("/partners Testograd Oil Institute", language_code="en")
    assert card.startswith("Testogradsky Oil Institute\nТестоградский нефтяной институт"), card
    assert "gas" not in card.lower() and "газов" not in card, card


SHORTENED = [
    # A card known by its Latin name only, a relative of it, and look-alikes of each.
    ("Lesograd Institute of Technology", None, (), "CN", "university"),
    ("Lesograd State University", None, (), "CN", "university"),
    ("University of Oberstadt", None, (), "DE", "university"),
    ("Technical University of Oberstadt", None, (), "DE", "university"),
    ("Тестоградский государственный технический университет им. Петра Сомова", None, (), "UZ",
     "university"),
    ("Тестоградский государственный экономический университет", None, (), "UZ", "university"),
]  # fmt: skip


async def test_a_type_word_shortened_as_people_type_it_opens_the_card(app: App) -> None:
    """«политех» is a polytechnic in either script (an institute of technology), "Uni" and
    "univ" a university: «Лесоградский политех» opens the card known only in Latin, "Uni
    Oberstadt" the University of Oberstadt, not the Technical University beside it."""
    await add_partners(app, SHORTENED)
    for query in ("Лесоградский политех", "Лесоградского политеха"):
        reply = await app.ask(f"/partners {query}")
        assert reply.startswith("Lesograd Institute of Technology\n"), (query, reply)
    for query in ("Uni Oberstadt", "univ of Oberstadt"):
        reply = await app.ask(f"/partners {query}", language_code="en")
        assert reply.startswith("University of Oberstadt\n"), (query, reply)
    # "UNI" in capitals is an abbreviation of its own, no university.
    reply = await app.ask("/partners UNI Lesograd", language_code="en")
    assert not reply.startswith("Lesograd"), reply


async def test_a_syllable_and_initials_name_the_university_they_spell(app: App) -> None:
    """«ТестГТУ» is read off the words of «Тестоградский государственный технический
    университет …» (no alias of the card): that card opens, the economic one stays out."""
    await add_partners(app, SHORTENED)
    reply = await app.ask("/partners ТестГТУ")
    assert reply.startswith("Тестоградский государственный технический университет"), reply
    assert "экономический" not in reply, reply


async def test_uni_as_a_brand_word_opens_the_company_named_so(app: App) -> None:
    """The word "Uni" reads as a university only when no card is named with it as typed:
    "Uni Systems" opened the University of Systems beside the company "Uni Systems GmbH"."""
    await add_partners(
        app,
        [
            ("Uni Systems GmbH", None, (), "DE", "company"),
            ("University of Systems", None, (), "DE", "university"),
            ("Uni Global", None, (), "RU", "company"),
            ("Global University", None, (), "US", "university"),
        ],
    )
    for query, name in (("Uni Systems", "Uni Systems GmbH"), ("Uni Global", "Uni Global")):
        for language in ("en", "ru"):
            reply = await app.ask(f"/partners {query}", language_code=language)
            assert reply.startswith(name + "\n"), (query, reply)
    reply = await app.ask("/partners univ of Systems", language_code="en")
    assert reply.startswith("University of Systems\n"), reply
