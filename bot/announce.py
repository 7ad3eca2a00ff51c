"""Announcement text for one item in one language, cached: a broadcast renders it once."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable

from aiogram.types import InlineKeyboardMarkup

from bot.articles import first_sentences
from bot.formatting import announcement
from bot.share import share_markup
from storage.news import NewsItem, NewsRepository

ExtraLines = Callable[[NewsItem, str], Awaitable[list[str]]]


class AnnouncementRenderer:
    """`await render(news_id, lang)` → Telegram HTML, or None when the item is gone."""

    def __init__(
        self, news: NewsRepository, extra_lines: ExtraLines | None = None, cache_size: int = 256
    ) -> None:
        self.news = news
        self.extra_lines = extra_lines
        self._cache: OrderedDict[tuple[int, str], str] = OrderedDict()
        self._cache_size = cache_size
        self._titles: dict[int, str] = {}

    async def share(self, news_id: int, lang: str) -> InlineKeyboardMarkup | None:
        """The Share button under an announcement: inline mode searching the item's title."""
        title = self._titles.get(news_id)
        if title is None:
            item = await self.news.get(news_id)
            if item is None:
                return None
            title = self._titles[news_id] = item.title
            if len(self._titles) > self._cache_size:
                self._titles.pop(next(iter(self._titles)))
        return share_markup(title, lang)

    async def __call__(self, news_id: int, lang: str) -> str | None:
        key = (news_id, lang)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        item = await self.news.get(news_id)
        if item is None:
            return None
        extras = await self.extra_lines(item, lang) if self.extra_lines else []
        text = announcement(
            title=item.title,
            url=item.link,
            when=item.when,
            category=item.category,
            summary=first_sentences(item.text, max_chars=400, max_sentences=3),
            lang=lang,
            extra_lines=extras,
        )
        self._cache[key] = text
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return text
