"""One document reported by several articles is one entry: /agreements, partner cards, /export."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook

from bot.delivery.rendering import AnnouncementRenderer
from bot.facts.extraction import ArticleInput, Extraction
from bot.facts.extraction.model import AgreementFact, PartnerFact
from bot.facts.service import ExtractionWorker, FactsService
from storage.db import Database
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.partners import PartnerRepository
from tests.conftest import App, draft, until
from tests.fakes.bot_api import parse_telegram_html
from tests.test_digest import service as digest_service
from tests.test_export import documents
from tests.test_registry import org

pytestmark = pytest.mark.both_engines

# Invented: a city government and an institute that found a joint centre, and a plant.
CITY = org("Правительство города Северогорска", None, country="RU", kind="government")
INSTITUTE = org("Приозёрный технологический институт", None, country="RU", kind="university")
PLANT = org("Волжский дизельный завод", None, country="RU", kind="company")
CENTRE = "о создании научно-образовательного центра «Умные материалы и цифровые технологии»"
# The same subject as another article words it: capitals, other quotes, «е» for «ё».
CENTRE_AGAIN = 'О создании научно-образовательного центра "умные материалы и цифровые технологии"'

Facts = tuple[list[PartnerFact], list[AgreementFact]]


def signed(title: str | None, on: str | None = None, *parties: PartnerFact) -> AgreementFact:
    parties = parties or (CITY, INSTITUTE)
    return AgreementFact("agreement", tuple(p.name for p in parties), title, None, on)


class DocumentsWorker(ExtractionWorker):
    """Partners and agreements by article title, from a script the test may change."""

    def __init__(self, script: dict[str, Facts]) -> None:
        super().__init__()
        self.script = script

    async def extract(self, article: ArticleInput) -> Extraction:
        partners, agreements = self.script.get(article.title, ([], []))
        return Extraction(article.id, bool(partners), tuple(partners), tuple(agreements))


def day(year: int, month: int, day: int = 1) -> datetime:
    return datetime(year, month, day, 9, tzinfo=UTC)


async def store(db: Database, articles: Sequence[tuple[str, datetime]]) -> dict[str, int]:
    """Articles titled and dated as given (the title makes the link); returns their ids."""
    feeds, news = FeedRepository(db), NewsRepository(db)
    [feed] = await feeds.ensure(["http://site.test/rss"])
    ids = {}
    for title, when in articles:
        link = f"https://site.test/{title}/"
        [news_id] = await news.add_new(
            feed.id,
            [draft(title, title, body="Текст.", link=link, published=when)],
            announce=True,
        )
        ids[title] = news_id
    return ids


async def extract(app: App, script: dict[str, Facts], *, rebuild: bool = False) -> None:
    worker = DocumentsWorker(script)
    facts = FactsService(worker, app.services.news, app.services.partners)
    try:
        await (facts.rebuild() if rebuild else facts.process_pending())
    finally:
        worker.close()


async def edited(app: App) -> bool:
    return any(call.ok for call in app.api.calls_of("editMessageText"))


def card_agreements(card: str) -> list[str]:
    heading = "Соглашения\n" if "Соглашения\n" in card else "Agreements\n"
    return card.split(heading, 1)[1].split("\n\n", 1)[0].splitlines()


async def test_one_document_two_articles_is_one_entry_dated_by_the_first(app: App) -> None:
    """The founding agreement told in May and recalled in June (neither gives the date) is one
    entry of 1 May with two sources, linking May's article; another document of the same
    parties stays apart; cards, counts and the year say the same."""
    await store(
        app.services.news.db,
        [("Центр открыт", day(2023, 5)), ("Центр месяц спустя", day(2023, 6)),
         ("Новая программа", day(2023, 7))],
    )  # fmt: skip
    await extract(
        app,
        {
            "Центр открыт": ([CITY, INSTITUTE], [signed(CENTRE)]),
            "Центр месяц спустя": ([INSTITUTE, CITY], [signed(CENTRE_AGAIN)]),
            "Новая программа": ([CITY, INSTITUTE], [signed("о совместной магистратуре")]),
        },
    )
    listed = await app.ask("/agreements")
    assert listed.startswith("Соглашения (всего 2):")
    assert listed.count("Умные материалы") == 1
    assert "1 мая 2023 · первый из 2 источников" in listed
    assert "1 июня 2023" not in listed
    assert "о совместной магистратуре\n1 июля 2023 · источник" in listed
    assert listed.links == ["https://site.test/Новая программа/", "https://site.test/Центр открыт/"]
    english = await app.ask("/agreements", language_code="en")
    assert "1 May 2023 · first of 2 sources" in english

    card = await app.ask("/partners Северогорск")
    assert card_agreements(card) == [
        "• Соглашение о совместной магистратуре — 1 июля 2023",
        "• Соглашение " + CENTRE + " — 1 мая 2023 · 2 источника",
    ]
    card = await app.ask("/partners Северогорск", language_code="en")
    assert card_agreements(card)[1].endswith(" — 1 May 2023 · 2 sources")

    # Searched by a word only the June article's title has: the entry, dated by May.
    found = await app.ask("/agreements спустя")
    assert "(всего 1)" in found and "1 мая 2023 · первый из 2 источников" in found
    assert "(всего 2)" in await app.ask("/agreements 2023")
    by_country = await app.ask("/agreements Россия")
    assert "(всего 2)" in by_country and "первый из 2 источников" in by_country


async def test_the_year_is_the_first_reports_and_a_later_report_gives_the_date(app: App) -> None:
    """Reported in December, recalled in January with the signing date: one entry of the
    year signed; undated, it would be December's year, never January's."""
    await store(
        app.services.news.db,
        [("Декабрьская новость", day(2022, 12, 20)), ("Январская новость", day(2023, 1, 15)),
         ("Без даты в декабре", day(2022, 12, 21)), ("Без даты в январе", day(2023, 1, 16))],
    )  # fmt: skip
    await extract(
        app,
        {
            "Декабрьская новость": ([CITY, INSTITUTE], [signed(CENTRE)]),
            "Январская новость": ([CITY, INSTITUTE], [signed(CENTRE_AGAIN, "2022-12-19")]),
            "Без даты в декабре": ([PLANT, CITY], [signed("о поставках", None, PLANT, CITY)]),
            "Без даты в январе": ([PLANT, CITY], [signed("о поставках", None, CITY, PLANT)]),
        },
    )
    of_2022 = await app.ask("/agreements 2022")
    assert of_2022.startswith("Соглашения 2022 года (всего 2):")
    assert "подписано 19 декабря 2022 · 20 декабря 2022 · первый из 2 источников" in of_2022
    assert "о поставках\n21 декабря 2022 · первый из 2 источников" in of_2022
    assert "Соглашений 2023 года не нашёл" in await app.ask("/agreements 2023")
    plant = await app.ask("/agreements Волжский дизельный завод")
    assert "(всего 1)" in plant


async def test_what_does_not_name_one_document_stays_apart(app: App) -> None:
    """Undated and untitled twice, dates that differ, subjects that differ past a shared
    start, other parties: separate entries. A subject one report cuts short, or the same date
    with a subject on one side only: one. A short subject that fits two entries: its own."""
    titles = [f"Статья {n}" for n in range(11)]
    await store(app.services.news.db, [(t, day(2024, n + 1)) for n, t in enumerate(titles)])
    plant_only = ([PLANT], [signed(None, None, PLANT)])
    training = "о подготовке инженеров-технологов"
    await extract(
        app,
        {
            titles[0]: plant_only,
            titles[1]: plant_only,  # untitled, undated: perhaps another document
            titles[2]: ([PLANT], [signed("о подготовке инженеров", "2024-03", PLANT)]),
            titles[3]: ([PLANT], [signed("о подготовке инженеров", "2023-11", PLANT)]),
            titles[4]: ([PLANT], [signed(training, None, PLANT)]),
            titles[5]: ([PLANT], [signed(training + " для завода", None, PLANT)]),
            titles[6]: ([PLANT, CITY], [signed(training, None, PLANT, CITY)]),
            titles[7]: ([PLANT], [signed(None, "2024-03-05", PLANT)]),
            titles[8]: ([PLANT], [signed("о стажировках", "2024-03-05", PLANT)]),
            titles[9]: ([PLANT], [signed("о стажировках", "2024-03", PLANT)]),
            titles[10]: ([PLANT], [signed("о подготовке", None, PLANT)]),  # 2, 3 or 4?
        },
    )
    listed = await app.ask("/agreements Волжский дизельный завод")
    # 0, 1 apart; 2 and 3 (other dates); 4 with 5; 6 (other parties); 7 with 8 (the same date)
    # and 9 (8's subject, the date to the month); 10 alone.
    assert "(всего 8)" in listed, listed
    entries = listed.split("\n\n")[1:]
    assert [e.splitlines()[-1] for e in entries] == [
        "1 ноября 2024 · источник",
        "подписано 5 марта 2024 · 1 августа 2024 · первый из 3 источников",
        "1 июля 2024 · источник",
        "1 мая 2024 · первый из 2 источников",
        "подписано в ноябре 2023 · 1 апреля 2024 · источник",
    ]
    assert entries[0].splitlines()[1] == "о подготовке"
    assert entries[3].splitlines()[1] == training


async def test_reextract_and_extraction_order_keep_one_entry_dated_by_the_first(
    app: App,
) -> None:
    """The later article extracted first, then the earlier: the entry moves to the earlier
    one. `reextract` gives the same; once the first article no longer reports it, the other
    article's report stands alone with its own date."""
    db = app.services.news.db
    await store(db, [("Повторный рассказ", day(2023, 6))])
    script: dict[str, Facts] = {
        "Первый рассказ": ([CITY, INSTITUTE], [signed(CENTRE)]),
        "Повторный рассказ": ([CITY, INSTITUTE], [signed(CENTRE_AGAIN)]),
    }
    await extract(app, script)
    assert "1 июня 2023 · источник" in await app.ask("/agreements")
    await store(db, [("Первый рассказ", day(2023, 5))])
    await extract(app, script)
    listed = await app.ask("/agreements")
    assert "(всего 1)" in listed and "1 мая 2023 · первый из 2 источников" in listed
    await extract(app, script, rebuild=True)
    again = await app.ask("/agreements")
    assert again == listed

    script["Первый рассказ"] = ([CITY, INSTITUTE], [])
    await extract(app, script, rebuild=True)
    alone = await app.ask("/agreements")
    assert "(всего 1)" in alone and "1 июня 2023 · источник" in alone


async def test_pages_and_export_count_entries(app: App) -> None:
    """Six documents, each told twice: six entries on two pages, six rows exported."""
    subjects = [f"о совместной лаборатории номер {n}" for n in range(6)]
    articles = [(f"Лаборатория {n} {when}", day(2024, n + 1, when)) for n in range(6)
                for when in (3, 20)]  # fmt: skip
    await store(app.services.news.db, articles)
    await extract(
        app,
        {
            title: ([CITY, INSTITUTE], [signed(subjects[int(title.split()[1])])])
            for title, _ in articles
        },
    )
    listed = await app.ask("/agreements")
    assert listed.startswith("Соглашения (всего 6):")
    assert listed.count("первый из 2 источников") == 5
    message = app.api.sent_messages(42)[-1]
    [nav] = message.params["reply_markup"]["inline_keyboard"]
    assert [b["text"] for b in nav] == ["1/2", "▶"]
    app.api.push_callback_query(
        nav[-1]["callback_data"], chat_id=42, user_id=42, message_id=message.result["message_id"]
    )
    await until(lambda: edited(app))
    [call] = app.api.calls_of("editMessageText")
    second = parse_telegram_html(call.params["text"])
    assert second.count("📄") == 1 and "3 января 2024 · первый из 2 источников" in second

    sent = await documents(app, "/export", 42, 3)
    assert (sent[0].rendered or "").startswith("Партнёров: 2, соглашений: 6.")
    book = load_workbook(io.BytesIO(app.api.file_content(sent[2].result["document"]["file_id"])))
    rows = list(book["agreements"].iter_rows(values_only=True))
    assert rows[0][-1] == "sources"
    assert len(rows) == 7 and {r[-1] for r in rows[1:]} == {2}
    assert {str(r[5]).rsplit(" ", 1)[1] for r in rows[1:]} == {"3/"}  # the first article's


async def test_merged_cards_make_their_reports_one_entry(app: App, db: Database) -> None:
    """Two cards of one organisation each with a report of one document: merged, one entry."""
    await store(db, [("Весна", day(2025, 3)), ("Лето", day(2025, 6))])
    other = org("Северогорское правительство", None, country="RU", kind="government")
    await extract(
        app,
        {
            "Весна": ([CITY], [signed("о молодёжной политике", None, CITY)]),
            "Лето": ([other], [signed("о молодежной политике", None, other)]),
        },
    )
    partners = PartnerRepository(db)
    assert (await partners.agreements())[1] == 2
    ids = {p.name: p.id for p in await partners.top(10)}
    await partners.merge(ids[other.name], ids[CITY.name])
    listed = await app.ask("/agreements")
    assert "(всего 1)" in listed and "1 марта 2025 · первый из 2 источников" in listed


async def test_an_announcement_does_not_present_a_retold_or_old_document_as_news(
    app: App,
) -> None:
    """The June article that tells May's agreement again, or recalls one signed years ago, is
    announced under its category with the partners line saying when the document was first
    reported (or signed); the May article, the document's first report, shows it."""
    db = app.services.news.db
    ids = await store(
        db,
        [("Центр открыт", day(2023, 5)), ("Центр месяц спустя", day(2023, 6)),
         ("Старый договор", day(2023, 7))],
    )  # fmt: skip
    await extract(
        app,
        {
            "Центр открыт": ([CITY, INSTITUTE], [signed(CENTRE)]),
            "Центр месяц спустя": ([INSTITUTE, CITY], [signed(CENTRE_AGAIN)]),
            "Старый договор": ([PLANT], [signed("о поставках", "2015", PLANT)]),
        },
    )
    worker = DocumentsWorker({})
    try:
        facts = FactsService(worker, app.services.news, app.services.partners)
        render = AnnouncementRenderer(
            app.services.news, extra_lines=facts.partner_lines, partners=app.services.partners
        )
        first = await render(ids["Центр открыт"], "ru")
        again = await render(ids["Центр месяц спустя"], "ru")
        old = await render(ids["Старый договор"], "en")
    finally:
        worker.close()
    assert first is not None and again is not None and old is not None
    assert "· 📄 Соглашение" in first.text
    assert "о документе впервые сообщалось" not in first.text
    assert "📄" not in again.text
    assert (
        "Приозёрный технологический институт (🇷🇺 Россия) — о документе впервые сообщалось"
        " 1 мая 2023" in again.text
    )
    assert "📄" not in old.text
    # An English reader reads the Russian-only partner's name in English (the bot's rendering).
    assert "Volga Diesel Plant (🇷🇺 Russia) — signed in 2015" in old.text


async def test_a_digest_lists_a_document_reported_before_its_period_no_more(app: App) -> None:
    """May's article was announced before the chat took digests; June's tells the same
    document again: the June digest has the article but no «Подписанные документы» entry for
    a document reported in May; a new document of June is listed."""
    db = app.services.news.db
    await store(db, [("Центр открыт", day(2023, 5))])
    await extract(app, {"Центр открыт": ([CITY, INSTITUTE], [signed(CENTRE)])})
    await app.services.ingestor.announce()  # nobody subscribed yet
    await app.ask("/subscribe")
    await app.ask("/digest daily")
    await store(db, [("Центр месяц спустя", day(2023, 6)), ("Новый завод", day(2023, 6, 2))])
    await extract(
        app,
        {
            "Центр открыт": ([CITY, INSTITUTE], [signed(CENTRE)]),
            "Центр месяц спустя": ([INSTITUTE, CITY], [signed(CENTRE_AGAIN)]),
            "Новый завод": ([PLANT], [signed("о поставках", None, PLANT)]),
        },
    )
    await app.services.ingestor.announce()
    assert await digest_service(app).run(datetime.now(UTC) + timedelta(seconds=1)) == 1
    text = await db.fetchval("SELECT text FROM digests WHERE chat_id = 42")
    shown = parse_telegram_html(str(text))
    assert "Центр месяц спустя" in shown
    documents = shown.split("Подписанные документы:")[1]
    assert "Волжский дизельный завод" in documents
    assert "Северогорска" not in documents and "Приозёрный" not in documents
