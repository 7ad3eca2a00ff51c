"""`make demo`'s conversation, asserted on as the people in it read it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.demo import play


def section(transcript: str, number: int) -> str:
    start = transcript.index(f"══ {number}.")
    end = transcript.find(f"══ {number + 1}.", start)
    return transcript[start : end if end > 0 else None]


@pytest.mark.both_engines
async def test_the_demo_conversation_reads_well(tmp_path: Path, database_target: str) -> None:
    postgres = database_target if database_target.startswith("postgresql://") else None
    transcript = await play(tmp_path, postgres)
    assert "!!" not in transcript, transcript  # no call the (fake) Telegram refused
    assert "ошибки в журнале бота" not in transcript, transcript
    assert not re.search(r"</?(b|a|i)>|&(lt|gt|amp|quot);", transcript)

    start = section(transcript, 1)
    assert "[🤝 Только о партнёрстве]\n    [📰 Все новости]" in start
    assert "Готово, подписка добавлена: новости о партнёрстве." in start
    # «что ты умеешь?» asks about the bot: what it can do, no button to search the news for it.
    assert "Я понимаю команды: /subscribe" in start and "Искать «что ты умеешь»" not in start
    assert "[🤝 Partnership news only]" in section(transcript, 2)

    group = section(transcript, 3)
    assert "Настраивать меня в этой группе могут только администраторы" in group
    assert (
        "Пётр → группа «Международный отдел»: /subscribe\nбот → группа «Международный отдел»:\n"
        "    Подписки и дайджест группы могут менять только администраторы чата." in group
    )
    assert "Этот чат уже подписан:\n    • новости о партнёрстве" in group

    news = section(transcript, 5)
    topic = [block for block in news.split("бот → ") if block.startswith("форум")]
    assert len(topic) == 2 and "Цинхуа" in topic[0] and "Казахского" in topic[1]  # in order
    assert "· 📄 Соглашение" in topic[0]
    assert (
        "🤝 Партнёры: Университет Цинхуа (🇨🇳 Китай)\n    [Читать на сайте]\n    [Поделиться]\n"
        "    🖼 превью: http" in topic[0]
    )
    assert "🤝 Partners: Tsinghua University (🇨🇳 China)\n    [Read on the site]" in news
    card = section(transcript, 6).split("John → John's private chat: /partners Tsinghua")[1]
    assert "    Also: Цинхуа\n" in card  # each other name once
    assert news.count("Команда Политеха выиграла турнир") == 1  # John's "all news" only

    asked = section(transcript, 6)
    assert "Соглашения по запросу «🇨🇳 Китай»" in asked and "«CN»" not in asked
    assert "[🔎 Искать «экспедиция на Алтай»]" in asked
    assert "Tsinghua University\n    Университет Цинхуа\n    🇨🇳 China · university" in asked

    subs = section(transcript, 7)
    assert "Под «университет» подходят несколько партнёров" in subs
    assert "(подсказка на экране: Эта подписка уже удалена.)" in subs

    operator = section(transcript, 8)
    assert re.search(r"Следующая проверка: \d+ декабря 20\d\d, \d\d:\d\d МСК", operator)
    assert "Опрос завершён" in operator and "next tick" not in operator
