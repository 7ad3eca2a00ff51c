"""One card per Russian organisation, never one card for two: invented press-office articles go
through the real extractor and registry merge, and `/partners` is read as a person reads it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.facts.service import ExtractionWorker, FactsService
from tests.conftest import App, draft


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    pool = ExtractionWorker()
    yield pool
    pool.close()


async def ingest(app: App, worker: ExtractionWorker, *articles: tuple[str, str]) -> str:
    """Store and extract the articles (title, text); the `/partners` list as a reader sees it."""
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    for n, (title, text) in enumerate(articles):
        item = draft(f"r{n}", title, body=text, link=f"https://site.test/news/{n}/")
        await app.services.news.add_new(feed.id, [item], announce=True)
    await FactsService(worker, app.services.news, app.services.partners).process_pending()
    return str(await app.ask("/partners"))


def lines(reply: str) -> list[str]:
    return [line for line in reply.splitlines() if line.startswith("• ")]


async def test_a_university_named_with_its_status_and_without_is_one_card(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и Университет ИТМО откроют совместную магистратуру",
         "СПбПУ и Университет ИТМО подписали соглашение о совместной магистерской программе по "
         "квантовым технологиям. Занятия пройдут на площадках обоих вузов."),
        ("СПбПУ и Национальный исследовательский университет ИТМО создадут лабораторию",
         "Политех и Национальный исследовательский университет ИТМО заключили договор о "
         "сотрудничестве в области фотоники. Учёные двух вузов создадут общую лабораторию."),
    )  # fmt: skip
    itmo = [line for line in lines(reply) if "ИТМО" in line]
    assert len(itmo) == 1 and itmo[0].endswith("— 2"), reply


async def test_an_abbreviation_with_its_eponym_meets_the_full_name(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и МГТУ им. Н. Э. Баумана подписали соглашение",
         "СПбПУ и МГТУ им. Н. Э. Баумана подписали соглашение о сотрудничестве в области "
         "ракетной техники. Вузы проведут совместные инженерные соревнования."),
        ("Политех и Московский государственный технический университет имени Н. Э. Баумана "
         "создадут консорциум",
         "СПбПУ и Московский государственный технический университет имени Н. Э. Баумана "
         "договорились о создании консорциума по двигателестроению."),
    )  # fmt: skip
    bauman = [line for line in lines(reply) if "Баумана" in line]
    assert len(bauman) == 1 and bauman[0].endswith("— 2"), reply


async def test_a_committee_with_its_government_and_without_is_one_card_and_no_government(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и Комитет по науке и высшей школе подписали соглашение",
         "СПбПУ и Комитет по науке и высшей школе Правительства Санкт-Петербурга подписали "
         "соглашение о поддержке молодых учёных. Стороны проведут конкурс научных проектов."),
        ("Комитет по науке и высшей школе и СПбПУ проведут олимпиаду",
         "Политех совместно с Комитетом по науке и высшей школе проведёт городскую олимпиаду "
         "по инженерной графике. Соглашение о проведении олимпиады подписано на этой неделе."),
    )  # fmt: skip
    committee = [line for line in lines(reply) if "Комитет по науке" in line]
    assert len(committee) == 1 and committee[0].endswith("— 2"), reply
    assert not any(line.startswith("• Правительство") for line in lines(reply)), reply


async def test_a_branch_is_not_its_university(app: App, worker: ExtractionWorker) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и МГУ имени М. В. Ломоносова подписали соглашение",
         "СПбПУ и Московский государственный университет имени М. В. Ломоносова подписали "
         "соглашение о сотрудничестве в области суперкомпьютерных вычислений."),
        ("Политех и филиал МГУ в Севастополе подписали договор",
         "СПбПУ и Филиал МГУ имени М. В. Ломоносова в городе Севастополе подписали договор о "
         "сотрудничестве в области морской робототехники."),
    )  # fmt: skip
    msu = [line for line in lines(reply) if "Ломоносова" in line]
    assert len(msu) == 2 and all(line.endswith("— 1") for line in msu), reply
    assert any(line.startswith("• Филиал МГУ") for line in msu), reply


async def test_a_card_shows_the_full_name_once_an_article_gives_it(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и ОАО «РЖД» подписали соглашение",
         "СПбПУ и ОАО «РЖД» подписали соглашение о сотрудничестве в подготовке инженеров "
         "транспорта. Стороны откроют совместную лабораторию."),
        ("Российские железные дороги стали партнёром Политеха",
         "Компания «Российские железные дороги» стала партнёром СПбПУ в программе подготовки "
         "инженеров транспорта. Стороны подписали договор о целевом обучении."),
    )  # fmt: skip
    rzd = [line for line in lines(reply) if line.endswith("— 2")]
    assert len(rzd) == 1 and rzd[0].startswith("• Российские железные дороги "), reply


async def test_a_university_named_by_its_brand_after_its_type_words_is_one_card(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и НИТУ «МИСиС» подписали соглашение",
         "СПбПУ и НИТУ «МИСиС» подписали соглашение о сотрудничестве в области порошковой "
         "металлургии. Вузы создадут общую лабораторию."),
        ("Университет МИСиС и Политех откроют сетевую магистратуру",
         "Политех и Университет МИСиС договорились об открытии сетевой магистерской программы "
         "по металловедению. Соглашение подписали ректоры."),
    )  # fmt: skip
    misis = [line for line in lines(reply) if "МИСИС" in line.upper()]
    assert len(misis) == 1 and misis[0].endswith("— 2"), reply


async def test_a_brand_before_an_eponym_meets_and_the_full_name_is_shown(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и БГТУ «ВОЕНМЕХ» подписали соглашение",
         "СПбПУ и БГТУ «ВОЕНМЕХ» подписали соглашение о сотрудничестве в области ракетной "
         "техники. Вузы проведут совместные исследования."),
        ("Политех и Балтийский государственный технический университет «ВОЕНМЕХ» им. Д. Ф. "
         "Устинова создадут центр",
         "СПбПУ и Балтийский государственный технический университет «ВОЕНМЕХ» им. Д. Ф. "
         "Устинова договорились о создании совместного центра робототехники."),
    )  # fmt: skip
    cards = [line for line in lines(reply) if "военмех" in line.lower()]
    assert len(cards) == 1, reply
    card = cards[0]
    assert card.startswith("• Балтийский государственный технический университет"), reply
    assert card.endswith("— 2"), reply


async def test_a_company_quoted_after_a_lower_case_university_is_no_university_card(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и «Газпром» подписали соглашение",
         "Санкт-Петербургский политехнический университет и ПАО «Газпром» подписали соглашение "
         "о сотрудничестве. В университете «Газпром» откроет лабораторию."),
        ("Политех и «Газпром» продлили сотрудничество",
         "Политех и «Газпром» подписали дополнительное соглашение о подготовке кадров."),
    )  # fmt: skip
    gazprom = [line for line in lines(reply) if "Газпром" in line]
    assert len(gazprom) == 1 and "ниверситет" not in gazprom[0], reply


async def test_a_card_shows_the_texts_full_name_not_the_registrys_abbreviated_eponym(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и ИХС РАН подписали соглашение",
         "Политех и Институт химии силикатов имени И. В. Гребенщикова РАН подписали соглашение "
         "о совместных исследованиях керамики."),
        ("Учёные Политеха и ИХС РАН открыли лабораторию",
         "Политех и ИХС РАН открыли совместную лабораторию керамики."),
    )  # fmt: skip
    card = [line for line in lines(reply) if "силикатов" in line or "ИХС" in line]
    assert len(card) == 1 and "имени И. В. Гребенщикова" in card[0], reply
    assert card[0].endswith("— 2"), reply
