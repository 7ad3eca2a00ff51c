"""A registry organisation named by its short alias in one article («Сбер») and by its full
name in another («Сбербанк») is one partner card (invented texts)."""

from __future__ import annotations

from bot.facts.service import ExtractionWorker
from tests.conftest import App
from tests.test_registry_ru import ingest, lines, worker

__all__ = ["worker"]  # the module-scoped extraction pool fixture


async def test_a_short_alias_and_the_full_name_are_one_card(
    app: App, worker: ExtractionWorker
) -> None:
    reply = await ingest(
        app,
        worker,
        ("Политех и Сбер откроют лабораторию",
         "Политех и Сбер подписали соглашение о создании лаборатории машинного обучения. "
         "Специалисты Сбера будут руководить проектами студентов."),
        ("Политех и Сбербанк подписали соглашение",
         "СПбПУ и ПАО Сбербанк подписали соглашение о подготовке специалистов по анализу "
         "данных. Стороны откроют совместную магистерскую программу."),
    )  # fmt: skip
    cards = [line for line in lines(reply) if "сбер" in line.lower()]
    assert len(cards) == 1 and cards[0].endswith("— 2"), reply
