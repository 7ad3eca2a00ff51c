"""Agreements the university signs with Russian bodies: which documents count as signed, and
whom they are signed with (hand-written texts, none from the corpus)."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extraction, Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _run(ex: Extractor, title: str, text: str) -> Extraction:
    return ex.extract(ArticleInput(id="t", title=title, text=text, lang="ru"))


def _documents(result: Extraction) -> list[tuple[str, tuple[str, ...]]]:
    return [(a.kind, a.parties) for a in result.agreements]


@pytest.mark.parametrize(
    ("title", "text", "kind", "party"),
    [
        # A federal body opening the sentence, its short form in brackets, then «и СПбПУ».
        (
            "Политех и Росводресурсы",
            "Федеральное агентство водных ресурсов (Росводресурсы) и СПбПУ подписали "
            "соглашение о подготовке гидротехников.",
            "agreement",
            "Федеральное агентство водных ресурсов",
        ),
        (
            "Новое соглашение",
            "Федеральная служба по гидрометеорологии и мониторингу окружающей среды и "
            "Политех заключили соглашение о совместных исследованиях климата.",
            "agreement",
            "Федеральная служба по гидрометеорологии и мониторингу окружающей среды",
        ),
        # A numbered school.
        (
            "Инженерные классы",
            "Политех подписал договор о сотрудничестве с Губернаторским лицеем № 387.",
            "agreement",
            "Губернаторский лицей № 387",
        ),
        # A city's name in apposition to its administration.
        (
            "Политех поможет малым городам",
            "Меморандум о сотрудничестве подписали СПбПУ и администрация города Нижние Серги.",
            "memorandum",
            "администрация города Нижние Серги",
        ),
        # The headline's abbreviation is no unit of the university named on the next line.
        (
            "Политех и АРПА",
            "СПбПУ и Ассоциация разработчиков промышленной автоматики подписали соглашение о "
            "взаимодействии.",
            "agreement",
            "Ассоциация разработчиков промышленной автоматики",
        ),
        # Signing told by an adverbial participle.
        (
            "Энергетический консорциум",
            "Политех вошёл в состав консорциума, подписав соглашение с Новосибирским "
            "государственным техническим университетом.",
            "agreement",
            "Новосибирский государственный технический университет",
        ),
        # A company named after «ГК», and one after its legal form spelt out.
        (
            "Вагоны будущего",
            "Соглашение о подготовке конструкторов подписали Политех и ГК «Вагонстрой».",
            "agreement",
            "Вагонстрой",
        ),
        (
            "Исследования для флота",
            "Федеральное государственное унитарное предприятие «Северный научный центр "
            "судостроения» и СПбПУ подписали договор о совместных исследованиях.",
            "agreement",
            "Северный научный центр судостроения",
        ),
        # A licence to use a development is a contract.
        (
            "Технология Политеха",
            "Политех заключил лицензионный договор с ООО «Аквилон-Пласт» на использование "
            "запатентованного в университете полимера.",
            "contract",
            "Аквилон-Пласт",
        ),
    ],
)
def test_signed_with_a_russian_body(
    extractor: Extractor, title: str, text: str, kind: str, party: str
) -> None:
    result = _run(extractor, title, text)
    assert [(k, tuple(p.lower() for p in ps)) for k, ps in _documents(result)] == [
        (kind, (party.lower(),))
    ]


def test_ministry_with_its_short_form_signs(extractor: Extractor) -> None:
    """Russia's science ministry is context when only named; a co-signer when it and the
    university sign, also with its short form in brackets between them."""
    result = _run(
        extractor,
        "Приоритет-2030",
        "Министерство науки и высшего образования Российской Федерации (Минобрнауки России) и "
        "СПбПУ подписали соглашение о развитии кампуса.",
    )
    assert _documents(result) == [
        ("agreement", ("Министерство науки и высшего образования Российской Федерации",))
    ]


def test_party_named_only_by_an_abbreviation_signs_under_it(extractor: Extractor) -> None:
    """The partner keeps the full name the registry knows; the document's party is written as
    the text writes it."""
    result = _run(
        extractor,
        "Кадры для авиастроения",
        "СПбПУ и ОАК подписали соглашение о подготовке инженеров-конструкторов.",
    )
    assert _documents(result) == [("agreement", ("ОАК",))]
    assert [p.name for p in result.partners] == ["Объединённая авиастроительная корпорация"]


@pytest.mark.parametrize(
    "text",
    [
        "Руководители СПбПУ и ПАО «Энергомост» договорились о подписании соглашения весной.",
        "Соглашение между Политехом и Правительством Тверской области готовится к подписанию.",
        "Соглашение о сотрудничестве с Правительством Тверской области пока не подписано, "
        "сообщил проректор СПбПУ.",
        "Политех и Казанский национальный исследовательский технический университет "
        "обсуждают возможность подписания соглашения о совместной аспирантуре.",
        "Перед матчем капитаны сборных Политеха и Горного университета подписали договор о "
        "честной игре. Турнир по волейболу продлится два дня.",
    ],
)
def test_not_signed_or_not_an_organisations_document(extractor: Extractor, text: str) -> None:
    assert _run(extractor, "Новости", text).agreements == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Политех не подписал соглашение с ООО «Технолайн»: переговоры прекращены."),
        ("ru", "СПбПУ и АО «Северный кабель» пока не подписали договор о целевом обучении."),
        ("ru", "Политех и ПАО «Энергомост» так и не заключили соглашение о сотрудничестве."),
        ("en", "SPbPU and the Acme Robotics Corporation did not sign the agreement."),
        ("en", "Polytech and Nordic Marine Group haven't signed a memorandum yet."),
    ],
)
def test_a_signing_said_not_to_have_happened_in_the_active_voice(
    extractor: Extractor, lang: str, text: str
) -> None:
    # «не подписано» and "not signed" were read as no signing, «не подписали» and "did not
    # sign" as one: the document was listed under /agreements as signed.
    result = extractor.extract(ArticleInput(id="t", title="Новости", text=text, lang=lang))
    assert result.agreements == ()
    signed = text.replace("не подписал ", "подписал ").replace("пока не подписали", "подписали")
    if signed != text:  # the same sentence, signed: a document
        assert extractor.extract(ArticleInput(id="t", title="Н", text=signed)).agreements


def test_unnamed_company_is_no_party(extractor: Extractor) -> None:
    """«с крупной IT-компанией» names no partner: the document is signed with no party."""
    result = _run(
        extractor,
        "Новое партнёрство",
        "Политех подписал соглашение о сотрудничестве с крупной IT-компанией из Москвы.",
    )
    assert result.partners == ()
    assert _documents(result) == [("agreement", ())]


def test_earlier_document_told_in_the_imperfective(extractor: Extractor) -> None:
    """«в 2016 году стороны уже заключали договор»: an earlier document, signed then."""
    result = _run(
        extractor,
        "Соглашение с «Ленполиграфмашем»",
        "АО «Ленполиграфмаш» и Политех подписали соглашение о подготовке инженеров-механиков. "
        "Ранее, в 2016 году, стороны уже заключали договор о создании учебного центра.",
    )
    assert [(a.kind, a.parties, a.signed_on) for a in result.agreements] == [
        ("agreement", ("Ленполиграфмаш",), None),
        ("agreement", ("Ленполиграфмаш",), "2016"),
    ]


def _candidates(ex: Extractor, text: str) -> list[str]:
    """The organisations the extractor proposes to its partner model in `text`."""
    return [r.fact.name for r in ex.analyse(ArticleInput(id="t", title="", text=text)).rows]


def test_numbered_school_as_a_venue_is_no_candidate(extractor: Extractor) -> None:
    """«в гимназии № 74» is where an exhibition opened, not a body the university works with
    (proposing it taught the partner model that schools are context); «с гимназией № 74»
    signs."""
    assert (
        _candidates(
            extractor,
            "Фотовыставка «Инженеры будущего» открылась в Академической гимназии № 74 и в "
            "Губернаторском лицее № 12. Её подготовили студенты Политеха.",
        )
        == []
    )
    signed = _run(
        extractor,
        "Профильные классы",
        "Политех заключил соглашение о сотрудничестве с Академической гимназией № 74.",
    )
    assert [(a.kind, a.parties) for a in signed.agreements] == [
        ("agreement", ("Академическая гимназия № 74",))
    ]


@pytest.mark.parametrize(
    ("title", "text", "kind", "party"),
    [
        # A programme of cooperation signed is a plan of actions (a roadmap), as a working plan.
        (
            "Программа сотрудничества до 2027 года",
            "ПАО «Силовые машины» и Политехнический университет подписали программу "
            "научно-технического сотрудничества на 2025–2027 годы. В неё вошли 15 проектов.",
            "roadmap",
            "Силовые машины",
        ),
        # A protocol of intent: a document of its own kind, as a letter of intent is.
        (
            "Визит делегации из Минска",
            "Политех посетила делегация Белорусского национального технического университета. "
            "По итогам переговоров стороны подписали протокол о намерениях по созданию "
            "совместной лаборатории.",
            "other",
            "Белорусский национальный технический университет",
        ),
        # A document extended was signed: «продлили соглашение», «срок действия договора».
        (
            "Сотрудничество продолжится",
            "Политехнический университет и Университет Аалто продлили соглашение о "
            "сотрудничестве ещё на пять лет.",
            "agreement",
            "Университет Аалто",
        ),
        (
            "Партнёрство продолжится",
            "Политехнический университет и АО «Концерн «Океанприбор» продлили срок действия "
            "договора о стратегическом партнёрстве до 2030 года.",
            "agreement",
            "Концерн «Океанприбор»",
        ),
    ],
)
def test_programmes_protocols_and_extended_documents_are_signed_documents(
    extractor: Extractor, title: str, text: str, kind: str, party: str
) -> None:
    # Each was no document at all: the programme and the protocol had no kind, and an
    # extension no signing verb.
    docs = _documents(_run(extractor, title, text))
    assert [d for d in docs if party in d[1]] == [(kind, (party,))], docs


@pytest.mark.parametrize(
    "text",
    [
        "В рамках программы сотрудничества с ПАО «Силовые машины» студенты Политеха прошли "
        "стажировку на Ленинградском металлическом заводе.",
        "Политехнический университет и Университет Аалто планируют продлить соглашение о "
        "сотрудничестве в следующем году.",
        # A document not extended, and the minutes of a vote (no document between partners).
        "Политехнический университет и Университет Аалто так и не продлили соглашение о "
        "сотрудничестве.",
        "Соглашение с Университетом Аалто не продлено.",
        "Политехнический университет и ПАО «Газпром нефть» подписали протокол о результатах "
        "голосования конкурсной комиссии.",
        # A deadline extended under a document is no document extended.
        "По соглашению срок подачи заявок продлён до 1 мая, сообщили в ПАО «Газпром нефть».",
    ],
)
def test_a_programme_named_in_passing_or_an_extension_planned_is_no_document(
    extractor: Extractor, text: str
) -> None:
    assert _documents(_run(extractor, "Сотрудничество", text)) == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "В рамках программы сотрудничества Политех и ПАО «Силовые машины» подписали договор "
            "о стажировках студентов.",
            "Силовые машины",
        ),
        (
            "Политехнический университет и ПАО «Газпром нефть» подписали соглашение о реализации "
            "программы академического сотрудничества.",
            "Газпром нефть",
        ),
        (
            "Политехнический университет и ПАО «Газпром нефть» подписали соглашение и обсудили "
            "программу сотрудничества на 2026 год.",
            "Газпром нефть",
        ),
        (
            "Политех и ПАО «Газпром нефть» подписали договор о целевом обучении и запустили "
            "программу стажировок в рамках сотрудничества.",
            "Газпром нефть",
        ),
    ],
)
def test_a_programme_served_or_discussed_is_no_roadmap(
    extractor: Extractor, text: str, party: str
) -> None:
    # Each also gave a roadmap: the programme, a frame, a subject or a matter discussed, was
    # read as a second document signed.
    assert _documents(_run(extractor, "Сотрудничество", text)) == [("agreement", (party,))]
