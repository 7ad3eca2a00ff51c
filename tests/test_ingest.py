"""Ingestion against the fake news site: silent backlog, new items, pages, 304, failures."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from bot.delivery.audience import Audience
from bot.ingest.feeds import HttpFetcher
from bot.ingest.poll import BODY_WAIT, Ingestor, backoff
from storage.chats import ChatRepository
from storage.db import Database, utcnow
from storage.feeds import FeedRepository
from storage.news import NewsRepository
from storage.outbox import OutboxRepository
from storage.partners import PartnerRepository
from tests.fakes.news_site import FakeNewsSite

pytestmark = pytest.mark.both_engines

UA = "PartnershipNewsBot-test/1.0"


@pytest.fixture
async def site() -> AsyncIterator[FakeNewsSite]:
    async with FakeNewsSite(seed=True, timeout_seconds=5, huge_mb=8) as fake:
        yield fake


class Pipeline:
    def __init__(self, db: Database, fetcher: HttpFetcher, urls: list[str]) -> None:
        self.news, self.chats = NewsRepository(db), ChatRepository(db)
        self.feeds, self.outbox = FeedRepository(db), OutboxRepository(db)
        self.queued = 0
        self.ingestor = Ingestor(
            urls=urls,
            interval=60,
            fetcher=fetcher,
            feeds=self.feeds,
            news=self.news,
            audience=Audience(self.chats, PartnerRepository(db)),
            outbox=self.outbox,
            on_queued=self._queued,
        )

    def _queued(self) -> None:
        self.queued += 1


@pytest.fixture
async def fetcher() -> AsyncIterator[HttpFetcher]:
    async with HttpFetcher(user_agent=UA, timeout=2.0, max_bytes=2_000_000) as client:
        yield client


async def test_first_poll_is_silent_then_new_items_are_announced_once(
    db: Database, fetcher: HttpFetcher, site: FakeNewsSite
) -> None:
    pipe = Pipeline(db, fetcher, [site.feed_url])
    await pipe.chats.upsert(1, "private", None, "ru")
    await pipe.chats.subscribe(1)
    first = await pipe.ingestor.poll()
    assert first.feeds[0].new == 3
    assert first.announced == 0 and first.deliveries == 0
    assert await pipe.news.count() == 3
    assert (await pipe.outbox.stats()).by_state == {}

    item = site.publish(
        "Политех и Университет Цинхуа открыли совместный центр",
        [
            "Стороны подписали соглашение о создании центра по квантовым материалам "
            "и договорились о совместной аспирантуре для тридцати молодых исследователей.",
            "Центр разместится в кампусе на Политехнической улице и начнёт работу весной.",
        ],
    )
    second = await pipe.ingestor.poll()
    assert second.feeds[0].new == 1
    assert second.bodies_fetched == 1
    assert (second.announced, second.deliveries) == (1, 1)
    assert pipe.queued == 1
    [stored] = await pipe.news.latest(1)
    assert stored.link == item.link
    assert stored.body is not None and "квантовым материалам" in stored.body
    for noise in ("Поделиться", "Читайте также", "Абитуриентам", "©"):
        assert noise not in stored.body
    assert stored.published_at is not None and stored.published_at.utcoffset() == timedelta(0)
    assert stored.category == "Международная деятельность"
    # Searching a word only the article body has finds it.
    assert [h.item.id for h in await pipe.news.search("квантовые материалы")] == [stored.id]

    third = await pipe.ingestor.poll()
    assert third.feeds[0].status == "not modified"
    assert third.deliveries == 0
    feed_requests = site.requests_to("/media/news/rss/")
    assert feed_requests[-1].status == 304
    assert all(r.headers.get("User-Agent") == UA for r in feed_requests)


async def test_a_batch_of_new_items_is_queued_oldest_first(
    db: Database, fetcher: HttpFetcher, site: FakeNewsSite
) -> None:
    pipe = Pipeline(db, fetcher, [site.feed_url])
    await pipe.chats.upsert(1, "private", None, "ru")
    await pipe.chats.subscribe(1)
    await pipe.ingestor.poll()
    titles = ["Первая новость дня", "Вторая новость дня", "Третья новость дня"]
    for title in titles:
        site.publish(title, [f"{title}: подробности о встрече с партнёрами и планах."])
    report = await pipe.ingestor.poll(force=True)
    assert report.deliveries == 3
    queued = [await pipe.news.get(d.news_id or 0) for d in await pipe.outbox.due(10)]
    assert [item.title for item in queued if item] == titles


async def test_failed_article_page_keeps_the_teaser_and_does_not_hold_back_the_item(
    db: Database, fetcher: HttpFetcher, site: FakeNewsSite
) -> None:
    pipe = Pipeline(db, fetcher, [site.feed_url])
    await pipe.chats.upsert(1, "private", None, "ru")
    await pipe.chats.subscribe(1)
    await pipe.ingestor.poll()
    item = site.publish("Визит делегации", ["Делегация обсудила сотрудничество. " * 10])
    site.set_article_status(item.slug, 500)
    report = await pipe.ingestor.poll()
    assert report.bodies_failed == 1
    assert report.deliveries == 1  # announced with its teaser
    [stored] = await pipe.news.latest(1)
    assert stored.body is None and stored.teaser.endswith("...")
    assert stored.body_state == "failed" and stored.body_attempts == 1
    # The page comes back later: the retry (when due) fills in the text.
    site.set_article_status(item.slug, 200)
    await db.execute("UPDATE news SET body_next_attempt_at = '2000-01-01T00:00:00.000000Z'")
    assert await pipe.ingestor.fetch_bodies() == (1, 0)
    refreshed = await pipe.news.get(stored.id)
    assert refreshed is not None and refreshed.body_state == "done"


async def test_a_short_article_page_gives_its_whole_text_at_once(
    db: Database, fetcher: HttpFetcher, site: FakeNewsSite
) -> None:
    """A news item shorter than a usual article: its page holds more than the cut teaser, and
    that text is taken at once (it was refused as too short, and the page fetched five times)."""
    pipe = Pipeline(db, fetcher, [site.feed_url])
    await pipe.ingestor.poll()
    text = (
        "В субботу в спорткомплексе Политеха прошёл турнир по шахматам среди первокурсников; "
        "победил студент второго курса."
    )
    item = site.publish("Турнир по шахматам", [text])
    report = await pipe.ingestor.poll()
    assert report.bodies_failed == 0
    [stored] = await pipe.news.latest(1)
    assert stored.teaser.endswith("...") and stored.body_state == "done"
    assert stored.body == text
    assert len(site.requests_to(urlsplit(item.link).path)) == 1  # fetched once, done


async def test_items_wait_briefly_for_their_page_then_go_out_anyway(
    db: Database, fetcher: HttpFetcher, site: FakeNewsSite
) -> None:
    pipe = Pipeline(db, fetcher, [site.feed_url])
    await pipe.chats.upsert(1, "private", None, "ru")
    await pipe.chats.subscribe(1)
    await pipe.ingestor.feeds.ensure([site.feed_url])
    await pipe.ingestor.poll()
    site.publish("Новость", ["Текст новости для проверки ожидания страницы. " * 5])
    [feed] = await pipe.feeds.all()
    await pipe.ingestor._poll_feed(feed, force=True)
    assert await pipe.ingestor.announce() == (0, 0)  # page not fetched yet: wait
    later = utcnow() + BODY_WAIT + timedelta(seconds=1)
    assert await pipe.ingestor.announce(now=later) == (1, 1)


@pytest.mark.parametrize(
    "fault", ["500", "503", "empty", "html", "huge", "redirect_loop", "timeout"]
)
async def test_a_failing_feed_is_recorded_backed_off_and_does_not_stop_others(
    db: Database, fetcher: HttpFetcher, site: FakeNewsSite, fault: str
) -> None:
    good = site.fixture_url("atom.xml")
    pipe = Pipeline(db, fetcher, [site.feed_url, good])
    site.feed_fault(fault)  # type: ignore[arg-type]
    report = await pipe.ingestor.poll()
    bad_report, good_report = report.feeds
    assert bad_report.status == "error" and bad_report.detail
    assert good_report.status == "ok" and good_report.new > 0
    bad, _ = await pipe.feeds.all()
    assert bad.error_streak == 1 and bad.error_count == 1 and bad.last_error
    assert bad.next_check_at is not None and bad.next_check_at > utcnow() + timedelta(seconds=60)
    # Backing off: the next scheduled poll skips it, a forced one retries and recovers.
    assert (await pipe.ingestor.poll()).feeds[0].status == "skipped"
    recovered = await pipe.ingestor.poll(force=True)
    assert recovered.feeds[0].status == "ok"
    bad, _ = await pipe.feeds.all()
    assert bad.error_streak == 0 and bad.error_count == 1


def test_backoff_grows_exponentially_and_is_capped() -> None:
    assert backoff(60, 1) == timedelta(seconds=120)
    assert backoff(60, 2) == timedelta(seconds=240)
    assert backoff(600, 30) == timedelta(hours=6)


async def test_other_feed_formats_are_ingested(
    db: Database, fetcher: HttpFetcher, site: FakeNewsSite
) -> None:
    names = ["atom.xml", "rdf.xml", "rss091.xml", "cp1251.xml", "no-guid.xml", "markup-titles.xml"]
    pipe = Pipeline(db, fetcher, [site.fixture_url(n) for n in names])
    report = await pipe.ingestor.poll()
    assert [f.status for f in report.feeds] == ["ok"] * len(names)
    assert all(f.new > 0 for f in report.feeds)
    titles = [item.title for item in await pipe.news.latest(20)]
    assert all(title and "<" not in title for title in titles)
