"""Countries, the one module for them: flags and names for people, codes from a person's query
(`resolve_country`), and codes from article text (`CountryResolver`: names, adjectives and
cities in Russian and English, for the extractor)."""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

import pycountry
from rapidfuzz import fuzz

from bot.text.stems import stem_word

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


# Russian case endings of a country's last word and the nominative endings they may come from
# ("Кубой" → "Куба", "Китаем" → "Китай", "Индией" → "Индия", "Ираном" → "Иран", "Беларусью" →
# "Беларусь"): only real endings are undone, so a region is no country one letter off ("Кубань"
# is no form of "Куба").
_CASE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ией", ("ия",)),
    ("ии", ("ия", "ий")),
    ("ию", ("ия",)),
    ("ою", ("а",)),
    ("ой", ("а",)),
    ("ей", ("а", "я", "ь")),
    ("ью", ("ь",)),
    ("ем", ("й", "ь", "")),
    ("ом", ("",)),
    ("ами", ("ы", "ия", "")),
    ("ам", ("ы", "")),
    ("ах", ("ы", "")),
    ("ов", ("ы",)),
    ("ы", ("а",)),
    ("и", ("а", "ь", "я")),
    ("е", ("а", "", "й", "ь", "я")),
    ("у", ("а", "")),
    ("а", ("",)),
    ("я", ("й", "ь")),
    ("ю", ("й", "ь", "я")),
)
_FLEETING = re.compile(r"([бвгджзклмнпрстфхцчшщ])([бвгджзклмнпрстфхцчшщ])$")


def _case_variants(text: str) -> list[str]:
    """The query and the nominatives its declined last word may come from ("Китая" → "Китай",
    "Египтом" → "Египет")."""
    folded = _fold(text)
    head, _, last = folded.rpartition(" ")
    prefix = f"{head} " if head else ""
    forms: list[str] = []
    for ending, nominatives in _CASE_ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= 2:
            stem = last[: -len(ending)]
            forms += [stem + nominative for nominative in nominatives]
            if "" in nominatives:  # a vowel dropped in declension: "Египта" of "Египет"
                forms.append(_FLEETING.sub(r"\1е\2", stem))
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
        # Several words are also read by their stems ("Южной Корея"); one word only as it is,
        # its case already undone (a stem of "Кубана" would be "Куба").
        code = index.get(variant) or (index.get(_key(variant)) if " " in variant else None)
        if code is not None:
            return code
    return None


@lru_cache(maxsize=1)
def _spelt_names() -> tuple[tuple[str, str], ...]:
    """(folded name, code) of every country name a person may type, for typo-tolerant use."""
    ru = _russian()
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(_fold(value), country.alpha_2)
                names.setdefault(_fold(ru.gettext(value)), country.alpha_2)
    for code, pair in _SHORT.items():
        names.update(dict.fromkeys((_fold(name) for name in pair), code))
    names.update({word: code for word, code in _EXTRA_QUERIES.items() if len(word) >= 4})
    return tuple(names.items())


@lru_cache(maxsize=1)
def _name_starts() -> dict[str, frozenset[str]]:
    """code -> the first three letters of each of its names (Latin and Cyrillic)."""
    starts: dict[str, set[str]] = {}
    for name, code in _spelt_names():
        starts.setdefault(code, set()).add(name[:3])
    return {code: frozenset(found) for code, found in starts.items()}


def names_country(word: str, code: str) -> bool:
    """Whether a word is the country's name or its people's adjective, not a city's or a
    region's ("Russian", «российско», «Кыргызско» for RU and KG; not "Moscow" for RU): it
    begins as one of the country's names does."""
    start = _fold(word)[:3]
    return start in _name_starts().get(code.upper(), frozenset()) or start in _DEMONYMS.get(
        code.upper(), ()
    )


# Peoples' adjectives that do not begin as their country's names do ("French" of France,
# «немецкий» of Germany), by their first three letters.
_DEMONYMS: dict[str, tuple[str, ...]] = {
    "FR": ("fre", "фра"), "DE": ("нем", "ger"), "GB": ("bri", "eng", "бри", "анг"),
    "US": ("ame", "аме"), "NL": ("dut", "гол", "нид"), "CH": ("swi", "шве"),
    "KG": ("кыр", "kyr"), "BY": ("бел", "bel"),
}  # fmt: skip


ALIKE = 80.0  # the least similarity (0-100) of a mistyped country name to the name meant
_AMBIGUOUS = 5.0  # another country this much less alike, or nearer, leaves the query unread
_SLIP = 2  # letters a mistyped name may have more or fewer than the name meant


def country_alike(query: str) -> str | None:
    """The country a mistyped name most likely means ("Chna", "Китйа" → "CN"); None when none
    is alike (at least ALIKE, with the same first letter and about as long) or two are about
    as alike. For suggestions only: what `resolve_country` reads exactly is not asked here."""
    text = _fold(query)
    if len(text) < 4 or len(text) > 60:
        return None
    best: dict[str, float] = {}
    for name, code in _spelt_names():
        if name[0] != text[0] or abs(len(name) - len(text)) > _SLIP:
            continue  # another first letter (Siberia, Liberia), or more than a slip (Арктика)
        score = fuzz.ratio(text, name)
        if score >= ALIKE - _AMBIGUOUS and score > best.get(code, 0.0):
            best[code] = score
    ranked = sorted(best.items(), key=lambda pair: -pair[1])
    if not ranked or ranked[0][1] < ALIKE:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _AMBIGUOUS:
        return None
    return ranked[0][0]


_REGIONAL_A = 0x1F1E6  # 🇦: a flag is two regional indicator letters, 🇨🇳 is "CN"
# ("agreements with China", «новости о Китае»: "with" and «о» were read as words of a name.)
_LEADING = frozenset([
    "в", "во", "с", "со", "из", "изо", "для", "по", "о", "об", "про", "in", "from", "the",
    "with", "for", "of", "about",
])  # fmt: skip


# Readers answered in English may name a country in their own language ("Deutschland",
# "Österreich", "Chine"): read in commands only, never in article text.
_OTHER_LANGUAGES = ("de", "fr", "es", "it")


@lru_cache(maxsize=1)
def _other_names() -> dict[str, str]:
    """Folded country names in _OTHER_LANGUAGES (also without marks: "osterreich") → code."""
    names: dict[str, str] = {}
    for lang in _OTHER_LANGUAGES:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    name = _fold(translation.gettext(value))
                    names.setdefault(name, country.alpha_2)
                    names.setdefault(_plain(name), country.alpha_2)
    # Russia's short names (the tables give "Russische Föderation", "Fédération de Russie").
    names.update(dict.fromkeys(("russland", "russie", "rusia"), "RU"))
    return names


def resolve_country_query(query: str, *, other_languages: bool = True) -> str | None:
    """A country as a person asks for it in a command: what `resolve_country` reads, and also
    its flag ("🇨🇳"), its name after a preposition ("с Китаем", "в Узбекистане", "in China") or
    in German, French, Spanish or Italian ("Deutschland"; not with `other_languages` False: a
    command that named a partner so, "Granada" is Grenada's Spanish name, means the partner)."""
    text = query.strip()
    if len(text) == 2 and all(_REGIONAL_A <= ord(ch) <= _REGIONAL_A + 25 for ch in text):
        text = "".join(chr(ord(ch) - _REGIONAL_A + ord("A")) for ch in text)
    code = resolve_country(text)
    if code is None:
        head, _, rest = text.partition(" ")
        if head.lower() in _LEADING and rest.strip():
            code = resolve_country(rest)
    if code is None and other_languages and 4 <= len(text) <= 60:
        code = _other_names().get(_fold(text))
    return code


def country_among_words(text: str) -> str | None:
    """The first country one word of `text` names, as a command reads it («университеты
    Китая», «кто наши партнёры в Германии?», «с китайскими вузами»); words of three letters or
    fewer name none."""
    return next(
        (
            code
            for word in text.split()
            if len(word) > 3
            and (code := resolve_country_query(word, other_languages=False) or nation_of(word))
        ),
        None,
    )


# Nations' adjectives that do not begin as their country's name does (most do: «китайский»,
# «российский», "Chinese"; a city's never does: «шанхайский», "Shanghai").
_NATIONS_APART = frozenset([
    "американский", "английский", "армянский", "белорусский", "британский", "ганский",
    "голландский", "греческий", "датский", "корейский", "кубинский", "кыргызский",
    "литовский", "македонский", "немецкий", "новозеландский", "русский", "тайский",
    "турецкий", "финский", "чешский", "шведский", "эмиратский", "южноафриканский",
    "american", "british", "danish", "dutch", "emirati", "filipino", "finnish", "french",
    "irish", "ivorian", "korean", "laotian", "macedonian", "polish", "scottish", "spanish",
    "swiss",
])  # fmt: skip
_NOT_NATIONS = frozenset(["hong", "porto"])  # a city's first word
_ADJECTIVE_FORM = re.compile(
    r"(?<=[а-яё])([сц]к)(?:ий|ая|ое|ие|ого|ой|ому|ом|им|ими|их|ую|ых|ым|ыми|ою)$"
)


@lru_cache(maxsize=1)
def _nations() -> dict[str, str]:
    """Nation adjective (a Russian one in the masculine nominative) → its country, from the
    words that place an organisation (bot/text/data/countries.json), cities' left out."""
    data = json.loads(
        resources.files(__package__).joinpath("data/countries.json").read_text("utf-8")
    )
    out = {}
    for lang, suffixes in (("ru", ("ский", "цкий")), ("en", ("",))):
        for word, code in data[lang].items():
            name = country_name(code, lang).lower()
            if not word.endswith(suffixes) or word == name or word in _NOT_NATIONS:
                continue
            if word in _NATIONS_APART or word[:4] == name[:4]:
                out[word] = code
    return out


def nation_of(word: str) -> str | None:
    """The country a nation's adjective in any case names («китайскими», "Chinese" → CN), else
    None."""
    low = word.lower().strip('.,!?;:«»"')
    if low.isascii():
        return _nations().get(low)  # "Chinese"
    found = _ADJECTIVE_FORM.search(low)
    if found is None:
        return None
    return _nations().get(low[: found.start()] + found.group(1) + "ий")


# -- countries in article text (the extractor's resolver) -------------------------------------

_NAME_WORD = re.compile(r"[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё'\-]*")
_LATIN_MARKED = re.compile(r"[\u00c0-\u024f]")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


def _plain(text: str) -> str:
    """Latin letters without their marks and one apostrophe ("Côte d’Ivoire" is read as
    "Cote d'Ivoire"); Cyrillic letters (й, ё) are left as they are."""
    text = text.translate(_APOSTROPHES)
    if not _LATIN_MARKED.search(text):
        return text
    return _LATIN_MARKED.sub(lambda m: unicodedata.normalize("NFKD", m.group(0))[:1], text)


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
    # An entity of Bosnia and Herzegovina, not Serbia, though its adjective is «сербский».
    "BA": ["Республика Сербская", "Republika Srpska", "Republic of Srpska"],
}


# Short country names that are also common words or given names, by their written form: a
# Russian one («того» the pronoun, «чад» smoke) names its country only written with a capital
# mid-sentence («Республика Того», «из Чада»); an English one only after a lower-case word,
# before no other capitalised word ("in Jordan", "Republic of Chad"; not "Chad Miller" or
# "Jordan" opening a sentence); "turkey" or "china" in small letters names none.
_HOMONYMS: dict[str, str] = {
    "того": "TG", "мали": "ML", "чад": "TD", "чада": "TD", "чаду": "TD", "чаде": "TD",
    "чадом": "TD", "chad": "TD", "jordan": "JO",
}  # fmt: skip
_COMMON_NAME_WORDS = frozenset({"тот", "чад", "чадо", "мали", "chad", "jordan"})
_SMALL_HOMONYMS = frozenset({"перу", "чили", "turkey", "china", "chile", "guinea"})
_SENTENCE_END = re.compile(r"(?:^|[.!?…\n])[\s«\"„“(—–-]*$")
_QUOTE_OPEN = re.compile(r"[«„“\"]$")
_HEADS_AFTER = frozenset({"university", "embassy", "ministry", "institute", "academy", "chamber"})
# Cities of two words whose first word alone names a city elsewhere ("Porto" is Portugal's).
_CITY_PHRASES: dict[tuple[str, ...], str] = {
    ("porto", "alegre"): "BR",
    ("new", "york"): "US",
    ("abu", "dhabi"): "AE",
    ("kuala", "lumpur"): "MY",
    # The US state's: "Georgia Tech", "Georgia State University".
    ("georgia", "tech"): "US",
    ("georgia", "institute", "of", "technology"): "US",
    ("georgia", "state"): "US",
}


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
        self._phrases.update(_CITY_PHRASES)

    def _add(self, name: str, code: str) -> None:
        if "," in name or "(" in name:
            return
        words = tuple(self._lemma(w) for w in _NAME_WORD.findall(_plain(name)))
        if len(words) == 1:
            if words[0] in _COMMON_NAME_WORDS:
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
        return [self._lemma(word) for word in _NAME_WORD.findall(_plain(text))]

    def _homonym(self, text: str, match: re.Match[str]) -> str | None:
        """The country a word of `_HOMONYMS` names where it stands in `text`, else None."""
        word = match.group(0)
        code = _HOMONYMS.get(_fold(word))
        if code is None or not word[:1].isupper():
            return None
        before = text[: match.start()]
        if re.search(r"[а-яё]", word, re.IGNORECASE):
            # Opening a sentence or a quoted name («Мали Инжиниринг» is a company's brand).
            return None if _SENTENCE_END.search(before) or _QUOTE_OPEN.search(before) else code
        prev = re.search(r"([\w'-]+)\W*$", before)
        after = re.match(r"\W{0,2}([A-Z][\w-]*)", text[match.end() :])
        opening = prev is None or prev.group(1)[:1].isupper() or _SENTENCE_END.search(before)
        if opening and not (prev and prev.group(1) in ("Republic", "Kingdom")):
            return None
        if after and after.group(1).lower() not in _HEADS_AFTER:
            return None
        return code

    def codes(self, text: str) -> list[str]:
        """Every country code the words of `text` point to, in order of appearance."""
        found: list[str] = []
        plain = _plain(text)
        words = list(_NAME_WORD.finditer(plain))
        lemmas = [self._lemma(m.group(0)) for m in words]
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
            raw = words[i].group(0)
            if raw.islower() and raw in _SMALL_HOMONYMS:
                code = None  # "a turkey", «по перу»
            else:
                code = self._words.get(lemma) or self._homonym(plain, words[i])
            if code is None and "-" in lemma:
                found.extend(c for c in map(self._part, lemma.split("-")) if c)
            elif code is not None:
                found.append(code)
            i += 1
        return found

    def is_country(self, word: str) -> bool:
        """Whether the word is a country's name (not an adjective or a city)."""
        if _fold(word) in _HOMONYMS:
            return word[:1].isupper()  # «из Того»: the caller read the context
        return self._lemma(_plain(word)) in self._names

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
