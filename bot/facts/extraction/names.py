"""Name keys for matching one organisation across case forms, scripts and articles."""

from __future__ import annotations

import re
from functools import cache, lru_cache

import Stemmer

from bot.text.stems import morph_vocab

from .model import PartnerFact

# No organisation's name is longer (the corpus's longest gold name has 113 characters, the
# packaged registry's 94): a longer "name" from an untrusted page is no name. The extractor
# drops such names, and the facts service drops such forms from facts of any source (keying a
# 100 KB one cost ~1 s on the event loop).
MAX_NAME_CHARS = 250

_RU_STEMMER = Stemmer.Stemmer("russian")
_EN_STEMMER = Stemmer.Stemmer("english")
_PUNCT = re.compile(r"[«»\"'“”„‟`’‘()\[\]{},.:;!?/\\|–—−‐-]+")
_CYR = re.compile(r"[а-я]")
_LEGAL = frozenset(
    [
        "ао",
        "пао",
        "оао",
        "зао",
        "ооо",
        "фгуп",
        "фгбу",
        "фгбоу",
        "фгаоу",
        "во",
        "нии",
        "jsc",
        "pjsc",
        "llc",
        "ltd",
        "inc",
        "plc",
        "gmbh",
        "co",
    ]
)
LEGAL_FORMS = _LEGAL  # (folded) legal forms, which no name key holds
_STOP = frozenset(
    ["и", "of", "the", "and", "for", "в", "на", "им", "имени", "named", "after", "de"]
)
# Words that never identify an organisation on their own (cf. the scorer's generic list).
GENERIC_STEMS = frozenset(
    _RU_STEMMER.stemWords(
        [
            "университет",
            "институт",
            "академия",
            "государственный",
            "национальный",
            "федеральный",
            "технический",
            "технологический",
            "исследовательский",
            "научный",
            "центр",
            "компания",
            "группа",
            "правительство",
            "министерство",
            "город",
            "колледж",
            "школа",
            "высший",
            "политехнический",
            "российский",
            "международный",
            "инженерный",
            "наука",
        ]
    )
    + _EN_STEMMER.stemWords(
        [
            "university",
            "institute",
            "academy",
            "state",
            "national",
            "federal",
            "technical",
            "technological",
            "research",
            "scientific",
            "center",
            "centre",
            "company",
            "group",
            "government",
            "ministry",
            "city",
            "college",
            "school",
            "higher",
            "polytechnic",
            "russian",
            "international",
            "engineering",
            "science",
            "sciences",
        ]
    )
)


# A hyphen left with a space after it where a line was broken ("Russian- Armenian"); before a
# lower-case word it is a suspended hyphen ("Russian- and English-speaking") and stays.
_BROKEN_HYPHEN = re.compile(r"(?<=[^\W\d_])-\s+(?=[A-ZА-ЯЁ])")


def join_broken_hyphen(text: str) -> str:
    """ "Russian- Armenian University" → "Russian-Armenian University"."""
    return _BROKEN_HYPHEN.sub("-", text)


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е").replace("э", "е")


@lru_cache(maxsize=65536)
def _stem(token: str) -> str:
    if _CYR.search(token):
        return str(_RU_STEMMER.stemWord(token))
    return str(_EN_STEMMER.stemWord(token))


def name_tokens(name: str) -> list[str]:
    """Stemmed, case- and spelling-folded tokens of a name, legal forms dropped."""
    words = _PUNCT.sub(" ", _fold(name)).split()
    return [_stem("им" if w == "имени" else w) for w in words if w not in _LEGAL]


def is_generic_name(name: str) -> bool:
    """A name of generic words only ("University of Technology", "Государственный университет"),
    which identifies no organisation by itself."""
    toks = [t for t in name_tokens(name) if t not in _STOP]
    return all(t in GENERIC_STEMS for t in toks)


def _stems(ru: str, en: str) -> frozenset[str]:
    """Stems of space-separated Russian and English words."""
    words = ru.split(), en.split()
    return frozenset(_RU_STEMMER.stemWords(words[0]) + _EN_STEMMER.stemWords(words[1]))


# Words that describe an organisation without naming it (beside GENERIC_STEMS): its type, its
# field in general terms, a nationality. A name made of these alone ("Chinese University",
# "Russian Language Center", "ИТ-парк") names no organisation, so by the guidelines the text
# has not named a partner with it.
# ("European" is not among them: the European Commission, Union or Parliament is one body.)
_NATIONALITY = _stems(
    "китайский российский русский австрийский германский немецкий французский американский "
    "индийский казахстанский туркменский узбекский киргизский белорусский армянский иранский "
    "сирийский вьетнамский японский корейский британский итальянский испанский финский "
    "азиатский арабский",
    "chinese russian austrian german french american indian kazakh turkmen uzbek kyrgyz "
    "belarusian armenian iranian syrian vietnamese japanese korean british italian spanish "
    "finnish asian arab",
)
_DESCRIBING = _NATIONALITY | _stems(
    "совместный общество ассоциация совет комитет комиссия отдел отделение департамент "
    "управление администрация офис представительство филиал лаборатория парк технопарк ит "
    "клуб союз фонд языковой язык образование образовательный развитие инновационный "
    "региональный муниципальный городской главный центральный новый вуз",
    "joint society association council committee commission department office branch "
    "division administration laboratory lab park club union foundation fund language "
    "education educational development innovation regional municipal public executive "
    "strategic main central new key studies",
)
# A state body's field names it within its state ("Министерство образования", "Ministry of
# Science and Higher Education"): one ministry or committee per field.
_FIELDS = _stems(
    "наука научный образование образовательный высший технический технологический "
    "исследовательский инженерный инновационный развитие экономический",
    "science sciences scientific education educational higher technical technological research "
    "engineering innovation innovations development economic economy",
)
# A state's academy of sciences is one body: "Армянская академия наук" names it.
_ACADEMY_OF_SCIENCES = re.compile(r"академи\w* наук|academy of sciences", re.IGNORECASE)
# A person's title read as an organisation ("Government Vice-Premier", "Ректор университета").
_PERSON_TITLE = re.compile(
    r"(?:^(?!.*\b(?:of|for)\b).*\b(?:vice-premier|premier|minister|rector|president|governor|"
    r"ambassador|consul|dean|chairman|mayor)$|^(?:вице-премьер|премьер-министр|министр|ректор|"
    r"проректор|президент|губернатор|консул|мэр|декан)[аеуом]{0,2}\b|^(?:посол|посла|послу|"
    r"председател[ьяюем]{1,2})\b)",
    re.IGNORECASE,
)


def russian_nationality_capitalised(word: str) -> bool:
    """A Russian nationality adjective written with a capital ("Вьетнамский"): mid-sentence
    Russian writes nationalities in lower case ("вьетнамский вуз"), so a capital there opens
    a proper name ("Вьетнамский государственный университет")."""
    return (
        word[:1].isupper()
        and bool(re.fullmatch(r"[А-ЯЁ][а-яё]+", word))
        and _stem(_fold(word)) in _NATIONALITY
    )


def without_nationality(name: str, *, capital: bool = False) -> str:
    """A Russian university's name as the text wrote it without the nationality a writer put
    before it in lower case («финский университет Аалто» names the «Университет Аалто»; a
    proper name opens with a capital: «Американский университет в Бишкеке» stays), or "".
    `capital`: a capitalised nationality too (for a text that also names it without one)."""
    words = name.split(maxsplit=2)
    if (
        len(words) < 3
        or not re.fullmatch(r"[А-ЯЁа-яё][а-яё]+" if capital else r"[а-яё]+", words[0])
        or _stem(_fold(words[0])) not in _NATIONALITY
        or not re.fullmatch(r"(?:университет|институт|академи)\w*", words[1].lower())
        or not words[2][:1].isupper()
    ):
        return ""
    return f"{words[1][:1].upper()}{words[1][1:]} {words[2]}"


def describes_only(name: str, kind: str = "other") -> bool:
    """A name that describes and names nothing: type words, general fields and nationalities
    only ("Chinese University", "Russian-Chinese Institute", "City Council"), or a person's
    title ("Government Vice-Premier"). A nationality or a field does identify a state body
    ("Chinese Ministry of Education", "Министерство образования", "Армянская академия наук"), so
    there it counts as a name."""
    if _PERSON_TITLE.search(name.strip()):
        return True
    state_body = kind == "government" or bool(_ACADEMY_OF_SCIENCES.search(name))
    toks = [t for t in name_tokens(name.replace("-", " ")) if t not in _STOP]
    naming = _NATIONALITY | _FIELDS if state_body else frozenset()
    return bool(toks) and all(
        (t in GENERIC_STEMS or t in _DESCRIBING) and t not in naming for t in toks
    )


# What kind of school a school is ("University of Applied Sciences", «Университет прикладных
# наук»): a type, not a name, when it glosses a name beside it.
_SCHOOL_TYPE = _stems("прикладной", "applied")


def is_type_gloss(name: str) -> bool:
    """A name of type words, general fields and school types only ("University of Applied
    Sciences", "Technical University"): beside a proper name ("Hochschule X - University of
    Applied Sciences") it says what the organisation is, not which. (Alone it can be a real
    name, "University of Applied Science and Technology", so it is no `describes_only`.)"""
    toks = [t for t in name_tokens(name.replace("-", " ")) if t not in _STOP]
    described = GENERIC_STEMS | _DESCRIBING | _FIELDS | _SCHOOL_TYPE
    return bool(toks) and all(t in described and t not in _NATIONALITY for t in toks)


def canonical_key(name: str) -> str:
    """Key equal for the case forms and spelling variants of one name.

    "Университет Цинхуа" and "университета Цинхуа" share a key, as do "Чжэцзянский" and
    "Чжецзянский"; quotes, punctuation and leading legal forms (АО, ПАО, JSC) do not count.
    """
    return " ".join(name_tokens(name))


def _match_tokens(name: str) -> list[str]:
    """`name_tokens`, except that an abbreviation's words ("РАУ", "НАН", "КазНУ") stay whole:
    a stem is no part of an abbreviation ("РАУ" is not "НАН РА" though the stemmer makes "ра"
    of both)."""
    out = []
    for word in _PUNCT.sub(" ", name).split():
        folded = _fold(word)
        if folded in _LEGAL:
            continue
        if sum(ch.isupper() for ch in word) >= 2:
            out.append(folded)
        else:
            out.append(_stem("им" if folded == "имени" else folded))
    return out


def names_match(a: str, b: str) -> bool:
    """Whether two names plausibly denote the same organisation (same script only)."""
    ta, tb = _match_tokens(a), _match_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    sa = {t for t in ta if t not in _STOP}
    sb = {t for t in tb if t not in _STOP}
    small, big = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return (
        bool(small)
        and all(any(_same_stem(t, u) for u in big) for t in small)
        and any(t not in GENERIC_STEMS for t in small)
    )


def _same_stem(t: str, u: str) -> bool:
    """Equal stems, or a place and its adjective: "Университет Тегерана" is the
    "Тегеранский университет" (stems "тегеран" and "тегеранск")."""
    if t == u:
        return True
    short, long = (t, u) if len(t) <= len(u) else (u, t)
    return (
        len(short) >= 5
        and long.startswith(short)
        and long.endswith("ск")
        and len(long) - len(short) <= 3
        and bool(_CYR.search(short))
    )


def partner_names(p: PartnerFact) -> list[str]:
    """Every name a partner is known by: name, English name and aliases."""
    out = [p.name, *p.aliases]
    if p.name_en:
        out.append(p.name_en)
    return out


def same_partner(a: PartnerFact, b: PartnerFact) -> bool:
    """Whether two facts (e.g. from different articles) denote the same organisation.

    Any name of one matching any name of the other counts, so a Russian article's
    "Университет Цинхуа" with alias "Tsinghua University" merges with an English one.
    """
    if a.country and b.country and a.country != b.country:
        return False
    return any(names_match(x, y) for x in partner_names(a) for y in partner_names(b))


_ABBR = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё]*[A-ZА-ЯЁ]+[a-zа-яё]*$")


def is_abbreviation(text: str) -> bool:
    """Abbreviations such as "КРСУ", "ФерПИ", "NAS RA", "TU Graz" (mostly capitals)."""
    words = text.split()
    if not words or len(words) > 3:
        return False
    caps = sum(1 for ch in text if ch.isupper())
    return caps >= 2 and bool(_ABBR.match(words[0])) and len(words[0]) <= 8


def abbreviation_of(abbr: str, name: str) -> bool:
    """Whether `abbr` can be read off the word starts of `name` ("ФерПИ" ← "Ферганский
    политехнический институт", "NAS RA" ← "National Academy of Sciences of the Republic of
    Armenia"); words after the last matched one may be left over ("им. ...")."""
    letters = _fold("".join(ch for ch in abbr if ch.isalpha()))
    bare = re.sub(r"\([^)]*\)", " ", name)
    words = [w for w in re.split(r"[\s\-–—]+", _fold(_PUNCT.sub(" ", bare))) if w]
    if len(letters) < 2 or not words:
        return False

    @cache
    def go(i: int, j: int) -> bool:
        if i == len(letters):
            return j > 0
        if j == len(words):
            return False
        word = words[j]
        if word in _STOP and go(i, j + 1):
            return True
        k = 0
        while k < len(word) and i + k < len(letters) and word[k] == letters[i + k]:
            k += 1
            if go(i + k, j + 1):
                return True
        return False

    if not go(0, 0):
        return False
    return letters[0] == words[0][0]


# Words of a name in a language that names universities in one country only.
_LANGUAGE_COUNTRY = {
    "universiti": "MY", "universitas": "ID", "uniwersytet": "PL", "politechnika": "PL",
    "università": "IT", "universita": "IT", "politecnico": "IT", "üniversitesi": "TR",
    "universitesi": "TR", "daigaku": "JP", "yliopisto": "FI", "egyetem": "HU",
}  # fmt: skip


def language_country(name: str) -> str | None:
    """The country a name's own language places it in ("Uniwersytet X" is Polish), if any."""
    return next(
        (code for w in re.findall(r"\w+", name.lower()) if (code := _LANGUAGE_COUNTRY.get(w))),
        None,
    )


# Words of a name in a foreign language that no single country speaks ("Universidad de X" is
# Spanish or Latin American): the name is foreign, its country is not told by the word alone.
# (Languages of one country, "Uniwersytet", "Università", are in the country tables.)
_FOREIGN_LANGUAGE_WORD = re.compile(
    r"\b(?:universidad|universidade|universit[eé]|universit[äa]t|universitaet|universiteit|"
    r"hochschule|fachhochschule|technische|polit[eé]cnica|escuela|escola|faculdade|facultad|"
    r"instituto|istituto|[eé]cole|sup[eé]rieure|nationale|nacional|federal do|estadual)\b",
    re.IGNORECASE,
)
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
# Letters a transliterated foreign word has and a Russian word has not: a consonant before
# «э» («Кэйо», «Тэгу», «Кэнтербери»), the Polivanov «дз» and Palladius «цз», «чж» («Ниигата
# Дзёэцу», «Цзилинь»).
_TRANSLITERATED = re.compile(r"[бвгджзклмнпрстфхцчшщ]э|дз|цз|чж", re.IGNORECASE)
# A foreign proper noun does not decline: it keeps a final «о», «у», «ю» in every case
# («Университет Хоккайдо», «Университетом Тохоку»), which a Russian noun or adjective in a
# name does not, save a place in «-ово», «-ево», «-ино», «-ыно» (Иваново) or a neuter noun
# («Агентство», «Бюро»).
_UNDECLINED = re.compile(r"^[А-ЯЁ][а-яё-]*[оую]$")
_RUSSIAN_ENDINGS = re.compile(r"(?:ого|его|ому|ему|ую|юю|ово|ево|ино|ыно|ство|ние|бюро)$")
# Russian type words and words with a loan's letters that name Russian bodies too («Мэрия»,
# «Дзержинский»): none of them tells a foreign name.
_RU_HEADS = re.compile(
    r"^(?:университет|институт|академи|колледж|школ|центр|обществ|фонд|ассоциаци|"
    r"министерств|агентств|лаборатори|комитет|управлени|департамент|совет|служб|палат|"
    r"корпораци|объединени|союз|музе|театр|библиотек|завод|комбинат|банк|технопарк|парк|"
    r"кластер|компани|групп|дирекци|инспекци|комисси|мэр|дзерж)",
    re.IGNORECASE,
)


def foreign_shaped(name: str, lang: str) -> bool:
    """Whether a name's own words are foreign in shape, so nothing makes it Russian: words of
    a foreign language ("Universidad de X"), Latin words in a Russian text ("Keio University"),
    or a Cyrillic word transliterated from another language («Университет Кэйо», «Университет
    Хоккайдо»). Abbreviations tell nothing."""
    if is_abbreviation(name):
        return False
    if _FOREIGN_LANGUAGE_WORD.search(name):
        return True
    if lang == "ru" and not _CYR.search(name.lower()):
        return any(not w.isupper() for w in _LATIN_WORD.findall(name))
    for word in re.findall(r"[А-ЯЁа-яё-]+", name):
        if not word[:1].isupper() or word.isupper() or len(word) < 3 or _RU_HEADS.match(word):
            continue
        low = word.lower()
        if _TRANSLITERATED.search(low):
            return True
        if _UNDECLINED.match(word) and not _RUSSIAN_ENDINGS.search(low):
            return True
    return False


# Signs of a foreign company's name spelt in Cyrillic by its sounds: an English word as Russian
# writes it after the brand («Шнайдер Электрик», «Сименс Энерджи», «Нокиа Солюшнз энд
# Нетворкс»), a word closing in «-иа» («Нокиа»), the French «Эр» («Эр Ликид»), a diphthong before
# «д» closing the word or before «е» («Шнайдер», «Хайдельберг», «Ллойд»). No Russian company's
# own word looks so («Ленэнерго», «Северсталь», «Электросила», «Завод «Электрик»» do not), nor
# Russian «медиа» («Газпром-Медиа», «Рамблер Медиа»), «Эр» joined by a hyphen («Эр-Телеком»:
# letters' names) or a Russian or Turkic name's «йда», «йду» («Гайдар», «Айдар», «Гайдуков»).
_ENGLISH_BY_SOUND = re.compile(
    r"электрик|энерджи|текнолодж\w*|индастри\w*|солюшн\w*|системс|сервисез|интернешнл|"
    r"корпорейшн|моторс|энд",
    re.IGNORECASE,
)
_FOREIGN_SOUNDS = re.compile(
    r"эр|эйр\w*|(?![а-яё]*медиа$)[а-яё]{2,}иа|[а-яё]*[аоеиу]йд(?:е[а-яё]*)?", re.IGNORECASE
)


def spelt_foreign_brand(name: str) -> bool:
    """Whether a company's Cyrillic name spells a foreign brand by its sounds («Нокиа», «Шнайдер
    Электрик», «Эр Ликид»): nothing then makes it Russian but a Russian legal form or seat."""
    words = [
        w
        for w, hyphen in re.findall(r"([А-ЯЁа-яё]+)(-?)", name)
        if ((w[:1].isupper() and not w.isupper() and not _RU_HEADS.match(w)) or w == "энд")
        and not (hyphen and w.lower() == "эр")
    ]
    return any(_FOREIGN_SOUNDS.fullmatch(w) for w in words) or (
        any(_ENGLISH_BY_SOUND.fullmatch(w) for w in words[1:]) and not _russian_word(words[0])
    )


def _russian_word(word: str) -> bool:
    """A common Russian word the dictionary knows («Цифра» of «Цифра Индастри»), no surname,
    given name, place or organisation («Шнайдер», «Сименс»): a Russian firm's brand."""
    parse = morph_vocab().parse(word.lower())[0]
    return (
        bool(parse.is_known)
        and parse.score >= 0.5
        and not ({"Surn", "Name", "Patr", "Geox", "Orgn", "Trad"} & parse.tag.grammemes)
    )
