"""Which of a partner's names a reader sees: one in their own script when there is one."""

from __future__ import annotations

from collections.abc import Iterable

from bot.text.english import english_rendering
from bot.text.i18n import RU, is_cyrillic
from bot.text.russian import russian_rendering


def is_short_form(name: str) -> bool:
    """Initials such as "КРСУ", "SamSU", "NAS RA": no word of three letters or more written
    mostly in small letters (a reader cannot tell the organisation from it)."""
    for word in name.split():
        letters = [ch for ch in word if ch.isalpha()]
        lower = sum(1 for ch in letters if ch.islower())
        if len(letters) >= 3 and lower * 2 > len(letters):
            return False
    return True


def reader_name(name: str, name_en: str | None, aliases: Iterable[str], lang: str) -> str:
    """The partner's name for a reader of `lang`: the registry name, the English name or the
    longest full-name alias written in the reader's script; when none is, the registry name,
    for an English reader rendered in English (`bot.text.english`), for a Russian one a
    mission's English name in Russian (`bot.text.russian`). Display only: what is
    typed back into a search or a query takes `known_name`."""
    shown = known_name(name, name_en, aliases, lang)
    if lang != RU and is_cyrillic(shown):
        return english_rendering(shown)
    if lang == RU and not is_cyrillic(shown):  # a consulate named in English only
        return russian_rendering(shown) or shown
    return shown


def is_rendered(name: str, name_en: str | None, aliases: Iterable[str], lang: str) -> bool:
    """Whether a reader of `lang` sees the card's name as the bot rendered it, not as given."""
    shown = known_name(name, name_en, aliases, lang)
    if lang == RU:
        return not is_cyrillic(shown) and russian_rendering(shown) is not None
    return is_cyrillic(shown)


def known_name(name: str, name_en: str | None, aliases: Iterable[str], lang: str) -> str:
    """The card's name in the reader's script if it has one (see `reader_name`), else the
    registry name as it is."""
    if lang == RU:
        if is_cyrillic(name):
            return name
    elif name_en:
        return name_en
    elif not is_cyrillic(name):
        return name
    want_cyrillic = lang == RU
    fitting = [
        a for a in aliases if a.strip() and is_cyrillic(a) == want_cyrillic and not is_short_form(a)
    ]
    if not fitting:
        return name
    return max(fitting, key=lambda a: (len(a), a))
