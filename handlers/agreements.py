"""/agreements [query]: signed documents, newest first, by partner, country, word, year or
kind of document."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import partial

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import (
    CallbackQuery,
    InaccessibleMessage,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.facts.lookup import SAME, PartnerLookup
from bot.facts.matching import is_own
from bot.text.countries import (
    country_alike,
    country_name,
    flag,
    nation_of,
    resolve_country_query,
)
from bot.text.formatting import (
    agreement_dates,
    cut,
    cut_list,
    esc,
    join_within,
    link,
    subject_words,
    typed_text,
)
from bot.text.i18n import AGREEMENT_KINDS, kinds_words, label, sources_words, t
from bot.text.kinds import kind_query
from bot.text.stems import query_stems
from handlers.common import edit_page, meant_layout, rebuilding, user_language
from handlers.keyboards import (
    AgreementsPage,
    AgreementsPageBeforeKinds,
    AgreementsPageBeforeRanges,
    AgreementsPageBeforeSets,
    AgreementsPageBeforeYears,
    PartnerCard,
    fit_packed_words,
    pager,
    unpack_words,
)
from handlers.partners import NO_PREVIEW, display_name
from storage.db import utcnow
from storage.news import NewsRepository
from storage.partners import Agreement, PartnerRepository

PAGE = 5
MAX_QUERY_CHARS = 200
FIRST_YEAR = 1900
OPEN_END = 9999  # "since 2021": no last year
MAX_YEARS = 4  # years apart in one query ("2019, 2021 и 2023"), as a page button carries them
YEAR_NAME_HITS = 50  # news read for a word and a year side by side ("Horizon 2020")
WORDS_BUDGET = 38  # bytes of a word query in a page button: all its fields within 64 bytes
# Words around a year that only say it is one: "в 2024 году", "за 2023 г.", "in 2019".
_BEFORE_YEAR = frozenset({"в", "во", "за", "in", "of", "during", "between", "между"})
_AFTER_YEAR = frozenset(
    {
        "г",
        "г.",
        "год",
        "году",
        "года",
        "гг",
        "гг.",
        "годы",
        "годах",
        "годов",
        "годами",
        "year",
        "years",
    }
)
_SINCE = frozenset({"с", "со", "since", "from"})  # that year on
_AFTER = frozenset({"после", "after"})  # the year after on
_UNTIL = frozenset({"до", "before"})  # up to the year before
_TO = frozenset({"-", "–", "—", "по", "до", "to", "till", "until"})
_BETWEEN = frozenset({"between", "между"})
_AND = frozenset({"and", "и"})  # a range's end after "between"
_DASHED = re.compile(r"(\d{4})[-–—](\d{4})")
_OPEN_DASH = re.compile(r"(\d{4})[-–—]")  # "2020-": a range left open, that year on
# «2023г», «2023г.», «2020-2022гг.»: the year's abbreviation written close to it.
_GLUED_YEAR = re.compile(r"(\d{4}(?:[-–—]\d{4})?)гг?")
# Years said in words: (the words, how many years back the range starts, and ends).
_RELATIVE: tuple[tuple[tuple[str, ...], int, int], ...] = (
    (("в", "этом", "году"), 0, 0),
    (("this", "year"), 0, 0),
    (("в", "прошлом", "году"), 1, 1),
    (("за", "прошлый", "год"), 1, 1),
    (("last", "year"), 1, 1),
    (("за", "последний", "год"), 1, 0),  # the last twelve months: this year and the last
    (("past", "year"), 1, 0),
    # «/agreements прошлый год», «соглашения прошлого года», «текущий год»: «за …» before
    # them is read as before («прошлый год» alone was searched for as two words).
    (("прошлый", "год"), 1, 1),
    (("прошлого", "года"), 1, 1),
    (("previous", "year"), 1, 1),
    (("этот", "год"), 0, 0),
    (("этого", "года"), 0, 0),
    (("текущий", "год"), 0, 0),
    (("текущего", "года"), 0, 0),
    (("в", "текущем", "году"), 0, 0),
)
# "за последние 3 года", "over the last 5 years": this year and the N before it.
_LAST = frozenset({"последние", "last", "past"})
_YEARS = frozenset({"год", "года", "лет", "year", "years"})
_LEAD = frozenset({"за", "the", "in", "over", "for", "during"})  # words before them
# How many years, said in words: «за последние пять лет», "in the last two years".
_COUNTS = {
    **dict.fromkeys(["два", "две", "two"], 2), **dict.fromkeys(["три", "three"], 3),
    **dict.fromkeys(["четыре", "four"], 4), **dict.fromkeys(["пять", "five"], 5),
    **dict.fromkeys(["шесть", "six"], 6), **dict.fromkeys(["семь", "seven"], 7),
    **dict.fromkeys(["восемь", "eight"], 8), **dict.fromkeys(["девять", "nine"], 9),
    **dict.fromkeys(["десять", "ten"], 10), **dict.fromkeys(["пятнадцать", "fifteen"], 15),
    **dict.fromkeys(["двадцать", "twenty"], 20),
}  # fmt: skip
# A kind of document named in any case and number, with what usually follows or precedes it
# («соглашения о сотрудничестве», "memoranda of understanding", "cooperation agreements").
_KIND_NAMES = {
    "agreement": r"соглашени(?:е|я|й|ю|ем|и|ям|ями|ях)|agreements?",
    "memorandum": r"меморандум(?:а|у|ом|е|ы|ов|ам|ами|ах)?|memorand(?:um|ums|a)|mou'?s?",
    "contract": r"договор(?:а|у|ом|е|ы|ов|ам|ами|ах)?|contracts?",
    "roadmap": (
        r"дорожн(?:ая|ой|ую|ою|ые|ых|ым|ыми)\s+карт(?:а|ы|е|у|ой|ою|ам|ами|ах)?"
        r"|road[\s-]?maps?"
    ),
}
_KIND_BEFORE = r"(?:(?:cooperation|co-operation|partnership)\s+)?"
_KIND_AFTER = (
    r"(?:\s+(?:о|об|of|on)\s+(?:сотрудничестве|взаимопонимании|партн[её]рстве"
    r"|understanding|cooperation|co-operation|partnership))?(?:\s+with)?"  # "memoranda with China"
)
_KIND = re.compile(
    rf"(?<![\w-]){_KIND_BEFORE}(?:{'|'.join(f'(?P<{k}>{v})' for k, v in _KIND_NAMES.items())})"
    rf"{_KIND_AFTER}(?![\w-])",
    re.IGNORECASE,
)
_KIND_JOINT = re.compile(r"[\s,]*(?:(?:и|или|and|or|&)[\s,]+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Years:
    """The years asked for, both included: one year, a range, or open at one end."""

    first: int
    last: int
    only: tuple[int, ...] = ()  # these years of the range alone: "2019 and 2023"

    @classmethod
    def of(cls, first: int, last: int = 0, only: str = "") -> Years | None:
        """From a page button's fields (`last` 0: the `first` year alone; `first` 0: any;
        `only`: years side by side, "20192023")."""
        if only:
            years = tuple(int(only[i : i + 4]) for i in range(0, len(only), 4))
            return cls(years[0], years[-1], years)
        return cls(first, last or first) if first else None

    def packed(self) -> dict[str, int | str]:
        """A page button's fields for these years (see `of`)."""
        if self.only:
            return {"only": "".join(f"{y:04d}" for y in self.only)}
        return {"year": self.first, "to": self.last}

    def words(self, lang: str, *, title: bool = False) -> str:
        """ "2019 года" / "in 2019" (title: "of 2019"), "2020–2022 годов", "с 2021 года" /
        "since 2021", "до 2020 года" / "before 2020", "2019 и 2023 годов" / "in 2019 and 2023"."""
        ru = lang == "ru"
        if self.only:
            listed = self._listed(lang)
            return f"{listed} годов" if ru else f"{'of' if title else 'in'} {listed}"
        if self.last >= OPEN_END:
            return f"с {self.first} года" if ru else f"since {self.first}"
        if self.first <= FIRST_YEAR:
            return f"до {self.last + 1} года" if ru else f"before {self.last + 1}"
        if self.first == self.last:
            return f"{self.first} года" if ru else f"{'of' if title else 'in'} {self.first}"
        span = f"{self.first}–{self.last}"
        return f"{span} годов" if ru else f"{'of' if title else 'in'} {span}"

    def _listed(self, lang: str) -> str:
        *head, tail = (str(y) for y in self.only)
        return f"{', '.join(head)} {'и' if lang == 'ru' else 'and'} {tail}"

    def label(self, lang: str) -> str:
        """Alone, as a filter's name: "2019", "2020–2022", "с 2021 года" / "since 2021",
        "2019 и 2023" / "2019 and 2023"."""
        if self.only:
            return self._listed(lang)
        if self.last >= OPEN_END or self.first <= FIRST_YEAR:
            return self.words(lang)
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


# Kinds of partner a nation describes («китайские университеты», "Russian companies"): a
# query of a nation and these alone asks for that country's agreements.
_PARTNER_KINDS = frozenset(
    stem
    for word in (
        "университет", "вуз", "институт", "академия", "компания", "организация",
        "предприятие", "партнёр", "university", "college", "institute", "academy", "company",
        "organisation", "organization", "partner",
    )
    for stem in query_stems(word)
)  # fmt: skip


def nation_and_kinds(query: str) -> str | None:
    """The country of a query made of a nation's adjective and kinds of partner alone
    («китайские университеты» → CN), or of kinds and the country, as /partners reads them
    («университетами Германии», «с вузами Китая»: searched for as words, they found nothing),
    else None."""
    asked = kind_query(query)
    if asked is not None and asked.country:
        return asked.country
    code = None
    for word in query.split():
        nation = nation_of(word)
        if nation is not None and code is None:
            code = nation
        elif not set(query_stems(word)) <= _PARTNER_KINDS:
            return None
    return code


def _year(word: str, this_year: int) -> int | None:
    if len(word) == 4 and word.isascii() and word.isdigit():
        year = int(word)
        if FIRST_YEAR < year <= this_year + 1:
            return year
    return None


def _year_spans(words: list[str], this_year: int) -> list[tuple[Years, bool, int, int]]:
    """Each year or range of years among `words`, as (years, a bare year alone, first word,
    word after), the words around it that only say it is one included."""
    lower = [w.lower().strip(",.") if len(w) > 1 else w for w in words]
    lower = [g.group(1) if (g := _GLUED_YEAR.fullmatch(w)) else w for w in lower]
    spans: list[tuple[Years, bool, int, int]] = []
    i = 0
    while i < len(words):
        relative = _relative(lower, i, this_year)
        if relative is not None:
            years, end = relative
            start = i
            floor = spans[-1][3] if spans else 0
            while start > floor and lower[start - 1] in _LEAD:
                start -= 1
            spans.append((years, False, start, end))
            i = end
        else:
            found = _one_span(words, lower, i, this_year)
            if found is None:
                i += 1
                continue
            spans.append(found)
            i = found[3]
    return spans


def _relative(lower: list[str], i: int, this_year: int) -> tuple[Years, int] | None:
    """Years said in words from `i` on ("в прошлом году", "last 3 years"), and the word after."""
    for phrase, back, upto in _RELATIVE:
        if tuple(lower[i : i + len(phrase)]) == phrase:
            return Years(this_year - back, this_year - upto), i + len(phrase)
    if i + 2 < len(lower) and lower[i] in _LAST and lower[i + 2] in _YEARS:
        said = lower[i + 1]
        count = int(said) if said.isascii() and said.isdigit() else _COUNTS.get(said, 0)
        if 1 <= count <= 100:
            return Years(max(this_year - count, FIRST_YEAR + 1), this_year), i + 3
    return None


def _one_span(
    words: list[str], lower: list[str], i: int, this_year: int
) -> tuple[Years, bool, int, int] | None:
    dashed = _DASHED.fullmatch(lower[i])
    opened = _OPEN_DASH.fullmatch(lower[i])
    if opened and (year := _year(opened.group(1), this_year)) is not None:
        first, last, end, bare = year, OPEN_END, i + 1, False
    elif dashed:
        ends = [_year(y, this_year) for y in dashed.groups()]
        if None in ends:
            return None
        first, last = sorted(y for y in ends if y is not None)
        end, bare = i + 1, False
    else:
        year = _year(lower[i], this_year)
        if year is None:
            return None
        first = last = year
        end, bare = i + 1, True
        if end + 1 < len(words) and lower[end] in _AFTER_YEAR and lower[end + 1] in _TO:
            end += 1  # "с 2020 года по 2022 год"
        to = _TO | _AND if i > 0 and lower[i - 1] in _BETWEEN else _TO
        if end + 1 < len(words) and lower[end] in to:
            other = _year(lower[end + 1], this_year)
            if other is not None:
                first, last = sorted((year, other))
                end, bare = end + 2, False
        elif end + 1 == len(words) and lower[end] in _TO:  # "с 2020 по", left unfinished
            last, end, bare = OPEN_END, end + 1, False
    if end < len(words) and lower[end] in _AFTER_YEAR:
        end += 1
    before = lower[i - 1] if i > 0 else ""
    start = i - 1 if before in _BEFORE_YEAR | _SINCE | _AFTER | _UNTIL else i
    if bare and before in _SINCE:
        last, bare = OPEN_END, False
    elif bare and before in _AFTER:
        first, last, bare = first + 1, OPEN_END, False
    elif bare and before in _UNTIL:
        first, last, bare = FIRST_YEAR, first - 1, False
    return Years(first, last), bare, start, end


def _joined_years(
    words: list[str], spans: list[tuple[Years, bool, int, int]]
) -> list[tuple[Years, bool, int, int]]:
    """Bare years in a row, side by side ("2023 2024", "2022, 2023 и 2024"), are those years:
    read one by one, the second was searched for as a word. Years with a gap ("2019 and 2023",
    up to four) are those years alone: before, the second was searched for as a word."""
    run = [s for s in spans if s[1]]
    if len(run) < 2 or len(run) != len(spans):
        return spans
    ordered = sorted({s[0].first for s in run})  # "2024 и 2023" too
    for (_, _, _, end), (_, _, start, _) in itertools.pairwise(run):
        if any(w.strip(",").lower() not in _AND | {"", "or", "или"} for w in words[end:start]):
            return spans
        if not words[start].strip(",.").isdigit():
            return spans  # a year with words of its own: "Expo 2025 в 2024 году"
    if all(b == a + 1 for a, b in itertools.pairwise(ordered)):
        return [(Years(ordered[0], ordered[-1]), False, run[0][2], run[-1][3])]
    if len(ordered) > MAX_YEARS:
        return spans
    return [(Years(ordered[0], ordered[-1], tuple(ordered)), False, run[0][2], run[-1][3])]


def _without(words: list[str], spans: list[tuple[Years, bool, int, int]]) -> str:
    return " ".join(w for i, w in enumerate(words) if not any(s <= i < e for *_, s, e in spans))


async def read_year(
    query: str,
    lookup: PartnerLookup,
    partners: PartnerRepository,
    news: NewsRepository | None = None,
) -> tuple[Years | None, str]:
    """The years in the query (the first that are), and the rest of it: a year ("2019", "в 2023
    году"), a range ("2020-2022", "с 2020 года по 2022 год", "between 2020 and 2022"), one end
    ("с 2021 года", "since 2021", "до 2020") or words ("за последний год", "last year"); they filter
    agreements, the rest is read as before (a partner, a country or words). A bare year in the
    name of the partner the rest names ("Expo 2025"), or that the stored `news` write right after
    the word before it ("Horizon 2020", see `_in_name`), is that name's; a year alone is always
    one. /search, /agreements, /export and questions in free text read years through here."""
    words = query.split()
    apart = _year_spans(words, utcnow().year)
    spans = _joined_years(words, apart)
    if spans != apart:  # years side by side, unless one is the name's ("Expo 2025 2024")
        [(joined, _, _, _)] = spans
        rest = _without(words, spans)
        for year in joined.only or range(joined.first, joined.last + 1):
            if rest and await _in_name(rest, year, lookup, partners):
                spans = apart
                break
    for span in spans:
        years, bare, start, end = span
        if not bare:
            return years, _without(words, [span])
        rest = _without(words, [s for s in spans if s != span])
        if len(rest.split()) == end - start:
            return years, _without(words, [span])  # nothing but the year
        before = words[start - 1] if start else ""
        if not await _in_name(rest, years.first, lookup, partners, news, before):
            return years, _without(words, [span])
    return None, query


# Words a bare year after them is a time, never a name's: "in 2020", «с 2021», "since 2021".
_YEAR_LEADS = frozenset([
    "в", "во", "за", "с", "со", "до", "по", "к", "от", "после", "между", "и", "на", "the", "in",
    "of", "on", "since", "from", "until", "till", "to", "before", "after", "between", "and",
    "during", "for", "by",
])  # fmt: skip


async def _in_name(
    rest: str,
    year: int,
    lookup: PartnerLookup,
    partners: PartnerRepository,
    news: NewsRepository | None = None,
    before: str = "",
) -> bool:
    """Whether `year` is in a name of the partner `rest` names ("Expo 2025"), or, given the
    stored `news`, whether they write it right after the word `before` it ("Horizon 2020": a
    programme's name, searched for whole, not news or documents of that year)."""
    named = (await lookup.find(rest)).named
    partner = await partners.get(named) if named is not None else None
    forms = (partner.name, partner.name_en, *partner.aliases) if partner else ()
    if any(re.search(rf"(?<!\d){year}(?!\d)", n) for n in forms if n):
        return True
    word = before.strip(",.;:«»“”„\"'()")
    if news is None or not word or word.lower() in _YEAR_LEADS or not query_stems(word):
        return False
    hits = await news.search(f'"{word} {year}"', YEAR_NAME_HITS)  # side by side (a phrase)
    said = re.compile(rf"(?<!\w){re.escape(word)}[\s-]+{year}(?!\d)", re.IGNORECASE)
    return any(said.search(f"{h.item.title}\n{h.item.text}") for h in hits)


# Words asking for the whole list («все», «весь список», "all", "the full list").
_EVERY = frozenset({
    "все", "всё", "всех", "весь", "полный", "список", "all", "every", "full", "whole", "the",
    "list", "entire",
})  # fmt: skip
_EVERY_LEAD = frozenset({"все", "всё", "всех", "all"})
_QUOTE_MARKS = "\"'«“„"


def read_kinds(query: str) -> tuple[tuple[str, ...], str]:
    """The kinds of document the query names («меморандумы», "roadmaps", «договоров»,
    "MoU"), in AGREEMENT_KINDS order, and the rest of it; "and" between two of them goes too."""
    found: set[str] = set()
    rest: list[str] = []
    at = 0
    for match in _KIND.finditer(query):
        between = query[at : match.start()]
        if found and _KIND_JOINT.fullmatch(between):
            between = " "  # «меморандумы и дорожные карты»: both kinds, no word «и»
        rest.append(between)
        found.update(kind for kind, text in match.groupdict().items() if text)
        at = match.end()
    rest.append(query[at:])
    if not found:
        return (), query
    return tuple(k for k in AGREEMENT_KINDS if k in found), " ".join("".join(rest).split())


async def read_filters(
    query: str,
    lookup: PartnerLookup,
    partners: PartnerRepository,
    news: NewsRepository | None = None,
) -> tuple[tuple[str, ...], Years | None, str]:
    """The kinds of document, the years and the rest of the query (see read_kinds and
    read_year); a kind's word in the name of the partner the query names ("Contract Research
    Centre") is that name's."""
    kinds, rest = read_kinds(query)
    if kinds and rest:
        named = (await lookup.find(query)).named
        partner = await partners.get(named) if named is not None else None
        forms = (partner.name, partner.name_en, *partner.aliases) if partner else ()
        if any(_KIND.search(n) for n in forms if n):
            kinds, rest = (), query
    years, rest = await read_year(rest, lookup, partners, news)
    if rest and all(w.strip(",.:!").casefold() in _EVERY for w in rest.split()):
        rest = ""  # «/agreements все», "all": the whole list, not a search for the word
    if rest and rest[0] not in _QUOTE_MARKS and is_own(rest):
        rest = ""  # «/agreements Политех»: the university's are all (news naming it were listed)
    lead, _, after = rest.partition(" ")
    if after and lead.strip(",.:!").casefold() in _EVERY_LEAD:
        # «все Китай», 'all "summer school"': every one of what follows (the words with «все»
        # were searched for, finding none), unless a partner is named so with it.
        found = await lookup.find(rest)
        if not (found.named is not None and found.ranked[0][1] >= SAME):
            rest = after.strip()
    return kinds, years, rest


def kind_codes(kinds: tuple[str, ...]) -> str:
    """Kinds for a page button, a letter each ("mr"); `page_kinds` gives them back."""
    return "".join(kind[0] for kind in kinds)


def page_kinds(codes: str) -> tuple[str, ...]:
    return tuple(kind for kind in AGREEMENT_KINDS if kind[0] in codes)


def words_budget(years: Years | None, kinds: tuple[str, ...] = ()) -> int:
    """Bytes a page button has for the words of a query: fewer as years apart and kinds take
    room."""
    budget = WORDS_BUDGET - len(kinds)
    return budget - 4 * (len(years.only) - 1) if years and years.only else budget


# A year asked alone, perhaps with its preposition and word: «2030», «в 2030 году», "in 2030".
_YEAR_ALONE = re.compile(
    r"(?:(?:в|во|за|in|of|for)\s+)?(?P<year>\d{4})(?:\s+(?:г\.?|год[ауе]?|year))?", re.IGNORECASE
)


def odd_year(query: str) -> int | None:
    """The year a query asks for alone when no agreement can be of it: one yet to come
    («/agreements 2030») or before any news (1850); `read_year` reads the rest as years."""
    match = _YEAR_ALONE.fullmatch(query.strip(" ?.!"))
    if match is None:
        return None
    year = int(match["year"])
    return year if year > utcnow().year or year <= FIRST_YEAR else None


async def _documents_saying(
    partners: PartnerRepository, news: NewsRepository, words: str, kinds: tuple[str, ...]
) -> int:
    """How many documents of `kinds` the news with `words` report (as a words query lists)."""
    hits = await news.search(words, limit=100)
    if not hits:
        return 0
    ids = [hit.item.id for hit in hits]
    return (await partners.agreements(news_ids=ids, kinds=kinds, limit=0))[1]


def odd_year_text(lang: str, year: int, kinds: tuple[str, ...] = ()) -> str:
    """No agreement of a year yet to come, or from before any news: said so, not as if the
    year were a word found nowhere."""
    what = kinds_words(kinds, lang, found=False)
    named = {"what": what, "What": what[:1].upper() + what[1:]}
    key = "agreements_year_not_yet" if year > utcnow().year else "agreements_year_too_early"
    return t(lang, key, year=str(year), **named)


def nothing_found(
    lang: str, described: str, years: Years | None, kinds: tuple[str, ...] = ()
) -> str:
    """The reply when no agreement fits: for what was asked (plain text), in which years, of
    which kinds."""
    query = esc(cut(described, 60))
    what = kinds_words(kinds, lang, found=False)
    named = {"what": what, "What": what[:1].upper() + what[1:]}
    if not described and years and years.first == years.last > utcnow().year:
        return odd_year_text(lang, years.first, kinds)  # next year's: none yet
    if described and years:
        return t(lang, "agreements_query_year_none", query=query, years=years.words(lang), **named)
    if described:
        return t(lang, "agreements_none", query=query, **named)
    if years:
        return t(lang, "agreements_year_none", years=years.words(lang), **named)
    return t(lang, "agreements_empty", **named)


def agreement_entry(agreement: Agreement, lang: str) -> str:
    kind = label(AGREEMENT_KINDS, agreement.kind, lang)
    parties = cut_list(agreement.parties_for(lang), 400)
    lines = [f"📄 <b>{esc(kind)}</b> — {esc(parties or t(lang, 'party_unstated'))}"]
    subject = subject_words(agreement.title, lang, 400)
    if subject:
        lines.append(esc(subject))
    when = agreement_dates(agreement.signed_on, agreement.news_date, lang)
    # A document several articles reported: the link is the first report's ("first of 2").
    said = (
        t(lang, "source")
        if agreement.sources < 2
        else sources_words(agreement.sources, lang, first=True)
    )
    source = link(agreement.news_link, said)
    lines.append(f"{esc(when)} · {source}" if when else source)
    return "\n".join(lines)


async def agreements_page(
    partners: PartnerRepository,
    news: NewsRepository,
    lang: str,
    state: AgreementsPage,
    unkinded: str = "",
) -> tuple[str, InlineKeyboardMarkup | None]:
    """One page of agreements for the filter carried in `state`; `unkinded`, the query as
    typed without its kinds of document, is offered when only other kinds fit."""
    partner_ids: list[int] | None = None
    news_ids: list[int] | None = None
    if state.partner:
        partner_ids = [state.partner]
    elif state.q:
        hits = await news.search(unpack_words(state.q), limit=100)
        news_ids = [hit.item.id for hit in hits]
    country = state.country or None
    page = max(state.page, 0)
    years = Years.of(state.year, state.to, state.only)
    kinds = page_kinds(state.kind)
    chosen = partial(
        partners.agreements,
        partner_ids=partner_ids,
        country=country,
        news_ids=news_ids,
        year=years.first if years else None,
        year_to=years.last if years else None,
        only_years=years.only if years else (),
        kinds=kinds,
    )
    rows, total = await chosen(limit=PAGE, offset=page * PAGE)
    last = max(0, math.ceil(total / PAGE) - 1)
    if page > last:  # an old button after agreements were rebuilt, or a forged page number
        page = last
        rows, total = await chosen(limit=PAGE, offset=page * PAGE)
    described = unpack_words(state.q)
    if state.country:
        described = f"{flag(state.country)} {country_name(state.country, lang)}"
    if state.partner:
        partner = await partners.get(state.partner)
        described = display_name(partner, lang) if partner else described
    if total == 0:
        text = nothing_found(lang, described, years, kinds)
        if await rebuilding(partners):  # an upgrade's re-extraction: they may be back soon
            text = join_within([text, t(lang, "partners_rebuilding")])
        others = (await chosen(limit=0, kinds=()))[1] if kinds else 0
        if others:  # «соглашения» is also the word for them all: what the others are
            command = esc(cut(f"/agreements {unkinded}".strip(), 100))
            text = join_within([text, t(lang, "agreements_other_kinds", total=str(others),
                                        command=command)])  # fmt: skip
        # Where to go from here: the same query's documents of other years, and the card of
        # the partner asked for (a partner with none signed is still a partner).
        onward: list[list[InlineKeyboardButton]] = []
        if years is not None and (state.partner or state.country or state.q):
            anytime = (
                await partners.agreements(
                    partner_ids=partner_ids,
                    country=country,
                    news_ids=news_ids,
                    kinds=kinds,
                    limit=0,
                )
            )[1]
            if anytime:
                everything = AgreementsPage(
                    page=0, partner=state.partner, country=state.country, q=state.q, kind=state.kind
                )
                label = t(lang, "agreements_all_years_button", total=str(anytime))
                button = InlineKeyboardButton(text=label, callback_data=everything.pack())
                onward.append([button])
        if state.partner and described:
            label = t(lang, "partner_card_button", name=cut(described, 50))
            data = PartnerCard(id=state.partner).pack()
            onward.append([InlineKeyboardButton(text=label, callback_data=data)])
        return text, InlineKeyboardMarkup(inline_keyboard=onward) if onward else None
    pages = max(1, math.ceil(total / PAGE))
    what = kinds_words(kinds, lang)
    counted = {
        "total": str(total),
        "years": years.words(lang, title=True) if years else "",
        "What": what[:1].upper() + what[1:],
    }
    if described:
        key = "agreements_query_year_title" if years else "agreements_query_title"
        title = t(lang, key, query=esc(cut(described, 80)), **counted)
    else:
        title = t(lang, "agreements_year_title" if years else "agreements_title", **counted)
    text = join_within([title, *(agreement_entry(a, lang) for a in rows)])
    nav = pager(
        lambda n: AgreementsPage(
            page=n,
            partner=state.partner,
            country=state.country,
            q=state.q,
            year=state.year,
            to=state.to,
            only=state.only,
            kind=state.kind,
        ),
        page,
        pages,
    )
    if years is not None and years.only:  # perhaps the whole span was meant: how to ask
        span = f"{years.first}-{years.last}"
        text = join_within([text, t(lang, "agreements_whole_span", years=span)])
    return text, InlineKeyboardMarkup(inline_keyboard=[nav]) if nav else None


async def agreements_command(
    message: Message,
    command: CommandObject,
    partners: PartnerRepository,
    news: NewsRepository,
    lookup: PartnerLookup,
) -> None:
    lang = user_language(message.from_user)
    asked = typed_text(command.args)[:MAX_QUERY_CHARS]
    kinds, years, query = await read_filters(asked, lookup, partners, news)
    odd = odd_year(query) if years is None else None
    if odd is not None and not await _documents_saying(partners, news, query, kinds):
        # «/agreements 2030»: "none found for «2030»" read as if the year were a word (the
        # documents of news that write the number are still listed).
        await message.answer(odd_year_text(lang, odd, kinds))
        return
    when: dict[str, int | str] = {**(years.packed() if years else {}), "kind": kind_codes(kinds)}
    state = AgreementsPage(page=0, **when)
    if query:  # «Hjcfnjv»: Росатом typed on the other keyboard layout
        query = await meant_layout(query, lookup, news)
        found = await lookup.find(query)
        country = resolve_country_query(query, other_languages=found.named is None)
        if not country and not (found.named is not None and found.ranked[0][1] >= SAME):
            country = nation_and_kinds(query)  # «китайские университеты»: China's
        if not country and not (found and found.ranked[0][1] >= SAME):
            # A country mistyped («Германя», "Chna") with partners: that country, as the
            # heading then says, not a card that merely shares its stem.
            alike = country_alike(query)
            country = alike if alike and await partners.count(alike) else None
        if country:
            state = AgreementsPage(page=0, country=country, **when)
        elif (named := (await lookup.opening(query, found)).card) is not None:
            # Several, only alike or a relative («Торвальд Нефть» for «Торвальд»): the words.
            state = AgreementsPage(page=0, partner=named, **when)
        else:
            # Years apart take room in the button: fewer bytes of words.
            words = fit_packed_words(query, words_budget(years, kinds))
            state = AgreementsPage(page=0, q=words, **when)
    unkinded = read_kinds(asked)[1] if kinds else ""
    text, markup = await agreements_page(partners, news, lang, state, unkinded)
    await message.answer(text, reply_markup=markup, link_preview_options=NO_PREVIEW)


async def agreements_page_button(
    query: CallbackQuery,
    callback_data: AgreementsPage
    | AgreementsPageBeforeKinds
    | AgreementsPageBeforeSets
    | AgreementsPageBeforeRanges
    | AgreementsPageBeforeYears,
    partners: PartnerRepository,
    news: NewsRepository,
) -> None:
    if isinstance(
        callback_data,
        AgreementsPageBeforeYears
        | AgreementsPageBeforeRanges
        | AgreementsPageBeforeSets
        | AgreementsPageBeforeKinds,
    ):
        callback_data = callback_data.current()
    message = query.message
    lang = user_language(query.from_user)
    if message is None or isinstance(message, InaccessibleMessage):
        await query.answer(t(lang, "stale_button"))
        return
    text, markup = await agreements_page(partners, news, lang, callback_data)
    fresh = await edit_page(message, text, markup)
    await query.answer(None if fresh else t(lang, "stale_button"))


def build_router() -> Router:
    router = Router(name="agreements")
    router.message.register(agreements_command, Command("agreements", ignore_case=True))
    router.callback_query.register(agreements_page_button, AgreementsPage.filter())
    router.callback_query.register(agreements_page_button, AgreementsPageBeforeKinds.filter())
    router.callback_query.register(agreements_page_button, AgreementsPageBeforeSets.filter())
    router.callback_query.register(agreements_page_button, AgreementsPageBeforeRanges.filter())
    router.callback_query.register(agreements_page_button, AgreementsPageBeforeYears.filter())
    return router
