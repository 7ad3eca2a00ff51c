"""The registry merge: which registry row an extracted partner is, by keys and guards.

Pure functions (no storage, no aiogram). A partner fact joins a row only when one of its name
keys equals one of the row's keys and no guard says they are different organisations; there is
no fuzzy fallback, because a wrong merge puts every later article on the wrong card. A key is
the stemmed, case-, script-variant- and punctuation-folded token set of a name.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache

from bot.facts.extraction import PartnerFact
from bot.facts.extraction.lexicon import EN_HEADS, OWN_PATTERNS
from bot.facts.extraction.names import (
    MAX_NAME_CHARS,
    is_abbreviation,
    join_broken_hyphen,
    name_tokens,
)
from bot.facts.extraction.registry import KnownOrg, known_orgs
from bot.text.countries import CountryResolver, names_country, nation_of, resolve_country
from bot.text.formatting import one_script
from bot.text.stems import common_word

# Typographic variants folded before anything else: non-breaking and other hyphens, spaces,
# quotes of every shape.
_TYPO = str.maketrans(
    {
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u00ad": "",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")

# Head words and forms that say what an organisation is, not which one. A name whose tokens
# are only these is no name ("Университет", "Компания"); two names differing only in these
# may be one organisation ("Университет Цинхуа" / "Цинхуа"). Distinguishing words such as
# "технологический", "нефть", a city or a number are deliberately absent.
_HEAD = frozenset(
    name_tokens(
        "университет институт академия компания группа корпорация холдинг концерн консорциум "
        "ассоциация организация объединение фонд предприятие завод министерство ведомство "
        "правительство администрация посольство консульство "
        "university institute academy company group corporation holding concern consortium "
        "association organization organisation foundation enterprise plant ministry government "
        "administration embassy consulate technologies inc corp ag se sa nv bv spa"
    )
)
_STOP = frozenset(["и", "of", "the", "and", "for", "в", "на", "им", "named", "after", "de", "at"])
# Generic one-word forms an extractor sometimes leaves as an alias: never a name on their own.
_NOT_NAMES = frozenset(
    name_tokens(
        "делегация делегации визит партнер партнеры сторона стороны вуз вузы компания "
        "delegation visit partner partners side parties"
    )
)


def tidy(name: str) -> str:
    """A name with typographic variants folded and whitespace collapsed (for display too)."""
    text = join_broken_hyphen(unicodedata.normalize("NFC", name).translate(_TYPO))
    return _SPACES.sub(" ", text).strip(" \t\n.,;:")


# Variants of one wording: a bracketed remark, "State Corporation" (Rosatom's legal form),
# "St." for "Saint".
_VARIANTS = (
    (re.compile(r"\s*\([^)]*\)"), ""),
    (re.compile(r"\bstate corporation\b", re.IGNORECASE), "corporation"),
    (re.compile(r"\bst\.?(?=\s)", re.IGNORECASE), "saint"),
)


def _variant_free(name: str) -> str:
    text = tidy(name)
    for pattern, replacement in _VARIANTS:
        text = pattern.sub(replacement, text)
    return text


# Words that only say "a company" in some form, dropped from keys ("Госкорпорация «Ростех»" is
# "Ростех"), and a German or English spelling of one word folded to one token.
_CORPORATE = frozenset(
    name_tokens(
        "компания госкорпорация корпорация группа груп холдинг концерн консорциум "
        "company corporation group holding concern consortium inc corp ag se sa nv bv spa gmbh "
        "goskorporatsiya kompaniya korporatsiya"
    )
)
_FOLD = {
    **dict.fromkeys(
        name_tokens("universität universitat university universite universidad universita"),
        "univers",
    ),
    # Technical and technological universities are different ones (KNRTU-KAI and KNRTU).
    **dict.fromkeys(name_tokens("technische technical"), "technic"),
    **dict.fromkeys(name_tokens("technology technological technologie"), "technolog"),
    # «ГЭС» is «гидроэлектростанция» (and «атомная электростанция» «АЭС», see `_POWER_PAIRS`).
    **dict.fromkeys(name_tokens("гидроэлектростанция"), "гес"),
}
# Two words one abbreviation stands for, as key tokens: «атомная (электро)станция» is «АЭС».
_POWER_PAIRS = (
    (frozenset(name_tokens("атомная электростанция")), "аес"),
    (frozenset(name_tokens("атомная станция")), "аес"),
)


def _fold_pairs(tokens: list[str]) -> list[str]:
    """Key tokens with the word pairs an abbreviation stands for folded into it."""
    for pair, abbr in _POWER_PAIRS:
        if pair <= set(tokens):
            tokens = [t for t in tokens if t not in pair] + [abbr]
    return tokens


# The honorific tail of a name: "... имени Бориса Ельцина", "... им. И. Каримова",
# "... named after D. F. Ustinov" -- the same organisation with or without it.
_NAMED_AFTER = re.compile(r"\s+(?:им\.|имени|named after)\s.*$", re.IGNORECASE)
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")


def _plain_latin(text: str) -> str:
    """Latin letters without diacritics ("São" / "Sao"); Cyrillic letters stay as they are
    ("й" is no "и")."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def key_tokens(name: str, *, legacy: bool = False) -> list[str]:
    """Key tokens of a name. The soft sign is dropped after stemming, so a place and its
    adjective meet ("Сиань" / "Сианьский", "Казань" / "Казанского"); `legacy` gives the
    tokens of the earlier rule, which dropped it before (stored identity keys)."""
    text = _INNER_APOSTROPHE.sub("", _NAMED_AFTER.sub("", _plain_latin(_variant_free(name))))
    if not legacy:
        text = one_script(text)
    if legacy:
        text = text.replace("ь", "").replace("ъ", "").replace("Ь", "")
    out = []
    for token in name_tokens(text):
        if not legacy:
            token = token.replace("ь", "").replace("ъ", "")
        # A place and its adjective are one word: "Тегерана" / "Тегеранский" -> "тегеран".
        shortest = 7 if legacy else 6
        if len(token) >= shortest and token.endswith("ск") and re.search(r"[а-я]", token):
            token = token[:-2]
        token = _FOLD.get(token, token)
        if token and token not in _STOP and token not in _CORPORATE:
            out.append(token)
    return out if legacy else _fold_pairs(out)


def rekey(key: str) -> str:
    """An identity key made by earlier key rules, under the current ones (Latin diacritics
    and spellings of "university" folded since), so `reextract` revives its row."""
    if not key or key.startswith(("x:", "n:")):
        return key
    return " ".join(sorted(set(_fold_pairs([_FOLD.get(t, t) for t in _plain_latin(key).split()]))))


# Descriptive words: a name made of these, head words and nationalities alone describes an
# organisation without naming one ("Chinese University", "Executive Committee", "Национальный
# исследовательский университет"); only a registry of known organisations can tell which.
_DESCRIPTIVE = frozenset(
    name_tokens(
        "national international state federal regional municipal research scientific science "
        "sciences technical engineering polytechnic key language learning resource relations "
        "management administration public executive strategic department office committee "
        "council center centre laboratory lab society joint higher education educational "
        "cooperation development innovation innovations economic economy studies main central "
        "new private union people republic "
        "национальный международный государственный федеральный региональный муниципальный "
        "исследовательский научный технический инженерный политехнический высший школа центр "
        "лаборатория отдел департамент управление комитет совет общество совместный "
        "образование образовательный развитие инновационный экономический главный центральный "
        "новый частный союз народный республика вуз вузы предприятия предприятие"
    )
)
_NATIONALITIES = frozenset(
    name_tokens(
        "russian chinese austrian german french american indian kazakh turkmen uzbek kyrgyz "
        "belarusian armenian azerbaijani iranian syrian egyptian vietnamese japanese korean "
        "british italian spanish finnish swedish norwegian polish czech hungarian serbian "
        "mongolian arab guinean european asian eurasian "
        "российский китайский австрийский германский немецкий французский американский "
        "индийский казахстанский туркменский узбекский киргизский белорусский армянский "
        "азербайджанский иранский сирийский египетский вьетнамский японский корейский "
        "британский итальянский испанский финский шведский норвежский польский чешский "
        "венгерский сербский монгольский арабский европейский азиатский евразийский"
    )
)
_EVENT = re.compile(
    r"\b(?:forum|conference|festival|summit|congress|olympiad|exhibition|expo|"
    r"(?:winter|summer|spring|autumn) (?:\w+ )?(?:school|university)|форум\w*|конференци\w*|"
    r"фестивал\w*|саммит\w*|конгресс\w*|олимпиад\w*|выставк\w*|"
    r"(?:летн|зимн|весенн|осенн)\w+ (?:\w+ )?(?:школ|университет)\w*|week|"
    r"недел[яиюе]|championship|чемпионат\w*|contest|конкурс\w*|hackathon|хакатон\w*|"
    r"award|prize|преми[яиюей])\b",
    re.IGNORECASE,
)


def is_event(name: str) -> bool:
    """A forum, a week, a summer school or university, a prize: an event, no organisation."""
    return bool(_EVENT.search(name))


# A person's title read as an organisation ("Government Vice-Premier", "Ректор университета"):
# the English head is the last word, the Russian the first.
_TITLE = re.compile(
    r"(?:^(?!.*\b(?:of|for)\b).*\b(?:vice-premier|premier|minister|rector|president|governor|ambassador|consul|dean|"
    r"chairman|mayor)$|^(?:вице-премьер|премьер-министр|министр|ректор|проректор|президент|"
    r"губернатор|посол|консул|мэр|декан|председатель)\b)",
    re.IGNORECASE,
)
_LEGAL_FORMS = frozenset(["ао", "пао", "оао", "зао", "ооо", "jsc", "pjsc", "llc", "ltd", "gmbh"])
_WORD = re.compile(r"[^\W\d_]{3,}")


GENERIC = _HEAD | _DESCRIPTIVE | _CORPORATE | {"univers", "technic", "technolog"}


# "A subsidiary of X" describes a company by its parent, whose own name the article gives
# beside it or not at all: «АО «Бета», дочерняя компания «Альфы»», "a subsidiary of Alpha".
# «Предприятие Госкорпорации «Росатом»», «Предприятие Росатома», "an enterprise of X" too.
_SUBSIDIARY = re.compile(
    r"^(?:дочерн\w+\s+(?:компани|обществ|предприяти|структур|фирм)\w*|"
    r"(?:an?\s+)?(?:subsidiary|enterprise)\s+(?:company\s+)?of|"
    r"предприяти[ея]\s+(?:(?:гос)?корпораци[иі]|холдинга|концерна|группы|компании)|"
    r"предприяти[ея](?=\s+[А-ЯЁ][а-яё-]+[аяы]$))(?:\s|$)",
    re.IGNORECASE,
)


def by_parent(name: str) -> bool:
    """A company described by its parent («дочерняя компания «Альфы»», «Предприятие
    Госкорпорации «Росатом»»): its other forms are the parent's names, not its own."""
    return bool(_SUBSIDIARY.match(tidy(name)))


def names_nothing(name: str, kind: str = "other") -> bool:
    """A name that identifies no organisation: only descriptive words, an event, a code. A
    nationality identifies a state body ("Посольство Венгрии") but not a university or an
    institute ("Chinese University", "Russian-Chinese Institute")."""
    if _EVENT.search(name) or _TITLE.search(tidy(name)) or not _WORD.search(name):
        return True
    if _PLURAL_GROUP.search(tidy(name).lower()):
        return True  # a group of organisations ("Вузы Татарстана"), not one
    if _SUBSIDIARY.match(tidy(name)):
        return True  # «дочерняя компания «Альфы»»: a description of a company, not its name
    if is_abbreviation(name):
        return False
    generic = GENERIC if kind == "government" else GENERIC | _NATIONALITIES
    tokens = [_FOLD.get(t, t) for t in name_tokens(tidy(name)) if t not in _STOP]
    return all(t in generic for t in tokens)


# Spellings of the university the extractor's patterns miss: a dropped letter, its historical
# name after Kalinin, the bare "Polytechnic University" of an English text.
_OWN_EXTRA = re.compile(
    r"петербур\w*\s+политехн|\bспгпу\b|\bkalinin\W+(?:\w+\W+)?polytechn|"
    r"^(?:the\s+)?polytechnic\s+university(?:\s+international\s+office)?$"
)
_PLURAL_GROUP = re.compile(
    r"^(?:вузы|университеты|предприятия|компании|организации|институты|universities|"
    r"companies|enterprises|organizations|organisations|institutes)\b"
)


def is_own(name: str) -> bool:
    """The university itself or one of its units, under any of its names."""
    folded = tidy(name).lower().replace("ё", "е")
    return any(p.search(folded) for p in OWN_PATTERNS) or bool(_OWN_EXTRA.search(folded))


def match_key(name: str, *, legacy: bool = False) -> str:
    """The key under which a name form meets its case forms, word orders and script variants;
    empty for forms that identify nothing (generic words, the university itself). `legacy`:
    the key under the soft-sign rule before this one (see `key_tokens`)."""
    if is_own(name):
        return ""
    tokens = key_tokens(name, legacy=legacy)
    if not tokens or all(t in _HEAD or t in _NOT_NAMES for t in tokens):
        return ""
    if len(tokens) == 1 and len(tokens[0]) < 2:
        return ""
    return " ".join(sorted(set(tokens)))


# Head and descriptive words across languages, each to one concept, for the cross-script key:
# Russian ones by their stem (any case form), others as written.
CONCEPT_RU = (
    ("университет", "U"), ("институт", "I"), ("академи", "A"), ("политехническ", "P"),
    ("техническ", "T"), ("технологическ", "TL"), ("государственн", "S"), ("национальн", "N"),
    ("исследовательск", "R"), ("наук", "SC"), ("прикладн", "AP"), ("педагогическ", "PE"),
    ("экономическ", "E"), ("экономик", "E"), ("медицинск", "M"), ("технолог", "TL"),
    ("техник", "T"), ("образовани", "PE"), ("сетев", "NET"), ("славянск", "SLAV"),
    ("федеральн", "F"), ("аграрн", "AGR"), ("сельскохозяйственн", "AGR"), ("морск", "SEA"),
    ("авиационн", "AV"), ("архитектурн", "ARC"), ("гуманитарн", "HUM"),
    ("лингвистическ", "LNG"), ("энергетическ", "EN"), ("транспорт", "TR"),
    ("министерств", "MIN"), ("правительств", "GOV"), ("посольств", "EMB"),
    ("консульств", "CONS"), ("генконсульств", "CONS"),
)  # fmt: skip
# Words of Russian organisations' names and their English translations: one meaning each
# for the cross key; in a search they still tell names apart (unlike the concepts above).
MEANING_RU = (
    ("научн", "SC"), ("фонд", "FND"), ("ассоциаци", "ASSOC"), ("союз", "UNION"),
    ("центр", "CTR"), ("инженерн", "ENGR"), ("ядерн", "NUC"), ("физическ", "PHYS"),
    ("физик", "PHYS"), ("химическ", "CHEM"), ("хими", "CHEM"), ("горн", "MINING"),
    ("нефтян", "OIL"), ("газов", "GAS"), ("объединенн", "JOINT"), ("судостроительн", "SHIP"),
    ("авиастроительн", "AIRCR"), ("северн", "NORTH"), ("южн", "SOUTH"), ("восточн", "EAST"),
    ("западн", "WEST"), ("высш", "HIGHER"), ("школ", "SCHOOL"), ("палат", "CHAMBER"),
    ("обществ", "SOC"), ("комитет", "COMM"), ("агентств", "AGENCY"), ("служб", "SERVICE"),
    ("информационн", "INFO"), ("завод", "PLANT"), ("верф", "SHIPYARD"), ("банк", "BANK"),
    ("электротехническ", "ELTECH"), ("металлургическ", "METAL"), ("космическ", "SPACE"),
    ("полярн", "POLAR"), ("арктическ", "ARCTIC"), ("дружб", "FRIEND"), ("народ", "PEOPLES"),
    ("строительн", "BUILD"), ("промышленн", "INDUSTRY"), ("торгов", "TRADE"),
    ("лазерн", "LASER"), ("производствен", "PROD"),
)  # fmt: skip
# English words of foreign companies' names as Russian writes them, letter for sound («Сименс
# Энерджи» is "Siemens Energy", «Самсунг Хэви Индастриз» "Samsung Heavy Industries"): the
# concept or meaning of the English word, for the cross key only.
ENGLISH_RU = (
    ("энерджи", "EN"), ("текнолодж", "TL"), ("индастри", "INDUSTRY"),
    ("инжиниринг", "ENGR"), ("сервисез", "SERVICE"),
)  # fmt: skip
CONCEPT_LATIN = {
    **dict.fromkeys(["university", "universitat", "universitaet", "universidad", "universita",
                     "universite", "universiteit", "uniwersytet", "universidade"], "U"),
    **dict.fromkeys(["institute", "institut", "instituto", "istituto"], "I"),
    **dict.fromkeys(["academy", "akademie", "academia"], "A"),
    **dict.fromkeys(["polytechnic", "polytechnical", "politecnico", "politecnica",
                     "polytechnique", "politechnika"], "P"),
    **dict.fromkeys(["technical", "technische", "tecnica", "technischen"], "T"),
    **dict.fromkeys(["technological", "technology", "technologie", "technologies"], "TL"),
    **dict.fromkeys(["state", "estadual"], "S"),
    **dict.fromkeys(["national", "nacional", "nazionale"], "N"),
    **dict.fromkeys(["research"], "R"),
    **dict.fromkeys(["science", "sciences"], "SC"),
    **dict.fromkeys(["applied"], "AP"),
    **dict.fromkeys(["normal", "pedagogical", "education"], "PE"),
    **dict.fromkeys(["economic", "economics"], "E"),
    **dict.fromkeys(["medical"], "M"),
    **dict.fromkeys(["network"], "NET"),
    **dict.fromkeys(["slavic", "slavonic"], "SLAV"),
    **dict.fromkeys(["federal", "federale"], "F"),
    **dict.fromkeys(["agrarian", "agricultural"], "AGR"),
    **dict.fromkeys(["maritime", "marine"], "SEA"),
    **dict.fromkeys(["aviation"], "AV"),
    **dict.fromkeys(["architectural", "architecture"], "ARC"),
    **dict.fromkeys(["humanities", "humanitarian"], "HUM"),
    **dict.fromkeys(["linguistic", "linguistics"], "LNG"),
    **dict.fromkeys(["energy", "power"], "EN"),
    **dict.fromkeys(["transport"], "TR"),
    # A state's bodies: «Министерство образования Республики X» is the "Ministry of
    # Education of the Republic of X".
    **dict.fromkeys(["ministry", "ministerio", "ministere", "ministero", "ministerium"], "MIN"),
    **dict.fromkeys(["government"], "GOV"),
    **dict.fromkeys(["embassy"], "EMB"),
    **dict.fromkeys(["consulate"], "CONS"),
}  # fmt: skip
MEANING_LATIN = {
    **dict.fromkeys(["foundation", "fund"], "FND"),
    **dict.fromkeys(["association"], "ASSOC"),
    **dict.fromkeys(["union"], "UNION"),
    **dict.fromkeys(["centre", "center"], "CTR"),
    **dict.fromkeys(["engineering"], "ENGR"),
    **dict.fromkeys(["nuclear"], "NUC"),
    **dict.fromkeys(["physics", "physical"], "PHYS"),
    **dict.fromkeys(["chemical", "chemistry"], "CHEM"),
    **dict.fromkeys(["mining"], "MINING"),
    **dict.fromkeys(["oil", "petroleum"], "OIL"),
    **dict.fromkeys(["gas"], "GAS"),
    **dict.fromkeys(["united", "joint"], "JOINT"),
    **dict.fromkeys(["shipbuilding"], "SHIP"),
    **dict.fromkeys(["aircraft"], "AIRCR"),
    **dict.fromkeys(["northern", "north"], "NORTH"),
    **dict.fromkeys(["southern", "south"], "SOUTH"),
    **dict.fromkeys(["eastern", "east"], "EAST"),
    **dict.fromkeys(["western", "west"], "WEST"),
    **dict.fromkeys(["higher"], "HIGHER"),
    **dict.fromkeys(["school"], "SCHOOL"),
    **dict.fromkeys(["chamber"], "CHAMBER"),
    **dict.fromkeys(["society", "gesellschaft"], "SOC"),
    **dict.fromkeys(["committee"], "COMM"),
    **dict.fromkeys(["agency"], "AGENCY"),
    **dict.fromkeys(["service", "services"], "SERVICE"),
    **dict.fromkeys(["information"], "INFO"),
    **dict.fromkeys(["plant", "factory"], "PLANT"),
    **dict.fromkeys(["shipyard", "shipyards"], "SHIPYARD"),
    **dict.fromkeys(["bank"], "BANK"),
    **dict.fromkeys(["electrotechnical"], "ELTECH"),
    **dict.fromkeys(["metallurgical"], "METAL"),
    **dict.fromkeys(["space"], "SPACE"),
    **dict.fromkeys(["polar"], "POLAR"),
    **dict.fromkeys(["arctic"], "ARCTIC"),
    **dict.fromkeys(["friendship"], "FRIEND"),
    **dict.fromkeys(["peoples"], "PEOPLES"),
    **dict.fromkeys(["construction", "civil"], "BUILD"),
    **dict.fromkeys(["industry", "industrial", "industries"], "INDUSTRY"),
    **dict.fromkeys(["trade", "commerce"], "TRADE"),
    **dict.fromkeys(["laser", "lasers"], "LASER"),
    **dict.fromkeys(["production", "manufacturing"], "PROD"),
}  # fmt: skip
CROSS_SKIP = _STOP | {"of", "the", "and", "named", "after", "di", "de", "der", "des", "la", "по"}
ADJECTIVE_RU = re.compile(r"(?:ск|цк)(?:ий|ый|ая|ое|ого|ому|им|ом|ой|их|ие|ую|ими)$")
# A Russian adjective in «-н-» («Смольный», «Нижнего», «Лесной») and its Latin transliteration
# ("Smolny", "Nizhny", "Lesnoy"): the «н» is the adjective's suffix. The noun endings «-ом»,
# «-ем» («Тегераном») are left out, and so is an «н» after a vowel: a foreign name's ending
# ("Tiffany" / «Тиффани», "Stony" / «Стони») and «Зелёный» / 'Zeleny' alike stay unmarked.
_N_ADJECTIVE_RU = re.compile(
    r"(?<=[^\W\d_]{2})(?<![аеиоуыэюя])н(?:ый|ий|ой|ого|его|ому|ему|ая|яя|ую|юю|ое|ее|ые|ие|ых|их|ым|им|ыми|ими|ей)$"
)
_N_ADJECTIVE_LATIN = re.compile(
    r"(?<=[a-z]{2})(?<![aeiouy])n(?:y|yy|yi|iy|ij|yj|oy|oi|oj|aya|oye)$"
)
# "ng" is the Russian "н" of Chinese syllables ("Шанхай" / "Shanghai", "Цзяотун" / "Jiaotong").
PHONETIC = (("ng", "n"), ("kh", "h"), ("ts", "z"), ("zh", "j"), ("sch", "s"),
            ("sh", "s"), ("ch", "c"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("g", "h"), ("y", "i"),
            ("x", "ks"), ("q", "k"))  # fmt: skip
_WORDS = re.compile(r"[^\W\d_]+")
# The type word of a province or a state names no organisation: «университет провинции
# Цзянсу» is the «Цзянсуский университет», "... of the Republic of Testland" the "Testland ...".
_PROVINCE = re.compile(r"^(?:провинци\w*|province|республик\w*|republic)$")
# «Санкт-Петербург» / "Saint (St.) Petersburg" / «Петербург»: one city, whose two spellings
# have different consonant skeletons.
_SAINT = frozenset(["санкт", "saint", "sankt"])
_PETERSBURG = frozenset(["petersburg", "peterburg", "petersburgh"])
# A roman numeral ("Carlos III") has no consonant skeleton; it counts as written.
_ROMAN = re.compile(r"^(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)$")


# Two place adjectives joined by a hyphen: a bilateral body's name («Кыргызско-Российский»,
# "Sino-Russian", «Российско-африканский»).
_JOINED = re.compile(r"[^\W\d_]+-[^\W\d_]+")
# World regions that stand in such a pair where a country would.
_REGIONS = (
    ("африк", "AFRICA"), ("afric", "AFRICA"), ("европ", "EUROPE"), ("europ", "EUROPE"),
    ("азиат", "ASIA"), ("asia", "ASIA"), ("араб", "ARAB"), ("arab", "ARAB"),
    ("латиноамерик", "LATAM"), ("latin", "LATAM"),
)  # fmt: skip


def _joined_places(word: str) -> list[str]:
    """The two places a joined adjective names, as codes ("cc:AM", "cc:RU"), or nothing when
    either half is no place."""
    halves = word.split("-")
    if len(halves) != 2:
        return []
    codes = _places().codes(word)
    places: set[str] = set()
    for half in halves:
        region = next((r for stem, r in _REGIONS if half.startswith(stem)), None)
        code = "CN" if half == "sino" else next((c for c in codes if names_country(half, c)), None)
        if region is None and code is None:
            return []  # a city's or a region's word ("Moscow-Beijing"): no pair of countries
        places.add(region or code or "")
    return sorted(f"cc:{p}" for p in places) if len(places) == 2 else []


def to_latin(word: str) -> str:
    """The word in Latin letters: Cyrillic transliterated, accents dropped ("Universität")."""
    return (
        unicodedata.normalize("NFKD", word.translate(TRANSLIT)).encode("ascii", "ignore").decode()
    )


def sounds(word: str) -> str:
    """The word in lower-case Latin letters spelt by sound, the same for its Russian and Latin
    spellings up to vowels (`PHONETIC`); the ground of skeletons and the lookup's word shapes."""
    word = word.replace("цз", "j").replace("чж", "j")  # Chinese syllables: "Цзянсу", "Чжэцзян"
    latin = to_latin(word).lower()
    for a, b in PHONETIC:
        latin = latin.replace(a, b)
    return latin


_SOFT_C = re.compile(r"c(?=[eiy])")
_HARD_C = re.compile(r"c(?![eiy])")


def word_skeleton(word: str) -> str:
    """A proper word's consonant skeleton, the same for its Russian and Latin spellings
    ("Лейбница" / "Leibniz", "Ганновера" / "Hannover", "Штутгарта" / "Stuttgart"): vowels,
    where case endings mostly live, do not count."""
    # A Latin "c" is "k" before a back vowel, a consonant or at the end and "s" before a front
    # vowel ("Moscow" / «Москва», "Coventry" / «Ковентри», "Valencia" / «Валенсия»).
    latin = _SOFT_C.sub("s", _HARD_C.sub("k", sounds(word)))
    # Voicing a Russian spelling hears and a Latin one does not write, or the reverse: a
    # German "s" before a vowel is «з» ("Dresden" / «Дрезден», "Industries" / «Индастриз»),
    # a German "v" is «ф» ("Volkswagen" / «Фольксваген»).
    latin = latin.replace("z", "s").replace("f", "v")
    out = latin[:1]
    for ch in latin[1:]:
        if ch not in "aeiou" and not out.endswith(ch):
            out += ch
    return out


# A nuclear power plant in either language is one word, «АЭС» / "NPP", for the cross key.
_NUCLEAR = re.compile(
    r"\bnuclear\s+power\s+(?:plant|station)\b|\bатомн\w*\s+(?:электро)?станци\w*", re.IGNORECASE
)
# The Russian Academy of Sciences closing an institute's name by its letters: «Институт X
# РАН» is "Institute of X of the Russian Academy of Sciences" ("... RAS").
_ACADEMY = (
    (re.compile(r"(?<=\w)\s+РАН$"), " Российской академии наук"),
    (re.compile(r"(?<=\w)\s+RAS$"), " of the Russian Academy of Sciences"),
)
# An abbreviation's word («СПбГУ», «МИСиС», «ТюмГУ», "MIPT"): two capitals or more and no run
# of three small letters unless it ends in two capitals (a brand's camel case, «РусГидро», is
# a word), four letters at most when all are capitals ("ROSATOM" is a word in capitals).
# (A whole run of letters holding two capitals, read once: tried inside a long run of small
# letters, "[^\W\d_]*[A-Z][^\W\d_]*[A-Z]…" was quadratic, 3.5 s for a 20,000-letter word.)
_CAPITALS = re.compile(r"(?<![^\W\d_])(?=(?:[^\W\d_A-ZА-ЯЁ]*+[A-ZА-ЯЁ]){2})[^\W\d_]++")
_SMALL_RUN = re.compile(r"[a-zа-яё]{3}")


_CAPITAL_END = re.compile(r"[A-ZА-ЯЁ]{2}$")


def _spelt(word: str) -> bool:
    if len(word) < 3 or (_SMALL_RUN.search(word) and not _CAPITAL_END.search(word)):
        return False  # «РусГидро»; but «ТюмГУ» is spelt
    return len(word) <= 4 or not word.isupper()


def cross_key(name: str, *, soft_h: bool = False) -> str:
    """A key two scripts share: concepts for head words, skeletons for proper words
    ("Мадридский политехнический университет" = "Madrid Polytechnic University"), an
    abbreviation letter by letter («СПбГУ» is no «СПбГЭУ»). Empty when a proper word is too
    short to tell organisations apart, or there is none. `soft_h`: a Latin "h" after "n" is
    silent, as Russian spells a German "nh" «нг» ("Fraunhofer" / «Фраунгофер»): a second key."""
    if is_own(name):
        return ""
    text = _INNER_APOSTROPHE.sub("", _NAMED_AFTER.sub("", one_script(_variant_free(name))))
    text = _NUCLEAR.sub(" npp ", text)
    for pattern, full in _ACADEMY:
        text = pattern.sub(full, text)
    spelt = {w.lower().replace("ё", "е") for w in _CAPITALS.findall(text) if _spelt(w)}
    text = text.lower().replace("ё", "е")
    parts: list[str] = []
    proper = 0
    for found in _JOINED.finditer(text):
        # «Российско-Армянский» / "Russian-Armenian": the two places it joins, in any script.
        places = _joined_places(found.group(0))
        if places:
            parts.extend(places)
            proper += 1
            text = text.replace(found.group(0), " ", 1)
    short = ""  # a Latin syllable too short to compare alone, waiting for the next one
    joined = False
    short_whole = False  # the short word as written, not a stem cut short («Невского»)
    for word in _WORDS.findall(text):
        written = word
        if short and word in _LEGAL_FORMS:
            continue  # "Robert Bosch GmbH": the legal form is no syllable of the name
        if short:
            # "Jiao Tong": a Chinese name written by syllables is «Цзяотун» in one word; a
            # short word before a type word or another script stays too short.
            latin = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
            if re.search(r"[а-я]", short):
                # «Эр Ликид» / "Air Liquide": a foreign brand Russian spells word by word, a
                # short word of its own (not a stem cut short: «Невского района»).
                if (
                    not short_whole
                    or not re.fullmatch(r"[а-я]+", word)
                    or word in CROSS_SKIP
                    or _PROVINCE.match(word)
                    or any(
                        word.startswith(stem) for stem, _ in CONCEPT_RU + MEANING_RU + ENGLISH_RU
                    )
                ):
                    return ""
            elif latin != word or latin in CROSS_SKIP or latin in CONCEPT_LATIN:
                return ""
            word, short, joined = short + word, "", True
        just_joined, joined = joined, False
        if word in CROSS_SKIP or word in _LEGAL_FORMS or _PROVINCE.match(word):
            continue
        if word in _SAINT:
            continue  # «Санкт-Петербургский» / "Saint Petersburg" / «Петербургский»
        if word.startswith("петербург") or word in _PETERSBURG:
            parts.append("spb")
            proper += 1
            continue
        if word.startswith(("росси", "российск")) or word in ("russia", "russian", "рус", "rus"):
            # (a foreign group's Russian company closes its name so: «Фольксваген Груп Рус»)
            parts.append("cc:RU")  # «Российская академия наук» / "Russian Academy of Sciences"
            proper += 1
            continue
        if any(t in _CORPORATE for t in name_tokens(word)):
            continue
        if word in ("npp", "аэс"):
            parts.append("NPP")
            continue
        if word in spelt and word not in _SAINT and not word.startswith("петербург"):
            parts.append("#" + to_latin(word))  # every letter counts
            proper += 1
            continue
        if re.search(r"[а-я]", word):
            concept = next(
                (c for stem, c in CONCEPT_RU + MEANING_RU + ENGLISH_RU if word.startswith(stem)),
                None,
            )
            word = ADJECTIVE_RU.sub("", word)
            n_adjective = _N_ADJECTIVE_RU.search(word)
        else:
            word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
            if len(word) >= 6 and word.endswith("tsk"):
                word = word[:-2]  # "Irkutsk" / «Иркутский»: the adjective lost the "-ск"
            concept = CONCEPT_LATIN.get(word) or MEANING_LATIN.get(word)
            n_adjective = _N_ADJECTIVE_LATIN.search(word)
            if n_adjective and _places().is_country(word):
                n_adjective = None  # "Germany" is «Германия», no adjective
        if concept is not None:
            parts.append(concept)
            continue
        if _ROMAN.match(word):
            parts.append(word)  # "Carlos III": a numeral has no consonants to compare
            continue
        if n_adjective:
            # «Смольный» / "Smolny": the adjective's «н» and ending are marked, so its
            # skeleton is not that of a place adjective whose «-ский» went («Смоленский»).
            skeleton = word_skeleton(word[: n_adjective.start() + 1]) + "y"
        else:
            skeleton = word_skeleton(word)
            if just_joined and skeleton[:1] in "aeiou":
                skeleton = "V" + skeleton[1:]  # "Air" / «Эр»: an opening vowel either script hears
            if skeleton.endswith("sk") and len(skeleton) >= 5:
                # A Russian place adjective loses the place's "-ск" («Смоленский» of
                # Smolensk, «Новосибирский» of Novosibirsk): the ending is no part of the
                # proper word in either script.
                skeleton = skeleton[:-2]
        if len(skeleton) < 3:
            short, short_whole = word, word == written
            continue
        if soft_h and not re.search(r"[а-я]", written) and len(skeleton.replace("nh", "n")) >= 3:
            skeleton = skeleton.replace("nh", "n")
        proper += 1
        parts.append(skeleton)
    if short:
        # A short word closing the name counts by every sound ("Robert Bosch" / «Роберт
        # Бош», "Nokia" / «Нокиа»), when that is enough to tell organisations apart.
        sound = sounds(short)
        if len(sound) < (3 if proper else 4):
            return ""
        parts.append("=" + sound)
        proper += 1
    if len(parts) == 1 and parts[0].startswith("#"):
        return ""  # an abbreviation alone: its own key (`match_key`) meets its other forms
    if {"A", "SC"} <= set(parts) and "N" in parts:
        # A state's academy of sciences: "National Academy of Sciences of Testland" is the
        # «Тестландская академия наук».
        parts.remove("N")
    return "x:" + " ".join(sorted(parts)) if proper else ""


# How Russian writes the names of some languages, as respellings of their Latin forms into
# what the Cyrillic form transliterates back to (applied before `sounds`): Vietnamese (d and gi
# are «з», đ is «д», so d and z are one letter; tr is «ч», x «с»), Japanese by Polivanov (shi,
# chi, ji, z are «си», «ти», «дзи», «дз»), Korean by Kontsevich (j is «ч», yeo and yo «ё», eo
# «о»), Chinese by Palladius (x is «с», q «ц», pinyin z and j «цз», c «ц», r «ж»), Spanish (j is
# «х»), Portuguese (ão is «ан», lh «ль», nh «нь»).
_SPANISH = frozenset([
    "ES", "MX", "AR", "CL", "CO", "PE", "VE", "EC", "BO", "UY", "PY", "CU", "CR", "PA", "GT",
    "HN", "NI", "SV", "DO",
])  # fmt: skip
_RESPELL_LATIN: dict[str, tuple[tuple[str, str], ...]] = {
    "VN": ((r"gi", "zi"), (r"tr", "ch"), (r"x", "s"), (r"nh", "n")),
    "JP": ((r"sh", "s"), (r"ch", "t"), (r"j", "z"), (r"ts(?=u)", "ts")),
    "KR": ((r"j", "ch"), (r"yeo|yo", "e"), (r"eo", "o"), (r"eu", "y"), (r"ae", "e")),
    "CN": ((r"zh", "J"), (r"ch", "C"), (r"sh", "S"), (r"x", "s"), (r"q", "ts"), (r"z", "j"),
           (r"c", "ts"), (r"^r", "zh"), (r"J", "zh"), (r"C", "ch"), (r"S", "sh")),
    "PT": ((r"ão", "an"), (r"lh", "ly"), (r"nh", "ny")),
    **dict.fromkeys(_SPANISH, ((r"j", "kh"), (r"ñ", "ny"), (r"ll", "ly"))),
}  # fmt: skip
_RESPELL_LATIN["BR"] = _RESPELL_LATIN["PT"]
# Respellings of both scripts' Latin letters: one letter where the two scripts tell two apart
# in some words and not in others.
_RESPELL_BOTH: dict[str, tuple[tuple[str, str], ...]] = {
    "VN": (("d", "z"),),
    "JP": (("dz", "z"),),
}
# Articles and particles a name keeps in one script and drops or spells apart in the other
# (Arabic al-/«аль-», Spanish and Portuguese de, do, da, del).
_SYLLABIC = frozenset(["VN", "CN", "KR", "JP", "TH", "LA", "KH", "MM", "TW", "HK"])
_PARTICLES = frozenset([
    "al", "el", "ал", "аль", "эль", "ас", "ат", "ад", "ан", "де", "да", "ду", "дос", "дель", "ла",
    "ле", "de", "da", "do", "dos", "das", "del", "la", "le", "di", "du", "van", "von",
])  # fmt: skip


# Places Russian calls by a name of its own (an exonym), by the stem their noun and adjective
# share, with the name the Latin forms use: «Венский университет» is the University of Vienna.
_EXONYMS = (
    ("пекин", "beijing"), ("нанкин", "nanjing"), ("хошимин", "ho chi minh city"),
    ("мюнхен", "munich"), ("вен", "vienna"), ("рим", "rome"), ("варшав", "warsaw"),
    ("праг", "prague"), ("кельн", "cologne"), ("женев", "geneva"),
    ("неапол", "naples"), ("флоренци", "florence"), ("флорентий", "florence"),
    ("венеци", "venice"), ("афин", "athens"), ("брюссел", "brussels"),
    ("копенгаген", "copenhagen"), ("гааг", "hague"), ("лувен", "leuven"),
)  # fmt: skip


def _exonym(word: str) -> str | None:
    """The Latin name of a place Russian names otherwise («Пекинский», «Вены»), if any:
    the stem and at most a case ending («вен» is «Вена», «Вены», not «Венесуэла»)."""
    return next(
        (latin for stem, latin in _EXONYMS if word.startswith(stem) and len(word) - len(stem) <= 2),
        None,
    )


def national_key(name: str, country: str | None) -> str:
    """A cross-script key under the way Russian writes names of the organisation's country
    («Университет Зуй Тан» = "Duy Tan University" in Vietnam, «Университет Сидзуока» =
    "Shizuoka University" in Japan): the proper words of each run are joined before their
    skeleton is taken, so syllables written apart in one script meet the word of the other
    ("Kyung Hee" / «Кёнхи»). A run too short for a skeleton counts by its full sound. Empty
    for a Russian or unplaced organisation, whose names follow no other convention."""
    if not country or country == "RU" or is_own(name) or is_abbreviation(name):
        return ""  # (an abbreviation's letters are no syllables: "KNU" is not «Кну»)
    country = country.upper()
    text = _INNER_APOSTROPHE.sub("", _NAMED_AFTER.sub("", one_script(_variant_free(name))))
    parts: list[str] = []
    run: list[str] = []

    def close() -> bool:
        if not run:
            return True
        # Syllables joined before they are read: "Yat-sen" is «Ятсен», "Kyung Hee" «Кёнхи».
        spelt = sounds("".join(run)).replace("kh", "h")  # «Кхонкэн» / "Khon Kaen"
        for old, new in _RESPELL_BOTH.get(country, ()):
            spelt = spelt.replace(old, new)
        run.clear()
        latin = _SOFT_C.sub("s", _HARD_C.sub("k", spelt))
        skeleton = latin[:1]
        for ch in latin[1:]:
            if ch not in "aeiou" and not skeleton.endswith(ch):
                skeleton += ch
        if len(skeleton) >= 3:
            parts.append(skeleton)
            return True
        if len(latin) >= 4:
            parts.append("=" + latin)  # "Keio" / «Кэйо», "Chiba" / «Тиба»: by every sound
            return True
        return False

    for word in _WORDS.findall(text.replace("ё", "е").replace("Ё", "Е")):  # «Кёльн»
        low = word.lower()
        if low in CROSS_SKIP or low in _LEGAL_FORMS or _PROVINCE.match(low):
            continue
        if low in _PARTICLES and country not in _SYLLABIC:
            continue  # (a Vietnamese or Chinese syllable "Da", "Le" is a word of the name)
        if any(t in _CORPORATE for t in name_tokens(low)):
            continue
        if names_country(low, country) and country in _places().codes(low):
            continue  # «вьетнамский университет X» / "X University": the country goes unsaid
        cyrillic = bool(re.search(r"[а-я]", low))
        if cyrillic:
            concept = next((c for stem, c in CONCEPT_RU if low.startswith(stem)), None)
            proper = ADJECTIVE_RU.sub("", low)
            exonym = None if concept else _exonym(proper)
            if exonym:  # read as its Latin name is
                low, cyrillic = exonym.replace(" ", ""), False
        if not cyrillic:
            plain = unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode()
            concept = CONCEPT_LATIN.get(plain)
            for old, new in _RESPELL_LATIN.get(country, ()):
                low = re.sub(old, new, low)
            proper = unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode()
        if concept is not None:
            if not close():
                return ""
            parts.append(concept)
            continue
        run.append(proper)
    if not close() or not any(p[:1].islower() or p[:1] == "=" for p in parts):
        return ""
    return f"n:{country}:" + " ".join(sorted(parts))


def eponym_key(name: str) -> str:
    """The cross-script key with the eponym's name kept (initials dropped): a Russian university
    named after a person puts the name first in English («Московский … университет имени
    Н. Э. Баумана» is "Bauman Moscow State Technical University", «… имени Ислама Каримова»
    "Islam Karimov …"). Empty without a named-after tail."""
    tail = _NAMED_AFTER.search(name)
    words = [w for w in _WORDS.findall(tail.group(0)) if len(w) > 2] if tail else []
    words = [w for w in words if w.lower() not in {"имени", "named", "after"}]
    if not tail or not words:
        return ""
    return cross_key(f"{name[: tail.start()]} {' '.join(words)}")


# A person's initials before the surname ("L.N. Gumilyov Eurasian National University",
# "A. N. Testov University"), given or left out; "U.S." and "U.K." are no initials.
_INITIALS = re.compile(
    r"(?<![.\w])(?!U\.\s*[SK]\.)(?:[A-ZА-ЯЁ]\.\s*){1,3}(?=[A-ZА-ЯЁ][a-zа-яё]{2,})"
)


# A status a Russian university's name may lead with or leave out: «Национальный
# исследовательский университет ИТМО» is the «Университет ИТМО», «НИУ ВШЭ» the «ВШЭ»,
# "National Research Tomsk Polytechnic University" the "Tomsk Polytechnic University".
_STATUS = re.compile(
    r"^(?:национальн\w*\s+исследовательск\w*|ниу|national\s+research)\s+(?=\S)", re.IGNORECASE
)


def without_status(name: str) -> str:
    """The name without a leading status (empty when it has none, or when the rest names
    nothing by itself): a name form for keys."""
    text = tidy(name)
    bare = _STATUS.sub("", text)
    if bare == text:
        return ""
    bare = bare[:1].upper() + bare[1:]
    return bare if match_key(bare) and not names_nothing(bare, "university") else ""


# The body a committee or a department belongs to, closing its name: «Комитет по науке и
# высшей школе Правительства Санкт-Петербурга» is the «Комитет по науке и высшей школе» the
# city's articles name without it.
_SEAT = re.compile(
    r"(?<!\sпри)\s+(?:правительства|администрации|мэрии)\s+\S.*$|"
    r"\s+of\s+(?:the\s+)?(?:government|administration)\s+of\s+\S.*$",
    re.IGNORECASE,
)


# A university's seat closing its name: a city after "in"/«в» or a comma, after a head joined
# by a hyphen ("Bauhaus-Universität Weimar"), or a city the place lists know.
_UNIVERSITY_WORD = r"(?:universit(?:y|ät|at|é|à|ad|ade|eit)|университет\w*)"
_CITY_TAIL = re.compile(
    rf"^(?P<bare>.*\b{_UNIVERSITY_WORD}\b.*?)(?P<sep>,\s*|\s+(?:in|в|во)\s+|\s+)"
    r"(?P<city>[A-ZА-ЯЁ][^\W\d_]+(?:-[A-ZА-ЯЁ][^\W\d_]+)?)$",
    re.IGNORECASE,
)
_HYPHEN_HEAD = re.compile(rf"-{_UNIVERSITY_WORD}$", re.IGNORECASE)


_UNIT_WORDS = frozenset(["press", "library", "hospital", "clinic", "museum", "campus", "hall"])


def without_city(name: str, *, loose: bool = False) -> str:
    """A university's name without the city of its seat closing it, when the rest still names
    one university by a word of its own ("Bauhaus University" of "Bauhaus-Universität Weimar",
    «Университет Баухаус» of «Университет Баухаус в Веймаре»); "" otherwise: "Technical
    University Munich" is no "Technical University", "American University in Cairo" no
    "American University", "Medical University Varna" no "Medical University". `loose` (for
    keys only, never to judge two names alike): a Latin word right after the head word counts
    as the seat though the place lists do not know it ("Bauhaus University Weimar")."""
    found = _CITY_TAIL.match(tidy(name))
    if found is None or not found.group("city")[:1].isupper():
        return ""
    bare, sep, city = found.group("bare"), found.group("sep"), found.group("city")
    if sep.isspace() and not _HYPHEN_HEAD.search(bare):
        places = _places()
        # (Not "… University Press", nor a campus abroad.)
        after_head = (
            loose
            and re.search(rf"\b{_UNIVERSITY_WORD}$", bare, re.I) is not None
            and re.fullmatch(r"[A-Z][a-z]{3,}", city) is not None
            and not set(name_tokens(city)) & GENERIC
            and city.lower() not in EN_HEADS
            and city.lower() not in _UNIT_WORDS
            and not places.is_country(city)  # "… University Qatar": a campus abroad
        )
        if not after_head and (not places.codes(city) or places.is_country(city)):
            return ""  # a word closing the name, not a city the lists know
    if re.search(r"\s(?:of|the|de|der|des|di|la|du)$", bare, re.I):
        return ""  # "Free University of Berlin": the city is the name's own complement
    if not match_key(bare) or names_nothing(bare, "university"):
        return ""
    words = [
        w
        for w in re.findall(r"[^\W\d_]+", bare)
        if len(w) > 2
        and not re.fullmatch(_UNIVERSITY_WORD, w, re.I)
        and w.lower() not in CROSS_SKIP
    ]
    own = [w for w in words if nation_of(w) is None and not _places().is_country(w)]
    if not any(part.islower() for part in cross_key(bare).removeprefix("x:").split()):
        return ""  # "Medical University", «Горный университет»: what it teaches, no name
    return bare if own else ""


def without_seat(name: str) -> str:
    """The name without the government it belongs to (empty when it gives none)."""
    text = tidy(name)
    bare = _SEAT.sub("", text)
    return bare if bare != text and match_key(bare) else ""


_GOVERNED = re.compile(
    r"\s(?:при\s+)?(?P<body>(?:правительств|администраци|мэри)\w*\s+\S.*)$", re.IGNORECASE
)


# A university named by its brand, an abbreviation: after its type words («Национальный
# исследовательский ядерный университет «МИФИ»», «Университет МИСиС») or after the
# abbreviation of its type words («НИЯУ МИФИ», «СПбГЭТУ «ЛЭТИ»»).
_BRAND_QUOTED = re.compile(
    r"^(?P<rest>.*\b(?:университет|институт|академи|university|institute|academy)\w*)"
    r'\s+"(?P<brand>[^"\s]+)"$',
    re.IGNORECASE,
)
_SCHOOL_HEAD = re.compile(r"^(?:университет|university)", re.IGNORECASE)
_ACADEMIES = frozenset(["РАН", "RAS", "РАО", "РАМН"])  # a parent's letters, not a brand


def brand_of(name: str) -> str:
    """The brand a university's name gives after its type words (see above), or "". After a
    bare «Университет» only a known university's («Университет ШОС» is a network named after
    the organisation «ШОС»)."""
    text = _NAMED_AFTER.sub("", tidy(name))  # «… «ВОЕНМЕХ» им. Д. Ф. Устинова»
    found = _BRAND_QUOTED.match(text)
    brand = found.group("brand") if found else ""
    words = text.replace('"', " ").split()
    if not brand and len(words) == 2:
        head, last = words
        if is_abbreviation(head) and len(head) >= 3 and head.upper().endswith(("У", "U")):
            brand = last  # («ГУ МВД» is a ministry's directorate)
        elif _SCHOOL_HEAD.match(head):
            known = known_orgs().lookup(last)
            brand = last if known is not None and known.kind == "university" else ""
    if not brand or not is_abbreviation(brand) or brand.upper() in _ACADEMIES:
        return ""
    if sum(ch.isalpha() for ch in brand) < 3 and not found:
        return ""  # «МГТУ ГА», «СПбГУ ГА»: the end of the abbreviation (civil aviation), no brand
    known = known_orgs().lookup(brand)
    return "" if known is not None and known.kind != "university" else brand


def spelt_out(shown: str, name: str) -> bool:
    """Whether a name opening with an abbreviation («РЖД», «СПбГМТУ», «БГТУ «Военмех» им.
    Д. Ф. Устинова») is spelt out by a full name of the same script: the abbreviation's
    capitals are, in order, initials of the full name's words (a truncated name is not)."""
    core = _NAMED_AFTER.sub("", tidy(shown)).replace('"', " ").split()
    # A genitive complement after the letters («СибГУ путей сообщения») is spelt out too.
    core = list(itertools.takewhile(lambda w: not re.fullmatch(r"[а-яё]+", w), core))
    if not core or len(core) > 2 or not is_abbreviation(core[0]) or is_abbreviation(name):
        return False
    if _script(shown) != _script(name):
        return False
    capitals = [c for c in core[0] if c.isupper()]
    initials = iter(w[0].upper() for w in _WORDS.findall(tidy(name)) if w.lower() not in _STOP)
    return len(capitals) >= 2 and all(c in initials for c in capitals)


def seat_of(name: str) -> str:
    """The government a body's name closes with («Комитет ... Правительства Санкт-Петербурга»,
    «Финансовый университет при Правительстве Российской Федерации»), or ""."""
    found = _GOVERNED.search(tidy(name))
    return found.group("body") if found else ""


def without_initials(name: str) -> str:
    """The name without a person's initials (empty when it has none): a name form for keys."""
    bare = tidy(_INITIALS.sub("", name))
    return bare if bare != tidy(name) else ""


# An institute's own letters closing its full name ("Fraunhofer Institute for Laser Technology
# ILT"): the other script's form of the name rarely carries them.
_CLOSING_LETTERS = re.compile(
    r"^(?P<name>.*\b(?:institute|institut|институт|centre|center|центр|laboratory|лаборатория)"
    r"\b.*\S)\s+[A-ZА-ЯЁ]{2,6}$",
    re.IGNORECASE,
)


def without_letters(name: str) -> str:
    """An institute's full name without its own letters closing it, or "" (a name form for
    keys)."""
    found = _CLOSING_LETTERS.match(tidy(name))
    if found is None or len(found.group("name").split()) < 3:
        return ""
    return found.group("name") if not re.search(r"[a-zа-яё]", name.split()[-1]) else ""


def bounded(fact: PartnerFact) -> PartnerFact | None:
    """The fact without forms too long to be names (MAX_NAME_CHARS); None when its own name
    is one: it names no organisation and opens no card."""
    if len(fact.name) > MAX_NAME_CHARS:
        return None
    name_en = fact.name_en if fact.name_en and len(fact.name_en) <= MAX_NAME_CHARS else None
    aliases = tuple(a for a in fact.aliases if len(a) <= MAX_NAME_CHARS)
    if name_en == fact.name_en and aliases == fact.aliases:
        return fact
    return replace(fact, name_en=name_en, aliases=aliases)


def fact_names(fact: PartnerFact) -> list[str]:
    return [n for n in dict.fromkeys((fact.name, fact.name_en or "", *fact.aliases)) if n]


# A branch named by its parent and its own quoted name: «филиал АО «Концерн Тест»
# «Тестовская атомная станция»» is the «Тестовская атомная станция» (its own name last).
_BRANCH_OWN = re.compile(
    r'^(?:филиал|отделение|представительство)\w*\s[^"]*"[^"]+"[^"]*"(?P<own>[^"]+)"$',
    re.IGNORECASE,
)


# A branch named by its parent («Филиал МГУ имени М. В. Ломоносова в городе Тестовске»,
# «Тестовский институт (филиал) УрФУ»): another organisation than the parent.
_BRANCH_WORD = re.compile(r"(?<![^\W\d_])филиал\w*", re.IGNORECASE)


def is_branch(name: str) -> bool:
    """A branch of another organisation named by the parent, not by a quoted name of its
    own (see `branch_own`)."""
    return bool(_BRANCH_WORD.search(tidy(name))) and not branch_own(name)


def branch_own(name: str) -> str:
    """A branch's own quoted name after its parent's, or ""."""
    found = _BRANCH_OWN.match(tidy(name))
    return found.group("own") if found else ""


def fact_keys(fact: PartnerFact) -> dict[str, str]:
    """key -> the name form it came from, for every usable name form of the fact."""
    keys: dict[str, str] = {}
    for form in fact_names(fact):
        variants = (
            without_initials(form),
            branch_own(form),
            without_status(form),
            without_city(form, loose=True),
            without_letters(form),
        )
        for name in (form, *variants, brand_of(form)):
            _add_keys(keys, name, form, fact.country)
    return keys


def _add_keys(keys: dict[str, str], name: str, form: str, country: str | None = None) -> None:
    """The keys of `name` (the form itself or a variant of it), each noted as from `form`."""
    if not name:
        return
    own = match_key(name)
    soft = cross_key(name, soft_h=True) if own and "h" in name.lower() else ""
    for key in (own, cross_key(name) if own else "", soft, eponym_key(name) if own else "",
                pair_key(name), national_key(name, country) if own else "",
                acronym_key(name) if own and name == form else ""):  # fmt: skip
        if key:
            keys.setdefault(key, tidy(form))
    if own and name == form:
        for key in spelt_keys(name):
            keys.setdefault(key, tidy(form))


# A school's type word, which ends the part of its full name its letters spell.
_SCHOOL_HEAD = re.compile(r"(?:университет|институт|академи|училищ|консерватори)\w*$", re.I)


def spelt_keys(name: str) -> list[str]:
    """Keys a school's letters share with its full name when both carry the same eponym or
    genitive complement: «МГТУ им. Г. И. Носова» and «Магнитогорский государственный
    технический университет им. Г.И. Носова», «РГУ нефти и газа» and «Российский
    государственный университет нефти и газа». The letters alone would be any school's
    (see `acronym_key`); with the tail they tell one."""
    text = tidy(name)
    tail = _NAMED_AFTER.search(text)
    if tail:
        surnames = [w for w in _WORDS.findall(tail.group(0)) if len(w) > 2]
        surnames = [w for w in surnames if w.lower() not in {"имени", "named", "after"}]
        if not surnames:
            return []
        heads = [(text[: tail.start()].strip(" ,"), "ep:" + " ".join(key_tokens(surnames[-1])))]
    else:
        words = text.split()
        heads = [
            (" ".join(words[:k]), "gc:" + " ".join(key_tokens(" ".join(words[k:]))))
            for k in range(1, len(words))
            if all(re.fullmatch(r"[а-яё]+", w) for w in words[k:])
        ]
    out = []
    for head, tail_key in heads:
        letters = ""
        if " " not in head and is_abbreviation(head):
            letters = "".join(ch for ch in head if ch.isupper())
        elif len(head.split()) >= 2 and _SCHOOL_HEAD.search(head):
            letters = "".join(w[0] for w in head.split() if w[:1].isalpha()).upper()
        if len(letters) >= 3:
            out.append(f"sp:{letters.lower()}:{tail_key}")
    return out


# The prefix of an abbreviation's key: a one-word abbreviation («АИОР») and the word initials of
# a full name of three words or more («Ассоциация инженерного образования России»). It joins an
# abbreviation's card and a full name's only (never two full names, nor two abbreviations), and
# only when one card of the fact's candidates carries it (see `resolve`).
ACRONYM = "ab:"


def acronym_key(name: str) -> str:
    """The abbreviation key of a name (see `ACRONYM`), or "" for a name that has none."""
    text = tidy(name)
    if " " not in text and is_abbreviation(text):
        letters = "".join(ch for ch in text if ch.isalpha())
        return ACRONYM + letters.lower().replace("ё", "е") if len(letters) >= 3 else ""
    words = [
        w
        for w in _WORDS.findall(_NAMED_AFTER.sub("", _variant_free(text)))
        if w.lower() not in CROSS_SKIP and w.lower() not in _LEGAL_FORMS
    ]
    telling = [t for t in key_tokens(text) if t not in GENERIC and t not in _NOT_NAMES]
    if len(words) < 3 or not telling or is_own(text):
        return ""  # generic words only ("Association of Technical Universities") tell no one
    if len(words) == 3 and sum(1 for w in words if set(key_tokens(w)) - GENERIC) == 1:
        # One telling letter, the rest of generic words: «Бурятский государственный
        # университет» spells «БГУ» as a dozen schools of other places do (Belarus, Bashkiria,
        # Bryansk); an abbreviation's card of another article may be any of them.
        return ""
    return ACRONYM + "".join(w[0] for w in words).lower().replace("ё", "е")


def _script(name: str) -> str:
    """ "cyr", "lat", or "other" for a name in neither alphabet («清华大学»: no Latin name)."""
    if re.search(r"[а-яё]", name.lower()):
        return "cyr"
    return "lat" if re.search(r"[a-z]", _plain_latin(name).lower()) else "other"


def _acronym(name: str) -> bool:
    """An abbreviation ("КРСУ", "TU Graz"), but not a word in capitals ("ROSATOM")."""
    if not is_abbreviation(name):
        return False
    return not (name.isupper() and " " not in name.strip() and len(name.strip()) >= 6)


# A state's type word, which a body's name may give or leave out.
_STATE_WORDS = frozenset(key_tokens("republic republics республика республики"))


def _eponym(name: str) -> set[str]:
    """The name words (no initials) of the person a name says it is named after, or none."""
    tail = _NAMED_AFTER.search(tidy(name))
    words = _WORDS.findall(tail.group(0)) if tail else []
    return {
        t
        for w in words
        if len(w) > 2 and w.lower() not in {"имени", "named", "after"}
        for t in key_tokens(w)
    }


def different(a: str, b: str) -> bool:
    """Whether two names of one script plainly denote different organisations: each has a
    word of its own that is no head word ("Газпром" / "Газпром нефть" are different, as are
    "Сианьский технологический университет" and "Сианьский университет науки и технологий";
    "Университет Цинхуа" / "Цинхуа" are not). Abbreviations and cross-script pairs are not
    judged here."""
    if not a or not b or _script(a) != _script(b):
        return False
    ea, eb = _eponym(a), _eponym(b)
    if ea and eb and not ea & eb:
        return True  # «МГТУ им. Н. Э. Баумана» and «МГТУ им. Г. И. Носова»: two namesakes
    if any(_acronym(_NAMED_AFTER.sub("", n) or n) for n in (a, b)):
        return False  # «МГТУ им. Н. Э. Баумана»: an abbreviation with its eponym
    a, b = without_initials(a) or a, without_initials(b) or b  # initials tell no other body
    a, b = without_status(a) or a, without_status(b) or b  # a status tells no other body
    a, b = _without_academy(a, b), _without_academy(b, a)
    seated = ((without_seat(x), y) for x, y in [(a, b), (b, a)])
    if any(bare and match_key(bare) == match_key(y) for bare, y in seated):
        return False  # a committee with the government it belongs to, and without
    bare_a, bare_b = without_city(a) or a, without_city(b) or b
    if (bare_a, bare_b) != (a, b) and match_key(bare_a) == match_key(bare_b):
        return False  # a university with the seat closing its name, and without
    ta, tb = set(key_tokens(a)), set(key_tokens(b))
    plain = _HEAD | _STATE_WORDS  # "of the Republic of X" is "of X"
    own_a, own_b = (ta - tb) - plain, (tb - ta) - plain
    if cross_key(a) and cross_key(a) == cross_key(b) and not _spelt_apart(own_a, own_b):
        return False  # spelling variants of one name
    return bool(own_a) or bool(own_b)


# The Academy of Sciences closing an institute's name, by its letters or in full.
_ACADEMY_TAIL = re.compile(
    r"\s+(?:РАН|RAS|Российской\s+академии\s+наук|of\s+the\s+Russian\s+Academy\s+of\s+Sciences)$"
)


def _without_academy(name: str, other: str) -> str:
    """An institute's name without the Academy closing it when the other name has none and
    the rest tells one institute by two words of its own («Институт проблем машиноведения
    РАН» / «Институт проблем машиноведения»; not «Институт физики РАН» / «Институт физики»,
    which names many)."""
    bare = _ACADEMY_TAIL.sub("", name)
    if bare == name or _ACADEMY_TAIL.search(other):
        return name
    own = [t for t in key_tokens(bare) if t not in GENERIC and t not in _STOP]
    return bare if len(own) >= 2 else name


def _spelt_apart(words_a: set[str], words_b: set[str]) -> bool:
    """Whether each side's own words are spelt far from all of the other's, though their
    consonants made one cross key ("Bauhaus" / "Bogazici": b-h-s both): two names, no
    spelling variants of one ("Tsinghua" / "Qinghua", «Чжэцзян» / «Чжецзян» are)."""
    return bool(words_a and words_b) and all(
        SequenceMatcher(None, x, y).ratio() < 0.5 for x in words_a for y in words_b
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the matcher needs of a registry row."""

    id: int
    name: str
    name_en: str | None
    country: str | None
    keys: frozenset[str]
    mentions: int
    merged_into: int | None = None
    key: str = ""  # identity key of the row
    country_guessed: bool = False  # no article read the row's country: a guess parts nothing


# Concepts that say what kind of institution a name is, not which one; and the technical
# family, which translations swap freely ("Technische Universität" is a "University of
# Technology", "Universidad Politécnica" a "Technical University").
_KIND_CONCEPTS = frozenset(["U", "I", "A"])
_TECH_CONCEPTS = frozenset(["T", "TL", "P"])


def _telling(cross: str) -> frozenset[str]:
    """The parts of a cross key that tell one organisation from another."""
    parts = cross.removeprefix("x:").split()
    return frozenset("tech" if p in _TECH_CONCEPTS else p for p in parts if p not in _KIND_CONCEPTS)


# Concepts that say what a school teaches or is for: a translation keeps them ("Jiangsu Normal
# University" is «Цзянсуский педагогический университет»), a name without them is another
# school of the same place ("Jiangsu University").
_SPECIALTY = frozenset(["PE", "E", "M", "AP"]) | _TECH_CONCEPTS


def _specialties(name: str) -> frozenset[str] | None:
    """The specialty concepts of a full institution name (one with a university, institute or
    academy in it), or None for another name or one with no cross key."""
    parts = set(cross_key(name).removeprefix("x:").split())
    if not parts & _KIND_CONCEPTS:
        return None
    return frozenset("tech" if p in _TECH_CONCEPTS else p for p in parts if p in _SPECIALTY)


def unlike(a: str, b: str) -> bool:
    """Whether two institution names of two scripts cannot be translations of each other:
    one says what its school teaches (pedagogical, economic, medical, applied, technical) and
    the other does not say the same ("Jiangsu University" / «Педагогический университет
    провинции Цзянсу»)."""
    if not a or not b or _script(a) == _script(b):
        return False
    sa, sb = _specialties(a), _specialties(b)
    return sa is not None and sb is not None and sa != sb


def _bridged(primaries: list[str], forms: Iterable[str], others: set[str]) -> bool:
    """Whether one side's name form, as telling as each of its primary names (a translation
    or fuller form, never a shortened one), is a primary name of the other side in any
    script ("Грацский технический университет" given with "Graz University of Technology"
    is "Technische Universität Graz")."""
    telling = [_telling(cross_key(p)) for p in primaries if cross_key(p)]
    if not telling:
        return False
    for form in forms:
        cross = form if form.startswith("x:") else cross_key(form)
        if cross in others and all(t <= _telling(cross) for t in telling):
            return True
    return False


_JOINED = re.compile(r"\b([^\W\d_]+)-[^\W\d_]+")


def renamed(longer: str, shorter: str) -> bool:
    """Whether a name is another with a word joined to one of its words by a hyphen
    ("Lappeenranta-Lahti University of Technology" / "Lappeenranta University of
    Technology"): a renamed organisation when the two also share a key (an alias)."""
    if _script(longer) != _script(shorter) or "-" not in longer:
        return False
    full = tidy(longer).lower()
    short = tidy(shorter).lower()
    return full != short and _JOINED.sub(r"\1", full) == short


# A company's legal form in either script, as one form ("LLC" is «ООО»); "Ltd" and "LLC" stay
# apart: a British and an American or Russian one.
_FORM_OF = {
    **dict.fromkeys(["ооо", "llc", "ooo"], "llc"), **dict.fromkeys(["ао", "jsc", "ao"], "jsc"),
    **dict.fromkeys(["пао", "pjsc", "pao"], "pjsc"), **dict.fromkeys(["оао", "ojsc"], "ojsc"),
    **dict.fromkeys(["зао", "cjsc"], "cjsc"), **dict.fromkeys(["gmbh"], "gmbh"),
    **dict.fromkeys(["ag"], "ag"), **dict.fromkeys(["ltd", "limited"], "ltd"),
    **dict.fromkeys(["plc"], "plc"), **dict.fromkeys(["inc", "incorporated"], "inc"),
    **dict.fromkeys(["bv"], "bv"), **dict.fromkeys(["spa"], "spa"),
    **dict.fromkeys(["oy", "oyj"], "oy"), **dict.fromkeys(["sarl"], "sarl"),
}  # fmt: skip


def _legal_forms(names: Iterable[str | None]) -> set[str]:
    return {
        _FORM_OF[w]
        for n in names
        if n
        for w in re.findall(r"[^\W\d_]+", n.lower().replace(".", ""))
        if w in _FORM_OF
    }


def _other_forms(fact: PartnerFact, row: Candidate) -> bool:
    """Whether both sides give a company's legal form and no form of one is the other's:
    "Polymer LLC" and "Polymer GmbH" are two companies however sure their countries are."""
    ours = _legal_forms((fact.name, fact.name_en, *fact.aliases))
    theirs = _legal_forms((row.name, row.name_en))
    return bool(ours and theirs and not ours & theirs)


def _bare_common(names: Iterable[str | None]) -> bool:
    """Whether a side is named by one common word and no legal form ("Polymer", «Вектор»)."""
    primary = [tidy(n) for n in names if n]
    return bool(primary) and all(" " not in n and common_word(n) for n in primary)


def _common_word_abroad(fact: PartnerFact, row: Candidate) -> bool:
    """Whether one side is a bare common word ("Polymer") and the other a company with a legal
    form ("Polymer GmbH") placed in another country, or the bare side in none: a common word
    names many companies, and only its country ties it to this one."""
    ours, theirs = (fact.name, fact.name_en), (row.name, row.name_en)
    if _legal_forms(theirs) and not _legal_forms(ours) and _bare_common(ours):
        return fact.country != row.country
    if _legal_forms(ours) and not _legal_forms(theirs) and _bare_common(theirs):
        return fact.country != row.country
    return False


def conflicts(fact: PartnerFact, row: Candidate) -> bool:
    """Guards that keep two organisations apart even when they share a key: another country,
    or full names of one script each with a distinguishing word of its own, unless a name
    form of one side is a primary name of the other in another script or spelling. A body
    of two countries named so on both sides (a shared `pair_key`) is one body, placed in
    either of them."""
    pairs = {pair_key(n) for n in fact_names(fact)} & row.keys - {""}
    if any({fact.country, row.country} <= pair_countries(k) | {None} for k in pairs):
        return False
    if (
        fact.country
        and row.country
        and fact.country != row.country
        and not ((fact.country_guessed or row.country_guessed) and not _other_forms(fact, row))
    ):
        return True
    if _common_word_abroad(fact, row):
        return True
    # A branch named by its parent and its own name is judged by its own name.
    ours = [branch_own(n) or n for n in (fact.name, fact.name_en) if n]
    theirs = [branch_own(n) or n for n in (row.name, row.name_en) if n]
    seatless = [[bare for n in side if (bare := without_city(n))] for side in (ours, theirs)]
    if any(
        cross_key(a) and cross_key(a) == cross_key(b) and not different(a, b)
        for a in ours + seatless[0]
        for b in theirs + seatless[1]
    ):
        return False  # one name in two scripts or spellings: the same organisation
    if any(unlike(a, b) for a in ours for b in theirs):
        return True  # "Jiangsu University" is no translation of a pedagogical university
    if any(renamed(a, b) or renamed(b, a) for a in ours for b in theirs):
        return False  # a later name with a second place joined to the first, same aliases
    if not any(different(a, b) for a in ours for b in theirs):
        return False
    their_cross = {cross_key(n) for n in theirs} - {""}
    our_cross = {cross_key(n) for n in ours} - {""}
    return not (
        _bridged(ours, fact_names(fact), their_cross)
        or _bridged(theirs, (k for k in row.keys if k.startswith("x:")), our_cross)
    )


_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщыэюя"
_LATIN = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch y e yu ya"
TRANSLIT = str.maketrans(dict(zip(_CYRILLIC, _LATIN.split(" "), strict=True)) | {"ь": "", "ъ": ""})


def _part_of(alias: str, names: Iterable[str]) -> bool:
    """Whether a one-script alias, read in Latin letters, is a proper part of a Latin name
    with a distinguishing word beside it ("Газпром" of "Gazprom Neft")."""
    if is_abbreviation(alias) or _script(alias) != "cyr":
        return False
    short = set(key_tokens(alias.lower().translate(TRANSLIT)))
    for name in names:
        if name and _script(name) == "lat" and not is_abbreviation(name):
            full = set(key_tokens(name))
            if short and short < full and (full - short) - _HEAD:
                return True
    return False


_GENITIVE = re.compile(r"(?:а|я|и|ы|ой|ого|ей)$")


# A branch is a unit too ("Шанхайское отделение Китайской академии наук" is not the Academy).
_BRANCH = frozenset(name_tokens("отделение филиал представительство отдел"))


def unit_of_another(name: str) -> bool:
    """A Russian name with a second head word in the genitive names a unit of another
    organisation ("Совместный институт ... Цзянсуского университета", "завод холдинга ...
    Госкорпорации Ростех"): an English name given with it may be the parent's."""
    if _script(name) != "cyr":
        return False
    heads = [
        word
        for word in _WORDS.findall(tidy(name).lower())
        if any(t in _HEAD or t in _CORPORATE or t in _BRANCH for t in name_tokens(word))
    ]
    return len(heads) >= 2 and any(_GENITIVE.search(word) for word in heads[1:])


# A university's unit named by the university in the genitive: "Совместный инженерный
# институт Сианьского технологического университета", "Центр ... Шанхайского университета
# Цзяотун". The partner of a joint unit is the university it belongs to (its co-founder).
_UNIT_OF_UNIVERSITY = re.compile(
    r"^(?:[А-ЯЁа-яё-]+(?:ый|ий|ой|ая)\s+)*"
    r"(?i:институт|центр|лаборатори[яи]|кафедра|факультет)\s+.*?"
    r"(?P<parent>(?:(?<=\s)[А-ЯЁа-яё-]+(?:ского|цкого|ного|ьного|вого)\s+)*"
    r"(?<=\s)[Уу]ниверситета\b.*)$",
)
_UNIT_EN = r"(?:Council|Board|Office|Cent(?:er|re)|Laborator(?:y|ies)|Lab|Department|Faculty)"
_UNIVERSITY_EN = r"(?P<parent>(?:[A-Z][\w'’.-]*\s+)*University(?:\s+of\s+[A-Z][\w'’.-]*)?)"
_UNIT_OF_UNIVERSITY_EN = (
    re.compile(rf"^(?:[A-Z][\w-]*\s+)*{_UNIT_EN}\b.*\bof\s+(?:the\s+)?{_UNIVERSITY_EN}$"),
    re.compile(rf"^(?:the\s+)?{_UNIVERSITY_EN}\s+{_UNIT_EN}$"),
)
_GENITIVE_ADJECTIVE = ((re.compile(r"(ск|цк)ого$"), r"\1ий"), (re.compile(r"ого$"), "ый"))


def parent_university(name: str) -> str | None:
    """The university (in the nominative) a unit's name says the unit belongs to, or
    None when the name is no unit of a university, or the university is not named."""
    for pattern in _UNIT_OF_UNIVERSITY_EN:
        if found := pattern.match(tidy(name)):
            parent = found.group("parent")
            return None if is_own(parent) or names_nothing(parent, "university") else parent
    match = _UNIT_OF_UNIVERSITY.match(tidy(name))
    if match is None:
        return None
    words = match.group("parent").split()
    out = []
    for word in words:
        if word.lower() == "университета":
            out.append(word[:-1])
            out.extend(words[len(out) :])
            break
        for pattern, replacement in _GENITIVE_ADJECTIVE:
            if pattern.search(word):
                word = pattern.sub(replacement, word)
                break
        out.append(word)
    parent = " ".join(out)
    parent = parent[:1].upper() + parent[1:]
    if is_own(parent) or names_nothing(parent, "university"):
        return None
    return parent


# An English name of a unit of another organisation: "Research Center for Testing of the
# Chinese Academy of Sciences", "Institute of Physics of the Testland University".
_UNIT_OF_ANOTHER_EN = re.compile(
    r"^(?:.*\s)?(?:Cent(?:er|re)|Institute|Branch|Laborator(?:y|ies)|Lab|Department|Faculty|"
    r"School|Office|Division)\b.*?\bof\s+the\s+"
    r"(?P<parent>(?:.*\s)?(?:Academy|University|Corporation|Ministry)\b.*)$"
)
# Russian words of a unit: a form with none of them names no unit.
_UNIT_RU = re.compile(
    r"\b(?:центр|отделени|филиал|лаборатори|институт|кафедр|факультет|департамент|отдел|"
    r"школ)\w*",
    re.IGNORECASE,
)


def _initials(name: str) -> str:
    return "".join(w[0] for w in _WORDS.findall(name) if w.lower() not in CROSS_SKIP).upper()


def parents_form(form: str, names: Iterable[str]) -> bool:
    """Whether `form` names the organisation an English unit's name says the unit belongs
    to ("CAS" or «Китайская академия наук» of "Research Center ... of the Chinese Academy of
    Sciences"): its abbreviation, or a name of another script with the parent's head word
    (academy, university) and no unit word of its own."""
    for name in names:
        found = _UNIT_OF_ANOTHER_EN.match(tidy(name)) if _script(name) == "lat" else None
        if found is None:
            continue
        parent = found.group("parent")
        if is_abbreviation(form) and " " not in form.strip():
            if form.strip().upper() == _initials(parent):
                return True
            continue
        if _script(form) != "cyr" or _UNIT_RU.search(form):
            continue
        theirs = set(cross_key(parent).removeprefix("x:").split()) & _KIND_CONCEPTS
        ours = set(cross_key(form).removeprefix("x:").split()) & _KIND_CONCEPTS
        if not ours:
            ours = {c for w in _WORDS.findall(form.lower()) for stem, c in CONCEPT_RU
                    if w.startswith(stem) and c in _KIND_CONCEPTS}  # fmt: skip
        if ours and ours <= theirs:
            return True
    return False


@cache
def _places() -> CountryResolver:
    return CountryResolver(lambda word: word)  # Latin words only: no lemmas needed


# Two countries a body belongs to, as a joined adjective ("Sino-Russian", "Russian-Chinese") or
# after the name ("... of Russia and China").
_PAIR_ADJECTIVE = re.compile(r"\b([A-Z][a-z]+)-([A-Za-z][a-z]+)\b")
_PAIR_OF = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][a-z]+)\s+and\s+(?:the\s+)?([A-Z][a-z]+)\b")
_SINO = {"sino": "CN"}


def _pair_codes(first: str, second: str) -> frozenset[str]:
    """The two countries of "Sino-Russian", "Russia and China"; none for two cities
    ("Moscow-Beijing")."""
    codes = [
        _SINO.get(w.lower()) or next((c for c in _places().codes(w) if names_country(w, c)), None)
        for w in (first, second)
    ]
    return frozenset(c for c in codes if c) if all(codes) else frozenset()


def pair_key(name: str) -> str:
    """The key of a Latin name of a body of two countries with the countries read as codes, so
    the joined adjective and the "of A and B" form meet ("Association of Sino-Russian
    Technical Universities" / "Association of Technical Universities of Russia and China");
    empty for other names. An alias key: identity keys stay `match_key`s."""
    if _script(name) != "lat":
        return ""
    for pattern in (_PAIR_ADJECTIVE, _PAIR_OF):
        for found in pattern.finditer(name):
            codes = _pair_codes(*found.groups())
            if len(codes) != 2:
                continue
            rest = key_tokens(name[: found.start()] + " " + name[found.end() :])
            if rest and not all(t in _HEAD or t in _NOT_NAMES for t in rest):
                return "p:" + " ".join(sorted(set(rest))) + "|" + " ".join(sorted(codes))
    return ""


def pair_countries(key: str) -> frozenset[str]:
    """The two countries a `pair_key` names."""
    return frozenset(key.partition("|")[2].split()) if key.startswith("p:") else frozenset()


def with_pair(longer: str, name: str) -> bool:
    """Whether a name is another with the two countries it belongs to added ("Association of
    Technical Universities of Russia and China" of "Association of Technical Universities")."""
    key = pair_key(longer)
    return bool(key) and key[2:].partition("|")[0] == " ".join(sorted(set(key_tokens(name))))


def fuller_by_place(longer: str, name: str) -> bool:
    """Whether a Latin name is another with the place it is in added ("Universidad Carlos
    III de Madrid" of "Carlos III University", "Leibniz University Hannover" of "Leibniz
    University"): the same organisation's fuller name, not a look-alike."""
    if _script(longer) != "lat" or _script(name) != "lat":
        return False
    ours, theirs = set(key_tokens(longer)), set(key_tokens(name))
    extra = ours - theirs - GENERIC
    if not extra or not theirs - GENERIC or not theirs <= ours | _HEAD | {"univers"}:
        return False
    words = {t: w for w in _WORDS.findall(longer) for t in key_tokens(w)}
    return all(t in words and _places().codes(words[t]) for t in extra)


def own_aliases(name: str, name_en: str | None, aliases: Iterable[str]) -> tuple[str, ...]:
    """Aliases that can name this organisation: not the university, not a country («КНР» given
    in brackets after a name), and not a part of the name that is another organisation
    ("Ростех" of "Уральский завод ... Госкорпорации Ростех", "Газпром" of "Газпром нефть" or
    of "Gazprom Neft")."""
    full = [n for n in (name, name_en) if n]
    return tuple(
        a
        for a in aliases
        if not is_own(a)
        and resolve_country(a) is None
        and not any(
            (different(a, n) and not fuller_by_place(a, n) and not with_pair(a, n)) or unlike(a, n)
            for n in full
        )
        and not _part_of(a, full)
        and not parents_form(a, full)
        and not family_code(a, full)
    )


def family_code(alias: str, names: Iterable[str]) -> bool:
    """Whether an abbreviation spells a Latin name without its last, distinguishing word
    ("IIT" of "Indian Institute of Technology Bombay"): it names the family the organisation
    belongs to, which shares it with every sister ("... Madras", "... Delhi"), not the
    organisation."""
    code = alias.strip()
    if not is_abbreviation(code) or " " in code:
        return False
    for name in names:
        words = _WORDS.findall(name) if _script(name) == "lat" else []
        last = set(key_tokens(words[-1])) if len(words) >= 3 else set()
        if not last or last <= GENERIC:
            continue  # "Kazan Federal University": the last word says what, not which
        if code.upper() == _initials(" ".join(words[:-1])) != _initials(name):
            return True
    return False


# Words that mark a Latin name as English, or as another language's ("Universität Graz",
# "Politecnico di Milano"): an English name is shown to English readers.
_ENGLISH_WORDS = frozenset(
    [
        "university", "institute", "academy", "college", "school", "of", "the", "and", "for",
        "company", "corporation", "centre", "center", "technology", "technological", "technical",
        "polytechnic", "state", "national", "research", "science", "sciences", "engineering",
        "applied", "ministry", "embassy", "consulate", "association", "foundation", "agency",
        "council", "union", "network", "group", "laboratory",
    ]
)  # fmt: skip
_FOREIGN_WORDS = frozenset(
    [
        "universität", "universitat", "università", "universita", "universidad", "universidade",
        "université", "universite", "universiteit", "uniwersytet", "hochschule", "technische",
        "technischen", "politecnico", "politecnica", "politécnica", "polytechnique", "institut",
        "instituto", "istituto", "akademie", "scuola", "di", "del", "della", "der", "des", "du",
        "la", "le", "für", "fur", "und",
    ]
)  # fmt: skip


def in_english(name: str) -> bool:
    """A Latin name in English: an English word and no word of another language's."""
    words = [w.lower() for w in _WORDS.findall(name)]
    if _script(name) != "lat" or any(w in _FOREIGN_WORDS for w in words):
        return False
    return any(w in _ENGLISH_WORDS for w in words)


def english_form(name_en: str | None, forms: Iterable[str]) -> str | None:
    """An English translation, among `forms`, of a Latin name with words of another language
    (as telling as it: "University of Stuttgart" for "Universität Stuttgart"), or None; a
    brand name ("Rosatom") has no language."""
    foreign = name_en and any(w.lower() in _FOREIGN_WORDS for w in _WORDS.findall(name_en))
    if not name_en or not foreign or _script(name_en) != "lat" or not cross_key(name_en):
        return None
    telling = _telling(cross_key(name_en))
    for form in forms:
        if in_english(form) and cross_key(form) and _telling(cross_key(form)) == telling:
            return form
    return None


_SPACED_DASH = re.compile(r"\s+[-–—]\s+")


def without_own(name: str) -> str:
    """A name joining a partner and the university by a dash ("TSU – SPbPU", «УОМЗ –
    Политех») without the university's part; other names as they are."""
    parts = _SPACED_DASH.split(name)
    if len(parts) < 2:
        return name
    kept = [p for p in parts if p.strip() and not is_own(p)]
    return " – ".join(kept) if kept and len(kept) < len(parts) else name


def garbled(name: str) -> bool:
    """A name with three words repeated in the same order ("Testing BO KE Institute of New
    Tests Testing BO KE"): pieces of a text joined twice, no name as written ("Silk Road
    Alliance of Silk Road Universities" is one)."""
    words = [w.lower() for w in _WORDS.findall(name) if w.lower() not in CROSS_SKIP]
    runs = list(zip(words, words[1:], words[2:], strict=False))
    return len(set(runs)) < len(runs)


def ungarbled(name: str, forms: Iterable[str]) -> str | None:
    """The fullest form among `forms` that is no garbled name and says nothing the garbled
    `name` does not (its words are the name's), or None."""
    words = set(key_tokens(name))
    fits = [
        f
        for f in forms
        if not garbled(f) and not is_abbreviation(f) and f != name
        and _script(f) == _script(name) and key_tokens(f) and set(key_tokens(f)) <= words
    ]  # fmt: skip
    return max(fits, key=lambda f: (len(set(key_tokens(f))), len(f)), default=None)


_LEADING_TYPE = re.compile(
    r"^(?:компания|корпорация|консорциум|концерн|холдинг|company|consortium)\s+(?=[\"«A-ZА-ЯЁ])"
)


def display_name(name: str) -> str:
    """A display name without a lowercase type word in front ("компания «Газпром»")."""
    stripped = _LEADING_TYPE.sub("", name)
    if stripped != name and stripped.startswith('"') and stripped.endswith('"'):
        stripped = stripped[1:-1]
    return stripped or name


def resolve(
    fact: PartnerFact,
    keys: Iterable[str],
    rows: list[Candidate],
    *,
    forced: int | None = None,
) -> int | None:
    """The row this fact names, or None for a new one. `forced` is an operator's merge."""
    by_id = {row.id: row for row in rows}

    def final(row_id: int) -> int:
        seen = set()
        while (target := by_id[row_id].merged_into) is not None and target in by_id:
            if row_id in seen:
                break
            seen.add(row_id)
            row_id = target
        return row_id

    if forced is not None and forced in by_id:
        return final(forced)
    wanted = set(keys) - ambiguous_codes(fact, rows)
    wanted -= _acronyms_unmet(fact, wanted, rows)
    main = match_key(fact.name)
    ours = {k for k in wanted if k.startswith(KNOWN)}
    best: tuple[int, int, int, int, int] | None = None
    found: int | None = None
    for row in rows:
        shared = wanted & row.keys
        theirs = {k for k in row.keys if k.startswith(KNOWN)}
        if not shared or (ours and theirs and not ours & theirs):
            continue  # two well-known organisations («СПбГУ» and «СПбГЭУ»)
        if not shared & ours and conflicts(fact, row):
            continue
        plain = len({k for k in shared if not k.startswith(ACRONYM)})  # one name, one count
        # A card whose country only a guess set differently is the fact's only when no card
        # placed where the fact is shares its names (see `conflicts`).
        placed = not (fact.country and row.country and fact.country != row.country)
        score = (int(placed), int(main in row.keys), plain, row.mentions, -row.id)
        if best is None or score > best:
            best, found = score, row.id
    return None if found is None else final(found)


def _acronyms_unmet(fact: PartnerFact, wanted: set[str], rows: list[Candidate]) -> set[str]:
    """The fact's abbreviation keys that join no card: shared with no card of the other sort
    (an abbreviation's for a full name, a full name's for an abbreviation), or with two or
    more such cards, or with a card the guards keep apart."""
    keys = {k for k in wanted if k.startswith(ACRONYM)}
    if not keys:
        return set()
    code = code_fact(fact)
    unmet = set()
    for key in keys:
        fitting = {
            row.merged_into or row.id
            for row in rows
            if key in row.keys and code_card(row) != code and not conflicts(fact, row)
        }
        if len(fitting) != 1:
            unmet.add(key)
    return unmet


def ambiguous_codes(fact: PartnerFact, rows: list[Candidate]) -> set[str]:
    """Keys of the fact's one-word abbreviations that two or more cards the fact could join
    carry ("IIT" of two Indian institutes): such an abbreviation tells neither, as a name two
    entries of the known-organisation registry share identifies neither."""
    codes = {
        key
        for n in fact_names(fact)
        if " " not in n.strip() and is_abbreviation(n)
        for key in (match_key(n), cross_key(n))  # «СПбГУ» spelt in Latin letters too
    }
    codes.discard("")
    if not codes:
        return set()
    by_id = {row.id: row for row in rows}

    def final(row: Candidate) -> int:
        seen = {row.id}
        while row.merged_into is not None and row.merged_into in by_id:
            row = by_id[row.merged_into]
            if row.id in seen:
                break
            seen.add(row.id)
        return row.id

    fitting = [row for row in rows if codes & row.keys and not conflicts(fact, row)]
    return {code for code in codes if len({final(r) for r in fitting if code in r.keys}) > 1}


def _codes(forms: Iterable[str]) -> bool:
    return all(" " not in n.strip() and is_abbreviation(n) for n in forms)


def code_card(row: Candidate) -> bool:
    """A card known by one abbreviation only ("RAFU"): opened by an article that named its
    organisation by the abbreviation alone."""
    return _codes(n for n in (row.name, row.name_en) if n)


def code_fact(fact: PartnerFact) -> bool:
    """A fact that names its organisation by abbreviations only: it tells no full name."""
    return _codes(fact_names(fact))


def named_in_full(fact: PartnerFact, row: Candidate) -> bool:
    """The fact gives a full name for a card known by one abbreviation only."""
    return code_card(row) and not code_fact(fact)


def absorbed(
    fact: PartnerFact, keys: Iterable[str], target: int, rows: list[Candidate]
) -> list[int]:
    """Cards known by one abbreviation only that this fact, resolved to card `target`, names
    too: the fact gives that abbreviation beside its full name ("Russian-African Network
    University" with "RAFU"), every key of the card is a key of the fact and no guard objects.
    Had the abbreviation's article come after, its fact would have joined `target` by that
    key; these cards are merged into `target`, so the registry does not depend on the order
    of the articles."""
    wanted = set(keys)
    if code_fact(fact):
        return []  # a code-only fact tells no full name
    return [
        row.id
        for row in rows
        if row.id > 0
        and row.id != target
        and row.merged_into is None
        and row.keys
        and row.keys <= wanted
        and code_card(row)
        and not conflicts(fact, row)
    ]


# The prefix of a well-known organisation's key: every name form the registry of well-known
# organisations gives it (abbreviations, translations, former names) is one card.
KNOWN = "k:"


def known_key(org: KnownOrg) -> str:
    """The key every fact naming this well-known organisation carries, in any language."""
    return KNOWN + (match_key(org.name) or org.name.lower())


def known_index(orgs: Iterable[KnownOrg]) -> dict[str, KnownOrg | None]:
    """The well-known organisations by the keys of their full names (word forms, word order
    and script folded, as cards meet); None under a key two of them share."""
    index: dict[str, KnownOrg | None] = {}
    for org in orgs:
        for name in org.all_names():
            if is_abbreviation(name):
                continue
            for key in (match_key(name), cross_key(name)):
                if key:
                    index[key] = org if index.get(key, org) is org else None
    return index


def known_by_keys(fact: PartnerFact, index: dict[str, KnownOrg | None]) -> KnownOrg | None:
    """The one well-known organisation a fact names by a form the registry's own lookup
    misses («Университет Фудань» for «Фуданьский университет» / "Fudan University"), unless a
    guard says the names are of two organisations."""
    found: dict[int, KnownOrg] = {}
    for name in fact_names(fact):
        if is_abbreviation(name):
            continue
        for key in (match_key(name), cross_key(name)):
            if key in index:
                org = index[key]
                if org is None:
                    return None  # a key two of them share tells neither
                found[id(org)] = org
    if len(found) != 1:
        return None
    org = next(iter(found.values()))
    ours = [n for n in (fact.name, fact.name_en) if n]
    theirs = [n for n in (org.name, org.name_en) if n]
    if any(different(a, b) or unlike(a, b) for a in ours for b in theirs):
        return None
    return org
