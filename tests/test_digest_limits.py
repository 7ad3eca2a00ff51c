"""Daily digests stay whole and lose nothing: a busy period fits one message, and items whose
facts are not extracted yet wait for the next digest instead of being skipped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.delivery.audience import Audience
from bot.delivery.digests import DigestService
from bot.text.formatting import TELEGRAM_LIMIT, utf16_len
from storage.partners import PartnerInput
from tests.conftest import App, draft
from tests.fakes.bot_api import parse_telegram_html


def service(app: App) -> DigestService:
    s = app.services
    return DigestService(
        digests=s.digests,
        chats=s.chats,
        news=s.news,
        partners=s.partners,
        audience=Audience(s.chats, s.partners),
    )


async def digest_chat(app: App, chat_id: int, kind: str) -> None:
    await app.services.chats.upsert(chat_id, "private", None, "ru")
    await app.services.chats.subscribe(chat_id, kind)
    await app.services.digests.set_mode(chat_id, "daily", None)
    async with app.services.news.db.transaction() as conn:
        await conn.execute("UPDATE chats SET digest_since = '2000-01-01T00:00:00.000000Z'")


async def store(app: App, key: str, title: str) -> int:
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    link = f"https://www.spbstu.ru/media/news/international_activities/{key}-" + "x" * 60
    [news_id] = await app.services.news.add_new(
        feed.id, [draft(key, title, body=f"{title}.", link=link)], announce=True
    )
    return news_id


async def extracted(app: App, news_id: int, partner: str | None = None) -> None:
    facts = []
    if partner:
        facts = [(None, PartnerInput(partner, None, (), "CN", "university", {partner: partner}))]
    await app.services.partners.replace_facts(news_id, partner is not None, facts, [])


async def test_a_busy_week_still_lists_its_items_within_the_limit(app: App) -> None:
    await digest_chat(app, 11, "all")
    for i in range(60):
        title = f"Новость номер {i}: " + "делегация университета посетила Политех " * 3
        await extracted(app, await store(app, f"n{i}", title))
    assert await service(app).run(datetime.now(UTC) + timedelta(seconds=1)) == 1
    text = await app.services.news.db.fetchval("SELECT text FROM digests WHERE chat_id = 11")
    parse_telegram_html(text)
    assert utf16_len(text) <= TELEGRAM_LIMIT
    assert "Публикации (60):" in text
    assert "Новость номер 0:" in text
    assert "… +" in text  # the rest of the week is counted, not silently cut


async def test_an_item_without_facts_yet_goes_into_the_next_digest(app: App) -> None:
    await digest_chat(app, 12, "partnerships")
    ready = await store(app, "ready", "Соглашение с Университетом Цинхуа")
    await extracted(app, ready, "Университет Цинхуа")
    late = await store(app, "late", "Меморандум с Чжэцзянским университетом")
    # The digest job runs before extraction has reached `late`.
    now = datetime.now(UTC) + timedelta(seconds=1)
    assert await service(app).run(now) == 1
    await extracted(app, late, "Чжэцзянский университет")
    assert await service(app).run(now + timedelta(days=1)) == 1
    first, second = [
        row[0]
        for row in await app.services.news.db.fetchall(
            "SELECT text FROM digests WHERE chat_id = 12 ORDER BY id"
        )
    ]
    assert "Цинхуа" in first and "Чжэцзян" not in first
    assert "Чжэцзян" in second and "Публикации (1):" in second


async def test_a_second_run_in_the_same_period_keeps_its_items_for_the_next(app: App) -> None:
    await digest_chat(app, 13, "all")
    await extracted(app, await store(app, "first", "Первая новость"))
    now = datetime.now(UTC)  # the second item is seen after this run
    assert await service(app).run(now) == 1
    await extracted(app, await store(app, "second", "Вторая новость"))
    # The job runs again the same day (a restart within the misfire grace): no second digest...
    later = datetime.now(UTC)
    assert await service(app).run(later) == 0
    # ...and the item it saw is not lost: tomorrow's digest has it.
    assert await service(app).run(now + timedelta(days=1)) == 1
    texts = [
        row[0]
        for row in await app.services.news.db.fetchall(
            "SELECT text FROM digests WHERE chat_id = 13 ORDER BY id"
        )
    ]
    assert len(texts) == 2 and "Вторая новость" in texts[1]
