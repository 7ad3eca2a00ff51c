"""English readers see partners named only in Russian in English (bot.text.english): the
rendering itself on invented names, and what an English user reads in /partners, a card,
/agreements, inline mode, an announcement and a digest; never stored, never exported."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery.audience import Audience
from bot.delivery.digests import DigestService
from bot.delivery.rendering import AnnouncementRenderer
from bot.facts.service import ExtractionWorker, FactsService
from bot.reports.export import partners_rows
from bot.text.chinese import pinyin
from bot.text.english import english_rendering, transliterate
from bot.text.names import is_rendered, known_name, reader_name
from storage.partners import AgreementInput, PartnerInput
from tests.conftest import App
from tests.fakes.bot_api import parse_telegram_html
from tests.test_inline import inline
from tests.test_partner_display import article, day

CYRILLIC = re.compile(r"[А-Яа-яЁё]")


# ---------------------------------------------------------------------------------------------
# The rendering, on invented names.


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        # Adjectives before the type noun keep their order; a place adjective is the place.
        (
            "Северогорский государственный морской технический университет",
            "Severogorsky State Marine Technical University",
        ),
        ("Томский горный институт", "Tomsk Mining Institute"),  # Томск from the dictionary
        ("Российско-вьетнамский технологический центр", "Russian-Vietnamese Technological Center"),
        ("Уральский оптико-механический завод", "Ural Optical and Mechanical Plant"),
        # Genitive phrases are "of …", with "the" before one organisation or territory.
        ("Правительство Тверской области", "Government of the Tver Region"),
        (
            "Министерство культуры и туризма Республики Ботсвана",
            "Ministry of Culture and Tourism of the Republic of Botswana",
        ),
        (
            "Министерство высшего образования, науки и инноваций Республики Ботсвана",
            "Ministry of Higher Education, Science and Innovations of the Republic of Botswana",
        ),
        ("Ассоциация технических университетов", "Association of Technical Universities"),
        ("Отделение РАН", "Branch of the RAS"),
        (
            "Посольство Венгрии в Российской Федерации",
            "Embassy of Hungary in the Russian Federation",
        ),
        ("Республика Корея", "Republic of Korea"),  # the country's own form, not "South Korea"
        # «по …» is "for …"; «высшая школа» is higher education.
        ("Комитет по энергетике и транспорту", "Committee for Energy and Transport"),
        ("Комитет по культуре и высшей школе", "Committee for Culture and Higher Education"),
        (
            "Научно-исследовательский институт прикладной химии",
            "Research Institute of Applied Chemistry",
        ),
        # A person's name: in the nominative, first as an eponym, or "named after".
        ("Фонд Иванова", "Ivanov Foundation"),
        ("Институт физики имени А. Б. Смирнова", "Institute of Physics named after A. B. Smirnov"),
        ("Завод им. А.Б.Смирнова", "Plant named after A. B. Smirnov"),
        (
            "Институт механики им. А. Б. Смирнова РАН",
            "Institute of Mechanics named after A. B. Smirnov of the RAS",
        ),
        # Two words with an English phrase of their own; a bracketed Russian note in English.
        ("Лаборатория лёгких материалов", "Laboratory of Lightweight Materials"),
        ("Корпорация развития Дальнего Востока", "Corporation of Development of the Far East"),
        (
            "Северогорский горный институт (национальный исследовательский университет)",
            "Severogorsky Mining Institute (National Research University)",
        ),
        # A participle by its adjective; «высшая школа» heading a name is a school.
        ("Объединённая энергетическая корпорация", "United Energy Corporation"),
        ("Высшая школа менеджмента", "Higher School of Management"),
        # Common words of names: a contracted "state university", a global association, an
        # assembly, industrial.
        ("Омский госуниверситет", "Omsk State University"),
        ("Глобальная ассоциация университетов", "Global Association of Universities"),
        ("Межпарламентская ассамблея СНГ", "Interparliamentary Assembly of the CIS"),
        ("Индустриальный колледж", "Industrial College"),
        ("Институт истории материальной культуры", "Institute of History of Material Culture"),
        # Legal forms, quoted names, abbreviations, names before the type noun.
        ("ООО «Ветрогаз»", 'LLC "Vetrogaz"'),
        ('ПАО "Северная сталь"', 'PJSC "Severnaya Stal"'),
        ("Завод «Прибой»", 'Plant "Priboy"'),
        ("Банк ТКБ", "TKB Bank"),
        ("Университет Кордилья", "Kordilya University"),
        ("Госкорпорация «Ветроатом»", 'State Corporation "Vetroatom"'),
        # No type noun: transliterated whole, each word capitalised.
        ("Звёздная пыль", "Zvyozdnaya Pyl"),
        ("Ветрогаз нефть", "Vetrogaz Neft"),
    ],
)  # fmt: skip
def test_a_russian_name_is_rendered_in_english(russian: str, english: str) -> None:
    assert english_rendering(russian) == english


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("Хэйлунцзянский университет", "Heilongjiang University"),
        ("Университет Сиань Цзяотун", "Xi'an Jiaotong University"),
        ("Уханьский технологический институт", "Wuhan Technological Institute"),
        (
            "Правительство города Шэньчжэнь провинции Хэнань",
            "Government of the City of Shenzhen of the Province of Henan",
        ),
        # Russian words that would split into syllables are not read as Chinese.
        ("Лиманский завод", "Limansky Plant"),
        ("Кубанский университет", "Kuban University"),
    ],
)
def test_a_chinese_name_in_russian_spelling_is_read_back_into_pinyin(
    russian: str, english: str
) -> None:
    assert english_rendering(russian) == english


def test_pinyin_of_palladius_syllables() -> None:
    assert [pinyin(w) for w in ("Цзянсу", "Чжэцзян", "Ханчжоу", "Тяньцзинь", "Хэнань")] == [
        "Jiangsu", "Zhejiang", "Hangzhou", "Tianjin", "Henan",
    ]  # fmt: skip
    assert pinyin("Чжецзян") == "Zhejiang"  # «е» after «ж», as Russian spelling has it
    assert pinyin("Москва") is None and pinyin("Лиман") is None  # no syllables, no marks


def test_transliteration_is_bgn_pcgn_as_english_texts_write_it() -> None:
    assert transliterate("Щукино Ёлкин Подъём Юрьев Ежов Чайковский") == (
        "Shchukino Yolkin Podyom Yuryev Yezhov Chaykovsky"
    )
    assert transliterate("ТКБ") == "TKB"


def test_a_capital_inside_a_word_keeps_its_place() -> None:
    # Mixed-case abbreviations and brands: not "Spbpu", "Vkontakte".
    assert transliterate("СПбПУ ВКонтакте ТестСофт") == "SPbPU VKontakte TestSoft"
    assert english_rendering("АО «СПбЭК»") == 'JSC "SPbEK"'


def test_a_legal_form_in_brackets_is_rendered_as_one() -> None:
    assert english_rendering("Банк ТКБ (ПАО)") == "TKB Bank (PJSC)"


def test_a_legal_form_before_a_quote_and_a_bracket_is_rendered() -> None:
    # Not understood as a phrase (no type noun), the name is transliterated word by word: the
    # legal form still comes out in English.
    assert english_rendering("ООО «Тестовый» (Москва)") == 'LLC "Testovy" (Moscow)'


def test_a_double_name_after_imeni_keeps_both_capitals() -> None:
    assert english_rendering("Институт имени Римского-Корсакова") == (
        "Institute named after Rimsky-Korsakov"
    )
    assert english_rendering("Университет имени аль-Тестави") == (
        "University named after al-Testavi"
    )


def test_a_town_after_an_abbreviated_gorod_is_read() -> None:
    assert english_rendering("Филиал Тестовского государственного университета в г. Выборге") == (
        "Branch of the Testovsky State University in Vyborg"
    )


def test_deeply_nested_quotes_render_without_exhausting_the_stack() -> None:
    name = "Фонд " + "«" * 1000 + "Альфа" + "»" * 1000
    rendered = english_rendering(name)
    assert rendered.startswith("Fond") and "Alfa" in rendered
    assert not CYRILLIC.search(rendered)


def test_a_very_long_name_renders_quickly() -> None:
    name = "Университет " + "развития " * 5000  # 50 KB: each word's phrase read the rest
    started = time.perf_counter()
    rendered = english_rendering(name)
    assert time.perf_counter() - started < 1.0
    assert rendered.startswith("Universitet Razvitiya")


def test_a_name_without_cyrillic_is_left_as_it_is() -> None:
    assert english_rendering("Riverton University of Technology") == (
        "Riverton University of Technology"
    )


def test_any_text_renders_without_cyrillic_and_without_an_error() -> None:
    """A display path: broken quotes, brackets, marks and nonsense still give Latin text."""
    rng = random.Random(7)
    pieces = [
        "«", "»", '"', "(", ")", ",", "-", ".", " ", "им.", "имени", "по", "и", "ПАО",
        "Университет", "государственный", "области", "Ветро", "РАН", "АО", "в", "X", "1",
    ]  # fmt: skip
    for _ in range(500):
        count = rng.randint(1, 9)
        name = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(count))
        rendered = english_rendering(name)
        assert not CYRILLIC.search(rendered), (name, rendered)


def test_reader_name_renders_only_for_an_english_reader_with_no_english_name() -> None:
    name = "Правительство Тверской области"
    assert reader_name(name, None, [], "en") == "Government of the Tver Region"
    assert is_rendered(name, None, [], "en")
    assert known_name(name, None, [], "en") == name  # what is typed back into a search
    assert reader_name(name, None, [], "ru") == name and not is_rendered(name, None, [], "ru")
    # A name the card has in English wins: the English name, or a full-name alias.
    assert reader_name(name, "Tver Region Government", [], "en") == "Tver Region Government"
    assert reader_name(name, None, ["TRG", "Tver Regional Government"], "en") == (
        "Tver Regional Government"
    )
    assert not is_rendered(name, "Tver Region Government", [], "en")


# ---------------------------------------------------------------------------------------------
# What an English user reads.

# Invented partners the articles name only in Russian.
SHIPYARD = ("Северогорский государственный морской технический университет", "university")
SHIPYARD_EN = "Severogorsky State Marine Technical University"
REGION = ("Правительство Тверской области", "government")
REGION_EN = "Government of the Tver Region"
COMPANY = ("ПАО «Ветрогаз»", "company")
COMPANY_EN = 'PJSC "Vetrogaz"'


def russian_only(name: str, kind: str) -> PartnerInput:
    return PartnerInput(name, None, (), "RU", kind, {f"k:{name}": name}, key=f"k:{name}")


async def three_partners(app: App) -> int:
    return await article(
        app,
        "a",
        day(2024, 5, 6),
        [russian_only(*SHIPYARD), russian_only(*REGION), russian_only(*COMPANY)],
        [AgreementInput("agreement", "о сотрудничестве", "2024-05-06", (0, 1))],
    )


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    pool = ExtractionWorker()
    yield pool
    pool.close()


@pytest.mark.both_engines
async def test_partners_list_and_card_in_english(app: App) -> None:
    await three_partners(app)
    english = await app.ask("/partners", language_code="en", chat_id=43)
    for name in (SHIPYARD_EN, REGION_EN, COMPANY_EN):
        assert f"• {name} 🇷🇺 — 1" in english, english
    assert not CYRILLIC.search(english), english
    buttons = app.api.sent_messages(43)[-1].params["reply_markup"]["inline_keyboard"]
    assert {SHIPYARD_EN, REGION_EN, COMPANY_EN} <= {row[0]["text"] for row in buttons}
    russian = await app.ask("/partners")
    assert f"• {REGION[0]} 🇷🇺 — 1" in russian and "Tver" not in russian

    card = await app.ask("/partners Тверской области", language_code="en", chat_id=43)
    assert card.styled("bold")[0] == REGION_EN
    assert card.splitlines()[:3] == [
        REGION_EN,
        f"{REGION[0]} (in Russian; the English above is the bot's rendering)",
        "🇷🇺 Russia · government body",
    ], card
    assert "Agreement on cooperation — signed on 6 May 2024" in card
    # Shared by a name the card has, so the query it types finds the partner.
    [[follow], [share]] = app.api.sent_messages(43)[-1].params["reply_markup"]["inline_keyboard"]
    assert follow["text"] == "🤝 Follow this partner's news"
    assert share["switch_inline_query"] == REGION[0]
    russian_card = await app.ask("/partners Тверской области")
    assert russian_card.startswith(f"{REGION[0]}\n🇷🇺 Россия"), russian_card


async def test_bodies_for_a_field_read_in_english_with_its_affairs(app: App) -> None:
    """«Комиссия РФ по делам ЮНЕСКО» read "Commission of the RF for Affairs YUNESKO" in an
    English reader's list of Russia's partners (a user session): «по делам X» is "for X
    Affairs" (for UNESCO, an organisation's own abbreviation, "for UNESCO"), «РФ» the Russian
    Federation."""
    bodies = [
        "Комиссия РФ по делам ЮНЕСКО",
        "Комитет по делам молодёжи Тверской области",
        "Министерство по делам гражданской обороны Республики Тестландия",
    ]
    await article(
        app, "a", day(2024, 5, 6), [russian_only(name, "government") for name in bodies], []
    )
    english = await app.ask("/partners Russia", language_code="en", chat_id=43)
    for name in (
        "Commission of the Russian Federation for UNESCO",
        "Committee for Youth Affairs of the Tver Region",
        "Ministry for Civil Defence Affairs of the Republic of Testlandiya",
    ):
        assert f"• {name} — 1" in english, english


@pytest.mark.both_engines
async def test_the_english_name_one_reads_finds_the_partner(app: App) -> None:
    """What an English reader sees in the list, typed back, opens the card (the rendering is
    a search form of the lookup, not a name of the registry)."""
    await three_partners(app)
    for query in (REGION_EN, "government of the tver region", SHIPYARD_EN):
        card = await app.ask(f"/partners {query}", language_code="en", chat_id=43)
        assert card.splitlines()[0] in (REGION_EN, SHIPYARD_EN), (query, card)
    reply = await app.ask(f"/agreements {REGION_EN}", language_code="en", chat_id=43)
    assert reply.startswith(f"Agreements for “{REGION_EN}” (1):"), reply
    [card, *_] = (await inline(app, REGION_EN, language_code="en"))["results"]
    assert card["title"] == REGION_EN


@pytest.mark.both_engines
async def test_agreements_name_russian_only_parties_in_english(app: App) -> None:
    await three_partners(app)
    english = await app.ask("/agreements", language_code="en", chat_id=43)
    assert f"📄 Agreement — {REGION_EN}; {SHIPYARD_EN}\n" in english, english
    russian = await app.ask("/agreements")
    assert f"📄 Соглашение — {REGION[0]}; {SHIPYARD[0]}\n" in russian, russian


@pytest.mark.both_engines
async def test_inline_card_in_english(app: App) -> None:
    await three_partners(app)
    [card, *_] = (await inline(app, "Ветрогаз", language_code="en"))["results"]
    assert card["title"] == COMPANY_EN
    assert card["text"].splitlines()[:2] == [
        f"🤝 {COMPANY_EN}",
        "ПАО «Ветрогаз» (in Russian; the English above is the bot's rendering)",
    ]
    assert card["description"].startswith("ПАО «Ветрогаз» · 🇷🇺 Russia")


@pytest.mark.both_engines
async def test_announcement_and_digest_name_partners_in_english(
    app: App, worker: ExtractionWorker
) -> None:
    news_id = await three_partners(app)
    facts = FactsService(worker, app.services.news, app.services.partners)
    render = AnnouncementRenderer(app.services.news, facts.partner_lines)
    english = await render(news_id, "en")
    assert english is not None
    partners_line = parse_telegram_html(english.text).split("🤝 Partners: ", 1)[1]
    assert partners_line == (
        f"{SHIPYARD_EN} (🇷🇺 Russia); {REGION_EN} (🇷🇺 Russia); {COMPANY_EN} (🇷🇺 Russia)"
    )

    s = app.services
    await s.chats.upsert(6, "private", None, "en")
    await s.chats.subscribe(6, "partnerships")
    await s.digests.set_mode(6, "daily", None)
    await s.news.db.execute("UPDATE chats SET digest_since = '2000-01-01T00:00:00.000000Z'")
    digests = DigestService(
        digests=s.digests,
        chats=s.chats,
        news=s.news,
        partners=s.partners,
        audience=Audience(s.chats, s.partners),
    )
    assert await digests.run(datetime.now(UTC) + timedelta(seconds=1)) == 1
    text = parse_telegram_html(
        await s.news.db.fetchval("SELECT text FROM digests WHERE chat_id = 6")
    )
    new_partners = text.split("New partners:\n")[1].split("\n\n")[0]
    assert new_partners.splitlines() == [f"• {n} 🇷🇺" for n in (SHIPYARD_EN, REGION_EN, COMPANY_EN)]
    signed = text.split("Documents signed:\n")[1].split("\n\n")[0]
    expected = f"• Agreement on cooperation — {REGION_EN}; {SHIPYARD_EN} (signed on 6 May 2024)"
    assert signed == expected, text


@pytest.mark.both_engines
async def test_the_rendering_is_never_stored_nor_exported(app: App) -> None:
    await three_partners(app)
    await app.ask("/partners", language_code="en", chat_id=43)
    rows = {row["name"]: row for row in await partners_rows(app.services.reports)}
    for name, _ in (SHIPYARD, REGION, COMPANY):
        assert rows[name]["name_en"] is None and rows[name]["aliases"] == [], rows[name]
    for partner in await app.services.partners.top(10):
        assert partner.name_en is None and all(CYRILLIC.search(a) for a in partner.aliases)
