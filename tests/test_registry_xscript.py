"""One card for a foreign organisation one article names in Latin letters and another in
Cyrillic, never one card for a company and its subsidiary: invented articles go through the
real extractor and registry merge, and `/partners` is read as a person reads it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.facts.service import ExtractionWorker
from tests.conftest import App
from tests.test_registry_ru import ingest, lines


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    pool = ExtractionWorker()
    yield pool
    pool.close()


async def test_a_subsidiary_brand_in_latin_and_cyrillic_is_one_card_apart_from_the_parent(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и Siemens Energy откроют лабораторию газовых турбин",
         "СПбПУ и компания Siemens Energy подписали соглашение о создании лаборатории газовых "
         "турбин. Студенты получат доступ к оборудованию партнёра."),
        ("Инженеры «Сименс Энерджи» прочитают курс лекций в СПбПУ",
         "СПбПУ и компания «Сименс Энерджи» договорились о совместном курсе по цифровым "
         "двойникам энергетического оборудования."),
        ("Политех и «Сименс» подписали соглашение об автоматизации",
         "СПбПУ и компания «Сименс» подписали соглашение о создании учебного центра "
         "промышленной автоматизации."),
    )  # fmt: skip
    energy = [line for line in lines(reply) if "Energy" in line or "Энерджи" in line]
    assert len(energy) == 1 and energy[0].endswith("— 2"), reply
    assert "🇩🇪" in energy[0], reply  # Siemens' German company, not a Russian one
    parent = [line for line in lines(reply) if line not in energy]
    assert len(parent) == 1 and "Сименс" in parent[0], reply


async def test_a_foreign_groups_russian_company_is_one_russian_card_apart_from_the_group(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Volkswagen Group Rus и Политех запускают программу стажировок",
         "СПбПУ и Volkswagen Group Rus подписали соглашение о стажировках для студентов "
         "Института машиностроения, материалов и транспорта."),
        ("Политех подписал соглашение с ООО «Фольксваген Груп Рус»",
         "СПбПУ и ООО «Фольксваген Груп Рус» заключили соглашение о подготовке инженеров "
         "автомобильной отрасли. Компания передаст вузу учебный двигатель."),
        ("Политех и Volkswagen AG подписали меморандум",
         "СПбПУ и Volkswagen AG подписали меморандум о сотрудничестве в области "
         "электромобилей."),
    )  # fmt: skip
    rus = [line for line in lines(reply) if "Rus" in line or "Рус" in line]
    assert len(rus) == 1 and rus[0].endswith("— 2") and "🇷🇺" in rus[0], reply
    group = [line for line in lines(reply) if line not in rus]
    assert len(group) == 1 and "🇷🇺" not in group[0], reply


async def test_a_company_and_a_university_in_both_scripts_meet_and_a_look_alike_stays_apart(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Nokia поддержит лабораторию телекоммуникаций Политеха",
         "Компания Nokia и СПбПУ подписали соглашение о поддержке лаборатории "
         "телекоммуникационных систем."),
        ("Политех и «Нокиа» подготовят инженеров связи",
         "СПбПУ и компания «Нокиа» договорились о совместной образовательной программе для "
         "инженеров связи."),
        ("Политех и «Нокиан Шины» займутся испытаниями шин",
         "СПбПУ и компания «Нокиан Шины» подписали соглашение о совместных испытаниях зимних "
         "шин."),
        ("Политех и Technische Universität Dresden запускают двойной диплом",
         "СПбПУ и Technische Universität Dresden подписали соглашение о программе двойных "
         "дипломов по электроэнергетике."),
        ("Делегация Дрезденского технического университета посетила СПбПУ",
         "СПбПУ и Дрезденский технический университет договорились о совместных "
         "исследованиях в области микроэлектроники. Соглашение подписали ректоры вузов."),
    )  # fmt: skip
    nokia = [
        line for line in lines(reply) if ("Nokia" in line or "Нокиа" in line) and "н Ш" not in line
    ]
    assert len(nokia) == 1 and nokia[0].endswith("— 2"), reply
    assert len([line for line in lines(reply) if "Нокиан" in line]) == 1, reply
    dresden = [line for line in lines(reply) if "Dresden" in line or "Дрезден" in line]
    assert len(dresden) == 1 and dresden[0].endswith("— 2"), reply


async def test_a_nationality_written_before_a_university_is_no_part_of_its_name(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Делегация из Финляндии посетила Политех",
         "Делегация финского университета Аалто посетила СПбПУ. Стороны подписали соглашение "
         "о программе двойных дипломов по промышленному дизайну."),
    )  # fmt: skip
    [aalto] = [line for line in lines(reply) if "Аалто" in line]
    assert aalto.startswith("• Университет Аалто 🇫🇮"), reply


async def test_a_company_a_russian_text_names_only_in_latin_letters_is_not_called_russian(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Halvorsen Marine и Политех займутся судовыми двигателями",
         "СПбПУ и компания Halvorsen Marine подписали соглашение о совместных исследованиях "
         "судовых двигателей. Работы пройдут в лаборатории Политеха."),
    )  # fmt: skip
    [company] = [line for line in lines(reply) if "Halvorsen" in line]
    assert "🇷🇺" not in company, reply


async def test_a_capitalised_nationality_goes_when_the_text_names_the_university_without_it(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех откроет двойной диплом с немецким вузом",
         "Немецкий университет Штутгарта и СПбПУ подписали соглашение о двойных дипломах в "
         "области машиностроения. Первые студенты университета Штутгарта приедут осенью."),
    )  # fmt: skip
    [stuttgart] = [line for line in lines(reply) if "Штутгарт" in line]
    assert stuttgart.startswith("• Университет Штутгарта 🇩🇪"), reply


async def test_a_latin_head_word_joined_by_a_hyphen_lists_the_university_among_universities(
    app: App, worker: ExtractionWorker
) -> None:
    await ingest(
        app,
        worker,
        ("Политех и Bauhaus-Universität Weimar подписали меморандум",
         "СПбПУ и Bauhaus-Universität Weimar подписали меморандум о сотрудничестве в области "
         "архитектуры и строительства. Стороны планируют обмен студентами магистратуры."),
    )  # fmt: skip
    universities = str(await app.ask("/partners вузы"))
    assert "Bauhaus-Universität Weimar" in universities, universities
    companies = str(await app.ask("/partners компании"))
    assert "Bauhaus" not in companies, companies
