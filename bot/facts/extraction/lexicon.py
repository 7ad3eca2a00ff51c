"""Word lists the rules rely on: organisation head words, the university's own names, cues."""

from __future__ import annotations

import re

# Russian head-word lemmas that make a noun phrase an organisation name, with the kind they imply.
RU_HEADS: dict[str, str] = {
    "университет": "university",
    "госуниверситет": "university",
    "вуз": "university",
    "колледж": "university",
    "институт": "research",
    "академия": "research",
    "центр": "research",
    "нии": "research",
    "обсерватория": "research",
    "лаборатория": "research",
    "нпо": "research",
    "компания": "company",
    "корпорация": "company",
    "госкорпорация": "company",
    "концерн": "company",
    "холдинг": "company",
    "завод": "company",
    "комбинат": "company",
    "фабрика": "company",
    "метрополитен": "company",
    "банк": "company",
    "предприятие": "company",
    "объединение": "company",
    "верфь": "company",
    "электростанция": "company",  # "Кольская атомная электростанция"
    "бюро": "company",  # "Опытное конструкторское бюро «Новатор»"
    "министерство": "government",
    "минобрнауки": "government",
    "правительство": "government",
    "посольство": "government",
    "генконсульство": "government",
    "консульство": "government",
    "администрация": "government",
    "комитет": "government",
    "агентство": "government",
    "мэрия": "government",
    "департамент": "government",
    "служба": "government",
    "казначейство": "government",
    "инспекция": "government",
    "коллегия": "government",  # «Морская коллегия Российской Федерации»
    "комиссия": "government",  # «Комиссия Российской Федерации по делам ЮНЕСКО»
    "фонд": "other",
    "ассоциация": "other",
    "союз": "other",
    "консорциум": "other",
    "организация": "other",
    "сеть": "other",
    "общество": "other",
    "клуб": "other",
    "палата": "other",  # "Торгово-промышленная палата …"
    "кластер": "other",
    "зона": "other",  # «Особая экономическая зона «Алабуга»»
    "группа": "company",
    "секретариат": "government",
    "филиал": "research",
    "отделение": "research",
}
EN_HEADS: dict[str, str] = {
    "university": "university",
    "college": "university",
    "polytechnic": "university",
    "institute": "research",
    "academy": "research",
    "centre": "research",
    "center": "research",
    "laboratory": "research",
    "observatory": "research",
    "corporation": "company",
    "company": "company",
    "group": "company",
    "bank": "company",
    "plant": "company",
    "holding": "company",
    "concern": "company",
    "industries": "company",
    "services": "company",
    "ministry": "government",
    "government": "government",
    "embassy": "government",
    "consulate": "government",
    "administration": "government",
    "committee": "government",
    "agency": "government",
    "department": "government",
    "council": "government",
    "foundation": "other",
    "association": "other",
    "union": "other",
    "consortium": "other",
    "forum": "other",
    "network": "other",
    "organization": "other",
    "organisation": "other",
    "society": "other",
    # Schools the university signs with ("Physics and Mathematics Lyceum 239"); a bare
    # "School" heads the university's own units ("Higher School of ..."), so only with a number.
    "lyceum": "other",
    "gymnasium": "other",
    # The word for "university" in the languages partner names keep untranslated.
    "universitas": "university",
    "universiti": "university",
    "universidad": "university",
    "universidade": "university",
    "université": "university",
    "universite": "university",
    "universität": "university",
    "universitat": "university",
    "università": "university",
    "universiteit": "university",
    "uniwersytet": "university",
    "politecnico": "university",
    # ... and their feminine forms ("Universitat Politècnica de Catalunya", "Politecnica de X").
    "politecnica": "university",
    "politécnica": "university",
    "politècnica": "university",
    "politehnica": "university",
    "polytechnique": "university",
    "hochschule": "university",
    # ... and for a foundation ("Robert Bosch Stiftung", "Fondation Maison des Sciences").
    "stiftung": "other",
    "fondation": "other",
    "fundación": "other",
    "fundacion": "other",
    "fondazione": "other",
    "fundação": "other",
    # A state's mission abroad: "Trade Representation of the Russian Federation in Germany".
    "representation": "government",
    # Other kinds of body the Russian heads name («фабрика», «верфь», «предприятие», «бюро»,
    # «фонд», «палата», «кластер»), as English news about Russian partners writes them. (Not
    # "works": a verb in Title Case headlines.)
    "factory": "company",
    "shipyard": "company",
    "shipyards": "company",
    "enterprise": "company",
    "bureau": "company",
    "railway": "company",
    "railways": "company",
    "metro": "company",
    "fund": "other",
    "chamber": "other",
    "cluster": "other",
    "technopark": "other",
    "zone": "other",  # 'Special Economic Zone "Dubna"'
    "museum": "other",
}
# Heads of parts of an organisation: a school of a partner university is not a partner itself.
UNIT_HEADS = frozenset(
    [
        "школа",
        "факультет",
        "кафедра",
        "лаборатория",
        "управление",
        "отдел",
        "дирекция",
        "офис",
        "представительство",
        "библиотека",
        "музей",
        "совет",
        "служба",
        "центр",
        "институт",
        "колледж",
        "департамент",
        "school",
        "faculty",
        "department",
        "laboratory",
        "office",
        "library",
        "museum",
        "council",
        "centre",
        "center",
        "institute",
        "college",
    ]
)
# A polytechnic institute is a higher-education institution (the university's own historical
# name, ЛПИ / LPI, is one), never a unit: its "институт" / "institute" is no unit head.
POLYTECHNIC_INSTITUTE = re.compile(
    r"политехническ\w*\s+институт|polytechnic(?:al)?\s+institute", re.IGNORECASE
)
# A Russian name opening with the level of the state ("Федеральная служба по ...",
# "Центральный научно-исследовательский институт ...", "Всероссийский ... центр") is a state
# body or a state institute, never a unit of the university, though nothing else in it is proper.
STATE_LEVEL_RU = re.compile(
    r"(?:федеральн|центральн|всероссийск|общероссийск|государственн|межгосударственн)\w*\s",
    re.IGNORECASE,
)
# Lower-case heads that name a new or internal structure ("центр «...»"), never a partner.
LOWER_UNIT_HEADS = frozenset(
    [
        "школа",
        "факультет",
        "кафедра",
        "лаборатория",
        "управление",
        "отдел",
        "дирекция",
        "офис",
        "центр",
    ]
)
PARENT_KINDS = frozenset({"university", "company"})

# The university itself, under its many names (lower case, ё folded).
# The university's own short names as one word, in either script ("Политех", "СПбПУ",
# "SPbPU", a possessive or a mark after it allowed): never part of another organisation's name.
OWN_SHORT_WORD = re.compile(
    r"(?:Политех(?:а|е|у|ом|нич\w*)?(?!\w)|"  # its case forms, not «Политехникум»
    r"СПбПУ|СПбГПУ|СПбГТУ|ЛПИ|SPbPU|SPbSPU|SPbSTU|SPBPU|SPBPA|Polytech)\W*"
)
OWN_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"петра великого",
        r"petersburg\W+(?:state\W+)?polytechnic",
        r"петербургский политехнический",
        r"^(?:санкт-)?петербургск\w+ политех\w*$",
        r"petra velikogo",
        r"peter the great",
        r"\bспб(?:г?п|ст)у\b",
        r"\bspb(?:s?pu|stu|pu)\b",
        # (Not an academy's institute: "LPI RAS", «ЛПИ РАН» is the Lebedev Physical Institute.)
        r"\bлпи\b(?!\W*(?:ран|ras)\b)",
        r"\blpi\b(?!\W*(?:ран|ras)\b)",
        r"^(?:санкт-|ленинградский |национальный исследовательский )?(?:петербургский )?"
        r"(?:государственный )?политехническ\w* (?:университет|институт)\w*$",
        r"^(?:the )?(?:national research )?(?:st\.? ?|saint[ -])?(?:petersburg )?(?:state )?"
        r"polytechnic(?:al)? (?:university|institute)\w?$",
        # The short name in its case forms, not another school's («Политехникум», "Polytechnique").
        r"^политех(?:а|е|у|ом|нич\w*)?$",
        r"^polytech(?:nic(?:al)?)?(?:'s)?$",
        r"^(?:наш|our) ",
        r"^ленинградский политехнический",
        # Historical names: the Leningrad Polytechnic Institute named after M. I. Kalinin.
        r"kalinin polytechnic",
        r"^leningrad polytechnic",
        r"политехническ\w* институт\w* (?:им\.|имени) (?:м\. ?и\. )?калинина",
        # Its own units under its short name: "Polytechnic University International Office".
        r"^(?:the )?polytechnic university\W+(?:\w+\s+)?(?:office|school|cent(?:er|re)|"
        r"department|lab\w*)\b",
        r"технополис",
        r"technopolis",
        r"^пиш$",
    )
]

# A unit named with the university in its genitive tail.
OWN_TAIL = re.compile(r"\s(?:СПбПУ|СПбГПУ|Политеха|SPbPU|SPbSTU)$")
# A joint structure the article announces ("совместный институт", "Joint ... Centre").
JOINT = re.compile(r"^(?:the\s+)?(?:совместн\w*|joint)\s", re.IGNORECASE)

# Media, events and other names that are never partners.
NOT_ORG = re.compile(
    r"(?:интерфакс|interfax|тасс|\btass\b|риа\b|ria novosti|sputnik|спутник|rbth|телеканал|"
    r"газета|журнал|радио|\bтв\b|пмэф|spief|иннопром|innoprom|экспофорум|expoforum|"
    r"^(?:еаэс|снг|шос|брикс|оон|ес|eaeu|cis|sco|un|brics|eu|рф|ссср)$|raex|wechat|telegram|"
    r"вконтакте|\bvk\b|youtube|rutube|топ-?\d|top-?\d|\bqs\b|times higher|рейтинг|ranking|"
    r"конференци|conference|выставк|exhibition|фестивал|"
    r"festival|олимпиад|olympiad|марафон|marathon|чемпионат|championship|конкурс|competition|"
    r"саммит|summit|конгресс|congress|форум\b|^forum\b|неделя|week|кремл|kremlin|прессц|пресс-центр|"
    r"пресс-служб|press service|премия|prize|award|brics\b(?! business)|"
    # A legal form or a plant site alone is no name: "ОАО" of "ОАО «РЖД»", "АЭС «...»".
    r"^(?:оао|ао|пао|ооо|зао|фгуп|фгбу|ано|jsc|pjsc|llc|ojsc|cjsc|ltd|inc|gmbh|аэс|гэс|тэц|грэс|"
    # A document's abbreviation: "MoU", "MoA".
    r"mou|moa|"
    # A type abbreviation alone: "АК" of "АК «АЛРОСА»", "ЦНИИ" of "ЦНИИ КМ «Прометей»".
    r"ак|нтк|цнии|нии|ниц|нпо|нпп|окб|кб|гк|фгбоу|фгаоу)$|"
    # A lone adjective in the genitive is a torn name ("Научно-технологического").
    r"^[А-ЯЁ][а-яё-]+(?:ого|его)$)",
    re.IGNORECASE,
)

# A quoted name right after these words is a programme, school, event or medium, not a partner.
QUOTED_NOT_PARTNER = re.compile(
    r"(?:пиш|школ\w*|центр\w*|лаборатори\w*|программ\w*|проект\w*|форум\w*|конференц\w*|"
    r"выставк\w*|фестивал\w*|конкурс\w*|телеканал\w*|журнал\w*|газет\w*|спбпу|политех\w*|"
    r"технополис\w*|кластер\w*|направлени\w*|секци\w*|тем[аеуы]\w*)\s*[«\"“„]?\s*$"
)

# A place taken in a ranking, a championship or a contest («занял восьмое место», «первые
# места заняли МФТИ и …»): who took it competed, it did not cooperate (the Russian phrase is in
# no partnership article outside c3).
PLACE_TAKEN = (
    r"мест[аоу]?\s+(?:[\w-]+\s+)?занял\w*|занял\w*\s+(?:[\w-]+\s+){0,2}мест[оаеу]?\b|"
    r"took (?:the )?(?:first|second|third|top|\d+\w*) places?\b"
)
# A place an excursion goes to: a museum or a plant students tour is no partner for that.
EXCURSION_TO = (
    r"(?:экскурси\w*|excursion\w*|sightseeing tours?)\s+(?:в|во|по|на|to|of|around)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?[«\"]?"
)
# What an outside body does for the university's students and staff without a signing (both
# a sentence cue for a name and an article cue): targeted training or intake, equipment or
# money given to the university, a named scholarship it founds, its own staff trained there.
INDUSTRY_ACTS_RU = (
    r"целев\w+ (?:обучени|подготовк|набор|групп)|"
    r"передал\w*\s+(?:[\w-]+\s+){0,2}(?:университету|вузу|политеху|спбпу|кафедре|институту|"
    # ... or a name right after the verb, blanked where a sentence is read for a name's cues
    # («ООО «X» передало Политеху …»).
    r"школе|лаборатори|\s{3,}\S)|оснасти\w*|(?<![\w-])(?:про)?финансиру\w*|профинансир\w*|"
    r"выдел\w+ (?:[\w-]+ )?средств|оплат(?:ит|ил|ят|ила|или)\b|"
    # (A named scholarship is the body's for the university only when it is for the university's
    # students: not a city's scholarships handed to the best students of all its universities.)
    r"учредил\w*\s+(?:[\w-]+\s+){0,2}стипенди|именн\w+ стипенди\w*\s+(?:[\w-]+\s+){0,3}?"
    r"(?:для|студентам|студентов)\s+(?:[\w-]+\s+){0,3}?(?:политех|спбпу|университет)|"
    r"(?:обучени|подготовк|переподготовк|курс)\w* (?:[\w-]+ ){0,3}(?:для )?сотрудник"
)
# Cooperation cues: a sentence with one of these shows an organisation cooperating.
COOP_RU = re.compile(
    r"(?:сотрудни|партн[её]р|соглашени|меморандум|договор|контракт|подписа|делегац|визит|"
    r"посети|посетил|побывал|встреч|переговор|совместн|взаимодейств|кооперац|соучредит|"
    r"консорциум|двойн\w* диплом|стратегическ|обсуди|принял\w* (?:делегац|гост)|"
    # Work done together said without «совместный»: «вместе с коллегами из …», «будут вместе
    # развивать», «объединили усилия», a network programme run by both, joining the
    # university's programme or consortium (not «вместе с тем», "however").
    r"вместе со? (?!тем\b)|будут вместе|вместе (?:разработа|развива|работа|готов|провод|созда)|"
    r"объедини\w* усили|сетев\w+ (?:[\w-]+ ){0,2}программ|"
    r"присоедини\w+ к (?:[\w-]+ ){0,2}(?:программ|проект|консорциум|сет|инициатив)|"
    r"к (?:[\w-]+ ){0,2}(?:программ|проект|консорциум|сет|инициатив)\w* (?:[\w-]+ ){0,2}присоедини|"
    r"гост(?:ей|и|ь|ям)\b|при поддержке|работа\w* с |связ[иья]|создани|созда[юд]т|"
    r"откры\w+ (?:совместн|центр|лаборатор)|"
    r"дорожн\w+ карт|сеть|ассоциаци|вуз\w*-партн|программ\w+ обмен|координатор|"
    r"курир\w+|куратор|наставни|"
    # Work an outside body commissions: «по заказу», «по заданию ПАО «X»», «в интересах»,
    # «комитет поручил …», the body's programme the university operates. Not «исполнитель»
    # (a project team's members are its executors) nor a lecturer's assignment.
    r"по (?:е[её] |его |их )?заказу|по (?:техническ\w+ )?задани\w* (?!преподават)|по запросу|"
    r"поручил|в интересах|заказал[аио]?\b|"
    # ... and a right or a licence the university grants a body («передал ООО «X» право
    # использовать технологию», «предоставил компании лицензию»).
    r"(?:передал|предоставил)\w*\s+(?:[\w«»\"“”-]+\s+){0,4}?(?:прав[оа]\s+(?:на\s+)?использ|"
    r"лицензи)|"
    r"заказчик|оператор\w* программ|по заявке|"
    # An outside body's part in training and research without a document: targeted training, a
    # base chair, internships and practice at it (the name itself is masked: «практику на _»),
    # equipment or money it gives, scholarships it founds, its staff trained by the university
    # and lectures or courses given.
    + INDUSTRY_ACTS_RU
    + r"|базов\w+ кафедр|стажировк|практик\w* (?:на|в)\s|повышени\w* квалификаци|"
    # (From a word's start: «считают этот курс …» gives no lecture.)
    r"(?<!\w)(?:прочита|чита|провел|провёл|провед|провод|ведут)\w*\s+(?:[\w-]+\s+){0,3}(?:лекци|курс|"
    r"мастер-класс|заняти))",
    re.IGNORECASE,
)
# The same acts in English: targeted training, equipment or money a company gives, a lab it
# opens at the university, scholarships it founds, R&D it orders. (Not internships: English
# news use the word for students' exchange stays as often, and retraining on it cost a fold.)
# Words are read whole from their start (possessive): a 40,000-letter run of "provided…" was
# tried from every "provid" in it, quadratic.
# An order the university receives or a contract it works under: "received an order from X for
# research", "under a contract with X", "Russian Railways Orders Research from SPbPU" (a Title
# Case headline's verb).
ORDERS_EN = (
    r"\b(?:received|won|got|fulfil\w*+|execut\w*+|carr\w++ out|perform\w*+)\s+"
    r"(?:an?|the|its|a new)\s+(?:[\w-]++\s+){0,2}?orders?\s+from\b|"
    r"\b(?:R&D|research) contracts?\b|\bunder (?:a|the|an) (?:[\w-]++ ){0,2}?contract with\b|"
    r"\bOrders? (?:[A-Z][\w-]*+ |on |of |and |for ){0,6}?from "
    r"(?:SPbPU|the Polytechnic|Polytech\w*+)"
)
INDUSTRY_ACTS_EN = (
    r"target(?:ed)? training|base department|"
    r"\b(?:donat|handed over|presented|provid|suppl|gave|gift)\w*+\s+(?:[\w-]++\s+){0,4}?"
    r"(?:equipment|machines?|software|licen[cs]es?|stands?|laborator|to (?:SPbPU|the university|"
    r"the Polytechnic))|"
    r"fund(?:s|ed|ing)? (?:the |a |an )?(?:[\w-]++ ){0,2}(?:laborator|lab\b|centre|center|"
    r"research|project|scholarship)|"
    r"opened (?:a |an |the |its )?(?:[\w-]++ ){0,3}(?:laborator|lab\b|centre|center|classroom)|"
    r"(?:established|founded|set up) (?:a |an |the )?(?:[\w-]++ ){0,2}scholarship|"
    r"(?:R&D|research) (?:[\w-]++ ){0,2}(?:ordered|commissioned)|"
    # ... and the people a body commissions ("X commissioned researchers from SPbPU's institute").
    r"\bcommissioned (?:[\w-]++ ){0,2}?(?:researchers|scientists|engineers|specialists|experts|"
    r"teams?) (?:from|of|at)\b|"
    # ... and work done with a body's people, as «вместе с коллегами из …» ("together with
    # engineers of X", "jointly with X").
    r"\b(?:together|jointly) with (?:the )?(?:[\w-]++ ){0,2}?(?:engineers|researchers|"
    r"scientists|specialists|colleagues|experts|staff) (?:of|from|at)\b|\bjointly with\b|"
    r"on (?:its|their) (?:order|request)|" + ORDERS_EN
)
COOP_EN = re.compile(
    r"(?:"
    + INDUSTRY_ACTS_EN
    + r"|cooperat|collaborat|partner|agreement|memorand|\bmou\b|contract|signed|delegation|"
    r"\binked\b|signatures|letters? of intent|"
    r"visit|met with|meeting|(?<!plenary )(?<!keynote )(?<!invited )talks|negotiat|joint|"
    r"co-?found|consortium|double degree|"
    r"strategic|discuss|works? with|working with|hosted (?:a |the )?(?:\w+ )?delegation|"
    r"co-?organi[sz]|roadmap|guests?\b|"
    r"road map|exchange|network|commissioned (?:by|(?:SPbPU|the Polytechnic|the university)\b)|"
    r"ordered (?:SPbPU|the Polytechnic|the university)\b)",
    re.IGNORECASE,
)
# Context-only cues: a mention in such a sentence alone does not make a partner.
CONTEXT_ONLY = re.compile(
    r"(?:поручени|по инициативе президент|премьер-министр|рейтинг|академик\w*\s*$|"
    r"academician of (?:the )?$|член-корр\w*\s*$|"
    r"организатор\w*\s*(?:[—–:-]|выступил\w*|явля\w+)\s*$|organi[sz]ed by (?:the )?$|"
    r"organi[sz]er (?:is |was )?(?:the )?$|"
    r"ranking|закончил|окончил|graduated|прош[её]л в|состоял\w* в|held (?:at|in) (?:the )?$|"
    r"организован\w* (?:российским|министерств)|организатор\w* (?:мероприятия )?выступил|"
    # Funders of a grant won alone, parents of a partner, attendees, venues of a signing.
    r"грант\w*\s*$|grants? (?:of|from) (?:the )?$|вход\w* в (?:состав )?$|входящ\w+ в (?:состав )?|"
    r"(?:is|are) part of (?:the )?$|subsidiar\w* of (?:the )?$|присутствовал\w*|attended by|"
    r"на полях\s*$|в рамках\s*$|on the sidelines of (?:the )?$|"
    r"(?:signed|held) (?:at|during) (?:the )?$|"
    # Frameworks and acts: "within the framework of the Network University", "в соответствии
    # с постановлением Правительства", the body whose council met, grants "including those of".
    r"within the framework of (?:the )?$|\bduring (?:the )?$|"
    r"(?:built|constructed|designed) by (?:the )?$|подписа\w*(?: [\w-]+){0,4} во? $|"
    r"signed (?:[\w-]+ ){0,4}at (?:the )?$|построенн\w* (?:компанией |госкорпорацией )?$|"
    r"вход\w* в (?:госкорпораци|холдинг|концерн|корпораци|групп)\w*\s*$|"
    r"licen[cs]e\w* (?:from|of|issued by) (?:the )?$|лицензи\w* (?:от )?$|"
    r"в соответствии с (?:постановлени\w* |указ\w* )?$|"
    r"постановлени\w*\s*$|including those of (?:the )?$|"
    r"(?:заседани|совещани)\w*\s+(?:[\w-]+\s+){0,2}(?:совет|комитет|правлени|коллеги)\w*\s*$|"
    r"meeting of the (?:[\w-]+ ){0,3}(?:council|board) of (?:the )?$|"
    # Onlookers: a body whose people were present at a signing («подписано в присутствии
    # представителей Минздрава»), the media that filmed or aired it («корреспонденты «Первого
    # канала»», «в эфире телеканала»), employers of the attendees («Среди участников школы —
    # сотрудники «X», «Y»»); and the body whose creation a document is about («о создании
    # консорциума «X»»): the product of the cooperation, not a party to it.
    r"в присутствии\s+(?:[\w-]+\s+){0,3}[«\"“]?$|"
    r"(?:корреспондент|журналист|съ[её]мочн\w+\s+групп|телеведущ)\w*\s+(?:[\w-]+\s+)?[«\"“]?$|"
    r"в эфире\s+(?:телеканала\s+|радиостанции\s+)?[«\"“]?$|"
    r"среди (?:участник|гост|слушател|приглаш[её]нн)\w*\s+(?:школ|конференци|форум|семинар|"
    r"мероприяти|встреч|курс|сесси|олимпиад|конкурс|выставк)\w*\b[^.;]*$|"
    r"\bо(?:б)?\s+(?:создании|учреждении)\s+$|"
    # The organiser of an event in a relative clause («конкурс …, который организует АНО «X»»,
    # «конференции, которую организовал Фонд «Y»»), and a partner's signatory post («в лице
    # директора филиала «Z»»).
    r"котор\w+\s+(?:[\w-]+\s+)?(?:организу|организовал|провод|провёл|провел)\w*\s+"
    r"(?:(?:ПАО|НАО|ОАО|ЗАО|АО|ООО|АНО)\s+)?[«\"“]?$|"
    r"в лице\s+(?:[\w-]+\s+){0,3}[«\"“]?$|"
    + EXCURSION_TO
    + "$|"
    # Places taken in a ranking or a contest («первые места заняли МФТИ и …»).
    + PLACE_TAKEN
    + ")",
    re.IGNORECASE,
)
# A sentence that lists what the previous one spoke of: "Среди них X", "Among them X".
LIST_CONTINUES = re.compile(
    r"\s*(?:среди них|в их числе|в том числе|это|among them|these (?:are|include)|they are|"
    r"including)\b",
    re.IGNORECASE,
)
# Organisers and sponsors of an event: "организованный X и Y", "при поддержке Z",
# "organized by X", "with the support of Y"; they count only if cooperation is shown elsewhere.
ORGANISER = re.compile(
    r"(?:организован\w*|организатор\w*(?: \w+)?|при поддержке|поддержанн\w*|при участии|под эгидой|"
    # Sponsors and the "general" or "media" partners of an event («Генеральным спонсором форума
    # выступила компания X», «информационным партнёром конференции — журнал Y»).
    r"спонсор\w*|(?:генеральн|информационн|официальн|титульн)\w+\s+партн[её]р\w*\s+"
    r"(?:форум|конференци|мероприяти|олимпиад|конкурс|хакатон|выставк|фестивал|школ|съезд)\w*|"
    r"(?:general|media|title|official)\s+partners?\s+of\s+the\s+(?:[\w-]+\s+){0,2}"
    r"(?:forum|conference|event|olympiad|contest|hackathon|exhibition|festival|school)|"
    r"organi[sz]ed by|organi[sz]ers?(?: \w+)?|with the support of|supported by|"
    r"under the auspices of|funded by|financed by|sponsored by)"
    r"(?:\s[^.;,]*?)?(?:,\s*(?:в том числе|включая|including)\s[^.;,]*?)?\s*$",
    re.IGNORECASE,
)

# The body whose meeting, session or congress it was, right before its name in the genitive
# («во время заседания Российского союза ректоров», «на съезде Союза машиностроителей», "at the
# session of the X Council"): the occasion's owner, as a forum's organiser is, not a party to
# what was signed there.
OCCASION_OWNER = re.compile(
    r"(?:заседани|совещани|сесси|съезд|пленум|конгресс|собрани|ассамбле)\w*\s+"
    # (Not a quote right after the noun: «стратегическая сессия «X»» is the occasion's own name.)
    # (Nor a joint or working group's: «заседание рабочей группы X и Политеха» is cooperation.)
    r"(?:(?!между\b|совместн|рабоч|двусторон|смешанн)[а-яё-]{4,}\s+){0,2}$|"
    r"\b(?:meeting|session|congress|assembly|convention|plenum)s?\s+of\s+(?:the\s+)?$|"
    # ... or of its council or board («заседание совета директоров X», "a meeting of the
    # Governing Board of the X").
    r"(?:заседани|совещани)\w*\s+(?:[\w-]+\s+){0,2}(?:совет|комитет|правлени|коллеги)\w*\s*$|"
    r"\bmeeting\s+of\s+the\s+(?:[\w-]+\s+){0,3}(?:council|board|committee)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The sponsor or the "general" or media partner of an event («Генеральным спонсором форума
# выступила компания X», "The conference was sponsored by X").
SPONSOR_BEFORE = re.compile(
    r"(?:спонсор\w*|(?:генеральн|информационн|официальн|титульн)\w+\s+партн[её]р\w*\s+"
    r"(?:форум|конференци|мероприяти|олимпиад|конкурс|хакатон|выставк|фестивал|школ|съезд)\w*|"
    r"партн[её]р\w*\s+(?:форум|конференци|симпозиум|съезд|конгресс|выставк|фестивал)\w*|"
    r"sponsored\s+by|sponsors?\b|(?:general|media|title|official)\s+partners?\s+of\s+the\s+|"
    r"partners?\s+of\s+the\s+(?:[\w-]+\s+){0,2}(?:forum|conference|symposium|congress|"
    r"exhibition|festival)\b)"
    # (Not over a signing or cooperation: «Спонсор форума компания X и Политех подписали …».)
    r"(?:(?!подпис|соглаш|сотруднич|совместн|signed|agreement|cooperat|joint)[^.;,]){0,60}$",
    re.IGNORECASE,
)
# A government named as the parent inside another body's full name («Комитет по науке и высшей
# школе Правительства Санкт-Петербурга», «Совет по … при Правительстве Российской Федерации»,
# "the Committee for Science … of the Government of St. Petersburg"): the body is named, not the
# government.
PARENT_BODY_BEFORE = re.compile(
    r"(?:совет|комитет|комисси|агентств|служб|департамент|управлени|council|committee|"
    r"commission|agency|department)\w*\s+(?:[^.;:!?«»]{0,80}?\s)?(?:при\s+|"
    # (Not people's "of": "the Department of SPbPU and representatives of the Government of X"
    # names the government's people, a party, not a parent.)
    r"(?<!representatives\s)(?<!officials\s)(?<!delegation\s)(?<!delegates\s)(?<!members\s)"
    r"(?<!heads\s)(?<!head\s)(?<!experts\s)(?<!staff\s)(?<!team\s)"
    r"of\s+(?:the\s+)?|under\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
GOVERNMENT_HEAD = re.compile(
    r"(?:Правительств|Президент|Администраци|Мэри|Government|President|Administration)\w*\b"
)
# Speakers at an event: «С пленарными докладами выступили профессора X», "Plenary talks were
# given by professors from X", "featured talks from X". The bodies named after the act are the
# speakers' employers, no partners, unless the sentence cooperates, signs or names a joint work.
SPEECH_ACT = re.compile(
    r"(?:\bс\s+(?:[\w-]+\s+){0,2}?(?:доклад|лекци|речь|приветств|презентаци|сообщени)\w*\s+"
    r"(?:[\w-]+\s+){0,2}?выступил|"
    r"выступил\w*\s+(?:[\w-]+\s+){0,5}?с\s+(?:[\w-]+\s+)?(?:доклад|лекци|речью|приветств|"
    r"презентаци|сообщени)|"
    r"пленарн\w+\s+(?:заседани|сесси)\w*\s+(?:[\w-]+\s+){0,2}?выступил|"
    r"прочитал\w*\s+(?:[\w-]+\s+){0,2}?лекци|лекци\w*\s+(?:[\w-]+\s+){0,3}?прочитал|"
    r"спикер\w*|модератор\w*|докладчик\w*|"
    # Panellists: «В дискуссии приняли участие руководители X», "took part in the panel".
    r"\bв\s+(?:[\w-]+\s+){0,2}?(?:дискусси|обсуждени|дебат|круглом\s+столе|панельн\w+\s+сесси)\w*\s+"
    r"(?:[\w-]+\s+){0,2}?(?:принял\w*\s+участие|участвовал)|"
    r"(?:took\s+part|participated)\s+in\s+the\s+(?:[\w-]+\s+)?(?:panel|discussion|round\s+table)|"
    r"\b(?:talks?|speeches|lectures?|presentations?|addresses|reports?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:by|from)\b|\bspeakers?\b|\bfeatured\b|\bgave\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks?|lectures?|speeches|presentations?))",
    re.IGNORECASE,
)
# ... at an event of its own (not a lecture in the university's course: «Специалисты компании X
# прочитали студентам курс лекций» is the company teaching with the university).
SPEECH_EVENT = re.compile(
    r"(?:пленарн|конференци|форум|конгресс|симпозиум|съезд|круглый стол|круглом столе|дискусси|"
    r"plenary|keynote|conference|forum|congress|symposium|summit|panel|round table)",
    re.IGNORECASE,
)
SPEECH_STRONG = re.compile(
    r"(?:подпис|соглашени|меморандум|договор|сотруднич|партн[её]р|совместн|signed|signing|"
    r"agreement|memorand|contract|cooperat|partner|joint)",
    re.IGNORECASE,
)
# The customer of a tender or a market the university and its partner enter together
# («участвовать в конкурсах на выполнение работ для Роскосмоса», "bid in tenders for Russian
# Railways"): the body the work is finally for, not the partner of the text.
CUSTOMER_BEFORE = re.compile(
    # (What is tendered for comes after «на»/«по»: «конкурсах на выполнение работ для X»; not «по
    # итогам конкурса Политех выполнит работы для X», work the university does for X.)
    r"(?:(?:конкурс|тендер|закупк|торг|аукцион|госзаказ)\w*(?:\s+(?:на|по)\s+[^.;:!?]{0,50}?)?\s+для|"
    r"(?:tenders?|bids?|bidding|procurements?|competitions?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:for|of|held\s+by|run\s+by))\s+"
    r"(?:(?:[\w-]+\s+){0,2}(?:предприяти|организаци|нужд|компани|госкорпораци)\w*\s+)?"
    r"(?:the\s+)?(?:[^.;]{0,40}\s(?:и|and)\s+(?:the\s+)?)?[«\"“]?$",
    re.IGNORECASE,
)
CUSTOMER_AFTER = re.compile(
    r"[»\"”]?\s+(?:и|and)\s+(?:other|других|иных)\s+(?:[\w-]+\s+)?"
    r"(?:customers|clients|заказчик\w*|клиент\w*)",
    re.IGNORECASE,
)
# A person appointed to a post at a body («выпускник назначен главным инженером завода X»,
# "appointed CEO of X", «возглавил «X»»): the body is the person's employer, no partner.
APPOINTED = re.compile(
    r"(?:(?:назнач\w+|возглавил\w*|избран\w*|стал[аи]?|appointed|becomes|became|named|elected)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:директор|инженер|руководител|начальник|конструктор|президент|"
    r"председател|главой|глава|CEO|director|engineer|head|president|chairman|manager)\w*"
    # (Not a post in a joint unit or project of the university and the body: «руководителем
    # совместного проекта университета и АО «X»», "head of the joint laboratory of SPbPU and X".)
    r"(?:\s+(?:of|at))?\s+(?:the\s+)?(?:(?!(?:и|and)\s|совместн|joint|между\s|between\s)"
    r"[A-ZА-ЯЁ][\w-]*\s+(?:of\s+(?:the\s+)?)?){0,4}?|"
    # (Only «возглавил» takes the body right after it: "SPbPU named X its partner" is no post.)
    r"возглавил\w*\s+)"
    r"(?:(?:ПАО|НАО|ОАО|ЗАО|АО|ООО)\s+)?[«\"“]?$",
    re.IGNORECASE,
)
# ... and the post told before the name, the appointment after it («Новым генеральным директором
# АО «X» назначен выпускник …»).
POST_BEFORE = re.compile(
    r"(?:директор|инженер|руководител|начальник|конструктор|президент|председател)\w*\s+"
    r"(?:[\w-]+\s+)?(?:(?:ПАО|НАО|ОАО|ЗАО|АО|ООО)\s+)?[«\"“]?$",
    re.IGNORECASE,
)
APPOINTED_AFTER = re.compile(
    r"[»\"”]?\s+(?:[\w-]+\s+){0,2}?(?:назначен|избран|стал)\w*\b", re.IGNORECASE
)

# The name called the university's partner right after it, or a joint body the sides created
# («компания «X» — индустриальный партнёр Политеха», «центра АО «X», созданного вместе с
# университетом», "X, SPbPU's industrial partner", "X, a partner of the university"): whatever
# role the sentence gives it at an occasion (a sponsor, an employer), it works with the
# university.
OWN_PARTNER_AFTER = re.compile(
    r"[»\"”]?\s*(?:\([^()]{1,60}\)\s*)?(?:,|\s[—–-])\s*(?:"
    # (Not «партнёр Университета ИТМО»: another university's partner.)
    r"(?:[\w-]+\s+){0,2}?партн[её]р\w*\s+(?:Политех\w*|СПбПУ|университет\w*(?!\w)(?!\s+(?-i:[«\"A-ZА-ЯЁ]))|"
    r"вуза)|"
    r"(?:созданн|открыт|организованн|учрежд[её]нн|основанн)\w*\s+(?:[\w-]+\s+)?(?:вместе|совместно)\s+"
    r"с\s+(?:Политех\w*|СПбПУ|университет\w*|вузом)|"
    r"(?:SPbPU|Polytech\w*|the\s+university)(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?partner|"
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?partner\s+of\s+(?:the\s+)?(?:SPbPU|Polytech\w*|university)|"
    r"(?:created|set\s+up|founded|opened|established)\s+(?:together|jointly)\s+with\s+"
    r"(?:the\s+)?(?:SPbPU|Polytech\w*|university))",
    re.IGNORECASE,
)

# A cooperation said in a relative clause after the name: «АО «Х», совместно с которым
# Политех разработал …», «фонд, под эгидой которого проходит конкурс», "X, with which SPbPU has
# run …", "X, under whose auspices …". The name is the university's co-worker, as a cue before it.
RELATIVE_COOP = re.compile(
    r"[»\"”]?\s*(?:\([^()]{1,60}\)\s*)?,\s*(?:"
    r"(?:совместно|вместе)\s+с\s+котор\w+|в\s+(?:сотрудничестве|партн[её]рстве)\s+с\s+котор\w+|"
    r"под\s+эгидой\s+котор\w+|по\s+заказу\s+котор\w+|при\s+поддержке\s+котор\w+|"
    r"с\s+котор\w+\s+(?:Политех\w*|СПбПУ|университет\w*|вуз)\s+(?:сотруднича|подписал|заключил|"
    r"реализ|разраб|провод|организ|созда|откры)\w*|"
    r"(?:together|jointly|in cooperation|in partnership)\s+with\s+(?:which|whom)|"
    r"under\s+whose\s+auspices|with\s+(?:which|whom)\s+(?:the\s+)?"
    r"(?:SPbPU|Polytech\w*|university)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:cooperat|signed|run|develop|launch|creat|open|work)\w*)",
    re.IGNORECASE,
)

# Agreements: the document word and the kind it implies.
# Words before a programme of cooperation that is not the one signed: the frame or subject of
# another document, or a programme discussed, presented or still to be written.
_PROGRAMME_NOT_SIGNED = (
    "рамках",
    "реализации",
    "выполнении",
    "исполнении",
    "обсудили",
    "обсуждали",
    "обсудить",
    "обсудят",
    "представили",
    "рассмотрели",
    "разработали",
    "разработать",
    "разработают",
    "подготовили",
    "подготовить",
    "подготовят",
)
DOC_RU: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"меморандум\w*", re.I), "memorandum"),
    (re.compile(r"дорожн\w+ карт\w*", re.I), "roadmap"),
    (re.compile(r"программ\w+ действий", re.I), "roadmap"),
    # A working plan of cooperation is a programme of actions ("рабочий план сотрудничества").
    (re.compile(r"рабоч\w+ план\w*|план\w* (?:совместных )?действий", re.I), "roadmap"),
    (
        re.compile(
            r"(?:договор|контракт)\w*(?= на (?:выполнение|поставку|разработку|проведение))", re.I
        ),
        "contract",
    ),
    (re.compile(r"контракт\w*", re.I), "contract"),
    # A licence to use a development, work to be done or goods to be supplied: contracts.
    (
        re.compile(
            r"(?:суб)?лицензионн\w+ договор\w*|договор\w*(?= (?:подряда|поставки))",
            re.I,
        ),
        "contract",
    ),
    # A programme of cooperation signed is a plan of actions, as a working plan is ("подписали
    # программу научно-технического сотрудничества на 2025-2027 годы"); not the programme
    # another document or an internship serves («в рамках программы сотрудничества»,
    # «соглашение о реализации программы …»), nor one discussed or still to be written beside
    # a signing («подписали соглашение и обсудили программу сотрудничества»).
    (
        re.compile(
            "".join(f"(?<!{w} )" for w in _PROGRAMME_NOT_SIGNED)
            # ... of cooperation, maybe qualified («научно-технического и инновационного»),
            # not a programme of its own before it («программу стажировок в рамках
            # сотрудничества»)
            + r"программ\w+ (?:(?:[\w-]+(?:ого|его)|и) ){0,3}?сотрудничества",
            re.I,
        ),
        "roadmap",
    ),
    # A protocol of intent or a letter of intent: documents of their own kind, as in English;
    # not the minutes of a vote or a competition («протокол о результатах голосования»).
    (
        re.compile(
            r"протокол\w*(?= (?:о|об) (?!(?:результат|итог)\w* (?:голосовани|конкурс|торг|"
            r"аукцион|выбор|заседани|отбор)))|письм\w+ о намерениях",
            re.I,
        ),
        "other",
    ),
    # "договор" and its case forms, not "договорились", "договорённость" (an accord, no paper).
    (re.compile(r"соглашени\w*|договор(?:ы|а|ов|ом|ам|ами|ах|е|у)?\b", re.I), "agreement"),
    (re.compile(r"(?<=под )документ\w*", re.I), "agreement"),
]
DOC_EN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"memorand\w*|\bmou\b|\bmemoranda\b", re.I), "memorandum"),
    (re.compile(r"road ?maps?", re.I), "roadmap"),
    (
        re.compile(r"\b(?:work(?:ing)? (?:plans?|programs?|programmes?)|action plans?)\b", re.I),
        "roadmap",
    ),
    (re.compile(r"contracts?\b", re.I), "contract"),
    # A licence to use a development is a contract, as «лицензионный договор» is.
    (re.compile(r"\b(?:sub)?licen[cs](?:e|ing) agreements?\b", re.I), "contract"),
    # A letter of intent is a document of its own kind; "an agreement of intent" stays one.
    (re.compile(r"\bletters? of intent\b|\bLoIs?\b"), "other"),
    (re.compile(r"agreements?\b|treaty|treaties", re.I), "agreement"),
    (re.compile(r"\bdocuments?(?= on\b)", re.I), "agreement"),
    # "inked a deal with X" (not "a great deal of").
    (re.compile(r"\bdeals?\b(?! of\b)", re.I), "agreement"),
]
SIGNED = re.compile(
    # ... and the adverbial participle: "стал участником консорциума, подписав соглашение".
    r"(?:подписа(?:л|н|ни|ли|на|ны|но|вш|в\b)|заключ(?:ил|ен|ён|ени|или|ено|ены|ена|енн|ив\b)|"
    # ... and the imperfective past: "в 2017 году стороны уже заключали договор".
    r"(?:подписывал|заключал)(?:и|а)?\b|"
    r"подпис\w* под|скрепил|signed|concluded|signing|inked|entered into|"
    # "The parties put their signatures to a memorandum".
    r"(?:put|placed|affixed) (?:their|its|his|her) signatures?|"
    # A headline's present tense reports a signing ("X and Y sign memorandum"), not "to sign".
    r"(?<!\bto )(?<!\bwill )\bsigns?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:agreements?|memorand\w*|mous?|contracts?|road ?maps?|letters? of intent)\b)",
    re.IGNORECASE,
)
# A document concluded by agreeing on it, with no signing verb: "the work plan was agreed
# upon", "agreed to sign an MoU", "agreed on a second agreement", "утвердили дорожную карту".
_DOC_WORD_EN = (
    r"(?:agreements?|memorand\w*|mous?|road ?maps?|work(?:ing)? plans?|contracts?"
    r"|letters? of intent)\b"
)
_DOC_WORD_RU = r"(?:соглашени|меморандум|договор|дорожн\w+ карт|рабоч\w+ план|план\w* действий)\w*"
CONCLUDED = re.compile(
    # ... but not its text or terms, which are still being negotiated.
    r"\bagreed\s+(?:up)?on\s+(?:an?\s+|the\s+)?(?:(?!text\b|terms\b|draft\b)[\w-]+\s+){0,3}?"
    + _DOC_WORD_EN
    + "|"
    r"\bagreed(?:,[^,]{0,60},)?\s+to\s+(?:sign|conclude)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
    + _DOC_WORD_EN
    + "|"
    # A document renewed or extended was signed before: "renewed their agreement on ...".
    r"\b(?:renew(?:ed|s)?|extend(?:ed|s)?|prolong(?:ed|s)?)\s+(?:(?:their|its|the|an?)\s+)?"
    r"(?:[\w-]+\s+){0,3}?"
    + _DOC_WORD_EN
    + "|"
    + _DOC_WORD_EN
    + r"(?:\s+[\w-]+){0,4}\s+(?:was|were|has been|have been)\s+agreed\b|"
    # ... or by approving it, as «утвердили дорожную карту»: "have approved a roadmap", the
    # university or the sides approving (not a ministry's own roadmap for the sector).
    r"(?:SPbPU|SPbSTU|Polytechnic|university|parties|sides|partners)\b[^.!?]{0,60}?"
    r"(?<!not )\b(?:approved|adopted)\s+(?:(?:their|its|the|an?)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:road ?maps?|work(?:ing)? plans?|action plans?)\b|"
    r"(?:согласовал\w*|утвердил\w*|одобрил\w*)\s+(?:[\w-]+\s+){0,2}?" + _DOC_WORD_RU + "|"
    # A document extended was signed before: «продлили соглашение о сотрудничестве»,
    # «продлили срок действия договора», «соглашение … продлено».
    # (not one left unextended: «так и не продлили соглашение», «соглашение не было продлено»)
    r"(?<!не )(?:продлил\w*|пролонгировал\w*)\s+(?:(?:срок\w*|действие)\s+(?:действия\s+)?)?"
    + _DOC_WORD_RU
    + "|"
    + _DOC_WORD_RU
    # (not a deadline or an intake the document serves: «по соглашению срок подачи заявок
    # продлён»)
    + r"(?:\s+(?!срок|при[её]м|подач|заяв|набор|регистрац|конкурс|не\b)[\w-]+){0,4},?\s+"
    r"(?:(?:был[аио]?|были)\s+)?(?:продл[её]н|пролонгирован)\w*|"
    + _DOC_WORD_RU
    + r"(?:\s+[\w-]+){0,4},?\s+(?:(?:был[аио]?|были)\s+)?(?:согласован|утвержд[её]н|одобрен)\w*",
    re.IGNORECASE,
)
PLANNED = re.compile(
    r"(?:(?:станет|станут|будет|будут|должн\w*)\s+(?:\w+\s+)?подписани|планиру|намерен(?!и)|"
    r"будет подписан|будут подписаны|предстоит|собираю|готов\w* подписать|"
    r"проект\w* соглашени|подготовить к подписани|рассчитыва\w+ (?:подписать|заключить)|"
    r"expect\w* to sign|обсудил\w* (?:проект|возможност)|подготовк\w+ (?:к )?подписани|"
    r"to be signed|will sign|will be signed|plan(?:s|ned)? to|intend|prepar\w+ (?:a|the|an) "
    r"(?:draft|agreement)|draft|программ\w* (?:визита|пребывания|встречи|поездки)|"
    r"в программе|ожида\w+|запланирован\w*|станет подписани|итогом\w* (?:\w+ )?станет|"
    r"expected|scheduled|programme of the visit|program of the visit|agenda|"
    # "договорились о подписании соглашения", "соглашение готовится к подписанию": agreed to
    # sign, not signed.
    r"договорил\w* о (?:подписании|заключении)|готов\w* к (?:подписани|заключени)|"
    # "пока не подписано", "has not yet been signed"; the active verb too: «не подписали»,
    # «не заключили», "did not sign", "haven't signed"
    r"(?<!\w)не\s+(?:был[аио]?\s+)?(?:подписа|заключ)|not\s+(?:yet\s+)?(?:been\s+)?signed|"
    r"\b(?:did|do|does|has|have|had)(?:\s+not|n['’]t)\s+(?:yet\s+)?sign|"
    # "обсуждают возможность подписания соглашения": still a possibility
    r"возможност\w* (?:подписани|заключени)|обсужда\w* (?:проект|возможност))",
    re.IGNORECASE,
)
# The partners as a pair, with no name in the sentence: "Стороны подписали", "The parties signed".
BOTH_SIDES = re.compile(
    r"(?:^|\s)(?:стороны|обе стороны|оба вуза|оба университета|вузы|университеты)\s|"
    r"\b(?:the (?:two )?(?:parties|sides|universities)|both (?:parties|sides|universities))\b",
    re.IGNORECASE,
)
# Headlines of news that is not about cooperation: a grant won, a ranking, a prize.
NOT_PARTNER_TITLE = re.compile(
    r"(?:\bwins?\b|\bwon\b|awarded|побед|выигра|получил\w* грант|грант\w* (?:рнф|рффи)|"
    # ... or a fund's support won («стартап получил поддержку фонда»): a grant said otherwise.
    r"получил\w*\s+(?:[\w-]+\s+)?поддержк\w*\s+(?:[\w-]+\s+)?фонд|"
    r"рейтинг|ranking|\bprize|преми)",
    re.IGNORECASE,
)

# A headline (title with lead) about an honour or a post received: an award, an order, a medal
# or a prize, a post as president or chair ("Rector X received an award", "стал президентом
# общества дружбы"). The guidelines' prizes and awards: news about the person or the university
# honoured, not about cooperating, even when the honour is "for international cooperation"
# (out-of-fold false positives in two rounds).
HONOUR_RECEIVED = re.compile(
    r"получил\w*\s+(?:\w+\s+){0,3}(?:наград|орден|медал|звани|преми)|удостоен|награжд|"
    r"received\s+(?:\w+\s+){0,3}(?:award|honou?r|medal|order|prize)|was awarded|"
    r"\bawarded\s+(?:\w+\s+){0,3}(?:diploma|medal|order|prize)|"
    r"стал\w*\s+(?:\w+\s+){0,2}(?:президентом|председателем|лауреатом)|"
    r"became\s+(?:the\s+)?(?:\w+\s+){0,2}(?:president|chair|laureate)",
    re.IGNORECASE,
)
# ... except an honorary doctorate or professorship: one university conferring it on another's
# rector or a partner's head is a cooperation act (gold partnership in every such article).
HONORARY_DEGREE = re.compile(
    r"поч[её]тн\w+\s+(?:доктор|профессор)|honorary\s+(?:doctor|professor)|honoris",
    re.IGNORECASE,
)
# Rectors in the plural: a forum, council or meeting of rectors ("Forum of Rectors of Russia and
# X", "ректоры университетов Y в Политехе") is universities meeting for cooperation (gold
# partnership in every such article of three rounds).
# A whole word: not «директорами» nor «проректоров» (the rector's meeting with the directors of his
# institutes is the university's own business).
# (Not the Russian Union of Rectors, an association's name: «вошёл в президиум Союза ректоров».)
RECTORS = re.compile(
    r"(?<![\w-])(?<!союза )(?<!союз )(?<!союзе )(?<!союзом )ректор(?:ы|ов|ам|ами|ах)\b|"
    r"(?<!union of )\brectors\b(?!['’] union)",
    re.IGNORECASE,
)

# Attendance sentences: "В церемонии приняли участие ... представители X", "The ceremony was
# attended by ..."; the organisations named there are employers of guests, not partners...
ATTENDANCE = re.compile(
    r"(?:принял\w* участие|участвовал\w*|присутствовал\w*|attended by|took part in the "
    r"(?:meeting|ceremony|event|session)|выступил\w* представител|spoke (?:at|during) the "
    r"(?:meeting|ceremony|event|session)|were present)",
    re.IGNORECASE,
)
ATTENDANCE_EVENT = re.compile(
    r"(?:церемони|встреч|заседани|мероприяти|открыти|ceremony|meeting|forum|event|session)",
    re.IGNORECASE,
)
# Exhibitors side by side at a fair: taking part in one is no cooperation.
EXHIBITION = re.compile(r"(?:выставк|ярмарк|exhibition|\bfair\b|\bexpo\b)", re.IGNORECASE)
TOOK_PART = re.compile(
    r"(?:принял\w* участие|участвовал\w*|участник\w*|took part|participated|participants?\b|"
    r"exhibitors?\b)",
    re.IGNORECASE,
)
# Visitors of the university's stand at a fair: their bodies attend, they do not cooperate
# («Стенд посетили губернатор и руководители компании X», "The stand was visited by managers of
# X"). (Not a test rig: «испытательный стенд».)
STAND_VISITED = re.compile(
    r"(?<!испытательный )(?<!испытательного )(?:стенд|экспозици)\w*\s+(?:[\w-]+\s+){0,3}?"
    r"посетил|посетил\w*\s+(?:[\w-]+\s+){0,2}?(?:стенд|экспозици)|"
    r"(?<!test )\b(?:stand|booth)s?\b(?:\s+[\w'’-]+){0,4}?\s+(?:was|were)\s+visited|"
    r"visited\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:stand|booth)s?\b",
    re.IGNORECASE,
)
# ... unless the same sentence signs, negotiates or cooperates.
ATTENDANCE_STRONG = re.compile(
    r"(?:подпис|соглашени|меморандум|договор|делегаци|переговор|сотруднич|партн[её]р|signed|"
    r"signing|agreement|memorand|contract|delegation|talks|cooperat|partner)",
    re.IGNORECASE,
)
# A headline venue: "... на форуме АТУРК", "... at the Innoprom exhibition".
TITLE_VENUE = re.compile(
    r"(?:на|в ходе|в рамках|во время|at|during)\s+(?:[\w-]+\s+){0,2}(?:форум|выставк|конференци|"
    r"экспо|заседани|совещани|сесси|саммит|съезд|конгресс|forum|exhibition|conference|expo|summit|"
    r"congress|meeting|session)\w*\s*(?:of\s+(?:the\s+)?)?[«\"]?$|"
    # ... and a place visited on an excursion ("студенты на экскурсии в Эрмитаже").
    f"{EXCURSION_TO}$",
    re.IGNORECASE,
)
# A headline's parent of the partners: "соглашения с предприятиями Ростеха".
TITLE_PARENT = re.compile(
    r"(?:предприяти|компани|организаци|вуз|заводами|subsidiaries|enterprises|companies)\w*"
    r"\s+(?:of\s+)?(?:the\s+)?[«\"]?$",
    re.IGNORECASE,
)
# An organisation naming an event: "Huawei ICT Competition", "Olympiad of X".
EVENT_AFTER = re.compile(
    r"(?:\s+[A-Z][\w-]*){0,3}\s+(?:Competition|Cup|Olympiad|Challenge|Championship|Hackathon|"
    r"Awards?|Prize|Contest)\b"
)
# A participant of a programme or centre being launched is a partner, unlike an event's:
# "при участии «Северстали» запущена магистерская программа".
JOINT_LAUNCH = re.compile(
    r"(?:при участии|with the participation of|together with|совместно с|"
    # A sponsor of what is opened ("with the support of X, ... opened a laboratory"), unlike
    # a funder of research done alone.
    r"with the support of|при поддержке)\s*(?:the\s+)?"
    # (a legal form before the quoted name: «при участии АО «X»»)
    r"(?:(?:ПАО|НАО|ОАО|ЗАО|АО|ООО|Ф?ГУП)\s+)?[«\"]?$",
    re.IGNORECASE,
)
_LAUNCH_VERB_EN = r"(?:launch|establish|open|set up|creat|develop|organi[sz])"
_LAUNCH_OBJECT_EN = r"(?:school|program|centre|center|lab|institute|course|class)"
LAUNCHED = re.compile(
    r"(?:запущен|создан|открыт|открыл|launched|established|opened|set up|"
    r"(?:will|to|has|have) (?:create|develop|launch|open|set up|organi[sz]e)|created|developed|"
    r"organi[sz]ed)\w*\s+"
    r"(?:[\w-]+\s+){0,3}"
    r"(?:программ|центр|лаборатори|институт|кафедр|"
    + _LAUNCH_OBJECT_EN[3:-1]
    + ")|"
    # "A new programme ... was developed together with X".
    + _LAUNCH_OBJECT_EN
    + r"\w*(?:\s+[\w-]+){0,4}\s+(?:was|were|has been|have been|will be)\s+"
    + _LAUNCH_VERB_EN,
    re.IGNORECASE,
)
# An event held together with X makes X its co-organiser ("SPbPU, together with X, held a
# workshop"); a sponsor or a participant of an event does not count this way.
CO_HOLDER_BEFORE = re.compile(r"(?:together|jointly) with\s*(?:the\s+)?$", re.IGNORECASE)
HELD_EVENT = re.compile(
    r"\b(?:held|hosted|(?:will|to) (?:hold|host))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:conference|seminar|workshop|forum|olympiad|hackathon|contest|competition|school|"
    r"festival|exhibition|round table)s?\b|"
    r"\b(?:conference|seminar|workshop|forum|olympiad|hackathon|contest|competition|school|"
    r"festival|exhibition)s?(?:\s+[\w-]+){0,4}\s+(?:was|were|will be)\s+(?:held|hosted)\b",
    re.IGNORECASE,
)
# The client of work the university does: "a digital twin commissioned by X", "по заказу X".
CLIENT_BEFORE = re.compile(
    # (Not the client of a thing built: «ледокола, строящегося по заказу Госкорпорации …».)
    r"(?:commissioned|ordered) by\s+(?:the\s+)?$|"
    r"(?<!щегося )(?<!щейся )(?<!щихся )(?<!нного )(?<!нной )(?<!нных )(?<!нное )"
    # (The name may stand behind its legal form and in quotes: «по заказу ГК «X»».)
    r"по заказу\s*(?:(?:ПАО|АО|ОАО|ЗАО|ООО|ГК|ФГУП|ГУП|МУП)\s+)?[«\"“]?\s*$",
    re.IGNORECASE,
)
# Bodies whose people were present at a signing, in a list however long («подписано в
# присутствии губернатора области и представителей ПАО «X»»).
# (Up to the university's own name: «В присутствии главы региона Политех и компания «X»
# подписали …» names the parties after the onlookers.)
PRESENT_AT = re.compile(
    r"в присутствии\s(?:(?!политех|спбпу|университет|вуз)[^.;:!?])*$", re.IGNORECASE
)
# A body that joined what the university runs, named after the verb: «К проекту присоединился
# Национальный центр X», «к консорциуму присоединились компании …».
JOINED_BEFORE = re.compile(r"присоединил(?:ся|ась|ось|ись)\s+(?:[\w-]+\s+)?[«\"]?$", re.I)
# The members a joint body is told to unite, after it («консорциум «X», который объединяет Y, Z
# и W», «ассоциации, объединяющей …», "a consortium that brings together Y and Z"): each a
# participant of the joint body, not the body itself (it stands before the clause).
UNITED_BY_BEFORE = re.compile(
    r"(?:(?:котор\w+|что)\s+объединя\w+|объединяющ\w+|(?:that|which)\s+(?:unites|brings\s+"
    r"together))\s[^!?;]{0,200}$",
    re.IGNORECASE,
)
JOINED_TO = re.compile(
    r"\bк\s+(?:[\w-]+\s+){0,2}(?:программ|проект|консорциум|сет|инициатив|центр|лаборатори|"
    r"школ|альянс)\w*\s+(?:[\w-]+\s+){0,2}присоединил",
    re.IGNORECASE,
)
# Diplomats listed in a delegation's composition: "В составе делегации ... советник Посольства",
# "The delegation also included ... the Cultural Attaché of the Embassy": not the partner.
DELEGATION_MEMBERS = re.compile(
    r"(?:в состав\w* делегаци|в делегацию вошл|delegation (?:also )?included|accompanied by)",
    re.IGNORECASE,
)
DIPLOMAT_BEFORE = re.compile(
    r"(?:советник\w*|атташе|attach[eé]|counsell?or)(?: [\w-]+){0,3}? (?:of (?:the )?)?$",
    re.IGNORECASE,
)
# The federal bodies that administer Russian science and higher education, the university's
# own (not one of their research institutes): the ministry, a department of it, the Academy of
# Sciences and its regional branches. Named in these articles as context (a meeting held at the
# ministry, the rector's other office, a branch that signed with someone else), they are the
# university's partner only where a cooperation word is about them ("agreement with ...").
RUSSIAN_SCIENCE_BODY = re.compile(
    r"^(?:(?:[\w.-]+\s+){0,3}(?:отделени\w+|branch\s+of)\s+(?:the\s+)?)?"
    r"(?:российск\w+\s+академи\w+\s+наук|РАН|(?:the\s+)?russian\s+academy\s+of\s+sciences|RAS)$|"
    r"^(?:[\w\s-]*?(?:департамент\w*|department)\s+[\w\s-]*?(?:of\s+the\s+)?)?(?:"
    r"минобрнауки(?:\s+(?:россии|рф))?|"
    r"министерств\w+\s+(?:науки|образования|просвещения)[\w\s]*?\s(?:россии|рф|российской\s+федерации)|"
    r"(?:russian\s+)?ministry\s+of\s+(?:science|education)[\w\s,]*?"
    r"(?:\s+of\s+(?:the\s+)?russian\s+federation|\s+of\s+russia)|"
    r"russian\s+ministry\s+of\s+(?:science|education)[\w\s,]*)$|"
    # The federal regulators that inspect and accredit («Рособрнадзор», «Росаккредитация»):
    # named for an inspection or a licence, a partner only where cooperation is about them.
    r"^(?:федеральн\w+\s+служб\w+\s+по\s+(?:надзору\s+в\s+сфере\s+образования|"
    r"аккредитации)[\w\s]*|рособрнадзор\w*|росаккредитаци\w*)$",
    re.IGNORECASE,
)
# A state's ministry of education (any state's, or a department of it): the regulator that
# approves a joint programme, accredits, or sends its officials to a fair. Named so in these
# articles as context; the university's partner only where a cooperation word is about it
# ("agreement with ...", "delegation of ..."). A ministry of science and technology without
# education in its name is not one: it funds and runs joint research.
EDUCATION_MINISTRY = re.compile(
    r"^(?:[\w\s-]*?(?:департамент\w*|department|отдел\w*)\s+[\w\s,-]*?(?:of\s+the\s+)?)?"
    r"(?:министерств\w+|ministry)\s+(?:of\s+)?[\w\s,-]*?(?:образовани\w+|просвещени\w+|education)\b",
    re.IGNORECASE,
)
# The body that runs a competition or a programme the university enters, right before its
# name: "the competition for X programme", "a contest jointly held by X and Y", "конкурс X".
CONTEST_RUNNER = re.compile(
    r"(?:(?:competitions?|contests?)\s+(?:for|of)\s+(?:the\s+)?|конкурс\w*\s+(?:на\s+|по\s+)?|"
    r"(?:jointly\s+|co-?)?held\s+by\s+(?:the\s+)?(?:[^.;]{0,40}\s(?:and|и)\s+(?:the\s+)?)?)$",
    re.IGNORECASE,
)

# Nouns for a group of people (lemmas): a sentence opening with one of them ("Делегация ...",
# "Представители ...") names people, never an organisation.
PEOPLE_GROUPS = frozenset(
    {
        "делегация",
        "представитель",
        "участник",
        "сотрудник",
        "команда",
        "сторона",
        "руководство",
        "гость",
        "студент",
        "коллега",
        "партнёр",
        "партнер",
        "эксперт",
        "специалист",
        "учёный",
        "ученый",
        "преподаватель",
        "руководитель",
        "организатор",
        "выпускник",
        "слушатель",
        "аспирант",
        "магистрант",
        "школьник",
        "победитель",
        "член",
    }
)

# A field of rivals or a list of exhibitors told with no cooperation: a contest's finalists or
# winners, a grant competition's winners, a fair's exhibitors («В финал вышли команды МГТУ, МФТИ
# …», «Победителями конкурса стали …», "Among the thirty winners are X and Y", "The list of
# exhibitors included X, Y"). Each body named there only competes or shows beside the university.
FIELD_LISTED = (
    r"\bв\s+финал\w*\s+(?:[\w-]+\s+){0,2}?(?:вышл|прошл|пробил)\w*|\bфиналист\w*|"
    r"\bпобедител\w*\s+(?:[\w-]+\s+){0,3}?(?:стал\w*|являются|вошли)|"
    r"\bсреди\s+(?:[\w-]+\s+){0,2}?(?:победител|лауреат|финалист|участник\w*\s+выставк|"
    r"экспонент)\w*|\bэкспонент\w*|"
    r"\bfinalists?\b|\b(?:reached|made it to|advanced to)\s+the\s+finals?\b|"
    r"\b(?:winners|laureates|exhibitors)\s+(?:\w+\s+){0,2}?(?:are|were|include[ds]?)\b|"
    r"\bamong\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:winners|laureates|finalists|exhibitors)\b|"
    r"\b(?:list|number)\s+of\s+(?:exhibitors|winners|finalists)\b"
)
# People who work (or worked) at the bodies named after, in a list however long: graduates'
# or guests' employers («однокурсники, которые сегодня работают в ПАО «X», АО «Y» …», "he worked
# at X, then moved to Y"). A person's employer, not the university's partner.
PEOPLE_WORK_AT = re.compile(
    r"(?:(?<!будут )(?<!будет )(?<!смогут )(?<!может )работа(?:ют|ет|л|ла|ли)|трудятся|"
    r"\bworks?\b|\bworked\b|\bmoved\b|\bspent\s+\w+\s+years)\s+"
    r"(?:(?:сегодня|теперь|сейчас|now|then|later|today)\s+)?(?:в|во|на|at|for|to)\s"
    r"(?:(?!совместн|вместе|joint|together|with\s)[^.;:!?])*$",
    re.IGNORECASE,
)
# A third body that becomes a participant of the university's programme, project or centre,
# named right after («Участником проекта станет также X», «участниками программы стали X и Y»,
# "joining the programme as participants are X").
PARTICIPANT_BEFORE = re.compile(
    r"участник\w*\s+(?:[\w-]+\s+){0,2}?(?:программ|проект|консорциум|центр|школ|лаборатори|сети)"
    r"\w*\s+(?:[\w-]+\s+){0,2}?(?:стан\w*|стал\w*|явля\w+)\s+(?:также\s+|ещ[её]\s+)?"
    r"(?:[\w-]+\s+){0,2}?[«\"“]?$",
    re.IGNORECASE,
)
# A body joining or backing the university's programme, centre or project, told in English
# with the name before the verb ("X will join the network programme", "X has joined the
# consortium") or after a programme's "backed by" ("The programme is backed by X"): a
# participant, as a co-founder is (a fund's grant stays a funder's, see `_only_a_funder`).
JOINS_AFTER_EN = re.compile(
    r"\s+(?:will\s+join|has\s+joined|have\s+joined|joins|joined|is\s+joining)\s+(?:the|its|a|an)\b"
)
BACKED_BY_BEFORE_EN = re.compile(
    r"\b(?:programme|program|school|lab|laboratory|centre|center|project|course|consortium|"
    r"bureau)\s+(?:is|was|are|were|will\s+be|has\s+been|have\s+been)\s+(?:also\s+)?"
    # (Not "supported by the Ministry of X": a body named with "the" is context, a brand is not.)
    r"(?:backed|supported)\s+by\s+$",
    re.IGNORECASE,
)
