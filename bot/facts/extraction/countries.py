"""Country resolver: ISO 3166-1 alpha-2 codes from names, adjectives and cities, RU and EN."""

from __future__ import annotations

import gettext
import json
import re
from collections.abc import Callable, Iterable
from importlib import resources

import pycountry

_WORD = re.compile(r"[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё'\-]*")
# Official names the pycountry/gettext tables spell differently from news usage.
_EXTRA_NAMES = {
    "RU": ["Россия", "Russia", "Российская Федерация", "Russian Federation", "РФ"],
    "CN": ["Китай", "КНР", "China", "PRC", "Китайская Народная Республика"],
    "KR": ["Южная Корея", "South Korea", "Korea"],
    "VN": ["Вьетнам", "Vietnam"],
    "IR": ["Iran"],
    "SY": ["Syria"],
    "TR": ["Турция", "Turkey", "Türkiye"],
    "KG": ["Киргизия", "Кыргызстан", "Kyrgyzstan", "Kyrgyz Republic"],
    "AE": ["ОАЭ", "UAE", "Объединённые Арабские Эмираты", "United Arab Emirates"],
    "GB": ["Великобритания", "United Kingdom", "UK", "Britain", "England"],
    "US": ["США", "USA", "United States"],
    "BY": ["Беларусь", "Белоруссия", "Belarus"],
    "MD": ["Молдова", "Moldova"],
    "TZ": ["Tanzania"],
    "LA": ["Laos", "Лаос"],
    "HK": ["Гонконг", "Hong Kong"],
    "CZ": ["Чехия", "Czech Republic", "Czechia"],
    "VE": ["Venezuela"],
    "BO": ["Bolivia"],
}


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


_COMMON_WORDS = frozenset({"тот", "чад"})


class CountryResolver:
    """Resolve words to countries; Russian words are lemmatised with the given function.

    The lemmatiser is injected (natasha's MorphVocab in production) so that case forms such as
    "Вьетнама", "Шанхайского" resolve like their dictionary forms.
    """

    def __init__(self, lemmatize: Callable[[str], str]) -> None:
        self._lemmatize = lemmatize
        data = json.loads(
            resources.files(__package__).joinpath("data/countries.json").read_text("utf-8")
        )
        self._words: dict[str, str] = {}
        self._names: set[str] = {"рф", "ссср", "кнр", "сша", "оаэ"}
        self._phrases: dict[tuple[str, ...], str] = {}
        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
        for country in pycountry.countries:
            code = country.alpha_2
            names = [country.name, ru.gettext(country.name)]
            for attr in ("common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    names += [value, ru.gettext(value)]
            for name in names:
                self._add(name, code)
        for code, names in _EXTRA_NAMES.items():
            for name in names:
                self._add(name, code)
        for table in ("ru", "en"):
            for word, code in data[table].items():
                self._words[_fold(word)] = code

    def _add(self, name: str, code: str) -> None:
        if "," in name or "(" in name:
            return
        words = tuple(self._lemma(w) for w in _WORD.findall(name))
        if len(words) == 1:
            if words[0] in _COMMON_WORDS:
                return  # "Того" lemmatises to the pronoun "тот": "в тот же день" is no Togo
            self._words.setdefault(words[0], code)
            self._names.add(words[0])
        elif words:
            self._phrases.setdefault(words, code)

    def _lemma(self, word: str) -> str:
        folded = _fold(word)
        if re.search(r"[а-я]", folded) and folded not in self._words_or_empty():
            return _fold(self._lemmatize(folded))
        return folded

    def _words_or_empty(self) -> dict[str, str]:
        return getattr(self, "_words", {})

    def lemmas(self, text: str) -> list[str]:
        """Lemmas of the words of `text`; hyphenated words also yield their parts."""
        return [self._lemma(word) for word in _WORD.findall(text)]

    def codes(self, text: str) -> list[str]:
        """Every country code the words of `text` point to, in order of appearance."""
        found: list[str] = []
        lemmas = self.lemmas(text)
        i = 0
        while i < len(lemmas):
            hit = None
            for n in (4, 3, 2):
                code = self._phrases.get(tuple(lemmas[i : i + n]))
                if code:
                    hit = (code, n)
                    break
            if hit:
                found.append(hit[0])
                i += hit[1]
                continue
            lemma = lemmas[i]
            code = self._words.get(lemma)
            if code is None and "-" in lemma:
                found.extend(c for c in map(self._part, lemma.split("-")) if c)
            elif code is not None:
                found.append(code)
            i += 1
        return found

    def is_country(self, word: str) -> bool:
        """Whether the word is a country's name (not an adjective or a city)."""
        return self._lemma(word) in self._names

    def _part(self, part: str) -> str | None:
        """Code for one part of a compound ("кыргызско" of "Кыргызско-Российский")."""
        for form in (part, part[:-1] + "ий", part[:-1]) if part.endswith("о") else (part,):
            code = self._words.get(form)
            if code:
                return code
        return None

    def country_of_name(self, name: str) -> str | None:
        """The country an organisation's own name points to, if any.

        Joint names such as "Кыргызско-Российский" or "Belarusian-Russian" point to the foreign
        side, because such bodies are based abroad.
        """
        codes = self.codes(name)
        if not codes:
            return None
        foreign = [c for c in codes if c != "RU"]
        return foreign[0] if foreign else "RU"

    def first(self, texts: Iterable[str]) -> str | None:
        """The first country found in any of the texts."""
        for text in texts:
            codes = self.codes(text)
            if codes:
                return codes[0]
        return None
