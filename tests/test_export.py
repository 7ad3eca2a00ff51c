"""Exports: the JSONL contract read back equals the registry; CSV for Excel; XLSX; /export."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.services import export
from storage.db import Database
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.partners import AgreementInput, PartnerInput, PartnerRepository
from tests.conftest import App, draft, settings_on
from tests.registry_data import fill
from tests.test_cli import run_cli

pytestmark = pytest.mark.both_engines


async def registry(db: Database) -> None:
    await fill(
        FeedRepository(db), NewsRepository(db), PartnerRepository(db),
        partners_count=25, countries_count=6, articles_per_partner=2, extra_articles=3,
    )  # fmt: skip
    # Outside text a spreadsheet would run as a formula, and a partner with no country.
    [feed] = await FeedRepository(db).ensure(["http://site.test/rss"])
    [nid] = await NewsRepository(db).add_new(
        feed.id, [draft("evil", "=HYPERLINK(\"http://x\")", link="https://site.test/evil")],
        announce=False,
    )  # fmt: skip
    evil = PartnerInput("=1+1 Компания", None, (), None, "company", {"evil": "=1+1 Компания"})
    doc = AgreementInput("contract", "-2 на поставку", "2024-02", (0,))
    await PartnerRepository(db).replace_facts(nid, True, [(None, evil)], [doc])


async def exported(db: Database, tmp_path: Path, table: str, fmt: str = "jsonl") -> bytes:
    settings = settings_on(db, feed_urls=["http://127.0.0.1:9/"])
    output = tmp_path / f"{table}.{fmt}"
    assert await export(settings, table, fmt, output, io.BytesIO()) == 0
    return output.read_bytes()


def iso(moment: Any) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


async def test_jsonl_read_back_equals_the_registry(db: Database, tmp_path: Path) -> None:
    await registry(db)
    repo, news = PartnerRepository(db), NewsRepository(db)
    lines = (await exported(db, tmp_path, "partners")).decode("utf-8").splitlines()
    partners = [json.loads(line) for line in lines]
    assert len(partners) == await repo.count() == 26
    for row in partners:
        assert list(row) == ["id", "name", "name_en", "aliases", "country", "kind",
                             "mentions", "articles", "first_seen", "last_seen"]  # fmt: skip
        known = await repo.get(row["id"])
        assert known is not None
        assert (row["name"], row["name_en"], row["country"], row["kind"], row["mentions"]) == (
            known.name, known.name_en, known.country, known.kind, known.mentions,
        )  # fmt: skip
        articles = await repo.news_of(known.id, limit=100)
        assert row["articles"] == [url for _, _, url, _ in reversed(articles)]
        assert row["last_seen"] == iso(known.last_seen)
        assert row["first_seen"] == iso(articles[-1][3])
        assert set(row["aliases"]) == set(known.aliases) - {known.name, known.name_en}

    lines = (await exported(db, tmp_path, "agreements")).decode("utf-8").splitlines()
    agreements = [json.loads(line) for line in lines]
    known_agreements, total = await repo.agreements(limit=1000)
    assert len(agreements) == total == 26
    by_id = {a.id: a for a in known_agreements}
    for row in agreements:
        assert list(row) == ["id", "kind", "title", "signed_on", "parties", "article",
                             "published", "sources"]  # fmt: skip
        a = by_id[row["id"]]
        assert (row["kind"], row["title"], row["signed_on"], row["article"]) == (
            a.kind, a.title, a.signed_on, a.news_link,
        )  # fmt: skip
        assert row["parties"] == list(a.parties) and row["published"] == iso(a.news_date)
    assert sum(row["signed_on"] is not None for row in agreements) == 10

    lines = (await exported(db, tmp_path, "news")).decode("utf-8").splitlines()
    items = [json.loads(line) for line in lines]
    assert len(items) == await news.count() == 54
    for row in items:
        assert list(row) == ["id", "title", "url", "published", "partnership", "partners"]
        item = await news.get(row["id"])
        assert item is not None
        assert (row["title"], row["url"], row["published"]) == (item.title, item.link,
                                                               iso(item.when))  # fmt: skip
        assert row["partners"] == sorted(p.name for p in await repo.of_news(item.id))
        assert row["partnership"] == await repo.partnership_of(item.id)


async def test_csv_for_excel_and_xlsx_sheets(db: Database, tmp_path: Path) -> None:
    await registry(db)
    data = await exported(db, tmp_path, "partners", "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel reads the encoding from
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 26
    assert rows[0]["articles"] == "https://site.test/p0-0; https://site.test/p0-1"
    evil = next(r for r in rows if "Компания" in r["name"] and r["country"] == "")
    assert evil["name"] == "'=1+1 Компания"  # shown as text, never run as a formula
    agreements = await exported(db, tmp_path, "agreements", "csv")
    text = agreements.decode("utf-8-sig")
    assert "'-2 на поставку" in text and "\r\n" in text

    book = load_workbook(io.BytesIO(await exported(db, tmp_path, "agreements", "xlsx")))
    assert book.sheetnames == ["agreements"]
    sheet = book["agreements"]
    assert [c.value for c in sheet[1]] == ["id", "kind", "title", "signed_on", "parties",
                                           "article", "published", "sources"]  # fmt: skip
    assert sheet.max_row == 27
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert "'-2 на поставку" in values
    assert all(not (isinstance(v, str) and v.startswith("=")) for v in values)


async def test_cli_writes_stdout_and_needs_output_for_xlsx(tmp_path: Path) -> None:
    code, out, err = await run_cli(["export", "partners"], tmp_path)
    assert code == 0 and out == "" and "exported 0 partners" in err
    code, _, err = await run_cli(["export", "news", "--format", "xlsx"], tmp_path)
    assert code == 2 and "give --output FILE" in err


async def documents(app: App, text: str, chat_id: int, count: int, **kw: Any) -> list[Any]:
    before = len(app.api.sent_media(chat_id, "sendDocument"))
    app.api.push_message(text, chat_id=chat_id, **kw)
    for _ in range(400):
        sent = app.api.sent_media(chat_id, "sendDocument")[before:]
        if len(sent) == count:
            return sent
        await asyncio.sleep(0.025)
    raise AssertionError(f"{count} documents expected for {text!r}")


async def test_export_command_sends_csv_and_xlsx(app: App) -> None:
    await registry(app.services.news.db)
    sent = await documents(app, "/export", 42, 3)
    names = [c.result["document"]["file_name"] for c in sent]
    assert names[0].startswith("spbpu-partners-") and names[0].endswith(".csv")
    assert names[1].startswith("spbpu-agreements-") and names[2].endswith(".xlsx")
    assert (sent[0].rendered or "").startswith("Партнёров: 26, соглашений: 26. Данные на ")
    partners_csv = app.api.file_content(sent[0].result["document"]["file_id"])
    assert len(partners_csv.decode("utf-8-sig").splitlines()) == 27
    book = load_workbook(io.BytesIO(app.api.file_content(sent[2].result["document"]["file_id"])))
    assert book.sheetnames == ["partners", "agreements"]

    china = await documents(app, "/export Китай", 42, 3, language_code="en")
    assert (china[0].rendered or "").startswith("Export for “Китай”\nPartners: ")
    china_csv = app.api.file_content(china[0].result["document"]["file_id"])
    rows = list(csv.DictReader(io.StringIO(china_csv.decode("utf-8-sig"))))
    assert rows and {r["country"] for r in rows} == {"CN"}
    # One partner's export is captioned with the name the reader reads.
    one = await documents(app, "/export Университет партнёр 3", 42, 3, language_code="en")
    assert (one[0].rendered or "").startswith("Export for “Partner 3 University”\n")
    one = await documents(app, "/export Partner 3 University", 42, 3)
    assert (one[0].rendered or "").startswith("Выгрузка по запросу «Университет партнёр 3»\n")
    reply = await app.ask("/export Гарвард")
    assert reply == "Не нашёл соглашений по запросу «Гарвард»."
    # A nation and kinds of partner alone are the country's, as /agreements reads them.
    chinese = await documents(app, "/export китайские университеты", 42, 3)
    chinese_csv = app.api.file_content(chinese[0].result["document"]["file_id"])
    assert chinese_csv == china_csv


async def test_export_in_groups_is_for_administrators(app: App) -> None:
    await registry(app.services.news.db)
    group = -100_555
    app.api.set_admins(group, [7])
    common: dict[str, Any] = {"chat_type": "supergroup", "title": "Office"}
    reply = await app.ask("/export", chat_id=group, user_id=8, **common)
    assert reply == "В группах выгрузку могут делать только администраторы чата."
    await documents(app, "/export", group, 3, user_id=7, **common)


async def test_export_files_are_named_by_the_day_the_caption_says(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 22:30 UTC on 1 March is already 2 March in Moscow, the day the caption shows.
    late = datetime(2026, 3, 1, 22, 30, tzinfo=UTC)
    monkeypatch.setattr("handlers.export.utcnow", lambda: late)
    await registry(app.services.news.db)
    sent = await documents(app, "/export", 42, 3, language_code="en")
    assert "Data as of 2 March 2026." in (sent[0].rendered or "")
    names = [c.result["document"]["file_name"] for c in sent]
    assert names == [
        "spbpu-partners-2026-03-02.csv",
        "spbpu-agreements-2026-03-02.csv",
        "spbpu-partners-agreements-2026-03-02.xlsx",
    ]


async def test_export_of_a_year_holds_that_years_agreements_and_their_parties(app: App) -> None:
    from tests.test_partner_commands import signed_in_years

    await signed_in_years(app)
    sent = await documents(app, "/export 2019 Китай", 42, 3, language_code="en")
    assert (sent[0].rendered or "").startswith("Export for “Китай, 2019”\nPartners: 1, ")
    agreements_csv = app.api.file_content(sent[1].result["document"]["file_id"])
    rows = list(csv.DictReader(io.StringIO(agreements_csv.decode("utf-8-sig"))))
    assert [(r["signed_on"], r["parties"]) for r in rows] == [("2019-04", "Лунный институт")]
    sent = await documents(app, "/export 2019", 42, 3)
    partners_csv = app.api.file_content(sent[0].result["document"]["file_id"])
    names = [r["name"] for r in csv.DictReader(io.StringIO(partners_csv.decode("utf-8-sig")))]
    assert sorted(names) == ["Лунный институт", "Степной университет"]
    assert await app.ask("/export 2021") == "Соглашений 2021 года не нашёл."


async def test_export_over_a_range_of_years(app: App) -> None:
    """Before, "/export 2019-2023" answered «No agreements found for “2019-2023”»."""
    from tests.test_partner_commands import signed_in_years

    await signed_in_years(app)
    sent = await documents(app, "/export 2019-2023", 42, 3, language_code="en")
    assert (sent[0].rendered or "").startswith("Export for “2019–2023”\nPartners: 2, ")
    agreements_csv = app.api.file_content(sent[1].result["document"]["file_id"])
    rows = list(csv.DictReader(io.StringIO(agreements_csv.decode("utf-8-sig"))))
    assert sorted(r["signed_on"] for r in rows) == ["2019", "2019-04", "2023-11-02"]
    sent = await documents(app, "/export Китай с 2020 года", 42, 3)
    assert (sent[0].rendered or "").startswith("Выгрузка по запросу «Китай, с 2020 года»\n")
    assert await app.ask("/export до 2019") == "Соглашений до 2019 года не нашёл."


async def test_export_of_a_partner_with_a_year_in_its_name(app: App) -> None:
    from tests.test_partner_commands import with_a_year_in_its_name

    name = await with_a_year_in_its_name(app)
    sent = await documents(app, f"/export {name}", 42, 3)
    assert (sent[0].rendered or "").startswith(f"Выгрузка по запросу «{name}»\n"), sent[0].rendered
    agreements_csv = app.api.file_content(sent[1].result["document"]["file_id"])
    rows = list(csv.DictReader(io.StringIO(agreements_csv.decode("utf-8-sig"))))
    assert [r["signed_on"] for r in rows] == ["2024-04-20"]


async def test_export_of_a_document_type(app: App) -> None:
    """Before, «/export меморандумы» searched the articles for the word and found none."""
    from tests.test_partner_commands import documents_of_kinds

    await documents_of_kinds(app)
    sent = await documents(app, "/export меморандумы", 42, 3)
    assert (sent[0].rendered or "").startswith("Выгрузка по запросу «меморандумы»\nПартнёров: 2, ")
    agreements_csv = app.api.file_content(sent[1].result["document"]["file_id"])
    rows = list(csv.DictReader(io.StringIO(agreements_csv.decode("utf-8-sig"))))
    assert sorted(r["signed_on"] for r in rows) == ["2019", "2023-05-16"]
    sent = await documents(app, "/export roadmaps China 2023", 42, 3, language_code="en")
    assert (sent[0].rendered or "").startswith("Export for “roadmaps, China, 2023”\nPartners: 1, ")
    agreements_csv = app.api.file_content(sent[1].result["document"]["file_id"])
    rows = list(csv.DictReader(io.StringIO(agreements_csv.decode("utf-8-sig"))))
    assert [r["signed_on"] for r in rows] == ["2023-09"]
    assert await app.ask("/export договоры 2019") == "Договоров 2019 года не нашёл."
