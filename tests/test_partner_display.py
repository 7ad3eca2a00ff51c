"""How partners and agreements read: names in the reader's script, dates, subjects, cuts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from bot.delivery.rendering import AnnouncementRenderer
from bot.facts.service import ExtractionWorker, FactsService
from bot.text.i18n import is_cyrillic
from storage.partners import AgreementInput, PartnerInput
from tests.conftest import App, draft
from tests.fakes.bot_api import parse_telegram_html

pytestmark = pytest.mark.both_engines

# Invented organisations: a Latin registry name with a Russian full name among its forms, a
# Russian registry name with an English one, and one whose only Russian form is initials.
NORDWALD = ("Hochschule Nordwald", "DE", ["HSN", "ВШН", "Высшая школа Нордвальда"])
LAKESIDE = ("Озёрный горный институт", "DE", ["ОГИ", "LMI", "Lakeside Mining Institute"])
TALLMARK = ("Tallmark Engineering", "DE", ["ТЭ"])


def partner(name: str, country: str, forms: list[str]) -> PartnerInput:
    keys = {f"k{i}:{form}": form for i, form in enumerate([name, *forms])}
    return PartnerInput(name, None, (), country, "university", keys, key=f"k0:{name}")


async def article(
    app: App,
    key: str,
    when: datetime,
    partners: list[PartnerInput],
    agreements: list[AgreementInput],
    body: str | None = None,
) -> int:
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await app.services.news.add_new(
        feed.id,
        [draft(key, f"Новость {key}", body=body, link=f"https://site.test/{key}", published=when)],
        announce=True,
    )
    known = {p.name: p.id for p in await app.services.partners.top(100)}
    await app.services.partners.replace_facts(
        news_id, True, [(known.get(p.name), p) for p in partners], agreements
    )
    return news_id


def day(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    pool = ExtractionWorker()
    yield pool
    pool.close()


async def test_each_reader_reads_a_partner_in_their_own_script(app: App) -> None:
    await article(
        app, "a", day(2021, 3, 10), [partner(*p) for p in (NORDWALD, LAKESIDE, TALLMARK)], []
    )
    russian = await app.ask("/partners")
    assert "• Высшая школа Нордвальда 🇩🇪 — 1" in russian
    assert "• Озёрный горный институт 🇩🇪 — 1" in russian
    assert "• Tallmark Engineering 🇩🇪 — 1" in russian  # «ТЭ» is initials, not a name
    english = await app.ask("/partners", language_code="en")
    assert "• Hochschule Nordwald 🇩🇪 — 1" in english
    assert "• Lakeside Mining Institute 🇩🇪 — 1" in english
    buttons = app.api.sent_messages(42)[-1].params["reply_markup"]["inline_keyboard"]
    assert "Lakeside Mining Institute" in [row[0]["text"] for row in buttons]

    card = await app.ask("/partners Nordwald")
    assert card.styled("bold")[0] == "Высшая школа Нордвальда"
    assert card.startswith("Высшая школа Нордвальда\nHochschule Nordwald\n")
    assert "Также: HSN, ВШН\n" in card  # each name once
    card = await app.ask("/partners Nordwald", language_code="en")
    assert card.startswith("Hochschule Nordwald\nВысшая школа Нордвальда\n")
    [nordwald] = [p for p in await app.services.partners.top(10) if p.name == NORDWALD[0]]
    await app.services.partners.override(
        nordwald.id, name_en="Nordwald University of Applied Sciences"
    )
    card = await app.ask("/partners Nordwald")
    assert card.startswith("Высшая школа Нордвальда\nNordwald University of Applied Sciences\n")
    assert "Также: Hochschule Nordwald, HSN, ВШН\n" in card  # no name lost
    card = await app.ask("/partners Lakeside", language_code="en")
    assert card.startswith("Lakeside Mining Institute\nОзёрный горный институт\n")
    assert "Also: LMI, ОГИ\n" in card


async def test_card_agreements_say_signed_and_published_newest_first(app: App) -> None:
    nordwald = partner(*NORDWALD)
    await article(
        app,
        "old",
        day(2020, 1, 1),
        [nordwald],
        [
            AgreementInput("agreement", "о сотрудничестве", "2013-09", (0,)),
            AgreementInput("memorandum", "on joint summer schools", None, (0,)),
        ],
    )
    await article(
        app, "new", day(2021, 3, 10), [nordwald], [AgreementInput("contract", None, "2011", (0,))]
    )
    card = await app.ask("/partners Nordwald")
    block = card.split("Соглашения\n", 1)[1].split("\n\n", 1)[0]
    assert block.splitlines() == [
        "• Договор — подписано в 2011 · 10 марта 2021",
        "• Меморандум (англ. on joint summer schools) — 1 января 2020",
        "• Соглашение о сотрудничестве — подписано в сентябре 2013 · 1 января 2020",
    ]
    english = await app.ask("/partners Nordwald", language_code="en")
    block = english.split("Agreements\n", 1)[1].split("\n\n", 1)[0]
    assert block.splitlines() == [
        "• Contract — signed in 2011 · 10 March 2021",
        "• Memorandum on joint summer schools — 1 January 2020",
        "• Agreement on cooperation — signed in September 2013 · 1 January 2020",
    ]
    listed = await app.ask("/agreements Nordwald")
    assert "(англ. on joint summer schools)\n1 января 2020 · источник" in listed
    assert "о сотрудничестве\nподписано в сентябре 2013 · 1 января 2020" in listed


async def test_agreement_parties_in_the_readers_script_and_cut_between_names(app: App) -> None:
    many = [partner(f"Университет {i} " + "долгого имени " * 3, "DE", []) for i in range(12)]
    await article(
        app,
        "group",
        day(2022, 5, 1),
        [partner(*NORDWALD), partner(*LAKESIDE), *many],
        [
            AgreementInput("agreement", None, None, (0, 1)),
            AgreementInput("agreement", "о " + "работе " * 80, None, tuple(range(14))),
        ],
    )
    await article(app, "none", day(2023, 1, 1), [], [AgreementInput("agreement", None, None, ())])
    russian = await app.ask("/agreements")
    # No party named: said so, not a bare kind that reads as a line cut short.
    assert "📄 Соглашение — партнёр не указан\n1 января 2023 · источник" in russian
    assert "📄 Соглашение — Высшая школа Нордвальда; Озёрный горный институт\n" in russian
    crowded = next(x for x in russian.split("\n\n") if "Университет 0" in x)
    parties, subject = crowded.splitlines()[:2]
    assert parties.endswith("; …") and parties.count("долгого имени долгого имени") >= 3
    assert all(p.strip().endswith("имени") for p in parties[:-3].split(";")[2:])
    assert subject.endswith("работе…") and len(subject) <= 400
    english = await app.ask("/agreements", language_code="en")
    assert "📄 Agreement — Hochschule Nordwald; Lakeside Mining Institute\n" in english
    assert "📄 Agreement — partner not stated\n1 January 2023 · source" in english


async def test_one_country_list_has_no_flag_on_every_line(app: App) -> None:
    await article(app, "a", day(2021, 3, 10), [partner(*NORDWALD), partner(*TALLMARK)], [])
    reply = await app.ask("/partners Германия")
    assert reply.startswith("Партнёры: 🇩🇪 Германия (всего 2)")
    assert "• Высшая школа Нордвальда — 1" in reply and "• Tallmark Engineering — 1" in reply
    assert reply.count("🇩🇪") == 1
    everyone = await app.ask("/partners")
    assert "• Высшая школа Нордвальда 🇩🇪 — 1" in everyone


async def test_announcement_names_partners_in_the_readers_script(
    app: App, worker: ExtractionWorker
) -> None:
    news_id = await article(app, "a", day(2024, 2, 2), [partner(*NORDWALD), partner(*LAKESIDE)], [])
    facts = FactsService(worker, app.services.news, app.services.partners)
    render = AnnouncementRenderer(app.services.news, facts.partner_lines)
    russian, english = await render(news_id, "ru"), await render(news_id, "en")
    assert russian is not None and english is not None
    seen_ru, seen_en = parse_telegram_html(russian.text), parse_telegram_html(english.text)
    partners_ru = seen_ru.split("🤝 Партнёры: ", 1)[1]
    assert partners_ru.startswith("Высшая школа Нордвальда (🇩🇪 Германия); Озёрный горный")
    partners_en = seen_en.split("🤝 Partners: ", 1)[1]
    assert partners_en.startswith("Hochschule Nordwald (🇩🇪 Germany); Lakeside Mining Institute")
    assert not is_cyrillic(partners_en)


async def test_a_subject_cut_off_with_its_article_ends_at_a_whole_word(app: App) -> None:
    cut_short = "о партнёрстве и совместной подгот"
    await article(
        app,
        "short",
        day(2023, 6, 1),
        [partner(*NORDWALD)],
        [AgreementInput("agreement", cut_short, None, (0,))],
        body=f"Вузы подписали соглашение {cut_short}",
    )
    whole = "о совместных исследованиях"
    await article(
        app,
        "whole",
        day(2022, 6, 1),
        [partner(*NORDWALD)],
        [AgreementInput("memorandum", whole, None, (0,))],
        body=f"Вузы подписали меморандум {whole}.",
    )
    card = await app.ask("/partners Nordwald")
    assert "• Соглашение о партнёрстве и совместной… — 1 июня 2023" in card
    assert "• Меморандум о совместных исследованиях — 1 июня 2022" in card
    english = await app.ask("/partners Nordwald", language_code="en")
    assert "• Agreement — 1 June 2023" in english  # no Russian line for an English reader
    assert "• Memorandum — 1 June 2022" in english
    listed = await app.ask("/agreements")
    assert "\nо партнёрстве и совместной…\n" in listed and "подгот" not in listed
