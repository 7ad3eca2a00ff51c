"""One poll: fetch every feed politely, store new items, fetch their pages, queue announcements.

Order matters for crash safety: items are stored (with `fanned_out = 0`) before anything else,
and outbox rows are made in the same transaction that marks an item fanned out, so a crash at
any point repeats work but never loses or doubles an item.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.delivery.audience import Audience
from bot.ingest.articles import decode_html, extract_article_text, page_image
from bot.ingest.feeds import (
    FeedError,
    FeedItem,
    HttpFetcher,
    RefusedAddress,
    normalise_link,
    parse_feed,
)
from storage.db import utcnow
from storage.feeds import FeedRecord, FeedRepository
from storage.news import NewsDraft, NewsItem, NewsRepository
from storage.outbox import OutboxRepository

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=6)
BODY_BATCH = 30
BODY_RETRY_BASE = timedelta(minutes=10)
# Items whose page is still unfetched wait at most this long before being announced anyway.
BODY_WAIT = timedelta(minutes=10)

Extract = Callable[[], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class FeedReport:
    url: str
    status: str  # "ok" | "not modified" | "skipped" | "error"
    new: int = 0
    seen: int = 0
    detail: str = ""


@dataclass(frozen=True, slots=True)
class PollReport:
    feeds: tuple[FeedReport, ...]
    bodies_fetched: int
    bodies_failed: int
    announced: int
    deliveries: int

    def summary(self) -> str:
        lines = []
        for feed in self.feeds:
            line = f"{feed.url}: {feed.status}"
            if feed.status == "ok":
                line += f", {feed.new} new, {feed.seen} already known"
            if feed.detail:
                line += f" ({feed.detail})"
            lines.append(line)
        lines.append(
            f"articles fetched: {self.bodies_fetched}, failed: {self.bodies_failed}; "
            f"items announced: {self.announced}, deliveries queued: {self.deliveries}"
        )
        return "\n".join(lines)


def to_draft(item: FeedItem) -> NewsDraft:
    return NewsDraft(
        key=item.key,
        link_key=normalise_link(item.link) if item.link else None,
        guid=item.guid,
        link=item.link,
        title=item.title,
        teaser=item.teaser,
        body=item.content,
        category=item.category,
        image_url=item.image_url,
        published_at=item.published,
        needs_page=item.needs_page,
    )


def oldest_first(drafts: list[NewsDraft]) -> list[NewsDraft]:
    """Feeds list the newest item first; stored (and so announced) oldest first, a chat reads
    a batch in order. Undated items keep their feed order, reversed, after the dated ones."""
    backwards = drafts[::-1]
    return sorted(
        backwards,
        key=lambda d: (d.published_at is None, d.published_at or datetime.min.replace(tzinfo=UTC)),
    )


def _page_text(
    body: bytes, content_type: str | None, url: str | None, teaser: str | None = None
) -> tuple[str | None, str | None]:
    """The article's main text and its og:image (the preview when the feed has no image); a
    short text counts when it opens as the feed's teaser does."""
    page = decode_html(body, content_type)
    return extract_article_text(page, url, teaser), page_image(page, url)


def backoff(interval: float, streak: int) -> timedelta:
    """Exponential: the n-th consecutive failure waits interval * 2**n, at most six hours."""
    return min(timedelta(seconds=interval * 2 ** min(streak, 20)), MAX_BACKOFF)


class Ingestor:
    def __init__(
        self,
        *,
        urls: list[str],
        interval: float,
        fetcher: HttpFetcher,
        feeds: FeedRepository,
        news: NewsRepository,
        audience: Audience,
        outbox: OutboxRepository,
        extract: Extract | None = None,
        on_queued: Callable[[], None] | None = None,
    ) -> None:
        self.urls = urls
        self.interval = interval
        fetcher.trust(*urls)  # feeds on private addresses are the operator's choice
        self.fetcher = fetcher
        self.feeds = feeds
        self.news = news
        self.audience = audience
        self.outbox = outbox
        self.extract = extract
        self.on_queued = on_queued
        self._lock = asyncio.Lock()

    async def poll(self, *, force: bool = False) -> PollReport:
        """The scheduled job; `force` ignores backoff (for /pollnow and `poll --once`)."""
        async with self._lock:  # the scheduler never overlaps; /pollnow must not either
            records = await self.feeds.ensure(self.urls)
            reports = [await self._poll_feed(record, force) for record in records]
            fetched, failed = await self.fetch_bodies()
            if self.extract is not None:
                await self.extract()  # facts before announcements: filters and partner lines
            announced, deliveries = await self.announce()
        return PollReport(tuple(reports), fetched, failed, announced, deliveries)

    async def _poll_feed(self, record: FeedRecord, force: bool) -> FeedReport:
        now = utcnow()
        if not force and record.next_check_at is not None and record.next_check_at > now:
            return FeedReport(
                record.url, "skipped", detail=f"backing off until {record.next_check_at:%H:%M} UTC"
            )
        try:
            result = await self.fetcher.fetch(
                record.url, etag=record.etag, last_modified=record.last_modified
            )
            if result.not_modified:
                await self.feeds.record_success(
                    record.id,
                    etag=result.etag or record.etag,
                    last_modified=result.last_modified or record.last_modified,
                    title=None,
                    next_check_at=now,
                )
                return FeedReport(record.url, "not modified")
            assert result.body is not None
            parsed = await asyncio.to_thread(
                parse_feed, result.body, result.url, result.content_type
            )
        except FeedError as exc:
            return await self._failed(record, exc.reason)
        except Exception as exc:  # a bug must not stop the other feeds
            log.exception("feed %s: unexpected error", record.url)
            return await self._failed(record, f"internal error: {type(exc).__name__}")
        drafts = oldest_first([to_draft(item) for item in parsed.items])
        # A feed's first successful poll imports its backlog silently.
        new_ids = await self.news.add_new(record.id, drafts, announce=record.initialised)
        await self.feeds.record_success(
            record.id,
            etag=result.etag,
            last_modified=result.last_modified,
            title=parsed.title,
            next_check_at=now,
            saw_items=bool(drafts),
        )
        log.info("feed %s: %d items, %d new", record.url, len(drafts), len(new_ids))
        detail = "" if record.initialised else "first poll: backlog imported without announcing"
        return FeedReport(record.url, "ok", len(new_ids), len(drafts) - len(new_ids), detail)

    async def _failed(self, record: FeedRecord, reason: str) -> FeedReport:
        wait = backoff(self.interval, record.error_streak + 1)
        streak = await self.feeds.record_failure(record.id, reason, next_check_at=utcnow() + wait)
        log.warning(
            "feed %s failed (%s); failure %d in a row, next try in %s",
            record.url,
            reason,
            streak,
            wait,
        )
        return FeedReport(record.url, "error", detail=reason)

    async def fetch_bodies(self, limit: int = BODY_BATCH) -> tuple[int, int]:
        """Fetch article pages for items whose teaser is cut; failures retry later."""
        fetched = failed = 0
        for item in await self.news.bodies_due(limit):
            assert item.link is not None
            try:
                result = await self.fetcher.fetch(
                    item.link, accept="text/html,application/xhtml+xml"
                )
                assert result.body is not None
                text, image = await asyncio.to_thread(
                    _page_text, result.body, result.content_type, item.link, item.teaser
                )
                if not text:
                    raise FeedError("no article text found on the page")
            except RefusedAddress as exc:
                failed += 1
                log.warning("article %s: %s; keeping the teaser for good", item.link, exc.reason)
                await self.news.body_failed(item.id, exc.reason, retry_at=utcnow(), final=True)
                continue
            except FeedError as exc:
                failed += 1
                await self._body_failed(item, exc.reason)
                continue
            except Exception as exc:
                failed += 1
                log.exception("article %s: unexpected error", item.link)
                await self._body_failed(item, f"internal error: {type(exc).__name__}")
                continue
            await self.news.set_body(item.id, text, image_url=image)
            fetched += 1
        return fetched, failed

    async def _body_failed(self, item: NewsItem, reason: str) -> None:
        retry_at = utcnow() + BODY_RETRY_BASE * 2**item.body_attempts
        log.warning("article %s: %s; keeping the teaser, retry at %s", item.link, reason, retry_at)
        await self.news.body_failed(item.id, reason, retry_at=retry_at)

    async def announce(self, now: datetime | None = None) -> tuple[int, int]:
        """Queue deliveries for announceable items whose page is fetched, failed once, or late."""
        now = now or utcnow()
        items = 0
        rows = 0
        for item in await self.news.unannounced():
            if item.body_state == "pending" and now - item.first_seen_at < BODY_WAIT:
                continue
            if self.extract is not None and not item.extracted:
                continue
            targets = await self.audience.targets(item)
            rows += await self.outbox.fan_out(item.id, targets)
            items += 1
        if rows and self.on_queued is not None:
            self.on_queued()
        return items, rows
