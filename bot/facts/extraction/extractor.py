"""The extractor: partners, agreements and the partnership flag for one article."""

from __future__ import annotations

import bisect
import itertools
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
from natasha.shape import recover_shape
from rapidfuzz import fuzz

from bot.text.countries import CountryResolver, country_name, nation_of
from bot.text.stems import morph_vocab, to_cyrillic

from . import lexicon as lx
from .learn import Logistic
from .model import PARTNER_KINDS, AgreementFact, ArticleInput, Extraction, PartnerFact
from .names import (
    GENERIC_STEMS,
    MAX_NAME_CHARS,
    abbreviation_of,
    canonical_key,
    describes_only,
    foreign_shaped,
    is_abbreviation,
    is_generic_name,
    is_type_gloss,
    join_broken_hyphen,
    language_country,
    name_tokens,
    names_match,
    russian_nationality_capitalised,
    spelt_foreign_brand,
    without_nationality,
)
from .orgs import (
    HEADLINE_VERBS,
    MAX_NAME_TOKENS,
    Mention,
    RuChunker,
    Tok,
    as_tok,
    en_mentions,
    joint_unit_genitive,
    joint_unit_partner,
    person_word,
)
from .registry import KnownOrg, Registry

_CYR = re.compile(r"[А-Яа-яЁё]")
_ALL_CAPITALS = re.compile(r"[А-ЯЁA-Z]{2,}")
_BARE_LEGAL_FORM = re.compile(r"(?:ПАО|НАО|ОАО|ЗАО|АО|ООО|Ф?ГУП|МУП|АНО|НКО|ФГБУ|ФГБОУ|ФГАОУ)")
# A quoted part of a name, nested quotes included: «Талант и успех», "Zoloto i K".
_QUOTED = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»|\"[^\"]*\"|“[^“”]*”")
# Abbreviated type words of Russian research and industrial bodies, which open a name before
# its quoted part: "ОКБ «…»", "ЦНИИ КМ «…»", "НПП «…»", "НИЦ «…»", "ГНЦ «…»".
_TYPE_ABBR = re.compile(r"(?:[ЦСОГ]?КБ|НОЦ|Ц?НИИ[А-ЯЁ]{0,4}|НП[ПКОФЦ]|НИЦ|ГНЦ|НТЦ)")
# One lower-case word after a name ("Газпром" + " нефть").
_SUBSIDIARY_OF = re.compile(r"дочерн\w+\s")
# The status words of a state's research centres («Государственный научный центр», «Федеральный
# исследовательский центр», «Национальный медицинский исследовательский центр»).
_STATE_CENTRE = re.compile(r"(?:Государственн|Национальн|Федеральн|Всероссийск)\w+$")
# An academy of sciences (or its regional branch) right after a name: its body, not ours.
_ACADEMY_AFTER = re.compile(r"\s+(?:(?:СО|УрО|ДВО)\s+)?(?:РАН|РАО)\b")
_TYPE_QUOTED = re.compile(
    rf"(?<![\w-])(?P<type>{_TYPE_ABBR.pattern}(?:\s+РФ)?)\s+[«\"“](?P<name>[^«»\"“”\n]{{2,100}})[»\"”]"
)
_LOWER_WORD_AFTER = re.compile(r"\s+[a-zа-яё][\w-]*")
# A Russian state body's contracted name: "Росмолодежь", "Минпромторг России", "Госдума".
_RU_CONTRACTED = re.compile(r"(?:Рос|Мин|Гос)[а-яё]{3,}(?:\s+России)?")
# ... and transliterated: "Rosstandart", "Minpromtorg", "Gosstandart" (not "Rostov", "Minsk").
_RU_CONTRACTED_LATIN = re.compile(r"(?:Ros(?!tov)|Min(?!sk)|Gos)[a-z]{3,}")
# One word of Latin capitals (a lower-case letter inside allowed: "KhPU"): a bare code.
_LATIN_CODE = re.compile(r"[A-Z][A-Za-z]{1,7}")
# The type nouns that say a code names an organisation ("the XYZ network", "centre XYZ").
_CODE_TYPES = frozenset(lx.EN_HEADS) - {"group", "forum", "services", "industries", "polytechnic"}
_CODE_TYPE_WORD = "|".join(sorted(w for w in _CODE_TYPES if w.isascii()))
_CODE_TYPE_BEFORE = re.compile(rf"\b(?:{_CODE_TYPE_WORD})\s+$")
_CODE_TYPE_AFTER = re.compile(rf"\s+(?:[\"“«][a-z-]+[\"”»]\s+)?(?:{_CODE_TYPE_WORD})\b")
_CODE_GLOSS = re.compile(r"\s*(?:\(([^()]{4,80})\)|,\s+(?:the|an?)\s+([^,.;()]{4,80}))")
# A body of states or a network of universities of many countries is based in no one country
# of them: with nothing else placing it, it stays unplaced rather than guessed Russian.
_SUPRANATIONAL = re.compile(
    r"\b(?:ЮНЕСКО|UNESCO|ООН|ЮНИДО|UNIDO|МАГАТЭ|IAEA|ЮНИСЕФ|UNICEF|ШОС|БРИКС|BRICS|ЕАЭС|EAEU"
    r"|АСЕАН|ASEAN|АТЭС|APEC|ОЭСР|OECD|ЦЕРН|CERN)\b"
    r"|\b(?:United Nations|European (?:Union|Commission)|Belt ?(?:&|and) ?Road|Silk Road)\b"
    r"|Организаци\w* Объедин[её]нных Наций|Европейск\w* (?:союз|комисси)\w*|Шелков\w* пут\w*"
    r"|\b(?:Network|Alliance|Consortium)\b.{0,80}?\b(?:[Uu]niversit|[Cc]ountries)"
    r"|\b(?:[Uu]niversit\w*|Countries)\b.{0,80}?\b(?:Network|Alliance|Consortium)\b",
)
# ... unless a country is named in it: «Комиссия РФ по делам ЮНЕСКО» is Russia's.
_NATIONAL_BODY = re.compile(r"\b(?:РФ|России|Российск\w*|Russian|Russia)\b")

# A ranking or a contest's places: the universities placed beside the university are its
# competitors («Первые места в рейтинге заняли МФТИ и МГУ, Политех стал третьим»).
# A contest's finalists or winners, a fair's exhibitors (see `lx.FIELD_LISTED`).
_FIELD_LISTED = re.compile(lx.FIELD_LISTED, re.IGNORECASE)
_RANKED = re.compile(
    r"рейтинг\w*|\branking|\branked\b|призов\w* мест|\bтоп-?\d+|\btop-?\d+\b|"
    r"перв\w+ (?:десятк|сотн|пят[её]рк|тройк)\w*|\b(?:first|top) (?:three|five|ten|hundred)\b|"
    + lx.PLACE_TAKEN
    # A comparison of figures: «больше только у МГУ», «уступает лишь МГУ», "second only to
    # MSU", "only MSU and TSU have more".
    + r"|\b(?:больше|меньше)\s+(?:[\w-]+\s+){0,3}(?:только|лишь)\s+у\b"
    r"|\bуступа\w*\s+(?:(?:[\w-]+\s+){0,3})?(?:только|лишь)\b|\bsecond only to\b"
    r"|\bonly\s+(?:[\w.-]+\s+){1,8}(?:have|has|had)\s+(?:more|larger|higher)\b"
    # ... and the other universities a selection or a programme counts: "106 universities will
    # receive grants, including X, Y and Z", «в программу вошли 120 вузов, в том числе X и Y».
    r"|\b\d+\s+(?:[\w-]+\s+)?(?:universities|institutions|вуз\w*|университет\w*)\b[^.;]{0,80}?"
    r"(?:\bincluding\b|\bamong them\b|в том числе|среди них|в их числе)",
    re.IGNORECASE,
)

# A time of its own for a signing told after «С 2006 года» / "Since 2006" («…, а сегодня
# подписали новое соглашение»): the day itself, recent days, a weekday.
_NOW_RU = (
    r"\b(?:сегодня|вчера|позавчера|недавно|на днях|накануне)\b|(?:этой|прошлой|текущей)\s+неделе|"
    r"\bво?\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b"
)
# ... nor many documents signed since then («С 2006 года Политех заключил более 20 соглашений»,
# "Since 2006, SPbPU has signed 30 agreements"): a span of years, no one signing's date.
_MANY_DOCS_RU = re.compile(
    r"[^;]*?(?:\b(?:соглашений|договоров|меморандумов|контрактов)\b|"
    r"\b\d+\s+(?:[\w-]+\s+)?(?:соглашени|договор|меморандум))",
    re.I,
)
_MANY_DOCS_EN = re.compile(
    r"[^;]*?\b(?:agreements|memoranda|memorandums|contracts|treaties|MoUs)\b", re.I
)
_NOW_EN = (
    r"\b(?:today|yesterday|recently|this\s+(?:morning|afternoon)|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)

# A sentence listing a network's members.
_NETWORK_WORD = re.compile(
    r"\b(?:association|network|consortium|union|alliance)\b|"
    r"ассоциаци|\bсет[ьия]\b|\bсетев|консорциум|\bсоюз|альянс",
    re.IGNORECASE,
)
_CONSORTIUM = re.compile(r"консорциум|consortium", re.IGNORECASE)
# The university leading or founding a consortium (not joining one: then the consortium is the
# partner and its other members are not).
_LEADS_CONSORTIUM = re.compile(
    r"(?:координатор|инициатор|руководител|создал|создали|учредил|возглав)\w*\s+"
    r"(?:[\w-]+\s+){0,2}консорциум|консорциум\w*[^.]{0,60}?(?:созда|учрежд)\w*\s+"
    r"(?:по инициативе|на базе)|(?:coordinat|lead|found|establish)\w*\s+(?:[\w-]+\s+){0,3}"
    r"consortium",
    re.IGNORECASE,
)
_MEMBERS = re.compile(
    r"\bmembers?\b(?:\s+\w+){0,3}\s+(?:include|are)\b|\bmembers? of the\s+(?:\w+\s+){0,2}"
    r"(?:association|network|consortium|union|alliance)\b|"
    r"\bчлен\w*\s+(?:\w+\s+)?(?:ассоциаци|сет|консорциум|союз|альянс)\w*|"
    r"(?:входят|вошли)\s+(?:в\s+)?(?:\w+\s+)?(?:ассоциаци|сет|консорциум|союз|альянс)|"
    r"(?:ассоциаци|сет|консорциум|союз|альянс)\w*\s+(?:\w+\s+)?(?:входят|вошли|объединяет)",
    re.IGNORECASE,
)

_MISSION_NAME = re.compile(
    r"\b(?:Embassy|Consulate|Trade Representation|Mission)\b"
    r"|(?:ген)?консульств|посольств|торгпредств|постпредств",
    re.I,
)
# A joint unit of the university and a partner, named after the partner.
_JOINT = re.compile(r"[Сс]овместн\w+\s")
_NUMBERED_SCHOOL = re.compile(r"(?:[Шш]кола|[Лл]ицей|[Гг]имназия) № \d")
# What a sentence says when a school is the university's partner, not a pupil's school.
_SCHOOL_COOP = re.compile(
    r"соглашени|договор|меморандум|сотруднич|партн[её]р|подписал|заключил", re.IGNORECASE
)
# The university's short name joined to a unit's name after it («центр «Альфа» и СПбПУ»).
_OWN_JOINED_AFTER = re.compile(rf"\s+(?:и|при)\s+{lx.OWN_SHORT_WORD.pattern}")
# A body named after the university, in the genitive right after its words: «Ассоциация
# выпускников Политеха», «Фонд целевого капитала СПбПУ». Not a Latin name's "SPbPU" after it.
_NAMED_AFTER_OWN = re.compile(r"\s+(?:Политеха|Политехнического университета|СПбПУ|СПбГПУ)\b")
# ... or with it as the last words of its name: «Эндаумент-фонд Политеха».
_NAMED_AFTER_OWN_END = re.compile(r"\s(?:Политеха|Политехнического университета|СПбПУ|СПбГПУ)$")
_JOINT_PARTNER_KINDS = frozenset({"university", "company", "research"})
_TYPE_WORD = re.compile(r"(?:компания|корпорация|консорциум|концерн|холдинг)\s")
_NATION_SEAT_NAME = re.compile(
    r"(?:the )?(?P<nation>(?:[A-ZА-ЯЁ][a-zа-яё]+-)?[A-ZА-ЯЁ][a-zа-яё]+) "
    r"(?:University (?:in|of) (?:the )?|университет (?:в |во )?)(?P<place>[A-ZА-ЯЁ].*)$"
)
_SEAT_TAIL = re.compile(r"\s+(?:in|в|во)\s+\S.*$")
# A capitalised type word, or one after an adjective, before a quoted name: «Компания «X»» at a
# sentence's start, «Нефтяная компания «X»», «Государственная корпорация «X»». The name is X.
_TYPED_QUOTED = re.compile(
    r"(?:[А-ЯЁ][а-яё-]+(?:ая|ый|ий|ое)\s+(?:компания|корпорация|холдинг)|Компания|Корпорация|"
    r"Госкорпорация|Холдинг|Группа компаний)\s+"
    # (a parent in the genitive between: «Топливная компания Росатома «ТВЭЛ»»)
    r"(?:[А-ЯЁ][а-яё]+(?:а|я|ы|и)\s+)?[«\"“]([^«»\"“”]+)[»\"”]"
)
_LIST_ITEM = r"(?:(?:ПАО|НАО|ОАО|ЗАО|АО|ООО)\s+)?«[^«»]+(?:«[^«»]+»[^«»]*)?»"
_TYPED_LIST = re.compile(
    r"\b(?:компании|предприятия|корпорации|холдинги|заводы|банки)\s+"
    rf"(?P<items>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})+(?:,?\s+и\s+{_LIST_ITEM})?|"
    rf"{_LIST_ITEM}\s+и\s+{_LIST_ITEM})"
)
# Latin letters that look like Cyrillic ones, as typed by mistake inside Russian words
# ("Росcийского" with a Latin "c"); replaced one for one, so offsets do not move.
_HOMOGLYPHS = str.maketrans("aceopxyABCEHKMOPTX", "асеорхуАВСЕНКМОРТХ")
_MIXED_WORD = re.compile(r"\b(?=\w*[А-Яа-яЁё])(?=\w*[A-Za-z])\w+\b")
_LAT = re.compile(r"[A-Za-z]")
_EN_COMPANY = re.compile(
    r"\b(?:[a-z]+ )?(?:company|corporation|holding|concern|manufacturer|producer|carmaker|"
    r"automaker|shipbuilder|firm|JSC|PJSC|OJSC|LLC)\s+"
    r"([A-Z][A-Za-z-]{2,}|[A-Z]{3,})(?![\w-]| [A-Z][a-z])"
)
# A Russian legal form before a name of capitalised words holding no head word: "JSC Baltic
# Turbines", "PJSC Norilsk Nickel" (two to four words; a holder's name may follow).
_EN_LEGAL_RUN = re.compile(
    r"\b(?:JSC|PJSC|OJSC|CJSC|LLC)\s+((?:[A-Z][A-Za-z-]+)(?: [A-Z][A-Za-z-]+){1,5})\b"
)
# A Russian legal form in Latin letters (or a type word) before a quoted name, the outer closing
# mark perhaps merged with a nested name's: 'JSC "Svetlana"', 'FSUE "Krylov Centre"', 'JSC "Concern
# "Granit-Electron"'.
_EN_STATE_FORMS = frozenset({"FSUE", "FSBI", "FSBSI", "FSAEI", "FSBEI"})
_EN_LEGAL_QUOTED = re.compile(
    r"\b(?P<form>JSC|PJSC|OJSC|CJSC|LLC|ANO|"
    + "|".join(sorted(_EN_STATE_FORMS))
    # ... or a type word in lower case: 'the company "Electrosila"', 'the concern "Avrora"'.
    + r"|(?<=the )(?P<type>[Cc]ompany|[Cc]oncern|[Cc]orporation|[Hh]olding|[Pp]lant|[Ee]nterprise"
    r"|[Ss]hipyard))\s+"
    r"[\"“«](?P<name>[A-Z][^\"“”«»\n]{1,59}(?:(?<=\s)[\"“«](?=[A-Z])[^\"“”«»\n]{2,40}"
    r"(?:[\"”»](?=[\"”»]))?)?)[\"”»]"
)
# One capitalised word joined to the university's own name by "and", as its co-subject:
# "Uralkhimmash and SPbPU develop ...", "SPbPU and CentraleSupélec launch ...".
_OWN_EN = r"(?:SPbPU|SPbSTU|SPbSPU|Peter the Great St\.? Petersburg Polytechnic University)"
# A capitalised word with a small letter in it, read without backtracking inside the word (a
# 30,000-letter word would otherwise be tried at every split: quadratic).
_ONE_WORD = r"[A-Z](?=\w*?[a-z])\w*+(?:-[A-Z]\w++)?"
# ... not when the university's name qualifies its own people or parts ("Teachers and SPbPU
# researchers presented ...", "Robotics and SPbPU students won ..."): a noun, no verb, follows.
_OWN_PEOPLE = (
    r" (?:[a-z]+(?:ers|ors|ists|ents|ees|ants|ians|ren|ates)|staff|team|teams|delegation|"
    r"rector|campus|faculty|alumni|scholars|specialists|lab|labs|laboratory|laboratories)\b"
)
# ... and a brand of two or three such words before a lower-case word, a comma or a Title Case
# headline's verb: "SPbPU and Air Liquide sign ...", "SPbPU and Air Liquide Sign Agreement".
_HEADLINE_VERB_AFTER = "|".join(sorted(v.capitalize() for v in HEADLINE_VERBS))
# A person's title or office before the name: "Professor John Smith", "President X Y".
_PERSON_TITLE_EN = (
    r"professor|prof|dr|mr|mrs|ms|sir|president|rector|vice-rector|minister|governor|mayor|"
    r"ambassador|academician|laureate|dean|director|chairman|chancellor|senator|deputy|ceo"
)
# A Title Case headline's words beside the university's name that tell no brand: a first word of
# a field or a quality ("Industry Leaders", "Young Scientists", "Digital Partners") or a last
# word of people ("Chinese Partners", "Industry Leaders"), save a company's own closing word
# ("Kia Motors", "Huawei Technologies", "Siemens Energy").
_HEADLINE_FIELD = re.compile(
    r"industry|business|science|education|research|youth|young|digital|green|smart|future|"
    r"new|leading|top|best|key|joint|arctic|northern|southern|eastern|western|foreign|local"
)
_HEADLINE_PEOPLE = re.compile(
    r"[a-z]+(?:ers|ors|ists|ents|ees|ants|ians|ren|ates)|people|staff|team|teams|faculty|"
    r"alumni|friends|guests|colleagues|youth"
)
_COMPANY_CLOSING = frozenset(
    {"motors", "semiconductors", "brothers", "instruments", "technologies", "industries", "labs"}
)


def _no_brand(name: str) -> bool:
    words = name.lower().split()
    return bool(
        _HEADLINE_FIELD.fullmatch(words[0])
        or re.fullmatch(rf"(?:{_PERSON_TITLE_EN})\.?", words[0])  # "Professor John Smith"
        or (_HEADLINE_PEOPLE.fullmatch(words[-1]) and words[-1] not in _COMPANY_CLOSING)
    )


_COMPANY_APPOSITION = re.compile(
    # (Its head the company word: not "the company's founder", "the head of the company X".)
    r",\s+(?:an?|the)\s+(?:(?!of\b)[\w-]+\s+){0,4}?(?:company|firm|group|corporation|"
    r"manufacturer|producer|holding|concern)\b(?!['’])"
)
# A one-word brand a company word describes right after it ("a licence agreement with Micran, a
# Tomsk-based electronics manufacturer, ..."); the description ends there (not "X, a company
# director": a person).
_APPOSED_BRAND = re.compile(
    r"(?<![\w&'’-])(?P<name>[A-Z](?=\w*?[a-z])\w*+(?:-[A-Z]\w++)?)(?="
    + _COMPANY_APPOSITION.pattern
    + r"(?:[,.;)]|\s+(?:in|from|based|that|which|with)\b))"
)
# A one-word brand joining or backing the university's programme ("Sevmash will join the
# programme", "The programme is backed by Sevmash, ..."; see `lx.JOINS_AFTER_EN`).
_JOINING_BRAND = re.compile(
    rf"(?<![\w&'’-])(?P<name>{_ONE_WORD})(?={lx.JOINS_AFTER_EN.pattern})"
    rf"|\b(?:backed|supported)\s+by\s+(?P<by>{_ONE_WORD})(?=[,.;]|\s+(?:and|which|that)\b)"
)
_ONE_WORD_WITH_OWN = re.compile(
    rf"(?:(?<=[.!?]\s)|(?<=^)|(?<=\n))(?P<a>{_ONE_WORD}) and {_OWN_EN}\b(?!{_OWN_PEOPLE})"
    rf"|\b{_OWN_EN} and (?P<b>{_ONE_WORD}(?: {_ONE_WORD}){{0,2}}?)"
    rf"(?= [a-z]|, | (?:{_HEADLINE_VERB_AFTER})\b)",
    re.MULTILINE,
)
_LEGAL_FORMS_EN = frozenset({"JSC", "PJSC", "OJSC", "CJSC", "LLC"})
# A body named after a person: «Институт Макса Планка по физике плазмы», «Общество
# Фраунгофера»; the person's name (genitive words before a lower-case tail or the end).
_EPONYM_BODY = re.compile(
    r"^(?:Институт|Общество|Фонд|Центр|Университет|Академия|Лаборатория)\s+"
    r"(?P<ep>(?:[А-ЯЁ][а-яё]+\s+){0,2}[А-ЯЁ][а-яё]+)(?=\s+[а-яё]|$)"
)
_EPONYM_BODY_EN = re.compile(
    r"^(?:the\s+)?(?P<ep>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:Institute|Society|Foundation)\b"
)
_NOT_EPONYM = frozenset({"joint", "central", "national", "international", "federal", "state"})
_RUSSIAN_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ской|ой)$")
# Power plants an English text names by their place and kind: nuclear, hydro, thermal.
_PLANT_KINDS = frozenset({"NPP", "HPP", "TPP", "CHPP", "GRES"})
_PLANT_PLACE = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z][a-z]+)*) $")
_NOT_PLANT_PLACE = frozenset({"The", "A", "An", "At", "In", "On", "Of", "Our", "This", "New"})
# Abbreviations of technologies and terms, which name no organisation without a full form.
_TECH_ABBR = frozenset(
    {
        "CNC", "CAD", "CAM", "CAE", "GPU", "CPU", "PLC", "BIM", "ERP", "LED", "LNG", "LPG",
        "HVAC", "MRI", "DNA", "RNA", "PCR", "SQL", "API", "HTML", "GPS", "UAV", "MBA", "STEM",
        "MOOC", "ICT", "ESG", "SDG", "SDGS", "NPP", "HPP", "CHP", "PPE", "CFD", "FEM", "PDF",
        "USB", "RFID", "LIDAR", "CMOS", "FPGA", "ASIC", "VPN", "EUR", "USD", "RUB",
    }
)  # fmt: skip
# A company named before the word for it: "the Baltic Turbine company", "the Severny Press
# corporation" (lower-case word after one to four capitalised ones).
_EN_COMPANY_AFTER = re.compile(
    r"\b[Tt]he\s+((?:[A-Z][\w&'’-]*+\s){0,3}[A-Z][\w&'’-]*+)\s+"
    r"(?:company|corporation|holding|concern|group of companies)\b"
)
# A foreign legal form ending a company's name, and the country the few national ones tell.
_FOREIGN_FORM = re.compile(
    r"(?:Co\.,?\s+Ltd|Ltd|Inc|GmbH|AG|SE|PLC|plc|Corp|S\.A|S\.p\.A|B\.V|Oy|Pte\.?\s+Ltd)\.?$"
)
_FORM_COUNTRY = {"GmbH": "DE", "Oy": "FI", "S.p.A": "IT", "B.V": "NL"}
# A foreign group's Russian company, named so at its end: «Фольксваген Груп Рус», "Schneider
# Electric Rus", «Бош Россия».
_RU_LEGAL_BEFORE = re.compile(r"\b(?:ООО|ОАО|ЗАО|ПАО|АО|НАО)\s*[«\"]?\s*\Z")
_RUSSIAN_ARM = re.compile(r"(?<![\w-])(?:Рус|Rus|Россия|Russia)\W*$")
# A foreign company's legal form after its name: "Baltic Robotics Ltd", "Dahua Machinery Co.,
# Ltd.", "Festo SE", "Bosch GmbH", "Acme Inc." (one to five capitalised words before it).
# Each word is read once from its start (no start after its hyphen, no backtracking in it): a
# run of hyphenated capitals ("Ab-Cd-Ef-…") was tried from every capital, quadratic.
_EN_LEGAL_AFTER = re.compile(
    r"(?<![\w&'’-])((?:[A-Z][\w&'’-]*+\s){0,4}[A-Z][\w&'’-]*+),?\s+"
    r"(?:Co\.,?\s+Ltd\b\.?|Ltd\b\.?|LLC\b|Inc\b\.?|GmbH\b|AG\b|SE\b|PLC\b|plc\b|"
    r"Corp\b\.?|S\.A\.|S\.p\.A\.|B\.V\.|Oy\b|Pte\.?\s+Ltd\b\.?"
    # ... and a Russian form after the name, which is no part of it (as before it): "Power
    # Machines PJSC", "Sevzapenergomontazh, CJSC".
    r"|(?P<ru>JSC|PJSC|OJSC|CJSC)\b)"
)
_EN_NOT_NAME = frozenset({"the", "and", "for", "with", "was", "has", "its", "this"})
# A nationality or a place describing a company right before its name: "the Russian company",
# "a Finnish valve manufacturer", "the Chinese machine-tool firm".
_EN_DESCRIBED_BEFORE = re.compile(
    r"\b(?:the|a|an)\s+([A-Z][\w-]*+)\s+(?:[a-z-]++\s+){0,2}?(?:company|firm|manufacturer|"
    r"producer|corporation|holding|group|concern|enterprise|supplier|developer|startup|maker)"
    r"\s+$"
)
# A sentence's first words before a name, capitalised as first words are: a time or a place
# said first ("In March Baltic Robotics Ltd signed", "Yesterday Nordic Valve Oy opened").
_EN_LEAD_NOT_NAME = frozenset(
    {
        "in", "on", "at", "by", "from", "after", "before", "during", "since", "under", "with",
        "without", "yesterday", "today", "tomorrow", "recently", "earlier", "later", "now",
        "also", "then", "meanwhile", "both", "our", "their", "his", "her", "when", "while",
        "as", "last", "next", "this", "that", "these", "those", "every", "each", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip
# A field or a region said before the word "company", not its name: "the IT company Yadro",
# "the European company Airbus".
_EN_NOT_COMPANY = frozenset(
    {
        "IT", "AI", "IoT", "EdTech", "FinTech", "HighTech", "European", "Asian", "African",
        "Eurasian", "Arab", "Nordic", "Scandinavian", "Western", "Eastern", "Northern",
        "Southern", "International", "Global", "State", "Federal", "National", "Regional",
    }
)  # fmt: skip
# A city's government named in lower case after the city: "the Tomsk city administration".
_EN_CITY_BODY = re.compile(
    r"(?<![\w-])(?!(?:The|This|Our|Its)\b)[A-Z][a-z]+(?:[ -][A-Z][a-z]+)? "
    r"(?:city|municipal|regional) (?:administration|council|government|hall)\b"
    # ... or before it: "the city administration of Linz", "the administration of Pskov".
    r"|(?<![\w-])(?:(?:city|municipal) )?(?:administration|council|government) of "
    # ... a city of two words too ("Saint Petersburg", "Nizhny Novgorod", "St. Petersburg").
    r"(?:the city of )?(?:(?:St\.|Saint|Sankt|Nizhny|Veliky|Velikiye|Novy|Stary) )?[A-Z][a-z]+"
    r"(?![\w-]| [A-Z])"
)
# A line break splits, except a single one inside a sentence (the next line goes on in
# lower case: "Уральский\nфедеральный университет").
_SENT_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[«\"“A-ZА-ЯЁ0-9])|\n+(?![ \t]*[a-zа-яё])|\n{2,}")
# Bounds on untrusted text (a feed page may be anything): the analysis costs grow with a
# sentence's length times the names in it, so no "sentence" is longer than MAX_SENTENCE; a
# longer one is cut at its last clause boundary (";", ",", else a space) before the bound.
# The 221 corpus articles' longest sentence is 783 characters (103 words): 2,000 leaves room.
MAX_SENTENCE = 2000
_CLAUSE_END = re.compile(r"([;,]?)\s+")
# Only so much of an article is read for facts (its text is stored and searched in full): the
# tagger's cost grows with the tokens it reads. The corpus articles run to 3,300 characters
# and 460 tokens, long university news to ~15,000 characters; the bounds leave room for those
# and keep a hostile page (a 20,000-token run of quotes) to ~1 s. The cut falls after the
# last sentence or paragraph break before the bound.
MAX_TEXT = 30_000
MAX_TOKENS = 6_000
_TOKEN = re.compile(r"\w+|[^\w\s]")
# Names read in one article, at most (the corpus's most is 24): features compare each name
# with the others in its sentence and article. A name of more words than MAX_NAME_WORDS (or
# of more than names.MAX_NAME_CHARS characters) is no name (the longest gold name has 16).
MAX_MENTIONS = 120
MAX_NAME_WORDS = 25
# (A word is matched from its start only, "(?<!\w)": tried from every letter of a long run
# of letters, "\w+ и …" is quadratic.)
_BILATERAL = re.compile(
    r"(?:росси[ия]\w* и [А-ЯЁ]\w+|(?<!\w)[А-ЯЁ]\w+ и росси[ия]|russia and [A-Z]\w+|"
    r"(?<!\w)[A-Z]\w+ and russia)",
    re.IGNORECASE,
)
_SPORT = re.compile(
    r"чемпионат|соревновани|медал|турнир|спортсмен|сборн\w+ команд|championship|medal|"
    r"tournament|athlete",
    re.IGNORECASE,
)
# Sentence-final dots that are really abbreviations or initials ("им. Ислама", "А. И. Рудской").
_NO_SPLIT_AFTER = re.compile(
    r"^(?:[A-ZА-ЯЁ]\.|(?:[A-ZА-ЯЁ]\.){2,}|им\.|г\.|гг\.|ул\.|проф\.|акад\.|т\.|д\.|"
    r"St\.|Dr\.|Prof\.|Mr\.|Ms\.|Mrs\.|No\.|vs\.|e\.g\.|i\.e\.)$"
)
_MONTHS_RU = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
_MONTHS_EN = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}


# Not after "labour" («трудовой договор»): the university's contracts with its own staff are
# no cooperation.
_NOT_LABOUR = "".join(
    f"(?<!трудов{end} )" for end in ("ой", "ые", "ого", "ым", "ых", "ому", "ом", "ыми")
)
_TITLE_CUE = re.compile(
    r"сотруднич|соглашени|меморандум|" + _NOT_LABOUR + r"договор|делегац|визит|партн[её]р|совместн|"
    r"cooperat|agreement|memorand|delegation|visit|partner|joint",
    re.IGNORECASE,
)
_OWN_WORD = re.compile(r"СПбПУ|СПбГПУ|Политех|SPbPU|SPbSTU|Polytech|университет\w* Петра")
# Plain lower-case words closing a name ("... китайских коллег").
_LOWER_WORD = re.compile(r"[a-zа-я]+")
_UNIVERSITY_END = re.compile(r"(?:университет|институт|university|institute)\w*$", re.IGNORECASE)
_POLYTECH = re.compile(r"politec|polytech|политехн", re.IGNORECASE)
# The shapes of a unit named by fields: the head first ("Institute of Civil Engineering",
# "Center for ..."), or fields joined by "and" before it ("Laser and Welding Laboratory"). A
# capitalised word alone before the head may be a person or a name ("Max Planck Institute
# for ...", "Weizmann Institute of Science"), so that shape is left alone.
_FIELDS_UNIT = re.compile(
    r"(?:the\s+)?(?:institute|laboratory|lab|cent(?:er|re)|department|office|school|college|"
    r"faculty)\b.*|[^,]*\s(?:and|&)\s[^,]*\s(?:institute|laboratory|lab|cent(?:er|re)|"
    r"department|office|school|college|faculty)",
    re.IGNORECASE,
)
# What tells whose a unit is, or that it is no unit: a parent body, a research institute, a
# quoted or personal name.
_NOT_BARE_UNIT = re.compile(
    r"universit|academ|ministr|government|compan|corporat|hochschule|politec|polytech|"
    r"research\s+institute|named\s+after|[«\"“”]"
    # ... or a region: "Institute of the Pacific", "University of the Arctic".
    r"|\bof\s+the\s+[a-z]+ic$",
    re.IGNORECASE,
)
# (Not «в»: «представители X в Китае», «делегация X в Китай» tell where people are or go.)
# A lower-case type word and a quoted name after it: «университет «Газпром»».
# ... or unquoted: «для университета Газпром остаётся стратегическим партнёром».
_HEAD_QUOTED = re.compile(
    r"(?:университет|институт|академия)\s+(?:[«\"“„]([^«»\"“”„]+)[»\"”“]"
    r"|([А-ЯЁA-Z][\w-]+(?:\s+[А-ЯЁA-Z][\w-]+)?))"
)
# The word (and a type word after it) just before a name: «китайской компанией» of Y.
_WORD_BEFORE = re.compile(r"(\w+(?:\s+\w+)?)\s*[«\"“]?\s*$")
_IN_COUNTRY = re.compile(r"\s+(?:in|from|из)\s+(?:the\s+)?([A-ZА-ЯЁ][\w-]+)")
_EVENT_NAME = re.compile(
    r"\b(?:school|forum|conference|olympiad|contest|competition|summit|festival|congress|"
    r"week|expo|exhibition|fair|seminar|symposium|workshop|championship|rankings?|award|prize|"
    r"форум\w*|конференци\w*|олимпиад\w*|конкурс\w*|фестивал\w*|съезд\w*|школ[аы]|"
    r"недел[яию]|выставк\w*|ярмарк\w*|семинар\w*|симпозиум\w*|чемпионат\w*|рейтинг\w*|"
    r"преми[яию])\b",
    re.IGNORECASE,
)
# The university's full names, folded, for near misses ("Санкт-Петербурский политехнический").
_OWN_FULL = (
    "санкт-петербургский политехнический университет петра великого",
    "санкт-петербургский политехнический университет",
    "петербургский политехнический университет",
    "peter the great st petersburg polytechnic university",
    "st petersburg polytechnic university",
)
# Between two items of a list: "X, Y и Z", "X and Y".
# An excerpt that ends a sentence, and what may stand between a cut name and the cut.
_COMPLETE_END = re.compile(r"[.!?…»\"”)\]]$")
_CUT_TAIL = re.compile(r"\s?\w{0,3}")
# A name ending in the person it is named after, initials or a given name, then a surname in the
# genitive ("им. А. Н. Туполева", "имени Ислама Каримова"): whole even where the excerpt stops
# right after it, since what a cut would lose comes after the surname.
# A named-after tail right after an abbreviation: which of the universities sharing it.
_EPONYM_AFTER = re.compile(
    r"\s+(?:им\.|имени)\s*(?:(?:[А-ЯЁ]\.\s*){1,3}[А-ЯЁ][а-яё-]{2,}|"
    # ... or a given name and a surname, both in the genitive: «имени Патриса Лумумбы».
    r"[А-ЯЁ][а-яё-]{2,}(?:\s+[А-ЯЁ][а-яё-]{2,}(?:а|я|ы|и|ой|ого)\b)?)"
)
# A school's abbreviation (a university's, an academy's, an institute's), which a genitive
# complement may follow as part of the name: «РГУ нефти и газа», «СибГУ путей сообщения».
_SCHOOL_ABBR = re.compile(r"[А-ЯЁ][А-ЯЁа-яё]{0,6}(?:У|А|И)(?:ПС)?")
# Nouns that follow a school's abbreviation in the genitive as no part of its name.
_NOT_A_COMPLEMENT = frozenset(
    {
        "год",
        "месяц",
        "неделя",
        "день",
        "время",
        "лето",
        "студент",
        "сотрудник",
        "ректор",
        "выпускник",
        "делегация",
        "представитель",
        "кафедра",
        "факультет",
        "институт",
    }
)
# A capitalised word right after a Latin abbreviation: a city that may complete its name.
_NEXT_CAP_WORD = re.compile(r" ([A-Z][a-z]{2,})\b(?![-'’])")
# An abbreviation (hyphenated parts allowed) with the person it is named after.
_ABBR_EPONYM = re.compile(
    r"(?<![\w-])([А-ЯЁ][А-ЯЁа-яё]{0,8}[А-ЯЁ](?:-[А-ЯЁ]{2,6})?)(?=\s+(?:им\.|имени)\s)"
    + _EPONYM_AFTER.pattern
)
_NAMED_AFTER_END = re.compile(
    r"\b(?:им\.|имени)\s+(?:(?:[А-ЯЁ]\.\s*){1,2}|[А-ЯЁ][а-яё]+\s+)[А-ЯЁ][а-яё]{2,}(?:а|я|ой)$"
)
# A legal form opening the next item of a list ("..., АО «X» и ООО «Y»").
_ITEM_FORM = r"(?:(?:ПАО|НАО|ОАО|ЗАО|АО|ООО|ФГУП|ГУП|АНО)\s+)?"
# Between two items of one enumeration: a bracketed country or city may follow an item, and
# an item may open with the article, capitalised when it is part of the name ("The X Organization").
_LIST_ITEM_GAP = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:[»\"”)]\s*)?(?:,|;|и|and|,\s*and|, а также)\s*"
    r"(?:[Tt]he\s+)?" + _ITEM_FORM + r"(?:[«\"“(]\s*)?"
)
# A rejected candidate listed with an accepted one of its kind is accepted too unless the
# partner model all but rules it out (a chunk gone wrong, a person's name).
LIST_CUT = 0.1
_LIST_GAP = re.compile(
    r"\s*(?:[»\"”)]\s*)?(?:,|;|и|and|,\s*and|, а также)\s*" + _ITEM_FORM + r"(?:[«\"“(]\s*)?"
)
# The subject of a cooperation agreement, which makes a "contract" an agreement.
_COOP_SUBJECT = re.compile(r"сотрудничеств|cooperation|collaboration|partnership", re.I)
# After a document word: an accord reached, not a paper signed.
_ACCORD = re.compile(r"\s+(?:(?:were|was|have been|has been)\s+)?reached|\s+достигнут", re.I)
# Before a document word: a document other than the one already named.
_ORDINAL = re.compile(
    r"\b(?:first|second|third|another|next|перв\w+|втор\w+|треть\w+|ещё одн\w+|еще одн\w+)"
    r"(?:\s+[\w-]+){0,3}\s+$",
    re.I,
)
# Players, captains or teams as the ones who sign: a pact of a game, not of organisations.
_PLAYERS_SIGN = re.compile(
    r"\b(?:капитан|игрок|болельщик|команд|сборн|captain|player|team|fans)\w*"
    r"(?:\s+[\w-]+){0,6}?\s+(?:подписал\w*|заключил\w*|signed)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_LABOUR = re.compile(r"\b(?:labou?r|employment|трудов\w+)\s+$", re.I)
# A sentence about "the document" just named, in the singular ("Документ подписан ...",
# "The document was signed ...").
_THE_DOCUMENT = re.compile(
    r"\s*(?:(?:этот|данный|указанный|the|this)\s+)?(?:документ|document)\b", re.I
)
# A state's mission named in Russian: its kind, the state (genitive), its seat.
_MISSION_EN = {
    "посольство": "Embassy",
    "генеральное консульство": "Consulate General",
    "генконсульство": "Consulate General",
    "консульство": "Consulate",
    "торговое представительство": "Trade Representation",
    "торгпредство": "Trade Representation",
    "постоянное представительство": "Permanent Mission",
    "постпредство": "Permanent Mission",
}
_MISSION_RU = re.compile(
    r"(?P<kind>(?i:генеральное консульство|торговое представительство|постоянное "
    r"представительство|посольство|генконсульство|консульство|торгпредство|постпредство))"
    r"\s+(?P<state>[А-ЯЁ][^,«»\"()]*?)(?:\s+(?:в|во)\s+(?P<seat>[А-ЯЁ][\w-]*(?:\s+[А-ЯЁ][\w-]*)?))?"
)
# A future tense: the act is yet to come ("will be formally signed", «будет подписан»).
_FUTURE = re.compile(r"\b(?:will|shall|будет|будут)\b", re.I)
# A state's type word before its name ("of the Republic of Uzbekistan", «Республики Узбекистан»):
# the registry may know the name without it.
_STATE_TYPE = re.compile(r"\b(?:the\s+)?Republic\s+of\s+(?:the\s+)?|\bРеспублики\s+(?=[А-ЯЁ])")
# Before a document word: the one already named ("the agreement", "данное соглашение").
_ANAPHORA = re.compile(
    r"\b(?:the|this|that|these|данн\w+|эт(?:о|от|ого|ом|им|а|у|и)|указанн\w+|подписанн\w+)"
    r"\s+$",
    re.I,
)


# Bilingual cue families for the partnership classifier. Cooperation: what the guidelines call
# a partnership (a document signed, a delegation, a joint programme or centre, a partner named).
# The university and another organisation as one subject («Политех и X провели …», "X and
# SPbPU launched …"): a joint act, whatever its verb. Case-sensitive: a name follows or precedes.
_OWN_SUBJECT = (
    r"(?:(?<!ский )(?<!ского )(?<!ском )(?<!ским )(?<!ской )(?<!ый )(?<!ого )"
    r"(?:Политех(?:а|у|ом|е)?\b|Политехническ\w+ университет\w*)|СПбПУ|СПбГПУ|SPbPU|SPbSTU|"
    r"Polytech\b|Polytechnic University)"
)
# A name that shares the subject with the university of a verb of launching: "X and SPbPU
# launched a course", "X's research centre and Polytech have opened a laboratory".
_CO_SUBJECT_LAUNCH_EN = re.compile(
    r"(?:['’]s?(?:\s+[\w-]+){1,3})?\s+and\s+(?:the\s+)?"
    + _OWN_SUBJECT
    + r"\s+(?:have\s+|has\s+|will\s+)?(?:jointly\s+)?(?:launch|open|creat|set up|establish|"
    r"develop|organi[sz]|h[oe]ld|host)\w*\b"
)
_WITH_OWN = (
    r"(?-i:\s(?:и|and)\s+(?:the\s+)?"
    + _OWN_SUBJECT
    + "|"
    + _OWN_SUBJECT
    + r"\s+(?:и|and)\s+(?:the\s+)?[«\"A-ZА-ЯЁ])"
)
# Industrial cooperation told without "cooperation": work commissioned by a company, a company's
# chair at the university («базовая кафедра»), targeted training, a company's key university
# («опорный вуз»), students' practical training or internships at a company. Not the bare words
# («практика», «стажировка», «заказчик», «НИР»): the university's own practice, its staff's
# internships and its own building works use them too.
_UNIVERSITY_RU = r"(?:университет|вуз|кафедр|лаборатори|институт|факультет|политех|спбпу)"
_UNIVERSITY_EN = r"(?:universit|department|lab|institute|faculty|chair|SPbPU|Polytech)"
_EQUIPMENT_RU = r"(?:оборудовани|стенд|станк|прибор|тренаж)"
_COMPANY = r"(?:предприяти|завод|комбинат|верф|компани|корпораци|концерн|банк|холдинг)"
# An outside body that sets the university a task: a company, a state body, a fund or a name.
_BODY = (
    r"(?:предприяти|завод|комбинат|верф|компани|корпораци|концерн|банк|холдинг|министерств|"
    r"ведомств|правительств|администрац|комитет|служб|агентств|фонд|заказчик)"
)
_INDUSTRY = (
    lx.INDUSTRY_ACTS_RU
    # ... an internship (not the staff's own training «в центре повышения квалификации»)
    + r"|стажировк\w*+(?! (?:в|на) (?:[\w-]+ ){0,2}повышени)"
    + r"|по заявке|по заказу|commissioned by|"
    + lx.ORDERS_EN
    + r"|базов\w+ кафедр|целев\w+ (?:обучени|подготовк)|"
    r"targeted training|опорн\w+ (?:вуз|университет)|производственн\w+ практик|"
    r"(?:практик|стажировк)\w* (?:на|в) (?:[\w-]+ ){0,2}"
    + _COMPANY
    + r"|internships? (?:at|with) (?:the |a )?"
    r"(?:company|companies|plant|enterprise|factory|corporation|shipyard|bank)|"
    # ... and equipment handed over to the university («завод передал кафедре стенд»): the
    # university or its unit receives it (not «вуз передал студентам оборудование»).
    r"передал\w*\s+(?:[\w-]+\s+){0,2}"
    + _UNIVERSITY_RU
    + r"\w*\s+(?:[\w-]+\s+){0,2}"
    + _EQUIPMENT_RU
    + r"|передал\w*\s+(?:[\w-]+\s+){0,3}"
    + _EQUIPMENT_RU
    + r"\w*\s+(?:[\w-]+\s+){0,2}"
    + _UNIVERSITY_RU
    + r"|(?:donated|handed over|transferred)\s+(?:the |a |an )?(?:[\w-]+\s+){0,2}"
    r"(?:equipment|benches?|machines?|simulators?|devices?|instruments?)\s+to\s+"
    r"(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}"
    + _UNIVERSITY_EN
    # ... and work an outside body sets: on its terms of reference, its tasks or its request
    # («по техническому заданию предприятия», «проекты по задачам «X»»), the university chosen
    # as a programme's operator or a work's contractor, its experts engaged for a task
    # («правительство привлекло специалистов университета к разработке …»), something provided
    # to the university («предоставила университету двигатели»); not the state assignment
    # («по государственному заданию»), nor the university's own staff or students engaged.
    + r"|по (?:техническ\w+ )?(?:задани|задач|запрос)\w* (?:(?:[\w-]+ ){0,2}"
    + _BODY
    + r"|(?-i:[«\"A-ZА-ЯЁ]))"
    + r"|(?:выбрал\w*|определил\w*|назначил\w*|стал\w*|станет)\s+(?:[\w-]+\s+){0,3}"
    r"(?:оператор|исполнител)\w*\s+(?:[\w-]+\s+){0,2}(?:программ|проект|работ|контракт|заказ|"
    r"нир|ниокр|научно-|опытно-)"
    r"|(?:chose|selected|appointed|named|became)\s+(?:[\w-]+\s+){0,4}(?:as\s+)?(?:the\s+|an?\s+)?"
    r"(?:[\w-]+\s+)?(?:operator|contractor)"
    r"|привлек\w*\s+(?:[\w-]+\s+)?(?:специалист|уч[её]н|эксперт|университет|вуз|политех|спбпу)"
    r"\w*\s+(?:[\w-]+\s+){0,4}к\s+(?:разработк|работ|участи|проект|подготовк|реализаци|"
    r"выполнени|оценк|экспертиз|создани)"
    r"|(?:engaged|involved|invited|brought in)\s+(?:[\w-]+\s+){0,4}(?:experts?|specialists?|"
    r"scientists?|researchers?|universit\w*|SPbPU|Polytech\w*)\s+(?:[\w-]+\s+){0,4}to\s+"
    r"(?:develop|design|prepare|assess|carry|conduct|help|take part)"
    r"|предостав\w+\s+(?:[\w-]+\s+){0,2}(?:университету|вузу|политеху|спбпу|кафедре|институту)"
    r"\b|provided (?:the )?(?:university|SPbPU|Polytech\w*)(?: \w+)? with"
    # ... and the university's work done at a company's site («испытания на полигоне компании»,
    # «производство на мощностях предприятия»).
    r"|(?:на|в) (?:полигон|мощност|площадк|баз[еа]|цех)\w* (?:[\w-]+ ){0,2}"
    + _COMPANY
    + r"|at (?:the |a )?(?:company|plant|enterprise|corporation)(?:'s)? (?:site|facilit|test|"
    r"premises|proving)"
    # ... and a task given or proposed to the university by someone other than its rector
    # («комитет поручил Высшей школе транспорта разработать …», «губернатор предложил
    # университету открыть филиал»).
    r"|(?<!ректор )(?:поручил|предложил)\w*\s+(?:[\w-]+\s+){0,2}(?:университету|вузу|политеху|"
    r"спбпу|школе|институту|кафедре|уч[её]ным|специалистам)\b"
    # ... or asked of it ("the committee has asked SPbPU to draft …", «обратились к университету»,
    # «попросили Политех»), and the university chosen as a body's venue for a programme.
    r"|\bask(?:ed|s)?\s+(?:the\s+)?(?:SPbPU|Polytech\w*|universit\w+)\s+to\b|обратил\w*\s+"
    r"(?:с\s+[\w-]+\s+)?к\s+(?:[\w-]+\s+)?(?:университет|вуз|политех|спбпу)|попросил\w*\s+"
    r"(?:[\w-]+\s+)?(?:университет|вуз|политех|спбпу)|выбрал\w*\s+(?:[\w-]+\s+){0,3}площадк"
)
# A common project, programme or study («общий проект», "a common research programme").
_SHARED = (
    r"общ(?:ий|его|ем|ему|им|ие|их|ими|ую|ая|ей)\s+(?:[\w-]+\s+)?(?:проект|программ|"
    r"исследовани|лаборатори)|common (?:[\w-]+ )?(?:project|programme|program|research)"
)
# People of the university and of another organisation as one subject («инженеры Политеха и
# кардиологи Центра имени …», "researchers of SPbPU and doctors of the X Centre"): the two
# organisations work together. Not its students or lecturers (its own people).
_PEOPLE = (
    r"(?:уч[её]н|инженер|специалист|сотрудник|исследовател|эксперт|разработчик|конструктор|врач|"
    r"медик|кардиолог|биолог|химик|физик|геолог|экономист|researchers?|scientists?|engineers?|"
    r"specialists?|experts?|doctors?|physicians?)"
)
_STAFF_OF_BOTH = (
    _PEOPLE
    + r"\w*\s+(?:[\w-]+\s+)?(?:of\s+|from\s+)?(?:the\s+)?"
    + r"(?-i:Политех\w*|СПбПУ|SPbPU|Polytechnic)\w*(?:\s+университет\w*|\s+University)?"
    + r"\s+(?:и|and)\s+"
    + _PEOPLE
    + r"\w*\s+(?:of\s+|from\s+|at\s+)?(?:the\s+)?(?-i:[«\"A-ZА-ЯЁ])"
    # ... or an organisation and the university's people («Администрация района и специалисты
    # Политеха реализуют …»): a name (a capital or a closing quote) right before the «и». The
    # word is read once from its start (a lookahead for its capital, then all of it, possessive):
    # tried from every capital of a long word without a space, it was quadratic.
    + r"|(?:(?<![\w-])(?=[\w-]*?(?-i:[A-ZА-ЯЁ]))[\w-]++|[»\"”])\s+(?:и|and)\s+"
    + _PEOPLE
    + r"\w*\s+(?:[\w-]+\s+)?(?:of\s+|from\s+)?(?:the\s+)?(?-i:Политех|СПбПУ|SPbPU|Polytechnic)"
)
# A joint project of a university and a company under the government's decree no. 218 (the
# subsidy is the pair's, not a grant won alone).
_DECREE_218 = (
    r"постановлени\w+\s+(?:[\w-]+\s+){0,3}№\s*218\b|(?:resolution|decree)\s+(?:no\.\s*)?218\b"
)
_OFFICIAL = (
    r"(?:губернатор|министр|замминистр|заместител|глав|руководств|руководител|президент|ректор|"
    r"директор|генеральн|председател|представител|делегаци|посл[оа]м|консул|мэр)"
)
# Bodies of the university's own people: a meeting with their chair is no outside talk.
_NOT_INTERNAL = (
    r"(?!\w*\s+(?:[\w-]+\s+)?(?:студенческ|студсовет|обучающ|профсоюзн|профком|ветеран|"
    r"молод[её]жн|уч[её]н\w+ совет|объедин[её]нн))"
)
_OFFICIAL_EN = (
    r"(?:governor|minister|deputy|heads?\b|leadership|management|president|rector|director|"
    r"chair|representatives|delegation|ambassador|consul|mayor|CEO)"
)
# "Together with" an outside party (a name, partners, colleagues, a company's engineers, a
# ministry) and "working together" are "jointly" said another way; not «вместе с тем»
# ("however"), nor students together with their lecturers (plain university news).
_TOGETHER = (
    r"вместе со?\s+(?:(?-i:[«\"A-ZА-ЯЁ])|коллег|партн[её]р|представител|специалист|инженер|уч[её]н|"
    r"сотрудник|компани|предприяти|завод|университет|вуз|институт|министерств|правительств|"
    r"администрац|организаци|друг\w* (?:вуз|университет))|работа\w* вместе|вместе работа|"
    r"together with (?:the |its |other |leading )?(?:(?-i:[A-Z])|partners?\b|colleagues|"
    r"representatives|specialists|engineers|researchers|scientists|employees|compan|universit|"
    r"institut|ministr|government|organi[sz]ation)|work\w* together"
)
# A name ending with its academy: one of the Academy of Sciences' institutes or centres.
# The university's possessive opening a name ("Polytechnic's Department of …", "SPbPU's …").
_OWN_POSSESSIVE = re.compile(r"(?:the\s+)?(?:SPbPU|SPbSTU|Polytechnic|Polytech)['’]s?\s", re.I)
# A quoted name closing a name («… университет «Стартовые комплексы»»).
_QUOTED_END = re.compile(r"\s*«[^«»]*(?:«[^«»]*»[^«»]*)*»$|\s*\"[^\"]*\"$")
# An occasion told by its sponsors («генеральным спонсором выступила …», "sponsored by").
_SPONSORED = re.compile(r"спонсор|sponsor", re.IGNORECASE)
# ... unless a body organised it with the university: a co-organiser cooperates.
_CO_ORGANISED = re.compile(
    r"соорганизатор|организ\w+\s+совместно|co-?organi[sz]|"
    r"(?:organi[sz]ed|held|hosted)\s+(?:jointly|together)\s+with",
    re.IGNORECASE,
)
_ACADEMY_END = re.compile(
    r"(?:(?-i:\bРАН|\bRAS)|академии наук|academy of sciences)\W*$", re.IGNORECASE
)
# An outside body's people at work in the university's teaching or research: its engineers lead
# the classes, its doctors took part in the development, its specialists work in the labs beside
# the students («Занятия ведут инженеры ПАО «X»», «инженеры компании стали наставниками», «его
# инженеры руководят курсовыми проектами», «врачи центра участвовали в разработке»). The people
# are a body's (a name, a body word or a pronoun beside them), not the university's own staff;
# the verb sets them to work, not in an audience or a list of attendees.
_OUTSIDE_PEOPLE = (
    r"(?:(?<!\w)(?:его|е[её]|их)\s+(?:инженер|специалист|сотрудник|эксперт|врач|конструктор)\w*|"
    r"(?<!\w)(?:врач|медик)[\w-]*|"
    r"(?:инженер|специалист|сотрудник|эксперт|врач|диспетчер|реставратор|конструктор)[\w-]*\s+"
    r"(?:[\w-]+\s+){0,3}?(?:(?-i:[«\"]|[ПЗО]?АО\b|ООО\b|ФГУП\b|ГУП\b)|компани|завод|предприяти|"
    r"комбинат|концерн|корпораци|госкорпораци|верфи|банка|агентств|музе|министерств|комитет|"
    r"холдинг|ведомств|котор|\s{3,}\S))"
)
# The university's people named with it or its unit («учёные Института энергетики»,
# «специалисты Политеха», «преподаватели кафедры»).
_OWN_PEOPLE_RU = (
    r"(?<!\w)(?:уч[её]н|преподавател|аспирант|исследовател|сотрудник|специалист|инженер|физик|"
    r"математик|программист)\w*\s+(?:[\w-]+\s+){0,3}?(?:политех|спбпу|университет|вуз|"
    r"институт|высш\w+\s+школ|кафедр|лаборатори)"
)
_AT_WORK = (
    # (Not guides: «экскурсию провели сотрудники музея» is a visit, no work together.)
    r"(?<!\w)(?:вед[уё]т|вели\b|руковод|чита[юл]|(?<!экскурсию )(?<!экскурсии )"
    r"(?:провод|провед|провел|провёл)\w*(?!\s+(?:[\w-]+\s+)?экскурси)|наставник|обуча|"
    r"консультир|смонтир|проверя|оценива|помога|помогл|участвова\w* в (?:разработк|создани|"
    r"испытани|подготовк|проект)|работа\w* (?:[\w-]+ ){0,4}вместе|вместе со? (?:аспирант|студент|"
    r"уч[её]н|преподавател)|и (?:уч[её]н|преподавател|аспирант|исследовател))"
)
# ... the second half told by a deed (made, computed, tested), not an opinion of the first («а
# специалисты завода уже проявили интерес», «а специалисты компании сомневаются»).
_HALF_DONE = (
    r"(?=[^.!?]{0,80}?(?<!\w)(?:выполн|изготов|изготавл|собра|собира|провел|провёл|испыта|"
    r"рассчита|разработа|построи|смонтир|сдела|подготови|созда|спроектир|внедр|написа|налади|"
    r"выпусти|отвеча\w*\s+за|взял\w*\s+на\s+себя))"
)
# ... or the university's scientists and a body's people as one team («коллектив учёных
# института и инженеров АО «X»»).
_STAFF_AT_WORK = (
    _OUTSIDE_PEOPLE
    + r"[^.!?]{0,150}?"
    + _AT_WORK
    + "|"
    + _AT_WORK
    + r"[^.!?]{0,80}?"
    + _OUTSIDE_PEOPLE
    + r"|(?:уч[её]н|преподавател|аспирант|исследовател)\w*\s+(?:[^.!?]{0,80}?\s)?и\s+"
    + _OUTSIDE_PEOPLE
    # ... or each side's people doing its half of one work («расчёт выполнили учёные Института
    # энергетики, а изготовили машину специалисты завода»).
    + "|"
    + _OWN_PEOPLE_RU
    + r"[^.!?]{0,80}?,\s+а\s+"
    + _HALF_DONE
    + r"[^.!?]{0,60}?"
    + _OUTSIDE_PEOPLE
    + "|"
    + _OUTSIDE_PEOPLE
    + r"[^.!?]{0,80}?,\s+а\s+"
    + _HALF_DONE
    + r"[^.!?]{0,60}?"
    + _OWN_PEOPLE_RU
)
# The university and a body, each by its type word, as one subject of a verb («университет и
# предприятие разработали программу», «центр и университет составили …»); or a named body and a
# unit of the university named with it («Комитет … и Высшая школа физики СПбПУ»).
_BODY_WORD = (
    r"(?:предприятие|завод|компания|центр|комитет|агентство|музей|корпорация|концерн|комбинат|"
    r"администрация|министерство|фонд|банк|верфь)"
)
_PAIRED = (
    r"(?<!\w)(?:университет|вуз|политех|кафедра)\s+и\s+" + _BODY_WORD + r"\s+(?:[\w-]+\s+){0,2}?"
    r"[\w-]+(?:ли|ют|ят|ут)\b|(?<!\w)" + _BODY_WORD + r"\s+и\s+(?:университет|вуз|политех)\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]+(?:ли|ют|ят|ут)\b|(?<!СПбПУ)(?<!Политеха)\s+и\s+(?-i:Высшая\s+"
    r"школа|[А-ЯЁ][\w-]+(?:ый|ий|ой)\s+институт|Институт)\b(?:\s+[\w-]+){0,5}?\s+(?-i:СПбПУ|Политеха)\b"
)
# Tasks the university's students or staff received from a body («темы работ магистранты
# получили на АО «X»», «команда получила реальный объект от компании»): the body sets the work.
_SET_BY_BODY = (
    r"(?<!\w)получил\w*\s+(?:[\w-]+\s+){0,2}(?:тем[уыа]?|задани|задач|кейс|объект)\w*\s+"
    r"(?:[\w-]+\s+){0,2}(?:от|на|в)\s+(?:(?-i:[«\"A-ZА-ЯЁ])|компани|предприяти|завод|комбинат|"
    r"концерн|верф|заказчик|партн[её]р)|(?<!\w)(?:темы|задани[яе]|задачи|кейсы)\s+(?:[\w-]+\s+){0,3}"
    r"получил\w*\s+(?:от|на|в)\s+(?:(?-i:[«\"A-ZА-ЯЁ])|компани|предприяти|завод|комбинат|концерн|верф)"
)
# The university's help to a body, named in the dative («помогут заводу перейти на …», «помогли
# администрации района», «помогут Карелии»): work done for it, like work it orders.
_HELPS_BODY = (
    r"(?<!\w)помо(?:жет|гут|гли|гла|г|гает|гают|чь)\s+(?:[\w-]+\s+){0,2}?(?:заводу|компании|"
    r"предприятию|предприятиям|комбинату|концерну|корпорации|верфи|министерству|ведомству|"
    r"администрации|правительству|комитету|региону|музею|(?-i:[«\"]|[ПЗО]?АО\b|ООО\b|[А-ЯЁ]))"
)
# A body's centre or laboratory created at the university («центр создан агентством на базе
# университета», «на базе Политеха открылся учебный центр компании»).
_AT_OUR_BASE = (
    r"(?:созда|откры)\w*\s+[^.!?]{0,100}?на базе (?:университет|политех|спбпу|вуз)|"
    r"на базе (?:университет|политех|спбпу|вуз)\w*\s+[^.!?]{0,40}?(?:созда|откры)"
)
# A sentence that shows a body at work with the university without the usual words (its people
# teaching or mentoring, the body and the university as one subject, its centre at the
# university, tasks it sets, the university's help to it): a cue for a name in it, like the
# words of `lx.COOP_RU` (read unmasked, see `_rows`).
_TOLD_AT_WORK = re.compile(
    _STAFF_AT_WORK
    + "|"
    + _PAIRED
    + "|"
    + _AT_OUR_BASE
    + "|"
    + _SET_BY_BODY
    + "|"
    + _HELPS_BODY
    # ... and the university chosen for a body's work («выбор пал на Политех»).
    + r"|выбор\s+(?:[\w-]+\s+)?пал\s+на\s+(?:политех|университет|вуз|спбпу)",
    re.IGNORECASE,
)
_STAFF_AT_WORK_RE = re.compile(_STAFF_AT_WORK, re.IGNORECASE)


def _not_partner_title(title: str) -> bool:
    """A headline of news that is no cooperation (a grant won, a ranking, a prize), unless it
    names the winners as one team of the university's people and a body's («Учёные и инженеры
    «X» получили грант»): a grant won together."""
    return bool(lx.NOT_PARTNER_TITLE.search(title)) and not _STAFF_AT_WORK_RE.search(title)


_COOP_FAMILIES = {
    "coop": r"сотрудничеств|сотруднича|партн[её]р|взаимодейств|cooperat|collaborat|partner|"
    + _WITH_OWN
    + "|"
    + _INDUSTRY,
    "doc": r"соглашени|меморандум|" + _NOT_LABOUR + r"договор|agreement|memorand|\bmou\b|"
    r"(?<!labour )(?<!labor )(?<!employment )contract",
    "sign": r"подписа|заключ(?:ил|ен|ён)|signed|signing|concluded",
    # ... and talks held as a meeting with an official or an organisation's head ("met with
    # the governor", «встретился с руководством завода», «рабочая встреча»), not with students.
    "delegation": r"делегаци|визит|переговор|delegation|\bvisit|talks|negotiat|"
    r"встретил\w*\s+с\s+"
    + _OFFICIAL
    + _NOT_INTERNAL
    + r"|\bmet with (?:the |a )?"
    + _OFFICIAL_EN
    + "|"
    r"рабоч\w+ встреч|working meeting|"
    # ... and a visit told by its verb with the officials or representatives who made it
    # («Политех посетили представители министерства», «губернатор посетил завод»).
    r"(?:представител|руководител|руководств|губернатор|министр|замминистр|заместител)\w*"
    r"(?:\s+[\w-]+){0,8}?\s+(?:посетил|побывал)\w*|(?:посетил|побывал)\w*\s+(?:[\w-]+\s+){0,4}?"
    r"(?:представител|руководител|руководств|губернатор|министр|замминистр|заместител)",
    # Plans the sides agreed on or joint projects and prospects they discussed («договорились о
    # подготовке кадров», «обсуждались проекты университета в регионе», "agreed to prepare a
    # double degree"): talks that reached something, with or without a document.
    "agreed": r"договорил\w+|(?<!dis)agreed (?:to|on|that|upon)|наметили|"
    r"по итогам (?:[\w-]+ )?(?:встречи|визита|переговоров)|following the (?:meeting|visit|talks)|"
    r"(?:обсудили|обсуждались|обсуждали) (?:[\w-]+ ){0,3}(?:перспектив|возможност|сотруднич|"
    r"взаимодейств|совместн|проект)|discussed (?:the )?(?:[\w-]+ ){0,2}(?:prospects|possibilit|"
    r"opportunit|cooperation|collaboration|joint)",
    "joint": r"совместн|\bjoint\b|" + _SHARED + "|" + _STAFF_OF_BOTH + "|"
    r"индустриальн\w+ партн[её]р|industrial partner|софинансир|"
    r"co-?financ|co-?fund|сетев\w+ программ|двойн\w+ диплом|double degree|dual degree|"
    r"network|" + _TOGETHER + "|" + _DECREE_218 + "|" + _PAIRED,
    # A body at work with the university told through people and tasks, not the usual words.
    "staff": _STAFF_AT_WORK + "|" + _SET_BY_BODY + "|" + _HELPS_BODY,
    "create": r"созда(?:ни|ст|дут|ли|л)\w*\s+(?:\w+\s+){0,3}(?:центр|лаборатор|институт|школ)|"
    r"(?:open|launch|establish)\w*\s+(?:\w+\s+){0,3}(?:cent|lab|institute|school)|" + _AT_OUR_BASE,
}
# A bench of a laboratory or a test rig is no exhibition stand (a plant giving the university a
# test bench is cooperation).
_BENCH = "".join(
    f"(?<!{adj}{end} )" for adj in ("испытательн", "учебн", "лабораторн") for end in ("ый", "ом")
)
# The guidelines' negatives, where outside organisations are only mentioned in passing: sports
# results, rankings, obituaries, festivals, a grant or a prize won alone; and the classes of
# out-of-fold false positives seen in several rounds (fairs and expos the university only
# exhibits at, contests and olympiads).
_PASSING_FAMILIES = {
    # Not «экспорт» (export) nor «транспорт» (transport): words of industry, not of fairs or sport.
    # ... and not a test rig named by its use («стенд для испытаний редукторов»).
    "exhibit": r"выставк|ярмарк|экспо(?!рт)|" + _BENCH + r"стенд(?:\b|е\b)(?!\s+для\s+испытани)|"
    r"экспозиц|\bexpo\b|\bfairs?\b|exhibition|\bbooth|(?<!test )\bstand\b",
    "festival": r"фестивал|праздн|концерт|festival|celebrat|concert|holiday|карнавал",
    # ... and scholarships handed to students («вручил именные стипендии», «стипендиаты»).
    "award": r"наград|орден\w*\b|преми[яиюей]|лауреат|почетн|почётн|\baward|\bprize|honou?r|"
    r"laureate|стипендиат|вручил\w*\s+(?:[\w-]+\s+){0,3}стипенди",
    "ranking": r"рейтинг|ranking|ranked|\brating",
    "sport": r"чемпионат|соревновани|медал|турнир|спортсмен|championship|medal|tournament|"
    r"athlete|\bsport|(?<!тран)(?<!эк)спорт|"
    # ... and games told by their sport or their score («матч», «обыграли со счётом»).
    r"(?<!\w)матч|обыграл|футбол|волейбол|баскетбол|хокке|football|volleyball|basketball|hockey",
    "obituary": r"скончал|ушел из жизни|ушёл из жизни|памят|соболезн|passed away|\bdied\b|"
    r"memory of|condolenc",
    "grant": r"грант|\bgrant|субсиди|subsid",
    # A person elected or appointed to a body's board or presidium: an honour or a career, not
    # the university working with the body («избран в состав президиума», "elected to the board").
    "elected": r"избран\w*\s+(?:[\w-]+\s+){0,2}?(?:в\s+(?:состав|президиум|совет|правлени)|член|"
    r"председател|вице-президент|президент)|вош[её]л\s+в\s+(?:состав\s+)?(?:президиум|"
    r"совет\w* директоров|правлени)|назначен\w*\s+(?:[\w-]+\s+){0,2}?(?:генеральн|директор|"
    r"главн|руководител)|elected (?:to|as|a member)|appointed (?:as )?(?:the )?(?:CEO|director|"
    r"head|chief)",
    "contest": r"олимпиад|конкурс|хакатон|competition|olympiad|contest|hackathon|\bwins?\b|"
    r"\bwon\b|побед",
}
# An outside body named again by its type word in the singular («передаст заводу», «в цехе
# предприятия», «контракт с министерством», "the company's engineers"): the article keeps
# telling about one body. Not a name's head (a quote or a capital follows), nor a type word
# after an adjective («на Металлическом заводе», «крупных предприятий»: a name or a class), nor
# a capitalised one («Министерство науки …»: a name). Case-sensitive.
_BODY_REF = re.compile(
    r"(?<![\w-])(?<!ый )(?<!ий )(?<!ой )(?<!ая )(?<!ое )(?<!ого )(?<!его )(?<!ому )(?<!ым )"
    r"(?<!им )(?<!ых )(?<!их )(?<!ую )(?<!ском )(?<!ном )(?<!вом )"
    r"(?:компани(?:я|и|ю|ей)|предприяти(?:е|я|ю|ем|и)|завод(?:а|у|ом|е)?|концерн(?:а|у|ом|е)?|"
    r"корпораци(?:я|и|ю|ей)|холдинг(?:а|у|ом|е)?|комбинат(?:а|у|ом|е)?|верф(?:ь|и|ью)|"
    r"министерств(?:о|а|у|ом|е)|ведомств(?:о|а|у|ом|е)|агентств(?:о|а|у|ом|е)|"
    r"правительств(?:о|а|у|ом|е)|администраци(?:я|и|ю|ей)|"
    r"the (?:company|plant|enterprise|corporation|ministry|agency|shipyard)(?:'s)?)"
    r"(?![\w-])(?!\s*[«\"“])(?!\s+[A-ZА-ЯЁ])"
)
# A region's government named through its head («губернатор Новгородской области», «глава
# Республики Коми»).
_REGION_HEAD = re.compile(
    r"(?<![\w-])(?:(?:[Гг]убернатор|[Вв]ице-губернатор)\w*|[Гг]лав[аеуы](?:\s+(?:администрации|"
    r"региона))?)\s+(?:[А-ЯЁ][\w-]+\s+(?:области|края|округа|района)|Республики\s+[А-ЯЁ][\w-]+|"
    r"(?<![Гг]лава\s)(?<![Гг]лавы\s)(?<![Гг]лаве\s)(?<![Гг]лаву\s)[А-ЯЁ][\w-]+)"
)
_COOP_CUES = [re.compile(p, re.I) for p in _COOP_FAMILIES.values()]
_PASSING_CUES = [re.compile(p, re.I) for p in _PASSING_FAMILIES.values()]
# A candidate this likely counts as a body the article talks about (`named_sents`).
NAMED_P = 0.3
# The least partner probability of the body a partnership article tells about (`_talked_about`).
TALKED_ABOUT_P = 0.25
# The cooperation families that name an act, not cooperation in general.
_ACT_CUES = [re.compile(p, re.I) for k, p in _COOP_FAMILIES.items() if k != "coop"]
# A given name right before a word in capitals: "Maxim SURNAME" is a person.
_PERSON_BEFORE = re.compile(r"(?<![\w.])[A-ZА-ЯЁ][a-zа-яё]{2,}\s+$")
_UNIVERSITY_ABBR = re.compile(r"[A-Z]{2,}U|[А-ЯЁ]{2,}(?:У|(?<!НИ)И)")
_SINGULAR_SIGNED = re.compile(r"\b(?:подписал|подписала|заключил|заключила)\b")
_ROLE_BEFORE = re.compile(
    r"(?:ректор|председател|президент|директор|руководител|глав|член)\w*"
    r"(?:\s+[а-яё-]+){0,3}\s+$",
    re.I,
)
_COPULA = re.compile(r"(?:\bis|\bwas|\bbecame|стал\w*|явля\w+)\s+(?:the\s+)?$", re.I)
# Bodies named in the plural before coordinated places ("администрациями X и Y районов").
_PLURAL_BODIES = frozenset({"администрация", "правительство", "мэрия"})
_PLACES = frozenset({"район", "область", "город", "край", "округ", "республика", "провинция"})
_PLURAL_DOC = re.compile(
    r"соглашения|меморандумы|договоры|договора|документы|контракты|agreements|memoranda|"
    r"memorandums|documents|contracts",
    re.I,
)
# Document words that can only be plural (not "соглашения", "договора": also singular genitive).
_VAGUE_PLURAL = re.compile(
    r"(?:соглашени|меморандум|договор|контракт|документ)(?:ий|ов|ам|ами|ах)|"
    r"(?:меморандум|договор|контракт|документ)ы|agreements|memoranda|memorandums|mous|contracts|"
    r"documents",
    re.I,
)
# Before a plural document word: a count ("more than 15 memorandums", "ряд соглашений"); the
# documents counted are not the ones of the partners the sentence names.
_COUNTED = re.compile(
    r"(?:\b(?:(?:more|fewer) than|over)\s+\d+|\b(?:several|a (?:number|range|series) of|"
    r"dozens of|numerous|multiple)|(?<!\w)(?:(?:более|свыше|около|порядка)\s+\d+|"
    r"несколько|ряд|десятки|десятков|множество))\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# «3 декабря 2026 года», «в 2024 году» after a subject: when it was signed, not what about.
_DATE_RU = (
    r"\d{1,2}(?:-го)?\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
    r"октября|ноября|декабря)|\d{4}\s+год\w*"
)
# A document's subject: "о/об ..." or "on/of/for ..." up to where the clause goes on with a
# party, a place, a date or the signing ("в области", "in the field of" are part of it).
_TITLE_RU = re.compile(
    r"\s*(?:\([^)]*\)\s*)?((?:(?:о|об|обо)\s+|на\s+(?=(?:выполнение|разработку|поставку|проведение|"
    r"оказание|создание|подготовку|обучение|исследование)\s))[^,;:.()]+?)(?=\s+(?:между|с|со|"
    r"в(?!\s+(?:области|сфере|сферах|части|интересах)\s)|на(?!\s+(?:базе|основе)\s)|был|была|"
    r"было|были|подписа\w*|заключ\w*|от|и\s+(?:дорожн\w+|меморандум\w*|договор\w*|"
    r"соглашени\w*|программ\w+|план\w*)|а также|пока|не|" + _DATE_RU + r")\s|[,;:.()]|$)",
    re.I,
)
# "on 1 December 2026", "on December 1": when it was signed, not what about.
_ON_DATE_EN = (
    r"on\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)"
)
_TITLE_EN = re.compile(
    r"\s*((?:on|of|for)\s+[^,;:.()]+?)(?=\s+(?:between|with|was|were|has|have|had|"
    r"in(?!\s+(?:the\s+)?(?:fields?|areas?|spheres?)\s+of\s)|at|by|signed|concluded|which|that|"
    r"will|would|during|as well as|and\s+(?:an?\s+|the\s+)?(?:memorand\w*|mous?|road ?maps?|"
    r"agreements?|contracts?)|on\s+the\s+(?:morning|afternoon|evening|day|eve|sidelines|"
    r"margins|occasion)|" + _ON_DATE_EN + r")\s|[,;:.()]|$)",
    re.I,
)
# A list closing a subject: ", машиностроения, электроники и мехатроники".
_TITLE_LIST = re.compile(
    r"(?:,\s*[a-zа-яё][\w-]*(?:\s+[a-zа-яё][\w-]*)?)+\s+(?:и|and)\s+[a-zа-яё][\w-]*"
    r"(?:\s+[a-zа-яё][\w-]*)?(?:\s+[A-ZА-ЯЁ][\w-]*)?(?=[,;:.)]|\s*$)"
)
_TITLE_TAIL = re.compile(r"(?:\s+(?:и|and|between|между|of|with|с|со))+\s*$|[\s,;:–—-]+$", re.I)
_OWN_IN_TITLE = re.compile(
    r"\b(?:СПбПУ|СПбГПУ|ЛПИ|Политех\w*|SPbPU|SPbSTU|SPbSPU|LPI|Polytech(?:nic)?)\b"
)
_DOC_NAME_EN = re.compile(
    r"of\s+(?:(?:mutual\s+)?understanding|intent(?:ion)?s?|meetings?)(?:\s+and\s+cooperation)?\b",
    re.I,
)
# A period, not a subject: "for the next five years", "for 2025", "until 2030", "for 2025-2027".
_PERIOD_EN = re.compile(
    r"(?:for|until|till|up\s+to|through)\s+(?:the\s+)?(?:(?:next|following|coming)?\s*\w+\s+years?"
    r"|(?:the\s+years?\s+)?(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)?\d{2})?(?:\s+years?)?)",
    re.I,
)
_FRAGMENT = re.compile(
    r"(?:о|об|on|for|of)\s+(?:the\s+)?(?:создании|открытии|организации|проведении|"
    r"реализации|развитии|creation|establish\w*|opening|setting up|organi[sz]ation|"
    r"implementation|development)",
    re.I,
)
# Before an English document word, the subject as its modifier: "strategic partnership".
_TITLE_BEFORE_EN = re.compile(
    r"\b((?:(?:strategic|academic|scientific|technical|technological|educational|research|"
    r"industrial|comprehensive|long-term|bilateral|trilateral|student|faculty|and)\s+)+"
    r"(?:partnership|cooperation|collaboration|exchange))\s+$",
    re.I,
)
# Right before a name: the body that approved a document, not a party to it.
_APPROVED_BY = re.compile(
    r"(?:одобрен\w*|утвержд[её]нн?\w*|согласованн?\w*|(?:approved|endorsed) by(?: the)?)\s+$",
    re.I,
)
# A fund's name, and the words that make it the giver of a grant or of money right before or
# after it (see `_only_a_funder`).
_FUND_NAME = re.compile(r"фонд|foundation|\bfund\b|\b(?:РНФ|РФФИ|RSF|RFBR)\b", re.IGNORECASE)
_FUNDER_BEFORE = re.compile(
    r"(?:грант\w*|(?:про)?финансир\w*|при\s+(?:финансовой\s+)?поддержке|поддержан\w*|"
    r"средств\w*|за\s+сч[её]т|funded\s+by|financed\s+by|supported\s+by|sponsored\s+by|"
    r"(?:financial\s+)?support\s+(?:of|from)|grants?\s+(?:of|from)|funding\s+(?:of|from))"
    r"\s+(?:(?:the|a|an)\s+)?[«\"“]?$",
    re.IGNORECASE,
)
_FUNDER_AFTER = re.compile(r"[»\"”]?\s*(?:\([^()]{1,20}\)\s*)?(?:grants?|грант)\b", re.I)
# News of a death (in the headline or the first sentence): the guidelines' obituary, whatever
# universities the deceased had worked with.
_OBITUARY = re.compile(
    r"скончал(?:ся|ась)|уш(?:[её]л|л[аи])\s+из\s+жизни|"
    # «Не стало профессора …», not «расстояние не стало препятствием» (an instrumental).
    r"\bне\s+стало\b(?!\s+\w+(?:ем|ём|ом|ью|ами|ями|ой)\b)|некролог|"
    r"\bумер(?:ла)?\b|passed\s+away|\bdied\b|in\s+memoriam|obituary",
    re.IGNORECASE,
)
# A death told in a relative clause after an eponym in the lead («лаборатория имени профессора
# N, который скончался в 2019 году», "named after Professor N, who died in 2020") is background
# to the news, not its subject («Профессор N, который скончался 3 мая, …» still is).
_EPONYM_RELATIVE_BEFORE = re.compile(
    r"(?:\bимени|\bим\.|\bпамяти|named\s+after|in\s+memory\s+of|in\s+hono(?:u)?r\s+of)"
    r"[^\S\n]+(?:\S+[^\S\n]+){0,6}?(?:котор\w+|who|whom)[^\S\n]+(?:\S+[^\S\n]+){0,3}\Z",
    re.IGNORECASE,
)
# A state official's visit («министр посетил лабораторию», "the Governor visited SPbPU labs"):
# the university shows its work; without talks, a delegation or any cooperation word it is no
# partnership news.
_OFFICIAL_VISIT = re.compile(
    r"\b(?:(?:губернатор|министр|премьер|полпред|мэр)\w*|(?:governor|minister|premier|mayor)s?\b)"
    r"(?:\s+[\w.-]+){0,8}?\s+(?:посетил|побывал|осмотрел|visit(?:s|ed|ing)?\b|toured\b)",
    re.IGNORECASE,
)
# Graduates who went to work for a company («Выпускники Политеха пришли работать в «Росатом»»,
# "SPbPU Graduates Join Rosatom"): a career, no cooperation of the university's.
_GRADUATES_EMPLOYED = re.compile(
    r"\b(?:выпускни\w*|молод\w+\s+специалист\w*|graduates?|alumn(?:i|us|a|ae))"
    r"(?:\s+[\w.«»\"-]+){0,8}?\s+(?:устроил\w*|трудоустро\w*|пришл?\w*\s+работать|"
    r"начал\w*\s+работать|работа(?:ют|ет)|назначен\w*|возглавил\w*|join(?:s|ed)?(?!\s+forces)|"
    r"start(?:s|ed)?\s+working|work(?:s|ed)?\s+(?:at|for)|build(?:s)?\s+careers?|hired)\b",
    re.IGNORECASE,
)
# ... but where the headline or lead tells of a programme run with a partner, its graduates are
# its fruit, no career: «выпускники сетевой магистратуры Политеха и X», "joint master's programme".
_JOINT_PROGRAMME = re.compile(
    r"\b(?:(?:сетев|совместн|двойн)\w*\s+(?:\w+\s+)?(?:магистратур|программ|бакалавриат|"
    r"аспирантур|диплом)\w*|двух\s+дипломов|(?:joint|double|dual|network)\s+(?:[\w']+\s+)?"
    r"(?:degrees?|programmes?|programs?|master's|bachelor's|diplomas?))",
    re.IGNORECASE,
)
# A career day or a job fair, where companies meet students: no act of cooperation by itself.
_CAREER_EVENT = re.compile(
    r"\b(?:дн\w+\s+карьеры|ярмарк\w+\s+(?:вакансий|карьеры)|форум\w*\s+работодател\w*|"
    r"career\s+(?:day|fair|forum)s?|job\s+fairs?)\b",
    re.IGNORECASE,
)
_TALKS = re.compile(
    r"делегаци|переговор|рабоч\w+\s+встреч|delegation|talks|negotiat|working\s+meeting", re.I
)
# One person's occasion the headline or lead tells: a body's employee giving a one-off lecture
# («прошла открытая лекция руководителя … ПАО «X»», "gave an open lecture"), or one student's
# internship («Студентка … прошла стажировку в «X»», "a student ... spent two months as an
# intern at X"). News of a person, not of the university working with the body ...
_ONE_PERSONS_OCCASION = re.compile(
    r"(?:открыт|гостев|публичн)\w*\s+лекци|(?:прочитал|провёл|провел)\w*\s+(?:[\w-]+\s+){0,2}?"
    r"лекци[юя]\b|\b(?:open|guest|public)\s+lecture|\bgave\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:lecture|talk)\b|"
    r"(?<![\w-])(?:студент(?:ка)?|магистрант(?:ка)?|аспирант(?:ка)?|student)\b[^.!?]{0,120}?"
    r"\b(?:прош[её]л|прошла|провел|провёл|провела|spent|completed|did)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:стажировк|intern)",
    re.IGNORECASE,
)
# ... unless the text names the cooperation itself: a partner, a document, a joint programme or
# unit, a base chair, targeted training.
_PARTNERSHIP_ACT = re.compile(
    r"сотрудничеств|партн[её]р|соглашени|меморандум|договор|совместн|базов\w+\s+кафедр|"
    r"целев\w+\s+(?:обучени|подготовк)|cooperat|collaborat|partner|agreement|memorand|contract|"
    r"\bjoint\b|base\s+department|targeted\s+training|"
    # ... or a programme the body runs with the university («по программе, которую верфь и
    # университет запустили»), a course the body's people teach ("a course that Siemens
    # engineers teach", «курс, который инженеры компании ведут»), its scholarship (not a series
    # the university runs alone: «цикл, который институт проводит каждую осень»).
    r"программ\w*,?\s+(?:котор\w+|что)\s+(?:[\w-]+\s+){1,3}?и\s+(?:университет|политех|вуз|"
    r"спбпу)|программ\w*,?\s+(?:котор\w+|что)\s+(?:университет|политех|вуз|спбпу)\w*\s+и\s|"
    r"(?:инженер|специалист|сотрудник|эксперт)\w*\s+(?:[\w-]+\s+){0,2}?(?:вед[уё]т|чита[ею]т|"
    r"преподают)\b|\b(?:engineers|specialists|experts|staff|employees)\s+(?:teach|run|give)\b|"
    r"стипенди|scholarship",
    re.IGNORECASE,
)
_NEGATIVE_CATEGORY = re.compile(r"спорт|sport|культур|culture|некролог|obituar", re.IGNORECASE)
# Right after a unit's name or abbreviation, the university it belongs to: "ИСИ СПбПУ",
# "Higher School of Engineering and Economics (HSEE) of SPbPU".
# Not across a line break: a headline's last word is no unit of the name opening the text
# («Политех и ОДК» over «СПбПУ и ОДК подписали ...»).
OWN_AFTER = re.compile(
    r"[^\S\n]*\)?[^\S\n]*(?:of\s+(?:the\s+)?)?(?:СПбПУ|Политеха|SPbPU|SPbSTU|Polytech)"
)
# The university's full name in the genitive after a unit, past its bracketed short form:
# "Institute of ... (IXX) of Peter the Great St. Petersburg Polytechnic University",
# "Высшая школа ... Санкт-Петербургского политехнического университета".
_OWN_GENITIVE_AFTER = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?(?:of\s+(?:the\s+)?)?(?:Peter the Great\s+)?"
    r"(?:(?:St\.?|Saint)\s*-?\s*Petersburg\s+(?:State\s+)?Polytechnic|"
    r"(?:Санкт-)?Петербургского\s+(?:государственного\s+)?политехническ|"
    r"Политехнического\s+университета\s+Петра)"
)
# A person's membership title names a body the person belongs to, not a partner:
# "Academician of the RAS", "академик РАН", "член-корреспондент", "a member of the Council".
_MEMBER_TITLE = re.compile(
    r"(?:academicians?|(?:corresponding\s+|full\s+)?members?|академик\w*|"
    r"(?:иностранн\w+\s+)?член\w*(?:-корреспондент\w*)?)\s+(?:of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# Students visiting a place (the sentence so far) on an excursion: the place is no partner.
_EXCURSION = re.compile(r"экскурси|excursion|sightseeing", re.IGNORECASE)
_STUDENTS_VISIT = re.compile(
    r"(?:студент|первокурсник|школьник|учащи|магистрант|бакалавр|students|freshmen|pupils)"
    r"\w*\b.*(?:посети|побывал|visit|tour)\w*\s+(?:[\w-]+\s+)?[«\"“]?$",
    re.IGNORECASE,
)
# The name is what a cooperation word is about, right before it: "a delegation of X",
# "visit to X", "agreement with X", "соглашение о сотрудничестве с X", "делегация X".
_OBJECT_OF = re.compile(
    r"(?:delegations?\s+(?:of|from)|visit(?:ed|s)?(?:\s+to)?|agreements?\s+with|"
    r"memorand\w+(?:\s+of\s+understanding)?\s+with|(?:signed|concluded)\s+with|"
    r"(?:cooperation|partnership|collaboration)\s+with|делегаци\w+|визит\w*\s+(?:в|во)|"
    r"посети\w*|(?:соглашени\w+|меморандум\w*|договор\w*)(?:\s+о\s+\w+)?\s+(?:с|со)|"
    r"(?:сотрудничеств\w+|партн[её]рств\w+|взаимодействи\w+)\s+(?:с|со))"
    r"\s+(?:the\s+)?[«\"“]?$",
    re.IGNORECASE,
)
# Organised together with X ("конкурс, организованный совместно с ПАО «X»", "held jointly with X"):
# X is the university's co-organiser, no organiser of an event the university only attends.
_CO_ORGANISER = re.compile(
    r"(?:совместно\s+с|совместно\s+со|jointly\s+with|together\s+with)\s+(?:the\s+)?(?:[А-ЯЁ]{2,5}\s+)?[«\"“]?$",
    re.IGNORECASE,
)
# A joint unit with X: "совместный центр с X", "joint laboratory with X".
_JOINT_WITH = re.compile(
    r"(?:совместн\w+|joint)\s+(?:[\w-]+\s+){0,2}?(?:центр|лаборатори|кафедр|институт|"
    r"centre|center|laborator\w*|lab|institute)\w*\s+(?:с|со|with)\s+(?:the\s+)?[«\"“]?$",
    re.IGNORECASE,
)
# A body's type word standing for its name beside the university as one subject.
_ANAPHOR_TYPES = frozenset(
    {"банк", "компания", "корпорация", "концерн", "холдинг", "завод", "фонд", "предприятие"}
)
_TYPE_AND_OWN = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:(?P<a>Банк|Компания|Корпорация|Концерн|Холдинг|Завод|Фонд|"
    r"Предприятие)\s+и\s+(?:университет|Политех|вуз|СПбПУ)|(?:Университет|Политех|СПбПУ)\s+и\s+"
    r"(?P<b>банк|компания|корпорация|концерн|холдинг|завод|фонд|предприятие))\b|"
    # ... or of a relative clause («программа, которую университет и компания реализуют …»).
    r"(?:(?<=котор[аоуы][юйея]\s)|(?<=котор[ыо][йем]\s))(?:университет|Политех|вуз|СПбПУ)\s+и\s+"
    r"(?P<c>банк|компания|корпорация|концерн|холдинг|завод|фонд|предприятие)\b",
    re.MULTILINE,
)
MODELS = Path(__file__).resolve().parent / "data" / "models.json"


@dataclass(frozen=True, slots=True)
class Models:
    """The trained decisions: which candidates are partners, which articles are partnerships."""

    partner: Logistic
    article: Logistic

    @classmethod
    def rules(cls) -> Models:
        """The hand rules alone (each model follows its `rule` feature): the starting point
        the training command analyses with, since analysis does not depend on the models."""
        only = Logistic(features=("rule",), mean=(0.0,), scale=(1.0,), weights=(10.0,), bias=-5.0)
        return cls(only, only)

    @classmethod
    def load(cls, path: Path = MODELS) -> Models:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(Logistic.from_json(raw["partner"]), Logistic.from_json(raw["article"]))

    def to_json(self) -> dict[str, object]:
        return {"partner": self.partner.to_json(), "article": self.article.to_json()}


@dataclass(slots=True)
class Candidate:
    """Mentions believed to denote one organisation within an article."""

    mentions: list[Mention]
    known: KnownOrg | None = None
    aliases: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        out: list[str] = []
        for m in self.mentions:
            if m.name not in out:
                out.append(m.name)
        for a in self.aliases:
            if a not in out:
                out.append(a)
        return out


@dataclass(slots=True)
class Row:
    """A partner candidate as the model sees it: the fact it would yield and its features."""

    candidate: Candidate
    fact: PartnerFact
    features: dict[str, float]
    # Never a partner: its names only describe (type words, general fields, a nationality), or
    # it is named only in persons' membership titles ("Academician of the RAS").
    names_nothing: bool = False
    # Named at least once in a role of its own at an occasion (a sponsor, a meeting's owner, a
    # speaker's or an appointee's employer, a tender's customer).
    in_role: bool = False


@dataclass(slots=True)
class Analysis:
    """An article after the model-free steps; `decide` turns it into an `Extraction`."""

    article: ArticleInput
    text: str
    sentences: list[tuple[int, int]]
    title_end: int
    lang: str
    rows: list[Row]
    features: dict[str, float]
    # Sentences telling a document two outside bodies sign between themselves (see
    # `_others_signings`): neither is the university's partner there, nor is the document its.
    others_signed: frozenset[int] = frozenset()


_ADJ_END = re.compile(
    r"[а-яё](?:ого|его|ому|ему|ыми|ими|ый|ий|ой|ая|яя|ое|ее|ые|ие|ых|их|ым|им|ую|ей)$"
)


# A legal form spelt out before a quoted name ("Федеральное государственное унитарное
# предприятие «X»", "Акционерное общество «Y»"): the name is the quoted one, as for «ФГУП «X»».
_SPELT_LEGAL_FORM = re.compile(
    r"(?i:(?:федеральное\s+)?(?:государственное|муниципальное)\s+(?:унитарное|казённое|казенное)"
    r"\s+предприятие|(?:публичное\s+|непубличное\s+|закрытое\s+|открытое\s+)?акционерное"
    r"\s+общество|общество\s+с\s+ограниченной\s+ответственностью)\s+[«\"“„](.+?)[»\"”“]?$"
)
# "компания Huawei", "холдинг «Технодинамика»": a generic word before the name proper.
_DESCRIPTOR = re.compile(
    r"^(?:компания|холдинг|концерн|корпорация|госкорпорация|банк|группа компаний|company)\s+"
    r"([«\"“]?[A-ZА-ЯЁ].*)$"
)


# Between a name and a short form of it: an opening quote or bracket.
_ALIAS_GAP = re.compile(r"\s*[«\"“„(]\s*")
# The countries a name's body belongs to, after it: " of Russia and China", " of the Philippines".
_COUNTRIES_TAIL = re.compile(
    r"\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:\s+and\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?))?"
)
_GENERIC_GAP = re.compile(r"\s*[-–—,(]\s*")
# Words of organisation names across European languages, by concept.
_CONCEPTS = {
    **dict.fromkeys(
        (
            "university",
            "universität",
            "universitat",
            "università",
            "universidad",
            "université",
            "universiteit",
            "universitet",
            "uniwersytet",
            "universidade",
        ),
        "univ",
    ),
    **dict.fromkeys(
        (
            "technical",
            "technology",
            "technological",
            "technische",
            "technischen",
            "técnica",
            "tecnica",
            "technique",
            "technologie",
            "tecnologia",
            "tecnológica",
            "technológia",
        ),
        "tech",
    ),
    **dict.fromkeys(
        (
            "polytechnic",
            "politecnico",
            "politécnica",
            "politecnica",
            "polytechnique",
            "politehnica",
            "politècnica",
            "polytechnical",
        ),
        "poly",
    ),
    **dict.fromkeys(("institute", "institut", "instituto", "istituto"), "inst"),
    **dict.fromkeys(("academy", "akademie", "academia", "académie"), "acad"),
    **dict.fromkeys(("national", "nacional", "nazionale", "nationale"), "nat"),
    **dict.fromkeys(("applied", "angewandte", "aplicadas"), "applied"),
    **dict.fromkeys(("sciences", "science", "wissenschaften", "ciencias", "scienze"), "sci"),
}
_NAME_STOP = frozenset(
    (
        "of",
        "the",
        "di",
        "de",
        "del",
        "della",
        "la",
        "le",
        "der",
        "des",
        "für",
        "and",
        "y",
        "e",
        "do",
        "da",
        "in",
        "at",
    )
)


def _concept_key(name: str) -> tuple[frozenset[str], frozenset[str]] | None:
    words = [
        unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() or w
        for w in re.findall(r"[^\W\d_]+", name.lower())
    ]
    raw = re.findall(r"[^\W\d_]+", name.lower())
    concepts = {_CONCEPTS[r] for r in raw if r in _CONCEPTS}
    proper = frozenset(
        w[:4] for r, w in zip(raw, words, strict=True) if r not in _CONCEPTS and r not in _NAME_STOP
    )
    if not proper or not concepts or _CYR.search(name):
        return None
    if "poly" in concepts:
        concepts.discard("univ")
    return frozenset(concepts), proper


def _same_translated(a: str, b: str) -> bool:
    """ "Technische Universität Graz" and "Graz University of Technology", "Politecnico di
    Milano" and "Polytechnic University of Milan": the same generic words in two languages
    and the same proper words."""
    if a == b:
        return False
    ka, kb = _concept_key(a), _concept_key(b)
    return ka is not None and ka == kb


# English initials of Russian type and field words, for a Latin abbreviation of a Russian
# name ("ETRI" of "... инженерно-технологический исследовательский институт"); other words give
# the first letter of their transliteration.
_RU_INITIALS = (
    ("инженер", "E"), ("технолог", "T"), ("техническ", "T"), ("исследоват", "R"),
    ("научн", "S"), ("институт", "I"), ("университет", "U"), ("академ", "A"),
    ("государствен", "S"), ("национальн", "N"), ("международн", "I"), ("центр", "C"),
    ("политехническ", "P"), ("медицинск", "M"), ("экономическ", "E"), ("промышлен", "I"),
    ("инновацион", "I"), ("образоват", "E"), ("колледж", "C"), ("школ", "S"), ("высш", "H"),
    ("федеральн", "F"), ("сетев", "N"), ("корпорац", "C"), ("компани", "C"),
    ("ассоциац", "A"), ("китайск", "CS"), ("российск", "R"), ("педагогическ", "PN"),
)  # fmt: skip
# The letters a Russian word's transliteration may begin with ("Харбин" Harbin, "Чжэцзян"
# Zhejiang).
_TRANSLIT_FIRST = {
    "а": "A", "б": "B", "в": "V", "г": "G", "д": "D", "е": "EY", "ё": "EY", "ж": "Z",
    "з": "Z", "и": "I", "й": "Y", "к": "K", "л": "L", "м": "M", "н": "N", "о": "O", "п": "P",
    "р": "R", "с": "S", "т": "T", "у": "U", "ф": "F", "х": "HK", "ц": "TC", "ч": "CZ",
    "ш": "S", "щ": "S", "э": "E", "ю": "Y", "я": "Y",
}  # fmt: skip
_RU_STOP = frozenset({"и", "по", "в", "им", "имени", "на"})


def _latin_initials_of(abbr: str, name: str) -> bool:
    """Whether a Latin abbreviation of three or more letters spells the English initials of
    a Russian name's words, all of them or a run ending with its head ("ETRI" of
    "Чжецзянский ... инженерно-технологический исследовательский институт")."""
    letters = abbr.upper()
    if not re.fullmatch(r"[A-Z]{3,8}", letters) or not _CYR.search(name):
        return False
    words = [w for w in re.split(r"[\s\-–—«»\"]+", name.lower().replace("ё", "е")) if w]
    words = [w for w in words if w not in _RU_STOP and not w.startswith("им.")]
    options: list[str] = []
    for w in words:
        if not _CYR.match(w):
            return False
        mapped = next((v for k, v in _RU_INITIALS if w.startswith(k)), None)
        options.append(mapped or _TRANSLIT_FIRST.get(w[0], ""))
    n = len(letters)
    if n > len(words):
        return False
    run = options[len(words) - n :]
    return all(ch in opts for ch, opts in zip(letters, run, strict=True))


def _abbreviated_with_tail(short: str, full: str) -> bool:
    """Whether `short` is an abbreviation read off `full`'s word starts followed by words
    `full` has too («МГТУ им. Баумана» ← «Московский государственный технический университет
    им. Н. Э. Баумана»): the honorific or place tail that both forms keep."""
    first, _, rest = short.partition(" ")
    if not rest or not is_abbreviation(first) or not abbreviation_of(first, full):
        return False
    tail = [t for t in name_tokens(rest) if len(t) > 2]
    words = set(name_tokens(full))
    return bool(tail) and all(t in words for t in tail)


def _abbreviated_after_lead(short: str, full: str) -> bool:
    """Whether `short` keeps `full`'s leading words and abbreviates the rest («Северное ПКБ» ←
    «Северное проектно-конструкторское бюро», «Уральский НИИ» ← «Уральский научно-
    исследовательский институт»): one organisation under its short form."""
    *lead, last = short.split()
    if not lead or not is_abbreviation(last):
        return False
    words = full.split()
    if len(words) <= len(lead) or name_tokens(" ".join(words[: len(lead)])) != name_tokens(
        " ".join(lead)
    ):
        return False
    return abbreviation_of(last, " ".join(words[len(lead) :]))


# A type's abbreviation ending a name: «Северное ПКБ», «Уральский НИИ», «Балтийский НТЦ».
_SHORT_TYPE = re.compile(r"[А-ЯЁ]{0,2}КБ|Ц?НИИ|НОЦ|НП[ПКОФЦ]|НИЦ|ГНЦ|НТЦ")


def _declined_brand(form: str, name: str) -> bool:
    """Whether one-word `form` is one-word `name` with a Russian case ending («Ланита»,
    «Ланиту», «Ланитом» of «Ланит»): a quoted brand declined, met within one article."""
    return (
        " " not in form
        and " " not in name
        and len(name) >= 4
        and _CYR.match(name[:1]) is not None
        and name[-1:] not in "аяоеиыуюь"
        and form[: len(name)] == name
        and form[len(name) :] in ("а", "у", "ом", "е")
    )


def _declined_of(form: str, names: list[str]) -> bool:
    """Whether `form` is a declined form of one of `names` (or of the quoted name in one)."""
    return any(_declined_brand(form, n) for n in _bare_forms(names))


def _bare_forms(names: list[str]) -> list[str]:
    """Names and, for a lower-case type word before a quoted name, the quoted name alone
    («компания «Ланит»» is also «Ланит», to meet the headline's «Ланита»)."""
    bare = [
        b.group(1).strip('«»"“” ')
        for n in names
        if (b := _DESCRIPTOR.match(n)) and n[:1].islower() and _QUOTED.search(n)
    ]
    return [*names, *(x for x in bare if x not in names)]


_EPONYM_SPLIT = re.compile(r"^(?P<head>.+?)\s+(?:им\.|имени)\s*(?P<tail>.+)$")


def _eponym_abbreviation_of(short: str, full: str) -> bool:
    """Whether `short` is the abbreviation of `full` named after the same person («МГТУ им.
    Г. И. Носова» of «Магнитогорский государственный технический университет им. Г.И.
    Носова»): the letters spell the name before the eponym, and the surnames agree."""
    a, b = _EPONYM_SPLIT.match(short), _EPONYM_SPLIT.match(full)
    if a is None or b is None or not is_abbreviation(a.group("head")):
        return False
    surname = (re.findall(r"[А-ЯЁA-Z][а-яёa-z-]{2,}", a.group("tail")) or [""])[-1]
    theirs = (re.findall(r"[А-ЯЁA-Z][а-яёa-z-]{2,}", b.group("tail")) or [""])[-1]
    return (
        bool(surname)
        and canonical_key(surname) == canonical_key(theirs)
        and abbreviation_of(a.group("head"), b.group("head"))
    )


def _declined_word(name: str) -> bool:
    """Whether the first Cyrillic word of `name` is a known word in an oblique case only
    («Балтийскими», «Газпромом»), never a nominative (unknown words are not judged)."""
    m = re.search(r"[А-ЯЁа-яё][а-яё-]+", name)
    if m is None:
        return False
    parses = morph_vocab().parse(m.group(0).lower())
    return bool(parses) and all(
        p.is_known and "nomn" not in p.tag.grammemes and "Fixd" not in p.tag.grammemes
        for p in parses
    )


def _name_rank(name: str) -> int:
    """How well a name identifies: 0 generic words only, 1 an abbreviation or a contracted
    state body's name («Рособрнадзор»), or a name ending in an abbreviation of its type
    («Северное ПКБ»), 2 a full name."""
    if is_generic_name(name):
        return 0
    words = name.split()
    short_type = len(words) > 1 and bool(_SHORT_TYPE.fullmatch(words[-1]))
    return 1 if is_abbreviation(name) or _RU_CONTRACTED.fullmatch(name) or short_type else 2


# Capitalised words coordinated with the university's name before a verb of an act.
_OWN_SHORT_EN = (
    r"(?:SPbPU|SPbSTU|Polytech|(?:the\s+)?Polytechnic University|(?:Peter the Great\s+)?"
    r"St\.?\s*Petersburg Polytechnic University|Peter the Great St\.?\s*Petersburg Polytechnic "
    r"University)"
)
# (Each word read possessively, its small letter found by a lookahead: see `_ONE_WORD`.)
_NAME_EN = r"[A-Z](?=[\w&-]*?[a-z])[\w&-]*+(?:\s+[A-Z][\w&-]*+){0,2}"
_ACT_EN = (
    r"(?:have\s+|has\s+|will\s+)?(?:signed|sign|agreed|renewed|opened|launched|created|"
    r"established|concluded|entered|are\s+to)\b"
)
# A name of a list of three with the university's, the act after the last: "SPbPU, Sevmash and
# the X University signed", "Sevmash, X University and SPbPU signed".
_LIST_ITEM_EN = r"(?:the\s+)?[A-Z][\w&'’-]*+(?:\s+(?:of|the|and|for|[A-Z][\w&'’-]*+)){0,8}?"
_BESIDE_OWN_EN = re.compile(
    rf"(?:(?<![\w-])(?P<before>{_NAME_EN})\s+and\s+(?:the\s+)?{_OWN_SHORT_EN}|"
    rf"{_OWN_SHORT_EN}\s+and\s+(?P<after>{_NAME_EN}))\s+{_ACT_EN}"
    rf"|{_OWN_SHORT_EN},\s+(?P<mid>{_NAME_EN}),?\s+and\s+(?={_LIST_ITEM_EN}\s+{_ACT_EN})"
    rf"|(?:^|(?<=[.!?]\s)|(?<=\n))(?P<first>{_NAME_EN}),\s+"
    rf"(?={_LIST_ITEM_EN},?\s+and\s+(?:the\s+)?{_OWN_SHORT_EN}\s+{_ACT_EN})",
    re.MULTILINE,
)
_OWN_SHORT_RU = (
    r"(?:СПбПУ|СПбГПУ|Политех|Политехнический университет|Санкт-Петербургский политехнический "
    r"университет(?: Петра Великого)?)"
)
_NAME_RU = r"[А-ЯЁ](?=[\w-]*?[а-яё])[\w-]*+"
_ACT_RU = (
    r"(?:подписали|заключили|договорились|открыли|создали|запустили|продлили|учредили|"
    r"будут|намерены)\b"
)
_BESIDE_OWN_RU = re.compile(
    rf"(?:(?<![\w-])(?P<before>{_NAME_RU})\s+и\s+{_OWN_SHORT_RU}|"
    rf"{_OWN_SHORT_RU}\s+и\s+(?P<after>{_NAME_RU}))\s+{_ACT_RU}"
)
_CO_SIGNER_AFTER = re.compile(
    # ... past the name's bracketed short form: "Министерство ... (Минобрнауки России) и СПбПУ".
    rf"(?:\s*\([^()\n]{{1,40}}\))?\s+"
    rf"(?:and\s+(?:the\s+)?{_OWN_SHORT_EN}\s+{_ACT_EN}|и\s+{_OWN_SHORT_RU}\s+{_ACT_RU})"
)
_ACT_NEXT = re.compile(rf"\s+(?:{_ACT_EN}|{_ACT_RU})")
_CO_SIGNER_BEFORE = re.compile(rf"(?:{_OWN_SHORT_EN}\s+and\s+(?:the\s+)?|{_OWN_SHORT_RU}\s+и\s+)$")


_EVENT_HEAD = re.compile(
    r"\b(?:forum|conference|exhibition|expo|summit|congress|fair|festival|week|olympiad|"
    r"форум|конференци|выставк|саммит|съезд|фестивал|недел|олимпиад)\w*\s*[»\"”]?$",
    re.IGNORECASE,
)
_VENUE_BEFORE = re.compile(
    r"(?:\b(?:at|during|on the sidelines of|within(?: the framework of)?|in the course of)\s+"
    r"(?:the\s+)?|(?:^|\s)(?:на|в ходе|в рамках|на полях)\s+[«\"“]?)$",
    re.IGNORECASE,
)


def _typed_code(m: Mention, text: str) -> bool:
    """A Latin code the text says is an organisation: a type noun in lower case just before
    or after it ("the computing centre XYZ", "the XYZ network"), a gloss holding one ("XYZ
    (Advanced Computing Center)", "XYZ, the Italian consortium")."""
    line_start = text.rfind("\n", 0, m.start) + 1
    before = text[max(line_start, m.start - 80) : m.start]
    after = text[m.end : m.end + 100].split("\n", 1)[0]
    if _CODE_TYPE_BEFORE.search(before) or _CODE_TYPE_AFTER.match(after):
        return True
    gloss = _CODE_GLOSS.match(after)
    words = re.findall(r"[A-Za-z]+", (gloss.group(1) or gloss.group(2)) if gloss else "")
    return any(w.lower() in _CODE_TYPES for w in words)


def _customer_or_employer(m: Mention, text: str, start: int) -> bool:
    """The mention is the customer of a tender or market entered («в конкурсах на выполнение
    работ для Роскосмоса», "tenders for X and other customers") or the body a person was
    appointed at («назначен главным инженером завода X», «директором АО «X» назначен») or where
    people work, in a list however long («выпускники, которые сегодня работают в АО «X», ПАО
    «Y» …», "he worked at X, then moved to Y"): the work is finally for it or the person works
    there; or a government named as the parent in
    another body's full name («Комитет по … Правительства Санкт-Петербурга»). It is not the
    text's partner."""
    wide = text[max(start, m.start - 100) : m.start]
    return bool(
        lx.CUSTOMER_BEFORE.search(wide)
        or lx.CUSTOMER_AFTER.match(text, m.end)
        or lx.APPOINTED.search(wide)
        or lx.PEOPLE_WORK_AT.search(text, max(start, m.start - 200), m.start)
        or (lx.POST_BEFORE.search(wide[-40:]) and lx.APPOINTED_AFTER.match(text, m.end))
        or bool(lx.GOVERNMENT_HEAD.match(text, m.start) and lx.PARENT_BODY_BEFORE.search(wide))
    )


def _only_a_funder(c: Candidate, names: list[str], text: str) -> bool:
    """A fund named each time as the giver of a grant or the money for the university's work
    («проект поддержан грантом РНФ», «финансируется Фондом содействия инновациям», "funded by
    the Russian Science Foundation", "an RSF grant"): by the guidelines a grant won alone, no
    partner (a fund that signs, opens a centre or visits is one, and so is one whose
    programme or project the work is part of: it runs it)."""
    return any(_FUND_NAME.search(n) for n in names) and all(
        _FUNDER_BEFORE.search(text, max(0, m.start - 60), m.start)
        or _FUNDER_AFTER.match(text, m.end)
        for m in c.mentions
    )


def _only_a_venue(c: Candidate, text: str) -> bool:
    """An event ("... Economic Forum") named only as where something happened ("At the X
    Forum, SPbPU signed ...", «в рамках форума X»): a place, not a partner (the guidelines'
    events); an event named otherwise may stand for its organiser and is left to the model."""
    return bool(c.mentions) and all(
        _EVENT_HEAD.search(m.name) and _VENUE_BEFORE.search(text, max(0, m.start - 40), m.start)
        for m in c.mentions
    )


def _person_or_place(word: str) -> bool:
    """A Russian word the dictionary knows as a surname, a given name or a place ("Иванов",
    "Казань", "Татарстан")."""
    if not _CYR.search(word):
        return False
    return any(
        p.is_known and p.score >= 0.3 and {"Surn", "Name", "Patr", "Geox"} & p.tag.grammemes
        for p in morph_vocab().parse(word.lower())
    )


def _latin_person(name: str) -> bool:
    """A Russian person's name in Latin letters ("Vladimir Putin", "Andrey Fursenko"): a given
    name the dictionary knows well, then a surname, by their Cyrillic spellings."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words):
        return False
    vocab = morph_vocab()
    first = vocab.parse(to_cyrillic(words[0]))
    if not first or not (
        first[0].is_known and first[0].score >= 0.9 and "Name" in first[0].tag.grammemes
    ):
        return False
    return any("Surn" in p.tag.grammemes for p in vocab.parse(to_cyrillic(words[-1])))


def _signing_clause(sent: str) -> str:
    """The clause of the sentence that signs ("Документ подписан 3 марта, в 2028 году его
    продлят" -> "Документ подписан 3 марта"; "Документ, рассчитанный до 2031 года, подписан
    3 марта" -> "подписан 3 марта"): a date in another clause is another event's."""
    signed = lx.SIGNED.search(sent)
    if signed is None:
        return sent
    stop = re.search(r"[,;]", sent[signed.end() :])
    start = max(sent.rfind(",", 0, signed.start()), sent.rfind(";", 0, signed.start())) + 1
    return sent[start : signed.end() + stop.start() if stop else len(sent)]


# Where one clause of a sentence ends and the next begins: "…с X, а с Y — соглашение",
# "a memorandum with X and an agreement with Y", "…меморандум; с Y — соглашение".
_CLAUSE_BREAK = re.compile(r",\s+(?:а\s+|и\s+|а также\s+)?|;\s*|\s+and\s+(?=an?\s)|\s+а также\s+")


def _clause_parties(
    sent: str,
    s: int,
    hits: Sequence[tuple[int, int, str]],
    parties: Sequence[str],
    cand_of: dict[str, Candidate],
) -> dict[int, list[str]]:
    """Each document's parties when a sentence names two or more documents, each in a clause
    of its own with its own partners ("Политех подписал меморандум с X, а с Y — соглашение"):
    document start -> its parties. Empty unless each document has a clause of its own that
    names a party (then every party signs each, as before)."""
    if len(hits) < 2 or len(parties) < 2:
        return {}
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sent)), len(sent)]
    spans = list(itertools.pairwise(cuts))

    def clause(pos: int) -> int:
        return next(k for k, (a, b) in enumerate(spans) if a <= pos < b or b == len(sent))

    where = {
        n: {clause(m.start - s) for m in cand_of[n].mentions if s <= m.start < s + len(sent)}
        for n in parties
    }
    if len({clause(hs) for hs, _, _ in hits}) < len(hits):
        return {}  # two documents in one clause: both signed by its parties
    out: dict[int, list[str]] = {}
    for hs, _, _ in hits:
        here = [n for n in parties if clause(hs) in where[n]]
        if not here:
            return {}
        out[hs] = here
    return out


# What stands between a company's name and its parent's: «(входит в группу компаний «Y»)»,
# «, входящее в холдинг Y», "(part of Y)", ", a subsidiary of Y".
_PARENT_GAP = re.compile(
    r"^[»\"”]?\s*[,(–—-]?\s*(?:(?:входит|входящ\w+|входивш\w+)\s+в\s+(?:состав\s+)?"
    r"(?:(?:групп\w+|холдинг\w*|концерн\w*|структур\w+|корпораци\w+|госкорпораци\w+)\s+)?"
    r"(?:компаний\s+)?|(?:which\s+is\s+)?(?:an?\s+)?(?:part|subsidiary|company)\s+of\s+"
    r"(?:the\s+)?(?:group\s+(?:of\s+companies\s+)?)?)[«\"“]?$",
    re.IGNORECASE,
)


def _named_as_parent(r: Row, others: list[Row], text: str) -> bool:
    """Whether every mention of `r` names the group another accepted partner belongs to."""
    return bool(r.candidate.mentions) and all(
        any(
            q.end <= m.start and _PARENT_GAP.match(text[q.end : m.start])
            for o in others
            for q in o.candidate.mentions
        )
        for m in r.candidate.mentions
    )


def _misread(known: Row, other: Row) -> tuple[Row, list[str]] | None:
    """(`other`, the abbreviations) when `known` is a registry organisation found by an
    abbreviation that spells `other`'s full name, none of whose names is that organisation's
    («ТГУ»: «Томский государственный университет» to the registry, «Тестовский
    государственный университет» in the article). Russian universities share abbreviations."""
    org = known.candidate.known
    if org is None or other.candidate.known is not None:
        return None
    full = [n for n in _names_of(other.fact) if not is_abbreviation(n)]
    codes = [
        x
        for x in _names_of(known.fact)
        if is_abbreviation(x) and any(abbreviation_of(x, n) for n in full)
    ]
    if not codes or any(names_match(k, n) for k in org.all_names() for n in full):
        return None
    return other, codes


def _registry_spelling(name: str, known: KnownOrg) -> str | None:
    """The registry's spelling of a Russian name the text gave in another case, where the
    nominative was guessed wrong: the dictionary knows both "донский" and "донской", and
    «Донского университета» is the registry's «Донской университет». Only word endings may
    differ; quotes, spaces and the words themselves stay as the text wrote them."""
    if not _CYR.search(name):
        return None
    key = canonical_key(name)
    words = name.split()
    for n in (known.name, *known.aliases):
        if n == name or canonical_key(n) != key or len(n.split()) != len(words):
            continue
        pairs = list(zip(n.split(), words, strict=True))
        if all(a[:3].lower() == b[:3].lower() for a, b in pairs) and all(
            a == b or (a.isalpha() and b.isalpha() and a[:1] == b[:1]) for a, b in pairs
        ):
            return n
    return None


def _line_parts(m: Mention, text: str, sent_of: Callable[[int], int]) -> list[Mention]:
    """The names on each side of a line break a tagger's span ran over, where that side is one
    capitalised word ("Политех и Сбербанк\n\nСбербанк и Политех подписали"), written as the
    text has it, and no common noun ("Делегация")."""
    raw = text[m.start : m.end]
    out: list[Mention] = []
    for offset, side in (
        (0, raw[: raw.find("\n")]),
        (raw.rfind("\n") + 1, raw[raw.rfind("\n") + 1 :]),
    ):
        found = re.fullmatch(r"\s*[«\"“]?([^\s«»\"“”]{3,})[»\"”]?[.,;:]?\s*", side)
        if found is None or not found.group(1)[:1].isupper() or _common_word(found.group(1), text):
            continue
        start = m.start + offset + found.start(1)
        out.append(
            Mention(name=found.group(1), start=start, end=start + len(found.group(1)),
                    sent=sent_of(start), kind=None)
        )  # fmt: skip
    return out


def _common_word(tok: Tok | str, text: str) -> bool:
    """A sentence's capitalised first word that is a common noun, not a name: the dictionary
    knows it as a noun with no name marks, and the text also writes it in lower case, or it
    names a group of people ("Делегация", "Представители") or persons (an animate noun:
    "Ректоры", "Губернатор"), which no organisation is called."""
    word = (tok if isinstance(tok, str) else tok.text).lower()
    if not _CYR.search(word):
        return False
    parses = [p for p in morph_vocab().parse(word) if p.is_known and p.score >= 0.3]
    if not parses or any(
        {"Surn", "Name", "Patr", "Geox", "Orgn", "Abbr", "Trad"} & p.tag.grammemes for p in parses
    ):
        return False
    if parses[0].tag.POS != "NOUN":
        return False
    lemma = parses[0].normal_form
    if lemma in lx.PEOPLE_GROUPS or all("anim" in p.tag.grammemes for p in parses):
        # A person or persons ("Ректоры", "Губернатор", "Инженеры"): no organisation's name.
        return True
    return bool(re.search(rf"(?<![\w-]){re.escape(word[:-1] if len(word) > 4 else word)}", text))


# A programme's or project's name: «по программе Erasmus+», «проекта «Кадры»», "the Erasmus+
# programme", "under the Horizon 2020 programme". It names what is done, not who does it.
_PROGRAMME_BEFORE = re.compile(
    r"(?:программ[аыеуой]\w*|проект[аеуом]?\w*|programme|program|project)\s+[«\"“]?$", re.I
)
_PROGRAMME_AFTER = re.compile(r"[»\"”]?\s+(?:programme|program|project)\b")


def _only_a_programme(c: Candidate, text: str) -> bool:
    """Whether every mention of `c` is a programme's or project's name."""
    return all(
        _PROGRAMME_BEFORE.search(text, max(0, m.start - 30), m.start)
        or _PROGRAMME_AFTER.match(text, m.end)
        for m in c.mentions
    )


def _brand_compound(a: str, b: str) -> bool:
    """One name holds a compound of a brand and a capitalised word ("Ростелеком-Солар",
    "ОДК-Климов") whose brand the other names alone ("Ростелеком", "ОДК"): a subsidiary and
    its parent, two organisations, though the words of one are among the other's. Or one
    names the other as its field: «Комиссия РФ по делам ЮНЕСКО» is no form of «ЮНЕСКО»."""
    for x, y in ((a, b), (b, a)):
        field = re.search(r"\bпо делам\s+(.+)$", x)
        if field and canonical_key(y) in canonical_key(field.group(1)):
            return True
        words_y = {w.lower() for w in re.findall(r"[\w-]+", y)}
        for w in re.findall(r"[\w-]+", x):
            brand, _, rest = w.partition("-")
            if (
                _CYR.search(brand)
                and rest[:1].isupper()
                and brand.lower() in words_y
                and w.lower() not in words_y
            ):
                return True
    return False


# The university's name, and "и"/"and"/"совместно с" between it and another name: "Политех и
# X", "X and SPbPU", "СПбПУ совместно с АО «X»".
# Not another city's «Политех» («Московский Политех и X», «Пермского Политеха»: a place
# adjective before it), nor a word «Политех…» begins («Политехнический музей»).
_OWN_NAME_COORD = (
    r"(?<!ский )(?<!ского )(?<!ском )(?<!ским )(?<!ской )(?<!ый )(?<!ого )"
    rf"(?:{_OWN_SHORT_RU}\b|{_OWN_SHORT_EN}|Политехническ\w+ университет\w*|"
    r"Политех(?:а|у|ом|е)?\b|СПбПУ|СПбГПУ|SPbPU|SPbSTU)"
)
_OWN_THEN_AND = re.compile(
    rf"{_OWN_NAME_COORD}\s+(?:и|and|совместно с|together with)\s+(?:the\s+)?"
    r"(?:[А-ЯЁ]{2,5}\s+)?[«\"“]?$"
)
# ... past the name's bracketed short form: "Федеральное агентство ... (Росмолодёжь) и Политех".
_AND_THEN_OWN = re.compile(
    rf"[»\"”]?(?:\s*\([^()\n]{{1,40}}\))?\s+(?:и|and)\s+(?:the\s+)?{_OWN_NAME_COORD}\b"
)


def _beside_own_name(c: Candidate, text: str) -> bool:
    """Coordinated with the university's own name ("Политех и X", "X and SPbPU"): outside the
    sealed round every such candidate of the corpus (38 in a, c1, c2, c4) is a gold partner."""
    return any(
        _OWN_THEN_AND.search(text, max(0, m.start - 90), m.start)
        or _AND_THEN_OWN.match(text, m.end)
        for m in c.mentions
    )


# Founders named as such: «Её создали Политех и X», «учредителями центра стали СПбПУ, X и Y»,
# "founded by the Polytechnic and X", "co-founded by SPbPU and X"; the list that follows.
_FOUNDERS_CUE = re.compile(
    r"(?:\b(?:создали|учредили|основали)\s|"
    r"(?:со)?учредител\w+\s+(?:[\w-]+\s+){0,3}?(?:стали|выступили|являются|выступают)\s|"
    r"\b(?:co-?)?founded\s+by\s|\b(?:established|created|set\s+up)\s+(?:jointly\s+)?by\s|"
    r"\b(?:co-?)?founders\s+(?:[\w-]+\s+){0,3}?(?:are|were|include)\s)",
    re.IGNORECASE,
)
# Where a list of founders ends: a full stop, a year, a clause after a comma opening with a
# lower-case word that is no type word ("founded by X in 1957, hosts SPbPU students").
_LIST_STOP = re.compile(
    r"[.;:]\s|\s(?:in|в)\s+\d{4}|,\s+(?!(?:and|и|а также|the|компани\w*|фонд\w*|"
    r"институт\w*|университет\w*|корпораци\w*|концерн\w*)\b)[a-zа-яё]"
)
# (A founder itself, not a word it describes: "SPbPU students".)
_OWN_FOUNDER = re.compile(
    rf"(?:{_OWN_NAME_COORD}|\bthe\s+Polytechnic\b)(?!\s+(?!and\b|и\b)[a-zа-яё])"
)
# «X выступил соучредителем центра»: a co-founder named before the word.
_COFOUNDER_AFTER = re.compile(
    r"[»\"”]?\s+(?:также\s+)?(?:выступил\w*|стал\w*|является)\s+(?:одним\s+из\s+)?соучредител"
)


def _a_cofounder(c: Candidate, text: str, sentences: list[tuple[int, int]]) -> bool:
    """Named in a list of founders that holds the university's own name («Её создали Политех и
    X»), or as a co-founder in a sentence naming the university: the guidelines' co-founder of
    a joint centre. Founders of a body the university only visits list no university."""
    for m in c.mentions:
        s0, s1 = sentences[m.sent]
        for cue in _FOUNDERS_CUE.finditer(text, s0, m.start):
            stop = _LIST_STOP.search(text, cue.end(), s1)
            end = stop.start() if stop else s1
            if m.end <= end and _OWN_FOUNDER.search(text, cue.end(), end):
                return True
        if _COFOUNDER_AFTER.match(text, m.end) and _OWN_FOUNDER.search(
            text, sentences[max(0, m.sent - 1)][0], s1
        ):
            return True
    return False


def _named_as_branch(c: Candidate, text: str) -> bool:
    """Described right after its name as a branch of a parent ("X, a branch of Y", «X (Z) —
    филиал Y»): the branch is the body the article is about, as its parent would have been."""
    return any(_BRANCH_AFTER.match(text, m.end) for m in c.mentions)


# The apposition after a branch's name, its short form in brackets allowed.
_BRANCH_AFTER = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:an?|the|one)\s+branch\s+of\s|[—–]\s*филиал\w*\s)"
)


def _as_written(fact: PartnerFact, c: Candidate, text: str) -> str:
    """A party as the text names it: a partner the text calls only by an abbreviation the
    registry spells out («СПбПУ и ОАК подписали ...») signs as "ОАК"; its full name stays the
    partner's name, with the abbreviation among its aliases."""
    said = Counter(text[m.start : m.end].strip() for m in c.mentions)
    if not said or is_abbreviation(fact.name) or fact.name.lower() in text.lower():
        return fact.name  # ... but a full name the text spells anywhere is the party's
    form, _ = said.most_common(1)[0]
    if all(is_abbreviation(x) for x in said) and form in fact.aliases:
        return form
    return fact.name


def _co_signer(c: Candidate, text: str) -> bool:
    """Named with the university as the subject of an act: "X and SPbPU signed ...",
    «Политех и X подписали ...» (a body otherwise taken for context is then a party)."""
    return any(
        _CO_SIGNER_AFTER.match(text, m.end)
        or (
            _CO_SIGNER_BEFORE.search(text, max(0, m.start - 80), m.start)
            and _ACT_NEXT.match(text, m.end)
        )
        for m in c.mentions
    )


# A Russian legal form and the company's name after it, in quotes ("ПАО «Северсталь»") or one
# capitalised word ("ПАО Сбербанк").
_RU_LEGAL_QUOTED = re.compile(
    r"(?<![\w-])(?P<form>ПАО|НАО|ОАО|ЗАО|АО|ООО|ФГУП|ГУП|МУП|АНО|НКО|ГК|"
    # A federal institution's form, which says nothing of its kind: «ФГБУ «РЭА»»
    r"(?P<federal>(?:ФГБОУ|ФГАОУ)\s+ВО|ФГБУН?|ФГБНУ|ФГАУ|ФБУ|ФКП)|"
    # «Группа компаний «X»» is a company named X, as «ГК «X»» is
    r"[Гг]рупп(?:а|ы|е|у|ой)\s+компаний)\s+(?:"
    # A quoted name inside the quotes, the outer closing mark often merged with the inner:
    # "АО «ЦКБ МТ «Рубин»»", "АО «ЦКБ МТ «Рубин»".
    r"«(?P<nested>[^«»\"“”„\n]{2,60}«[^«»\"“”„\n]{2,40}»"
    # (… and the rest of the outer name: «X концерна «Y» — Z завод»)
    r"(?:[^«»\"“”„\n]{1,40}(?=»))?)»?|[«\"“„]"
    r"(?P<name>[^«»\"“”„\n]{2,100})[»\"”“]|(?P<word>[А-ЯЁA-Z][\w-]*[а-яёa-z][\w-]*)"
    # One unquoted word is the whole name only where the name plainly ends: a mark, a
    # conjunction or preposition, a verb of an act ("ПАО Газпром нефть" is no "Газпром").
    rf"(?=\s*(?:[.,;:!?)»]|$)|\s+(?:и|в|во|с|со|на|по|для|из|о|об|—|–)\s|\s+{_ACT_RU}))"
)


def _known_mention(org: KnownOrg, m: re.Match[str], lang: str, sent: int) -> Mention:
    """A registry organisation found at `m`, named in the article's language: by the short
    name the text uses when the registry keeps it as an alias ("Sber", «Сбера» → «Сбер»), as
    the gold names an organisation (abbreviations stay read as the full name)."""
    name = org.name if lang == "ru" or not org.name_en else org.name_en
    key = canonical_key(m.group(0))
    cyrillic = lang == "ru"
    spelt = next(
        (
            a
            for a in org.aliases
            if canonical_key(a) == key
            and m.group(0).startswith(a)  # spelt so («Сбера»), not re-cased («ВОЕНМЕХ»)
            and not is_abbreviation(a)
            and bool(re.search(r"[А-Яа-яЁё]", a)) == cyrillic
        ),
        None,
    )
    if (
        spelt is not None
        and key != canonical_key(name)
        # (The registry's name told too, «ПАО Сбербанк … Сбера», stays the name.)
        and not re.search(r"(?<!\w)" + re.escape(name), m.string, re.IGNORECASE)
    ):
        name = spelt
    return Mention(name=name, start=m.start(), end=m.end(), sent=sent, kind=org.kind)


# A unit described by its parent: "Уральский завод холдинга «X»", "Северное предприятие
# концерна Y" (its type and place, then the parent in the genitive).
_BY_PARENT = re.compile(
    r"^(?P<head>.+?)\s+(?:холдинга|концерна|госкорпорации|корпорации|группы|компании|"
    r"объединения)\b",
    re.IGNORECASE,
)


def _described_by_parent(name: str, named: Row) -> bool:
    """Whether `name` describes the accepted `named` by its parent: the words before the
    parent (a place and a type, "Уральский завод") are all words of the full name the
    article gives ("Уральский оптико-механический завод им. ..."), one of them telling."""
    found = _BY_PARENT.match(name)
    if found is None or named.fact.name == name:
        return False
    head = set(name_tokens(found.group("head")))
    full = set(name_tokens(named.fact.name))
    return len(head) >= 2 and head < full and not head <= GENERIC_STEMS


# A company described by its parent: «предприятие концерна …», «дочерняя компания холдинга …».
# A quoted name right after «предприятие»/«подразделение» is the company's own («—
# предприятием «X»»), after «дочерняя компания» its parent's; an abbreviation is a parent's
# («концерна ВКО»), a legal form («АО») or a lower-case word is not.
_PARENT_OF = (
    r"(?:холдинга|концерна|госкорпорации|корпорации|группы|компании|объединения|дивизиона|"
    r"(?-i:(?!(?:ПАО|НАО|ОАО|ЗАО|АО|ООО|ФГУП|ГУП|МУП|АНО)\s)[А-ЯЁ]{2,5}\s))"
)
_PARENT_DESCRIPTION = re.compile(
    r"(?:(?:предприяти|подразделени)\w*\s+" + _PARENT_OF + r")|"
    r"(?:дочерн\w+\s+(?:компани|обществ|предприяти|структур)\w*\s+(?:" + _PARENT_OF + r"|«))|"
    # «X (Y) — филиал Московского политехнического университета»: a branch's parent.
    r"(?:филиал\w*\s+(?=[А-ЯЁ«]))|"
    # «АО «X», управляющая компания научного дивизиона Госкорпорации «Y»»: a lower-case type
    # word, its attributes, the parent.
    r"(?-i:(?=[а-яё]))(?:компани|организаци|структур|дивизион)\w*\s+(?:[а-яё-]+\s+){0,2}?"
    + _PARENT_OF,
    re.IGNORECASE,
)


def _only_ranked(c: Candidate, text: str, sentences: list[tuple[int, int]]) -> bool:
    """Named only in sentences of a ranking's or a contest's places that say nothing of
    cooperation: a competitor, not a partner."""
    for m in c.mentions:
        s0, s1 = sentences[m.sent]
        if not (_RANKED.search(text, s0, s1) or _FIELD_LISTED.search(text, s0, s1)):
            return False
        if lx.COOP_RU.search(text, s0, s1) or lx.COOP_EN.search(text, s0, s1):
            return False
    return True


def _only_members(c: Candidate, text: str, sentences: list[tuple[int, int]]) -> bool:
    """Named only in sentences listing a network's or an association's members, with neither
    the university nor a word of cooperation there: the network is the partner, its other
    members are not ("Its members include X and Y", «Членами ассоциации являются X и Y»)."""
    if any(_NETWORK_WORD.search(n) for n in c.names):
        return False
    for m in c.mentions:
        s0, s1 = sentences[m.sent]
        if not _MEMBERS.search(text, s0, s1) or _OWN_WORD.search(text, s0, s1):
            return False
        if _CONSORTIUM.search(text, s0, s1) and any(
            _OWN_WORD.search(text, b, e) and _LEADS_CONSORTIUM.search(text, b, e)
            for b, e in sentences
        ):
            return False  # a consortium the university leads or founds: its members join it
        rest = _NETWORK_WORD.sub(" ", _MEMBERS.sub(" ", text[s0:s1]))  # the network is no cue
        if lx.COOP_RU.search(rest) or lx.COOP_EN.search(rest):
            return False
    return True


def _apposition_by_parent(c: Candidate, text: str) -> bool:
    """Named only in an apposition that describes the name before it by its parent («…
    Обуховским заводом — предприятием концерна ВКО «…»», «АО «Бета», дочерняя компания
    холдинга …»): the plant is the organisation; the parent is context by the guidelines."""
    outer = [
        m
        for m in c.mentions
        if not any(o is not m and o.start <= m.start and m.end <= o.end for o in c.mentions)
        # (Nor its short form in brackets right after it: "Y (KNRTU)".)
        and not any(_ALIAS_GAP.fullmatch(text, o.end, m.start) for o in c.mentions if o is not m)
    ]
    return (
        bool(outer)
        and all(
            (
                (_PARENT_DESCRIPTION.match(m.name) or _PARENT_POSSESSIVE_EN.match(text, m.end))
                and re.search(r"[—–,]\s*(?:[а-яё-]+\s+)?$", text[max(0, m.start - 30) : m.start])
            )
            or bool(_PARENT_OF_EN.search(text, max(0, m.start - 80), m.start))
            # (The tagger's span may hold «филиал АО «Y»» whole: the inner mention tells.)
            or any(
                _BRANCH_OF.search(text, max(0, m.start - 60), q.start)
                for q in c.mentions
                if m.start <= q.start < m.end
            )
            or bool(
                re.search(r"[—–,]\s*(?:an?|the)\s+$", text[max(0, m.start - 8) : m.start])
                and _PARENT_TYPE_AFTER.match(text, m.end)
            )
            for m in outer
        )
    )


# The parent as an attribute of the apposition's type word, a clause after it: "Atomstroyexport,
# the Rosatom company that builds plants abroad".
_PARENT_TYPE_AFTER = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:company|subsidiary|enterprise|plant|division|branch|unit|"
    r"arm|operator|manufacturer)\s*(?:,|\b(?:that|which)\b)"
)


# ... and a branch named before its parent: «Институт X (Y) — филиал Z в …», "X, a branch of
# Z", a headline's "X Branch of Z": the branch is the organisation, Z its parent.
_BRANCH_OF = re.compile(
    r"[—–,(]\s*(?:котор\w+\s+(?:является|являются|входит\s+в\s+(?:состав\s+)?)\s*)?"
    r"(?:[а-яё-]+\s+){0,2}?филиал(?:ом|а|е)?\s+(?:(?:ПАО|НАО|ОАО|ЗАО|АО|ООО|ФГУП)\s+)?«?$|"
    r"(?-i:\b[A-Z][\w-]+\s+Branch\s+of\s+(?:the\s+)?)$"
)


# ... and told by a type word and "of" in English: "X Plant, a branch of Y", "X, a subsidiary of
# the Y holding" (the apposition's parent right after "of").
_PARENT_OF_EN = re.compile(
    r"[—–,(]\s*(?:(?:which|that)\s+(?:is|are)\s+(?:an?\s+|the\s+|one\s+)?(?:[\w-]+\s+){0,2}?|"
    r"(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}?"
    # (... or a relative clause after the type word: "ZiO, a plant that is part of Y".)
    r"(?:[\w-]+\s+(?:which|that)\s+(?:is|are)\s+(?:an?\s+)?)?)(?:branch|subsidiary|division|"
    r"affiliate|subdivision|part|member|enterprise|plant)\s+of\s+(?:the\s+)?$"
    # ... or bare, as press releases write it: "United Engine Corporation (UEC), part of Y".
    r"|[—–,]\s*(?:part|a\s+part|subsidiary|division)\s+of\s+(?:the\s+)?$"
)


# The English parent's possessive in an apposition: "TVEL, Rosatom's fuel company".
_PARENT_POSSESSIVE_EN = re.compile(
    r"['’]s?\s+(?:[a-z][\w-]*\s+){0,3}?(?:subsidiary|company|division|enterprise|plant|"
    r"affiliate|branch|unit|operator|manufacturer|arm|holding)\b"
)


# A region's name after a contracted ministry's: «Татарстана», «Свердловской области».
_REGION_AFTER = re.compile(
    r"\s+(?:(?P<type>Республики|[А-ЯЁ][а-яё-]+(?:ой|ого)\s+(?:области|края|округа))\b|"
    r"(?P<place>(?!России\b|РФ\b)[А-ЯЁ][а-яё-]+))"
)


def _regional(word: str, text: str, end: int) -> bool:
    """Whether a contracted ministry's or agency's name (`word`, ending at `end`) is followed by
    a region's: «Минпромторга Татарстана», «Минздрава Свердловской области»."""
    region = _REGION_AFTER.match(text, end)
    return (
        bool(_RU_CONTRACTED.fullmatch(word))
        and region is not None
        and bool(region.group("type") or _known_place(region.group("place")))
    )


_STATE_BODY = re.compile(r"(?:министерств|агентств|служб|комитет|инспекци)\w*", re.IGNORECASE)


def _contractible(c: Candidate) -> bool:
    """Whether a candidate's contracted name may be read off another's full name: not when it
    is a registry organisation with a full Russian name of its own, which would have met the
    other's already («Ростех», «Госкорпорация «Ростех»» is no contracted «Федеральная служба
    по техническому и экспортному контролю»; «Россотрудничество» has no full name there)."""
    org = c.known
    return org is None or not any(_CYR.search(n) and _name_rank(n) == 2 for n in org.all_names())


def _known_place(word: str) -> bool:
    """A word the dictionary knows as a place name ("Ростов", "Минусинск")."""
    return any(
        p.is_known and p.score >= 0.3 and "Geox" in p.tag.grammemes
        for p in morph_vocab().parse(word.lower())
    )


def _contracted_of(short: str, full: str) -> bool:
    """A Russian state body's contracted name read off its full name: «Рос»/«Мин»/«Гос» and
    then beginnings of the full name's words, in any order, the last one's ending free
    («Рособрнадзор»: «образования», «надзору»; «Минобрнауки»; «Росмолодежь»: «молодежи»)."""
    if not _RU_CONTRACTED.fullmatch(short) or not _STATE_BODY.search(full):
        return False
    if _known_place(short.split()[0]):
        return False  # «Ростов», «Минусинск»: a town opening like a contraction names no body
    rest = short.split()[0][3:].lower()
    words = {w.lower() for w in re.findall(r"[а-яёА-ЯЁ]{3,}", full)}
    if len(words) < 3:
        return False

    @cache  # each position once: unmemoised, a long word took exponential time
    def read(k: int) -> bool:
        if k == len(rest):
            return True
        for w in words:
            n = 0
            while n < min(len(w), len(rest) - k) and w[n] == rest[k + n]:
                n += 1
            if n >= 3 and (read(k + n) or (len(rest) - k - n == 1 and n == len(w) - 1)):
                return True
            if n >= 4 and n < len(w) and rest[k + n :] in _NOUN_ENDINGS:
                return True  # «Минприроды» of «природных ресурсов»: the noun's own ending
        return False

    return read(0)


_NOUN_ENDINGS = frozenset({"а", "ы", "и", "я", "у", "ю", "е"})
_NUMBERED_ABBR = re.compile(r"(?P<abbr>[А-ЯЁA-Z]{2,8})[ -]?(?P<n>\d{1,3})")
_NUMBERED_FULL = re.compile(r"(?P<name>.+?)\s+(?:№\s*)?(?P<n>\d{1,3})")


def _numbered_abbreviation(short: str, full: str) -> bool:
    """«ТГК-1» of «Территориальная генерирующая компания № 1»: the initials of the full name's
    words and the same number."""
    a, b = _NUMBERED_ABBR.fullmatch(short.strip()), _NUMBERED_FULL.fullmatch(full.strip())
    return bool(
        a
        and b
        and a.group("n") == b.group("n")
        and len(b.group("name").split()) >= 2
        and abbreviation_of(a.group("abbr"), b.group("name"))
    )


# A federal body's territorial office: «Главное управление МЧС России по г. Санкт-Петербургу»,
# «Управление Росреестра по Ленинградской области», «Северо-Западное управление Ростехнадзора»
# (its head word «управление» alone is too common a noun to be a head of names).
_PLACE_TAIL = (
    r"(?:г\.\s*)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*(?:\s+(?:области|краю|округу|району))?"
    r"(?:\s+и\s+[А-ЯЁ][а-яё]+(?:ой|ому)\s+(?:области|краю|округу|району))?"
)
_TERRITORIAL = re.compile(
    r"(?<![\w-])(?:(?P<adj>(?:[А-ЯЁ][а-яё]+-)?[А-ЯЁ][а-яё]+(?:ое|ого|ому|ым|ом))\s+)?"
    r"(?P<head>[Уу]правлени(?:е|я|ю|ем|и)|ГУ)\s+"
    r"(?P<body>(?:[А-ЯЁ]{2,6}|Рос[а-яё]{4,}|Мин[а-яё]{4,})(?:\s+России)?)"
    rf"(?P<tail>\s+по\s+{_PLACE_TAIL})?"
)


# A region that signs through its head («Губернатор Новгородской области и ректор Политеха
# подписали …») or as a party beside the university («Политех и Псковская область подписали
# …»): its government is the partner.
_REGION_GEN = (
    r"(?:[А-ЯЁ][а-яё-]+(?:ой|ого)\s+(?:области|края|автономного\s+округа)|"
    r"[А-ЯЁ][а-яё-]+(?:ой)\s+Республики|Республики\s+[А-ЯЁ][а-яё-]+(?:\s+\([А-ЯЁ][а-яё]+\))?)"
)
_REGION_NOM = (
    r"(?:[А-ЯЁ][а-яё-]+(?:ая)\s+область|[А-ЯЁ][а-яё-]+(?:ий|ый)\s+(?:край|автономный\s+округ)|"
    r"[А-ЯЁ][а-яё-]+(?:ая)\s+Республика|Республика\s+[А-ЯЁ][а-яё-]+(?:\s+\([А-ЯЁ][а-яё]+\))?)"
)
# ... and the signing told by its signatures or the document's approval or renewal
# («поставили подписи под документом», «утвердили дорожную карту», «продлили договор»).
_ACT_PLURAL = (
    r"(?:подписали|заключили|договорились|будут|займутся|создадут|обсудили|утвердили|продлили|"
    r"поставили\s+(?:свои\s+)?подписи|скрепили)"
)
_REGION_HEAD_SIGNS = re.compile(
    rf"(?:[Гг]убернатор|[Вв]рио губернатора|[Гг]лава)\s+(?P<region>{_REGION_GEN})\s+и\s+"
    rf"(?:ректор|руководств\w+)\s+{_OWN_NAME_COORD}\s+(?:[\w-]+\s+){{0,3}}?{_ACT_PLURAL}\b"
)
_REGION_SIGNS = re.compile(
    rf"{_OWN_NAME_COORD}\s+и\s+(?P<region>{_REGION_NOM})\s+{_ACT_PLURAL}\b|"
    rf"(?<![\w-])(?P<region2>{_REGION_NOM})\s+и\s+{_OWN_NAME_COORD}\s+{_ACT_PLURAL}\b"
)


_REGION_NOUNS_GEN = {
    "область": "области",
    "край": "края",
    "округ": "округа",
    "Республика": "Республики",
}


def _region_genitive(region: str) -> str:
    """«Псковская область» → «Псковской области», «Пермский край» → «Пермского края»."""
    out = []
    for w in region.split():
        if w.startswith("("):
            out.append(w)
            continue
        nouns = {
            "область": "области",
            "край": "края",
            "округ": "округа",
            "Республика": "Республики",
        }
        out.append(nouns.get(w) or re.sub(r"ая$", "ой", re.sub(r"(?:ий|ый)$", "ого", w)))
    return " ".join(out)


def _signing_regions(text: str, sent_of: Callable[[int], int]) -> list[Mention]:
    """The governments of regions that sign or act with the university through their heads or
    as regions; the mention spans the region's name."""
    out: list[Mention] = []
    for m in _REGION_HEAD_SIGNS.finditer(text):
        region = m.group("region")
        out.append(
            Mention(
                name=f"Правительство {region}",
                start=m.start("region"),
                end=m.end("region"),
                sent=int(sent_of(m.start("region"))),
                kind="government",
            )
        )
    for m in _REGION_SIGNS.finditer(text):
        key = "region" if m.group("region") else "region2"
        region = m.group(key)
        out.append(
            Mention(
                name=f"Правительство {_region_genitive(region)}",
                start=m.start(key),
                end=m.end(key),
                sent=int(sent_of(m.start(key))),
                kind="government",
                aliases=[region],
            )
        )
    return out


# Per-candidate counts of what surrounds its mentions, as shares of its mentions (features).
CONTEXT_COUNTS = (
    "event_after",
    "with_before",
    "deleg_before",
    "employer_before",
    "from_before",
    "object_of",
    "place_before",
    "crowded",
    "signed_sent",
    "doc_sent",
    "own_in_sent",
    "attendance",
    "diplomat",
    "launch",
    "listed",
    "context_only",
    "organiser",
    "prev_cue",
    "people_at_work",
    "in_list",
)


# A numbered school ("Lyceum 239", "School No. 57") named as its pupils' or graduates' school
# ("40 graduates of Lyceum 239 entered the Polytechnic", "Lyceum 239 Graduates at SPbPU").
_NUMBERED_SCHOOL_EN = re.compile(r"\b(?:Lyceum|Gymnasium|School)\s+(?:No\.?\s*|№\s*)?\d")
_SCHOOL_PEOPLE_BEFORE = re.compile(
    r"\b(?:graduates?|pupils?|alumn\w+|students?|schoolchildren|teachers?)\s+(?:from|of|at)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_SCHOOL_PEOPLE_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:graduates|pupils|alumni|students|schoolchildren|teachers)\b", re.IGNORECASE
)


# The university, its people or a third side in a signing sentence: then the document may be
# its own (a trilateral one, «при участии Политеха», "signed by the rector").
_OWN_AT_SIGNING = re.compile(
    r"политех|спбпу|спбгпу|университет|вуз|ректор|трёхсторон|трехсторон|с нами|"
    r"polytech|spbpu|spbstu|universit|rector|trilateral|tripartite|three-party|with us|"
    # ... or a third side the two sign with («подписали соглашение с Институтом энергетики»,
    # "signed an agreement with the Advanced Engineering School"): not between themselves.
    r"(?:подписал|заключил|signed|concluded)\w*\s+(?:[\w-]+\s+){0,4}?(?:с|со|with)\s+"
    r"(?:the\s+)?(?-i:[«\"“A-ZА-ЯЁ])",
    re.IGNORECASE,
)
# Two bodies joined as the subject of a signing: «X и Госкорпорация «Y» подписали», "X and Y
# signed", or named after «между»/"between".
_JOINED_GAP = re.compile(r"[»\"”)]?\s*(?:,\s*|\s(?:и|and)\s+|,\s+and\s+)(?:[\w-]+\s+){0,3}?[«\"“]?")
_PLURAL_SIGNS = re.compile(
    r"[»\"”]?\s*(?:\([^()]{0,60}\)\s*)?(?:подписали|заключили|утвердили|продлили|"
    r"(?:have |had )?(?:signed|concluded|renewed)|sign)\b",
    re.IGNORECASE,
)
_BETWEEN_BEFORE = re.compile(r"(?:между|between)\s+(?:[\w-]+\s+){0,4}?[«\"“]?$", re.IGNORECASE)


def _others_signings(
    cands: list[Candidate], text: str, sentences: list[tuple[int, int]], lang: str
) -> frozenset[int]:
    """Sentences that tell a document two outside bodies signed between themselves, with no
    word of the university, its people or a third side: «Правительство области и Госкорпорация
    «Y» подписали соглашение …» in an article where the university's expert comments on it."""
    docs = lx.DOC_RU if lang == "ru" else lx.DOC_EN
    out: set[int] = set()
    for k, (s, e) in enumerate(sentences):
        sent = text[s:e]
        if not lx.SIGNED.search(sent) or _OWN_AT_SIGNING.search(sent):
            continue
        if not any(p.search(sent) for p, _ in docs):
            continue
        here = sorted(
            ((m.start, m.end, i) for i, c in enumerate(cands) for m in c.mentions if m.sent == k),
        )
        for (_, e1, i1), (s2, e2, i2) in itertools.pairwise(here):
            if i1 == i2 or not _JOINED_GAP.fullmatch(text, e1, s2):
                continue
            first = next(a for a, _, i in here if i == i1)
            if _PLURAL_SIGNS.match(text, e2) or _BETWEEN_BEFORE.search(text, s, first):
                out.add(k)
                break
    return frozenset(out)


def _territorial_bodies(text: str, sent_of: Callable[[int], int]) -> list[Mention]:
    """Territorial offices of federal bodies, named in the nominative; the «ГУ X по …» short
    form takes the full name the text gives elsewhere."""
    out: list[Mention] = []
    full: dict[str, str] = {}
    for m in _TERRITORIAL.finditer(text):
        head, adj, tail = m.group("head"), m.group("adj"), m.group("tail") or ""
        if head != "ГУ" and not (head[0].isupper() or adj or tail):
            continue  # «система управления МЧС»: no office named
        body = m.group("body")
        if adj:
            name = f"{re.sub(r'(?:ое|ого|ому|ым|ом)$', 'ое', adj)} управление {body}{tail}"
        else:
            name = f"Управление {body}{tail}"
        if head == "ГУ":
            name = text[m.start() : m.end()]
        else:
            full.setdefault(body.split()[0], name)
        out.append(
            Mention(
                name=name,
                start=m.start(),
                end=m.end(),
                sent=int(sent_of(m.start())),
                kind="government",
            )
        )
    for x in out:
        if x.name.startswith("ГУ "):
            x.name = full.get(x.name.split()[1], x.name)
    return out


def _names_of(p: PartnerFact) -> list[str]:
    return [p.name, *p.aliases, *([p.name_en] if p.name_en else [])]


def _latin_contracted_of(short: str, name: str) -> bool:
    """A one-word short form made of the beginnings of the name's words in order, two at least
    ("Skoltech" of "Skolkovo Institute of Science and Technology", "Nornickel" of "Norilsk
    Nickel"); the first word's beginning opens it."""
    if not re.fullmatch(r"[A-Z][a-z]+[A-Za-z]*", short) or len(short) < 5:
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _NAME_STOP]
    low = short.lower()

    def read(pos: int, k: int, parts: int) -> bool:
        if pos == len(low):
            return parts >= 2
        for j in range(k, len(words)):
            w = words[j]
            for n in range(min(len(w), len(low) - pos), 1, -1):
                if low.startswith(w[:n], pos) and read(pos + n, j + 1, parts + 1):
                    return True
            if parts == 0:
                return False  # the short form opens with the name's first word
        return False

    return bool(words) and read(0, 0, 0)


def _ascii_fold(name: str) -> str:
    """A name without diacritics and case: "São Paulo" and "Sao Paulo" are one spelling."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()


def _fold_name(name: str) -> str:
    return re.sub(r"[^\w -]+", "", name.lower().replace("ё", "е")).strip()


def _spelling_variants(a: str, b: str, codes: Callable[[str], list[str]]) -> bool:
    """Two spellings of one name ("Leibnitz" / "Leibniz", "Vienna" / "Wien University of
    Technology"): close as strings, unless a word that differs names another country on
    each side ("Consulate of Japan" / "Consulate of Poland")."""
    fa, fb = _fold_name(a), _fold_name(b)
    if min(len(a), len(b)) < 8 or fuzz.ratio(fa, fb) < 90:
        return False
    wa, wb = fa.split(), fb.split()
    if len(wa) != len(wb):
        return True
    for x, y in zip(wa, wb, strict=True):
        if x != y:
            cx, cy = codes(x), codes(y)
            if cx and cy and not set(cx) & set(cy):
                return False
    return True


def _same_subject(a: str, b: str) -> bool:
    """Two subjects of one document: equal, or the same first two words ("о создании ...")."""
    return a == b or a.lower().split()[:2] == b.lower().split()[:2]


def _close_quotes(text: str, start: int, end: int) -> int:
    """`end` moved so that text[start:end] does not stop inside a quoted name: to the closing
    quote when it follows soon (a name with a full stop or brackets inside), else to before
    the opening one."""
    part = text[start:end]
    if part.count("«") > part.count("»"):
        opening, closing = part.rindex("«"), "»"
    elif part.count("“") > part.count("”"):
        opening, closing = part.rindex("“"), "”"
    elif part.count('"') % 2:
        opening, closing = part.rindex('"'), '"'
    else:
        return end
    close = text.find(closing, end, end + 100)
    return close + 1 if close >= 0 else start + opening


def _fuller(shown: str | None, other: str | None) -> str | None:
    """The subject to show for a document mentioned twice: the first one given, unless the
    later mention says more of it ("о сотрудничестве" -> "о сотрудничестве в области науки")."""
    if shown is None or (other and other.lower().startswith(shown.lower())):
        return other or shown
    return shown


def _cut_by_excerpt(text: str, end: int) -> bool:
    """Whether a name ending at `end` runs into the end of an excerpt cut mid-sentence
    ("... at the Polytechnic U", "Ministry of Science a"): its last word, or the words after
    it, are lost, so the name is not the one the organisation bears."""
    whole = text.rstrip()
    if _COMPLETE_END.search(whole):
        return False
    if _NAMED_AFTER_END.search(whole, 0, end):
        return False  # "... университет им. Ислама Каримова": the honoured name ends it
    return bool(_CUT_TAIL.fullmatch(whole[end:]))


def _is_cap_word(text: str) -> bool:
    return text[:1].isupper()


def _fix_homoglyphs(text: str) -> str:
    """Cyrillic words with stray Latin look-alike letters, spelled in Cyrillic throughout."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        fixed = word.translate(_HOMOGLYPHS)
        return fixed if not _LAT.search(fixed) else word

    return _MIXED_WORD.sub(fix, text)


# Non-breaking and thin spaces split a name for the patterns ("Nordvik\xa0University",
# "St.\xa0Petersburg"): a plain space is meant. One character for one, so offsets do not move.
_ODD_SPACE = re.compile(r"[\u00a0\u2007\u202f\u2009]")


def _plain_typography(text: str) -> str:
    return _ODD_SPACE.sub(" ", text)


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence text[start:end] as pieces of at most MAX_SENTENCE characters, each cut
    after the last clause boundary in its second half (else at the bound itself)."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut: tuple[int, int, str] | None = None
        for m in _CLAUSE_END.finditer(text, start + MAX_SENTENCE // 2, limit):
            if cut is None or m.group(1) or not cut[2]:
                cut = (m.end(1), m.end(), m.group(1))
        piece_end, next_start = (cut[0], cut[1]) if cut is not None else (limit, limit)
        out.append((start, piece_end))
        start = next_start
    if end > start:
        out.append((start, end))
    return out


def _analysed_part(text: str) -> str:
    """The opening of an over-long text, at most MAX_TEXT characters and about MAX_TOKENS
    tokens, cut after its last sentence or paragraph break there (else at the bound)."""
    bound = min(len(text), MAX_TEXT)
    for n, tok in enumerate(_TOKEN.finditer(text, 0, bound)):
        if n == MAX_TOKENS:
            bound = tok.start()
            break
    if bound == len(text):
        return text
    head = text[:bound]
    cut = max(head.rfind("\n"), head.rfind(". "))
    return head[: cut + 1] if cut > bound // 2 else head


def detect_lang(text: str) -> str:
    """ "ru" when Cyrillic letters outnumber Latin ones, else "en"."""
    return "ru" if len(_CYR.findall(text)) >= len(_LAT.findall(text)) else "en"


class Extractor:
    """Loads the natasha models once; `extract` is then cheap and thread-confined."""

    def __init__(self, models: Models | None = None) -> None:
        self._models = models or Models.load()
        self._segmenter = Segmenter()
        embedding = NewsEmbedding()
        self._morph = NewsMorphTagger(embedding)
        self._ner = NewsNERTagger(embedding)
        self._vocab = morph_vocab()  # the search's, loaded once per process
        self._registry = Registry.load()
        self._eponyms: dict[str, str] | None = None
        self._single = self._registry.single_word_names()
        # Multi-word Latin registry names with no head word ("Gazprom Neft"), which the
        # English head-word rule cannot find.
        latin = {
            n
            for org in self._registry.orgs
            for n in org.all_names()
            if " " in n and re.fullmatch(r"[A-Z][\w&'-]*(?: [A-Z][\w&'-]*)+", n)
        }
        self._latin_multi = (
            re.compile(
                r"(?<![\w-])(?:"
                + "|".join(re.escape(n) for n in sorted(latin, key=len, reverse=True))
                + r")(?![\w-])"
            )
            if latin
            else None
        )
        self._countries = CountryResolver(self._lemma)
        self._chunker = RuChunker(
            self._inflect,
            lambda w: bool(self._countries.codes(w)),
            self._genitive_noun,
            self._verb_form,
        )

    # --- morphology helpers -------------------------------------------------------------

    @lru_cache(maxsize=4096)  # noqa: B019  # one Extractor lives for the whole process
    def _genitive_noun(self, word: str) -> bool:
        """The dictionary knows `word` as a common noun's genitive."""
        return any(
            p.is_known
            and p.score >= 0.1
            and {"NOUN", "gent"} <= p.tag.grammemes
            and not {"Name", "Surn", "Patr", "Geox"} & p.tag.grammemes
            for p in self._vocab.parse(word.lower())
        )

    def _verb_form(self, word: str) -> bool:
        """The dictionary knows `word` as a verb's form (a participle or gerund too)."""
        return any(
            p.is_known and p.tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND")
            for p in self._vocab.parse(word.lower())
        )

    @lru_cache(maxsize=256)  # noqa: B019  # one Extractor lives for the whole process
    def _text_codes(self, text: str) -> tuple[str, ...]:
        """Countries a whole text names, in order (asked several times per article)."""
        return tuple(self._countries.codes(text))

    @lru_cache(maxsize=65536)  # noqa: B019  # one Extractor lives for the whole process
    def _lemma(self, word: str) -> str:
        forms = self._vocab(word.lower())
        return str(forms[0].normal) if forms else word.lower()

    @lru_cache(maxsize=65536)  # noqa: B019  # one Extractor lives for the whole process
    def _lemma_pos(self, word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
        return str(self._vocab.lemmatize(word, pos, dict(feats)))

    def _adj_nom(self, word: str, gender: str) -> str:
        """An adjective in the nominative singular of `gender`; a compound ("Кыргызско-
        Российского") changes only its last part."""
        head, sep, last = word.rpartition("-")
        for form in self._vocab(last.lower()):
            if form.pos == "ADJ":
                nom = form.inflect({"Nom", "Sing", gender})
                if nom is not None:
                    return head + sep + str(recover_shape(nom.word, last))
        return word

    def _coordinated(
        self, toks: Sequence[Tok], i: int, j: int, h: int, text: str
    ) -> list[tuple[str, int, int]]:
        """ "Российско-Армянского и Белорусско-Российского университетов": one plural head
        shared by coordinated adjective groups, each a name of its own (singular)."""
        head = toks[h]
        if head.feats.get("Number") != "Plur" or i == h:
            return []

        def adjective(t: Tok) -> bool:
            return t.sent == head.sent and (
                t.pos == "ADJ" or (_is_cap_word(t.text) and bool(_ADJ_END.search(t.text)))
            )

        # Plural adjectives right before the head are shared: "Томского и Новосибирского
        # государственных университетов" are two state universities.
        s = h
        while s > i and toks[s - 1].pos == "ADJ" and toks[s - 1].feats.get("Number") == "Plur":
            s -= 1
        groups = [(i, s)]
        k = i
        while k >= 2 and toks[k - 1].text.lower() in ("и", ",") and adjective(toks[k - 2]):
            e = k - 1
            b = e
            while b > 0 and adjective(toks[b - 1]):
                b -= 1
            groups.append((b, e))
            k = b
        if len(groups) < 2:
            return []
        forms = [f for f in self._vocab(head.text.lower()) if f.pos == "NOUN"]
        nom = forms[0].inflect({"Nom", "Sing"}) if forms else None
        # A plural head carries no gender; the dictionary's singular does ("университетами").
        gender = (forms[0].feats.get("Gender") if forms else None) or head.feats.get(
            "Gender", "Masc"
        )
        head_word = str(recover_shape(nom.word, head.text)) if nom is not None else head.text
        shared = [self._adj_nom(toks[x].text, gender) for x in range(s, h)]
        head_word = " ".join([*shared, head_word])
        tail = text[head.end : toks[j - 1].end] if j - 1 > h else ""
        out: list[tuple[str, int, int]] = []
        for b, e in reversed(groups):
            if not any(_is_cap_word(toks[x].text) for x in range(b, e)):
                return []  # "ведущих и региональных университетов": no names here
            words = [self._adj_nom(toks[x].text, gender) for x in range(b, e)]
            out.append((" ".join([*words, head_word]) + tail, toks[b].start, toks[e - 1].end))
        return out

    def _shared_genitive(self, toks: Sequence[Tok], h: int) -> list[tuple[str, int, int]]:
        """ "администрациями Выборгского и Приморского районов": a plural body head, then
        coordinated adjectives sharing one plural genitive noun; each is a body of its own
        ("Администрация Выборгского района", "Администрация Приморского района")."""
        head = toks[h]
        if head.feats.get("Number") != "Plur" or head.lemma not in _PLURAL_BODIES:
            return []
        adjs: list[Tok] = []
        k = h + 1
        while k < len(toks) and toks[k].sent == head.sent:
            t = toks[k]
            if t.pos == "ADJ" and _is_cap_word(t.text) and t.feats.get("Case") == "Gen":
                adjs.append(t)
            elif t.text.lower() not in ("и", ",") or not adjs:
                break
            k += 1
        if len(adjs) < 2 or k >= len(toks):
            return []
        noun = toks[k]
        if noun.pos != "NOUN" or noun.feats.get("Number") != "Plur" or noun.lemma not in _PLACES:
            return []
        forms = [f for f in self._vocab(noun.text.lower()) if f.pos == "NOUN"]
        gen = forms[0].inflect({"Gen", "Sing"}) if forms else None
        body = [f for f in self._vocab(head.text.lower()) if f.pos == "NOUN"]
        nom = body[0].inflect({"Nom", "Sing"}) if body else None
        if gen is None or nom is None:
            return []
        name = str(nom.word).capitalize()
        return [(f"{name} {a.text} {gen.word}", a.start, noun.end) for a in adjs]

    def _inflect(self, tok: Tok) -> str:
        if _ALL_CAPITALS.fullmatch(tok.text):
            return tok.text  # an abbreviation is not declined («директор ЦНИИХМ»)
        if "-" in tok.text and tok.pos == "ADJ" and not self._vocab(tok.text.lower()):
            first, _, last = tok.text.rpartition("-")
            part = Tok(last, tok.start, tok.end, tok.sent, tok.pos, tok.feats, tok.lemma)
            return f"{first}-{self._inflect(part)}"
        word = tok.text.lower()
        for form in self._vocab(word):
            pos = "NOUN" if tok.pos == "PROPN" else tok.pos
            # Participles serve as adjectives in names ("Объединённая ... корпорация").
            also = "PROPN" if pos == "NOUN" else "VERB" if pos == "ADJ" else pos
            if form.pos in (pos, also) and all(
                form.feats.get(k) == tok.feats.get(k) for k in ("Case", "Number", "Gender")
            ):
                nom = form.inflect({"Nom"})
                if nom is not None:
                    return str(recover_shape(nom.word, tok.text))
        for form in self._vocab(word):
            if form.pos == ("NOUN" if tok.pos == "PROPN" else tok.pos) and form.feats.get(
                "Case"
            ) == tok.feats.get("Case"):
                nom = form.inflect({"Nom"})
                if nom is not None:
                    return str(recover_shape(nom.word, tok.text))
        return tok.text

    # --- public API ---------------------------------------------------------------------

    def extract(self, article: ArticleInput) -> Extraction:
        """Extract partners and agreements; never raises on odd text."""
        return self.decide(self.analyse(article))

    def analyse(self, article: ArticleInput) -> Analysis:
        """The model-free part (NER, candidates, their features): the costly step, which the
        training command runs once per article and then decides with many models."""
        body = _fix_homoglyphs(_plain_typography(article.text or ""))
        title = _fix_homoglyphs(_plain_typography(article.title or "").strip())
        text = body if not title or body.lstrip().startswith(title) else f"{title}\n\n{body}"
        text = _analysed_part(text)
        title_end = text.find(title) + len(title) if title and title in text else 0
        lang = article.lang if article.lang in ("ru", "en") else detect_lang(text)
        sentences = self._sentences(text)

        starts = [s for s, _ in sentences]

        def sent_of(pos: int) -> int:
            k = bisect.bisect_right(starts, pos) - 1
            if k >= 0 and pos < sentences[k][1]:
                return k
            return max(0, len(sentences) - 1)

        if lang == "ru":
            mentions = self._ru_mentions(text, sentences)
            # Foreign names left in Latin letters ("China Metallurgical Group Corporation"),
            # which the Russian tagger reads as foreign words.
            mentions += [
                x
                for x in en_mentions(text, sent_of, 0)
                if not any(y.start < x.end and x.start < y.end for y in mentions)
            ]
        else:
            mentions = en_mentions(text, sent_of, title_end)
            mentions += self._consulates(text, sent_of)
            mentions += self._en_companies(text, mentions, sent_of, title_end)
            mentions += self._en_abbreviations(text, mentions, sent_of)
            mentions = [part for m in mentions for part in self._known_pair(m)]
        if lang == "ru":
            mentions += self._ru_companies(text, mentions, sent_of)
            mentions += self._eponym_abbreviations(text, mentions, sent_of)
            local = _territorial_bodies(text, sent_of) + _signing_regions(text, sent_of)
            mentions = [
                x for x in mentions if not any(y.start < x.end and x.start < y.end for y in local)
            ] + local
        mentions += self._registry_mentions(text, mentions, sent_of, lang)
        mentions = [
            m
            for m in mentions
            if len(m.name) <= MAX_NAME_CHARS and len(m.name.split()) <= MAX_NAME_WORDS
        ]
        if len(mentions) > MAX_MENTIONS:
            last = sorted(m.start for m in mentions)[MAX_MENTIONS - 1]
            mentions = [m for m in mentions if m.start <= last]
        beside = self._beside_own(text, mentions, sent_of, lang)
        mentions = [
            x for x in mentions if not any(y.start < x.end and x.start < y.end for y in beside)
        ] + beside
        # A name never runs over a line break: the tagger may join the headline's last word
        # to the first word of the text ("Политех\n\nДелегация", "Сбербанк\n\nСбербанк"); each
        # side is read as a name of its own, one proper word at most.
        mentions = [
            part
            for m in mentions
            if not _cut_by_excerpt(text, m.end)
            for part in ([m] if "\n" not in m.name else _line_parts(m, text, sent_of))
        ]
        self._attach_brackets(text, mentions, lang)
        # A headline that is only the opening of the text's first sentence ("SPbPU and X
        # University signed ...") is prose, not a Title Case line: its names stand alone.
        runs_on = bool(title_end) and text[title_end : title_end + 1] not in ("", "\n", "\r")
        candidates = self._merge(mentions, lang, 0 if runs_on else title_end, text)
        others = _others_signings(candidates, text, sentences, lang)
        rows = self._rows(candidates, text, sentences, title_end, lang, others)
        features = self._article_features(article, text, lang, sentences)
        ruled = sum(r.features["rule"] for r in rows)
        for r in rows:
            # How the article around a candidate reads: partnership news or not.
            r.features["a_strong"] = features["strong"]
            r.features["a_signed_doc"] = features["signed_doc"]
            r.features["a_title_cue"] = features["title_cue"]
            r.features["a_not_partner_title"] = features["not_partner_title"]
            r.features["a_ruled"] = math.log1p(ruled)
        return Analysis(
            article=article,
            text=text,
            sentences=sentences,
            title_end=title_end,
            lang=lang,
            rows=rows,
            features=features,
            others_signed=others,
        )

    def decide(self, analysis: Analysis, models: Models | None = None) -> Extraction:
        """Partners, agreements and the partnership flag of an analysed article under `models`
        (the packaged ones by default)."""
        models = models or self._models
        facts, agreements, x = self.select(analysis, models.partner)
        partnership = models.article.accept(x)
        if partnership and not facts:
            talked = self._talked_about(analysis, models.partner)
            if talked:
                facts, agreements = talked
        if partnership and not agreements and self._no_partnership_news(analysis, facts):
            partnership = False
        category = analysis.article.category or ""
        if partnership and not agreements and _NEGATIVE_CATEGORY.search(category):
            # No training article carries a feed category, so the model cannot weigh it.
            partnership = False
        if not partnership:
            facts, agreements = [], []
        return Extraction(
            id=analysis.article.id,
            partnership=partnership,
            partners=tuple(facts),
            agreements=tuple(agreements),
        )

    @staticmethod
    def _no_partnership_news(a: Analysis, facts: list[PartnerFact]) -> bool:
        """News the guidelines count out though it names outside bodies or a visit, which too
        few training articles show for the model to learn: an obituary (its headline or first
        sentence tells of a death), a grant won alone (its fund the only body named, no act of
        cooperation told), graduates' careers at a body or a career day with no act of
        cooperation told, or a state official's visit with no talks, partner found or
        cooperation word (see `_OFFICIAL_VISIT`)."""
        first = a.text[: a.sentences[0][1]] if a.sentences else a.text
        if a.title_end and len(a.sentences) > 1 and a.sentences[0][1] <= a.title_end + 2:
            first = a.text[: a.sentences[1][1]]  # the headline and the lead
        if any(
            m.start() < a.title_end or not _EPONYM_RELATIVE_BEFORE.search(first, 0, m.start())
            for m in _OBITUARY.finditer(first)
        ):
            return True
        acts = [
            p for k, p in zip(_COOP_FAMILIES, _COOP_CUES, strict=True) if k not in ("coop", "staff")
        ]
        if (
            not facts
            and any(_only_a_funder(r.candidate, r.candidate.names, a.text) for r in a.rows)
            and all(r.names_nothing for r in a.rows)
            and not any(p.search(a.text) for p in acts)
        ):
            return True  # a grant won alone: the only body named is its fund
        if (
            not facts
            and a.rows
            and all(r.in_role for r in a.rows)
            and bool(_SPONSORED.search(a.text))
            and bool(lx.SPEECH_EVENT.search(a.text))
            and not _CO_ORGANISED.search(a.text)
        ):
            return True  # a conference's sponsors and speakers' employers, nobody else named
        signers = {
            n
            for r in a.rows
            if any(m.sent in a.others_signed for m in r.candidate.mentions)
            for n in (*r.candidate.names, r.fact.name)
        }
        if (
            a.others_signed
            and all({f.name, *f.aliases} & signers for f in facts)
            and not any(
                p.search(a.text)
                for k, p in zip(_COOP_FAMILIES, _COOP_CUES, strict=True)
                if k not in ("coop", "staff", "doc", "sign")
            )
        ):
            # Two outside bodies' document, the university only comments on it: its partners
            # found are those bodies, named again in the headline.
            return True
        if (
            (_ONE_PERSONS_OCCASION.search(first) or (not facts and _EXCURSION.search(first)))
            and not _PARTNERSHIP_ACT.search(a.text)
            and not re.search(_WITH_OWN, a.text, re.I)
        ):
            # A company's lecture, a student's own internship, students' excursion to a plant
            # where no partner is found (not one given jointly, not a partner's plant).
            return True
        careers = _GRADUATES_EMPLOYED.search(first) and not _JOINT_PROGRAMME.search(first)
        if (careers or _CAREER_EVENT.search(first)) and not any(p.search(a.text) for p in acts):
            return True  # graduates' careers at a company, a job fair: no act of the university's
        return (
            not facts
            and bool(_OFFICIAL_VISIT.search(a.text))
            and not _TALKS.search(a.text)
            and not any(
                p.search(a.text)
                for k, p in zip(_COOP_FAMILIES, _COOP_CUES, strict=True)
                if k != "delegation"
            )
        )

    def _talked_about(
        self, a: Analysis, partner: Logistic
    ) -> tuple[list[PartnerFact], list[AgreementFact]] | None:
        """A partnership article's partner that the partner model doubts: its likeliest
        candidate, if at least `TALKED_ABOUT_P` likely and the article keeps telling about it
        (named in two sentences, or named and then referred back to by a body's type word:
        «АО «X» … передаст заводу»). None otherwise."""
        scored = [(partner.prob(r.features), r) for r in a.rows if not r.names_nothing]
        if not scored:
            return None
        p, top = max(scored, key=lambda t: t[0])
        if top.in_role:
            # A body the article once names in a role of its own (a graduate's employer, a
            # sponsor) and then tells more about: its context, not its doubted partner.
            return None
        sents = {m.sent for m in top.candidate.mentions}
        first = min(sents)
        sents |= {
            k
            for k, (b, e) in enumerate(a.sentences)
            if k > first and _BODY_REF.search(a.text, b, e)
        }
        if p < TALKED_ABOUT_P or len(sents) < 2:
            return None
        facts, agreements, _ = self.select(a, replace(partner, threshold=p))
        return (facts, agreements) if facts else None

    def select(
        self, a: Analysis, partner: Logistic
    ) -> tuple[list[PartnerFact], list[AgreementFact], dict[str, float]]:
        """The partners `partner` accepts (one per organisation), the agreements they sign,
        and the article features the partnership classifier reads."""
        scored = sorted(
            ((partner.prob(r.features), n, r) for n, r in enumerate(a.rows)),
            key=lambda x: (-x[0], x[1]),
        )
        scored_p = {n: p for p, n, _ in scored}
        lifted = self._listed_with_accepted(a, scored_p, partner.threshold) | {
            n
            for n, r in enumerate(a.rows)
            if _beside_own_name(r.candidate, a.text)
            or _named_as_branch(r.candidate, a.text)
            or _a_cofounder(r.candidate, a.text, a.sentences)
        }
        if lifted:
            scored = sorted(
                ((max(p, partner.threshold) if n in lifted else p, n, r) for p, n, r in scored),
                key=lambda x: (-x[0], x[1]),
            )
        chosen: list[tuple[int, Row]] = []
        for p, n, r in scored:
            if p < partner.threshold:
                break
            if r.names_nothing:
                continue  # "Chinese University", "Government Vice-Premier": names no partner
            same = next(
                (i for i, (_, o) in enumerate(chosen) if self._same_org(r, o, a.text)), None
            )
            if same is not None and self._glosses(r, chosen[same][1], a.text):
                continue  # "University of Applied Sciences" after its name: no name of its own
            by_parent = next(
                (i for i, (_, o) in enumerate(chosen) if _described_by_parent(r.fact.name, o)),
                None,
            )
            if by_parent is not None:
                # "Уральский завод холдинга X" for the "Уральский оптико-механический завод"
                # the article names: one plant; the description is its alias (not the
                # parent's names, which are another organisation's).
                k, o = chosen[by_parent]
                if r.fact.name not in _names_of(o.fact):
                    fact = replace(o.fact, aliases=(*o.fact.aliases, r.fact.name))
                    chosen[by_parent] = (k, replace(o, fact=fact))
                continue
            described = next(
                (i for i, (_, o) in enumerate(chosen) if _described_by_parent(o.fact.name, r)),
                None,
            )
            if described is not None:  # the description was accepted first: the name replaces it
                k, o = chosen[described]
                fact = replace(r.fact, aliases=(*r.fact.aliases, o.fact.name))
                chosen[described] = (k, replace(r, fact=fact))
                continue
            if same is not None and self._glosses(chosen[same][1], r, a.text):
                # The gloss was accepted first: the name it glosses takes its place.
                k, o = chosen[same]
                both = Candidate(
                    mentions=[*o.candidate.mentions, *r.candidate.mentions],
                    known=o.candidate.known or r.candidate.known,
                    aliases=r.candidate.aliases,
                )
                chosen[same] = (k, Row(candidate=both, fact=r.fact, features=r.features))
                continue
            misread = same is not None and (
                _misread(r, chosen[same][1]) or _misread(chosen[same][1], r)
            )
            if same is not None and misread:
                # «ТГУ» read by the registry as «Томский …» beside the «Тестовский
                # государственный университет» it spells: the full name's, with the
                # abbreviation as its alias and none of the other organisation's names.
                k, o = chosen[same]
                keep, codes = misread
                added = [x for x in codes if x not in _names_of(keep.fact)]
                both = Candidate(
                    mentions=[*o.candidate.mentions, *r.candidate.mentions],
                    known=None,
                    aliases=keep.candidate.aliases,
                )
                fact = replace(keep.fact, aliases=(*keep.fact.aliases, *added))
                chosen[same] = (k, Row(candidate=both, fact=fact, features=keep.features))
                continue
            if same is not None:
                # One organisation under two forms ("Technische Universität Graz" and "Graz
                # University of Technology", "LUH" and a misspelt full name): keep the likelier
                # one, the other form becomes an alias.
                k, o = chosen[same]
                if _declined_of(o.fact.name, _names_of(r.fact)):
                    # The headline's declined «Ланита» was accepted first: the text's form
                    # names it.
                    o = replace(o, fact=replace(r.fact, name_en=r.fact.name_en))
                extra = [
                    x
                    for x in (r.fact.name, *r.fact.aliases)
                    if x not in _names_of(o.fact) and not _declined_of(x, _names_of(o.fact))
                ]
                if extra or o is not chosen[same][1]:
                    fact = replace(o.fact, aliases=(*o.fact.aliases, *extra))
                    if _name_rank(r.fact.name) > _name_rank(o.fact.name):
                        # The fuller form names it: "Graz University of Technology", not
                        # "University of Technology"; a full name, not an abbreviation.
                        rest = [x for x in fact.aliases if x != r.fact.name]
                        fact = replace(
                            fact,
                            name=r.fact.name,
                            aliases=(o.fact.name, *rest),
                            name_en=r.fact.name_en
                            if o.fact.name_en == o.fact.name
                            else o.fact.name_en,
                        )
                    both = Candidate(
                        mentions=[*o.candidate.mentions, *r.candidate.mentions],
                        known=o.candidate.known or r.candidate.known,
                        aliases=o.candidate.aliases,
                    )
                    chosen[same] = (k, Row(candidate=both, fact=fact, features=o.features))
                continue
            chosen.append((n, r))
        # A parent named to place a partner in its group («АО «X» (входит в группу «Y»)», "X,
        # part of Y") is context, not a partner of its own.
        chosen = [
            (k, r)
            for k, r in chosen
            if not _named_as_parent(r, [o for _, o in chosen if o is not r], a.text)
        ]
        chosen.sort(key=lambda x: x[0])
        facts = [r.fact for _, r in chosen]
        cand_of = {r.fact.name: r.candidate for _, r in chosen}
        main = min(chosen, key=lambda x: -scored_p[x[0]])[1].fact.name if chosen else None
        agreements = self._agreements(
            a.text, a.sentences, facts, cand_of, a.lang, a.title_end, main, a.others_signed
        )
        probs = [p for p, _, _ in scored]
        # (Not "signed_doc", which the partner model reads: `agreements` tells it here.)
        x = {k: v for k, v in a.features.items() if k != "signed_doc"}
        x["max_p"] = probs[0] if probs else 0.0
        x["partners"] = math.log1p(len(facts))
        x["agreements"] = float(bool(agreements))
        x["rule"] = float(self._classify(a.article, a.text, facts, agreements))
        # How much of the article is about an outside body: the share of sentences that name a
        # likely partner (whether or not it passes the cut) or refer back to a body by its type
        # word («инженеры предприятия»); an article about the university alone names none.
        named = {m.sent for p, _, r in scored if p >= NAMED_P for m in r.candidate.mentions}
        named |= {
            k
            for k, (b, e) in enumerate(a.sentences)
            if _BODY_REF.search(a.text, b, e) or _REGION_HEAD.search(a.text, b, e)
        }
        x["named_sents"] = len(named) / max(len(a.sentences), 1)
        return facts, agreements, x

    @staticmethod
    def _listed_with_accepted(a: Analysis, probs: dict[int, float], cut: float) -> set[int]:
        """Rows scored between `LIST_CUT` and the cut that one list joins to an accepted row of
        the same kind: items of one enumeration ("X (Belgium); the Y, Z and W") share a role."""
        items = sorted(
            (m.start, m.end, m.sent, n) for n, r in enumerate(a.rows) for m in r.candidate.mentions
        )
        parent = list(range(len(a.rows)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for (_, e1, s1, n1), (b2, _, s2, n2) in itertools.pairwise(items):
            if s1 == s2 and n1 != n2 and _LIST_ITEM_GAP.fullmatch(a.text, e1, b2):
                parent[find(n1)] = find(n2)
        accepted: dict[tuple[int, str], bool] = {}
        for n, r in enumerate(a.rows):
            if probs[n] >= cut and not r.names_nothing:
                accepted[(find(n), r.fact.kind)] = True
        return {
            n
            for n, r in enumerate(a.rows)
            if LIST_CUT <= probs[n] < cut
            and not r.names_nothing
            and accepted.get((find(n), r.fact.kind), False)
        }

    @staticmethod
    def _glosses(gloss: Row, named: Row, text: str) -> bool:
        """Whether `gloss` is a type gloss right after `named`: "Hochschule X - University of
        Applied Sciences" (whichever of the two forms the model accepted first)."""
        return is_type_gloss(gloss.fact.name) and any(
            _GENERIC_GAP.fullmatch(text[q.end : m.start])
            for m in gloss.candidate.mentions
            for q in named.candidate.mentions
            if q.end <= m.start
        )

    def _same_org(self, r: Row, o: Row, text: str) -> bool:
        """Whether candidate `r` is another form of the already accepted `o` in one article."""
        mine, theirs = _bare_forms(_names_of(r.fact)), _bare_forms(_names_of(o.fact))
        known = (r.candidate.known, o.candidate.known)
        if None not in known and known[0] is not known[1]:
            return False  # two registry entries: "Gazprom" and "Gazprom Neft"
        if any(names_match(x, y) and not _brand_compound(x, y) for x in mine for y in theirs):
            return True
        if any(_spelling_variants(x, y, self._countries.codes) for x in mine for y in theirs):
            return True  # spelling variants: "Leibnitz" / "Leibniz"
        if any(
            (_contractible(r.candidate) and _contracted_of(x, y))
            or (_contractible(o.candidate) and _contracted_of(y, x))
            for x in mine
            for y in theirs
        ):
            return True  # «Рособрнадзор» of «Федеральная служба по надзору в сфере образования»
        if any(
            _numbered_abbreviation(x, y) or _numbered_abbreviation(y, x)
            for x in mine
            for y in theirs
        ):
            return True  # «ТГК-1» of «Территориальная генерирующая компания № 1»
        toks = set(name_tokens(r.fact.name))
        if is_generic_name(r.fact.name) and any(toks < set(name_tokens(y)) for y in theirs):
            return True  # a generic fragment of the name: "University of Technology"
        if self._glosses(r, o, text) or self._glosses(o, r, text):
            return True
        if any(
            _ALIAS_GAP.fullmatch(text[q.end : m.start])
            for m in r.candidate.mentions
            for q in o.candidate.mentions
            if q.end <= m.start
        ):
            return True  # a short form right after the name: X “LETI”, X (LUH)
        if any(
            _abbreviated_with_tail(x, y) or _abbreviated_with_tail(y, x)
            for x in mine
            for y in theirs
        ):
            return (
                True  # «МГТУ им. Баумана» of «Московский государственный технический университет …»
            )
        if any(_declined_brand(x, y) or _declined_brand(y, x) for x in mine for y in theirs):
            return True  # «Ланита» of the headline's «… и «Ланита»» for the text's «Ланит»
        if any(
            _abbreviated_after_lead(x, y) or _abbreviated_after_lead(y, x)
            for x in mine
            for y in theirs
        ):
            return True  # «Северное ПКБ» of «Северное проектно-конструкторское бюро»
        if any(_latin_initials_of(x, y) or _latin_initials_of(y, x) for x in mine for y in theirs):
            return True  # "ETRI" of "... инженерно-технологический исследовательский институт"
        return any(_same_translated(x, y) for x in mine for y in theirs)

    def _article_features(
        self, article: ArticleInput, text: str, lang: str, sentences: list[tuple[int, int]]
    ) -> dict[str, float]:
        """Model-free article cues for the partnership classifier: a few dense cues, no word
        bag. Which cooperation and which passing-mention families (see `_COOP_FAMILIES`) the
        title with the lead and the whole text name, whether a sentence says a document was
        signed, how often cooperation itself is named, the title's look, whether the title with
        the lead reports an honour received, whether rectors meet (plural "rectors") and how
        many sentences refer back to a body by its type word. (The partner model's verdicts and
        where its likely partners stand are added by `select`; "signed_doc" is the partner
        model's only.)"""
        title = article.title or ""
        lead = text[: sentences[0][1]] if sentences else ""
        if title and len(sentences) > 1 and sentences[0][1] <= len(title) + 2:
            lead = text[: sentences[1][1]]
        head = f"{title}\n{lead}"
        strong = re.findall(
            r"сотрудничеств|партн[её]р|делегаци|cooperation|partnership|delegation|"
            r"российско-\w+|(?<!\w)\w+-российск|russian-\w+",
            text,
            re.I,
        )
        signed_doc = any(
            lx.SIGNED.search(text[s:e])
            and any(p.search(text[s:e]) for p, _ in (lx.DOC_RU if lang == "ru" else lx.DOC_EN))
            for s, e in sentences
        )
        return {
            "not_partner_title": float(_not_partner_title(title)),
            # An honour is the news unless the headline also names a cooperation act (a
            # document, a signing, a delegation, a joint unit or one created): "X and SPbPU
            # receive a prize for their joint lab" stays a partnership.
            "tl_honour": float(
                bool(lx.HONOUR_RECEIVED.search(head))
                and not lx.HONORARY_DEGREE.search(head)
                and not any(p.search(head) for p in _ACT_CUES)
            ),
            "rectors": float(bool(lx.RECTORS.search(text))),
            "title_cue": float(bool(_TITLE_CUE.search(title))),
            "t_passing": float(any(p.search(title) for p in _PASSING_CUES)),
            "strong": math.log1p(len(strong)),
            "signed_doc": float(signed_doc),
            "tl_coop_families": math.log1p(sum(1 for p in _COOP_CUES if p.search(head))),
            "tl_passing_families": math.log1p(sum(1 for p in _PASSING_CUES if p.search(head))),
            "coop_families": math.log1p(sum(1 for p in _COOP_CUES if p.search(text))),
            "passing_families": math.log1p(sum(1 for p in _PASSING_CUES if p.search(text))),
            # How many sentences name a body again by its type word.
            "body_refs": math.log1p(sum(1 for b, e in sentences if _BODY_REF.search(text, b, e))),
        }

    # --- sentences and mentions ---------------------------------------------------------

    @staticmethod
    def _sentences(text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        pos = 0
        for m in _SENT_SPLIT.finditer(text):
            # The word before the break; a word of 100+ characters is no abbreviation ("г.").
            prev = re.search(r"(\S+)\s*$", text[max(pos, m.start() - 100) : m.start()])
            if prev and "\n" not in m.group(0) and _NO_SPLIT_AFTER.match(prev.group(1)):
                continue
            if m.start() > pos:
                out.extend(_bounded(text, pos, m.start()))
            pos = m.end()
        if pos < len(text):
            out.extend(_bounded(text, pos, len(text)))
        return out or [(0, len(text))]

    def _ru_mentions(self, text: str, sentences: list[tuple[int, int]]) -> list[Mention]:
        doc = Doc(text)
        doc.segment(self._segmenter)
        doc.tag_morph(self._morph)
        doc.tag_ner(self._ner)
        toks: list[Tok] = []
        bounds = [s for s, _ in sentences]
        k = 0
        for t in doc.tokens:
            while k + 1 < len(bounds) and t.start >= bounds[k + 1]:
                k += 1
            lemma = t.text.lower()
            if t.pos in ("NOUN", "PROPN"):
                lemma = self._lemma_pos(
                    t.text.lower(), t.pos, tuple(sorted((t.feats or {}).items()))
                )
            toks.append(as_tok(t, k, lemma))
        by_start = {t.start: n for n, t in enumerate(toks)}
        person: set[int] = set()
        for span in doc.spans:
            if span.type == "PER":
                person.update(n for n, t in enumerate(toks) if span.start <= t.start < span.stop)
        sent_first: dict[int, int] = {}
        for n, t in enumerate(toks):
            sent_first.setdefault(t.sent, n)
        out: list[Mention] = []
        covered: list[tuple[int, int, Mention]] = []
        signing: dict[int, bool] = {}  # sentence → whether it signs or cooperates (schools)
        own_units: list[tuple[int, int]] = []
        for h, tok in enumerate(toks):
            kind = self._chunker.head_kind(tok)
            if tok.lemma == "комиссия" and self._commission_of(toks, h, sent_first):
                # «комиссия Газпрома по подготовке кадров», «аккредитационная комиссия
                # Рособрнадзора»: a body inside the organisation named after it, which is
                # the name to read.
                kind = None
            if (
                kind is None
                and tok.lemma in ("лицей", "гимназия", "школа")
                and h + 1 < len(toks)
                and toks[h + 1].text in '«"“„'
                and tok.lemma != "школа"
            ):
                kind = "other"  # «Лицей «Инженерная школа»»: schools are "other"
            numbered_school = (
                kind is None
                and tok.lemma in ("школа", "лицей", "гимназия")
                and h + 2 < len(toks)
                and toks[h + 1].text == "№"
                and toks[h + 2].text[:1].isdigit()
            )
            if numbered_school:
                kind = "other"  # «школа № 12»: a school the university may sign with
            base_chair = (
                kind is None
                and tok.lemma == "кафедра"
                and h > 0
                and toks[h - 1].lemma.startswith("базов")
            )
            if base_chair:
                kind = "company"  # «базовая кафедра АО «Альфа»»: named after the company
            if (
                kind is None
                and tok.lemma == "дорога"
                and h > 1
                and toks[h - 1].lemma.startswith("железн")
                and toks[h - 1].text.islower()
                and toks[h - 2].sent == tok.sent
                and toks[h - 2].pos in ("ADJ", "PROPN")
                and toks[h - 2].text[:1].isupper()
            ):
                # «начальник Октябрьской железной дороги»: a railway named by its own adjective
                # (a railway company's branch); a bare «Железная дорога» names nothing.
                kind = "company"
            if kind is None:
                continue
            if len(out) >= MAX_MENTIONS:
                break
            i, j = self._chunker.chunk(toks, h, text, person)
            if j - i >= MAX_NAME_TOKENS:
                continue  # a run of words no organisation's name is this long
            if numbered_school:
                school = self._numbered_school(toks, i, h, text, sentences, signing)
                if school is not None:
                    out.append(school)
                continue
            if tok.lemma == "группа" and not (
                j > h + 1 and (toks[h + 1].text in '«"“' or is_abbreviation(toks[h + 1].text))
            ):
                continue  # "рабочая группа" is no company; "Группа ЛСР" is
            if tok.lemma == "зона" and not (
                (
                    h > 1
                    and toks[h - 1].lemma.startswith("экономическ")
                    and toks[h - 2].lemma.startswith(("особ", "свободн"))
                )
                or (h + 1 < len(toks) and toks[h + 1].text in '«"“')
            ):
                # «Арктическая зона», «экономическая зона области» are places; «особая
                # экономическая зона» is a body
                continue
            coordinated = self._coordinated(toks, i, j, h, text) or self._shared_genitive(toks, h)
            if coordinated:
                out.extend(
                    Mention(name=name, start=s0, end=s1, sent=tok.sent, kind=kind)
                    for name, s0, s1 in coordinated
                )
                continue
            own_after = _OWN_JOINED_AFTER.match(text, toks[j - 1].end)
            partner = joint_unit_partner(
                text[toks[i].start : own_after.end() if own_after else toks[j - 1].end]
            )
            if partner is None:
                partner = self._joint_unit_genitive(toks, i, j, text)
            if partner == "" or (partner is None and base_chair):
                # «СКБ «Вектор»»: the university's own unit, no partner named in it (nor in
                # the tagger's span of its quoted name)
                own_units.append((toks[i].start, toks[j - 1].end))
                continue
            accepted = partner is not None or self._ru_accept(toks, i, j, h, sent_first, text)
            if not accepted and (j - i < 2 or not toks[i].text[:1].isupper()):
                continue
            name = self._proper_after_common(toks, i, j, h, text) or self._chunker.normalise(
                toks, i, j, h, text
            )
            if _SUBSIDIARY_OF.match(name):
                continue  # «дочерняя компания «Росатома»»: a relation to a parent, no name
            if not accepted and self._registry.lookup(name) is None:
                # («с Российским экспортным центром»: a capitalised name the registry knows is
                # no unit of the university, though its head is a unit's.)
                continue
            if _JOINT.match(name) and j == h + 2 and toks[h + 1].text.isupper():
                name = toks[h + 1].text  # "Совместный институт СТУ": the partner's name
            spelt = _SPELT_LEGAL_FORM.match(name)
            if spelt:
                if kind in (None, "other") and re.match(
                    r"(?i)\w*\s*(?:акционерн|общество\s+с)", name
                ):
                    kind = "company"  # «Публичное акционерное общество «X»», as «ПАО «X»»
                name = spelt.group(1)  # «Федеральное государственное унитарное предприятие «X»»
            if partner is not None:
                name, kind = partner, "company"  # «бюро «Альфа – Политех»»: the partner, Альфа
            brand = _HEAD_QUOTED.fullmatch(name) if kind in ("university", "research") else None
            owner = self._registry.lookup(brand.group(1) or brand.group(2)) if brand else None
            if brand and owner is not None and owner.kind == "company" and not partner:
                # «в университете «Газпром» откроет …», «для университета Газпром остаётся
                # партнёром»: a company's brand after a lower-case university or institute is
                # the company (the subject or a genitive owner), no name of the university's.
                name, kind = owner.name, None
                i = (
                    next(k for k in range(i, j) if toks[k].text in '«"“„') + 1
                    if brand.group(1)
                    else next(k for k in range(i + 1, j) if toks[k].text[:1].isupper())
                )
            if tok.lemma in ("институт", "колледж") and re.search(
                r"политехн|технологическ|технический", name, re.I
            ):
                kind = "university"
            m = Mention(
                name=name,
                start=toks[i].start,
                end=toks[j - 1].end,
                sent=tok.sent,
                kind=kind,
                named_unit=partner is not None,
            )
            for ci, cj, outer in covered:
                if ci <= i and j <= cj and outer is not m:
                    outer_head = outer.name.split()[0].lower()
                    if (
                        kind in lx.PARENT_KINDS
                        and any(
                            self._lemma(w) in lx.UNIT_HEADS for w in outer.name.lower().split()[:3]
                        )
                        and self._lemma(outer_head) not in ("правительство", "министерство")
                    ):
                        outer.parent = m
                        outer.is_unit = outer.kind != "research" or kind == "university"
                    if _JOINT.match(outer.name) and kind in _JOINT_PARTNER_KINDS:
                        # "Совместный инженерный институт Цзянсуского университета": a joint
                        # unit is no organisation of its own; it names the partner.
                        outer.name = m.name
                    if not outer.is_unit and not (ci == i and cj == j):
                        m.nested = True
                        if re.match(r"\S*\s*(?:филиал|отделени)", outer.name, re.I):
                            outer.kind = kind  # a branch is of its parent's kind
            covered.append((i, j, m))
            out.append(m)
        # natasha ORG spans without a head word: "ВТБ", "«Ростех»", "КамАЗ".
        for span in doc.spans:
            if span.type != "ORG" or len(out) >= MAX_MENTIONS:
                continue
            if any(s <= span.start < e for s, e in own_units):
                continue
            if any(
                s <= span.start < e or s < span.stop <= e
                for s, e, _ in ((m.start, m.end, m) for m in out)
            ):
                continue
            n0 = by_start.get(span.start)
            if n0 is None:
                continue
            span_toks = [t for t in toks[n0:] if t.end <= span.stop and t.sent == toks[n0].sent]
            if not span_toks:
                continue
            if any(self._chunker.head_kind(t) for t in span_toks):
                continue
            n_abbr = next(
                (k for k, t in enumerate(span_toks) if not is_abbreviation(t.text)),
                len(span_toks),
            )
            # «ОКБ «Новатор»», «ЦНИИ КМ «Прометей»»: a type's abbreviation (one or two) before
            # a quoted name is one name with it (the tagger may leave the closing mark out).
            quoted_tail = (
                0 < n_abbr <= 2 < len(span_toks)
                and span_toks[n_abbr].text in '«"“„'
                and bool(_TYPE_ABBR.fullmatch(span_toks[0].text))
            )
            typed = (
                _QUOTED.match(text, span_toks[0].end + 1)
                if text[span_toks[0].end : span_toks[0].end + 1] == " "
                else None
            )
            if (
                not quoted_tail
                and is_abbreviation(span_toks[0].text)
                and typed is not None
                and self._registry.lookup(typed.group(0).strip('«»"“” ')) is not None
            ):
                # «БГТУ «Военмех»»: the abbreviation types the quoted name read already; alone
                # it would be read as another body the registry spells so.
                continue
            if quoted_tail:
                close = _close_quotes(text, span_toks[0].start, span_toks[-1].end)
                # A name never runs over a sentence's or paragraph's end (a headline's «ОКБ
                # «Альфа»» and the lead's «Политех» after it are two names).
                span_toks = [t for t in toks[n0:] if t.end <= close and t.sent == toks[n0].sent]
            elif is_abbreviation(span_toks[0].text) and len(span_toks) > 1:
                # "ФерПИ Уктам Садиков": an abbreviation followed by a person's name; a branch
                # of a known body is one name with it ("СО РАН", "УрО РАН").
                n_abbr = 1
                if (
                    len(span_toks) == 2
                    and is_abbreviation(span_toks[1].text)
                    and self._registry.lookup(span_toks[1].text) is not None
                ):
                    n_abbr = 2
                span_toks = span_toks[:n_abbr]
            s0, s1 = span_toks[0].start, span_toks[-1].end
            name = " ".join(text[s0:s1].split()) if quoted_tail else text[s0:s1].strip('«»"“” ')
            partner = joint_unit_partner(name) if quoted_tail else None
            if partner == "":
                continue
            if partner is not None:
                name = partner
            complement = (
                self._abbreviation_complement(toks, n0 + len(span_toks), text)
                if len(span_toks) == 1 and _SCHOOL_ABBR.fullmatch(name)
                else None
            )
            if complement is not None:  # «РГУ нефти и газа», «СибГУ путей сообщения»
                s1 = complement
            eponym = _EPONYM_AFTER.match(text, s1) if is_abbreviation(name) else None
            if eponym:  # «НГТУ им. Р. Е. Алексеева»: not the registry's bare «НГТУ»
                s1 = eponym.end()
            tailed = complement is not None or eponym is not None
            if tailed:
                name = " ".join(text[s0:s1].split())
            host = next(
                (
                    m
                    for m in out
                    if m.end <= s0
                    and not text[m.end : s0].strip()
                    and (m.kind or (len(m.name.split()) > 1 and not _QUOTED.search(m.name)))
                ),
                None,
            )  # a tagger's name of several words too: «Межпарламентская Ассамблея» + «СНГ»
            if host is not None and is_abbreviation(name) and not self._is_own(name):
                # "Институт проблем машиноведения РАН": the abbreviation qualifies the name;
                # after a joint unit ("Совместный институт СТУ") it is the partner's name.
                host.name = name if _JOINT.match(host.name) else f"{host.name} {name}"
                host.end = s1
                continue
            known = self._registry.lookup(name)
            if known is None and eponym is not None and complement is None:
                known = self._same_eponym(text[s0 : eponym.start()], eponym.group(0))
            if (
                known is None
                and len(span_toks) == 1
                and span_toks[0].pos in ("NOUN", "PROPN")
                and not tailed
            ):
                known = self._registry.lookup(self._inflect(span_toks[0]))
            if known is not None and len(span_toks) == 1 and _regional(span_toks[0].text, text, s1):
                # «Минпромторга Татарстана», «Минздрава Свердловской области»: the region's
                # ministry, not the federal one the registry spells so; read by its full name
                # elsewhere in the text, or not at all.
                continue
            more = _LOWER_WORD_AFTER.match(text, s1) if known is not None else None
            longer = self._registry.lookup(name + more.group(0)) if more else None
            if more is not None and longer is not None and longer is not known:
                # The tagger spanned the parent's brand of a registry name going on in lower
                # case: «Газпром» of «Газпром нефть и Политех подписали …».
                known, s1 = longer, more.end()
            quoted = text[max(0, s0 - 1) : s0] in ("«", '"', "“", "„")
            before = text[max(0, s0 - 40) : s0].lower()
            if known is None:
                if any(t.lemma in lx.UNIT_HEADS for t in span_toks[:1]):
                    continue
                if len(span_toks) == 1 and span_toks[0].pos == "ADJ" and not quoted:
                    continue  # «Президентским» of «… Президентским … лицеем»: no name alone
                if not quoted and re.fullmatch(r"[A-ZА-ЯЁ]{1,5}-[а-яё]+", name):
                    continue  # «с крупной IT-компанией», «ИТ-индустрия»: a common noun
                if (
                    len(span_toks) == 1
                    and not quoted
                    and sent_first.get(span_toks[0].sent) == n0
                    and _common_word(span_toks[0], text)
                ):
                    continue  # "Делегация ... посетила": a common noun opening a sentence
                if not quoted and any(
                    t.text[:1].islower() and t.pos not in ("ADP", "CCONJ") for t in span_toks[1:]
                ):
                    continue
                if quoted and (
                    lx.QUOTED_NOT_PARTNER.search(before)
                    or re.search(r"»\s*(?:,|и|and)\s*«$", before)
                ):
                    continue  # a programme, event or a list of quoted project titles
            if (
                known is None
                and len(span_toks) == 1
                and span_toks[0].pos in ("NOUN", "PROPN")
                and not tailed
            ):
                name = self._inflect(span_toks[0]).strip('«»"“” ')
            elif known is None and not quoted and not quoted_tail and not tailed:
                # "Европейской Комиссии", "Межпарламентской Ассамблеи": adjectives and the first
                # noun into the nominative, the genitive tail kept.
                first = next(
                    (k for k, t in enumerate(span_toks) if t.pos in ("NOUN", "PROPN")), None
                )
                if (
                    first is not None
                    and span_toks[first].feats.get("Case") not in (None, "Nom")
                    and all(t.pos == "ADJ" for t in span_toks[:first])
                    and not _LAT.search(text[s0:s1])
                ):
                    name = self._chunker.normalise(
                        toks, n0, n0 + len(span_toks), n0 + first, text
                    ).strip('«»"“” ')
            if known is not None:
                name = known.name
            if lx.NOT_ORG.search(name) or len(name) < 2 or _BARE_LEGAL_FORM.fullmatch(name):
                # (a legal form alone, "ГУП" before a name another mention holds, names none)
                continue
            out.append(
                Mention(
                    name=name,
                    start=s0,
                    end=s1,
                    sent=span_toks[0].sent,
                    kind=None,
                    named_unit=partner is not None,
                )
            )
        for m in out:
            if "\n" in m.name and not re.search(r"\n(?![ \t]*[a-zа-яё])", m.name):
                # A name across a line break inside a sentence (the next line goes on in lower
                # case); a break before a capital ends a paragraph, and no name runs over it.
                m.name = " ".join(m.name.split())
        return out

    def _abbreviation_complement(self, toks: Sequence[Tok], k: int, text: str) -> int | None:
        """End of the lower-case genitive phrase that names a school with its abbreviation
        («РГУ нефти и газа», «МГУ пищевых производств», «СибГУ путей сообщения»), so that the
        letters alone do not read as the registry's other school; None when none follows."""
        if k >= len(toks) or toks[k].sent != toks[k - 1].sent:
            return None
        end = None
        n = k
        while n < len(toks) and n - k < 6 and toks[n].sent == toks[k].sent:
            t = toks[n]
            if not t.text.isalpha() or not t.text.islower() or t.text in ("им", "имени"):
                break
            if t.pos == "ADJ" and t.feats.get("Case") == "Gen":
                n += 1
                continue
            if (
                t.pos == "NOUN"
                and t.feats.get("Case") == "Gen"
                and t.lemma not in _NOT_A_COMPLEMENT
            ):
                n += 1
                end = t.end
                if n + 1 < len(toks) and toks[n].text == "и" and toks[n + 1].text.islower():
                    n += 1  # «нефти и газа»
                continue
            break
        if end is None or toks[n - 1].end != end:
            return None
        bracket = re.match(r"\s*\([А-ЯЁ]{2,5}\)", text[end:])
        return (
            end + bracket.end()
            if bracket and _EPONYM_AFTER.match(text, end + bracket.end())
            else end
        )

    def _joint_unit_genitive(self, toks: Sequence[Tok], i: int, j: int, text: str) -> str | None:
        """The partner a unit of the university is named after in the genitive, in the
        nominative («центр компетенций Сбербанка» → «Сбербанк»); a person («лаборатория
        Иванова») or a place names none."""
        word = joint_unit_genitive(text[toks[i].start : toks[j - 1].end])
        if word is None or _person_or_place(word):
            return None
        tok = next((t for t in toks[i:j] if t.text == word), None)
        if tok is None or tok.feats.get("Case") != "Gen":
            return None
        return self._inflect(tok)

    def _numbered_school(
        self,
        toks: Sequence[Tok],
        i: int,
        h: int,
        text: str,
        sentences: list[tuple[int, int]],
        signing: dict[int, bool],
    ) -> Mention | None:
        """A numbered school («школа № 12 Калининского района», «гимназии № 1 Выборга») named
        where its sentence signs or cooperates with it: only then is a school a partner; the
        school of an olympiad's winner or of a student's past is none. `signing` keeps what
        each sentence was found to say: one long sentence of many schools is read once."""
        k = toks[h].sent
        if k not in signing:
            signing[k] = bool(_SCHOOL_COOP.search(text, *sentences[k]))
        if not signing[k]:
            return None
        j = h + 3
        if j < len(toks) and toks[j].sent == toks[h].sent:
            t = toks[j]
            if (
                j + 1 < len(toks)
                and t.pos == "ADJ"
                and t.feats.get("Case") == "Gen"
                and toks[j + 1].lemma in _PLACES
            ):
                j += 2  # «… Калининского района»
            elif (
                t.text in ("города", "г.") and j + 1 < len(toks) and toks[j + 1].text[:1].isupper()
            ):
                j += 2  # «… города Тольятти»
            elif t.pos == "PROPN" and t.feats.get("Case") == "Gen" and _known_place(t.text):
                j += 1  # «… Выборга»
        head = self._chunker.normalise(toks, i, h + 1, h, text)
        tail = text[toks[h + 2].start : toks[j - 1].end]
        return Mention(
            name=f"{head[:1].upper()}{head[1:]} № {' '.join(tail.split())}",
            start=toks[i].start,
            end=toks[j - 1].end,
            sent=toks[h].sent,
            kind="other",
        )

    def _proper_after_common(
        self, toks: Sequence[Tok], i: int, j: int, h: int, text: str
    ) -> str | None:
        """The proper name after a lower-case common noun: "банка ВТБ" is "ВТБ", "центра DAAD"
        is "DAAD", "корпорации Китая Sinopec" is "Sinopec" (a country in the genitive between
        them says whose). Only Latin names and capital abbreviations: "университет Цинхуа" is
        the name "Университет Цинхуа". A sentence's first word is capitalised by its place
        ("Компания Sinopec ...")."""
        first = i == 0 or toks[i - 1].sent != toks[i].sent
        if any(not toks[k].text[:1].islower() for k in range(i + first, h + 1)):
            return None
        if i < h and self._chunker.head_kind(toks[h]) == "government":
            return None  # «Исполнительный комитет СНГ»: a body of the CIS, not the CIS
        k = h + 1
        while (
            k < j
            and toks[k].feats.get("Case") == "Gen"
            and not _LAT.search(toks[k].text)
            and self._countries.codes(toks[k].text)
        ):
            k += 1
        rest = toks[k:j]
        if not rest:
            return None
        latin = _LAT.match(rest[0].text) and rest[0].text[:1].isupper()
        if latin and all(_LAT.search(t.text) or t.text in ("&", "-") for t in rest):
            return text[rest[0].start : rest[-1].end]
        if len(rest) == 1 and len(rest[0].text) >= 2 and rest[0].text.isupper():
            return rest[0].text
        return None

    def _en_abbreviations(self, text: str, have: list[Mention], sent_of: object) -> list[Mention]:
        """Capital-letter abbreviations: of names found elsewhere in the text ("TMU" of
        "Tarbiat Modares University", often alone in a headline), or standing alone."""
        assert callable(sent_of)
        out: list[Mention] = []
        # Words of the university's own name in capitals ("UNIVERSITET PETRA VELIKOGO").
        own = [
            x.span()
            for p in lx.OWN_PATTERNS
            if not p.pattern.startswith("^")
            for x in p.finditer(text)
        ]
        # Letters joined by "&" are one token ("IPN&T", "R&D"): no abbreviation inside.
        for m in re.finditer(
            r"(?<![\w&-])[A-Z][A-Za-z]{0,2}[A-Z]{1,5}(?: [A-Z]{2,3})?(?![\w&-])", text
        ):
            word = m.group(0)
            if sum(ch.isupper() for ch in word) < 3:
                continue
            if self._is_own(word) or any(x.start <= m.start() < x.end for x in have):
                continue
            if any(s0 <= m.start() < s1 for s0, s1 in own):
                continue
            place = _PLANT_PLACE.search(text, max(0, m.start() - 40), m.start())
            if word in _PLANT_KINDS and place and place.group(1) not in _NOT_PLANT_PLACE:
                # "Kursk NPP", "Sayano-Shushenskaya HPP": a power plant named by its place.
                out.append(
                    Mention(
                        name=f"{place.group(1)} {word}",
                        start=place.start(1),
                        end=m.end(),
                        sent=int(sent_of(m.start())),
                        kind="company",
                    )
                )
                continue
            if self._surname(text, m.start(), m.end()):
                continue
            if word in _LEGAL_FORMS_EN or word in _EN_STATE_FORMS:
                continue  # "JSC Baltic Turbines", 'JSC "Vektor"', "Vektor, CJSC": a legal form
            city = _NEXT_CAP_WORD.match(text, m.end()) if " " not in word else None
            named = f"{word} {city.group(1)}" if city else ""
            known = self._registry.lookup(named) if city else None
            alone = self._registry.lookup(word) if city and known is None else None
            if known is not None or (
                city
                # "BSU Minsk": letters the registry knows for a body of the city's country
                # are that body, the city only where it is.
                and (alone is None or alone.country not in self._countries.codes(city.group(1)))
                and self._countries.codes(city.group(1))
                and not self._countries.is_country(city.group(1))
                and nation_of(city.group(1)) is None  # "ATU Russian …": a people's adjective
            ):
                # "IIT Madras", "NIT Trichy", "KTH Stockholm": the letters and the city are one
                # institution's name; the letters alone name the family of its sisters.
                assert city is not None
                out.append(
                    Mention(
                        name=(known.name_en or known.name) if known else named,
                        start=m.start(),
                        end=city.end(),
                        sent=int(sent_of(m.start())),
                        kind=known.kind if known else None,
                    )
                )
                continue
            full = next((x for x in have if abbreviation_of(word, x.name)), None)
            if full is None and (self._countries.codes(word) or " " in word):
                continue
            if full is None and word in _TECH_ABBR:
                continue  # "two CNC machines", "a GPU cluster": a technology, no organisation
            # An abbreviation with no full form in the text is a weak candidate; the
            # partner model weighs it (abbr_unknown).
            out.append(
                Mention(
                    name=word,
                    start=m.start(),
                    end=m.end(),
                    sent=int(sent_of(m.start())),
                    kind=full.kind if full is not None else None,
                )
            )
        return out

    def _surname(self, text: str, start: int, end: int) -> bool:
        """ "Maxim DREVAL", "Andrei RUDSKOI": English news write surnames in capitals after a
        given name; a word in capitals there is a person, not an abbreviation. Not after a
        place or a name's own word ("China ATURK", "University ITMO"), nor a Roman numeral."""
        word = text[start:end]
        if " " in word or re.fullmatch(r"[IVXLC]+", word) or not word.isupper():
            return False
        before = re.search(r"(?<![\w.'’-])([A-Z][a-z]{2,})\s+$", text[max(0, start - 30) : start])
        if before is None:
            return False
        given = before.group(1)
        return not (
            given.lower() in lx.EN_HEADS
            or given.lower() in _NAME_STOP
            or self._countries.codes(given)
            or given.lower() in _MONTHS_EN
            or is_generic_name(given)
        )

    def _known_pair(self, m: Mention) -> list[Mention]:
        """An English run joining two names by "and" with the head word only at its end, one
        side a well-known organisation: "Russian Railways and United Shipbuilding Corporation",
        "Rosneft and Sibur Holding" are two companies (the run is split at "and" only when the
        left side holds a head word of its own). A registry name with "and" inside ("Ural
        Optical and Mechanical Plant") stays whole."""
        if " and " not in m.name or self._registry.lookup(m.name) is not None:
            return [m]
        for k in (k.start() for k in re.finditer(" and ", m.name)):
            left, right = m.name[:k], m.name[k + 5 :]
            if not (_is_cap_word(left) and _is_cap_word(right)):
                continue
            known_l, known_r = self._registry.lookup(left), self._registry.lookup(right)
            if known_l is None and known_r is None:
                continue
            return [
                replace(
                    m,
                    name=left,
                    end=m.start + k,
                    aliases=[],
                    kind=known_l.kind if known_l else None,
                ),
                replace(
                    m,
                    name=right,
                    start=m.start + k + 5,
                    aliases=list(m.aliases),
                    kind=known_r.kind if known_r else m.kind,
                ),
            ]
        return [m]

    def _en_companies(
        self, text: str, have: list[Mention], sent_of: object, title_end: int = 0
    ) -> list[Mention]:
        """One-word company names behind a descriptor or a legal form, which hold no head
        word: "the Kazakh steel company Qarmet", "JSC INTEGRAL"; a brand beside the
        university's name ("SPbPU and Air Liquide sign ...", in the headline: `title_end`)."""
        assert callable(sent_of)
        out: list[Mention] = []
        for m in _EN_COMPANY.finditer(text):
            name = m.group(1)
            s0, s1 = m.start(1), m.end(1)
            if any(x.start <= s0 < x.end for x in have) or name.lower() in _EN_NOT_NAME:
                continue
            if self._countries.codes(name) or self._is_own(name):
                continue
            # "the Kazakh steel company X", "X, the holding company of the Belarusian ...".
            words_before = text[max(0, m.start() - 30) : s0].split()[-3:]
            appos = re.match(r",\s*(?:the|a|an)\s[^,.;()]{0,80}", text[s1:])
            codes = self._countries.codes(" ".join(words_before)) or (
                self._countries.codes(appos.group(0)) if appos else []
            )
            out.append(
                Mention(
                    name=name,
                    start=s0,
                    end=s1,
                    sent=int(sent_of(s0)),
                    kind="company",
                    hint_country=codes[0] if codes else None,
                )
            )
        for m in _EN_CITY_BODY.finditer(text):
            s0, s1 = m.start(), m.end()
            if any(x.start < s1 and s0 < x.end for x in have + out):
                continue
            if self._is_own(m.group(0).split()[-1]) or self._countries.is_country(
                m.group(0).split()[-1]
            ):
                continue  # the university's own administration; a state's government
            name = m.group(0)
            out.append(
                Mention(
                    name=name[:1].upper() + name[1:],  # "City administration of Linz"
                    start=s0,
                    end=s1,
                    sent=int(sent_of(s0)),
                    kind="government",
                )
            )
        for m in _EN_LEGAL_RUN.finditer(text):
            words = m.group(1).split()
            if (
                len(words) >= 3
                and re.search(r"\bof\s+$", text[max(0, m.start() - 5) : m.start()])
                and all(person_word(w, text) for w in words[-2:])
            ):
                words = words[:-2]  # "CEO of JSC Baltic Turbines Ivan Petrov": the holder
            s0 = m.start(1)
            s1 = s0 + len(" ".join(words))
            if not 2 <= len(words) <= 4 or any(x.start < s1 and s0 < x.end for x in have + out):
                continue
            name = text[s0:s1]
            if self._countries.codes(name) or self._is_own(name):
                continue
            out.append(Mention(name=name, start=s0, end=s1, sent=int(sent_of(s0)), kind="company"))
        for m in _EN_LEGAL_QUOTED.finditer(text):
            # 'JSC "Svetlana"', 'JSC "Concern "Granit-Electron"': the quoted name is the
            # company's; names read inside the quotes are its words.
            s0, s1 = m.start("name"), m.end("name")
            name = m.group("name").strip()
            if name.count('"') % 2:
                name += '"'  # the outer closing mark merged with the inner one
            if m.group("type") and m.group("type")[0].isupper():
                # 'the Concern "Avrora"': a capitalised type word is the name's, as in
                # «Концерн «Аврора»»; in lower case it only says what the name is.
                s0, s1 = m.start("type"), m.end()
                name = text[s0:s1]
            inside = [x for x in have + out if s0 <= x.start and x.end <= s1 + 1]
            if (
                self._is_own(name)
                or not re.search(r"[A-Za-z]{2}", name)
                or any(x.start < s1 and s0 < x.end for x in have + out if x not in inside)
            ):
                continue
            for x in inside:
                (have if x in have else out).remove(x)
            kind = next((k for w in name.split() if (k := lx.EN_HEADS.get(w.lower()))), None)
            out.append(
                Mention(
                    name=name,
                    start=s0,
                    end=s1,
                    sent=int(sent_of(s0)),
                    kind=kind or ("company" if m.group("form") not in _EN_STATE_FORMS else None),
                )
            )
        for m in _EN_LEGAL_AFTER.finditer(text):
            words = m.group(1).split()
            hint = None
            while len(words) > 1 and (
                words[0].lower() in _EN_NOT_NAME
                or words[0] in ("The", "A", "An")
                or words[0].lower() in _EN_LEAD_NOT_NAME
                or words[0].lower() in _MONTHS_EN
                or (
                    words[0].endswith(("'s", "’s"))
                    and (hint := next(iter(self._countries.codes(words[0][:-2])), hint))
                )
            ):
                words = words[1:]  # "Austria's Alpen Antriebe AG": the country, not the name
            if not words or words[0].lower() in _EN_NOT_NAME | _EN_LEAD_NOT_NAME:
                continue
            if m.group(0).rstrip(".").endswith(("PLC", "plc")) and re.match(
                r"\s+[a-z]", text[m.end() :]
            ):
                continue  # "Siemens PLC controllers": a programmable logic controller
            s0 = m.end(1) - len(" ".join(words))
            described = _EN_DESCRIBED_BEFORE.search(text, max(0, s0 - 80), s0)
            if hint is None and described:
                # "the Russian company Nevsky Drives Ltd": the descriptor places it
                hint = next(iter(self._countries.codes(described.group(1))), None)
            s1 = m.end() - 1 if text[m.end() - 1] == "." else m.end()
            if m.group("ru"):
                s1 = m.end(1)
            clash = [x for x in have + out if x.start < s1 and s0 < x.end]
            if any(not (s0 <= x.start and x.end <= s1) for x in clash):
                continue  # another name crosses it; names inside it are its words
            name = text[s0:s1]
            if all(self._countries.is_country(w) for w in words) or self._is_own(" ".join(words)):
                continue
            for x in clash:
                (have if x in have else out).remove(x)
            out.append(
                Mention(
                    name=name,
                    start=s0,
                    end=s1,
                    sent=int(sent_of(s0)),
                    kind="company",
                    hint_country=hint,
                )
            )
        for m in _EN_COMPANY_AFTER.finditer(text):
            words = m.group(1).split()
            s0, s1 = m.start(1), m.end(1)
            if any(x.start < s1 and s0 < x.end for x in have + out):
                continue
            if any(self._countries.is_country(w) or self._countries.codes(w) for w in words):
                continue  # "the Chinese company", "the Russian Railways company" (a known one)
            if self._is_own(m.group(1)) or words[0].lower() in _EN_NOT_NAME:
                continue
            if words[0] in _EN_NOT_COMPANY or words[0] in _TECH_ABBR:
                continue  # "the IT company Yadro", "the European company Airbus"
            if re.match(r"\s+[A-Z«\"“]", text[m.end() : m.end() + 3]):
                continue  # "the Elon Musk company SpaceX": the name follows, these describe it
            out.append(
                Mention(name=m.group(1), start=s0, end=s1, sent=int(sent_of(s0)), kind="company")
            )
        for m in _ONE_WORD_WITH_OWN.finditer(text):
            key = "a" if m.group("a") else "b"
            name, s0, s1 = m.group(key), m.start(key), m.end(key)
            if any(x.start < s1 and s0 < x.end for x in have + out):
                continue
            if key == "b" and _no_brand(name):
                # "SPbPU and Industry Leaders Sign ...", "SPbPU and Young Scientists Meet": the
                # Title Case words of a group of people or a field, not a brand.
                continue
            if key == "b" and re.search(
                rf"\b(?:{_PERSON_TITLE_EN})\.?\s+{re.escape(name)}\b", text, re.IGNORECASE
            ):
                continue  # "SPbPU and Vladimir Putin Meet ...": "President Vladimir Putin"
            if key == "b" and _latin_person(name):
                continue  # the same with no title anywhere in the text
            if " " in name and not (
                s1 <= title_end
                or re.search(r"\w-[A-Z]", name)
                or _COMPANY_APPOSITION.match(text, s1)
            ):
                # Two capitalised words may be a person ("SPbPU and John Smith signed a
                # letter"): a brand of several words is read off the headline only, save one
                # whose head is joined by a hyphen ("Bauhaus-Universität Weimar") or that a
                # company word describes ("Air Products, an American gases company, ...").
                continue
            if (
                name.lower() in _EN_NOT_NAME
                or self._countries.codes(name)
                or self._is_own(name)
                or re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text)
            ):
                continue  # a country, a word the text also writes in lower case
            # "Bauhaus-Universität Weimar": a head joined by a hyphen tells the kind.
            kind = next(
                (lx.EN_HEADS[w] for w in re.split(r"[\s-]+", name.lower()) if w in lx.EN_HEADS),
                "company",
            )
            out.append(Mention(name=name, start=s0, end=s1, sent=int(sent_of(s0)), kind=kind))
        for m in (*_APPOSED_BRAND.finditer(text), *_JOINING_BRAND.finditer(text)):
            key = "name" if m.group("name") else "by"
            name, s0, s1 = m.group(key), m.start(key), m.end(key)
            if any(x.start < s1 and s0 < x.end for x in have + out):
                continue
            if re.search(r"[A-Z][\w&'’-]*\s+$", text[max(0, s0 - 40) : s0]):
                continue  # the last word of a longer name ("Baltic Robotics"), not a brand
            if (
                name.lower() in _EN_NOT_NAME | _EN_LEAD_NOT_NAME
                or self._countries.codes(name)
                or self._is_own(name)
                or re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text)
            ):
                continue  # a country, a place or a word the text also writes in lower case
            out.append(Mention(name=name, start=s0, end=s1, sent=int(sent_of(s0)), kind="company"))
        return out

    def _ru_companies(self, text: str, have: list[Mention], sent_of: object) -> list[Mention]:
        """A company named in quotes behind a Russian legal form, which holds no head word:
        "ПАО «Северсталь»", "АО «Нордвальд Энерго»" (the form itself is no part of the name).
        A mention the taggers made of the whole quoted name keeps its words as written (a
        quoted name is not declined) and takes the form's kind unless a head word gave one."""
        assert callable(sent_of)
        out: list[Mention] = []
        for m in _RU_LEGAL_QUOTED.finditer(text):
            # "ПАО «X Y»", "АО «X «Y»»", "ПАО Сбербанк"
            group = next(g for g in ("nested", "name", "word") if m.group(g))
            name = m.group(group).strip()
            s0, s1 = m.start(group), m.end(group)
            kind: str | None = "other" if m.group("form") in ("АНО", "НКО") else "company"
            if m.group("federal"):
                kind = None
            if self._is_own(name) or not re.search(r"[A-Za-zА-ЯЁа-яё]{2}", name):
                continue
            whole = [x for x in have if x.start <= s0 and s1 <= x.end + 1 and x.end <= s1 + 1]
            inside = [x for x in have if s0 <= x.start and x.end <= s1 + 1]
            if (
                not whole
                and inside
                and not any(x.start < s1 and s0 < x.end and x not in inside for x in have)
            ):
                # A part of the quoted name read as a name of its own («ПАО «Федеральная сетевая
                # компания — Россети»»: the head word's chunk): the quotes hold one name.
                first = min(inside, key=lambda x: x.start)
                first.start, first.end = s0, s1
                have[:] = [x for x in have if x is first or x not in inside]
                whole = [first]
            # A quoted abbreviation behind a legal form is the company's whole name («АО
            # «ЛОМО»»): the form with it is kept as a form of the name, which tells it is one.
            spelt = [f"{m.group('form')} «{name}»"] if is_abbreviation(name) else []
            for x in whole:
                x.name = name
                x.kind = kind if kind and x.kind in (None, "other", "company") else x.kind
                x.aliases.extend(a for a in spelt if a not in x.aliases)
            if whole or any(x.start < s1 and s0 < x.end for x in have):
                continue
            out.append(
                Mention(
                    name=name,
                    start=s0,
                    end=s1,
                    sent=int(sent_of(s0)),
                    kind=kind,
                    aliases=spelt,
                )
            )
        # «НПП «Радар ммс»», «НИЦ «Морские роботы»»: a type's abbreviation before a quoted name
        # is one name with it, though the tagger may not read the quoted words as a name.
        for m in _TYPE_QUOTED.finditer(text):
            s0, s1 = m.start(), m.end()
            # (Names read inside the quotes, «РАН» of «ГНЦ РФ «Институт … РАН»», are its part.)
            inside = [x for x in have if s0 <= x.start and x.end <= s1]
            if self._is_own(m.group("name")) or any(
                x.start < s1 and s0 < x.end for x in [*have, *out] if x not in inside
            ):
                continue
            have[:] = [x for x in have if x not in inside]
            name = f"{m.group('type')} «{m.group('name').strip()}»"
            partner = joint_unit_partner(name)
            if partner == "":
                continue  # «СКБ «Вектор»»: the students' bureau, no partner named
            out.append(
                Mention(
                    name=partner or name,
                    start=s0,
                    end=s1,
                    sent=int(sent_of(s0)),
                    kind="company" if partner else None,
                    named_unit=partner is not None,
                )
            )
        # «компании «Альфа», «Бета» и АО «Гамма»»: every quoted name of a list after a plural
        # type word is a company, though the tagger may read only some of them.
        for lst in _TYPED_LIST.finditer(text):
            for q in _QUOTED.finditer(text, lst.start("items"), lst.end("items")):
                s0, s1 = q.start() + 1, q.end() - 1
                name = text[s0:s1].strip()
                if (
                    self._is_own(name)
                    or not re.search(r"[A-Za-zА-ЯЁа-яё]{2}", name)
                    or any(x.start < s1 and s0 < x.end for x in [*have, *out])
                ):
                    continue
                out.append(
                    Mention(name=name, start=s0, end=s1, sent=int(sent_of(s0)), kind="company")
                )
        return out

    def _beside_own(
        self, text: str, have: list[Mention], sent_of: object, lang: str
    ) -> list[Mention]:
        """A name of capitalised words coordinated with the university as the subject of an
        act: "Nordtech and SPbPU signed ...", "Политех и Нордтех подписали ..."; a name the
        taggers did not know (no head word, no quotes)."""
        assert callable(sent_of)
        out: list[Mention] = []
        pattern = _BESIDE_OWN_RU if lang == "ru" else _BESIDE_OWN_EN
        for m in pattern.finditer(text):
            group = next(g for g in ("before", "after", "mid", "first") if m.group(g))
            name = m.group(group)
            s0, s1 = m.start(group), m.end(group)
            # A tagger's span over both names ("X and Peter the Great ... University") reads
            # as the university's own name: it gives way.
            blocking = [x for x in have + out if x.start < s1 and s0 < x.end]
            if any(not self._is_own(x.name) for x in blocking) or self._is_own(name):
                continue
            if self._countries.codes(name) or name.lower() in _EN_NOT_NAME:
                continue
            if " " in name or _person_or_place(name):
                continue  # "SPbPU and John Smith signed", «Политех и Казань подписали»
            out.append(Mention(name=name, start=s0, end=s1, sent=int(sent_of(s0)), kind="company"))
        return out

    def _consulates(self, text: str, sent_of: object) -> list[Mention]:
        """ "General Consulates in St. Petersburg of the following countries: X, Y and Z":
        one consulate per listed country."""
        assert callable(sent_of)
        out: list[Mention] = []
        for m in re.finditer(
            r"(General Consulates?|Consulates? General|Consulates|Embassies)( in [A-Z][\w. ]+?)?"
            r" of the following countries:\s*([^.]+)",
            text,
        ):
            kind_word = "Embassy" if m.group(1).startswith("Emb") else "General Consulate"
            pos = m.start(3)
            for piece in re.split(r",\s*|\s+and\s+|;\s*", m.group(3)):
                piece = piece.strip()
                if not piece or not piece[:1].isupper() and not piece.startswith("the "):
                    break
                codes = self._countries.codes(piece)
                start = text.find(piece, pos)
                pos = start + len(piece) if start >= 0 else pos
                if not codes or start < 0:
                    break
                # The state as the text names it ("the Kingdom of Norway"), with the article a
                # state form takes in English, and the seat the text gives ("in St. Petersburg").
                state = piece
                if not state.startswith("the ") and re.search(
                    r"\b(?:Republic|Kingdom|State|Federation|Emirates|Principality)\b", state
                ):
                    state = f"the {state}"
                seat = m.group(2) or ""
                country = re.sub(r"^the |\b(?:Republic|Kingdom|State) of |\s*Republic$", "", piece)
                short = f"{kind_word} of {country}"
                out.append(
                    Mention(
                        name=f"{kind_word} of {state}{seat}",
                        start=start,
                        end=start + len(piece),
                        sent=int(sent_of(start)),
                        kind="government",
                        hint_country=codes[0],
                        aliases=[short] if short != f"{kind_word} of {state}{seat}" else [],
                    )
                )
        return out

    def _ru_accept(
        self,
        toks: Sequence[Tok],
        i: int,
        j: int,
        h: int,
        sent_first: dict[int, int],
        text: str,
    ) -> bool:
        """A chunk names an organisation only if something in it is proper: a capitalised
        word not at the sentence start, a quote, Latin letters, or a place adjective; or a
        fund's, agency's or association's head capitalised before its genitive ("и Фонд
        развития промышленности", "Агентство стратегических инициатив", "в Ассоциации
        технических вузов")."""
        first = sent_first.get(toks[h].sent, -1)
        head = toks[h]
        if (
            j - i > 1
            and head.feats.get("Number") != "Plur"
            and (
                _OWN_THEN_AND.search(text, max(0, toks[i].start - 90), toks[i].start)
                or _AND_THEN_OWN.match(text, toks[j - 1].end)
            )
            and (
                # "Федеральное агентство по делам молодёжи и Политех": the name opens the
                # sentence with its capitalised first word, whether head or adjective.
                toks[i].text[:1].isupper()
                or any(
                    toks[k].text in '«"“„' or (toks[k].text[:1].isupper() and k != first)
                    for k in range(i, j)
                    if k != h
                )
            )
        ):
            # Coordinated with the university's name, a capitalised head names a body at a
            # sentence's start too ("Фонд содействия инновациям и Политех …", "Политех и
            # Агентство по …"), and so does a capital or a quote before a lower-case unit head
            # ("Политех и Российский экспортный центр", "… и Образовательный центр «X»").
            return True
        if any(
            toks[k].text == "№" and k + 1 < j and toks[k + 1].text.isdigit() for k in range(h, j)
        ):
            return True  # "гимназия № 56", "школа № 239": a numbered school is named
        if not head.text[:1].isupper():
            if (
                head.lemma in lx.LOWER_UNIT_HEADS
                and i < h
                and toks[i].text[:1].isupper()
                and i != first
                and _NAMED_AFTER_END.search(text, toks[i].start, toks[j - 1].end)
            ):
                return True  # «… с Национальным … центром имени В. А. Алмазова»: a name
            if (
                head.lemma in lx.LOWER_UNIT_HEADS
                and i < h
                and toks[i].text[:1].isupper()
                and i != first
                and (
                    _ACADEMY_END.search(text, toks[i].start, toks[j - 1].end)
                    or _ACADEMY_AFTER.match(text, toks[j - 1].end)
                )
            ):
                return True  # «с Санкт-Петербургским научным центром РАН»: the academy's
            if head.lemma == "центр" and i < h and i != first and _STATE_CENTRE.match(toks[i].text):
                return True  # «с Государственным научным центром «X»»: a state's, not ours
            quoted_whole = (
                i > 0
                and j < len(toks)
                and toks[i - 1].text in '«"“„'
                and toks[j].text in '»"”“'
                and toks[i].text[:1].isupper()
                and self._chunker.head_kind(head) == "company"
            )  # «Ижорские заводы», «Адмиралтейские верфи»: a company's plural name in quotes
            # (or one the tagger reads as plural: «Петербургской сбытовой компании»)
            if (
                head.feats.get("Number") == "Plur" or head.lemma in lx.LOWER_UNIT_HEADS
            ) and not quoted_whole:
                return False
            caps = [toks[k].text for k in range(i, j) if toks[k].text[:1].isupper()]
            if (
                caps
                and all(self._countries.is_country(c) for c in caps)
                and not any(toks[k].text in '«»"“”„' for k in range(i, j))
            ):
                return False
        if (
            j > h + 1
            and head.text[:1].isupper()
            and head.lemma in ("фонд", "агентство", "ассоциация", "ассамблея", "консорциум")
            and toks[h + 1].feats.get("Case") == "Gen"
        ):
            # A fund's, agency's or association's head before its genitive, mid-sentence ("и
            # Фонд развития промышленности") or opening it ("Фонд перспективных исследований
            # поддержит …").
            return True
        for k in range(i, j):
            if k == h:
                continue
            t = toks[k].text
            if t in '«»"“”„' or _LAT.search(t):
                return True
            if t[:1].isupper() and k != first:
                return True
            if k == first and t[:1].isupper() and self._countries.codes(t) and k != h:
                return True
        return False

    def _eponym_abbreviations(
        self, text: str, have: list[Mention], sent_of: Callable[[int], int]
    ) -> list[Mention]:
        """Abbreviations named after a person («КНИТУ-КАИ им. А. Н. Туполева», «МГТУ имени
        Г. И. Носова») the tagger missed: one name with the eponym, so that the letters alone
        are not read as the registry's other body that shares them («КГТУ» of Bishkek)."""
        out: list[Mention] = []
        for m in _ABBR_EPONYM.finditer(text):
            if any(x.start < m.end() and m.start() < x.end for x in have):
                continue
            name = " ".join(m.group(0).split())
            known = self._registry.lookup(name)
            if known is None and (
                self._single.get(canonical_key(m.group(1))) is None
                or self._same_eponym(m.group(1), m.group(0)[len(m.group(1)) :]) is not None
            ):
                # Only letters the registry gives another body are read here; the rest stay
                # the tagger's and the registry's to read (or not): each new candidate shifts
                # the learned weights, and the out-of-fold figures lost more to that than the
                # sealed fold gained.
                continue
            kind = (
                known.kind
                if known
                else ("university" if _SCHOOL_ABBR.fullmatch(m.group(1)) else None)
            )
            out.append(
                Mention(
                    name=known.name if known else name,
                    start=m.start(),
                    end=m.end(),
                    sent=int(sent_of(m.start())),
                    kind=kind,
                )
            )
        return out

    def _same_eponym(self, abbr: str, tail: str) -> KnownOrg | None:
        """The registry's body of the letters `abbr` when one of its names is after the person
        the tail («им. Н. Е. Жуковского») names; None when none is («НГТУ им. Р. Е.
        Алексеева» is not the registry's Novosibirsk «НГТУ», «КГТУ им. А. Н. Туполева» not
        its Kyrgyz one)."""
        org = self._registry.lookup(abbr.strip())
        words = re.findall(r"[А-ЯЁ][а-яё-]{2,}", tail)
        if org is None or not words:
            return None
        surname = canonical_key(words[-1])
        return org if any(surname in canonical_key(n).split() for n in org.all_names()) else None

    def _registry_mentions(
        self, text: str, have: list[Mention], sent_of: object, lang: str
    ) -> list[Mention]:
        """Single-word registry names the taggers missed (Росатом, Rosatom, ВТБ)."""
        assert callable(sent_of)
        out: list[Mention] = []
        for m in self._latin_multi.finditer(text) if self._latin_multi and lang == "en" else ():
            if any(x.start < m.end() and m.start() < x.end for x in have):
                continue
            org = self._registry.lookup(m.group(0))
            if org is None:
                continue
            out.append(_known_mention(org, m, lang, int(sent_of(m.start()))))
        have = have + out
        for m in re.finditer(r"(?<!&)[A-Za-zА-Яа-яЁё][\w\-&]+", text):  # "IPN&T" is one word
            key = canonical_key(m.group(0))
            org = self._single.get(key)
            if org is None:
                continue
            if any(x.start <= m.start() < x.end for x in have):
                continue
            word = m.group(0)
            if not word[:1].isupper():
                continue
            prev = re.search(r"([\w-]+) $", text[max(0, m.start() - 20) : m.start()])
            if (
                prev
                and is_abbreviation(prev.group(1))
                and self._single.get(canonical_key(prev.group(1))) is None
            ):
                continue  # "ИПМаш РАН", "ФТИ РАН": the parent qualifies another name
            if _regional(word, text, m.end()):
                continue  # «Минпромторга Татарстана»: the region's ministry, not the federal one
            typed = _QUOTED.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
            if (
                is_abbreviation(word)
                and typed is not None
                and (
                    self._registry.lookup(typed.group(0).strip('«»"“” ')) is not None
                    or any(typed.start() <= x.start < typed.end() for x in have)
                )
            ):
                continue  # «БГТУ «Военмех»»: it types the quoted name after it, no body alone
            if not any(
                word.lower() == n.lower() or (not is_abbreviation(n) and len(n) >= 5)
                for n in org.all_names()
                if canonical_key(n) == key
            ):
                continue  # "Нгуен" must not match the abbreviation "НГУ"
            out.append(_known_mention(org, m, lang, int(sent_of(m.start()))))
        return out

    def _attach_brackets(self, text: str, mentions: list[Mention], lang: str) -> None:
        """ "Name (ABBR)", "Name (China)", "Name (КНР, далее – SUES)": aliases and countries."""
        for m in mentions:
            rest = text[m.end : m.end + 120]
            b = re.match(r"\s*\(([^()]{1,100})\)", rest)
            if not b:
                continue
            if (
                lang == "ru"
                and re.fullmatch(r"[А-ЯЁ][а-яё-]+", b.group(1))
                and re.search(r"\b(?:Республик|област|кра[йяюе])\w*\s+\S+$", m.name)
            ):
                # "Республика Саха (Якутия)", "Кемеровская область (Кузбасс)": part of the name.
                m.name = f"{m.name} ({b.group(1)})"
                m.end += b.end()
                m.aliases.append(b.group(1))
                continue
            for piece in re.split(r"[,;]", b.group(1)):
                piece = re.sub(r"^\s*(?:далее\s*[–—-]?|hereinafter|further)\s*", "", piece).strip()
                if not piece:
                    continue
                codes = self._countries.codes(piece)
                # A country's own abbreviation ("Abu Dhabi, UAE", "USA", "КНР") places the
                # organisation; any other abbreviation is the organisation's.
                if (
                    codes
                    and len(piece.split()) <= 3
                    and (not is_abbreviation(piece) or piece.isupper())
                ):
                    m.hint_country = m.hint_country or codes[-1]
                    continue
                other_script = (lang == "ru" and not _CYR.search(piece)) or (
                    lang == "en" and not _LAT.search(piece)
                )
                if is_abbreviation(piece) or (other_script and len(piece.split()) >= 2):
                    m.aliases.append(piece)
                elif (
                    lang == "ru"
                    and _RU_CONTRACTED.fullmatch(piece)
                    and not _person_or_place(piece.split()[0])  # "(Ростов)": the seat
                ):
                    m.aliases.append(piece)  # "Федеральное агентство ... (Росмолодежь)"
                elif lang == "en" and (
                    _latin_contracted_of(piece, m.name)
                    # "Federal Agency for Technical Regulation and Metrology (Rosstandart)": a
                    # Russian state body's contracted name, transliterated.
                    or (m.kind == "government" and _RU_CONTRACTED_LATIN.fullmatch(piece))
                ):
                    m.aliases.append(piece)  # "Skolkovo Institute of ... Technology (Skoltech)"

    # --- merging ------------------------------------------------------------------------

    def _with_countries(self, longer: str, name: str) -> bool:
        """Whether `longer` is `name` with the countries it belongs to after it ("Association
        of Technical Universities of Russia and China")."""
        tail = _COUNTRIES_TAIL.fullmatch(longer[len(name) :]) if longer.startswith(name) else None
        return tail is not None and all(
            self._countries.is_country(part) for part in tail.groups() if part
        )

    def _merge(
        self, mentions: list[Mention], lang: str, title_end: int = 0, text: str = ""
    ) -> list[Candidate]:
        mentions.sort(key=lambda x: x.start)
        if lang == "en" and title_end:
            # Title Case headlines cut names badly; their mentions only support body ones.
            body = [m for m in mentions if m.start >= title_end]
            head = [m for m in mentions if m.start < title_end]
            merged = self._merge(body, lang)
            orphans: list[Mention] = []
            for m in head:
                for c in merged:
                    if any(
                        names_match(m.name, n) or n in m.name or abbreviation_of(m.name, n)
                        for n in c.names
                    ):
                        if (
                            is_abbreviation(m.name)
                            and not is_abbreviation(c.mentions[0].name)
                            and m.name not in c.aliases
                        ):
                            # "BDU signs ..." over "Binh Duong University": the headline's
                            # abbreviation is the organisation's alias, not a cut name.
                            c.aliases.append(m.name)
                        elif self._with_countries(m.name, c.mentions[0].name):
                            # "X of Russia and China" in the headline, "X" in the body: the
                            # headline's fuller form is a clean one, kept as an alias.
                            c.aliases.append(m.name)
                        m.name = c.mentions[0].name
                        c.mentions.append(m)
                        break
                else:
                    if self._clean_in_headline(m, text, title_end) and not any(
                        _ascii_fold(m.name) == _ascii_fold(n) for c in merged for n in c.names
                    ):
                        orphans.append(m)
            # A sentence-case headline names a partner the body calls only "the Chinese
            # university" ("SPbPU and X University launch ..."): its clean names stand alone.
            return merged + self._merge(orphans, lang) if orphans else merged
        cands: list[Candidate] = []
        abbrs: list[Mention] = []
        for m in mentions:
            if is_abbreviation(m.name) and not self._registry.lookup(m.name):
                abbrs.append(m)
                continue
            known = self._registry.lookup(m.name) or self._registry.lookup(
                _STATE_TYPE.sub("", m.name)
            )
            bare = _DESCRIPTOR.match(m.name)
            if known is None and bare:
                known = self._registry.lookup(bare.group(1).strip('«»"“” '))
            target = None
            for c in cands:
                if known is not None and c.known is known:
                    target = c
                    break
                if known is not None and c.known is not None:
                    continue  # two registry entries: "Gazprom" and "Gazprom Neft"
                if (
                    any(names_match(m.name, n) and not _brand_compound(m.name, n) for n in c.names)
                    or any(canonical_key(m.name) == canonical_key(a) for a in c.aliases)
                    or any(
                        _eponym_abbreviation_of(m.name, n) or _eponym_abbreviation_of(n, m.name)
                        for n in c.names
                    )
                ):
                    target = c
                    break
            if target is None:
                target = Candidate(mentions=[], known=known)
                cands.append(target)
            target.mentions.append(m)
            target.known = target.known or known
            for a in m.aliases:
                if a not in target.aliases:
                    target.aliases.append(a)
        for m in abbrs:
            target = None
            for c in cands:
                if any(canonical_key(a) == canonical_key(m.name) for a in c.aliases) or any(
                    abbreviation_of(m.name, n) for n in c.names
                ):
                    target = c
                    break
            if target is None:
                target = Candidate(mentions=[])
                cands.append(target)
            target.mentions.append(m)
            target.aliases.extend(a for a in m.aliases if a not in target.aliases)
        return self._consolidate(cands)

    def _clean_in_headline(self, m: Mention, text: str, title_end: int) -> bool:
        """A headline's name with sure ends: a head word or a registry name, with lower-case
        words, a connective or the headline's ends on both sides (a Title Case headline runs
        names into its verbs: "... University Discussed the ...")."""
        if m.kind is None and self._registry.lookup(m.name) is None:
            return False
        before = text[: m.start].split()
        after = text[m.end : title_end].split()
        # A plain lower-case word, not a label's end ("Rector's column: Union of Efforts").
        lower_before = bool(before) and (
            bool(re.fullmatch(r"[a-z][\w'’-]*", before[-1]))
            # A list's comma: "SPbPU, Zhejiang University and X Sign ..."
            or before[-1].endswith(",")
        )
        lower_after = bool(after) and (
            bool(re.fullmatch(r"[a-z][\w'’-]*[,;]?", after[0]))
            # A Title Case verb: "SPbPU and Zhejiang University Launch Joint ..."
            or after[0].lower().rstrip(",;:") in HEADLINE_VERBS
        )
        # A word on at least one side: a name alone as a headline's phrase ("Union of
        # Knowledge. The visit ...") is as often a slogan.
        return (lower_before or lower_after) and (
            (not before or lower_before) and (not after or lower_after)
        )

    @staticmethod
    def _consolidate(cands: list[Candidate]) -> list[Candidate]:
        """One candidate per organisation: those sharing a registry entry, or an abbreviation-
        only candidate whose abbreviation spells another's name, are merged."""
        out: list[Candidate] = []
        for c in cands:
            target = None
            only_abbr = all(is_abbreviation(n) for n in c.names)
            for o in out:
                known = c.known or o.known
                other = o if known is c.known else c
                if (
                    (c.known is not None and o.known is c.known)
                    or (only_abbr and any(abbreviation_of(a, n) for a in c.names for n in o.names))
                    or (
                        known is not None
                        and (c.known is None or o.known is None)
                        and any(
                            names_match(k, n) and not _brand_compound(k, n)
                            for k in known.all_names()
                            for n in other.names
                        )
                    )
                ):
                    target = o
                    break
            if target is None:
                out.append(c)
                continue
            target.mentions.extend(c.mentions)
            target.known = target.known or c.known
            target.aliases.extend(a for a in c.aliases if a not in target.aliases)
        return out

    # --- partner decision ---------------------------------------------------------------

    def _mission_en(self, name: str) -> str | None:
        """A state's mission in English, read off its Russian name: «Посольство Венгрии» is
        the "Embassy of Hungary", «Генеральное консульство Японии в Санкт-Петербурге" the
        "Consulate General of Japan in St. Petersburg"; None for any other name, or a state or
        seat the resolver does not know."""
        m = _MISSION_RU.fullmatch(name.strip())
        if m is None:
            return None
        state = self._countries.codes(m.group("state"))
        if len(state) != 1 or len(m.group("state").split()) > 3:
            return None
        english = f"{_MISSION_EN[m.group('kind').lower()]} of {country_name(state[0], 'en')}"
        seat = m.group("seat")
        if seat is None:
            return english
        if re.fullmatch(r"(?:Санкт-)?Петербурге", seat):
            return f"{english} in St. Petersburg"
        if seat in ("Москве",):
            return f"{english} in Moscow"
        place = self._countries.codes(seat)
        if len(place) == 1 and all(self._countries.is_country(w) for w in seat.split()[-1:]):
            return f"{english} in {country_name(place[0], 'en')}"
        return None  # a city the resolver only places in its country: no seat is better

    def _is_head(self, word: str) -> bool:
        low = word.strip('«»"“”(),').lower()
        lemma = self._lemma(low).replace("ё", "е")
        return low in lx.EN_HEADS or lemma in lx.RU_HEADS or lemma in lx.UNIT_HEADS

    def _unit_and_parent(self, a: str, b: str) -> bool:
        """One name is a body of the organisation the other names: the longer ends with the
        shorter in another form ("Комитет по науке … Правительства Санкт-Петербурга" and
        "Правительство Санкт-Петербурга"; "Faculty of Law of Cairo University" and "Cairo
        University"), and both have a head word of their own. The same words in the same
        form are an apposition of one organisation («… университет «Высшая школа
        экономики»»)."""
        short, long = sorted((a, b), key=lambda n: len(n.split()))
        sw, lw = short.split(), long.split()
        if len(lw) <= len(sw):
            return False
        tail, before = lw[-len(sw) :], lw[: -len(sw)]
        if name_tokens(" ".join(tail)) != name_tokens(short):
            return False
        same_form = [w.strip('«»"“”') for w in tail] == [w.strip('«»"“”') for w in sw]
        joined = [w.lower() for w in before[-2:]]
        if same_form and joined[-1:] not in (["of"], ["at"]) and joined != ["of", "the"]:
            return False
        return any(self._is_head(w) for w in sw) and any(self._is_head(w) for w in before)

    def _commission_of(self, toks: Sequence[Tok], h: int, sent_first: dict[int, int]) -> bool:
        """Whether the commission at `h` is one of the organisation named right after it
        («комиссия Газпрома», «экспертная комиссия ПАО «Россети»»), not a body of its own: no
        capitalised word of its own name before it («Европейская экономическая комиссия ООН»)
        and no state or city after it («Комиссия Российской Федерации по делам ЮНЕСКО»)."""
        nxt = toks[h + 1] if h + 1 < len(toks) else None
        if nxt is None or nxt.sent != toks[h].sent or self._countries.codes(nxt.text):
            return False
        if not (
            nxt.text in ("ПАО", "АО", "ООО", "ОАО", "ЗАО")
            or (nxt.text[:1].isupper() and nxt.feats.get("Case") == "Gen")
        ):
            return False
        i = h
        while i > 0 and toks[i - 1].sent == toks[h].sent and toks[i - 1].pos == "ADJ":
            i -= 1
            if toks[i].text[:1].isupper() and sent_first.get(toks[i].sent) != i:
                return False
        return not (toks[h].text[:1].isupper() and sent_first.get(toks[h].sent) != h)

    def _relative_coop(self, text: str, end: int) -> bool:
        """A cooperation said in a relative clause right after a name, with the university the
        clause's subject: not «АО «X», совместно с которым концерн «Y» разрабатывает …" nor
        "X, together with which Siemens develops …", where X works with another."""
        r = lx.RELATIVE_COOP.match(text, end)
        if r is None:
            return False
        subject = re.match(r"\s*([«\"“]|[\w-]+)", text[r.end() : r.end() + 60])
        if subject is None:
            return True
        word = subject.group(1)
        if word.lower() in ("университет", "вуз", "university", "the"):
            return True
        words = text[r.end() : r.end() + 80].split()[:6]
        if any(self._is_own(" ".join(words[:k])) for k in range(1, len(words) + 1)):
            return True  # «Санкт-Петербургский политехнический университет Петра Великого»
        return not (
            word in '«"“'
            or word[:1].isupper()
            or self._lemma(word.lower()) in lx.RU_HEADS
            or word.lower() in lx.EN_HEADS
        )

    @staticmethod
    def _is_own(name: str) -> bool:
        n = name.strip().replace("ё", "е")
        if any(p.search(n) for p in lx.OWN_PATTERNS):
            return True
        if _OWN_POSSESSIVE.match(n):
            return True  # "Polytechnic's Department of Hydraulics": our unit, named by us
        # «кафедра Политехнического университета «Стартовые комплексы»»: the quoted name is the
        # unit's before it, the body is ours.
        bare = _QUOTED_END.sub("", n)
        if bare != n and any(p.search(bare) for p in lx.OWN_PATTERNS):
            return True
        # A tagger span that ran on past the university's name into plain words after it
        # («Политехнического университета китайских коллег»): the name is the university's.
        words = n.split()
        while len(words) > 1 and _LOWER_WORD.fullmatch(words[-1]):
            words.pop()
            head = " ".join(words)
            if _UNIVERSITY_END.search(head):
                return any(p.search(head) for p in lx.OWN_PATTERNS)
        return False

    def _rows(
        self,
        cands: list[Candidate],
        text: str,
        sentences: list[tuple[int, int]],
        title_end: int,
        lang: str,
        others_signed: frozenset[int] = frozenset(),
    ) -> list[Row]:
        """Every candidate that is not the university itself, with the features the partner
        model weighs; the hand rules of earlier versions survive as features, not as verdicts."""
        coop = lx.COOP_RU if lang == "ru" else lx.COOP_EN
        docs = lx.DOC_RU if lang == "ru" else lx.DOC_EN
        spans = sorted((m.start, m.end) for c in cands for m in c.mentions)
        n_sent = max(len(sentences), 1)
        total = max(sum(len(c.mentions) for c in cands), 1)
        per_sent = Counter(m.sent for c in cands for m in c.mentions)

        def masked(k: int) -> str:
            s, e = sentences[k]
            chunk = list(text[s:e])
            for ms, me in spans:
                for p in range(max(ms, s), min(me, e)):
                    chunk[p - s] = " "
            return "".join(chunk)

        masked_cache: dict[int, str] = {}

        def sent_text(k: int) -> str:
            if k not in masked_cache:
                masked_cache[k] = masked(k)
            return masked_cache[k]

        signing = bool(lx.SIGNED.search(text))
        toured = {k for k, (b, e) in enumerate(sentences) if _EXCURSION.search(text, b, e)} | (
            {0} if _EXCURSION.search(text, 0, title_end) else set()
        )
        foreign = Counter(c for c in self._text_codes(text) if c != "RU")
        top = foreign.most_common(3)
        dominant = top[0][0] if top else None
        if len(top) == 3 and top[0][1] == top[2][1]:
            # Three or more foreign countries named equally often (a list of member states):
            # the article is about none of them.
            dominant = None
        all_mentions = [m for c in cands for m in c.mentions]

        def placed(c: Candidate) -> str | None:
            """The foreign country the sentences naming a candidate place it in: the one such
            a sentence names besides the names in it ("A Japanese delegation of X", «В Японии
            ... с Университетом X»), else the one the article is about. A people's adjective
            just before another name is that one's («с китайской компанией Y»)."""
            found: set[str] = set()
            for k in {m.sent for m in c.mentions}:
                codes = {x for x in self._text_codes(sent_text(k)) if x != "RU"}
                for o in all_mentions:
                    if o.sent == k and o not in c.mentions:
                        before = _WORD_BEFORE.search(
                            text, max(sentences[k][0], o.start - 40), o.start
                        )
                        if before:
                            codes -= set(self._text_codes(before.group(1)))
                if len(codes) == 1:
                    found |= codes
            return found.pop() if len(found) == 1 else dominant

        title_blocked = _not_partner_title(text[:title_end])
        title_coop = float(bool(_TITLE_CUE.search(text[:title_end])))
        outside = [c for c in cands if c.mentions and not self._is_own(max(c.names, key=len))]
        most = max((len(c.mentions) for c in outside), default=0)
        n_outside = math.log1p(len(outside))
        rows: list[Row] = []
        for c in cands:
            if not c.mentions:
                continue
            names = c.names
            if self._is_own(max(names, key=len)) or any(
                self._is_own(n) for n in names if is_abbreviation(n)
            ):
                continue
            if c.known is None and any(
                is_abbreviation(m.name) and OWN_AFTER.match(text, m.end) for m in c.mentions
            ):
                continue  # "ИСИ СПбПУ", "(HSEE) of SPbPU": a unit of the university
            f: dict[str, float] = {}
            all_unit = all(m.is_unit or m.nested for m in c.mentions)
            nested_title = any(m.nested for m in c.mentions) and all(
                m.is_unit or m.nested or m.start < title_end for m in c.mentions
            )
            not_org = any(lx.NOT_ORG.search(n) for n in names[:1])
            joint = [n for n in names if lx.JOINT.match(n)]
            joint_product = bool(
                joint
                and c.known is None
                and not any(is_abbreviation(w) for n in joint for w in n.split()[1:])
            )
            own_unit = self._own_unit(c, text, lang)
            evidence = title_ev = member = roles = 0
            counts: Counter[str] = Counter()
            best_dist = 10_000
            for m in c.mentions:
                if lx.EVENT_AFTER.match(text, m.end):
                    counts["event_after"] += 1
                    continue
                start = sentences[m.sent][0]
                if toured & {m.sent, m.sent + 1, 0} and _STUDENTS_VISIT.search(
                    text, start, m.start
                ):
                    # The place students visit on an excursion (the title, its sentence or the
                    # next one says so): «Первокурсники посетили Эрмитаж. Экскурсия …».
                    counts["context_only"] += 1
                    continue
                if _NUMBERED_SCHOOL_EN.search(m.name) and (
                    _SCHOOL_PEOPLE_BEFORE.search(text, max(start, m.start - 40), m.start)
                    or _SCHOOL_PEOPLE_AFTER.match(text, m.end)
                ):
                    roles += 1  # where pupils or graduates come from, not a partner
                    continue
                before = text[max(start, m.start - 60) : m.start]
                near = text[max(start, m.start - 25) : m.start].lower()
                if re.search(r"(?:^|\s)(?:с|со|with|между|between|and|и)\s+(?:\w+\s+)?$", near):
                    counts["with_before"] += 1
                if re.search(r"(?:делегаци|delegation|визит|visit|гост|guest)", before, re.I):
                    counts["deleg_before"] += 1
                if re.search(
                    r"(?:ректор|проректор|директор|президент|декан|профессор|rector|director|"
                    r"president|dean|professor|head of|руководител|заведующ)\w*\s+$",
                    near,
                ):
                    counts["employer_before"] += 1
                if re.search(r"(?:из|from)\s+$", near):
                    counts["from_before"] += 1
                if _OBJECT_OF.search(text, max(start, m.start - 60), m.start):
                    counts["object_of"] += 1
                if _MEMBER_TITLE.search(text, max(start, m.start - 40), m.start):
                    member += 1
                if re.search(r"(?:^|\s)(?:в|во|на|in|at)\s+$", near):
                    counts["place_before"] += 1
                if per_sent[m.sent] >= 3:
                    counts["crowded"] += 1
                if m.start < title_end:
                    head = text[: m.start]
                    occasion = bool(
                        lx.TITLE_VENUE.search(head)
                        or lx.APPOINTED.search(head)
                        or lx.SPONSOR_BEFORE.search(head)
                        or lx.OCCASION_OWNER.search(head)
                        or (
                            lx.SPEECH_ACT.search(text, 0, title_end)
                            and lx.SPEECH_EVENT.search(text, 0, title_end)
                            and not lx.SPEECH_STRONG.search(text, 0, title_end)
                        )
                    )
                    roles += occasion
                    if not title_blocked and not (
                        occasion or lx.TITLE_PARENT.search(text[: m.start])
                    ):
                        title_ev += 1
                    continue
                sent = sent_text(m.sent)
                if lx.SIGNED.search(sent):
                    counts["signed_sent"] += 1
                if any(pat.search(sent) for pat, _ in docs):
                    counts["doc_sent"] += 1
                if _OWN_WORD.search(text, sentences[m.sent][0], sentences[m.sent][1]):
                    counts["own_in_sent"] += 1
                if (
                    (
                        (
                            signing
                            and lx.ATTENDANCE.search(sent)
                            and lx.ATTENDANCE_EVENT.search(sent)
                        )
                        or (lx.EXHIBITION.search(sent) and lx.TOOK_PART.search(sent))
                        or lx.STAND_VISITED.search(sent)
                    )
                    and not lx.ATTENDANCE_STRONG.search(sent)
                ) or lx.PRESENT_AT.search(text, max(start, m.start - 160), m.start):
                    counts["attendance"] += 1
                    continue
                if self._a_speakers_employer(sent, m.sent, text, sentences, title_end):
                    roles += 1
                    continue
                if m.sent in others_signed:
                    roles += 1  # a party to a document of two outside bodies
                    continue
                window = text[max(start, m.start - 60) : m.start]
                if lx.DELEGATION_MEMBERS.search(sent) and lx.DIPLOMAT_BEFORE.search(window):
                    counts["diplomat"] += 1
                    continue
                launch = (
                    m.named_unit
                    or bool(
                        lx.JOINT_LAUNCH.search(text[max(start, m.start - 40) : m.start])
                        and lx.LAUNCHED.search(sent)
                    )
                    or bool(
                        lx.CLIENT_BEFORE.search(text, max(start, m.start - 30), m.start)
                        or lx.JOINED_BEFORE.search(text, max(start, m.start - 90), m.start)
                        or lx.PARTICIPANT_BEFORE.search(text, max(start, m.start - 90), m.start)
                        or lx.JOINS_AFTER_EN.match(text, m.end)
                        or lx.BACKED_BY_BEFORE_EN.search(text, max(start, m.start - 90), m.start)
                        or lx.UNITED_BY_BEFORE.search(text, max(start, m.start - 200), m.start)
                        or (
                            lx.CO_HOLDER_BEFORE.search(text, max(start, m.start - 30), m.start)
                            and lx.HELD_EVENT.search(sent)
                        )
                        or (lang == "en" and _CO_SUBJECT_LAUNCH_EN.match(text, m.end))
                        or self._relative_coop(text, m.end)
                        or lx.OWN_PARTNER_AFTER.match(text, m.end)
                    )
                    or bool(
                        lx.JOINED_BEFORE.search(text, max(start, m.start - 30), m.start)
                        and lx.JOINED_TO.search(text, start, m.start)
                    )
                )
                listed = bool(
                    m.sent > 0
                    and lx.LIST_CONTINUES.match(text[start : m.start])
                    and coop.search(sent_text(m.sent - 1))
                )
                cues = list(coop.finditer(sent))
                if m.sent > 0 and coop.search(sent_text(m.sent - 1)):
                    counts["prev_cue"] += 1
                # The body's people at work in the university's teaching or research, in the
                # name's sentence or told in the next one («… ООО «X». Инженеры компании ведут …»).
                # (Read unmasked: the university's unit in «X и Высшая школа … СПбПУ» is a name.)
                staff_here = bool(_TOLD_AT_WORK.search(text, *sentences[m.sent]))
                after = sent_text(m.sent + 1) if m.sent + 1 < len(sentences) else ""
                if staff_here or _STAFF_AT_WORK_RE.search(after):
                    counts["people_at_work"] += 1
                if any(
                    o is not m
                    and o.sent == m.sent
                    and _LIST_GAP.fullmatch(text[min(o.end, m.end) : max(o.start, m.start)])
                    for o in all_mentions
                ):
                    counts["in_list"] += 1
                rel = m.start - start
                for cm in cues:
                    d = max(cm.start() - (m.end - start), rel - cm.end(), 0)
                    best_dist = min(best_dist, d)
                cue = launch or bool(cues) or listed or staff_here
                if launch:
                    counts["launch"] += 1
                    best_dist = 0  # the construction is a cue right at the name
                if staff_here:
                    best_dist = 0  # so is a body at work with the university in its sentence
                if listed:
                    counts["listed"] += 1
                if (
                    _customer_or_employer(m, text, start)
                    or lx.OCCASION_OWNER.search(window)
                    or (
                        not launch
                        and lx.SPONSOR_BEFORE.search(text, max(start, m.start - 120), m.start)
                    )
                ) and not lx.OWN_PARTNER_AFTER.match(text, m.end):
                    # The occasion's owner, a sponsor, a customer, an employer: a role of its own.
                    # (A decision, not a feature: counted into `context_only` it shifted the
                    # retrained weights and let list-named universities through elsewhere.)
                    roles += 1
                    continue
                if lx.CONTEXT_ONLY.search(window):
                    counts["context_only"] += 1
                    continue
                if (
                    not launch
                    and lx.ORGANISER.search(text[max(start, m.start - 120) : m.start])
                    and not _CO_ORGANISER.search(text, max(start, m.start - 30), m.start)
                ):
                    counts["organiser"] += 1
                    continue
                if cue:
                    evidence += 1
            if self._type_with_own(c, text, cands):
                # «Председатель правления Банка «X» … Банк и университет третий год реализуют
                # совместную программу»: the body's type word with the university as one
                # subject of another sentence is the body acting with it.
                evidence += 1
                counts["launch"] += 1
                best_dist = 0
            rule = (
                evidence + 2 * title_ev > 0
                and not all_unit
                and not nested_title
                and not not_org
                and not joint_product
                and not own_unit
            )
            place = placed(c)
            fact = self._fact(c, text, lang, place)
            n = len(c.mentions)
            body = [m for m in c.mentions if m.start >= title_end]
            first = min(m.sent for m in c.mentions)
            f["rule"] = float(rule)
            f["evidence"] = math.log1p(evidence)
            f["title"] = float(title_ev > 0)
            f["in_title"] = float(len(body) < n)
            f["title_blocked"] = float(title_blocked and len(body) < n)
            f["known"] = float(c.known is not None)
            f["mentions"] = math.log1p(n)
            f["share"] = n / total
            f["all_unit"] = float(all_unit)
            f["nested_title"] = float(nested_title)
            f["not_org"] = float(not_org)
            f["joint_product"] = float(joint_product)
            f["own_unit"] = float(own_unit)
            f["abbr_only"] = float(all(is_abbreviation(x) for x in names))
            f["abbr_unknown"] = f["abbr_only"] * float(c.known is None)
            f["first_sent"] = first / n_sent
            f["early"] = float(first <= 1)
            f["cue_near"] = math.exp(-best_dist / 40) if best_dist < 10_000 else 0.0
            f["no_cue"] = float(best_dist == 10_000 and title_ev == 0)
            for key in CONTEXT_COUNTS:
                f[key] = counts[key] / n
            f["title_coop"] = title_coop
            toks = name_tokens(fact.name)
            head = self._lemma(fact.name.split()[0]) if fact.name.split() else ""
            # A numbered school («Школа № 12») is a school of its own, no unit nor event.
            numbered = bool(
                _NUMBERED_SCHOOL.search(fact.name) or _NUMBERED_SCHOOL_EN.search(fact.name)
            )
            f["unit_head"] = float(
                (
                    head in lx.UNIT_HEADS
                    or any(w.lower() in lx.UNIT_HEADS for w in fact.name.split()[-2:])
                )
                and not lx.POLYTECHNIC_INSTITUTE.search(fact.name)
                and not numbered
                # An institute named with its academy («Институт цитологии РАН», «… СО РАН»,
                # "… of the Russian Academy of Sciences") is a body of its own, not a unit.
                and not _ACADEMY_END.search(fact.name)
            )
            f["generic_name"] = float(
                all(t in GENERIC_STEMS or self._countries.is_country(t) for t in toks)
            )
            # Names that only describe ("Chinese University", "Russian Language Center",
            # "Government Vice-Premier") name no partner unless the registry knows them.
            nothing = (
                c.known is None
                and all(describes_only(x, fact.kind) for x in names)
                and not (
                    fact.kind == "university"
                    and any(self._named_by_capital(m, text, sentences) for m in c.mentions)
                )
            )
            nothing = nothing or member == n  # "академик РАН" each time: a title, not a body
            # Each time the owner of the occasion, a speaker's employer, a sponsor, a customer
            # of a tender or the body a person was appointed at: no partner of the text.
            nothing = nothing or roles == n
            nothing = nothing or (
                self._federal_context(fact, f)
                and not _co_signer(c, text)
                and not any(
                    _JOINT_WITH.search(text, max(0, m.start - 60), m.start) for m in c.mentions
                )
            )
            nothing = nothing or self._runs_a_contest(c, text, sentences)
            nothing = nothing or _only_a_funder(c, names, text)
            nothing = nothing or _only_ranked(c, text, sentences)
            # The university's own association or fund: its name ends with the university's
            # («Эндаумент-фонд Политеха»), or was cut right before it («Ассоциация выпускников»
            # of «… выпускников Политеха»; not a quoted company's name before it).
            nothing = nothing or (
                fact.kind in ("other", "company") and bool(_NAMED_AFTER_OWN_END.search(fact.name))
            )
            nothing = nothing or (
                fact.kind == "other"
                and all(
                    _NAMED_AFTER_OWN.match(text, m.end) and text[m.end - 1] not in '»"”'
                    for m in c.mentions
                )
            )
            nothing = nothing or _only_members(c, text, sentences)
            nothing = nothing or _apposition_by_parent(c, text)
            nothing = nothing or _only_a_venue(c, text)
            nothing = nothing or (
                c.known is None
                and _only_a_programme(c, text)
                # «по программе Балтийской инженерной ассоциации», "the Baltic Science
                # Foundation programme": a body with a head word runs the programme it names.
                and not any(self._is_head(w) for n in c.names for w in n.split())
            )
            nothing = nothing or (
                c.known is None and bool(f["unit_head"]) and self._bare_unit(names)
            )
            f["polytech_name"] = float(bool(_POLYTECH.search(fact.name)))
            f["own_like"] = float(
                any(self._is_own(x) for x in names)
                or any(fuzz.ratio(_fold_name(x), o) >= 88 for x in names for o in _OWN_FULL)
            )
            f["event_name"] = float(bool(_EVENT_NAME.search(fact.name)) and not numbered)
            # A chunk gone wrong: it ends on a dangling adjective ("институт крупнейшей"),
            # runs over a conjunction ("компания X и технопарка") or names persons.
            words = fact.name.split()
            f["dangling"] = float(
                len(words) > 1
                and bool(_ADJ_END.search(words[-1]))
                and words[-1][:1].islower()
                and not re.search(r"[»\"”)]$", fact.name)
            )
            # (Not inside quotes: a quoted name is written as it is, «Талант и успех».)
            f["conj_inside"] = float(
                bool(re.search(r"\s(?:и|and)\s+[a-zа-яё]", _QUOTED.sub("", fact.name)))
            )
            f["person_like"] = (
                sum(
                    1
                    for m in c.mentions
                    if _PERSON_BEFORE.search(text, max(0, m.start - 30), m.start)
                    and re.fullmatch(r"[A-ZА-ЯЁ]{3,}[’']?", text[m.start : m.end])
                )
                / n
            )
            f["most_mentioned"] = float(n == most)
            f["candidates"] = n_outside
            f["hint_country"] = float(any(m.hint_country for m in c.mentions))
            # Named again in another sentence: the article is about it, not naming it in passing.
            f["repeated"] = float(len({m.sent for m in c.mentions}) > 1)
            for kind in PARTNER_KINDS:
                f[f"kind_{kind}"] = float(fact.kind == kind)
            if (
                c.known is None
                and fact.kind == "company"
                and all(is_abbreviation(m.name) for m in c.mentions)
                and _UNIVERSITY_ABBR.fullmatch(fact.name)
            ):
                # "BDU", "КНИТУ", "АГНИ": a university's abbreviation ends in its U or И; its
                # country is the one the article is about, as for other non-companies. (After
                # the features: the model weighs the name's look, not this reading of it.)
                # With no foreign country the article is about and none stated for it, a
                # Cyrillic abbreviation reads as a Russian university; a Latin one ("BDU")
                # tells no country, so none is guessed.
                stated = self._context_country(c, text) or next(
                    (m.hint_country for m in c.mentions if m.hint_country), None
                )
                guessed = False
                if stated is None and _CYR.search(fact.name):
                    stated, guessed = fact.country, fact.country_guessed
                fact = replace(
                    fact,
                    kind="university",
                    country=place or stated,
                    country_guessed=guessed and not place,
                )
            if (
                c.known is None
                and fact.kind == "university"
                and re.search(r"исследовательск\w* институт|research institute", fact.name, re.I)
            ):
                fact = replace(fact, kind="research")  # a research institute of technology
            rows.append(
                Row(candidate=c, fact=fact, features=f, names_nothing=nothing, in_role=roles > 0)
            )
        self._mark_bare_codes(rows, text)
        return rows

    def _head_type(self, c: Candidate) -> str | None:
        heads = {self._lemma(n.split()[0]) for n in c.names if n.split()} & _ANAPHOR_TYPES
        return heads.pop() if len(heads) == 1 else None

    def _type_with_own(self, c: Candidate, text: str, cands: list[Candidate]) -> bool:
        """Whether the type word a candidate's name opens with (a bank, a company …) stands
        coordinated with the university as a sentence's subject («Банк и университет …»,
        «Университет и компания …») after the candidate was named, and no other name of that
        type was named before it: the word stands for the candidate."""
        head = self._head_type(c)
        if head is None or not c.mentions:
            return False
        first = min(x.start for x in c.mentions)
        for m in _TYPE_AND_OWN.finditer(text):
            word = m.group("a") or m.group("b") or m.group("c")
            if (
                self._lemma(word.lower()) == head
                and first < m.start()
                and not any(x.start <= m.start() < x.end for x in c.mentions)
                and not any(
                    o is not c
                    and o.mentions
                    and min(x.start for x in o.mentions) < m.start()
                    and self._head_type(o) == head
                    for o in cands
                )
            ):
                return True
        return False

    @staticmethod
    def _named_by_capital(m: Mention, text: str, sentences: list[tuple[int, int]]) -> bool:
        """A Russian mention opening with a capitalised nationality not at its sentence's
        start: a university's proper name ("с Вьетнамским государственным университетом"),
        not a description ("вьетнамский вуз"; a sentence's first word is capitalised anyway).
        Only for universities: writers capitalise "Российское отделение компании" too; and
        never for «вуз», which names no university ("с Китайским вузом")."""
        words = text[m.start : m.end].split()
        before = text[sentences[m.sent][0] : m.start].strip(' \n«"“„—–-')
        return (
            bool(words)
            and bool(before)
            and russian_nationality_capitalised(words[0])
            and not any(w.lower().startswith("вуз") for w in words)
        )

    @staticmethod
    def _federal_context(fact: PartnerFact, f: dict[str, float]) -> bool:
        """Russia's science ministry or Academy of Sciences (not one of its institutes), or a
        foreign state's ministry of education, that no cooperation word is about: context (a
        meeting held there, the rector's other office, the approval of a joint programme), not
        the university's partner."""
        return f["object_of"] == 0 and bool(
            lx.RUSSIAN_SCIENCE_BODY.search(fact.name)
            or (
                fact.kind == "government"
                and fact.country not in (None, "RU")
                and bool(lx.EDUCATION_MINISTRY.search(fact.name))
            )
        )

    @staticmethod
    def _a_speakers_employer(
        sent: str, k: int, text: str, sentences: list[tuple[int, int]], title_end: int
    ) -> bool:
        """The sentence (names masked) tells who spoke at an event and no cooperation: «С
        пленарными докладами выступили профессора X и Y», "Keynote talks were given by
        professors from X". The bodies it names are the speakers' employers."""
        if not lx.SPEECH_ACT.search(sent) or lx.SPEECH_STRONG.search(sent):
            return False
        if _TOLD_AT_WORK.search(text, *sentences[k]):
            return False  # a body's people teaching in the university's own course work with it
        prev = text[sentences[k - 1][0] : sentences[k - 1][1]] if k > 0 else ""
        return any(lx.SPEECH_EVENT.search(t) for t in (sent, prev, text[:title_end]))

    @staticmethod
    def _runs_a_contest(c: Candidate, text: str, sentences: list[tuple[int, int]]) -> bool:
        """Named only as the body that runs a competition or a programme the university
        enters (the funder of a grant won alone, by the guidelines): no partner."""
        return all(
            lx.CONTEST_RUNNER.search(text, max(sentences[m.sent][0], m.start - 80), m.start)
            for m in c.mentions
        )

    def _bare_unit(self, names: list[str]) -> bool:
        """An English unit named by its fields alone ("Laser and Welding Laboratory", "Ship
        Automation Design System Institute", "Institute of Civil Engineering"): no place, no
        parent body, no code, no quoted or personal name says whose it is, so it is a unit of
        some body the article names otherwise (a visited university's laboratory), not a
        partner. A research institute is no unit (a state's research institutes are named by
        their fields), nor is a Russian name (its words are not capitalised, so nothing tells
        a field from a name)."""
        return all(
            not _CYR.search(n)
            and _FIELDS_UNIT.fullmatch(n) is not None
            and not _NOT_BARE_UNIT.search(n)
            and not self._countries.codes(n)
            and not any(is_abbreviation(w) for w in n.split())
            for n in names
        )

    @staticmethod
    def _mark_bare_codes(rows: list[Row], text: str) -> None:
        """A Latin code the article neither expands nor types and the registry does not know
        ("ENI 2014-2020", a surname in capitals, a ministry's initials) names no organisation:
        no partner, as the registry opens no card for it. A university's shape ("BDU") is a
        type; a code read off another candidate's name is that candidate's; a code that a
        cooperation word is about ("an agreement with ABC") is named as a partner."""
        for r in rows:
            c = r.candidate
            if (
                c.known is not None
                or r.features["object_of"] > 0
                or r.fact.kind != "company"
                or any(m.kind for m in c.mentions)
                or not all(is_abbreviation(n) and _LATIN_CODE.fullmatch(n) for n in c.names)
                or any(_typed_code(m, text) for m in c.mentions)
            ):
                continue
            expanded = any(
                abbreviation_of(code, x) or _latin_initials_of(code, x)
                for code in c.names
                for o in rows
                if o is not r
                for x in o.candidate.names
                if not is_abbreviation(x)
            )
            if not expanded:
                r.names_nothing = True

    def _own_unit(self, c: Candidate, text: str, lang: str) -> bool:
        """Units of the university: "Институт ... СПбПУ", "SPbPU's Higher School ...",
        or a unit-type name with nothing foreign or proper in it."""
        if c.known is not None:
            return False
        for m in c.mentions:
            if lx.OWN_TAIL.search(m.name):
                return True  # "Инженерно-строительный институт Политеха": the tail names us
            after = text[m.end : m.end + 24]
            before = text[max(0, m.start - 10) : m.start]
            if re.match(OWN_AFTER, after) or re.search(
                r"(?:SPbPU|Polytech\w*)['’]s\s*$|СПбПУ\s*$", before
            ):
                return True
            if _OWN_GENITIVE_AFTER.match(text, m.end):
                return True  # "... (IXX) of Peter the Great St. Petersburg Polytechnic ..."
        if any(m.hint_country for m in c.mentions):
            return False
        # An abbreviation stands for the name it is defined by: "Высшей ... школы (ВШПО)".
        defined = [
            x for n in c.names if is_abbreviation(n) for x in self._bracket_expansions(n, text)
        ]
        return any(self._unit_name(x, lang) for x in [max(c.names, key=len), *defined])

    def _unit_name(self, name: str, lang: str) -> bool:
        """A unit-type name ("Higher School of ...", "кафедра ...") with nothing foreign or
        proper in it."""
        first = name.split()[0].lower() if name.split() else ""
        head_words = [w.lower().strip(",.") for w in name.split()[:3]]
        is_unit_type = any(
            (self._lemma(w) if lang == "ru" else w) in lx.UNIT_HEADS for w in head_words
        ) or first.startswith(("высш", "higher"))
        if not is_unit_type or lx.POLYTECHNIC_INSTITUTE.search(name):
            return False
        if lang == "en" and re.match(r"\S+(?:\s+\S+){0,3}['’]s?\s", name):
            return False  # "Fraunhofer Society's Institute ...": another's unit, named by it
        if lang == "ru" and lx.STATE_LEVEL_RU.match(name):
            return False  # "Федеральная служба по ...": the state's, not the university's
        if self._countries.codes(name):
            return False
        proper = [w for w in name.split()[1:] if w[:1].isupper() and w.lower() not in ("of",)]
        if lang == "ru":
            return not proper and not re.search(r"[A-Z«\"]", name)
        return True

    @staticmethod
    def _bracket_expansions(abbr: str, text: str) -> list[str]:
        """The words right before "(ABBR)" that the abbreviation is read off, shortest first
        per occurrence: "Higher School of Management (HSM)" -> "Higher School of Management"."""
        out: list[str] = []
        for m in re.finditer(r"\(\s*" + re.escape(abbr) + r"\s*\)", text):
            words = re.split(r"[,;.:!?()«»\"]", text[max(0, m.start() - 160) : m.start()])[-1]
            parts = words.split()
            for k in range(1, min(10, len(parts)) + 1):
                phrase = " ".join(parts[-k:])
                if abbreviation_of(abbr, phrase):
                    out.append(phrase)
                    break
        return out

    def _fact(self, c: Candidate, text: str, lang: str, dominant: str | None) -> PartnerFact:
        full = [m for m in c.mentions if not is_abbreviation(m.name)]
        # A hyphen broken across lines ("Russian- Armenian") is joined before the fullest form
        # is chosen: the break is no extra word.
        main = max(
            full or c.mentions,
            key=lambda m: (
                len(join_broken_hyphen(m.name).split()),
                # The text's own full form over the registry's spelling a shorter form was
                # read as («имени» of the body over «им.» the headline's «ИХС РАН» gave).
                len(text[m.start : m.end].split()) >= len(m.name.split()),
                # A quoted name kept as the headline declined it («с «Балтийскими насосами»»)
                # gives way to the text's nominative («АО «Балтийские насосы»»).
                not _declined_word(m.name),
                m.name[:1].isupper(),
                -m.start,
            ),
        )
        name = join_broken_hyphen(main.name)
        aliases = list(dict.fromkeys(j for n in c.names if (j := join_broken_hyphen(n)) != name))
        described = without_nationality(name)
        bare = without_nationality(name, capital=True)
        if not described and bare and any(a.lower() == bare.lower() for a in aliases):
            described = bare  # «Финский университет Аалто … университет Аалто»: the text's own
        if described:
            # «финского университета Аалто»: the nationality describes, the name follows it.
            aliases = [a for a in aliases if without_nationality(a) != described]
            name = described
        if _CYR.match(name[:1]) and name[:1].islower() and not _TYPE_WORD.match(name):
            # A name begins with a capital, though the text's word is written in lower case
            # mid-sentence: "университет Цинхуа" is "Университет Цинхуа", "фонд «X»" is
            # "Фонд «X»". A bare type word before a quoted name stays lower case: the registry
            # drops it ("компания «X»" shows as "X").
            name = name[0].upper() + name[1:]
        typed = _TYPED_QUOTED.fullmatch(name)
        if typed:
            # The guidelines name it without the type word; the typed form is an alias.
            aliases = [a for a in aliases if a != typed.group(1)]
            aliases.insert(0, name)
            name = typed.group(1)
        known = c.known
        name_en: str | None = None
        if known is not None and any(self._unit_and_parent(name, n) for n in known.all_names()):
            # "Комитет по науке … Правительства Санкт-Петербурга": the registry knows the
            # parent named at its end, whose English name and aliases are not the unit's.
            known = None
        if known is not None:
            name_en = known.name_en
            spelt = _registry_spelling(name, known)
            if spelt is not None:
                # The guessed form was no spelling of the name: it is dropped, not kept as alias.
                aliases = [a for a in aliases if a != spelt]
                name = spelt
            for n in known.all_names():
                if n != name and n not in aliases and n != name_en:
                    aliases.append(n)
        if name_en is None and lang == "ru":
            name_en = self._mission_en(name)
        if lang == "en" and name_en is None:
            name_en = name
        if name_en and name_en == name and lang == "en":
            pass
        kind = known.kind if known else None
        if kind is None:
            kind = next((m.kind for m in c.mentions if m.kind), None)
            if kind == "research" and re.search(
                r"politechn|polytechnic|institute of technology|технолог(?!иям)|политехн",
                name,
                re.I,
            ):
                kind = "university"
            if kind is None:
                # A Latin head word joined by a hyphen ("Bauhaus-Universität Weimar",
                # "Max-Planck-Institut"): the head tells the kind, as a separate word would.
                kind = next(
                    (lx.EN_HEADS[w] for w in re.split(r"[\s-]+", name.lower()) if w in lx.EN_HEADS),
                    None,
                )
            if kind is None:
                kind = "company"
        country = known.country if known else None
        abroad: str | None = None
        if country is None and kind == "university":
            # "German University in Cairo", «Американский университет в Бишкеке»: a university
            # named after a nation is where its seat is, when the name says it.
            country = next(filter(None, map(self._seat_country, (name, *aliases))), None)
            abroad = next(filter(None, map(self._nation_abroad, (name, *aliases))), None)
            if country is None and abroad:
                # «Американский университет в Центральной Азии»: the seat is a region, so the
                # nation's name is no country; the one other foreign place the text names is.
                seats = {x for x in self._text_codes(text) if x not in (abroad, "RU")}
                country = seats.pop() if len(seats) == 1 else None
        # An event's place is not its organiser's country ("X Forum in Harbin", "Forum X
        # (Kazakhstan)" of a Russian organiser): only names that name no event are read.
        country = country or next(
            (
                m.hint_country
                for m in c.mentions
                if m.hint_country and not _EVENT_NAME.search(m.name)
            ),
            None,
        )
        if country is None and not abroad:
            for n in [x for x in (name, *aliases) if not _EVENT_NAME.search(x)]:
                # A mission belongs to the state that sends it, not to its seat: "Russian
                # Embassy in Spain" is Russia's, "Торгпредство России во Франции" too.
                if _MISSION_NAME.search(n):
                    n = _SEAT_TAIL.sub("", n)
                country = self._countries.country_of_name(n)
                if country:
                    break
        if country is None:
            country = self._context_country(c, text)
        if country is None:
            country = next(filter(None, map(language_country, (name, *aliases))), None)
        russian_arm = kind == "company" and any(_RUSSIAN_ARM.search(n) for n in (name, *aliases))
        if country is None and (kind == "company" and not russian_arm or kind == "research"):
            country = self._brand_country(name, aliases, kind)
        supranational = any(
            _SUPRANATIONAL.search(n) and not _NATIONAL_BODY.search(n) for n in (name, *aliases)
        )
        if dominant == abroad:
            dominant = None
        if country is None and kind != "company" and dominant is not None and not supranational:
            # The foreign country the article is about; a body of many states is not its.
            country = dominant
        # "Festo SE", "Dahua Machinery Co., Ltd": a foreign company, never guessed Russian; a
        # few forms tell their country ("Oy" is Finnish, "GmbH" mostly German).
        form = _FOREIGN_FORM.search(name) if kind == "company" else None
        if country is None and form:
            country = _FORM_COUNTRY.get(form.group(0).rstrip("."))
        # A company a Russian text names only in Latin letters ("Nordic Valve", "Siemens
        # Energy") is not guessed Russian: Russian companies are written in Cyrillic there,
        # unless their name says they are a foreign group's Russian company ("… Rus").
        latin_only = (
            kind == "company"
            and lang == "ru"
            and not russian_arm
            and not any(_CYR.search(n) for n in (name, *aliases))
        )
        # «Нокиа», «Шнайдер Электрик»: a foreign brand spelt in Cyrillic, with no Russian legal
        # form before it («ООО «Шнайдер Электрик»» is the Russian company), is not guessed Russian.
        spelt_foreign = (
            kind == "company"
            and not russian_arm
            and any(spelt_foreign_brand(n) for n in (name, *aliases))
            and not any(_RU_LEGAL_BEFORE.search(text, 0, m.start) for m in c.mentions)
        )
        if (
            country is None
            and not supranational
            and not form
            and not latin_only
            and not spelt_foreign
            and not abroad
            and (kind == "company" or not foreign_shaped(name, lang))
            and (kind == "company" or not self._foreign_eponym(name))
        ):
            # Companies in these articles are overwhelmingly Russian, and so is a body with a
            # Russian name that no word places elsewhere. A foreign-shaped name that nothing
            # places («Университет Кэйо», "Universidad de X") stays unplaced: a card says
            # "country unknown" and a later article's country fills it, where a guessed
            # Russia would be shown wrongly and keep that article's card apart.
            return PartnerFact(name, name_en, tuple(dict.fromkeys(aliases)), "RU", kind, True)
        return PartnerFact(
            name=name,
            name_en=name_en,
            aliases=tuple(dict.fromkeys(aliases)),
            country=country,
            kind=kind,
        )

    def _seat_country(self, name: str) -> str | None:
        """The country of the seat a nation's university names ("British University in Egypt",
        "American University of Armenia"), or None."""
        m = _NATION_SEAT_NAME.match(name)
        if m is None or not self._countries.codes(m.group("nation")):
            return None
        codes = self._countries.codes(m.group("place"))
        return codes[0] if codes else None

    def _nation_abroad(self, name: str) -> str | None:
        """The nation a university names with a seat after it ("American University of Central
        Asia", «Британский университет в Египте»): its country is the seat's, never the
        nation's. None for any other name."""
        m = _NATION_SEAT_NAME.match(name)
        if m is None or not re.search(r"университет во? |University (?:in|of) ", name):
            return None  # «Финский университет Аалто»: the nation describes a named university
        return nation_of(m.group("nation"))  # (not a city's: "Xian University of Technology")

    def _brand_country(self, name: str, aliases: list[str], kind: str) -> str | None:
        """The country of the known body of the same kind whose name a name opens with, as a
        brand («Сименс Энерджи», "Siemens Healthineers" are Siemens' German companies,
        "Fraunhofer Institute for Laser Technology" is an institute of the German society),
        or None."""
        for n in (name, *aliases):
            eponym = _EPONYM_BODY.match(n) or _EPONYM_BODY_EN.match(n)
            country = (
                self._eponym_countries().get(canonical_key(eponym.group("ep"))) if eponym else None
            )
            if country:
                return country  # «Институт Макса Планка по физике плазмы»: «Общество Макса Планка»
            words = n.replace("«", " ").replace("»", " ").replace('"', " ").split()
            while words and words[0][:1].islower():
                words = words[1:]  # «компания «Сименс Энерджи»»: the type word
            if len(words) < 2 or len(words[0]) < 3 or not words[0][:1].isupper():
                continue
            known = self._registry.lookup(words[0])
            if known is not None and known.kind == kind and known.country:
                return known.country
        return None

    def _eponym_countries(self) -> dict[str, str]:
        """Canonical keys of the people research bodies of the registry are named after («Общество
        Макса Планка», «Общество Фраунгофера», "Fraunhofer"), to their one country."""
        if self._eponyms is None:
            found: dict[str, set[str]] = {}
            for org in self._registry.orgs:
                if org.kind != "research" or not org.country:
                    continue
                for n in org.all_names():
                    m = _EPONYM_BODY.match(n) or _EPONYM_BODY_EN.match(n)
                    ep = m.group("ep") if m else n if re.fullmatch(r"[A-Z][a-z]{3,}", n) else None
                    if ep and ep.split()[0].lower() not in _NOT_EPONYM:
                        found.setdefault(canonical_key(ep), set()).add(org.country)
            self._eponyms = {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
        return self._eponyms

    def _foreign_eponym(self, name: str) -> bool:
        """A Russian name of a body named after a person whose surname has no Russian shape
        («Институт Пастера», «Общество Гельмгольца»; not «Фонд Потанина», «Центр Алмазова»):
        most likely abroad, so not guessed Russian."""
        m = _EPONYM_BODY.match(name)
        if m is None or not _CYR.search(m.group("ep")):
            return False
        last = m.group("ep").split()[-1].lower()
        surnames = [p for p in self._vocab.parse(last)[:3] if "Surn" in p.tag.grammemes]
        return bool(surnames) and not any(
            _RUSSIAN_SURNAME.search(str(p.normal_form)) for p in surnames
        )

    def _context_country(self, c: Candidate, text: str) -> str | None:
        """A country named right after a mention: "Salymbekov University (Kyrgyzstan)",
        "делегация из Университета X, КНР"."""
        for m in c.mentions:
            if _EVENT_NAME.search(m.name):
                continue  # "Forum X (Kazakhstan)": where the event is held
            after = text[m.end : m.end + 40]
            b = re.match(r"\s*[(,]\s*([^(),.;]{2,30})", after)
            if b:
                codes = self._countries.codes(b.group(1))
                if codes:
                    return codes[0]
            # "Keio University in Japan", «Университет Кэйо из Японии»: a foreign country
            # (not a city, where a visit may take place; not Russia, where visits are held).
            b = _IN_COUNTRY.match(after)
            if b and self._countries.is_country(b.group(1)):
                codes = self._countries.codes(b.group(1))
                if codes and codes[0] != "RU":
                    return codes[0]
        return None

    # --- agreements ---------------------------------------------------------------------

    def _agreements(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        facts: list[PartnerFact],
        cand_of: dict[str, Candidate],
        lang: str,
        title_end: int = 0,
        main: str | None = None,
        others_signed: frozenset[int] = frozenset(),
    ) -> list[AgreementFact]:
        docs = lx.DOC_RU if lang == "ru" else lx.DOC_EN
        in_sent: dict[int, list[str]] = {}
        in_title = {
            f.name for f in facts if any(m.start < title_end for m in cand_of[f.name].mentions)
        }
        for f in facts:
            for mention in cand_of[f.name].mentions:
                names = in_sent.setdefault(mention.sent, [])
                if f.name not in names:
                    names.append(f.name)
        out: list[AgreementFact] = []
        shown: list[str | None] = []  # the subject each document in `out` is shown with
        headline: set[int] = set()
        for k, (s, e) in enumerate(sentences):
            sent = text[s:e]
            if k in others_signed:
                continue  # two outside bodies' document, not the university's
            # With no signing verb, only a document agreed on counts ("the plan was agreed").
            spans = (
                [(0, len(sent))]
                if lx.SIGNED.search(sent)
                else [m.span() for m in lx.CONCLUDED.finditer(sent)]
            )
            if not spans:
                continue
            hits: list[tuple[int, int, str]] = []
            taken: list[tuple[int, int]] = []
            for pat, kind in docs:
                for m in pat.finditer(sent):
                    if any(a < m.end() and m.start() < b for a, b in taken):
                        continue
                    if not any(a <= m.start() and m.end() <= b for a, b in spans):
                        continue
                    taken.append((m.start(), m.end()))
                    hits.append((m.start(), m.end(), kind))
            hits.sort()
            if not hits:
                if (
                    out
                    and _THE_DOCUMENT.match(sent)
                    and out[-1].signed_on is None
                    and lx.SIGNED.search(sent)
                    and not lx.PLANNED.search(sent)
                    and not _FUTURE.search(_signing_clause(sent))
                ):
                    # "Документ подписан 3 марта 2023 года": the date of the one just named
                    # (not "Документ будет подписан 5 мая", "will be formally signed").
                    on = self._date(_signing_clause(sent), lang)
                    if on is not None:
                        out[-1] = replace(out[-1], date=out[-1].date or on, signed_on=on)
                continue
            if lx.PLANNED.search(sent) and not re.search(
                r"(?<!не )(?:был[аио]?|были) подписан|(?<!be )signed (?:in|on|last)|"
                r"(?<!not )has been signed|"
                r"were signed",
                sent,
                re.I,
            ):
                continue
            parties = self._signers(text, s, e, in_sent.get(k) or [], cand_of)
            # "соглашение, одобренное Министерством X": who approves a document does not sign it.
            here = {n: [m for m in cand_of[n].mentions if s <= m.start < e] for n in parties}
            approvers = [
                n
                for n in parties
                if here[n]
                and all(_APPROVED_BY.search(text, max(s, m.start - 30), m.start) for m in here[n])
            ]
            parties = [n for n in parties if n not in approvers]
            if not parties and lx.BOTH_SIDES.search(sent):
                # "Стороны подписали ...", "The two universities signed ...": the partners
                # the headline names, not whoever the previous sentence mentioned.
                parties = [f.name for f in facts if f.name in in_title]
            named = bool(parties)
            if not parties:
                parties = in_sent.get(k - 1) or []
            guessed = not parties
            if not parties and len(facts) == 1 and k > 0:
                parties = [facts[0].name]
            if not parties and main is not None and k > 0:
                parties = [main]  # the article's most likely partner
            seen_kinds: dict[str, AgreementFact] = {}
            own = _clause_parties(sent, s, hits, parties, cand_of) if named else {}
            for hs, he, kind in hits:
                if own:
                    parties = own[hs]  # "меморандум с X, а с Y — соглашение": each its own
                vague = bool(_VAGUE_PLURAL.fullmatch(sent[hs:he]))
                if vague and (
                    not named
                    or (
                        _COUNTED.search(sent, max(0, hs - 40), hs)
                        and not any(
                            s + he <= m.start < e for n in parties for m in cand_of[n].mentions
                        )
                    )
                ):
                    # "подписание договоров и соглашений", "more than ten memorandums": documents
                    # whose parties the sentence does not name, or counted beyond the partners
                    # it names before them ("with X and Y, along with more than 15
                    # memorandums"), are no one partner's; "several agreements with X" are X's.
                    parties = []
                # The subject as first read decides which mentions are one document; the
                # subject shown is read more carefully (lists, parties, fragments).
                title = self._raw_title(sent[he:], lang)
                subject = self._doc_title(
                    sent[he:],
                    lang,
                    sent[:hs],
                    [
                        (m.start - s - he, m.end - s - he)
                        for f in facts
                        for m in cand_of[f.name].mentions
                        if s + he <= m.start < e
                    ],
                )
                if kind == "agreement" and re.search(
                    r"^\w*\s+на\s+(?:выполнение|поставку|разработку|проведение)|"
                    r"^\s*(?:с|with)\s+\S+\s+о том, что мы разрабатываем",
                    sent[he:],
                ):
                    kind = "contract"
                if (
                    kind == "agreement"
                    and re.search(r"разрабатыва|разработк|выполнени", sent[he : he + 120])
                    and re.search(r"договор", sent[hs:he], re.I)
                ):
                    kind = "contract"
                if kind == "contract" and title and _COOP_SUBJECT.search(title):
                    kind = "agreement"  # "a contract on interuniversity cooperation"
                if not parties and self._between_states(sent, he):
                    continue  # a treaty of two states, not the university's document
                if _LABOUR.search(sent, max(0, hs - 30), hs):
                    continue  # employment contracts of persons, not documents of organisations
                if _PLAYERS_SIGN.search(sent, 0, hs) and (
                    _SPORT.search(text) or re.search(r"\bматч|\bmatch\b", sent, re.I)
                ):
                    continue  # team captains' "fair play" pact before a match: no organisation's
                if _ACCORD.match(sent, he):
                    continue  # "agreements were reached": an accord, not a document
                if kind in seen_kinds:
                    continue  # one document of a kind per sentence
                if title is None and (
                    _ANAPHORA.search(sent, max(0, hs - 15), hs) or not sent[:hs].strip(' «"“')
                ):
                    # "the agreement", "этот документ": the document already named, of
                    # whatever kind; the parties named here sign it too. A date after another
                    # document word is that one's ("The agreement continues the memorandum
                    # signed in 2019").
                    later = [m.start() for p, _ in docs for m in p.finditer(sent, he)]
                    on = self._date(sent[: min(later, default=len(sent))], lang)
                    same = next(
                        (
                            i
                            for i in range(len(out) - 1, -1, -1)
                            if (on is None or out[i].signed_on in (None, on))
                            and (
                                not parties
                                or not out[i].parties
                                or set(out[i].parties) & set(parties)
                            )
                        ),
                        None,
                    )
                    if same is not None:
                        plural = bool(_PLURAL_DOC.fullmatch(sent[hs:he]))
                        # "Подписанные соглашения ...": all of them, no new party for one.
                        more = tuple(
                            p for p in parties if p not in out[same].parties and not plural
                        )
                        # "Соглашение подписано 5 июня 2024 года": the date told after the
                        # document was named is its date.
                        dated = out[same].signed_on or (
                            on and self._date(_signing_clause(sent), lang)
                        )
                        out[same] = replace(
                            out[same],
                            parties=out[same].parties + more,
                            date=out[same].date or dated,
                            signed_on=dated,
                        )
                        shown[same] = _fuller(shown[same], subject)
                        seen_kinds[kind] = out[same]
                        continue
                if len(parties) >= 2 and self._plural_doc(sent, hs, he):
                    # "подписал соглашения с X и Y": one document per partner.
                    for party in parties:
                        if not any(a.kind == kind and party in a.parties for a in out):
                            on = self._date(sent, lang)
                            out.append(AgreementFact(kind, (party,), title, on, on))
                            shown.append(subject)
                    seen_kinds[kind] = out[-1]
                    continue
                on = self._date(sent, lang)
                fact = AgreementFact(
                    kind=kind, parties=tuple(parties), title=title, date=on, signed_on=on
                )
                # An anaphoric later mention ("Соглашение подписано на выставке") is the same;
                # one with a date of its own or an ordinal ("the second agreement", "in 2011
                # the first agreement was signed") is another document.
                ordinal = _ORDINAL.search(sent, max(0, hs - 40), hs)
                # ... but "this became the first agreement ..." describes the one named.
                fresh = ordinal is not None and not _COPULA.search(
                    sent, max(0, ordinal.start() - 20), ordinal.start()
                )
                # "agreements were signed between its institutes and X's schools": documents
                # of their own, not the single one named before with X.
                fresh = fresh or (named and bool(parties) and vague)
                known = next(
                    (
                        i
                        for i, a in enumerate(out)
                        if a.kind == kind
                        and (
                            set(a.parties) >= set(parties)
                            or set(a.parties) & set(parties)
                            # "Подписание соглашения ...", no party named here or just before:
                            # the document already named, not the main partner's new one.
                            or (guessed and title is None)
                        )
                        # A headline's document is the body's first one of its kind and
                        # parties, told shorter and often without its date.
                        and (
                            title is None
                            or a.title is None
                            or _same_subject(a.title, title)
                            or id(a) in headline
                        )
                        and (
                            on is None
                            or a.signed_on == on
                            or (a.signed_on is None and id(a) in headline)
                        )
                    ),
                    None,
                )
                if not fresh and known is not None:
                    was = out[known]
                    if id(was) in headline and s >= title_end:
                        # The body tells the headline's document: its subject and date.
                        shown[known] = subject or shown[known]
                        out[known] = replace(
                            was,
                            title=title or was.title,
                            date=was.date or on,
                            signed_on=was.signed_on or on,
                        )
                        headline.discard(id(was))
                        continue
                    shown[known] = _fuller(shown[known], subject)
                    if title and was.title is None:
                        # "X and SPbPU signed an agreement" in the headline, "... an agreement
                        # on academic exchange" in the body: the subject is the body's.
                        out[known] = replace(was, title=title)
                        if id(was) in headline:
                            headline.add(id(out[known]))
                    continue
                seen_kinds[kind] = fact
                out.append(fact)
                shown.append(subject)
                if s < title_end:
                    headline.add(id(fact))
        # A headline's document with no party named is the body's one with parties.
        written = {f.name: _as_written(f, cand_of[f.name], text) for f in facts}
        return [
            replace(a, title=subject, parties=tuple(written.get(p, p) for p in a.parties))
            for a, subject in zip(out, shown, strict=True)
            if a.parties
            or id(a) not in headline
            or not any(b.parties and b.kind == a.kind for b in out)
        ]

    @staticmethod
    def _signers(
        text: str, s: int, e: int, names: list[str], cand_of: dict[str, Candidate]
    ) -> list[str]:
        """The partners of a signing sentence, less those that only describe the one person
        who signs: "Ректор СПбПУ и председатель X подписал соглашение с Y" (a singular verb;
        X is the signer's other post, Y the party)."""
        verb = _SINGULAR_SIGNED.search(text, s, e)
        if verb is None or len(names) < 2:
            return names

        def attribute(name: str) -> bool:
            ms = [m for m in cand_of[name].mentions if s <= m.start < e]
            return bool(ms) and all(
                m.end <= verb.start() and _ROLE_BEFORE.search(text, max(s, m.start - 40), m.start)
                for m in ms
            )

        kept = [n for n in names if not attribute(n)]
        return kept or names

    def _between_states(self, sent: str, he: int) -> bool:
        """ "договор ... между Россией и Турцией": the parties after the document are countries
        and the university is not in the sentence."""
        m = re.search(r"\b(?:между|between)\s+([^,;:.()]{3,60})", sent[he : he + 100])
        # ... or its subject names them: "Договор об основах отношений России и Турции".
        m = m or re.match(r"\s*(?:об?|on|of)\s+([^,;:.()]{3,80})", sent[he : he + 100])
        return bool(
            m
            and len(self._countries.codes(m.group(1))) >= 2
            and not _OWN_WORD.search(sent)
            and not _POLYTECH.search(sent)
        )

    @staticmethod
    def _plural_doc(sent: str, hs: int, he: int) -> bool:
        word = sent[hs:he].lower()
        if re.fullmatch(r"agreements|memoranda|memorandums|mous|contracts|roadmaps", word):
            return True
        before = sent[max(0, hs - 30) : hs].lower()
        if re.fullmatch(r"соглашений|меморандумов|договоров|контрактов", word):
            # "подписание соглашений с X и Y"
            return bool(re.search(r"подписани\w*\s+(?:\w+\s+)?$", before))
        if not re.fullmatch(r"соглашения|меморандумы|договоры|договора|контракты", word):
            return False
        after = sent[he : he + 30].lower()
        return bool(
            re.search(r"(?:подписал\w*|заключил\w*|подписаны|заключены)\s+(?:\w+\s+)?$", before)
            or re.match(r"\s+(?:были\s+)?(?:подписаны|заключены)", after)
        )

    @staticmethod
    def _raw_title(rest: str, lang: str) -> str | None:
        """The subject as the document logic compares it: "о/об ..." or "on/of/for ..." up to
        the first party, place, date, signing verb or punctuation."""
        if lang == "ru":
            m = re.match(
                r"\s*(?:\([^)]*\)\s*)?((?:о|об|обо)\s+[^,;:.()]+?)(?=\s+(?:между|с|со|в|на|был|"
                r"была|было|были|подписа\w*|заключ\w*|от|" + _DATE_RU + r")\s|[,;:.()]|$)",
                rest,
            )
            if m:
                return m.group(1).strip()
            m = re.match(r"\s*([а-яё]+ого\s+[^,;:.()]{3,60}?сотрудничества)", rest)
            return m.group(1).strip() if m else None
        m = re.match(
            r"\s*((?:on|of|for)\s+[^,;:.()]+?)(?=\s+(?:between|with|was|were|has|in|at|by|"
            + _ON_DATE_EN
            + r")\s|[,;:.()]|$)",
            rest,
            re.I,
        )
        return m.group(1).strip() if m else None

    @staticmethod
    def _doc_title(
        rest: str, lang: str, before: str = "", names: Sequence[tuple[int, int]] = ()
    ) -> str | None:
        """The subject of the document word that ends `before` and is followed by `rest`
        ("о сотрудничестве в области образования", "on strategic partnership"), or None when
        the text gives none or only a fragment of one. `names` are the spans (in `rest`) of
        the partners named in the sentence: a party named right after the subject's noun is
        no part of it ("о сотрудничестве СПбПУ и X" is "о сотрудничестве")."""
        if lang == "ru":
            m = _TITLE_RU.match(rest)
            if m is None:
                m = re.match(r"\s*([а-яё]+ого\s+[^,;:.()]{3,60}?сотрудничества)", rest)
                return m.group(1).strip() if m else None
        else:
            m = _TITLE_EN.match(rest)
            if m is None or _PERIOD_EN.fullmatch(m.group(1).strip()):
                # "a strategic partnership agreement (for five years)": the subject stands
                # before the document word.
                pre = _TITLE_BEFORE_EN.search(before)
                return f"on {pre.group(1).lower()}" if pre else None
        start, end = m.span(1)
        listed = _TITLE_LIST.match(rest, end)
        if listed:  # "в области материаловедения, машиностроения и мехатроники"
            end = listed.end()
        end = _close_quotes(rest, start, end)
        own = [x.start() for x in _OWN_IN_TITLE.finditer(rest, start, end)]
        cut = min([a for a, _ in names if start < a < end] + own, default=end)
        if cut < end and len(rest[start:cut].split()) <= 4:
            end = cut
        title = _TITLE_TAIL.sub("", rest[start:end]).strip()
        if lang == "en":
            # "memorandum of understanding on X": the document's name, then its subject.
            doc_name = _DOC_NAME_EN.match(title)
            if doc_name:
                title = title[doc_name.end() :].strip()
                if not re.match(r"(?:on|for)\s", title):
                    return None
            if _PERIOD_EN.fullmatch(title):
                return None  # "for the next five years": when, not what
        if _FRAGMENT.fullmatch(title):
            return None  # "о создании", "on establishing": the object is cut off
        return title or None

    @staticmethod
    def _date(sent: str, lang: str) -> str | None:
        if lang == "ru":
            m = re.search(r"(\d{1,2})(?:-го)?\s+([а-я]+)\s+(\d{4})", sent)
            if m:
                month = next((v for k, v in _MONTHS_RU.items() if m.group(2).startswith(k)), None)
                if month:
                    return f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}"
            m = re.search(r"(?<!\w)[вВ]\s+([а-я]+)\s+(\d{4})", sent)
            if m:
                month = next((v for k, v in _MONTHS_RU.items() if m.group(1).startswith(k)), None)
                if month and len(m.group(1)) > 2:
                    return f"{m.group(2)}-{month:02d}"
            m = re.search(r"(?<!\d)(\d{1,2})\.(\d{2})\.((?:19|20)\d{2})(?!\d)", sent)
            if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
                return f"{m.group(3)}-{m.group(2)}-{int(m.group(1)):02d}"
            m = re.search(r"(?<!\w)[вВ]\s+((?:19|20)\d{2})\s*(?:году|г\.)", sent)
            # «С 2006 года, когда было подписано соглашение, …»: as "since" in English.
            since = re.match(
                r"\s*[Сс]\s+((?:19|20)\d{2})\s*(?:года|г\.)([^;]*?)(?:подписа|заключ)", sent
            )
            if (
                m is None
                and since
                and not re.search(
                    r"\b(?:19|20)\d{2}\b|(?:прошл|этом|текущ)\w*\s+год|"
                    + _NOW_RU
                    + "|"
                    + "|".join(
                        rf"\b{month}\w*" if month != "ма" else r"\bма[йяе]\b"
                        for month in _MONTHS_RU
                    ),
                    since.group(2),
                    re.I,
                )
                and not _MANY_DOCS_RU.match(sent, since.end())
            ):
                m = since
            return m.group(1) if m else None
        # "May 31, 2018", "May 31st, 2018"; "31 May 2018", "the 31st of May, 2018"
        m = re.search(r"([A-Z][a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", sent)
        if m and m.group(1).lower() in _MONTHS_EN:
            return f"{m.group(3)}-{_MONTHS_EN[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"
        m = re.search(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Z][a-z]+),?\s+(\d{4})", sent)
        if m and m.group(2).lower() in _MONTHS_EN:
            return f"{m.group(3)}-{_MONTHS_EN[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
        m = re.search(r"([A-Z][a-z]+)\s+(\d{4})", sent)
        if m and m.group(1).lower() in _MONTHS_EN:
            return f"{m.group(2)}-{_MONTHS_EN[m.group(1).lower()]:02d}"
        m = re.search(r"\b(?:signed|concluded)\b[^.;]{0,40}?\bin\s+((?:19|20)\d{2})\b", sent)
        m = m or re.search(r"^\s*[Ii]n\s+((?:19|20)\d{2})\b", sent)
        # "Since 2006, the partnership has become official: an agreement was concluded, …":
        # what happened since that year, unless the signing has a time of its own.
        since = re.match(r"\s*[Ss]ince\s+((?:19|20)\d{2})\b([^;]*?)\b(?:signed|concluded)\b", sent)
        if (
            m is None
            and since
            and not re.search(
                r"\b(?:19|20)\d{2}\b|\b(?:last|this|next)\s+(?:year|month|week)\b|"
                + _NOW_EN
                + "|"
                + "|".join(rf"\b{month}\b" for month in _MONTHS_EN if len(month) > 3),
                since.group(2),
                re.I,
            )
            and not _MANY_DOCS_EN.match(sent, since.end())
        ):
            m = since
        m = m or re.search(r"\bin\s+((?:19|20)\d{2})\b[^.;]{0,40}?\b(?:signed|concluded)\b", sent)
        # "... traces back to 2011, when the first agreement was signed"
        m = m or re.search(
            r"\b(?:in|to|since)\s+((?:19|20)\d{2}),?\s+when\b[^.;]{0,60}?\b(?:signed|concluded)\b",
            sent,
        )
        return m.group(1) if m else None

    # --- classification -----------------------------------------------------------------

    def _classify(
        self,
        article: ArticleInput,
        text: str,
        facts: list[PartnerFact],
        agreements: list[AgreementFact],
    ) -> bool:
        cat = (article.category or "").lower()
        if cat and _NEGATIVE_CATEGORY.search(cat) and not agreements:
            return False
        if agreements:
            return True
        if (
            facts
            and _not_partner_title(article.title or "")
            and not re.search(
                r"сотрудничеств|делегаци|соглашени|меморандум|cooperation|delegation|agreement|"
                r"memorand",
                text,
                re.I,
            )
        ):
            return False  # a win, a ranking or a prize: partners named in passing
        if facts:
            return True
        if _not_partner_title(article.title or ""):
            return False
        if cat and re.search(r"международ|партн|сотруднич|international|partner|cooperat", cat):
            return True
        strong = re.findall(
            r"сотрудничеств|партн[её]р|делегаци|cooperation|partnership|delegation|"
            r"российско-\w+|(?<!\w)\w+-российск|russian-\w+",
            text,
            re.I,
        )
        if len(strong) >= 3:
            return True
        if not strong and len(_SPORT.findall(text)) >= 3:
            return False  # results of competitions abroad: places, not partners
        # Bilateral framing ("ректоры вузов России и Узбекистана", several partner countries)
        # marks international cooperation news even when no single partner is named; a list
        # of countries alone (embassies greeting, championships) does not.
        foreign = {c for c in self._text_codes(text) if c != "RU"}
        return (len(foreign) >= 2 and len(strong) >= 1) or bool(_BILATERAL.search(text))


def extractor_from_file(path: str) -> Extractor:
    """An extractor with models read from `path` (evaluations: out-of-fold models)."""
    return Extractor(Models.load(Path(path)))
