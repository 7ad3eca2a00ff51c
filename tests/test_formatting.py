"""Announcement HTML: every outside piece escaped, always valid, never over 4096 UTF-16 units."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.facts.matching import cross_key, match_key
from bot.text.formatting import (
    announcement,
    broken_off,
    cut,
    cut_list,
    date_words,
    esc,
    format_date,
    one_script,
    plain_fallback,
    subject_words,
    utf16_len,
)
from bot.text.names import is_short_form, reader_name
from tests.fakes.bot_api import parse_telegram_html

WHEN = datetime(2026, 12, 1, 22, 30, tzinfo=UTC)


def test_announcement_layout_and_escaping() -> None:
    text = announcement(
        title='Меморандум <b>с "Tsinghua" & Co',
        url="https://www.spbstu.ru/media/news/a?x=1&y=<2>",
        when=WHEN,
        category="Международная деятельность",
        summary="Стороны <договорились> о совместной лаборатории & школе.",
        lang="ru",
    )
    assert text.startswith('<b><a href="https://www.spbstu.ru/media/news/a?x=1&amp;y=&lt;2&gt;">')
    assert "Меморандум &lt;b&gt;с &quot;Tsinghua&quot; &amp; Co" in text
    # 22:30 UTC is already the next day in St. Petersburg.
    assert "<i>2 декабря 2026 · Международная деятельность</i>" in text
    assert "&lt;договорились&gt;" in text
    parse_telegram_html(text)  # raises on invalid Telegram HTML


def test_english_date_and_missing_pieces() -> None:
    text = announcement(
        title="", url=None, when=None, category=None, summary="", lang="en", extra_lines=[]
    )
    assert text == "<b>—</b>"
    assert format_date(WHEN, "en") == "2 December 2026"


def test_javascript_links_are_not_linked() -> None:
    text = announcement(
        title="x", url="javascript:alert(1)", when=None, category=None, summary="", lang="en"
    )
    assert "<a" not in text


@pytest.mark.parametrize("char", ["a", "я", "&", "<", "🙂", "𝔘"])
def test_huge_pieces_stay_within_the_limit_and_valid(char: str) -> None:
    text = announcement(
        title=char * 5000,
        url="https://example.test/" + "x" * 3000,
        when=WHEN,
        category=char * 3000,
        summary=char * 20000,
        lang="ru",
        extra_lines=["<b>Партнёры:</b> " + esc(char * 4000)],
    )
    assert utf16_len(text) <= 4096
    parse_telegram_html(text)


def test_cut_counts_utf16_and_breaks_at_words() -> None:
    assert cut("short", 10) == "short"
    shortened = cut("слово " * 100, 50)
    assert utf16_len(shortened) <= 50 and shortened.endswith("…")
    assert not shortened.endswith(" …")
    emoji = cut("🙂" * 100, 11)
    assert utf16_len(emoji) <= 11


def test_plain_fallback_strips_tags_and_unescapes() -> None:
    assert plain_fallback("<b>a &amp; b</b> <i>&lt;c&gt;</i>") == "a & b <c>"


def test_name_lists_cut_between_names_and_subjects_at_whole_words() -> None:
    names = ["Первый институт", "Второй институт", "Третий институт"]
    assert cut_list(names, 100) == "Первый институт; Второй институт; Третий институт"
    assert cut_list(names, 40) == "Первый институт; Второй институт; …"
    assert cut_list(["Очень длинное название одного института"], 20) == "Очень длинное…"
    assert cut_list([], 20) == ""
    assert broken_off("о подготовке кадр", "Подписали договор о подготовке кадр") == (
        "о подготовке…"
    )
    assert broken_off("о подготовке кадров", "Подписали договор о подготовке кадров.") == (
        "о подготовке кадров"
    )
    assert broken_off("о подготовке кадров", "Договор о подготовке кадров был подписан") == (
        "о подготовке кадров"
    )


def test_a_reader_gets_a_full_name_in_their_script() -> None:
    forms = ["ЛГИ", "Лесная горная школа", "FMS"]
    assert reader_name("Forest Mining School", None, forms, "ru") == "Лесная горная школа"
    assert reader_name("Forest Mining School", None, forms, "en") == "Forest Mining School"
    assert reader_name("Forest Mining School", None, ["ЛГИ"], "ru") == "Forest Mining School"
    assert reader_name("Лесная горная школа", None, ["FMS", "Forest School"], "en") == (
        "Forest School"
    )
    assert reader_name("Лесная горная школа", "Forest Mining School", [], "en") == (
        "Forest Mining School"
    )
    assert is_short_form("NAS RA") and is_short_form("СамГУ") and not is_short_form("TU Graz")


def test_common_english_subjects_read_in_russian_others_are_marked_english() -> None:
    assert subject_words("on strategic partnership", "ru", 400) == "о стратегическом партнёрстве"
    assert subject_words("On Cooperation", "ru", 400) == "о сотрудничестве"
    assert subject_words("on joint summer schools", "ru", 400) == "(англ. on joint summer schools)"
    assert subject_words("über Sommerschulen", "ru", 400) == "(в оригинале: über Sommerschulen)"
    assert subject_words("on joint summer schools", "ru", 20) == "(англ. on joint…)"
    assert subject_words("on strategic partnership", "en", 400) == "on strategic partnership"
    assert subject_words("о сотрудничестве", "en", 400) == "on cooperation"


@pytest.mark.parametrize(
    ("day", "ru", "en"),
    [
        ("2024-11-07", "7 ноября 2024", "7 November 2024"),
        ("2019-03", "в марте 2019", "March 2019"),
        ("1987", "1987", "1987"),
        ("2019-13", "2019-13", "2019-13"),
        ("скоро", "скоро", "скоро"),
    ],
)
def test_an_iso_date_reads_as_a_person_writes_it(day: str, ru: str, en: str) -> None:
    assert (date_words(day, "ru"), date_words(day, "en")) == (ru, en)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Рocaтoм", "Росатом"),  # more Latin letters, but т and м have no Latin twin
        ("пo", "по"),  # as many of each: only the Cyrillic spelling keeps both
        ("IТ", "IT"),  # a Cyrillic Т beside a Latin I
        ("Kитай", "Китай"),
        ("Tsinghuа", "Tsinghua"),
        ("Сосо", "Сосо"),
        ("C язык", "C язык"),
        ("c Китаем", "с Китаем"),
    ],
)
def test_a_word_typed_in_two_scripts_is_read_in_the_one_it_can_be_written_in(
    typed: str, read: str
) -> None:
    assert one_script(typed) == read


def test_the_registry_keys_a_name_as_a_person_types_it_is_read() -> None:
    # One reader for both: a name half in Latin look-alikes keys as its Cyrillic spelling.
    assert match_key("Госкорпорация «Рocaтoм»") == match_key("Госкорпорация «Росатом»")
    assert cross_key("Рocкocмoc") == cross_key("Роскосмос")
