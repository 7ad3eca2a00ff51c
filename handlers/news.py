"""/latest and /search over the stored news."""

from __future__ import annotations

import asyncio
import math
import re
from collections.abc import Sequence
from datetime import datetime

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    CallbackQuery,
    InaccessibleMessage,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
)

from bot.delivery.rendering import news_kinds
from bot.facts.lookup import PartnerLookup
from bot.text.countries import country_name, resolve_country_query
from bot.text.formatting import (
    DISPLAY_ZONE,
    cut,
    esc,
    format_date,
    join_within,
    link,
    tidy_summary,
    typed_text,
)
from bot.text.i18n import RU, t, written_in
from bot.text.spelling import MIN_LETTERS, WORD, nearest, vocabulary
from bot.text.stems import query_stems, says_something, search_stems, stem_word
from handlers.agreements import FIRST_YEAR, OPEN_END, Years, read_kinds, read_year
from handlers.common import edit_page, meant_layout, user_language
from handlers.keyboards import (
    SearchCallback,
    SearchPage,
    fit_callback_text,
    pack_words,
    pager,
    unpack_words,
)
from storage.news import NewsItem, NewsRepository
from storage.partners import Partner, PartnerRepository
from storage.search import Periods, phrase_spellings, split_phrases

LATEST_DEFAULT = 5
LATEST_MAX = 20
SEARCH_LIMIT = 5  # results a page
SEARCH_MAX = 50  # results in all, ten pages: a reader who needs more narrows the query
# The words a page button carries: Telegram's 64 bytes of callback data less "sr:<page>:".
CALLBACK_BUDGET = 58
SUGGEST_BUDGET = 60  # less "sq:"
VOCABULARY_ITEMS = 1000  # the newest items whose words a mistyped query is compared with
MAX_APART = 4  # words of a query that found nothing offered one by one: each costs a search
MAX_MISTYPED = 5  # unknown words of a query looked up for a suggestion: each costs a search
MAX_QUERY_CHARS = 200
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def _entry(item: NewsItem, lang: str, kind: str, snippet: str | None = None) -> str:
    """Title linked, date and kind (`news_kinds`: as the item's announcement said it)."""
    head = f"<b>{link(item.link, cut(item.title, 300))}</b>"
    said = (format_date(item.when, lang), kind)
    meta = " · ".join(x for x in (*said, written_in(item.title, lang)) if x)
    lines = [head]
    if meta:
        lines.append(f"<i>{esc(meta)}</i>")
    if snippet:
        lines.append(snippet)
    return "\n".join(lines)


def snippet(
    text: str, stems: list[str], width: int = 220, phrases: Sequence[Sequence[str]] = ()
) -> str:
    """Escaped text around the first word whose stem is a query stem, the word in bold; whole
    words only, one paragraph. With `phrases` (stem sequences of the words a query put in
    quote marks), around the first of them instead: the words the search found side by side."""
    text = tidy_summary(text)
    found = list(re.finditer(r"[0-9A-Za-zА-Яа-яЁё]+", text))
    said = [stem_word(m.group()) for m in found]
    lead = next(
        (
            (found[i].start(), found[i + len(p) - 1].end())
            for i in range(len(found))
            for p in phrases
            if p and said[i : i + len(p)] == list(p)
        ),
        None,
    )
    if lead is None:
        lead = next(
            ((m.start(), m.end()) for m, s in zip(found, said, strict=True) if s in stems), None
        )
    if lead is None:
        return esc(cut(text, width))
    first, last = lead
    start = max(0, first - width // 2)
    end = min(len(text), last + width // 2)
    if start:
        start = text.find(" ", start, first) + 1 or start
    if end < len(text):
        end = text.rfind(" ", last, end) if " " in text[last:end] else end
    before = ("…" if start else "") + text[start:first]
    after = text[last:end] + ("…" if end < len(text) else "")
    return f"{esc(before)}<b>{esc(text[first:last])}</b>{esc(after)}"


async def latest(
    message: Message, command: CommandObject, news: NewsRepository, partners: PartnerRepository
) -> None:
    lang = user_language(message.from_user)
    count = LATEST_DEFAULT
    capped = False
    if command.args:
        arg = command.args.strip()
        # isdigit() alone lets "²" through, which int() refuses.
        if not (arg.isascii() and arg.isdigit()) or int(arg) < 1:
            text = t(lang, "latest_bad_n")
            if read_kinds(arg)[0]:  # «/latest соглашения»: the newest documents are /agreements'
                said = " ".join(w for w in arg.split() if not w.isdigit())
                text += "\n" + t(lang, "latest_kinds", query=esc(cut(said, 60)))
            await message.answer(text)
            return
        # More than a message holds («/latest 100»): as many as it does, and the reply says so.
        capped = len(arg) > 3 or int(arg) > LATEST_MAX
        count = LATEST_MAX if capped else int(arg)
    text = await latest_text(news, partners, lang, count, capped=capped)
    await message.answer(text, link_preview_options=_NO_PREVIEW)


async def latest_text(
    news: NewsRepository,
    partners: PartnerRepository,
    lang: str,
    count: int,
    *,
    capped: bool = False,
) -> str:
    """The latest `count` items as /latest lists them (also the answer to «что нового?»)."""
    items = await news.latest(count)
    if not items:
        return t(lang, "latest_empty")
    title = t(lang, "latest_title_capped", count=str(LATEST_MAX)) if capped else None
    kinds = await news_kinds(partners, items, lang)
    blocks = [title or t(lang, "latest_title"), *(_entry(i, lang, kinds[i.id]) for i in items)]
    return join_within(blocks)


# Words many organisations' names share: a query of these alone names no partner.
_GENERIC = frozenset(
    stem_word(word)
    for word in (
        "университет", "институт", "академия", "компания", "центр", "корпорация", "фонд",
        "колледж", "школа", "группа", "государственный", "национальный", "технический",
        "технологический", "федеральный", "исследовательский", "university", "institute",
        "academy", "company", "center", "centre", "college", "school", "foundation", "group",
        "national", "state", "technical", "technological", "federal", "research",
    )
)  # fmt: skip


async def named_partner(
    partners: PartnerRepository, lookup: PartnerLookup, query: str
) -> Partner | None:
    """The one partner the query names («Цинхуа» → Tsinghua University), else None."""
    if set(query_stems(query)) <= _GENERIC:
        return None
    named = (await lookup.opening(query)).card
    return None if named is None else await partners.get(named)


def other_names(partner: Partner | None) -> list[str]:
    """A partner's names in both scripts ("Tsinghua University", «Цинхуа», ...), so articles
    in either are found; nothing without a partner."""
    if partner is None:
        return []
    names = [partner.name, partner.name_en or "", *partner.aliases]
    return list(dict.fromkeys(name for name in names if name))


def _snippets(texts: list[str], queries: list[str]) -> list[str]:
    """A snippet of each text marking every form the search matched («диплом» also marks
    «диплома»), the partner's other names too; dictionary work, so off the event loop."""
    marks = list(dict.fromkeys(s for query in queries for s in search_stems(query)))
    quoted = split_phrases(queries[0])[0] if queries else []
    phrases = [[stem for stem, _ in spelt] for p in quoted for spelt in phrase_spellings(p)]
    return [snippet(text, marks, phrases=phrases) for text in texts]


_QUOTES = "\"'«»“”„‘’"
_PHRASE_MARKS = re.compile('["«»“”„]')


def _unquoted(query: str) -> str:
    """The query without the quote marks wrapping it, to say it back inside the reply's own;
    as it is when they wrap two phrases, not one («"умные материалы" и "новые сети"»)."""
    query = query.strip()
    inner = query[1:-1]
    if len(query) > 2 and query[0] in _QUOTES and query[-1] in _QUOTES:
        return query if _PHRASE_MARKS.search(inner) else inner.strip() or query
    return query


def _flag_country(query: str) -> str | None:
    """The country a query of one flag emoji stands for ("🇨🇳" → "CN"), else None: a flag has
    no letters to search, but /partners and /subscribe read it as the country."""
    text = query.strip()
    if len(text) == 2 and all(0x1F1E6 <= ord(ch) <= 0x1F1FF for ch in text):
        return resolve_country_query(text)
    return None


async def search_reply(
    news: NewsRepository,
    partners: PartnerRepository,
    lookup: PartnerLookup,
    query: str,
    lang: str,
    page: int = 0,
) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of search results: the query's words, or the partner it names under any of
    its names in either language (the reply says so), best first; ◀ ▶ buttons to the others.
    Nothing found: the nearest words the news use, as a button to search them."""
    typed = typed_text(query)[:MAX_QUERY_CHARS]
    letters = typed_text(query, scripts=False)[:MAX_QUERY_CHARS]
    if letters != typed and await news.search(letters, 1):
        typed = letters  # "c язык" (the language) found as typed: not «с язык»
    elif typed:  # «Djljhjl»: водород typed on the other keyboard layout, unless found as typed
        typed = await meant_layout(typed, lookup, news)
    query = typed
    country = _flag_country(query)
    aliases: list[str] = []
    if country is not None:  # 🇨🇳: the country's name, in both languages
        query = country_name(country, lang)
        aliases = [country_name(country, "en" if lang == RU else RU)]
    years: Years | None = None
    if country is None:  # «Цинхуа 2019-2021», "hydrogen in 2024": the news of those years
        years, rest = await read_year(query, lookup, partners, news)
        if years is not None and query_stems(rest):
            query = rest
        else:
            years = None  # a year alone («/search 2024») is searched for as a word, as before
    stems = query_stems(query)
    if not stems:
        return t(lang, "search_usage"), None
    if not await asyncio.to_thread(says_something, query):
        return t(lang, "search_too_general", query=esc(cut(_unquoted(query), 60))), None
    partner = await named_partner(partners, lookup, query) if country is None else None
    if partner is not None:
        aliases = other_names(partner)
    periods = _periods(years)
    hits = await news.search(query, SEARCH_MAX, alternatives=aliases, periods=periods)
    shown = esc(cut(_unquoted(query), 60))
    if not hits and years is not None:
        return await _none_those_years(news, query, aliases, shown, years, lang)
    if not hits:
        return await _nothing_found(news, query, shown, lang)
    pages = math.ceil(len(hits) / SEARCH_LIMIT)
    page = min(max(page, 0), pages - 1)
    hits = hits[page * SEARCH_LIMIT : (page + 1) * SEARCH_LIMIT]
    title = t(lang, "search_title", query=shown)
    if partner is not None and _widened(query, aliases):
        title = t(
            lang, "search_title_partner", query=shown, partner=esc(cut(partner.name_for(lang), 120))
        )
    if years is not None:
        when = t(lang, "search_years", years=esc(years.words(lang, title=True)))
        title = f"{title.removesuffix(':')} ({when}):"
    blocks = [title]
    snippets = await asyncio.to_thread(_snippets, [h.item.text for h in hits], [query, *aliases])
    kinds = await news_kinds(partners, [hit.item for hit in hits], lang)
    blocks.extend(
        _entry(hit.item, lang, kinds[hit.item.id], text)
        for hit, text in zip(hits, snippets, strict=True)
    )
    words = pack_words(typed, CALLBACK_BUDGET)
    if pages > 1 and words is not None:
        nav = pager(lambda n: SearchPage(page=n, q=words), page, pages)
        return join_within(blocks), InlineKeyboardMarkup(inline_keyboard=[nav])
    return join_within(blocks), None


def _periods(years: Years | None) -> Periods:
    """The dates `years` covers, as Moscow's calendar has them (the dates the news show)."""
    if years is None:
        return ()

    def start(year: int) -> datetime:
        return datetime(year, 1, 1, tzinfo=DISPLAY_ZONE)

    if years.only:
        return [(start(year), start(year + 1)) for year in years.only]
    first = max(years.first, FIRST_YEAR)
    if years.last >= OPEN_END:
        return [(start(first), datetime.max.replace(tzinfo=DISPLAY_ZONE))]
    return [(start(first), start(years.last + 1))]


async def _none_those_years(
    news: NewsRepository, query: str, aliases: list[str], shown: str, years: Years, lang: str
) -> tuple[str, InlineKeyboardMarkup | None]:
    """Nothing in the years asked for: where the words are in other years, a button to them
    (a dead end otherwise); where they are in none, what any query finding nothing gets, the
    years said (it read as if none had been asked)."""
    found = len(await news.search(query, SEARCH_MAX, alternatives=aliases))
    packed = pack_words(query, SUGGEST_BUDGET)
    within = t(lang, "search_within", years=esc(years.words(lang, title=True)))
    if not found or packed is None:
        return await _nothing_found(news, query, shown, lang, within)
    count = f"{found}+" if found >= SEARCH_MAX else str(found)
    button = InlineKeyboardButton(
        text=t(lang, "search_all_years_button", total=count),
        callback_data=SearchCallback(q=packed).pack(),
    )
    text = t(lang, "search_none", query=shown, years=within)
    return text, InlineKeyboardMarkup(inline_keyboard=[[button]])


def _widened(query: str, names: list[str]) -> bool:
    """Whether the partner's names add any to what was typed."""
    typed = " ".join(query.casefold().split())
    return any(" ".join(name.casefold().split()) != typed for name in names)


def _nearest_words(missing: list[str], texts: list[str]) -> dict[str, str]:
    """Each of the `missing` words → the nearest word `texts` use, where one is near (CPU work:
    every word is compared with all of theirs, off the event loop)."""
    known = vocabulary(texts)
    return {w: near for w in missing if (near := nearest(w, known)) is not None}


async def _nothing_found(
    news: NewsRepository, query: str, shown: str, lang: str, within: str = ""
) -> tuple[str, InlineKeyboardMarkup | None]:
    """ "Nothing found", and when a word of the query is none the news use but one is close to
    it («сотрудничесто»), the query with the nearest word instead, as a button to search;
    else the query's words that news have alone, a button each (see `_words_apart`). `within`:
    the years the search was narrowed to, in words (search_within), or "" for any."""
    phrases, _ = split_phrases(query)
    if phrases and (apart := await _phrase_apart(news, query, shown, lang, within)) is not None:
        return apart
    missing: list[str] = []
    present: list[str] = []
    asked = [w for w in dict.fromkeys(WORD.findall(query)) if len(w) >= MIN_LETTERS]
    for w in asked:  # each word once, the first few unknown ones
        if not await news.search(w, 1):
            missing.append(w)
            if len(missing) == MAX_MISTYPED:
                break
        elif len(present) < MAX_APART:
            present.append(w)
    if not missing:
        return await _words_apart(news, shown, present if len(asked) > 1 else [], lang, within)
    texts = [f"{item.title}\n{item.text}" for item in await news.latest(VOCABULARY_ITEMS)]
    fixes = await asyncio.to_thread(_nearest_words, missing, texts)
    if not fixes:
        return await _words_apart(news, shown, present if len(asked) > 1 else [], lang, within)
    fixed = WORD.sub(lambda m: fixes.get(m.group(), m.group()), _unquoted(query))
    words_fixed = fit_callback_text(fixed, SUGGEST_BUDGET)
    if words_fixed != " ".join(fixed.split()) or not await news.search(fixed, 1):
        return await _words_apart(news, shown, present if len(asked) > 1 else [], lang, within)
    button = InlineKeyboardButton(
        text=cut(t(lang, "search_button", query=cut(fixed, 40)), 60),
        callback_data=SearchCallback(q=words_fixed).pack(),
    )
    text = t(lang, "search_none_suggest", query=shown, suggestion=esc(cut(fixed, 60)),
             years=within)  # fmt: skip
    return text, InlineKeyboardMarkup(inline_keyboard=[[button]])


async def _phrase_apart(
    news: NewsRepository, query: str, shown: str, lang: str, within: str = ""
) -> tuple[str, InlineKeyboardMarkup] | None:
    """A phrase («материалы умные») whose words news have, though not side by side: said so,
    with a button to the words without quote marks and how many have them; else None."""
    words = " ".join(_PHRASE_MARKS.sub(" ", query).split())
    packed = pack_words(words, SUGGEST_BUDGET)
    found = len(await news.search(words, SEARCH_MAX)) if packed is not None else 0
    if not found or packed is None:
        return None
    count = f"{found}+" if found >= SEARCH_MAX else str(found)
    button = InlineKeyboardButton(
        text=t(lang, "search_unquoted_button", total=count),
        callback_data=SearchCallback(q=packed).pack(),
    )
    text = t(lang, "search_none_phrase", query=shown, years=within)
    return text, InlineKeyboardMarkup(inline_keyboard=[[button]])


async def _words_apart(
    news: NewsRepository, shown: str, present: list[str], lang: str, within: str = ""
) -> tuple[str, InlineKeyboardMarkup | None]:
    """ "Nothing found" for words no news has together («лаборатория Китай»), with a button for
    each word that some news has alone and how many: a person narrowed too far sees where to
    widen. `present` is empty for a query of one word: the plain reply."""
    rows: list[list[InlineKeyboardButton]] = []
    for word in present:
        packed = pack_words(word, CALLBACK_BUDGET)
        if packed is None:
            continue
        found = len(await news.search(word, SEARCH_MAX))
        count = f"{found}+" if found >= SEARCH_MAX else str(found)
        label = t(lang, "search_word_button", word=cut(word, 30), count=count)
        data = SearchCallback(q=packed).pack()
        rows.append([InlineKeyboardButton(text=label, callback_data=data)])
    if not rows:
        return t(lang, "search_none", query=shown, years=within), None
    text = t(lang, "search_none_apart", query=shown, years=within)
    return text, InlineKeyboardMarkup(inline_keyboard=rows)


async def search(
    message: Message,
    command: CommandObject,
    news: NewsRepository,
    partners: PartnerRepository,
    lookup: PartnerLookup,
) -> None:
    lang = user_language(message.from_user)
    reply, markup = await search_reply(news, partners, lookup, command.args or "", lang)
    await message.answer(reply, reply_markup=markup, link_preview_options=_NO_PREVIEW)


async def search_button(
    query: CallbackQuery,
    callback_data: SearchCallback,
    bot: Bot,
    news: NewsRepository,
    partners: PartnerRepository,
    lookup: PartnerLookup,
) -> None:
    """The button under a free-text message or a "did you mean": search those words."""
    await query.answer()
    lang = user_language(query.from_user)
    if query.message is None:
        return
    words = unpack_words(callback_data.q)
    reply, markup = await search_reply(news, partners, lookup, words, lang)
    await bot.send_message(
        query.message.chat.id, reply, reply_markup=markup, link_preview_options=_NO_PREVIEW
    )


async def search_page_button(
    query: CallbackQuery,
    callback_data: SearchPage,
    news: NewsRepository,
    partners: PartnerRepository,
    lookup: PartnerLookup,
) -> None:
    """◀ ▶ under search results: the same words, another page, in place."""
    message = query.message
    lang = user_language(query.from_user)
    if message is None or isinstance(message, InaccessibleMessage):
        await query.answer(t(lang, "stale_button"))
        return
    text, markup = await search_reply(
        news, partners, lookup, unpack_words(callback_data.q), lang, callback_data.page
    )
    fresh = await edit_page(message, text, markup)
    await query.answer(None if fresh else t(lang, "stale_button"))


def build_router() -> Router:
    router = Router(name="news")
    router.message.register(latest, Command("latest", ignore_case=True))
    router.message.register(search, Command("search", ignore_case=True))
    router.callback_query.register(search_button, SearchCallback.filter())
    router.callback_query.register(search_page_button, SearchPage.filter())
    return router
