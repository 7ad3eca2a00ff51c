"""The one place that turns outside text into Telegram HTML, within Telegram's length limit."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.text.i18n import RU, in_language, is_cyrillic, subject_en, subject_ru

TELEGRAM_LIMIT = 4096
DISPLAY_ZONE = ZoneInfo("Europe/Moscow")

_MONTHS_RU = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
# "в марте 2019": the prepositional case, for a month without a day.
_IN_MONTHS_RU = (
    "январе", "феврале", "марте", "апреле", "мае", "июне",
    "июле", "августе", "сентябре", "октябре", "ноябре", "декабре",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A broadcast message: Telegram HTML within the limit, an optional URL button under it
    (label, url), and an optional image URL shown as the link preview (None: no preview)."""

    text: str
    button: tuple[str, str] | None = None
    preview_url: str | None = None


def esc(text: str | None) -> str:
    """Escape outside text for Telegram HTML (also safe inside attribute values)."""
    return html.escape(text or "", quote=True)


_TYPED_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def typed_text(text: str | None, *, scripts: bool = True) -> str:
    """What a person meant by a command's arguments: markup pasted along with the words
    dropped (`<b>Цинхуа</b>` is Цинхуа, `&amp;` is &), spaces collapsed, a word typed in two
    scripts in one (see `one_script`; not with `scripts` False: the letters as typed)."""
    said = " ".join(html.unescape(_TYPED_TAG.sub(" ", text or "")).split())
    return one_script(said) if scripts else said


# Latin letters that look like Cyrillic ones, and back: a keyboard's or a paste's mix.
_LATIN_LIKE = "AaBCcEeHKkMOoPpTXxYy"
_CYRILLIC_LIKE = "АаВСсЕеНКкМОоРрТХхУу"
_TO_CYRILLIC = str.maketrans(_LATIN_LIKE, _CYRILLIC_LIKE)
_TO_LATIN = str.maketrans(_CYRILLIC_LIKE, _LATIN_LIKE)
_LETTERS = re.compile(r"[^\W\d_]+")


def one_script(text: str) -> str:
    """Each run of letters in two scripts, in the one script it can be written in by swapping
    look-alike letters alone («Kитай» with a Latin K is «Китай»; 'Tsinghuа' with a Cyrillic а
    is 'Tsinghua'; «пo» with a Latin o is «по»): such a word found nothing and keyed apart. When
    either script would do, the one most of its letters are in; a run with letters of its own
    in both scripts is left as typed. A small letter alone before a Cyrillic word («c
    Китаем») is Cyrillic, a capital alone ("C язык") as typed. The one reader of both the
    registry's keys and what a person types."""

    def fix(match: re.Match[str]) -> str:
        run = match.group()
        cyrillic = [ch for ch in run if "а" <= ch.lower() <= "я" or ch in "ёЁ"]
        latin = [ch for ch in run if "a" <= ch.lower() <= "z"]
        if not cyrillic or not latin:
            return run
        as_cyrillic = all(c in _LATIN_LIKE for c in latin)
        as_latin = all(c in _CYRILLIC_LIKE for c in cyrillic)
        if as_cyrillic and as_latin:  # only look-alikes: the script most letters are in
            if len(cyrillic) == len(latin):
                return run
            as_cyrillic = len(cyrillic) > len(latin)
        if as_cyrillic:
            return run.translate(_TO_CYRILLIC)
        return run.translate(_TO_LATIN) if as_latin else run

    words = _LETTERS.sub(fix, text).split(" ")
    for i, word in enumerate(words[:-1]):  # «c Китаем»: a preposition in the other layout
        # A capital alone is a name ("C язык": the programming language), not a preposition.
        if (
            len(word) == 1
            and word in _LATIN_LIKE
            and word.islower()
            and _CYRILLIC_WORD.match(words[i + 1])
        ):
            words[i] = word.translate(_TO_CYRILLIC)
    return " ".join(words)


_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]")

# The same keys on the Latin (QWERTY) and Russian (ЙЦУКЕН) layouts.
_QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>~"
_JCUKEN = "йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ"
_TO_JCUKEN = str.maketrans(_QWERTY, _JCUKEN)
_TO_QWERTY = str.maketrans(_JCUKEN, _QWERTY)
_ALL_QWERTY = re.compile(r"[A-Za-z\[\]{};:'\",.<>`~ -]*[A-Za-z][A-Za-z\[\]{};:'\",.<>`~ -]*")
_ALL_JCUKEN = re.compile(r"[А-Яа-яЁё -]*[А-Яа-яЁё][А-Яа-яЁё -]*")


def other_layout(text: str) -> str | None:
    """`text` as the same keys give it on the other keyboard layout («Hjcfnjv» is «Росатом»,
    «Ышуьуты» is "Siemens", «Газпром ytanm» is «Газпром нефть»), or None when it has other
    signs. Only a guess: the caller keeps it when it names what the text as typed does not."""
    if _ALL_QWERTY.fullmatch(text):
        return text.translate(_TO_JCUKEN)
    if _ALL_JCUKEN.fullmatch(text):
        return text.translate(_TO_QWERTY)
    said = text.split(" ")
    if all(_ALL_QWERTY.fullmatch(w) or _ALL_JCUKEN.fullmatch(w) for w in said):
        # «Газпром ytanm»: the layout switched mid-way; the Latin words were Russian keys.
        return " ".join(w.translate(_TO_JCUKEN) if _ALL_QWERTY.fullmatch(w) else w for w in said)
    return None


def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def cut(text: str, limit: int) -> str:
    """Plain text shortened to `limit` UTF-16 units, at a word boundary when possible, with '…'."""
    if utf16_len(text) <= limit:
        return text
    budget = max(limit - 1, 0)
    out = []
    used = 0
    for char in text:
        size = 2 if ord(char) > 0xFFFF else 1
        if used + size > budget:
            break
        out.append(char)
        used += size
    short = "".join(out)
    space = short.rfind(" ")
    if space > len(short) * 0.6:
        short = short[:space]
    return short.rstrip(" ,.;:-–—") + "…"


# The SPbPU page's date line heads the extracted text ("05.12.2026 Стороны ..."); the CMS ends
# every teaser with "...", even one that is a whole sentence ("трибунах....").
_LEADING_DATE = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{4}\s+")
_CMS_DOTS = re.compile(r"([.!?]?)\.{3}$")


def tidy_summary(text: str) -> str:
    """Article text as a reader should meet it in a summary: one paragraph, no date line,
    no doubled ellipsis."""
    text = " ".join(_LEADING_DATE.sub("", text).split())
    return _CMS_DOTS.sub(lambda m: m.group(1) or "…", text)


def link(url: str | None, text: str) -> str:
    """A link when the URL is http(s), plain escaped text otherwise."""
    if url and url.startswith(("http://", "https://")):
        return f'<a href="{esc(url)}">{esc(text)}</a>'
    return esc(text)


def format_date(moment: datetime | None, lang: str) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(DISPLAY_ZONE)
    if lang == "ru":
        return f"{local.day} {_MONTHS_RU[local.month - 1]} {local.year}"
    return f"{local.day} {_MONTHS_EN[local.month - 1]} {local.year}"


def date_words(day: str, lang: str) -> str:
    """An ISO date as a reader writes it ('2025-03-03' is '3 марта 2025', '2019-03' 'в марте
    2019' / 'March 2019', '1987' stays); anything else is returned as it is (plain text)."""
    parts = day.split("-")
    if not all(p.isdigit() for p in parts) or not 1 <= len(parts) <= 3:
        return day
    numbers = [int(p) for p in parts]
    if len(numbers) > 1 and not 1 <= numbers[1] <= 12:
        return day
    if len(numbers) == 1:
        return str(numbers[0])
    if len(numbers) == 2:
        year, month = numbers
        if lang == "ru":
            return f"в {_IN_MONTHS_RU[month - 1]} {year}"
        return f"{_MONTHS_EN[month - 1]} {year}"
    year, month, date = numbers
    if lang == "ru":
        return f"{date} {_MONTHS_RU[month - 1]} {year}"
    return f"{date} {_MONTHS_EN[month - 1]} {year}"


def join_within(parts: Iterable[str], limit: int = TELEGRAM_LIMIT, sep: str = "\n\n") -> str:
    """Join ready HTML blocks, leaving out whole blocks that would pass the limit."""
    out: list[str] = []
    used = 0
    for part in parts:
        size = utf16_len(part) + (utf16_len(sep) if out else 0)
        if used + size > limit:
            break
        out.append(part)
        used += size
    return sep.join(out)


def announcement(
    *,
    title: str,
    url: str | None,
    when: datetime | None,
    category: str | None,
    summary: str,
    lang: str,
    extra_lines: Iterable[str] = (),
    limit: int = TELEGRAM_LIMIT,
) -> str:
    """Bold linked title, date and category, a short summary, then extra lines (partners).

    Pieces are escaped here; when everything does not fit, the summary shrinks first, then
    the title, so the result is always valid HTML within `limit` UTF-16 units.
    """
    meta = " · ".join(x for x in (format_date(when, lang), category or "") if x)
    extras = [line for line in extra_lines if line]
    title = title.strip() or "—"
    summary = summary.strip()
    title_budget = 600
    summary_budget = 1500
    while True:
        head = f"<b>{link(url, cut(title, title_budget))}</b>"
        blocks = [head]
        if meta:
            blocks.append(f"<i>{esc(meta)}</i>")
        if summary and summary_budget > 0:
            blocks.append(esc(cut(summary, summary_budget)))
        text = "\n".join(blocks[:2]) + ("\n\n" + blocks[2] if len(blocks) > 2 else "")
        text = "\n\n".join([text, *extras]) if extras else text
        if utf16_len(text) <= limit:
            return text
        if summary_budget > 0:
            summary_budget = summary_budget // 2 if summary_budget > 50 else 0
        elif extras:
            extras.pop()
        elif title_budget > 20:
            title_budget //= 2
        else:
            return cut(esc(title), limit)


def plain_fallback(html_text: str, limit: int = TELEGRAM_LIMIT) -> str:
    """Plain text for a resend when Telegram rejected our HTML (a bug, but the user gets news)."""
    stripped = re.sub(r"<[^>]+>", "", html_text)
    return cut(html.unescape(stripped), limit)


def signed_words(signed_on: str, lang: str) -> str:
    """When a document was signed, as the text gives it (ISO YYYY, YYYY-MM or YYYY-MM-DD):
    'подписано в 1987', 'подписано в марте 2019', 'signed on 12 March 2019' (plain text)."""
    parts = [int(p) for p in signed_on.split("-")]
    if len(parts) == 1:
        return f"подписано в {parts[0]}" if lang == "ru" else f"signed in {parts[0]}"
    if len(parts) == 2:
        year, month = parts
        if lang == "ru":
            return f"подписано в {_IN_MONTHS_RU[month - 1]} {year}"
        return f"signed in {_MONTHS_EN[month - 1]} {year}"
    year, month, day = parts[:3]
    if lang == "ru":
        return f"подписано {day} {_MONTHS_RU[month - 1]} {year}"
    return f"signed on {day} {_MONTHS_EN[month - 1]} {year}"


def agreement_dates(signed_on: str | None, published: datetime | None, lang: str) -> str:
    """When a document was signed (if the text says) and when the news of it came out:
    'подписано в сентябре 2013 · 1 января 2020', '1 января 2020' (plain text)."""
    parts = [signed_words(signed_on, lang) if signed_on else "", format_date(published, lang)]
    return " · ".join(p for p in parts if p)


def cut_list(items: Iterable[str], limit: int, sep: str = "; ") -> str:
    """Names joined by `sep` within `limit` UTF-16 units: whole names only, '…' for the rest
    (one name longer than the limit is cut at a word boundary)."""
    names = [n for n in items if n]
    joined = sep.join(names)
    if utf16_len(joined) <= limit:
        return joined
    out: list[str] = []
    for name in names:
        if utf16_len(sep.join([*out, name])) + utf16_len(sep) + 1 > limit:
            break
        out.append(name)
    if not out:
        return cut(names[0], limit)
    return sep.join(out) + sep.rstrip() + " …"


def subject_words(title: str | None, lang: str, limit: int) -> str:
    """A document's subject as the article words it ('о сотрудничестве'), cut to `limit`.
    Russian readers see every subject (a common English one translated, another marked as
    English: "(англ. on summer schools)"); English readers an English one, or a common Russian
    one translated, else none (no line they cannot read)."""
    if not title or not title.strip():
        return ""
    text = title.strip()
    if lang != RU and is_cyrillic(text):
        return cut(subject_en(text), limit)
    if lang == RU and not is_cyrillic(text) and subject_ru(text):
        return cut(subject_ru(text), limit)  # "on strategic partnership" read in Russian
    if in_language(text, lang):
        return cut(text, limit)
    # A Russian reader, a subject the article gave in English: marked as English, not set in
    # Russian quotes as if a title («Соглашение «on a summer school»»).
    english = all(ch.isascii() for ch in text if ch.isalpha())
    marker = "англ." if english else "в оригинале:"
    return f"({marker} {cut(text, limit - len(marker) - 3)})"


def broken_off(subject: str, text: str) -> str:
    """`subject` as quoted from `text`; when it runs to where the text breaks off mid-sentence
    (a teaser's "...", no final stop), its last, likely partial, word becomes '…'."""
    words = subject.split()
    body = text.rstrip()
    if body.endswith(("...", "…")) and not body.endswith("...."):  # "....": a whole sentence
        body = body.rstrip(".…").rstrip()
    elif not body or body[-1] in '.!?»")':
        return subject
    if not words or not body.endswith(subject.rstrip(" .…")):
        return subject
    kept = words[:-1] if len(words) > 2 else words  # "о…" would say nothing
    return " ".join(kept).rstrip(" ,;:-–—.…") + "…"
