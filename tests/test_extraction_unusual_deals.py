"""Partnership news with Russian bodies told without the usual signing words, documents of
unusual kinds or parties, and look-alike news of the same words that is no partnership.
Short invented texts through the packaged extractor's output."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extraction, Extractor, names_match


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _run(ex: Extractor, title: str, text: str, lang: str) -> Extraction:
    return ex.extract(ArticleInput(id="t", title=title, text=text, lang=lang))


def _names(result: Extraction) -> list[str]:
    return [p.name for p in result.partners]


def _has(result: Extraction, key: str) -> bool:
    return any(names_match(key, n) for p in result.partners for n in (p.name, *p.aliases))


def test_a_region_whose_governor_and_the_rector_put_signatures_is_the_party(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "Соглашение с Костромской областью",
        "Губернатор Костромской области и ректор Политеха поставили подписи под документом о "
        "совместной подготовке инженеров для текстильных предприятий региона. Стороны также "
        "проведут для костромских школьников летнюю инженерную школу.",
        "ru",
    )
    assert r.partnership
    assert _has(r, "Правительство Костромской области"), _names(r)
    assert [(a.kind, a.parties) for a in r.agreements] == [
        ("agreement", ("Правительство Костромской области",))
    ]


def test_a_company_that_commissioned_the_universitys_researchers_is_a_partner(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "A New Furnace Model for Steelmakers",
        "The Chelyabinsk Pipe Plant commissioned researchers from SPbPU's Institute of "
        "Energy to model the heat flows in its new furnace. The model has already cut the "
        "furnace's power use by three percent, the plant's engineers say.",
        "en",
    )
    assert r.partnership
    assert _has(r, "Chelyabinsk Pipe Plant"), _names(r)


def test_a_licence_agreement_with_a_brand_a_company_word_describes(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "Sensor Technology Goes to Industry",
        "SPbPU has signed a licence agreement with Elvees, a Moscow-based chip designer company, "
        "for its patented method of calibrating gas sensors. The company will use the method in "
        "its new line of industrial detectors.",
        "en",
    )
    assert _has(r, "Elvees"), _names(r)
    assert [(a.kind, a.parties) for a in r.agreements] == [("contract", ("Elvees",))]


def test_a_body_granted_the_right_to_use_a_development_is_a_licensee(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "Разработку Политеха внедрят на заводе",
        "Политехнический университет передал АО «Уралкран» право использовать запатентованную "
        "систему управления мостовыми кранами. Лицензионный договор заключён на пять лет.",
        "ru",
    )
    assert _has(r, "Уралкран"), _names(r)
    assert [(a.kind, a.parties) for a in r.agreements] == [("contract", ("Уралкран",))]


@pytest.mark.parametrize(
    ("lang", "title", "text"),
    [
        (
            "ru",
            "Эксперт Политеха о соглашении Татарстана и «Сибура»",
            "Правительство Республики Татарстан и ПАО «Сибур Холдинг» подписали соглашение о "
            "строительстве нового завода полимеров в Нижнекамске. По просьбе редакции документ "
            "прокомментировал профессор Высшей школы биотехнологий. Он отметил, что новый завод "
            "потребует сотен инженеров-химиков.",
        ),
        (
            "en",
            "SPbPU Expert on the Tomsk Region's Deal with Rosneft",
            "The Administration of the Tomsk Region and Rosneft signed an agreement on new oil "
            "field development in the north of the region. An SPbPU professor of petroleum "
            "engineering commented on the document for the university's news service. He "
            "said the fields will need new drilling technologies.",
        ),
    ],
)
def test_a_document_two_outside_bodies_sign_between_themselves_is_not_the_universitys(
    extractor: Extractor, lang: str, title: str, text: str
) -> None:
    r = _run(extractor, title, text, lang)
    assert not r.partnership, (_names(r), r.agreements)
    assert r.agreements == ()


def test_a_trilateral_document_with_the_university_stays_a_signing(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "Три стороны договорились о кадрах",
        "Правительство Псковской области и АО «Псковский электромашиностроительный завод» "
        "подписали трёхстороннее соглашение с Политехом о подготовке инженеров-электриков.",
        "ru",
    )
    assert r.partnership
    assert r.agreements and r.agreements[0].parties


@pytest.mark.parametrize(
    ("lang", "title", "text"),
    [
        (
            "ru",
            "Инженер «Морского порта» рассказал студентам о цифровом порте",
            "В Институте компьютерных наук прошла открытая лекция руководителя ИТ-департамента "
            "АО «Морской порт Санкт-Петербург». Он рассказал студентам, как нейросети планируют "
            "погрузку контейнеров, и ответил на вопросы о карьере в компании.",
        ),
        (
            "ru",
            "Студентка Политеха прошла стажировку в ВТБ",
            "Студентка Института компьютерных наук Мария Иванова провела лето на стажировке в "
            "аналитическом департаменте банка ВТБ. Она сама нашла вакансию и прошла три "
            "собеседования. «Я увидела, как работают большие данные в настоящем банке», — "
            "рассказывает она.",
        ),
        (
            "en",
            "A Lecture by a Sber Engineer",
            "An engineer from Sber gave an open lecture at SPbPU's Institute of Computer Science. "
            "He told students how the bank's fraud detection models work and gave advice on "
            "technical interviews.",
        ),
    ],
)
def test_one_persons_lecture_or_internship_at_a_body_is_no_partnership(
    extractor: Extractor, lang: str, title: str, text: str
) -> None:
    r = _run(extractor, title, text, lang)
    assert not r.partnership, _names(r)


def test_a_body_whose_engineers_worked_together_with_the_universitys_is_a_partner(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "A Faster Photodetector",
        "Scientists of SPbPU, together with engineers of the Svetlana company, have created a "
        "photodetector that responds twice as fast as its predecessors. The first samples have "
        "already been tested.",
        "en",
    )
    assert r.partnership
    assert _has(r, "Svetlana"), _names(r)


def test_students_excursion_to_a_plant_is_no_partnership(extractor: Extractor) -> None:
    r = _run(
        extractor,
        "Students Visit the Kirov Plant",
        "Second-year students went on an excursion to the Kirov Plant. They saw the assembly of "
        "tractors and the plant's museum.",
        "en",
    )
    assert not r.partnership, _names(r)


def test_the_members_a_consortium_the_university_joins_unites_are_partners(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "Политех в консорциуме",
        "Политех стал участником консорциума «Умный транспорт», который объединяет Институт "
        "проблем транспорта им. Н. С. Соломенко РАН, АО «Транспутьстрой» и Самарский "
        "государственный университет путей сообщения.",
        "ru",
    )
    for name in (
        "Институт проблем транспорта им. Н. С. Соломенко РАН",
        "Транспутьстрой",
        "Самарский государственный университет путей сообщения",
    ):
        assert _has(r, name), _names(r)
    assert not _has(r, "Умный транспорт"), _names(r)


def test_each_sides_people_doing_its_half_of_one_work_show_the_partner(
    extractor: Extractor,
) -> None:
    r = _run(
        extractor,
        "Новый насос для водоканала",
        "На насосной станции ГУП «Водоканал Санкт-Петербурга» смонтировали опытный насос с новым "
        "рабочим колесом. Гидравлический расчёт колеса выполнили учёные Высшей школы "
        "энергетического машиностроения, а изготовили и испытали насос специалисты предприятия. "
        "Замеры показали экономию электроэнергии в восемь процентов.",
        "ru",
    )
    assert r.partnership
    assert _has(r, "Водоканал Санкт-Петербурга"), _names(r)


def test_work_done_together_with_a_bodys_people_said_with_so_is_cooperation(
    extractor: Extractor,
) -> None:
    # «вместе со специалистами», the form of «вместе с» before two consonants.
    r = _run(
        extractor,
        "Измерения на Ладоге",
        "Магистранты Инженерно-строительного института месяц измеряли течения в Ладожском озере "
        "вместе со специалистами ФГБУ «Северо-Западное УГМС». Данные лягут в основу их "
        "выпускных работ.",
        "ru",
    )
    assert r.partnership
