"""Announcement of one item in one language, cached: a broadcast renders it once."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence

from aiogram.types import InlineKeyboardMarkup

from bot.delivery.share import share_markup
from bot.text.documents import recalled
from bot.text.formatting import Outgoing, announcement, tidy_summary
from bot.text.i18n import AGREEMENT_KINDS, category_label, label, t, written_in
from bot.text.summary import first_sentences
from storage.news import NewsItem, NewsRepository
from storage.partners import PartnerRepository

ExtraLines = Callable[[NewsItem, str], Awaitable[list[str]]]


def _http(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None


class AnnouncementRenderer:
    """`await render(news_id, lang)` → the message, or None when the item is gone.

    Title linked, date and kind (the document signed, else the feed's category in the reader's
    language), a short summary, the partners line; a «Read on the site» button; the feed's
    image as the link preview.
    """

    def __init__(
        self,
        news: NewsRepository,
        extra_lines: ExtraLines | None = None,
        cache_size: int = 256,
        partners: PartnerRepository | None = None,
    ) -> None:
        self.news = news
        self.extra_lines = extra_lines
        self.partners = partners
        self._cache: OrderedDict[tuple[int, str], Outgoing] = OrderedDict()
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

    async def __call__(self, news_id: int, lang: str) -> Outgoing | None:
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
            category=" · ".join(
                x for x in (await self._kind(item, lang), written_in(item.title, lang)) if x
            ),
            summary=first_sentences(tidy_summary(item.text), max_chars=400, max_sentences=3),
            lang=lang,
            extra_lines=extras,
        )
        link = _http(item.link)
        message = Outgoing(
            text,
            button=(t(lang, "read_on_site"), link) if link else None,
            preview_url=_http(item.image_url),
        )
        self._cache[key] = message
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return message

    async def _kind(self, item: NewsItem, lang: str) -> str:
        if self.partners is None:
            return category_label(item.category, lang)
        return (await news_kinds(self.partners, [item], lang))[item.id]


async def news_kinds(
    partners: PartnerRepository, items: Sequence[NewsItem], lang: str
) -> dict[int, str]:
    """Each item's kind as its announcement says it: the document it is the news of, else its
    category (a document an earlier article reported first, or one signed in an earlier year,
    is no news of this one). /latest and /search say the same (they said the category alone)."""
    kinds = {item.id: category_label(item.category, lang) for item in items}
    if not items:
        return kinds
    signed, _ = await partners.agreements(
        news_ids=[item.id for item in items], limit=_DOCUMENTS_EACH * len(items)
    )
    dated = {item.id: item.published_at for item in items}
    told: set[int] = set()
    for a in signed:  # newest first, as the announcement took the first
        if (
            a.news_id in dated
            and a.news_id not in told
            and not recalled(a.signed_on, dated[a.news_id])
        ):
            kinds[a.news_id] = "📄 " + label(AGREEMENT_KINDS, a.kind, lang)
            told.add(a.news_id)
    return kinds


_DOCUMENTS_EACH = 20  # documents read per item: an article reports a few at most
