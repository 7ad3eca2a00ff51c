"""Digests that fell due while the bot was down go out when it starts, once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery.digests import period_key
from bot.scheduler import build_scheduler
from bot.text.formatting import DISPLAY_ZONE
from storage.db import to_db
from tests.conftest import App, draft, until
from tests.test_digest import MONDAY_9, service

pytestmark = pytest.mark.both_engines


async def digest_chat(app: App, chat_id: int, mode: str, since: datetime) -> None:
    chats = app.services.chats
    await chats.upsert(chat_id, "private", None, "ru")
    await chats.subscribe(chat_id)
    await app.services.digests.set_mode(chat_id, mode, None)
    await app.services.news.db.execute(
        "UPDATE chats SET digest_since = ? WHERE id = ?", (to_db(since), chat_id)
    )


async def ready_item(app: App, seen: datetime) -> None:
    """An announced item, its page and facts done, first seen at `seen`."""
    news = app.services.news
    [feed] = await app.services.feeds.ensure(["http://site.test/rss"])
    [news_id] = await news.add_new(
        feed.id, [draft(f"catch-up-{seen.isoformat()}", "Соглашение", body="Текст")], announce=True
    )
    await news.db.execute(
        "UPDATE news SET first_seen_at = ?, extracted_at = ?, body_state = 'done' WHERE id = ?",
        (to_db(seen), to_db(seen), news_id),
    )


async def periods(app: App) -> list[tuple[int, str]]:
    rows = await app.services.news.db.fetchall("SELECT chat_id, period FROM digests ORDER BY id")
    return [(int(r[0]), str(r[1])) for r in rows]


async def test_a_restart_after_the_digest_hour_sends_the_missed_daily_digest(app: App) -> None:
    now = datetime.now(UTC)
    hour = now.astimezone(DISPLAY_ZONE).hour  # the digest fell due earlier this hour
    await digest_chat(app, 5, "daily", now - timedelta(days=2))
    await ready_item(app, now - timedelta(days=1))
    scheduler = build_scheduler(
        app.services.ingestor, 3600, app.services.digest_service, digest_hour=hour
    )
    scheduler.start()
    try:
        await until(lambda: _has_digest(app), within=10)
    finally:
        scheduler.shutdown(wait=False)
    assert await periods(app) == [(5, period_key("daily", now))]
    assert [d.chat_id for d in await app.services.outbox.due(10)] == [5]


async def _has_digest(app: App) -> bool:
    return bool(await periods(app))


async def test_a_weekly_digest_missed_on_monday_goes_out_on_tuesday_once(app: App) -> None:
    tuesday_10 = MONDAY_9 + timedelta(days=1, hours=1)
    await digest_chat(app, 6, "weekly", MONDAY_9 - timedelta(days=8))
    await digest_chat(app, 7, "daily", MONDAY_9 - timedelta(days=8))
    await ready_item(app, MONDAY_9 - timedelta(days=3))
    digests = service(app)
    assert await digests.catch_up(9, tuesday_10) == 2
    assert sorted(await periods(app)) == [(6, "weekly:2026-W50"), (7, "daily:2026-12-08")]
    # Caught up: a second start, or the regular run, makes none of them again.
    assert await digests.catch_up(9, tuesday_10 + timedelta(hours=1)) == 0
    # A chat that switched to digests after they fell due is not behind.
    await digest_chat(app, 8, "weekly", tuesday_10)
    assert await digests.catch_up(9, tuesday_10 + timedelta(hours=2)) == 0
    assert len(await periods(app)) == 2
