"""Article extraction on hand-written pages, charset detection, hostile input and announcements."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from bot.ingest.articles import decode_html, extract_article_text
from bot.text.summary import first_sentences

DATA = Path(__file__).parent / "data" / "articles"
ARTICLE_URL = "https://www.spbstu.ru/media/news/partnership/memorandum-harbin-engineering/"


def page(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def spbstu_text() -> str:
    text = extract_article_text(page("spbstu_article.html"), ARTICLE_URL)
    assert text is not None
    return text


def test_article_paragraphs_are_kept_in_order(spbstu_text: str) -> None:
    paragraphs = spbstu_text.split("\n\n")
    starts = [
        "Санкт-Петербургский политехнический университет Петра Великого и Харбинский",
        "Церемония прошла в Белом зале Политеха.",
        "По словам участников встречи",
        "Кроме того, университеты договорились",
    ]
    assert [next(p for p in paragraphs if p.startswith(s)) for s in starts]
    positions = [spbstu_text.index(s) for s in starts]
    assert positions == sorted(positions)
    assert paragraphs[0].startswith(starts[0])  # the headline is not repeated in the text


@pytest.mark.parametrize(
    "noise",
    [
        "Абитуриентам",  # header menu
        "Главная",  # breadcrumbs
        "Поделиться",  # share buttons
        "ВКонтакте",
        "Читайте также",  # related news
        "лазерных технологий",
        "Подпишитесь на рассылку",  # subscription form
        "©",  # footer
        "Политехническая ул.",
        "dataLayer",  # scripts
        "display: flex",  # styles
    ],
)
def test_page_chrome_is_left_out(spbstu_text: str, noise: str) -> None:
    assert noise not in spbstu_text


def test_fallback_finds_plain_paragraphs_without_semantic_markup() -> None:
    text = extract_article_text(page("bare_paragraphs.html"))
    assert text is not None
    assert text.startswith("Делегация Индийского института технологий из Ченнаи")
    assert text.count("\n\n") == 2
    assert "Поделиться" not in text and "©" not in text and "Контакты" not in text


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body><p>Короткая заметка.</p></body></html>",
        "<html><body><nav><p>" + "Меню " * 100 + "</p></nav></body></html>",
    ],
)
def test_nothing_article_like_gives_none(html: str) -> None:
    assert extract_article_text(html) is None


SHORT_NEWS = "Турнир по шахматам среди первокурсников прошёл в субботу; победил студент ИКНК."


def test_a_short_text_counts_when_it_opens_as_the_teaser_does() -> None:
    html = f"<html><body><h1>Турнир</h1><article><p>{SHORT_NEWS}</p></article></body></html>"
    assert extract_article_text(html) is None  # too short to tell from a banner
    teaser = SHORT_NEWS[:50] + "..."
    assert extract_article_text(html, teaser=teaser) == SHORT_NEWS
    # A short text that is not the item's (a menu, a cookie banner) stays refused.
    other = "<html><body><nav><p>Главная · Новости · Контакты · Вход</p></nav></body></html>"
    assert extract_article_text(other, teaser=teaser) is None
    # A teaser too short to recognise anything by proves nothing.
    assert extract_article_text(html, teaser="Турнир...") is None


def test_a_short_page_that_cuts_the_teaser_is_not_the_items_text() -> None:
    """The feed gave the whole short item; a page showing only its start (a card with «read
    more») would replace the teaser by less of it."""
    whole = SHORT_NEWS + " Второе место занял гость из соседнего вуза."
    card = f"<html><body><article><p>{whole[:70]}…</p><p>Читать далее</p></article></body></html>"
    assert extract_article_text(card, teaser=whole) is None
    # The page with the whole item (and no more) is still taken.
    page = f"<html><body><h1>Турнир</h1><article><p>{whole}</p></article></body></html>"
    assert extract_article_text(page, teaser=whole) == whole


def test_cp1251_page_declared_in_meta() -> None:
    body = (DATA / "cp1251_meta.html").read_bytes()
    html = decode_html(body, "text/html")
    assert "Делегация Индийского института" in html
    text = extract_article_text(html)
    assert text is not None and "Ченнаи" in text


def test_cp1251_page_declared_only_in_header() -> None:
    body = (DATA / "cp1251_header_only.html").read_bytes()
    assert "Ченнаи" in decode_html(body, "text/html; charset=windows-1251")


def test_cp1251_page_without_any_declaration_falls_back() -> None:
    body = (DATA / "cp1251_header_only.html").read_bytes()
    assert "Ченнаи" in decode_html(body, None)


def test_decode_prefers_header_then_meta_then_utf8() -> None:
    utf8 = '<meta charset="windows-1251"><p>Политех</p>'.encode()
    assert "Политех" in decode_html(utf8, None)  # mislabelled UTF-8 is still UTF-8
    assert "Политех" in decode_html("<p>Политех</p>".encode("koi8-r"), "text/html; charset=koi8-r")
    assert decode_html(b"\xef\xbb\xbf<p>ok</p>", None) == "<p>ok</p>"
    assert "Политех" in decode_html("<p>Политех</p>".encode(), "text/html; charset=bogus-xyz")
    assert decode_html(b"", None) == ""


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<div>" * 100_000 + "глубоко " * 100 + "</div>" * 100_000,
        "<html><body>" + "<span><b><i>" * 50_000 + "<p>текст</p>" * 100,
        "<html><body>" + "<div class='card'><p>анонс</p><a href='#'>ссылка</a></div>" * 90_000,
        "<html><body><article>" + "<p>" + "Текст новости о партнёрстве. " * 40 + "</p>" * 6000,
        os.urandom(3_000_000).decode("latin-1"),
        "\x00\x01\x02<p>" * 10_000,
        "<" * 100_000,
    ],
    ids=["deep-divs", "unclosed-inline", "many-elements", "5mb-article", "binary", "nul", "lt"],
)
def test_hostile_input_is_bounded(html: str) -> None:
    started = time.monotonic()
    result = extract_article_text(html)
    assert result is None or isinstance(result, str)
    assert time.monotonic() - started < 3


def test_binary_garbage_is_not_an_article() -> None:
    assert extract_article_text(decode_html(os.urandom(500_000), None)) is None


TEXT = (
    "В 2026 г. Политех им. Петра Великого подписал меморандум с Харбинским инженерным "
    "университетом. Документ подписали проф. А. С. Иванов и вице-президент партнёра. "
    "Что дальше? Обмен студентами! Последнее предложение."
)


def test_first_sentences_takes_whole_sentences() -> None:
    assert first_sentences(TEXT) == (
        "В 2026 г. Политех им. Петра Великого подписал меморандум с Харбинским инженерным "
        "университетом. Документ подписали проф. А. С. Иванов и вице-президент партнёра. "
        "Что дальше?"
    )
    assert first_sentences(TEXT, max_sentences=1).endswith("инженерным университетом.")


def test_first_sentences_respects_max_chars() -> None:
    result = first_sentences(TEXT, max_chars=150)
    assert result.endswith("университетом.")
    assert len(result) <= 150


def test_first_sentences_cuts_a_long_sentence_at_a_word() -> None:
    long = "Политех " + "и партнёры " * 100 + "подписали соглашение."
    result = first_sentences(long, max_chars=60)
    assert result.endswith("…") and len(result) <= 60
    assert result[:-1].split()[-1] in {"и", "партнёры"}


def test_first_sentences_edge_cases() -> None:
    assert first_sentences("") == ""
    assert first_sentences("Без точки в конце") == "Без точки в конце"
    assert first_sentences("Абзац один.\n\nАбзац два.") == "Абзац один. Абзац два."
    assert (
        first_sentences("Цена 3.5 млн руб. утверждена. Всё.")
        == "Цена 3.5 млн руб. утверждена. Всё."
    )
