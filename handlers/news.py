"""/latest and /search over the stored news."""

from __future__ import annotations

import asyncio
import re

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import LinkPreviewOptions, Message

from bot.formatting import cut, esc, format_date, join_within, link
from bot.i18n import t
from handlers.common import user_language
from storage.news import NewsItem, NewsRepository
from storage.search import query_stems, stem_word

LATEST_DEFAULT = 5
LATEST_MAX = 20
SEARCH_LIMIT = 5
MAX_QUERY_CHARS = 200
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def _entry(item: NewsItem, lang: str, snippet: str | None = None) -> str:
    head = f"<b>{link(item.link, cut(item.title, 300))}</b>"
    meta = " · ".join(x for x in (format_date(item.when, lang), item.category or "") if x)
    lines = [head]
    if meta:
        lines.append(f"<i>{esc(meta)}</i>")
    if snippet:
        lines.append(snippet)
    return "\n".join(lines)


def snippet(text: str, stems: list[str], width: int = 220) -> str:
    """Escaped text around the first word whose stem is a query stem, the word in bold."""
    for match in re.finditer(r"[0-9A-Za-zА-Яа-яЁё]+", text):
        if stem_word(match.group()) in stems:
            start = max(0, match.start() - width // 2)
            end = min(len(text), match.end() + width // 2)
            before = ("…" if start else "") + text[start : match.start()]
            after = text[match.end() : end] + ("…" if end < len(text) else "")
            return f"{esc(before)}<b>{esc(match.group())}</b>{esc(after)}"
    return esc(cut(text, width))


async def latest(message: Message, command: CommandObject, news: NewsRepository) -> None:
    lang = user_language(message.from_user)
    count = LATEST_DEFAULT
    if command.args:
        arg = command.args.strip()
        # isdigit() alone lets "²" through, which int() refuses.
        if not (arg.isascii() and arg.isdigit()) or not 1 <= int(arg) <= LATEST_MAX:
            await message.answer(t(lang, "latest_bad_n"))
            return
        count = int(arg)
    items = await news.latest(count)
    if not items:
        await message.answer(t(lang, "latest_empty"))
        return
    blocks = [t(lang, "latest_title"), *(_entry(item, lang) for item in items)]
    await message.answer(join_within(blocks), link_preview_options=_NO_PREVIEW)


async def search(message: Message, command: CommandObject, news: NewsRepository) -> None:
    lang = user_language(message.from_user)
    query = (command.args or "").strip()[:MAX_QUERY_CHARS]
    stems = query_stems(query)
    if not stems:
        await message.answer(t(lang, "search_usage"))
        return
    hits = await news.search(query, SEARCH_LIMIT)
    shown = esc(cut(query, 60))
    if not hits:
        await message.answer(t(lang, "search_none", query=shown))
        return
    blocks = [t(lang, "search_title", query=shown)]
    snippets = await asyncio.to_thread(lambda: [snippet(h.item.text, stems) for h in hits])
    blocks.extend(_entry(hit.item, lang, text) for hit, text in zip(hits, snippets, strict=True))
    await message.answer(join_within(blocks), link_preview_options=_NO_PREVIEW)


def build_router() -> Router:
    router = Router(name="news")
    router.message.register(latest, Command("latest"))
    router.message.register(search, Command("search"))
    return router
