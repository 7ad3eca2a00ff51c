"""Callback data shared by the routers' inline keyboards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton
from pydantic import Field

# Callback data comes back from clients and may be forged: a value out of these ranges fails
# the router's filter (it is not ours) instead of reaching SQLite, whose integers are 64-bit.
RowId = Annotated[int, Field(ge=1, le=2**63 - 1)]
OptionalRowId = Annotated[int, Field(ge=0, le=2**63 - 1)]
PageNumber = Annotated[int, Field(ge=0, le=10**6)]
CountryCode = Annotated[str, Field(max_length=2)]
OptionalYear = Annotated[int, Field(ge=0, le=9999)]  # 0: any year
YearList = Annotated[str, Field(pattern=r"^(\d{4}){0,4}$")]  # up to four years, side by side
KindList = Annotated[str, Field(pattern=r"^[acmor]{0,5}$")]  # kinds of document by first letter
PartnerKindLetter = Annotated[str, Field(pattern=r"^[cgoru]?$")]  # a kind of partner's first letter


class SubscribeCallback(CallbackData, prefix="sub"):
    action: str  # "all" | "partnerships" ("on", from older /start messages, means "all")


class SubscribePartner(CallbackData, prefix="sp"):
    id: RowId  # partner id, chosen among several that matched /subscribe partner X


class SearchCallback(CallbackData, prefix="sq"):
    q: str  # the words, cut to fit Telegram's 64-byte callback data


class SearchPage(CallbackData, prefix="sr"):
    page: PageNumber
    q: str  # the words searched, whole, as pack_words gives them (64-byte callback data)


class UnsubscribeOne(CallbackData, prefix="un"):
    id: RowId  # subscription id


class PartnersPage(CallbackData, prefix="pp"):
    page: PageNumber
    country: CountryCode = ""  # "" for all partners, else an alpha-2 code
    kind: PartnerKindLetter = ""  # "" for every kind, else the kind's first letter


class PartnersPageBeforeKinds(CallbackData, prefix="pp"):
    """Page buttons sent before kinds of partner (one field fewer): they still turn pages."""

    page: PageNumber
    country: CountryCode = ""

    def current(self) -> PartnersPage:
        return PartnersPage(**self.model_dump())  # its fields; the kind defaults to every kind


class PartnerCard(CallbackData, prefix="pc"):
    id: RowId


class PartnerChart(CallbackData, prefix="pg"):
    id: RowId  # a partner chosen among several that matched /chart X


class AgreementsPage(CallbackData, prefix="ap"):
    page: PageNumber
    partner: OptionalRowId = 0
    country: CountryCode = ""
    q: str = ""  # a word query, cut to fit Telegram's 64-byte callback data
    year: OptionalYear = 0  # the first year asked for (0: any)
    to: OptionalYear = 0  # the last (0: the first alone; 9999: no last)
    only: YearList = ""  # these years alone ("20192023": 2019 and 2023; year and to then 0)
    kind: KindList = ""  # these kinds alone ("mr": memoranda and roadmaps; "": every kind)


class AgreementsPageBeforeKinds(CallbackData, prefix="ap"):
    """Page buttons sent before kinds of document (one field fewer): they still turn pages."""

    page: PageNumber
    partner: OptionalRowId = 0
    country: CountryCode = ""
    q: str = ""
    year: OptionalYear = 0
    to: OptionalYear = 0
    only: YearList = ""

    def current(self) -> AgreementsPage:
        return AgreementsPage(**self.model_dump())  # its fields; the newer ones default


class AgreementsPageBeforeSets(CallbackData, prefix="ap"):
    """Page buttons sent before sets of years (one field fewer): they still turn pages."""

    page: PageNumber
    partner: OptionalRowId = 0
    country: CountryCode = ""
    q: str = ""
    year: OptionalYear = 0
    to: OptionalYear = 0

    def current(self) -> AgreementsPage:
        return AgreementsPage(**self.model_dump())  # its fields; the newer ones default


class AgreementsPageBeforeRanges(CallbackData, prefix="ap"):
    """Page buttons sent before ranges of years (one field fewer): they still turn pages."""

    page: PageNumber
    partner: OptionalRowId = 0
    country: CountryCode = ""
    q: str = ""
    year: OptionalYear = 0

    def current(self) -> AgreementsPage:
        return AgreementsPage(**self.model_dump())  # its fields; the newer ones default


class AgreementsPageBeforeYears(CallbackData, prefix="ap"):
    """Page buttons sent before the year filter (one field fewer): they still turn pages."""

    page: PageNumber
    partner: OptionalRowId = 0
    country: CountryCode = ""
    q: str = ""

    def current(self) -> AgreementsPage:
        return AgreementsPage(**self.model_dump())  # its fields; the newer ones default


def pager(make: Callable[[int], CallbackData], page: int, pages: int) -> list[InlineKeyboardButton]:
    """◀ n/N ▶ buttons; empty for a single page."""
    if pages <= 1:
        return []
    row = []
    if page > 0:
        row.append(InlineKeyboardButton(text="◀", callback_data=make(page - 1).pack()))
    row.append(InlineKeyboardButton(text=f"{page + 1}/{pages}", callback_data="noop"))
    if page + 1 < pages:
        row.append(InlineKeyboardButton(text="▶", callback_data=make(page + 1).pack()))
    return row


def fit_callback_text(text: str, budget: int = 40) -> str:
    """Whole words of `text` within `budget` UTF-8 bytes (Telegram's 64-byte callback data),
    so every page searches exactly the words the first one did."""
    words = " ".join(text.replace(":", " ").split()).split(" ")
    out = ""
    for word in words:
        candidate = f"{out} {word}".strip()
        if len(candidate.encode("utf-8")) > budget:
            break
        out = candidate
    if not out and words:  # one very long word: its first characters
        out = words[0].encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    return out


# A Russian letter takes two bytes of UTF-8: four words of a query overflow Telegram's 64 bytes
# of callback data. Packed, each takes one (a capital two), so a page button carries them all.
# Every other character travels as it is («ü», «№», quotes: the next page reads the same query),
# one of the packing's own signs escaped; ":" separates callback fields and becomes a space.
_RUSSIAN = "абвгдежзийклмнопрстуфхцчшщъыьэюяё"
_ONE_BYTE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*+"
_PACK = str.maketrans(_RUSSIAN, _ONE_BYTE)
_UNPACK = str.maketrans(_ONE_BYTE, _RUSSIAN)
_PACKED = "~"  # marks packed words; inside them, the next character is itself
_CAPITAL = "^"  # the next letter is a capital
_LETTERS = frozenset(_RUSSIAN + "abcdefghijklmnopqrstuvwxyz")
_SIGNS = frozenset(_ONE_BYTE + _PACKED + _CAPITAL)


def pack_words(text: str, budget: int) -> str | None:
    """`text` for callback data within `budget` bytes, unpack_words giving it back: as it is
    when it fits, else packed one byte a Russian letter; None when even that does not fit."""
    plain = " ".join(text.replace(":", " ").split())
    if not plain.startswith(_PACKED) and len(plain.encode()) <= budget:
        return plain
    out = [_PACKED]
    for ch in plain:
        low = ch.lower()
        if low in _LETTERS:
            out.append((_CAPITAL if ch != low else "") + low.translate(_PACK))
        else:
            out.append(_PACKED + ch if ch in _SIGNS else ch)
    packed = "".join(out)
    return packed if len(packed.encode()) <= budget else None


def fit_packed_words(text: str, budget: int) -> str:
    """As many leading whole words of `text` as pack_words fits in `budget` bytes, packed (a
    query of two Russian words fits only so); one very long word: its first characters."""
    words = " ".join(text.replace(":", " ").split()).split(" ")
    for n in range(len(words), 0, -1):
        packed = pack_words(" ".join(words[:n]), budget)
        if packed is not None:
            return packed
    return fit_callback_text(text, budget)


def unpack_words(data: str) -> str:
    """The words pack_words packed."""
    if not data.startswith(_PACKED):
        return data
    out, capital, literal = [], False, False
    for ch in data[1:]:
        if literal:
            out.append(ch)
            literal = False
        elif ch == _PACKED:
            literal = True
        elif ch == _CAPITAL:
            capital = True
        else:
            low = ch.translate(_UNPACK)
            out.append(low.upper() if capital else low)
            capital = False
    return "".join(out)
