"""Organisation mentions: Russian noun-phrase chunks over natasha tags, English capitalised runs."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .lexicon import EN_HEADS, OWN_SHORT_WORD, PEOPLE_GROUPS, RU_HEADS
from .names import GENERIC_STEMS, _stem, abbreviation_of
from .registry import known_orgs


@dataclass(slots=True)
class Mention:
    """One occurrence of an organisation name; `name` is normalised (nominative)."""

    name: str
    start: int
    end: int
    sent: int
    kind: str | None
    parent: Mention | None = None
    aliases: list[str] = field(default_factory=list)
    hint_country: str | None = None
    is_unit: bool = False
    # Inside a longer name that is not a unit of it ("РАН" in "Институт ... РАН"): the longer
    # name is the organisation, this one only qualifies it.
    nested: bool = False
    # Read off a unit of the university named after it («бюро «Альфа – Политех»»): the unit
    # itself tells of the partnership, as a launch does.
    named_unit: bool = False


@dataclass(slots=True)
class Tok:
    """A token with the morphology the chunker needs (from natasha for Russian)."""

    text: str
    start: int
    end: int
    sent: int
    pos: str
    feats: dict[str, str]
    lemma: str


def _people(t: Tok) -> bool:
    """A noun for people ("стороны договорились", "представителей бизнеса"): no field or link
    of an organisation's name."""
    return t.lemma in PEOPLE_GROUPS  # not any animate noun: the tagger calls "силикатов" so


def _is_cap(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit())


def _is_latin(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]", text))


_CAP_ADJ = re.compile(
    r"^[А-ЯЁ][а-яё]+-[А-ЯЁа-яё]+(?:ого|его|ому|ему|ым|им|ой|ей|ий|ый|ая|ое|ых|их)$"
)
_OBLIQUE_ADJ = re.compile(r"[а-яё](?:ого|его|ому|ему|ыми|ими|ой|ей|ым|им|ых|их|ую|юю)$")
_QUOTES_OPEN = '«„“"'
_QUOTES_CLOSE = '»“”"'
# Tokens after which a capitalised word may simply open a sentence or a quotation.
_SENTENCE_OPENERS = {".", "!", "?", "…", ":", "«", "„", "“", '"', "—", "\n"}
_RU_NAMED = {"им", "им.", "имени"}
_FEM_OBLIQUE = frozenset({"Gen", "Dat", "Ins", "Loc"})
_ACADEMIES = frozenset({"РАН", "РАО", "РАМН", "РАСХН"})
_ACADEMY_BRANCHES = frozenset({"СО", "УрО", "ДВО"})
# No organisation name runs this many tokens (the corpus's longest gold name has 16 words):
# a chunk stops growing at the bound, and a span that reaches it is no name (a hostile page's
# run of capitalised words would otherwise make every head's chunk the whole run).
MAX_NAME_TOKENS = 40
_REGION_WORDS = frozenset({"округ", "область", "республика", "край"})
_SETTLEMENT_WORDS = frozenset({"город", "посёлок", "поселок", "село", "станица"})
_LEGAL_FORMS = frozenset(
    {"ПАО", "НАО", "ОАО", "ЗАО", "АО", "ООО", "ФГУП", "ГУП", "МУП", "АНО", "НКО", "ФГБУ"}
)
_MONARCHS = frozenset({"император", "императрица", "царь", "царица"})
# A genitive name ends in a vowel ("Петрова", "Ивана", "Анны"); a masculine nominative name
# or surname in a consonant ("Сергей", "Смирнов").
_GEN_NAME = re.compile(r"[аяыи]$|[ое]й$|[ое]го$")
_NOM_NAME = re.compile(r"[бвгджзклмнпрстфхцчшщй]$")
_LATIN_CAP = re.compile(r"[A-Z][A-Za-z&'-]*$")
_EVENT_NOUNS = frozenset(
    {"делегация", "визит", "встреча", "соглашение", "меморандум", "договор", "студент", "гость"}
)
# Diplomatic and trade missions: their names end in the seat ("... в Испании", "... in Spain").
_MISSION = re.compile(r"(?:ген)?консульств|посольств|торгпредств|постпредств|представительств")
_PERSON_TITLES = frozenset(
    {
        "председатель",
        "заместитель",
        "директор",
        "ректор",
        "проректор",
        "президент",
        "вице-президент",
        "губернатор",
        "министр",
        "замминистра",
        "глава",
        "руководитель",
        "декан",
        "посол",
        "советник",
        "атташе",
        "мэр",
    }
)


# Words after «по» that say how or why, not the body's field: «комиссия по программе Erasmus+
# финансирует», «фонд по итогам конкурса», «агентство по приглашению».
_NOT_A_FIELD = frozenset(
    {
        "программа", "проект", "итог", "случай", "приглашение", "инициатива", "линия",
        "результат", "поручение", "направление", "время", "пример",
        # Who says or wants it, by what document: «по словам директора», «по решению совета»,
        # «по соглашению», «по просьбе студентов», «по заказу компании».
        "слово", "мнение", "данные", "данный", "сообщение", "оценка", "прогноз", "решение",
        "соглашение", "договор", "договорённость", "договоренность", "просьба", "заказ",
        "заявка", "запрос", "рекомендация", "указание", "требование", "распоряжение", "приказ",
        "согласование", "традиция", "план", "мера", "причина", "сравнение", "повод",
    }
)  # fmt: skip


# Nations a university abroad may be named after («Американский университет в Бишкеке»), as
# adjective stems (the tagger leaves a capitalised adjective's lemma declined).
_NATION_ADJECTIVE = re.compile(
    r"(?:американ|немец|герман|британ|француз|турец|итальян|испан|канад|австралий|япон|корей"
    r"|китай|россий|европей|араб|швейцар|голланд|чеш|поль|фин|швед|египет|индий)"
    r"(?:ский|ского|скому|ским|ском|кий|кого|кому|ким|ком)"
)


class RuChunker:
    """Builds organisation mentions from Russian tokens: adjectives + head word + genitive tail.

    The head word decides the kind; the tail stops at the first token that cannot belong to a
    name (a verb, a non-genitive noun such as a person in the instrumental, a comma).
    """

    def __init__(
        self,
        inflect: Callable[[Tok], str],
        is_place: Callable[[str], bool],
        genitive: Callable[[str], bool] = lambda w: False,
        verb: Callable[[str], bool] = lambda w: True,
    ) -> None:
        self._inflect = inflect
        self._is_place = is_place
        # Whether the dictionary knows a word as a noun's genitive; as a verb's form.
        self._genitive = genitive
        self._verb = verb

    def head_kind(self, tok: Tok) -> str | None:
        if tok.pos not in ("NOUN", "PROPN"):
            return None
        lemma = tok.lemma.replace("ё", "е")
        kind = RU_HEADS.get(lemma)
        if kind is None:
            low = tok.text.lower()
            # Compounds the morphology dictionary does not know ("Генконсульства").
            for prefix, k in (
                ("генконсульств", "government"),
                ("торгпредств", "government"),
                ("постпредств", "government"),
                ("госуниверситет", "university"),
                ("госкорпораци", "company"),
            ):
                if low.startswith(prefix):
                    return k
        return kind

    def chunk(self, toks: Sequence[Tok], h: int, text: str, person: set[int]) -> tuple[int, int]:
        """Token range [i, j) of the name around head `h`; `person` holds indices of tokens
        inside person names, which never belong to an organisation name."""
        head = toks[h]
        case = head.feats.get("Case")
        i = h
        while i > 0 and h - i < MAX_NAME_TOKENS:
            prev = toks[i - 1]
            if prev.sent != head.sent or (i - 1) in person:
                break
            if prev.lemma in _PERSON_TITLES or prev.lemma in _EVENT_NOUNS or _people(prev):
                # "Председатель Правительства", "Делегация Университета", "Представители
                # Правительства" (capitalised as a sentence's first word): no name part.
                break
            if prev.text in _LEGAL_FORMS:
                break  # "АО Концерн «Океанприбор»": the legal form is no part of the name
            if _is_cap(head.text) and _is_cap(prev.text) and prev.pos in ("PROPN", "NOUN", "X"):
                i -= 1
                continue
            if prev.pos == "ADJ" and (
                prev.feats.get("Case") == case
                or case is None
                or _is_cap(prev.text)
                # The tagger tells the nominative from the accusative by context and may give
                # an adjective one and its noun the other ("... экономический университет").
                or {prev.feats.get("Case"), case} == {"Nom", "Acc"}
                # A feminine adjective's oblique cases are one form («сбытовой компании»): the
                # tagger's case for it is a guess.
                or (
                    {prev.feats.get("Case"), case} <= _FEM_OBLIQUE
                    and prev.text.endswith(("ой", "ей"))
                    and prev.feats.get("Gender") == head.feats.get("Gender") == "Fem"
                )
                or (
                    # "Уральская горно-металлургическая компания": the tagger leaves the
                    # hyphenated adjective without a case; the adjective before it agrees.
                    "Case" not in prev.feats
                    and "-" in prev.text
                    and i - 2 >= 0
                    and toks[i - 2].pos == "ADJ"
                    and toks[i - 2].feats.get("Case") == case
                )
            ):
                i -= 1
                continue
            if prev.pos == "VERB" and _is_cap(prev.text) and prev.feats.get("Case") == case:
                # A capitalised participle agreeing with the head is the name's adjective
                # ("Объединенной судостроительной корпорацией": the tagger calls it a verb).
                i -= 1
                continue
            if (
                prev.pos in ("PROPN", "NOUN", "X")
                and "-" in prev.text
                and _CAP_ADJ.match(prev.text)
            ):
                # A compound adjective the tagger took for a noun ("Кыргызско-Российского").
                i -= 1
                continue
            if (
                prev.text == ")"
                and i - 4 >= 0
                and toks[i - 3].text == "("
                and toks[i - 4].sent == head.sent
                and toks[i - 2].pos == "ADJ"
                and toks[i - 4].pos == "ADJ"
                and _is_cap(toks[i - 2].text)
                and _is_cap(toks[i - 4].text)
                and toks[i - 2].feats.get("Case") == toks[i - 4].feats.get("Case")
            ):
                # An adjective's bracketed second form: "Северный (Арктический) федеральный".
                i -= 4
                continue
            if (
                prev.pos == "PROPN"
                and _is_cap(prev.text)
                and (prev.feats.get("Case") == case or i - 2 < 0 or toks[i - 2].pos == "PUNCT")
                # «главы Республики Карелия Политехнический университет»: a region's or a
                # town's name after its type word ends the phrase before; no name part.
                and not (
                    i - 2 >= 0
                    and toks[i - 2].lemma in _REGION_WORDS | _SETTLEMENT_WORDS
                    and not _is_cap(head.text)
                )
            ):
                # "Бин Зыонг Университет", "Цзянсу университет": proper names before the head.
                i -= 1
                continue
            if (
                prev.pos in ("PART", "INTJ", "ADV")
                and _is_cap(prev.text)
                and i - 2 >= 0
                and toks[i - 2].sent == prev.sent
                and toks[i - 2].text not in _SENTENCE_OPENERS
                and toks[i].pos == "PROPN"
                and _is_cap(toks[i].text)
            ):
                # A capitalised word mid-sentence is no particle or adverb but a transliterated
                # name the tagger misread ("..., Бин Зыонг Университет и ...").
                i -= 1
                continue
            break
        j = h + 1
        in_quote = False
        k = h + 1  # «Комиссия Российской Федерации по делам ЮНЕСКО», «Министерство РФ по …»
        if k < len(toks) and toks[k].text in ("РФ", "России"):
            k += 1
        elif (
            k + 1 < len(toks)
            and toks[k].text.lower().startswith("российск")
            and toks[k + 1].text.lower().startswith("федерац")
        ):
            k += 2
        if head.lemma in (
            "корпорация",
            "госкорпорация",
            "комитет",
            "комиссия",
            "агентство",
            "министерство",
            "служба",
            "департамент",
            "секретариат",
            "фонд",
        ) and (
            k + 1 < len(toks)
            and toks[k].text.lower() == "по"
            and toks[k + 1].lemma not in _NOT_A_FIELD
        ):
            j = k + 1
            while (
                j < len(toks)
                and j - h < MAX_NAME_TOKENS
                and (
                    toks[j].pos in ("ADJ", "NOUN", "CCONJ")
                    and (
                        toks[j].feats.get("Case") in ("Dat", "Loc", None) or toks[j].pos == "CCONJ"
                    )
                    or (
                        # A list of fields: "по промышленной политике, инновациям и торговле".
                        toks[j].text == ","
                        and j + 1 < len(toks)
                        and toks[j + 1].pos in ("ADJ", "NOUN")
                        and toks[j + 1].feats.get("Case") == "Dat"
                        and not _is_cap(toks[j + 1].text)
                    )
                )
            ):
                j += 1
                if toks[j - 1].lemma == "дело" and toks[j - 1].text.lower() == "делам":
                    j = self._affairs(toks, j)
            if (
                j + 2 < len(toks)
                and toks[j - 1].lemma == "надзор"
                and toks[j].text.lower() == "в"
                and toks[j + 1].lemma == "сфера"
                and toks[j + 2].feats.get("Case") == "Gen"
            ):
                # A federal inspectorate's formula: "служба по надзору в сфере образования и
                # науки", "… в сфере связи": the field after "в сфере" is the name's.
                j += 2
        while j < len(toks) and j - h < MAX_NAME_TOKENS:
            t = toks[j]
            if (
                t.sent == head.sent
                and t.lemma in _MONARCHS
                and j > h
                and (k := self._named_after(toks, j)) > j
            ):
                # Named after a monarch without «имени» (the tagger may take the title for the
                # person's): "… университет императрицы Екатерины II", "… Императора Александра I".
                j = k
                break
            if t.sent != head.sent or j in person:
                break
            if not in_quote and OWN_SHORT_WORD.fullmatch(t.text):
                break  # "С Университетом Цинхуа Политех подписал": the university's own name
            if t.text == "№" and j + 1 < len(toks) and toks[j + 1].text.isdigit():
                j += 2  # a school's number: "гимназия № 56", "лицей № 239"
                break
            if toks[j - 1].lemma in _SETTLEMENT_WORDS and _is_cap(t.text):
                # A city's name in apposition, in any case: "администрации города Великие
                # Луки", "мэрия города Набережные Челны".
                while (
                    j < len(toks)
                    and j - h < MAX_NAME_TOKENS
                    and toks[j].sent == head.sent
                    and _is_cap(toks[j].text)
                ):
                    j += 1
                break
            if t.text.isdigit():
                break  # a date after the name: "университетом 12 марта", "лицея 19 октября"
            if (
                t.pos == "ADJ"
                and j - 1 > h
                and _is_cap(t.text)
                and toks[j - 1].text.isupper()
                and len(toks[j - 1].text) > 1
            ):
                break  # "Сетевой университет СНГ Санкт-Петербургский ...": a new name starts
            if (
                (
                    j == h + 1
                    or self.head_kind(toks[j - 1])
                    or self._is_place(t.text)
                    or (j - 1 > h and _is_cap(toks[j - 1].text) and toks[j - 1].pos == "PROPN")
                    # "компания Guangzhou Automobile Group": a Latin name runs on.
                    or (
                        j - 1 > h
                        and _LATIN_CAP.match(toks[j - 1].text)
                        and _LATIN_CAP.match(t.text)
                    )
                )
                and _is_cap(t.text)
                and t.pos in ("PROPN", "NOUN", "X", "ADJ")
            ):
                j += 1
                continue
            if in_quote:
                j += 1
                if t.text in _QUOTES_CLOSE:
                    in_quote = False
                continue
            low = t.text.lower()
            if t.text in _QUOTES_OPEN and head.lemma == "комиссия" and i < h:
                break  # «Европейская комиссия «Название проекта»»: the quote is its project's
            if (
                t.text in _QUOTES_OPEN
                and j == h + 1
                or (t.text in _QUOTES_OPEN and toks[j - 1].pos in ("NOUN", "PROPN", "ADJ"))
            ):
                close = self._quote_end(toks, j)
                if close is None:
                    break
                j = close + 1
                continue
            if (
                low == "при"
                and j + 1 < len(toks)
                and toks[j + 1].sent == head.sent
                and _is_cap(toks[j + 1].text)
                and toks[j + 1].lemma in ("правительство", "президент")
                and self.head_kind(head) in ("university", "research")
            ):
                # «Финансовый университет при Правительстве Российской Федерации»: the state
                # body it is attached to is part of its name (and its genitive tail follows).
                j += 2
                continue
            if (
                low in ("в", "во")
                and j == h + 1
                and head.lemma == "университет"
                and i == h - 1
                and _is_cap(toks[i].text)
                and _NATION_ADJECTIVE.fullmatch(toks[i].text.lower()) is not None
            ):
                # «Американский университет в Бишкеке», «Британский университет в Египте»: a
                # university named after a nation keeps its seat («Американский университет»
                # alone names no organisation); the place's words are in the locative.
                seat = j + 1
                while (
                    seat < len(toks)
                    and seat - j <= 3
                    and toks[seat].sent == head.sent
                    and _is_cap(toks[seat].text)
                    and toks[seat].feats.get("Case") == "Loc"
                ):
                    seat += 1
                if seat > j + 1 and toks[seat - 1].pos in ("NOUN", "PROPN"):
                    j = seat
                break
            if (
                t.text == "("
                and j + 3 < len(toks)
                and toks[j + 1].text in ("НИУ", "НИТУ", "НИЯУ", "ФГБОУ", "ФГАОУ")
                and toks[j + 2].text == ")"
                and toks[j + 3].text.lower() in _RU_NAMED
            ):
                # A status's letters between the name and its eponym: «… университет нефти и
                # газа (НИУ) имени И. М. Губкина» is one name, the letters no alias of it.
                j += 3
                continue
            if (
                low == "по"
                and j - 1 > h
                and _is_cap(toks[j - 1].text)
                and toks[j - 1].pos == "PROPN"
                and self.head_kind(head) == "research"
                and j + 1 < len(toks)
                and toks[j + 1].sent == head.sent
                and toks[j + 1].lemma not in _NOT_A_FIELD
                and toks[j + 1].feats.get("Case") == "Dat"
                and toks[j + 1].pos in ("ADJ", "NOUN")
            ):
                # An eponymous institute's field: «Институт Фраунгофера по лазерным технологиям»
                # is one of many institutes of the name, told apart by the field.
                j += 1
                while (
                    j < len(toks)
                    and j - h < MAX_NAME_TOKENS
                    and toks[j].sent == head.sent
                    and (
                        toks[j].pos in ("ADJ", "NOUN")
                        and toks[j].feats.get("Case") == "Dat"
                        or toks[j].pos == "CCONJ"
                    )
                ):
                    j += 1
                while toks[j - 1].pos == "CCONJ":
                    j -= 1
                continue
            if low in _RU_NAMED:
                j = self._named_after(toks, j)
                # The academy after the honoured name: «… имени М. Н. Михеева УрО РАН».
                if j + 1 < len(toks) and toks[j].text in _ACADEMY_BRANCHES:
                    j += 1
                if j < len(toks) and toks[j].text in _ACADEMIES and toks[j].sent == head.sent:
                    j += 1
                break
            if (
                t.pos in ("NOUN", "ADJ")
                and t.feats.get("Case") == "Dat"
                and self._after_governor(toks, h, j)
            ):
                # "содействия" governs the dative: "Фонд содействия инновациям", "Ассоциация
                # содействия науке", "… содействия развитию малых форм".
                j += 1
                continue
            if (
                (
                    (t.pos == "NOUN" and t.feats.get("Case") in ("Nom", "Acc"))
                    # "Институт проблем машиноведения РАН": tagged a verb before an abbreviation
                    or (t.pos == "VERB" and not self._verb(t.text))
                )
                and not _is_cap(t.text)
                and j - 1 > h
                and (p := toks[j - 2] if toks[j - 1].text == "и" else toks[j - 1]).pos == "NOUN"
                and p.feats.get("Case") == "Gen"
                and self._genitive(t.text)
                and not _people(t)
            ):
                # A genitive chain the tagger broke: "Институт проблем машиноведения" (the
                # form is also a nominative plural), "Институт химии силикатов".
                j += 1
                continue
            if (
                t.pos == "VERB"
                and t.feats.get("VerbForm") == "Part"
                and t.feats.get("Case") == "Gen"
                and j + 1 < len(toks)
                and toks[j + 1].pos == "NOUN"
                and toks[j + 1].feats.get("Case") == "Gen"
                and not _is_cap(t.text)
            ):
                # A participle in the genitive chain: "… по мониторингу окружающей среды".
                j += 2
                continue
            if t.pos in ("NOUN", "PROPN", "ADJ") and (
                t.feats.get("Case") == "Gen" or "Case" not in t.feats
            ):
                if "Case" not in t.feats and not _is_cap(t.text):
                    break
                j += 1
                continue
            if (
                t.pos == "PROPN"
                and _is_cap(t.text)
                and t.feats.get("Case") == "Nom"
                and (self._looks_foreign(t.text))
            ):
                j += 1
                continue
            if low == "и" and j + 1 < len(toks):
                nxt = toks[j + 1]
                if (
                    (
                        nxt.feats.get("Case") == "Gen"
                        # "информатики и радиоэлектроники": also a nominative plural
                        or (
                            nxt.pos == "NOUN"
                            and toks[j - 1].feats.get("Case") == "Gen"
                            and self._genitive(nxt.text)
                        )
                    )
                    and nxt.pos in ("NOUN", "ADJ")
                    and not _is_cap(nxt.text)
                    and self.head_kind(nxt) is None
                ):
                    j += 1
                    continue
            if t.text == "-" and j + 1 < len(toks) and _is_cap(toks[j + 1].text):
                j += 1
                continue
            if t.text == "," and j > h + 1 and (end := self._field_list(toks, j)) is not None:
                # "Министерство высшего образования, науки и инноваций …", "Университет
                # информационных технологий, механики и оптики": a list of fields closed by
                # «и» within the name.
                j = end
                continue
            if (
                t.text in ("–", "—")
                and j + 1 < len(toks)
                and toks[j + 1].sent == head.sent
                and toks[j - 1].lemma in _REGION_WORDS
                and _is_cap(toks[j + 1].text)
                and toks[j + 1].pos in ("PROPN", "NOUN")
                and toks[j + 1].feats.get("Case") == toks[j - 1].feats.get("Case")
            ):
                # A region's official second name: "автономного округа – Югры",
                # "Кемеровской области – Кузбасса".
                j += 2
                continue
            break
        # A name never ends in a conjunction or an opening mark.
        while j - 1 > h and toks[j - 1].text.lower() in ("и", "-", "—", "("):
            j -= 1
        if _MISSION.match(head.text.lower()):
            j = self._seat(toks, j, head.sent)
        return i, j

    @staticmethod
    def _affairs(toks: Sequence[Tok], j: int) -> int:
        """The end of the field after «по делам»: a genitive chain or an abbreviation, with the
        fields it lists («по делам национальностей», «по делам ЮНЕСКО», «по делам гражданской
        обороны и чрезвычайным ситуациям»)."""
        sent = toks[j - 1].sent
        start = j
        while j < len(toks) and toks[j].sent == sent and j - start < 8:
            t = toks[j]
            if j == start and t.text.isupper() and len(t.text) > 1:
                return j + 1  # «по делам ЮНЕСКО», «по делам СНГ»
            case = t.feats.get("Case")
            if (
                t.pos in ("ADJ", "NOUN")
                and not _is_cap(t.text)
                and (case == "Gen" or (j > start and case == "Dat"))
            ):
                j += 1
                continue
            if (
                t.pos == "CCONJ"
                and j > start
                and j + 1 < len(toks)
                and toks[j + 1].pos in ("ADJ", "NOUN")
                and toks[j + 1].feats.get("Case") in ("Gen", "Dat")
                and not _is_cap(toks[j + 1].text)
            ):
                j += 1
                continue
            break
        return j

    def _field_list(self, toks: Sequence[Tok], j: int) -> int | None:
        """After the comma at `j`, lower-case genitive words (and more commas) up to «и» and a
        last genitive word: the index after that word, or None when the comma ends the name."""

        def field(t: Tok) -> bool:
            return (
                t.pos in ("NOUN", "ADJ")
                and t.feats.get("Case") == "Gen"
                and not _is_cap(t.text)
                and self.head_kind(t) is None
                and not _people(t)
            )

        sent = toks[j].sent
        k = j + 1
        words = 0
        while k < len(toks) and toks[k].sent == sent:
            t = toks[k]
            if field(t):
                words += 1
            elif t.text == "," and words:
                words = 0
            elif t.text.lower() == "и" and words:
                k += 1
                while k < len(toks) and toks[k].pos == "ADJ" and field(toks[k]):
                    k += 1
                if k < len(toks) and toks[k].pos == "NOUN" and field(toks[k]):
                    return k + 1
                return None
            else:
                return None
            k += 1
        return None

    @staticmethod
    def _after_governor(toks: Sequence[Tok], h: int, j: int) -> bool:
        """Token `j` goes on a dative complement of «содействия» in the name's tail: only
        datives between it and `j`."""
        k = j - 1
        while k > h and toks[k].feats.get("Case") == "Dat" and toks[k].pos in ("NOUN", "ADJ"):
            k -= 1
        return k > h and toks[k].lemma == "содействие" and k - 1 >= h

    @staticmethod
    def _seat(toks: Sequence[Tok], j: int, sent: int) -> int:
        """End of the seat a diplomatic mission's name gives: "Посольство России в Испании",
        "Генеральное консульство Японии в Санкт-Петербурге"."""
        if not (
            j + 1 < len(toks)
            and toks[j].text.lower() in ("в", "во")
            and toks[j + 1].sent == sent
            and _is_cap(toks[j + 1].text)
            and toks[j + 1].pos in ("PROPN", "NOUN")
            and toks[j + 1].feats.get("Case") == "Loc"
        ):
            return j
        k = j + 2
        while (
            k < len(toks)
            and toks[k].sent == sent
            and _is_cap(toks[k].text)
            and toks[k].pos in ("PROPN", "NOUN", "ADJ")
            and toks[k].feats.get("Case") == "Loc"
        ):
            k += 1
        return k

    @staticmethod
    def _looks_foreign(word: str) -> bool:
        # Transliterated Chinese/Vietnamese names ("Ханчжоу", "Чжэцзян") decline poorly.
        return bool(re.search(r"(?:чж|цз|ж[оу]$|чжоу|ань$|инь$|дзе$|ау$|эй|янь|сюэ)", word.lower()))

    @staticmethod
    def _quote_end(toks: Sequence[Tok], j: int) -> int | None:
        depth = 0
        for k in range(j, min(len(toks), j + 15)):
            t = toks[k].text
            if t in ("«", "„"):
                depth += 1
            elif t in ("»", "“", "”"):
                depth -= 1
                if depth <= 0:
                    return k
            elif t == '"' and k > j:
                return k
        return None

    @staticmethod
    def _named_after(toks: Sequence[Tok], j: int) -> int:
        """End of an "им. Ислама Каримова" / "имени С. И. Вавилова" / "имени академика
        А. Ф. Иоффе" tail; `j` itself (no tail) when no name follows the word."""
        k = j + 1
        if k < len(toks) and toks[k].text == ".":
            k += 1
        initials = False
        words = lower = 0
        while k < len(toks):
            t = toks[k].text
            if re.fullmatch(r"(?:[А-ЯЁA-Z]\.\s*)+", t) or (len(t) == 1 and t.isupper()):
                initials = True
                k += 1
                continue
            if t == "." and k > j + 1 and len(toks[k - 1].text) == 1:
                k += 1  # the dot of an initial tokenised apart: "С" "." "И" "."
                continue
            # A name may open with a lower-case particle: "аль-Фараби", "ибн-Сины".
            if (_is_cap(t) or re.fullmatch(r"[а-яёa-z]{2,3}-[А-ЯЁA-Z]\w*", t)) and re.search(
                r"\w", t
            ):
                if initials:
                    k += 1  # the surname after the initials ends the name
                    break
                if words >= 3:
                    break
                if words and _GEN_NAME.search(toks[k - 1].text) and _NOM_NAME.search(t):
                    # "им. Ивана Петрова Сергей Смирнов": the honoured name is genitive, a
                    # nominative name after it is the next person's (a rector's in a list).
                    break
                words += 1
                k += 1
                if re.search(r"\.\w", t):
                    break
                continue
            if not words and not initials and lower < 2 and t.isalpha() and t.islower():
                lower += 1  # a title before the name: "академика", "первого Президента"
                k += 1
                continue
            if words and not initials and t.isalpha() and t.islower():
                # A title of several words, one capitalised, before the initials: "имени
                # Главного маршала авиации А. А. Новикова".
                k2 = k
                while k2 < len(toks) and k2 - k < 3 and toks[k2].text.isalpha():
                    if not toks[k2].text.islower():
                        break
                    k2 += 1
                if k2 < len(toks) and re.fullmatch(r"(?:[А-ЯЁ]\.\s*)+|[А-ЯЁ]", toks[k2].text):
                    k = k2
                    continue
            if t == "." and lower and not words and not initials and toks[k - 1].text.islower():
                k += 1  # an abbreviated title: "им. проф. М. А. Бонч-Бруевича", "им. акад. …"
                continue
            break
        if (
            (words or initials)
            and k + 2 < len(toks)
            and toks[k].text == "("
            and toks[k + 2].text == ")"
            and _is_cap(toks[k + 1].text)
            and toks[k + 1].text.isalpha()
            and _GEN_NAME.search(toks[k + 1].text)
        ):
            k += 3  # the name the honoured bore too: "им. В. И. Ульянова (Ленина)"
        if (
            (words or initials)
            and k + 1 < len(toks)
            and toks[k].text in ("–", "—", "-")
            and re.fullmatch(r"[А-ЯЁ]{2,6}", toks[k + 1].text)
            and (k + 2 == len(toks) or not _is_cap(toks[k + 2].text))
        ):
            k += 2  # the old name's letters closing the full name: "им. А. Н. Туполева – КАИ"
        return k if words or initials else j

    def normalise(self, toks: Sequence[Tok], i: int, j: int, h: int, text: str) -> str:
        """Name of the span in the nominative: words up to the head inflected, the tail kept."""
        parts: list[str] = []
        for k in range(i, j):
            t = toks[k]
            word = t.text
            if k < h and t.pos != "ADJ" and _CAP_ADJ.match(t.text):
                head = toks[h].feats
                feats: dict[str, str] = {
                    f: head[f] for f in ("Case", "Gender", "Number") if f in head
                }
                word = self._inflect(Tok(t.text, t.start, t.end, t.sent, "ADJ", feats, t.lemma))
            elif (
                k < h
                and t.pos == "ADJ"
                and t.feats.get("Case") == "Nom"
                and toks[h].feats.get("Case") in ("Gen", "Dat", "Ins", "Loc")
                and _OBLIQUE_ADJ.search(t.text)
            ):
                # The tagger called an oblique adjective nominative ("Ханойского
                # горно-геологического университета"): its head's case is the adjective's.
                head = toks[h].feats
                feats = {f: head[f] for f in ("Case", "Gender", "Number") if f in head}
                word = self._inflect(Tok(t.text, t.start, t.end, t.sent, "ADJ", feats, t.lemma))
            elif k <= h and t.pos in ("NOUN", "PROPN", "ADJ") and t.feats.get("Case") != "Nom":
                if k < h and t.pos == "ADJ" and toks[h].feats.get("Case") == t.feats.get("Case"):
                    # An adjective agrees with its head: the tagger may guess its gender wrong
                    # ("Казанским университетом" as neuter gave "Казанское университет").
                    head = toks[h].feats
                    agreed: dict[str, str] = {f: head[f] for f in ("Gender", "Number") if f in head}
                    t = Tok(t.text, t.start, t.end, t.sent, t.pos, {**t.feats, **agreed}, t.lemma)
                word = self._inflect(t)
                if word == t.text and k < h and _OBLIQUE_ADJ.search(t.text):
                    # A capitalised adjective the tagger took for a name ("Объединённой").
                    head = toks[h].feats
                    feats = {f: head[f] for f in ("Case", "Gender", "Number") if f in head}
                    word = self._inflect(Tok(t.text, t.start, t.end, t.sent, "ADJ", feats, t.lemma))
            if k > i:
                parts.append(text[toks[k - 1].end : t.start])
            parts.append(word)
        return "".join(parts).strip()


# English: runs of capitalised words with connectors, containing an organisation head word.
_EN_WORD = re.compile(
    r"(?:[A-Z]\.){1,3}(?= ?[A-Z])|[A-Z][\w'’&.-]*\w|[A-Z]|of|the|and|for|de|da|do|der|on|an|at"
    r"|&"
)
# Lower-case words inside names, English and the Romance ones partner names keep untranslated.
# Russian legal forms as English texts abbreviate them.
_RU_FORMS_EN = frozenset({"JSC", "PJSC", "OJSC", "CJSC", "LLC"})
_EN_CONNECT = frozenset(
    {"of", "the", "and", "for", "de", "da", "do", "der", "on", "&", "at"}
    | {"di", "del", "della", "des", "du", "la"}
    # A person's name inside a foundation's or a university's: "Alexander von Humboldt ...".
    | {"von", "van"}
)
# Capitalised sentence openers that never start a name ("From the Belarusian-Russian ...").
_EN_LEAD = frozenset(
    [
        "from",
        "in",
        "at",
        "on",
        "with",
        "by",
        "for",
        "to",
        "during",
        "after",
        "before",
        "among",
        "both",
        "between",
        "as",
        "also",
        "today",
        "this",
        "these",
        "our",
        "their",
        "its",
        "while",
        "when",
        "since",
        "under",
        "via",
        # ... a comparison's: "Only Tsinghua University and SPbPU have more ...".
        "only",
        "even",
        # ... and those that add to or set apart what was said: "Besides the Polytechnic
        # University, the consortium includes ...", "Unlike Moscow State University, ...".
        "besides",
        "apart",
        "unlike",
        "like",
        "except",
        "together",
        "along",
        "thanks",
        "according",
        "within",
        "through",
        "following",
        "despite",
        "however",
        "moreover",
        "furthermore",
        "meanwhile",
    ]
)
# The people of the organisation a headline names before its verb ("Tsinghua University
# Delegation Visits SPbPU").
_HEADLINE_PEOPLE = frozenset(
    [
        "delegation",
        "delegations",
        "team",
        "teams",
        "students",
        "scientists",
        "researchers",
        "experts",
        "representatives",
        "staff",
        "professors",
        "scholars",
        "guests",
    ]
)
# Verbs a Title Case headline capitalises right after the name it opens with; none of these
# forms is a word of an organisation's name after its head word, but as the object of one of
# its phrases ("Center for Open Science", "Council of Young Scientists").
HEADLINE_VERBS = (
    frozenset(
        [
            "launch",
            "launches",
            "launched",
            "sign",
            "signs",
            "signed",
            "open",
            "opens",
            "opened",
            "develop",
            "develops",
            "discuss",
            "discusses",
            "discussed",
            "hold",
            "holds",
            "held",
            "create",
            "creates",
            "created",
            "establish",
            "establishes",
            "established",
            "expand",
            "expands",
            "expanded",
            "strengthen",
            "strengthens",
            "agree",
            "agrees",
            "agreed",
            "start",
            "starts",
            "started",
            "host",
            "hosts",
            "hosted",
            "visit",
            "visits",
            "visited",
            "meet",
            "meets",
            "met",
            "join",
            "joins",
            "joined",
            "celebrate",
            "celebrates",
            "protect",
            "protects",
            "present",
            "presents",
            "presented",
            "win",
            "wins",
            "won",
            "receive",
            "receives",
            "received",
            "continue",
            "continues",
            "continued",
            "plan",
            "plans",
            "planned",
            "explore",
            "explores",
            "boost",
            "boosts",
            "deepen",
            "deepens",
            "renew",
            "renews",
            "renewed",
            "extend",
            "extends",
            "extended",
            "prepare",
            "prepares",
            "welcome",
            "welcomes",
            "welcomed",
            "become",
            "becomes",
            "became",
            "cooperate",
            "cooperates",
            "collaborate",
            "collaborates",
            "unite",
            "unites",
            "will",
            "is",
            "are",
            "has",
            "have",
            "was",
            "were",
            "build",
            "builds",
            "built",
            "sets",
            "seek",
            "seeks",
        ]
    )
    | _HEADLINE_PEOPLE
)
# Words that open a phrase of a name, and those that qualify the people such a phrase names:
# "Center for Open Science", "Council of Young Scientists", "Academy of the General Staff".
_PHRASE_OPEN = frozenset({"of", "for", "the", "on"})
_PEOPLE_QUALIFIER = re.compile(
    r"[a-z]+(?:ian|ean|can|ese|ish)|german|thai|young|general|concerned|foreign|"
    r"international|women|senior|junior|visiting|university"
)
# A name's phrase may hold its members ("Union of Students"), never a party sent out: "University
# of the Arctic Delegation Visits ..." is the university's delegation.
_SENT_PEOPLE = frozenset({"delegation", "delegations", "team", "teams", "guests"})


def _in_name_phrase(seg: list[tuple[str, int, int]], k: int) -> bool:
    """The headline verb or people-noun at k is the object of a name's own "of"/"for" phrase
    ("Fund for Open Innovation", "Union of Young Scientists"), not the headline's predicate or
    the people a name sends ("University of Tokyo Scientists Visit ...")."""
    j = k - 1
    word = seg[k][0].lower().strip(".,:")
    if word in _SENT_PEOPLE:
        return False
    if word in _HEADLINE_PEOPLE:
        while j >= 0 and _PEOPLE_QUALIFIER.fullmatch(seg[j][0].lower()):
            j -= 1
    return j >= 0 and seg[j][0] in _PHRASE_OPEN


# Head words that also qualify another noun: "Chamber Orchestra", "Metro Station",
# "Railway Station" are no organisations, "Public Chamber", "St. Petersburg Metro" are.
_EN_QUALIFYING_HEADS = frozenset({"chamber", "metro", "railway"})


def _head_at(seg: list[tuple[str, int, int]], k: int) -> str | None:
    """The kind the word at k heads, unless it qualifies the noun after it ("Chamber
    Orchestra") or is the class of firms "small and medium enterprise"."""
    word = seg[k][0].lower()
    if (
        word in _EN_QUALIFYING_HEADS
        and k + 1 < len(seg)
        and seg[k + 1][0] not in _EN_CONNECT
        and seg[k + 1][0][:1].isupper()
    ):
        return None
    if word == "enterprise" and k > 0 and seg[k - 1][0].lower() in ("medium", "medium-sized"):
        return None
    if word == "zone" and not (
        (k > 0 and seg[k - 1][0].lower() == "free")
        or (k > 1 and seg[k - 1][0].lower() == "economic" and seg[k - 2][0].lower() in _ZONE_KINDS)
    ):
        # A zone is a body only as a special economic or free zone: "the Arctic Zone of Russia",
        # "the Coastal Zone" and an "Exclusive Economic Zone" at sea are places.
        return None
    if word == "branch":
        # "Kazan Branch of the Moscow Aviation Institute": a school's branch named by its seat
        # is a body of its own (its parent, which follows, gives its kind).
        parent = [w for w, _, _ in seg[k + 2 :]]
        of_school = any(_en_head(w) == "university" or w == "Institute" for w in parent)
        return "research" if k + 1 < len(seg) and seg[k + 1][0] == "of" and of_school else None
    if word == "school" and k + 1 < len(seg) and seg[k + 1][0].rstrip(".") == "No":
        return "other"  # "School No. 57": a numbered school, not a unit's "Higher School of"
    if word == "service" and any(w == "Federal" for w, _, _ in seg[max(0, k - 2) : k]):
        # A Russian federal service: "Federal Service for Intellectual Property", "Federal
        # Tax Service" (not a firm's or the university's "Press Service").
        return "government"
    return _en_head(seg[k][0])


def _has_head(seg: list[tuple[str, int, int]]) -> bool:
    return any(_head_at(seg, k) for k in range(len(seg)))


_TITLE_WORDS = frozenset(
    [
        "professor",
        "prof",
        "rector",
        "president",
        "vice",
        "director",
        "head",
        "dean",
        "academician",
        "chairman",
        "chairwoman",
        "minister",
        "ambassador",
        "consul",
        "secretary",
        "deputy",
        "mr",
        "mrs",
        "ms",
        "dr",
        "doctor",
        "honorary",
        "member",
        "representatives",
        "representative",
        "delegation",
        "students",
        "student",
        "colleagues",
        "staff",
        "employees",
    ]
)


# A position in an organisation right before its name: "Rector of (the)", "Vice President for
# International Affairs of".
_TITLED = re.compile(
    r"\b(?:"
    + "|".join(sorted(_TITLE_WORDS))
    + r")\b(?:\s+(?:for|of|on)?\s*[A-Za-z]+){0,3}\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_EN_ADJECTIVE = re.compile(r"(?:al|ic|ive|ary|ous|ful|ible|able)$")


def person_word(word: str, text: str) -> bool:
    """A capitalised word that can be a given name or a surname: no head or generic word, and
    never written in lower case in the text ("Programs", "Exchanges", "School" are)."""
    if not re.fullmatch(r"[A-Z][a-z]+", word) or _en_head(word) or _EN_ADJECTIVE.search(word):
        return False
    low = word.lower()
    if _stem(low) in GENERIC_STEMS:
        return False
    return re.search(rf"(?<![\w-]){low}(?![\w-])", text) is None


def en_mentions(text: str, sent_of: Callable[[int], int], title_end: int) -> list[Mention]:
    """Organisation names in English text: capitalised runs holding a head word."""
    out: list[Mention] = []
    for m in re.finditer(
        # An en dash may join two words of a name as a hyphen does ("Russian–Chinese ...").
        r"(?:(?<![\w.'’-])(?:[A-Z][\w'’&.\-]*(?:–[A-Z][\w'’&.\-]*)?|(?:[A-Z]\.){1,3}|\([A-Z][a-z]+\)"
        # Two words in brackets inside a name: "Kazan (Volga Region) Federal University".
        r"|\([A-Z][a-z]+ [A-Z][a-z]+\)(?= [A-Z])"
        r"|of|the|and|for|de|da|di|del|della|des|du|la|on|von|van|&)(?![\w])[ \t]?)+",
        text,
    ):
        run = m.group(0)
        base = m.start()
        words = list(re.finditer(r"\S+", run))
        out.extend(_en_split(words, base, text, sent_of))
    for k, mention in enumerate(out):
        more = _PORTFOLIO.match(text, mention.end) if _MINISTRY.search(mention.name) else None
        if more and _lists_a_known_body(more.group(0)):
            more = None  # "Federal Agency for Youth Affairs, Gazprom Neft and Yandex": a list
        if more is None and _EN_MISSION.search(mention.name):
            more = _EN_SEAT.match(text, mention.end)
        if more is None and mention.kind is not None:
            more = _spelt_by_abbreviation(mention, text)
        if more is None and (
            mention.kind == "university"
            # 'Concern "Avrora"', 'Scientific and Production Association "Avrora"': a firm's
            # type words and its quoted name, as «НПО «Аврора»».
            or mention.kind == "company"
            or _EN_PRODUCTION.search(mention.name)
            # 'Special Economic Zone "Dubna"', 'Technopark "Ingria"'.
            or _EN_ZONE.search(mention.name)
        ):
            more = _EN_QUOTED_TAIL.match(text, mention.end)
        school = _EN_SCHOOL.search(mention.name) if mention.kind == "other" else None
        if more is None and school:
            tail = _EN_SCHOOL_NO_NUMBER if school.group("no") else _EN_SCHOOL_NUMBER
            more = tail.match(text, mention.end)
        if more is None and _EN_SYSTEM.search(mention.name):
            more = _EN_CAMPUS.match(text, mention.end)
        if more is None and _EN_NATION_UNIVERSITY.search(mention.name):
            more = _EN_NATION_SEAT.match(text, mention.end)
        if more and not any(mention.end <= o.start < more.end() for o in out):
            end = more.end()
            out[k] = replace(mention, name=text[mention.start : end], end=end)
        mention = out[k]
        branch = _EN_BRANCH_OF.match(mention.name) if mention.start < title_end else None
        if branch:
            # A headline's "Kolomna Branch of Moscow Polytechnic" shortens what the body names
            # in full ("Kolomna Engineering Institute, a branch of ..."): read the parent, as
            # before the branch was a name of its own; the body's name is the branch's.
            cut = branch.end()
            out[k] = replace(
                mention,
                name=mention.name[cut:],
                start=mention.start + cut,
                kind=next(
                    (kd for w in reversed(mention.name[cut:].split()) if (kd := _en_head(w))),
                    mention.kind,
                ),
            )
    return _named_after(_field_phrases(out, text), text)


_EN_BRANCH_OF = re.compile(r"[A-Z][\w-]+ Branch of (?:the )?")


def _lists_a_known_body(portfolio: str) -> bool:
    """Whether a ministry's comma list names a known organisation ("…, Gazprom Neft and
    Yandex"): the bodies then stand beside it, they are no fields of its portfolio."""
    items = re.split(r",|\band\b", re.sub(r"\s+of\s.*$", "", portfolio))
    return any(known_orgs().lookup(x.strip()) for x in items if x.strip())


def _field_phrases(out: list[Mention], text: str) -> list[Mention]:
    """A name runs on over its "for" phrase's own "in"/"to" phrase and the "of" phrase after
    it; what was read inside that tail ("Russian Academy of Sciences") is no name of its own."""
    inner: set[int] = set()
    for k, mention in enumerate(out):
        if k in inner or mention.kind is None or not _EN_FOR_PHRASE.search(mention.name):
            continue
        tail = _EN_FIELD_PHRASE.match(text, mention.end)
        if tail is None or _EN_PLACE_WORD.search(tail.group(0)):
            continue
        out[k] = replace(mention, name=text[mention.start : tail.end()], end=tail.end())
        inner |= {n for n, o in enumerate(out) if mention.end <= o.start < tail.end()}
    return [m for n, m in enumerate(out) if n not in inner]


# A quoted proper name right after a university's name is part of it: Varna Free University
# "Chernorizets Hrabar" (capitalised words only; a quoted abbreviation, "TUW", "LETI", is an
# alias; after a society or a theatre a quoted name is a unit's or a project's as often).
_EN_QUOTED_TAIL = re.compile(
    r"[ \t]+[\"“«][A-Z][a-z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|of|the|and)){0,3}[\"”»](?![\w])"
)


# A school's number after its name: "Lyceum 239", "Gymnasium No. 56", "Lyceum № 30".
_EN_SCHOOL = re.compile(r"\b(?:Lyceum|Gymnasium|School(?= No$))(?P<no> No)?$")
_EN_SCHOOL_NUMBER = re.compile(r"[ \t]+(?:No\.?[ \t]*|№[ \t]*)?\d{1,4}\b(?![.,]\d)")
_EN_SCHOOL_NO_NUMBER = re.compile(r"\.?[ \t]*\d{1,4}\b(?![.,]\d)")
_EN_PRODUCTION = re.compile(r"\b(?:Production|Industrial) Association$")
_ZONE_KINDS = ("special", "free")
_EN_ZONE = re.compile(r"\b(?:Economic Zone|Technopark|Technology Park)$")


# A state university system's campus: "University of Texas at Austin", "University of
# California at Berkeley" (the campus is a city's name of one or two words, ending the run).
_EN_SYSTEM = re.compile(r"\bUniversity of [A-Z][a-z]+(?: [A-Z][a-z]+)?$")
_EN_CAMPUS = re.compile(
    r"[ \t]+at[ \t]+[A-Z][a-z]+(?:[ \t](?!Campus)[A-Z][a-z]+)?(?![\w'’-]|[ \t]+(?:[A-Z]|of\b))"
)
# A university named after a nation and seated abroad: "German University in Cairo", "British
# University in Egypt" (the place, one to three capitalised words ending the run, is part of
# the name: "German University" alone names no organisation).
_EN_NATION_UNIVERSITY = re.compile(
    r"(?:^|\bthe )(?:American|German|British|French|Turkish|Italian|Spanish"
    r"|Canadian|Australian|Japanese|Korean|Chinese|Russian|European|Arab|Swiss|Dutch|Czech"
    r"|Polish|Finnish|Swedish|Egyptian|Indian) University$"
)
_EN_NATION_SEAT = re.compile(
    r"[ \t]+in[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}"
    r"(?![\w'’-]|[ \t]+(?:[A-Z]|of\b))"
)
# A name's "for" phrase whose object takes a phrase of its own: "Institute for Problems in
# Mechanical Engineering", "Foundation for Assistance to Small Innovative Enterprises" (two or
# more capitalised words after "in"/"to": one would be a place, "Centre for Research in Kazan").
_EN_PLACE_WORD = re.compile(
    r"\b(?:Region|Province|Oblast|Territory|Republic|Krai|City|County|State|District|Federation)\b"
)
_EN_FOR_PHRASE = re.compile(r"\bfor (?:[A-Z][a-z]+ ){0,3}[A-Z][a-z]+$")
_EN_FIELD_PHRASE = re.compile(
    # ("... Projects in the Defense Industry": the field may take its article.)
    r"[ \t]+(?:in|to)[ \t]+(?:the[ \t]+)?(?!(?:St|Saint|New|South|North|East|West|Central)\b)"
    r"[A-Z][a-z]+(?:[ \t]+(?:(?:and|of|the)[ \t]+)?[A-Z][a-z]+){1,4}(?![\w'’-]|[ \t]+[A-Z])"
    # ... and the body it belongs to: "... of the Russian Academy of Sciences".
    r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+(?:of[ \t]+)?[A-Z][a-z]+)*"
    r"(?![\w'’-]|[ \t]+[A-Z]))?"
)


# Capitalised words between a name and its bracketed abbreviation: "University of Science and
# Technology Houari Boumediene (USTHB)".
_ABBR_TAIL = re.compile(r"(?:[ \t]+[A-Z][\w'’-]+){1,3}(?=[ \t]*\((?P<abbr>[A-Z][A-Za-z]{2,9})\))")


def _spelt_by_abbreviation(mention: Mention, text: str) -> re.Match[str] | None:
    """The words after a name that its abbreviation spells too ("... Houari Boumediene
    (USTHB)": a person's name the run stopped before); None when the name alone spells it."""
    tail = _ABBR_TAIL.match(text, mention.end)
    if tail is None:
        return None
    abbr = tail.group("abbr")
    whole = text[mention.start : tail.end()]
    if abbreviation_of(abbr, mention.name) or not abbreviation_of(abbr, whole):
        return None
    return tail


def _named_after(out: list[Mention], text: str) -> list[Mention]:
    """A name runs on over whom it is named after ("... University named after I. Razzakov");
    what was read inside that tail (the honoured person, a title) is no name of its own."""
    inner: set[int] = set()
    for k, mention in enumerate(out):
        tail = _EN_NAMED_AFTER.match(text, mention.end) if mention.kind else None
        if tail is None or k in inner:
            continue
        end = tail.end()
        of = _EN_OF.match(text, end)
        parent = next((o for o in out if of and o.kind and o.start == of.end()), None)
        if parent is not None:
            # "... Prometey named after I.V. Gorynin of the National Research Centre Kurchatov
            # Institute": the body it belongs to closes the name, as «… имени … НИЦ «…»» does.
            end = parent.end
        out[k] = replace(mention, name=text[mention.start : end], end=end)
        inner |= {n for n, o in enumerate(out) if mention.end <= o.start < end}
    return [m for n, m in enumerate(out) if n not in inner]


_EN_OF = re.compile(r"\s+of\s+(?:the\s+)?")


# A diplomatic or trade mission's name ends in its seat: "Russian Embassy in Spain", "Consulate
# General of Japan in St. Petersburg", "Trade Representation of Russia in France".
_EN_MISSION = re.compile(r"\b(?:Embass(?:y|ies)|Consulates?|Trade Representation|Mission)\b")
_EN_SEAT = re.compile(
    r"\s+in\s+(?:the\s+)?(?:St\.\s+|Saint\s+|New\s+)?[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"
    r"(?![\w-]|\s+(?:[A-Z]|of\b))"
)


# A name ending in whom it is named after: "... University named after M.S. Osimi", "named
# after Islam Karimov", "named after the first President of Russia B.N. Yeltsin" (a title before
# initials), "named after academician Sakharov".
_EN_NAMED_AFTER = re.compile(
    r"\s+named\s+after\s+(?:"
    r"(?:(?:the|[a-z]+|[A-Z][a-z]+(?:\s+of\s+(?:the\s+)?[A-Z][a-z]+)?)\s+){0,4}?"
    r"(?:[A-Z]\.\s?){1,3}\s?[A-Z][\w'’-]+"
    # A name with no initials ends where the capitals end: "... Daud Rector Ali" or "... Daud
    # Saint Petersburg" leaves the person's end unknown, and the tail is not read.
    r"|(?:[a-z]+\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?!\s+[A-Z])"
    r")(?![\w'’-])"
)


# A ministry's or a committee's name lists its portfolio: "Ministry of Education, Science and
# Innovation of X", "Committee for Industrial Policy, Innovation and Trade",
# "Ministry of Economy, Media, Energy, and Technology" (the capitalised run stops at a comma).
_MINISTRY = re.compile(r"\b(?:Ministry|Committee|Federal (?:Service|Agency))\b")
_PORTFOLIO = re.compile(
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)+,?\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"
    # "... of the Republic of Uzbekistan": a state's name may hold an "of" of its own; "... of
    # St. Petersburg": a city's may open with "St.".
    r"(?:\s+of\s+(?:the\s+)?(?:St\.\s?)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*){0,2}"
)


def _en_split(
    words: list[re.Match[str]], base: int, text: str, sent_of: Callable[[int], int]
) -> list[Mention]:
    toks = [(w.group(0), base + w.start(), base + w.end()) for w in words]
    # Strip possessives: "SPbPU's Higher School" -> two runs.
    pieces: list[list[tuple[str, int, int]]] = [[]]
    for k, (word, s, e) in enumerate(toks):
        if (
            word.endswith(("'s", "’s"))
            and k + 1 < len(toks)
            and _UNIT_HEAD.fullmatch(toks[k + 1][0])
            and _en_head(word[:-2])
        ):
            # "Fraunhofer Society's Institute for Production Technology": an organisation's
            # institute is named by it, as "Chinese Academy of Sciences' Institute of ..." is.
            pieces[-1].append((word, s, e))
        elif word.endswith(".") and len(word) > 3 and word not in ("St.", "Co.", "Inc.", "Ltd."):
            pieces[-1].append((word[:-1], s, e - 1))
            pieces.append([])
        elif OWN_SHORT_WORD.fullmatch(word):
            pieces.append([])
        elif word.endswith(("'s", "’s")) and word[:-2].lower() not in _PLURAL_POSSESSORS:
            pieces[-1].append((word[:-2], s, e - 2))
            pieces.append([])
        else:
            pieces[-1].append((word, s, e))
    out: list[Mention] = []
    for piece in pieces:
        out.extend(_en_piece(piece, text, sent_of))
    return out


_UNIT_HEAD = re.compile(r"Institute|Centre|Center|Laboratory|Department|Observatory")


# Irregular plurals whose possessive is inside a name ("People's Republic of China",
# "Women's University"), not an owner before one ("Tsinghua's School of ...").
_PLURAL_POSSESSORS = frozenset({"people", "women", "children", "men"})
# The university's own English name opening after "and": "Polytechnic University", "Peter
# the Great St. Petersburg Polytechnic University".
_OWN_AFTER_AND = re.compile(
    r"(?:Peter the Great\s+)?(?:(?:St\.?|Saint)\s*Petersburg\s+)?Polytechnic(?:\s+University)?"
    # ... or a Title Case headline's verb after it: "Rosstandart and Polytechnic Sign ...".
    r"(?:\s+(?:and|of\s+Peter)\b|$|\s+(?P<verb>[A-Z][a-z]+)\b)"
)


def _own_after_and(words: str) -> bool:
    """`words` (after an "and") open with the university's own English name."""
    own = _OWN_AFTER_AND.match(words)
    return own is not None and (
        not own.group("verb") or own.group("verb").lower() in HEADLINE_VERBS
    )


def _en_head(word: str) -> str | None:
    return EN_HEADS.get(word.lower().rstrip(".,;:"))


def _en_piece(
    piece: list[tuple[str, int, int]], text: str, sent_of: Callable[[int], int]
) -> list[Mention]:
    if not piece:
        return []
    if not _has_head(piece):
        return []
    # Split "X University and Y University" at "and" when both sides hold a head word.
    segments: list[list[tuple[str, int, int]]] = []
    cur: list[tuple[str, int, int]] = []
    for k, tok in enumerate(piece):
        if (
            tok[0] == "and"
            and (
                _has_head(cur)
                # "Nornickel and the Government of ...": "the" opens a name of its own.
                or (k + 1 < len(piece) and piece[k + 1][0] == "the")
                # "ETH Zurich and Tsinghua University": a name opening with its initials.
                or bool(cur and re.fullmatch(r"[A-Z]{2,}", cur[0][0]))
                # "Nordtech and Polytechnic University signed": the university's own name.
                or _own_after_and(" ".join(w for w, _, _ in piece[k + 1 :]))
            )
            and (
                # The name after "and" holds a head word before any further "and": in "Moscow
                # Institute of Physics and Technology and X University" the first "and" is
                # inside the first name.
                _has_head(_until_and(piece[k + 1 :]))
                or _own_after_and(" ".join(w for w, _, _ in piece[k + 1 :]))
            )
        ):
            joined = next(
                (
                    j
                    for j in range(len(cur) - 1, 0, -1)
                    if cur[j][0] == "and" and _en_head(cur[j - 1][0])
                ),
                None,
            )
            if joined is not None and not _has_head(cur[joined + 1 :]):
                # "X University and Physics and Mathematics Lyceum": the first "and" closed
                # the first name (a head word before it), the headless words open the second.
                segments.append(cur[:joined])
                cur = [*cur[joined + 1 :], tok]
                continue
            segments.append(cur)
            cur = []
            continue
        if (
            tok[0][:1].isupper()
            and tok[0].lower().strip(".,:") in HEADLINE_VERBS
            and _has_head(cur)
            and _has_head(piece[k + 1 :])
            and not _in_name_phrase(piece, k)
        ):
            # A Title Case headline's verb between two names: "Polytechnic University Hosts
            # Delegation of Hanoi University of ..." names the Hanoi university after it too.
            segments.append(cur)
            cur = []
            continue
        cur.append(tok)
    segments.append(cur)
    out: list[Mention] = []
    for seg in segments:
        m = _en_segment(seg, text, sent_of)
        if m:
            out.append(m)
    return out


def _until_and(toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    return toks[: next((k for k, (w, _, _) in enumerate(toks) if w == "and"), len(toks))]


def _en_segment(
    seg: list[tuple[str, int, int]], text: str, sent_of: Callable[[int], int]
) -> Mention | None:
    heads = [k for k in range(len(seg)) if _head_at(seg, k)]
    if not heads:
        return None
    first = heads[0]
    # Drop a leading "Representatives of the" / "Rector of the" before the name proper.
    start = 0
    lead = next((k for k, (w, _, _) in enumerate(seg) if w not in ("The", "the")), 0)
    spelt = _EN_SPELT_FORM.match(text, seg[lead][1])
    for k in range(first - 1, -1, -1):
        if spelt is not None and seg[k][1] < spelt.end():
            break  # "Federal State Budgetary Institution of Science X": the form's own "of"
        if seg[k][0] == "of" and not any(_en_head(w) for w, _, _ in seg[:k]):
            start = k + 1
            break
    for k in range(start + 1, first):
        if (
            seg[k][0].lower().strip(".,:") in HEADLINE_VERBS
            and seg[k - 1][0] not in _EN_CONNECT
            and not _in_name_phrase(seg, k)
        ):
            # A Title Case headline's verb before the name it runs into: "Delegation of
            # Tatarstan Visits Kazan Federal University" names the university after "Visits".
            start = k + 1
    while start < len(seg) and (
        seg[start][0] in _EN_CONNECT
        # "... (Bulgaria) and X University": a bracketed place closes the name before.
        or re.fullmatch(r"\(\w+\)", seg[start][0])
        or seg[start][0].lower() in _TITLE_WORDS
        or seg[start][0].lower() in _EN_LEAD
        # A Russian legal form before the name: "JSC Concern Okeanpribor" is the Concern.
        or (seg[start][0] in _RU_FORMS_EN and start < first)
    ):
        start += 1
    if start < len(seg) and seg[start][0] == "The":
        start += 1
    spelt = _EN_SPELT_FORM.match(text, seg[start][1]) if start < len(seg) else None
    if spelt is not None:
        # "Federal State Unitary Enterprise Krylov State Research Centre": a Russian legal
        # form spelt out is no part of the name, as "FSUE" or "JSC" before it is not.
        after = next((k for k in range(start, len(seg)) if seg[k][1] >= spelt.end()), None)
        if after is not None and any(_head_at(seg, k) for k in range(after, len(seg))):
            start = after
            first = next(k for k in range(start, len(seg)) if _head_at(seg, k))
        elif after is not None and "Company" in spelt.group(0):
            # "Public Joint-Stock Company Power Machines": a company's name with no head word.
            words = [w for w in seg[after:] if w[0][:1].isupper()]
            if words and words == seg[after : after + len(words)] and len(words) <= 4:
                s0, e0 = words[0][1], words[-1][2]
                return Mention(name=text[s0:e0], start=s0, end=e0, sent=sent_of(s0), kind="company")
    # The end: after the last head word, allow "of ..." phrases and one trailing proper word.
    end = len(seg)
    for k in range(start, len(seg)):
        word = seg[k][0]
        if (
            k > first
            and word.lower().strip(".,") in _TITLE_WORDS
            # People a name's phrase holds ("Academy of the General Staff", "Union of
            # Students"); never one holder's title ("... of the Director General of ...").
            and not (word.lower().strip(".,") in _HEADLINE_PEOPLE and _in_name_phrase(seg, k))
        ):
            end = k
            break
        if (
            k > first
            and word.lower().strip(".,:") in HEADLINE_VERBS
            and not _in_name_phrase(seg, k)
        ):
            # A Title Case headline: "SPbPU and Zhejiang University Launch Joint Research
            # Center" names Zhejiang University; the verb opens the predicate.
            end = k
            break
        if k > first and len(word) >= 4 and word.isupper() and word.isalpha():
            end = k - 1 if k - 1 > first and seg[k - 1][0] not in _EN_CONNECT else k
            break
    for k in range(first + 1, end):
        if seg[k][0] == "and" and _en_head(seg[k - 1][0]):
            end = k  # "Polytechnic University and Gazprom Neft": a second name follows
            break
    while end > start and seg[end - 1][0] in _EN_CONNECT:
        end -= 1
    last_head = max(k for k in heads if k < end) if any(k < end for k in heads) else None
    if last_head is None or start > last_head:
        return None
    # Title case lines ("... University Discussed the Development ..."): stop at a capitalised
    # verb-like word after the last head unless it is followed by no more capitals.
    if (
        last_head + 1 < end
        and seg[last_head + 1][0] == "General"
        and seg[last_head][0].lower().startswith("consulate")
    ):
        last_head += 1  # "Consulate General of Japan": one head of two words
    tail = seg[last_head + 1 : end]
    if tail and _STATUS_PREFIX.match(" ".join(w for w, _, _ in seg[start : last_head + 1])):
        # "National Research University Higher School of Economics": a Russian status before
        # the name proper, which follows it whole.
        pass
    elif (
        len(tail) > 2
        and tail[0][0] not in _EN_CONNECT
        and _ROMAN.fullmatch(tail[1][0])
        and tail[2][0] in ("of", "de", "di", "del")
    ):
        pass  # "University Alfonso X of ...": a ruler's name and numeral, then its city
    elif tail and tail[0][0] not in _EN_CONNECT and len(tail) > 1 and tail[1][0] in _EN_CONNECT:
        end = last_head + 1
    elif tail and tail[0][0] not in _EN_CONNECT and len(tail) > 2:
        end = last_head + 2
    if (
        end == last_head + 2
        and _HEADLINE_VERB_FORM.fullmatch(seg[last_head + 1][0])
        and _title_case_line(text, seg[last_head][1])
    ):
        # "Rector of Kazan University Speaks at ...", "Consortium Led by ...": the one word a
        # Title Case headline capitalises after the name is its verb (-s, -ed), no word of it.
        end = last_head + 1
    if end - 1 > last_head and re.fullmatch(r"\(\w+\)", seg[end - 1][0]):
        end -= 1  # "Tsinghua University (China)": the country is not part of the name
    elif (
        end - 2 > last_head
        and re.fullmatch(r"\(\w+", seg[end - 2][0])
        and re.fullmatch(r"\w+\)", seg[end - 1][0])
    ):
        end -= 2  # "... University (Hong Kong)"; inside a name it stays: "Kazan (Volga Region) ..."
    if _TITLED.search(text, max(0, seg[start][1] - 60), seg[start][1]):
        # "Rector of X University John Smith", "head of the Y Department Anna Smirnova": after
        # a position held in the organisation, a given name and a surname are the holder's.
        # The holder's name may run past the end kept so far ("President of Cairo University
        # Mohamed Sami Abdel-Sadek" kept one word after the head): read it in the whole run.
        for k in range(last_head + 1, min(end, len(seg) - 1)):
            if seg[k - 1][0] not in _EN_CONNECT and all(
                person_word(w, text) for w, _, _ in seg[k : k + 2]
            ):
                end = k
                break
    s = seg[start][1]
    e = seg[end - 1][2]
    name = text[s:e].strip().rstrip(".,;:")
    if name.lower().startswith("the "):
        name = name[4:]
        s += 4
    # (A numbered school's one word is a name: "Lyceum 239".)
    numbered = bool(_EN_SCHOOL.fullmatch(name)) and bool(
        _EN_SCHOOL_NUMBER.match(text, s + len(name))
    )
    if not name or len(name) < 4 or (len(name.split()) < 2 and not numbered):
        return None
    last = name.split()[-1].lower()
    if (
        re.fullmatch(r"[a-z]+(?:ian|ean|can|ese|ish|ic)|german|thai", last)
        and not _en_head(last)
        # "University of the Arctic", "Institute of the Pacific": a region, not an adjective.
        and not re.search(r"\bthe [A-Z][a-z]+ic$", name)
    ):
        # "Association of Russian and Armenian [institutions]": the run stopped mid-name.
        return None
    kinds = [(seg[x][0], found) for x in range(start, end) if (found := _head_at(seg, x))]
    if len(kinds) > 1 and kinds[0][0] == "Branch":
        kinds = kinds[1:]  # "Kazan Branch of X University": a university's branch
    kind = kinds[0][1] if kinds else None
    return Mention(name=name, start=s, end=s + len(name), sent=sent_of(s), kind=kind)


# A verb's form a headline may capitalise: the third person ("Speaks", "Approves") or the past
# ("Led", "Started"); not "Class", "Campus", "Physics".
_HEADLINE_VERB_FORM = re.compile(
    r"[A-Z][a-z]+s(?<!ss)(?<!us)(?<!is)(?<!ics)|[A-Z][a-z]+ed|Led|Won|Met"
)


def _title_case_line(text: str, pos: int) -> bool:
    """The line around `pos` is a Title Case headline: its words of four letters or more
    (three at least) are all capitalised."""
    b = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    words = re.findall(r"[A-Za-z][\w'’-]{3,}", text[b : e if e >= 0 else len(text)])
    return len(words) >= 3 and all(w[0].isupper() for w in words)


# Russian legal forms spelt out in English before a name.
_EN_SPELT_FORM = re.compile(
    r"(?:(?:Federal|Municipal)\s+)?(?:State\s+)?(?:Unitary\s+Enterprise|(?:Budgetary|Autonomous)"
    r"\s+(?:Educational\s+|Scientific\s+)?Institution(?:\s+of\s+(?:Higher\s+(?:Professional\s+)?"
    r"Education|Science))?)\s+(?!of\b)|(?:Public\s+|Open\s+|Closed\s+|Non-?[Pp]ublic\s+)?"
    r"Joint[- ]Stock\s+Company\s+(?!of\b)|Limited\s+Liability\s+Company\s+(?!of\b)"
)


# A ruler's ordinal inside a name: "II", "IV", "XIII".
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")

# A Russian university's status written before its name: "National Research University X".
_STATUS_PREFIX = re.compile(r"(?:the\s+)?National\s+Research\s+University$")


def as_tok(t: Any, sent: int, lemma: str) -> Tok:
    """Adapter from a natasha DocToken."""
    return Tok(
        text=t.text,
        start=t.start,
        end=t.stop,
        sent=sent,
        pos=t.pos or "X",
        feats=dict(t.feats or {}),
        lemma=lemma,
    )


# A unit of the university named after a partner: the unit words, then the partner's name in
# quotes, perhaps with its type or legal form before it and the university's short name joined
# to it («студенческое конструкторское бюро «Ромашка – Политех»», «базовая кафедра компании
# «Альфа»», «центр компетенций ПАО «Бета» и СПбПУ», «СКБ «Гамма – СПбПУ»»).
_STUDENT_UNIT = r"студенческ\w+(?:\s+[а-яё-]+){0,2}?\s+бюро|С[КО]Т?Б|базов\w+\s+кафедр\w*"
_JOINT_UNIT_HEAD = (
    rf"(?P<student>{_STUDENT_UNIT})|"
    r"(?:(?:совместн|учебн|научно-образовательн|образовательн|инжинирингов|"
    r"научно-исследовательск|молод[её]жн|отраслев|корпоративн)\w*\s+(?:[а-яё-]+\s+){0,2}?"
    r"(?:центр|лаборатори|бюро|кафедр|институт)\w*|центр\w*\s+компетенци\w+|НОЦ|"
    r"лаборатори\w*(?:\s+[а-яё-]+){0,3}?|кафедр\w*(?:\s+[а-яё-]+){0,3}?)"
)
_PARTNER_TYPE = (
    r"(?:(?:компани|корпораци|госкорпораци|концерн|холдинг|предприяти|завод|групп)\w*\s+|"
    r"(?:группы\s+компаний|научно-производственн\w+\s+предприяти\w+)\s+|"
    r"(?:ПАО|АО|ОАО|ЗАО|ООО|НПП|НПО|ГК|ФГУП)\s+)"
)
_QUOTE = r"[«\"“„](?P<name>[^«»\"“”„]+)[»\"”“]"
_JOINT_UNIT = re.compile(
    rf"(?i:{_JOINT_UNIT_HEAD})\s+(?P<typed>{_PARTNER_TYPE}+)?{_QUOTE}(?P<own>\s+(?:и|в|при)\s+{OWN_SHORT_WORD.pattern})?$"
)
# The same unit named after a partner in the genitive, one capitalised word («центр
# компетенций Сбербанка и СПбПУ», «учебный центр Ростелекома на базе университета»).
_JOINT_UNIT_GENITIVE = re.compile(
    rf"(?i:{_JOINT_UNIT_HEAD})\s+(?P<word>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?)"
    rf"(?:\s+(?:и|при)\s+{OWN_SHORT_WORD.pattern}|\s+на\s+базе\s+\w+)?"
)
_OWN_JOIN = r"\s*(?:[–—-]|\s+и\s+)\s*"
# The university's short name in one hyphenated word with another: «Политех-Дрон».
_OWN_COMPOUND = re.compile(
    r"\w-(?:Политех|СПбПУ|SPbPU|Polytech)|(?:Политех|СПбПУ|SPbPU|Polytech)\w*-\w"
)
_OWN_FIRST = re.compile(rf"^(?:{OWN_SHORT_WORD.pattern}){_OWN_JOIN}(?=\S)")
_OWN_LAST = re.compile(rf"(?<=\S){_OWN_JOIN}(?:{OWN_SHORT_WORD.pattern})$")


def joint_unit_partner(span: str) -> str | None:
    """The partner a unit of the university is named after, from the unit's words as the text
    spells them; "" for a student unit with a name of its own (no partner in it); None for any
    other name. The unit is never a partner, and the university's name never sticks to X."""
    span = " ".join(span.split())
    tail = _JOINT_UNIT.fullmatch(span)
    if tail is None:
        return None
    quoted = tail.group("name").strip()
    if tail.group("student") and _OWN_COMPOUND.search(quoted) and not tail.group("typed"):
        return ""  # «бюро «Политех-Дрон»»: one compound word, the students' own name
    partner = _OWN_LAST.sub("", _OWN_FIRST.sub("", quoted)).strip()
    if partner != quoted or tail.group("typed") or tail.group("own"):
        return partner if partner and not OWN_SHORT_WORD.fullmatch(partner) else ""
    # «СКБ «Вектор»»: the bureau's own name; «базовая кафедра «Альфы»» may name the company, but
    # in any case and with nothing to tell a company from a topic: the unit names no partner.
    return "" if tail.group("student") else None


def joint_unit_genitive(span: str) -> str | None:
    """The one capitalised word a unit of the university is named after in the genitive
    («центр компетенций Сбербанка и СПбПУ» → «Сбербанка»), as the text spells it; else None.
    The caller puts it in the nominative and tells a company from a person or a place."""
    found = _JOINT_UNIT_GENITIVE.fullmatch(" ".join(span.split()))
    if found is None or found.group("student") or OWN_SHORT_WORD.fullmatch(found.group("word")):
        return None
    return found.group("word")
