"""Registry leftovers: an institute's field across scripts, a hyphenless university name, a
bare common word beside a foreign legal-form card, eponymous foreign institutes in a Russian
text, and a few extraction misfires. Invented press-office articles go through the real
extractor and registry merge; `/partners` is read as a person reads it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.facts.matching import is_own
from bot.facts.service import ExtractionWorker
from tests.conftest import App
from tests.test_registry_ru import ingest, lines


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    pool = ExtractionWorker()
    yield pool
    pool.close()


def having(reply: str, *words: str) -> list[str]:
    return [line for line in lines(reply) if any(w in line for w in words)]


async def test_an_institutes_field_in_russian_and_english_is_one_card_another_field_another(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и Институт Фраунгофера по лазерным технологиям откроют лабораторию",
         "СПбПУ и Институт Фраунгофера по лазерным технологиям подписали соглашение о "
         "создании совместной лаборатории аддитивного производства. Первые проекты начнутся "
         "весной."),
        ("SPbPU and Fraunhofer ILT to train laser engineers",
         "Peter the Great St. Petersburg Polytechnic University and the Fraunhofer Institute "
         "for Laser Technology ILT signed a cooperation agreement on a joint master's programme "
         "in laser materials processing."),
        ("Политех и Институт Фраунгофера по производственным технологиям займутся станками",
         "СПбПУ и Институт Фраунгофера по производственным технологиям договорились о "
         "совместных исследованиях в области цифровых станков."),
    )  # fmt: skip
    laser = having(reply, "лазер", "Laser")
    assert len(laser) == 1 and laser[0].endswith("— 2"), reply
    production = having(reply, "производств", "Production")
    assert len(production) == 1 and production[0].endswith("— 1"), reply


async def test_a_societys_native_name_meets_its_russian_translation(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и Max-Planck-Gesellschaft договорились о стажировках",
         "СПбПУ и Max-Planck-Gesellschaft подписали соглашение о стажировках аспирантов в "
         "институтах общества."),
        ("Делегация Общества Макса Планка посетила Политех",
         "СПбПУ и Общество Макса Планка договорились о совместной летней школе по физике "
         "плазмы. Соглашение подписали в Санкт-Петербурге."),
    )  # fmt: skip
    planck = having(reply, "Planck", "Планк")
    assert len(planck) == 1 and planck[0].endswith("— 2"), reply


async def test_a_university_name_with_and_without_its_hyphen_and_in_russian_is_one_card(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("SPbPU and Bauhaus University Weimar launch a joint studio",
         "Peter the Great St. Petersburg Polytechnic University and Bauhaus University Weimar "
         "signed an agreement on a joint architecture studio for master's students."),
        ("Политех и Университет Баухаус в Веймаре обменяются студентами",
         "СПбПУ и Университет Баухаус в Веймаре подписали соглашение об академическом обмене "
         "студентами-архитекторами."),
        ("Политех и Bauhaus-Universität Weimar подписали меморандум",
         "СПбПУ и Bauhaus-Universität Weimar подписали меморандум о сотрудничестве в области "
         "строительных материалов."),
    )  # fmt: skip
    bauhaus = having(reply, "Bauhaus", "Баухаус")
    assert len(bauhaus) == 1 and bauhaus[0].endswith("— 3"), reply


async def test_an_academy_institute_with_and_without_its_academy_is_one_card(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и Институт проблем транспорта РАН подписали соглашение",
         "СПбПУ и Институт проблем транспорта РАН подписали соглашение о совместных "
         "исследованиях беспилотного транспорта."),
        ("Институт проблем транспорта и Политех откроют лабораторию",
         "СПбПУ и Институт проблем транспорта договорились о создании совместной лаборатории "
         "интеллектуальных транспортных систем."),
        ("Политех и Институт проблем механики РАН проведут школу",
         "СПбПУ и Институт проблем механики РАН подписали соглашение о летней школе для "
         "аспирантов."),
    )  # fmt: skip
    transport = having(reply, "транспорта")
    assert len(transport) == 1 and transport[0].endswith("— 2"), reply
    assert len(having(reply, "механики")) == 1, reply


async def test_a_bare_common_word_company_does_not_join_a_foreign_legal_form_card(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Politech and Polymer GmbH open a composites lab",
         "Peter the Great St. Petersburg Polytechnic University and the German company Polymer "
         "GmbH signed an agreement on a joint composites laboratory."),
        ("Политех и компания Polymer займутся упаковкой",
         "СПбПУ и нижегородская компания Polymer подписали соглашение о совместной разработке "
         "биоразлагаемой упаковки."),
    )  # fmt: skip
    polymer = having(reply, "Polymer", "Полимер")
    assert len(polymer) == 2 and all(p.endswith("— 1") for p in polymer), reply


async def test_eponymous_foreign_institutes_in_a_russian_text_are_not_called_russian(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и Институт Пастера изучат биоплёнки",
         "СПбПУ и Институт Пастера подписали соглашение о совместных исследованиях "
         "бактериальных биоплёнок. Учёные проведут первые эксперименты весной."),
        ("Политех и Институт Макса Планка по физике плазмы проведут школу",
         "СПбПУ и Институт Макса Планка по физике плазмы подписали меморандум о проведении "
         "летней школы для аспирантов."),
        ("Политех и Общество Макса Планка договорились о стажировках",
         "СПбПУ и Общество Макса Планка заключили соглашение о стажировках молодых учёных."),
    )  # fmt: skip
    found = having(reply, "Пастер", "Pasteur", "Планк", "Planck")
    assert len(found) == 3, reply
    assert not [line for line in found if "🇷🇺" in line], reply


async def test_a_person_in_a_headline_beside_the_university_is_no_partner(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("SPbPU and Vladimir Putin Discuss Engineering Education",
         "The rector met the President in the Kremlin. They discussed the training of "
         "engineers for industry and the university's new partnership programmes."),
    )  # fmt: skip
    assert not having(reply, "Putin", "Путин"), reply


async def test_a_power_plant_named_by_its_place_and_kind_is_a_partner(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("SPbPU and Kursk NPP sign a training agreement",
         "Peter the Great St. Petersburg Polytechnic University and Kursk NPP signed an "
         "agreement on internships for nuclear engineering students. The plant will host twenty "
         "students every summer."),
        ("SPbPU and Beloyarsk NPP to model fast reactors",
         "SPbPU and Beloyarsk NPP signed a memorandum on digital models of fast reactors."),
    )  # fmt: skip
    assert having(reply, "Kursk", "Курск"), reply
    assert having(reply, "Beloyarsk", "Белоярск"), reply


async def test_a_company_whose_first_word_is_a_countrys_name_gets_no_such_country(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и «Мали Инжиниринг» займутся проектированием",
         "СПбПУ и компания «Мали Инжиниринг» из Санкт-Петербурга подписали соглашение о "
         "совместном проектировании инженерных систем."),
    )  # fmt: skip
    [mali] = having(reply, "Мали")
    assert "🇲🇱" not in mali, reply


def test_another_school_named_polytechnic_is_not_the_university() -> None:
    assert not is_own("Политехникум")
    assert not is_own("Политехникума")
    assert all(is_own(n) for n in ("Политех", "Политехе", "Политехом", "Политеха", "Политеху"))
