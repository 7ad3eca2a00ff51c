"""Country codes for people: flags, names in Russian and English, and codes from a query."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

from storage.search import stem_word

# Short everyday names where ISO's official ones read oddly in a chat.
_SHORT = {
    "RU": ("Россия", "Russia"),
    "CN": ("Китай", "China"),
    "KR": ("Южная Корея", "South Korea"),
    "KP": ("КНДР", "North Korea"),
    "IR": ("Иран", "Iran"),
    "VN": ("Вьетнам", "Vietnam"),
    "GB": ("Великобритания", "United Kingdom"),
    "US": ("США", "United States"),
    "BY": ("Беларусь", "Belarus"),
    "MD": ("Молдова", "Moldova"),
    "SY": ("Сирия", "Syria"),
    "TZ": ("Танзания", "Tanzania"),
    "LA": ("Лаос", "Laos"),
    "VE": ("Венесуэла", "Venezuela"),
    "BO": ("Боливия", "Bolivia"),
    "TR": ("Турция", "Turkey"),
    "KG": ("Киргизия", "Kyrgyzstan"),
    "AE": ("ОАЭ", "United Arab Emirates"),
    "HK": ("Гонконг", "Hong Kong"),
    "CZ": ("Чехия", "Czechia"),
}
_EXTRA_QUERIES = {
    "кнр": "CN", "prc": "CN", "рф": "RU", "uk": "GB", "britain": "GB", "england": "GB",
    "англия": "GB", "usa": "US", "америка": "US", "белоруссия": "BY", "кыргызстан": "KG",
    "korea": "KR", "корея": "KR", "uae": "AE", "эмираты": "AE", "türkiye": "TR",
}  # fmt: skip


@lru_cache(maxsize=1)
def _russian() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])


def flag(code: str | None) -> str:
    """The flag emoji of an alpha-2 code ("" when unknown)."""
    if not code or len(code) != 2 or not (code.isascii() and code.isalpha()):
        return ""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code.upper())


def country_name(code: str | None, lang: str) -> str:
    if not code:
        return "?"
    code = code.upper()
    if code in _SHORT:
        return _SHORT[code][0 if lang == "ru" else 1]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return _russian().gettext(country.name) if lang == "ru" else name


def _key(text: str) -> str:
    return " ".join(stem_word(word) for word in text.replace("-", " ").split())


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    ru = _russian()
    for country in pycountry.countries:
        names = {country.name, ru.gettext(country.name)}
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names |= {value, ru.gettext(value)}
        for name in names:
            index.setdefault(_key(name), country.alpha_2)
            index.setdefault(_fold(name), country.alpha_2)
    for code, pair in _SHORT.items():
        for name in pair:
            index[_key(name)] = code
            index[_fold(name)] = code
    for word, code in _EXTRA_QUERIES.items():
        index[_key(word)] = code
        index[word] = code
    return index


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е").strip()


def _case_variants(text: str) -> list[str]:
    """The query and likely nominatives of a declined last word ("Китая" → "Китай")."""
    folded = _fold(text)
    head, _, last = folded.rpartition(" ")
    prefix = f"{head} " if head else ""
    forms = [last, last[:-1], last[:-1] + "й", last[:-1] + "я", last[:-2] + "ия", last[:-2]]
    return [folded, *(prefix + form for form in forms if len(form) >= 3)]


def resolve_country(query: str) -> str | None:
    """ "Китай", "Китая", "China", "cn" → "CN"; None when the query is not a country."""
    text = query.strip()
    if not text or len(text) > 60:
        return None
    if len(text) == 2 and text.isascii() and text.isalpha():
        country = pycountry.countries.get(alpha_2=text.upper())
        if country is not None:
            return str(country.alpha_2)
    index = _index()
    for variant in _case_variants(text):
        code = index.get(variant) or index.get(_key(variant))
        if code is not None:
            return code
    return None
