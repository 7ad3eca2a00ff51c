"""An English rendering of a Russian organisation name, for English readers only.

A partner that the articles name only in Russian («Санкт-Петербургский государственный морской
технический университет», «Правительство Ленинградской области», «Газпром нефть») would show
Cyrillic to an English reader. `english_rendering` reads the name as a Russian noun phrase --
adjectives, a type noun (университет, министерство, завод ...), then what follows it: genitive
phrases, «по …», «при …», «имени …», a name in quotes, an abbreviation in brackets -- and
writes it in English word order from general vocabulary ("Saint Petersburg State Marine
Technical University", "Government of the Leningrad Region"); proper names are transliterated
(a simplified BGN/PCGN scheme: «Газпром нефть» → "Gazprom Neft"), quotes come out as plain
"…". A name whose structure is not understood (no type noun, a word that fits no slot) is
transliterated whole.

Display only: the rendering is never stored, never a name form the registry matches by, and
never in the export's fields; see `bot.text.names.reader_name`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pycountry

from bot.text.chinese import pinyin
from bot.text.countries import country_name, resolve_country
from bot.text.stems import morph_vocab

# ---------------------------------------------------------------------------------------------
# Transliteration (BGN/PCGN, simplified as English texts write it: no marks for ь and ъ,
# «-ый»/«-ий» at the end of a word as "-y": "Gazprom Neft", "Nizhny Novgorod").

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_VOWELS = set("аеёиоуыэюя")


def _translit_word(word: str) -> str:
    lower = word.lower()
    out = []
    for i, ch in enumerate(lower):
        prev = lower[i - 1] if i else ""
        if ch == "е" and (not prev or prev in _VOWELS or prev in "ъь"):
            latin = "ye"  # word-initially and after a vowel or a sign, as BGN/PCGN writes it
        elif ch == "ё" and prev in ("ж", "ч", "ш", "щ"):
            latin = "o"
        elif ch in ("ы", "и") and lower[i + 1 : i + 2] == "й" and i + 2 == len(lower):
            latin = ""  # «-ый», «-ий» at the end: "-y" (the «й» gives it)
        else:
            latin = _LETTERS.get(ch, ch)
        out.append(latin)
    if not word.isupper() and any(ch.isupper() for ch in word[1:]):
        # A capital inside the word keeps its place: «СПбПУ» "SPbPU", «ВКонтакте» "VKontakte".
        return "".join(
            latin[:1].upper() + latin[1:] if ch.isupper() else latin
            for ch, latin in zip(word, out, strict=True)
        )
    text = "".join(out)
    if word.isupper() and len(word) > 1:
        return text.upper()
    if word[:1].isupper():
        return text[:1].upper() + text[1:]
    return text


_CYRILLIC_RUN = re.compile(r"[А-Яа-яЁё]+")


def transliterate(text: str) -> str:
    """Cyrillic letters in Latin (other characters as they are), each word's case kept."""
    return _CYRILLIC_RUN.sub(lambda m: _translit_word(m.group()), text)


# ---------------------------------------------------------------------------------------------
# Vocabulary: general Russian words of organisation names with a settled English form.

# Legal forms, written as abbreviations before or after the name.
LEGAL_FORMS = {
    "ПАО": "PJSC", "ОАО": "OJSC", "ЗАО": "CJSC", "АО": "JSC", "НАО": "NJSC", "ООО": "LLC",
    "ОДО": "ALC", "ТОО": "LLP", "ИП": "IE", "ГУП": "SUE", "ФГУП": "FSUE", "МУП": "MUE",
    "ФГБУ": "FSBI", "ФГАУ": "FSAI", "ФГБОУ": "FSBEI", "ФГАОУ": "FSAEI", "ГБОУ": "SBEI",
    "ГБУ": "SBI", "АНО": "ANO", "НКО": "NPO", "ВО": "HE", "НП": "NP",
}  # fmt: skip
# Other abbreviations of general words.
_ABBREVIATIONS = {
    "НИИ": "Research Institute", "РАН": "RAS", "РФ": "Russian Federation",
    "СПб": "Saint Petersburg",
    "НИУ": "NRU", "ГК": "SC",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Noun:
    one: str
    many: str  # the plural ("" when the English word has none: "Research")
    organisation: bool  # an organisation or territory: "of the Leningrad Region", not "of Science"
    territory: bool = False  # a proper name in apposition follows: "Republic of Tatarstan"
    part: bool = False  # a part or office of what follows: "Branch of X", not "X Branch"


def _noun(
    one: str, many: str | None = None, *, org: bool = True, land: bool = False, part: bool = False
) -> _Noun:
    return _Noun(one, one + "s" if many is None else many, org, land, part)


# Type nouns: the head of an organisation's name (and organisations or territories in its
# genitive phrases).
_TYPE_NOUNS: dict[str, _Noun] = {
    "университет": _noun("University", "Universities"),
    "вуз": _noun("University", "Universities"),
    "госуниверситет": _noun("State University", "State Universities"),
    "институт": _noun("Institute"),
    "академия": _noun("Academy", "Academies"),
    "колледж": _noun("College"),
    "училище": _noun("College"),
    "школа": _noun("School"),
    "лицей": _noun("Lyceum"),
    "гимназия": _noun("Gymnasium"),
    "техникум": _noun("Technical School"),
    "консерватория": _noun("Conservatory", "Conservatories"),
    "центр": _noun("Center"),
    "лаборатория": _noun("Laboratory", "Laboratories"),
    "кафедра": _noun("Department", part=True),
    "факультет": _noun("Faculty", "Faculties", part=True),
    "отделение": _noun("Branch", "Branches", part=True),
    "филиал": _noun("Branch", "Branches", part=True),
    "отдел": _noun("Department", part=True),
    "департамент": _noun("Department", part=True),
    "управление": _noun("Directorate"),
    "дирекция": _noun("Directorate"),
    "администрация": _noun("Administration"),
    "министерство": _noun("Ministry", "Ministries"),
    "правительство": _noun("Government"),
    "комитет": _noun("Committee"),
    "комиссия": _noun("Commission"),
    "агентство": _noun("Agency", "Agencies"),
    "служба": _noun("Service"),
    "инспекция": _noun("Inspectorate"),
    "надзор": _noun("Supervision", ""),
    "фонд": _noun("Foundation"),
    "ассоциация": _noun("Association"),
    "ассамблея": _noun("Assembly", "Assemblies"),
    "союз": _noun("Union"),
    "объединение": _noun("Association"),
    "общество": _noun("Society", "Societies"),
    "организация": _noun("Organization"),
    "учреждение": _noun("Institution"),
    "корпорация": _noun("Corporation"),
    "госкорпорация": _noun("State Corporation"),
    "компания": _noun("Company", "Companies"),
    "группа": _noun("Group"),
    "холдинг": _noun("Holding"),
    "концерн": _noun("Concern"),
    "завод": _noun("Plant"),
    "фабрика": _noun("Factory", "Factories"),
    "комбинат": _noun("Plant"),
    "предприятие": _noun("Enterprise"),
    "бюро": _noun("Bureau"),
    "банк": _noun("Bank"),
    "палата": _noun("Chamber"),
    "совет": _noun("Council"),
    "собрание": _noun("Assembly", "Assemblies"),
    "дума": _noun("Duma"),
    "парламент": _noun("Parliament"),
    "мэрия": _noun("Mayor's Office", "Mayor's Offices"),
    "посольство": _noun("Embassy", "Embassies", part=True),
    "консульство": _noun("Consulate", part=True),
    "генконсульство": _noun("Consulate General", "Consulates General", part=True),
    "представительство": _noun("Representative Office", part=True),
    "музей": _noun("Museum"),
    "библиотека": _noun("Library", "Libraries"),
    "театр": _noun("Theatre"),
    "больница": _noun("Hospital"),
    "клиника": _noun("Clinic"),
    "госпиталь": _noun("Hospital"),
    "технопарк": _noun("Technopark"),
    "парк": _noun("Park"),
    "кластер": _noun("Cluster"),
    "консорциум": _noun("Consortium", "Consortia"),
    "сеть": _noun("Network"),
    "платформа": _noun("Platform"),
    "инкубатор": _noun("Incubator"),
    "акселератор": _noun("Accelerator"),
    "обсерватория": _noun("Observatory", "Observatories"),
    "заповедник": _noun("Nature Reserve"),
    "порт": _noun("Port"),
    "верфь": _noun("Shipyard"),
    "флот": _noun("Fleet"),
    "секретариат": _noun("Secretariat"),
    "федерация": _noun("Federation", land=True),
    "республика": _noun("Republic", land=True),
    "область": _noun("Region", land=True),
    "край": _noun("Territory", "Territories", land=True),
    "округ": _noun("District", land=True),
    "район": _noun("District", land=True),
    "город": _noun("City", "Cities", land=True),
    "провинция": _noun("Province", land=True),
    "штат": _noun("State", land=True),
    "префектура": _noun("Prefecture", land=True),
    "президент": _noun("President"),
    "губернатор": _noun("Governor"),
    "мэр": _noun("Mayor"),
    "отрасль": _noun("Industry", "Industries"),
    "издательство": _noun("Publishing House"),
    "редакция": _noun("Editorial Office"),
    "журнал": _noun("Journal"),
    "биржа": _noun("Exchange"),
    "суд": _noun("Court"),
    "прокуратура": _noun("Prosecutor's Office"),
    "армия": _noun("Army", "Armies"),
    "войско": _noun("Troops", "Troops"),
}

# Field nouns: what a ministry, institute or committee is of or for ("of Science").
_FIELD_NOUNS: dict[str, _Noun] = {
    name: _noun(one, many, org=False)
    for name, one, many in [
        ("наука", "Science", "Sciences"),
        ("образование", "Education", ""),
        ("просвещение", "Education", ""),
        ("промышленность", "Industry", "Industries"),
        ("торговля", "Trade", ""),
        ("энергетика", "Energy", ""),
        ("энергия", "Energy", "Energies"),
        ("экономика", "Economics", ""),
        ("менеджмент", "Management", ""),
        ("история", "History", "Histories"),
        ("сфера", "Field", "Fields"),
        ("развитие", "Development", ""),
        ("культура", "Culture", "Cultures"),
        ("здравоохранение", "Health", ""),
        ("здоровье", "Health", ""),
        ("транспорт", "Transport", ""),
        ("связь", "Communications", "Communications"),
        ("финансы", "Finance", "Finance"),
        ("оборона", "Defence", ""),
        ("безопасность", "Security", ""),
        ("технология", "Technology", "Technologies"),
        ("техника", "Engineering", ""),
        ("инновация", "Innovation", "Innovations"),
        ("исследование", "Research", "Research"),
        ("разработка", "Development", "Developments"),
        ("физика", "Physics", ""),
        ("химия", "Chemistry", ""),
        ("математика", "Mathematics", ""),
        ("механика", "Mechanics", ""),
        ("информатика", "Computer Science", ""),
        ("биология", "Biology", ""),
        ("медицина", "Medicine", ""),
        ("экология", "Ecology", ""),
        ("природа", "Nature", ""),
        ("хозяйство", "Economy", ""),
        ("строительство", "Construction", ""),
        ("архитектура", "Architecture", ""),
        ("спорт", "Sport", "Sports"),
        ("туризм", "Tourism", ""),
        ("молодёжь", "Youth", ""),
        ("национальность", "Nationality", "Nationalities"),
        ("семья", "Family", "Families"),
        ("детство", "Childhood", ""),
        ("политика", "Policy", "Policies"),
        ("труд", "Labour", ""),
        ("занятость", "Employment", ""),
        ("информация", "Information", ""),
        ("цифровизация", "Digitalization", ""),
        ("материал", "Material", "Materials"),
        ("металл", "Metal", "Metals"),
        ("машина", "Machine", "Machines"),
        ("машиностроение", "Mechanical Engineering", ""),
        ("приборостроение", "Instrument Engineering", ""),
        ("судостроение", "Shipbuilding", ""),
        ("электроника", "Electronics", ""),
        ("связь", "Communications", "Communications"),
        ("инвестиция", "Investment", "Investments"),
        ("предпринимательство", "Entrepreneurship", ""),
        ("сотрудничество", "Cooperation", ""),
        ("дело", "Affair", "Affairs"),
        ("ресурс", "Resource", "Resources"),
        ("недра", "Subsoil", "Subsoil"),
        ("нефть", "Oil", ""),
        ("газ", "Gas", "Gases"),
        ("атом", "Atom", "Atoms"),
        ("космос", "Space", ""),
        ("управление", "Management", ""),
        ("проблема", "Problem", "Problems"),
        ("искусство", "Art", "Arts"),
        ("право", "Law", "Rights"),
        ("знание", "Knowledge", ""),
        ("кадр", "Personnel", "Personnel"),
        ("подготовка", "Training", ""),
        ("квалификация", "Qualification", "Qualifications"),
        ("стандартизация", "Standardization", ""),
        ("метрология", "Metrology", ""),
        ("автоматизация", "Automation", ""),
        ("робототехника", "Robotics", ""),
        ("программа", "Program", "Programs"),
        ("проект", "Project", "Projects"),
        ("учёный", "Scientist", "Scientists"),
        ("студент", "Student", "Students"),
        ("ректор", "Rector", "Rectors"),
        ("выпускник", "Graduate", "Graduates"),
        ("промышленник", "Industrialist", "Industrialists"),
        ("предприниматель", "Entrepreneur", "Entrepreneurs"),
        ("инженер", "Engineer", "Engineers"),
        ("мир", "World", ""),
        ("поддержка", "Support", ""),
        ("инициатива", "Initiative", "Initiatives"),
        ("экспорт", "Export", "Exports"),
        ("импорт", "Import", "Imports"),
        ("содействие", "Assistance", ""),
        ("уровень", "Level", "Levels"),
        ("трансфер", "Transfer", "Transfers"),
        ("тело", "Body", "Bodies"),
        ("море", "Sea", "Seas"),
        ("океан", "Ocean", "Oceans"),
        ("климат", "Climate", ""),
        ("вода", "Water", "Waters"),
        ("лес", "Forest", "Forests"),
        ("земля", "Land", "Lands"),
        ("регион", "Region", "Regions"),
        ("страна", "Country", "Countries"),
        ("машиностроитель", "Machine Builder", "Machine Builders"),
        ("экспортёр", "Exporter", "Exporters"),
        ("специалист", "Specialist", "Specialists"),
        ("партнёрство", "Partnership", "Partnerships"),
        ("интеграция", "Integration", ""),
        ("модернизация", "Modernization", ""),
        ("качество", "Quality", ""),
        ("обучение", "Learning", ""),
        ("мониторинг", "Monitoring", ""),
    ]
}

_NOUNS = _FIELD_NOUNS | _TYPE_NOUNS

# Adjectives (masculine nominative) -> English.
_ADJECTIVES = {
    "государственный": "State", "национальный": "National", "федеральный": "Federal",
    "технический": "Technical", "технологический": "Technological",
    "политехнический": "Polytechnic", "медицинский": "Medical",
    "педагогический": "Pedagogical", "экономический": "Economic", "юридический": "Law",
    "гуманитарный": "Humanities", "исследовательский": "Research", "научный": "Scientific",
    "научно-исследовательский": "Research", "научно-производственный": "Research and Production",
    "научно-технический": "Scientific and Technical", "морской": "Marine",
    "высший": "Higher", "высокий": "High", "новый": "New",
    "электротехнический": "Electrotechnical", "горный": "Mining", "аграрный": "Agrarian",
    "сельскохозяйственный": "Agricultural", "строительный": "Construction",
    "архитектурный": "Architectural", "нефтяной": "Oil", "газовый": "Gas",
    "нефтегазовый": "Oil and Gas", "атомный": "Nuclear", "ядерный": "Nuclear",
    "энергетический": "Energy", "транспортный": "Transport", "информационный": "Information",
    "цифровой": "Digital", "инновационный": "Innovation", "международный": "International",
    "межрегиональный": "Interregional", "региональный": "Regional", "городской": "City",
    "муниципальный": "Municipal", "областной": "Regional", "краевой": "Territorial",
    "республиканский": "Republican", "центральный": "Central", "северный": "Northern",
    "южный": "Southern", "восточный": "Eastern", "западный": "Western",
    "северо-западный": "North-Western", "северо-восточный": "North-Eastern",
    "юго-западный": "South-Western", "юго-восточный": "South-Eastern",
    "дальневосточный": "Far Eastern", "сибирский": "Siberian", "уральский": "Ural",
    "балтийский": "Baltic", "арктический": "Arctic", "автономный": "Autonomous",
    "некоммерческий": "Non-Profit", "общественный": "Public", "публичный": "Public",
    "акционерный": "Joint-Stock", "открытый": "Open", "закрытый": "Closed",
    "бюджетный": "Budgetary", "образовательный": "Educational", "учебный": "Training",
    "военный": "Military", "военно-морской": "Naval", "космический": "Space",
    "гражданский": "Civil",
    "авиационный": "Aviation", "химический": "Chemical", "физический": "Physical",
    "математический": "Mathematical", "биологический": "Biological",
    "физико-технический": "Physics and Technology", "инженерный": "Engineering",
    "промышленный": "Industrial", "индустриальный": "Industrial",
    "производственный": "Production", "глобальный": "Global", "материальный": "Material",
    "дизельный": "Diesel", "межпарламентский": "Interparliamentary",
    "машиностроительный": "Machine-Building", "судостроительный": "Shipbuilding",
    "металлургический": "Metallurgical", "оборонный": "Defence", "электронный": "Electronic",
    "оптический": "Optical", "механический": "Mechanical", "радиотехнический": "Radio Engineering",
    "экологический": "Environmental", "социальный": "Social", "культурный": "Cultural",
    "спортивный": "Sports", "молодёжный": "Youth", "студенческий": "Student",
    "детский": "Children's", "профессиональный": "Professional", "частный": "Private",
    "академический": "Academic", "экспериментальный": "Experimental", "прикладной": "Applied",
    "фундаментальный": "Fundamental", "главный": "Main", "единый": "Unified",
    "специальный": "Special", "объединённый": "United", "совместный": "Joint",
    "торговый": "Trade", "торгово-промышленный": "Trade and Industry",
    "коммерческий": "Commercial", "финансовый": "Financial", "инвестиционный": "Investment",
    "банковский": "Banking", "генеральный": "General", "консульский": "Consular",
    "народный": "People's",
    "иностранный": "Foreign", "внешний": "Foreign", "внутренний": "Internal",
    "законодательный": "Legislative", "исполнительный": "Executive",
    "президентский": "Presidential",
    "электрический": "Electrical", "тепловой": "Thermal", "возобновляемый": "Renewable",
    "водный": "Water", "лесной": "Forest", "лесотехнический": "Forest Engineering",
    "полярный": "Polar", "речной": "River", "железнодорожный": "Railway",
    "автомобильный": "Automotive", "дорожный": "Road", "медико-биологический": "Biomedical",
    "психологический": "Psychological", "филологический": "Philological",
    "исторический": "Historical", "художественный": "Art", "музыкальный": "Music",
    "театральный": "Theatre", "вычислительный": "Computing", "программный": "Software",
    "стратегический": "Strategic", "аналитический": "Analytical", "консалтинговый": "Consulting",
    "инжиниринговый": "Engineering", "проектный": "Design", "конструкторский": "Design",
    "ведущий": "Leading", "передовой": "Advanced", "опорный": "Flagship",
    "крупный": "Large", "малый": "Small", "средний": "Medium", "большой": "Big",
    "ресурсный": "Resource", "компетентностный": "Competence", "кадровый": "Human Resources",
    "управленческий": "Management", "логистический": "Logistics", "портовый": "Port",
    "атомно-энергетический": "Nuclear Power", "мировой": "World", "всемирный": "World",
    "таможенный": "Customs", "налоговый": "Tax", "лёгкий": "Light", "твёрдый": "Solid",
    "тяжёлый": "Heavy", "жидкий": "Liquid", "квантовый": "Quantum", "биотехнологический":
    "Biotechnology", "фармацевтический": "Pharmaceutical", "телекоммуникационный":
    "Telecommunications", "приборостроительный": "Instrument-Making",
}  # fmt: skip

# Nations (masculine nominative adjective) -> English adjective.
_NATIONS = {
    "российский": "Russian", "русский": "Russian", "китайский": "Chinese",
    "белорусский": "Belarusian", "казахстанский": "Kazakhstani", "казахский": "Kazakh",
    "узбекский": "Uzbek", "киргизский": "Kyrgyz", "кыргызский": "Kyrgyz",
    "таджикский": "Tajik", "туркменский": "Turkmen", "армянский": "Armenian",
    "азербайджанский": "Azerbaijani", "грузинский": "Georgian", "молдавский": "Moldovan",
    "украинский": "Ukrainian", "монгольский": "Mongolian", "вьетнамский": "Vietnamese",
    "индийский": "Indian", "японский": "Japanese", "корейский": "Korean",
    "турецкий": "Turkish", "иранский": "Iranian", "египетский": "Egyptian",
    "немецкий": "German", "германский": "German", "французский": "French",
    "итальянский": "Italian", "испанский": "Spanish", "португальский": "Portuguese",
    "британский": "British", "английский": "English", "американский": "American",
    "канадский": "Canadian", "бразильский": "Brazilian", "мексиканский": "Mexican",
    "кубинский": "Cuban", "финский": "Finnish", "шведский": "Swedish",
    "норвежский": "Norwegian", "датский": "Danish", "польский": "Polish", "чешский": "Czech",
    "сербский": "Serbian", "болгарский": "Bulgarian", "венгерский": "Hungarian",
    "греческий": "Greek", "австрийский": "Austrian", "швейцарский": "Swiss",
    "голландский": "Dutch", "нидерландский": "Dutch", "бельгийский": "Belgian",
    "израильский": "Israeli", "индонезийский": "Indonesian", "малайзийский": "Malaysian",
    "таиландский": "Thai", "тайский": "Thai", "пакистанский": "Pakistani",
    "бангладешский": "Bangladeshi", "южноафриканский": "South African",
    "эфиопский": "Ethiopian", "нигерийский": "Nigerian", "алжирский": "Algerian",
    "марокканский": "Moroccan", "тунисский": "Tunisian", "саудовский": "Saudi",
    "эмиратский": "Emirati", "аргентинский": "Argentine", "чилийский": "Chilean",
    "перуанский": "Peruvian", "колумбийский": "Colombian", "венесуэльский": "Venezuelan",
    "австралийский": "Australian", "советский": "Soviet", "славянский": "Slavic",
    "европейский": "European",
    "азиатский": "Asian", "африканский": "African", "латиноамериканский": "Latin American",
    "арабский": "Arab", "евразийский": "Eurasian",
}  # fmt: skip

# Places (masculine nominative adjective) whose English is not the transliterated stem.
_PLACES = {
    "московский": "Moscow", "санкт-петербургский": "Saint Petersburg",
    "петербургский": "Petersburg", "ленинградский": "Leningrad",
    "нижегородский": "Nizhny Novgorod", "новгородский": "Novgorod",
    "архангельский": "Arkhangelsk", "ярославский": "Yaroslavl", "пермский": "Perm",
    "тверской": "Tver", "рязанский": "Ryazan", "казанский": "Kazan", "тюменский": "Tyumen",
    "астраханский": "Astrakhan", "екатеринбургский": "Yekaterinburg",
    "свердловский": "Sverdlovsk", "донской": "Don", "кавказский": "Caucasus",
    "северо-кавказский": "North Caucasus", "приволжский": "Volga",
    "поволжский": "Volga Region", "волжский": "Volga", "крымский": "Crimean",
    "якутский": "Yakutsk", "владивостокский": "Vladivostok", "сахалинский": "Sakhalin",
    "камчатский": "Kamchatka", "мурманский": "Murmansk", "калининградский": "Kaliningrad",
    "псковский": "Pskov", "вологодский": "Vologda", "карельский": "Karelian",
    "петрозаводский": "Petrozavodsk", "самарский": "Samara", "саратовский": "Saratov",
    "волгоградский": "Volgograd", "воронежский": "Voronezh", "белгородский": "Belgorod",
    "ростовский": "Rostov", "краснодарский": "Krasnodar", "кубанский": "Kuban",
    "ставропольский": "Stavropol", "уфимский": "Ufa", "башкирский": "Bashkir",
    "татарский": "Tatar", "чувашский": "Chuvash", "удмуртский": "Udmurt",
    "ижевский": "Izhevsk", "оренбургский": "Orenburg", "челябинский": "Chelyabinsk",
    "иркутский": "Irkutsk", "красноярский": "Krasnoyarsk", "хабаровский": "Khabarovsk",
    "амурский": "Amur", "забайкальский": "Trans-Baikal", "байкальский": "Baikal",
    "алтайский": "Altai", "кузбасский": "Kuzbass", "кемеровский": "Kemerovo",
    "смоленский": "Smolensk", "тульский": "Tula", "курский": "Kursk", "брянский": "Bryansk",
    "калужский": "Kaluga", "владимирский": "Vladimir", "ивановский": "Ivanovo",
    "костромской": "Kostroma", "пензенский": "Penza", "липецкий": "Lipetsk",
    "тамбовский": "Tambov", "орловский": "Oryol", "кировский": "Kirov",
    "минский": "Minsk", "пекинский": "Beijing", "шанхайский": "Shanghai",
    "харбинский": "Harbin", "гонконгский": "Hong Kong", "ташкентский": "Tashkent",
    "алматинский": "Almaty", "бишкекский": "Bishkek", "ереванский": "Yerevan",
    "бакинский": "Baku", "тбилисский": "Tbilisi", "лондонский": "London",
    "парижский": "Paris", "берлинский": "Berlin", "венский": "Vienna",
    "пражский": "Prague", "римский": "Rome", "мадридский": "Madrid",
    "токийский": "Tokyo", "сеульский": "Seoul", "ханойский": "Hanoi",
    "ленинский": "Lenin", "гатчинский": "Gatchina", "выборгский": "Vyborg",
    "кронштадтский": "Kronstadt", "петергофский": "Peterhof", "пушкинский": "Pushkin",
}  # fmt: skip

# Place nouns whose English is not the transliteration.
_PLACE_NOUNS = {
    "москва": "Moscow", "санкт-петербург": "Saint Petersburg", "петербург": "Petersburg",
    "россия": "Russia", "киргизия": "Kyrgyzstan", "белоруссия": "Belarus",
    "китай": "China", "кнр": "China", "рф": "Russian Federation", "снг": "CIS",
    "брикс": "BRICS", "европа": "Europe", "азия": "Asia", "арктика": "Arctic",
    "ленинград": "Leningrad", "юнеско": "UNESCO", "оон": "UN", "магатэ": "IAEA",
}  # fmt: skip
# Those of them read with "the": "of the Russian Federation".
_WITH_THE = frozenset({"рф", "снг", "арктика", "оон", "магатэ"})

# Two words with an English phrase of their own (lemmas).
_PHRASES: dict[tuple[str, str], str] = {
    ("высший", "школа"): "Higher Education",
    ("высокий", "школа"): "Higher Education",
    ("высший", "образование"): "Higher Education",
    ("высокий", "образование"): "Higher Education",
    ("сельский", "хозяйство"): "Agriculture",
    ("иностранный", "дело"): "Foreign Affairs",
    ("внутренний", "дело"): "Internal Affairs",
    ("чрезвычайный", "ситуация"): "Emergency Situations",
    ("природный", "ресурс"): "Natural Resources",
    ("информационный", "технология"): "Information Technology",
    ("искусственный", "интеллект"): "Artificial Intelligence",
    ("дальний", "восток"): "the Far East",
    ("лёгкий", "материал"): "Lightweight Materials",
    ("твёрдый", "тело"): "Solid State",
}
# Two words naming a type of organisation, as the head of a name.
_HEAD_PHRASES: dict[tuple[str, str], str] = {
    ("научно-исследовательский", "институт"): "Research Institute",
    ("торгово-промышленный", "палата"): "Chamber of Commerce and Industry",
    ("генеральный", "консульство"): "Consulate General",
}

# Function words, left in small letters when a name is transliterated whole.
_FUNCTION_WORDS = frozenset({"и", "или", "для", "по", "при", "в", "во", "на", "с", "о", "об", "из"})

# ---------------------------------------------------------------------------------------------
# Words and their dictionary forms.


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    lemma: str  # the dictionary form; the word as written (lower-cased) when it is not known
    adjective: bool
    noun: bool
    plural: bool
    grammemes: frozenset[str]


def _choose(parses: list[Any]) -> Any:
    """The parse a name most likely means: one of a known word first, then the likeliest."""
    for parse in parses:
        if parse.normal_form.replace("ё", "е") in _LEMMAS:
            return parse
    return parses[0]


@lru_cache(maxsize=8192)
def _analyse(word: str) -> _Word:
    lower = word.lower()
    if lower.startswith("высш"):  # the dictionary reads «высший» as a degree of «высокий»
        return _Word(word, "высший", True, False, lower.endswith(("ие", "их", "ые", "ых")),
                     frozenset())  # fmt: skip
    parses = [p for p in morph_vocab().parse(lower) if p.tag.POS not in ("VERB", "INFN")]
    if not parses:
        return _Word(word, _fold(lower), False, False, False, frozenset())
    parse = _choose(parses)
    grammemes = frozenset(str(g) for g in parse.tag.grammemes)
    pos = parse.tag.POS
    adjective = pos in ("ADJF", "PRTF")
    lemma = _fold(parse.normal_form)
    if pos == "PRTF":  # a participle's dictionary form is its verb: «объединённый», not «-ить»
        form = parse.inflect({"Masc", "Sing", "Nom"})
        lemma = _fold(form.word) if form is not None else lemma
    if not (parse.is_known or adjective) and not (
        "gent" in grammemes and lower.startswith(lemma) and len(lemma) < len(lower)
    ):
        # A word the dictionary does not know keeps its form (a foreign name: «Цзяотун»;
        # the guessed dictionary form of «Сиань» would be «сианя»), unless it is a genitive
        # with the ending cut off («Ганновера» → «ганновер»).
        lemma = _fold(lower)
    return _Word(word, lemma, adjective, pos == "NOUN", "plur" in grammemes, grammemes)


def _fold(lemma: str) -> str:
    return lemma.replace("ё", "е")


def _table(table: dict[str, Any]) -> dict[str, Any]:
    return {_fold(k): v for k, v in table.items()}


_PHRASES = {(_fold(a), _fold(b)): english for (a, b), english in _PHRASES.items()}
_HEAD_PHRASES = {(_fold(a), _fold(b)): english for (a, b), english in _HEAD_PHRASES.items()}
_NOUNS_F = _table(_NOUNS)
_TYPE_NOUNS_F = _table(_TYPE_NOUNS)
_ADJECTIVES_F = _table(_ADJECTIVES)
_NATIONS_F = _table(_NATIONS)
_PLACES_F = _table(_PLACES)
_PLACE_NOUNS_F = _table(_PLACE_NOUNS)
_LEMMAS = set(_NOUNS_F) | set(_ADJECTIVES_F) | set(_NATIONS_F) | set(_PLACES_F)


def _place_of_adjective(lemma: str) -> str | None:
    """The English place a place adjective names: the table's, else the dictionary's place the
    adjective is made from («томский» → Томск → "Tomsk", «уральский» → Урал)."""
    if lemma in _PLACES_F:
        return str(_PLACES_F[lemma])
    if not lemma.endswith("ский") or "-" in lemma:
        return None
    stem = lemma[:-4]
    for candidate in (lemma[:-2], stem + "ь", stem, stem[:-1] if stem.endswith("ь") else ""):
        if not candidate:
            continue
        for parse in morph_vocab().parse(candidate):
            if (
                parse.is_known
                and "Geox" in parse.tag.grammemes
                and _fold(parse.normal_form) == candidate
            ):
                return (
                    _country(candidate)
                    or pinyin(_title(candidate))
                    or _title(transliterate(candidate))
                )
    # A Chinese place in Russian spelling: «Цзянсуский» of Jiangsu, «Сианьский» of Xi'an.
    return pinyin(_title(stem))


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def _adjective(word: _Word) -> tuple[str, bool] | None:
    """The English of an adjective and whether it names a place or nation (placed first and
    joined by a hyphen in a compound: "Russian-Chinese"); None for an unknown word."""
    lemma = word.lemma
    if lemma in _ADJECTIVES_F:
        return str(_ADJECTIVES_F[lemma]), False
    if lemma in _NATIONS_F:
        return str(_NATIONS_F[lemma]), True
    place = _place_of_adjective(lemma)
    if place:
        return place, True
    if "-" in word.text:
        return _compound(word.text)
    return None


def _compound(text: str) -> tuple[str, bool] | None:
    """«Российско-китайский» → "Russian-Chinese", «финансово-экономический» → "Financial and
    Economic": each part read as an adjective («российско» as «российский», «оптико» as
    «оптический»)."""
    parts = text.lower().split("-")
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(parts):
        found = None
        if i == len(parts) - 1:
            found = _adjective(_analyse(part)) if part else None
        elif part.endswith(("о", "е")):
            stem = part[:-1]
            lemmas = [stem + ending for ending in ("ый", "ий", "ой")]
            if stem.endswith("ик"):
                lemmas.append(stem[:-2] + "ический")  # «оптико» of «оптический»
            for lemma in lemmas:
                found = _adjective(_Word(part, lemma, True, False, False, frozenset()))
                if found:
                    break
        if found is None:
            return None
        out.append(found)
    if all(place for _, place in out):
        return "-".join(english for english, _ in out), True
    return " and ".join(english for english, _ in out), False


def _republic(lemma: str) -> str | None:
    """A republic's English name by its country's official one («Республика Корея» →
    "Republic of Korea"); None when the country's name has no "Republic of"."""
    code = resolve_country(lemma)
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return None
    official = getattr(country, "official_name", "") or ""
    if official.startswith("Republic of "):
        return str(official)
    name, _, form = str(country.name).partition(", ")
    return f"Republic of {name}" if form == "Republic of" else None


def _country(lemma: str) -> str | None:
    """A country's English name for its Russian name («венгрия» → "Hungary")."""
    code = resolve_country(lemma)
    return country_name(code, "en") if code else None


# ---------------------------------------------------------------------------------------------
# Tokens.

_OPEN = {"«": "»", "„": "“", "“": "”", '"': '"'}
_TOKEN = re.compile(r"[\w.\-]+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "word", "quote", "paren", "punct"
    text: str


def _tokens(text: str) -> list[_Token] | None:
    """Words, quoted parts and bracketed parts (nested quotes inside), other marks; None when
    quotes or brackets do not close."""
    out: list[_Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in _OPEN or ch == "(":
            end = _closing(text, i)
            if end is None:
                return None
            out.append(_Token("paren" if ch == "(" else "quote", text[i + 1 : end].strip()))
            i = end + 1
            continue
        match = _TOKEN.match(text, i)
        if match is None:  # pragma: no cover - the pattern matches any non-space character
            return None
        piece = match.group()
        i += len(piece)
        if piece[0].isalnum():
            # «им.», «г.», «С.И.» keep their dots; a dot ending a longer word is the sentence's.
            if piece.endswith(".") and len(piece.rstrip(".")) > 3:
                piece = piece.rstrip(".")
            out.append(_Token("word", piece))
        else:
            out.append(_Token("punct", piece))
    return out


def _closing(text: str, start: int) -> int | None:
    """Where the quote or bracket opened at `start` closes (nested pairs skipped)."""
    opener = text[start]
    closer = ")" if opener == "(" else _OPEN[opener]
    if opener == closer:  # straight quotes: the next one closes
        j = text.find(closer, start + 1)
        return j if j >= 0 else None
    depth = 0
    for j in range(start, len(text)):
        if text[j] == opener:
            depth += 1
        elif text[j] == closer:
            depth -= 1
            if depth == 0:
                return j
    return None


# ---------------------------------------------------------------------------------------------
# The noun phrase.


class _NotUnderstood(Exception):
    pass


def _english_noun(word: _Word) -> str | None:
    noun = _NOUNS_F.get(word.lemma)
    if noun is None:
        return None
    if word.plural and noun.many:
        return str(noun.many)
    return str(noun.one)


def _proper(word: _Word) -> str:
    """A proper noun in English: a place the tables or the country names know, else
    transliterated (the dictionary form of a word the dictionary knows, as the name writes it
    otherwise)."""
    if word.lemma in _PLACE_NOUNS_F:
        return str(_PLACE_NOUNS_F[word.lemma])
    country = _country(word.lemma) or _country(word.text)
    if country:
        return country
    chinese = pinyin(word.text)
    if chinese:
        return chinese
    if word.text.isupper() and len(word.text) > 1:
        return transliterate(word.text)
    if word.lemma == _fold(word.text.lower()):
        return transliterate(word.text)
    return _title(transliterate(word.lemma))


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


@dataclass(slots=True)
class _Phrase:
    """Adjectives and a noun, read from Russian, in English (several, joined by «и» or
    commas: "Higher Education, Science and Innovations")."""

    words: list[str]
    the: bool = False  # one organisation or territory: "of the Leningrad Region"


def _phrase(words: list[_Word], i: int) -> tuple[_Phrase, int]:
    """Adjectives then a noun from words[i] (or a proper noun alone), and more such joined by
    «и» or commas; how far it reached."""
    out: list[str] = []
    the = False
    while True:
        adjectives: list[str] = []
        start = i
        while i < len(words):
            word = words[i]
            if i + 1 < len(words) and (word.lemma, words[i + 1].lemma) in _PHRASES:
                break
            if not word.adjective:
                break
            found = _adjective(word)
            adjectives.append(found[0] if found else _title(transliterate(word.lemma)))
            i += 1
        if i >= len(words):
            raise _NotUnderstood
        word = words[i]
        pair = (word.lemma, words[i + 1].lemma) if i + 1 < len(words) else None
        if pair is not None and pair in _PHRASES:
            noun = _PHRASES[pair]
            i += 2
        elif (english := _english_noun(word)) is not None:
            noun = english
            the = the or (_NOUNS_F[word.lemma].organisation and not word.plural)
            i += 1
            if _NOUNS_F[word.lemma].territory and i < len(words) and _is_name(words[i]):
                # A territory and its name: "Republic of Armenia", "Republic of Tatarstan".
                republic = _republic(words[i].lemma) if noun == "Republic" else None
                noun = republic or f"{noun} of {_proper(words[i])}"
                i += 1
        elif _capitalised(word.text) and start == i:
            noun = _proper(word)
            the = the or word.lemma in _WITH_THE
            i += 1
        elif word.noun and not _capitalised(word.text):
            noun = _title(transliterate(word.lemma))  # a field the vocabulary lacks
            i += 1
        else:
            raise _NotUnderstood
        out.append(" ".join([*adjectives, noun]))
        if i + 1 < len(words) and words[i].text.lower() in ("и", ","):
            out.append("and" if words[i].text == "и" else ",")
            i += 1
            continue
        return _Phrase(out, the), i


def _is_name(word: _Word) -> bool:
    """A proper noun: capitalised, neither an adjective nor a word of the vocabulary."""
    return _capitalised(word.text) and not word.adjective and word.lemma not in _NOUNS_F


def _joined(phrase: _Phrase) -> str:
    return " ".join(phrase.words).replace(" ,", ",")


def _person(words: list[str]) -> str:
    """A person named in the genitive («Н. Э. Баумана») in the nominative, transliterated."""
    out = []
    # Initials written together with the name: «С.И.Вавилова».
    for text in (part for word in words for part in re.split(r"(?<=\.)(?=\w)", word)):
        if "-" in text.strip("-"):
            # A double name, each part declined and capitalised as written: «Римского-Корсакова»
            # "Rimsky-Korsakov" (read whole, the second part came out in small letters).
            out.append("-".join(_person([part]) if part else part for part in text.split("-")))
            continue
        if text[:1].islower():  # a particle as written: «аль-», «ибн», «фон», «де»
            out.append(transliterate(text))
            continue
        if text.endswith(".") or len(text) <= 2:
            out.append(transliterate(text))  # initials
            continue
        parses = morph_vocab().parse(text.lower())
        named = [p for p in parses if {"Surn", "Name", "Patr"} & set(p.tag.grammemes)]
        lemma = _fold(named[0].normal_form) if named else _analyse(text).lemma
        out.append(_title(transliterate(lemma)))
    return " ".join(out)


def _words(tokens: list[_Token], i: int) -> list[_Word]:
    """The words from tokens[i] up to a quote or bracket, commas kept as words."""
    run = []
    while i < len(tokens) and (tokens[i].kind == "word" or tokens[i].text == ","):
        run.append(_analyse(tokens[i].text))
        i += 1
    return run


_PREPOSITIONS = {"по": "for", "для": "for", "при": "under", "в": "in", "во": "in", "на": "on"}


def _head_at(tokens: list[_Token]) -> int:
    """Where the type noun is: after adjectives and proper nouns only."""
    for n, token in enumerate(tokens):
        if token.kind != "word":
            break
        if token.text.upper() in _ABBREVIATIONS and token.text.upper() != "РАН":
            return n
        word = _analyse(token.text)
        if word.lemma in _TYPE_NOUNS_F and not word.adjective:
            return n
        if (
            n + 1 < len(tokens)
            and tokens[n + 1].kind == "word"
            and (word.lemma, _analyse(tokens[n + 1].text).lemma) in _HEAD_PHRASES
        ):
            return n
        if not word.adjective and not _capitalised(token.text):
            break
    raise _NotUnderstood


def _render_words(tokens: list[_Token]) -> str:
    """Words (and quoted or bracketed parts) around a type noun, in English order: place
    adjectives, names, other adjectives, the type noun, then what follows it."""
    head_at = _head_at(tokens)
    places: list[str] = []  # "Saint Petersburg", "Russian": first
    front: list[str] = []  # names before the type noun: "Potanin Foundation", "VTB Bank"
    before: list[str] = []  # other adjectives: "State Marine Technical"
    for token in tokens[:head_at]:
        word = _analyse(token.text)
        if not word.adjective:  # a name before its type noun («Бин Зыонг университет»)
            front.append(_proper(word))
            continue
        found = _adjective(word)
        if found is None:
            (before or front).append(_title(transliterate(word.lemma)))
        elif found[1] and not before and not front:
            places.append(found[0])
        else:
            before.append(found[0])
    head_token = tokens[head_at]
    rest = tokens[head_at + 1 :]
    part = territory = False
    if head_token.text.upper() in _ABBREVIATIONS:
        head = _ABBREVIATIONS[head_token.text.upper()]
    else:
        head_word = _analyse(head_token.text)
        following = _analyse(rest[0].text) if rest and rest[0].kind == "word" else None
        if following is not None and (head_word.lemma, following.lemma) in _HEAD_PHRASES:
            head = _HEAD_PHRASES[(head_word.lemma, following.lemma)]
            rest = rest[1:]
        else:
            noun = _NOUNS_F[head_word.lemma]
            head = _english_noun(head_word) or noun.one
            territory, part = noun.territory, noun.part
    after: list[str] = []
    i = 0
    while i < len(rest):
        token = rest[i]
        if token.kind == "quote":
            after.append(f'"{english_rendering(token.text)}"')
            i += 1
            continue
        if token.kind == "paren":
            after.append(f"({english_rendering(token.text)})")
            i += 1
            continue
        if token.kind == "punct":
            raise _NotUnderstood
        lower = token.text.lower()
        run = _words(rest, i)
        if lower in ("имени", "им.", "им"):
            # The person's words, up to an abbreviation that follows them («… Келдыша РАН»).
            names = []
            for word in run[1:]:
                if word.text.isupper() and len(word.text.rstrip(".")) > 1 and "." not in word.text:
                    break  # an abbreviation, not initials («С. И.», «С.И.»)
                names.append(word.text)
            if not names:
                raise _NotUnderstood
            after.append("named after " + _person(names))
            i += 1 + len(names)
            continue
        upper = token.text.upper()
        if token.text.isupper() and len(token.text) > 1 or not _is_cyrillic(token.text):
            # An abbreviation: a known one, or a place, is what the noun is of ("of the RAS",
            # "of the Russian Federation"), as is any after a branch or an office; another
            # names the organisation ("VTB Bank").
            if upper in _ABBREVIATIONS or _fold(lower) in _PLACE_NOUNS_F or part:
                english = _ABBREVIATIONS.get(upper) or _proper(_analyse(token.text))
                the = "the " if upper in _ABBREVIATIONS or _fold(lower) in _WITH_THE else ""
                after.append(f"of {the}{english}")
            elif i == 0 and not after:
                front.append(_plain(token.text))
            else:
                after.append(_plain(token.text))
            i += 1
            continue
        if lower == "по" and len(run) > 2 and run[1].lemma == "дело":
            # «по делам молодёжи» "for Youth Affairs"; «по делам ЮНЕСКО» "for UNESCO".
            field = run[2]
            if field.text.isupper() and len(field.text) > 1:
                the = "the " if _fold(field.text.lower()) in _WITH_THE else ""
                after.append(f"for {the}{_proper(field)}")
                i += 3
                continue
            phrase, used = _phrase(run[2:], 0)
            after.append(f"for {_joined(phrase)} Affairs")
            i += 2 + used
            continue
        if lower in _PREPOSITIONS:
            # «в г. Пскове»: the abbreviated «город» before a town's name is left out.
            town = 1 if len(run) > 2 and run[1].text.lower() in ("г.", "г") else 0
            phrase, used = _phrase(run[1 + town :], 0)
            the = "the " if phrase.the else ""
            after.append(f"{_PREPOSITIONS[lower]} {the}{_joined(phrase)}")
            i += 1 + town + used
            continue
        phrase, used = _phrase(run, 0)
        if len(phrase.words) == 1 and _is_name(run[0]):
            # A proper noun after the type noun: a territory's or an organisation's place
            # ("Republic of Tatarstan", "Embassy of Hungary"), else its name ("Innopolis
            # University", "Potanin Foundation").
            name = phrase.words[0]
            republic = _republic(run[0].lemma) if head == "Republic" else None
            if republic:
                head = republic  # "Republic of Korea", not "Republic of South Korea"
            elif territory or part or "Geox" in run[0].grammemes or _country(run[0].lemma):
                after.append(f"of {'the ' if phrase.the else ''}{name}")
            elif not after:
                front.append(name)
            else:
                raise _NotUnderstood
        else:
            after.append(f"of {'the ' if phrase.the else ''}{_joined(phrase)}")
        i += used
    return " ".join([*places, *front, *before, head, *after])


def _is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC_RUN.search(text))


def _plain(text: str) -> str:
    """Words transliterated, each capitalised (a proper name's English form); function words
    in small letters, places the tables know in English."""
    out = []
    for token in text.split():
        if not _is_cyrillic(token):
            out.append(token)
        elif _fold(token.lower()) in _PLACE_NOUNS_F:
            out.append(str(_PLACE_NOUNS_F[_fold(token.lower())]))
        elif token.isupper() or token.lower() in _FUNCTION_WORDS:
            out.append(transliterate(token))
        elif chinese := pinyin(token):
            out.append(chinese)
        else:
            latin = transliterate(token)
            out.append(latin[:1].upper() + latin[1:])
    return " ".join(out)


_SPACES = re.compile(r"\s+")
_MAX_NESTING = 8
_MAX_LENGTH = 500


def _nesting(text: str) -> int:
    """How deep quotes and brackets nest (a rough count: openers minus closers so far)."""
    depth = deepest = 0
    for ch in text:
        if ch in "«„(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "»“)":
            depth -= 1
    return deepest


@lru_cache(maxsize=4096)
def english_rendering(name: str) -> str:
    """The name in English for display (see the module's docstring); a name with no Cyrillic
    is returned as it is."""
    name = _SPACES.sub(" ", name).strip()
    if not _is_cyrillic(name):
        return name
    if _nesting(name) > _MAX_NESTING or len(name) > _MAX_LENGTH:
        # Quotes in quotes read recursively, and each word's phrase reads the words after it:
        # a hostile name must neither exhaust the stack nor take seconds (no name is this long).
        return _plain(re.sub(r"[«»„“”()]", '"', name))
    tokens = _tokens(name)
    if tokens:
        try:
            return _render(tokens)
        except _NotUnderstood:
            pass
    return plain_transliteration(name)


def plain_transliteration(name: str) -> str:
    """The fallback: the name transliterated word by word, each word capitalised, a quoted
    part rendered on its own (it may be a name the vocabulary reads), quotes plain "…"."""
    name = _SPACES.sub(" ", name).strip()
    tokens = _tokens(name)
    if tokens is None:
        return _plain(re.sub(r"[«»„“”]", '"', name))
    out: list[str] = []
    for token in tokens:
        if token.kind == "quote":
            out.append(f'"{english_rendering(token.text)}"')
        elif token.kind == "paren":
            out.append(f"({plain_transliteration(token.text)})")
        elif token.kind == "punct" and out and token.text in ",.;:":
            out[-1] += token.text
        elif token.kind == "word" and token.text in LEGAL_FORMS:
            out.append(LEGAL_FORMS[token.text])  # «ООО «Тест» (Москва)»: "LLC", not "OOO"
        else:
            out.append(_plain(token.text))
    return " ".join(out)


def _render(tokens: list[_Token]) -> str:
    # Legal forms before and after the name stay where they are: "PJSC "Rostelecom"".
    lead: list[str] = []
    while tokens and tokens[0].kind == "word" and tokens[0].text in LEGAL_FORMS:
        lead.append(LEGAL_FORMS[tokens[0].text])
        tokens = tokens[1:]
    tail: list[str] = []
    while tokens and tokens[-1].kind == "word" and tokens[-1].text in LEGAL_FORMS:
        tail.insert(0, LEGAL_FORMS[tokens[-1].text])
        tokens = tokens[:-1]
    if not tokens:
        if lead or tail:  # a legal form alone, as in «Банк ВТБ (ПАО)»: "(PJSC)"
            return " ".join([*lead, *tail])
        raise _NotUnderstood
    if len(tokens) == 1 and tokens[0].kind == "quote":
        body = f'"{english_rendering(tokens[0].text)}"'
    elif all(t.kind == "word" for t in tokens) and not _has_type_word(tokens):
        if not lead and not tail:
            raise _NotUnderstood
        body = _plain(" ".join(t.text for t in tokens))
    else:
        body = _render_words(tokens)
    return " ".join([*lead, body, *tail])


def _has_type_word(tokens: list[_Token]) -> bool:
    return any(
        t.kind == "word"
        and (t.text.upper() in _ABBREVIATIONS or _analyse(t.text).lemma in _TYPE_NOUNS_F)
        for t in tokens
    )
