"""Chinese names written in Russian (the Palladius system, «Цзянсу», «Чжэцзян», «Сиань»)
read back into pinyin ("Jiangsu", "Zhejiang", "Xi'an"), for the English rendering of names.

The syllables are made from the two systems' rules (pinyin initials and finals and their
Palladius spellings, with the combinations pinyin allows), so any name is read, not a list of
places. A word is read as Chinese only when it splits wholly into such syllables.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Pinyin initials and their Palladius spellings.
_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г",
    "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш",
    "r": "ж", "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip
# Finals after an initial.
_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е",
    "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн",
    "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь",
    "uang": "уан", "ü": "юй", "üe": "юэ", "üan": "юань", "ün": "юнь",
}  # fmt: skip
# Syllables without an initial.
_ALONE = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "er": "эр", "yi": "и", "ya": "я", "ye": "е",
    "yao": "яо", "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин",
    "yong": "юн", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань",
    "wen": "вэнь", "wang": "ван", "weng": "вэн", "yu": "юй", "yue": "юэ", "yuan": "юань",
    "yun": "юнь",
}  # fmt: skip

_PALATAL = {"j", "q", "x"}  # only before i and ü
_SIBILANT = {"z", "c", "s", "zh", "ch", "sh", "r"}  # their "i" is «ы» after z, c, s
_HUSHING = {"zh", "ch", "sh", "r"}
_I_INITIALS = {"b", "p", "m", "d", "t", "n", "l"}  # the others take no i-final
_U_FINALS = {"ü", "üe", "üan", "ün"}


def _allowed(initial: str, final: str) -> bool:
    if initial in _PALATAL:
        return final.startswith("i") or final in _U_FINALS
    if final in _U_FINALS:
        return initial in ("n", "l") and final in ("ü", "üe")
    if final.startswith("i") and final not in ("i",):
        return initial in _I_INITIALS
    if final == "i":
        return initial in _I_INITIALS or initial in _SIBILANT
    if final == "o":
        return initial in ("b", "p", "m", "f")
    if final == "uo":
        return initial not in ("b", "p", "m", "f")
    if final == "ong":
        return initial not in ("b", "p", "m", "f")
    return True


@lru_cache(maxsize=1)
def _syllables() -> dict[str, str]:
    """Palladius spelling -> pinyin, every allowed syllable."""
    table: dict[str, str] = {}
    for pinyin, russian in _ALONE.items():
        table.setdefault(russian, pinyin)
    for initial, head in _INITIALS.items():
        for final, tail in _FINALS.items():
            if not _allowed(initial, final):
                continue
            russian = head + tail
            if final == "i" and initial in ("z", "c", "s"):
                russian = head + "ы"
            spelt = initial + (final.replace("ü", "u") if initial in _PALATAL else final)
            table.setdefault(russian, spelt)
            if initial in _HUSHING and tail.startswith("э"):
                # Russian spelling writes «е» after «ж», «ч», «ш»: «Чжецзян» is «Чжэцзян».
                table.setdefault(head + "е" + tail[1:], spelt)
    return table


# Spellings Russian words hardly have and Palladius often does: «цз», «чж», «э» after a
# consonant, «оу», «ао», «юэ», and «нь» (Russian drops it before «-ский»: «Сианьский»).
_MARKS = re.compile(r"цз|чж|[бпмфдтнлгкхцчшжс]э|оу|ао|юэ|нь")


def pinyin(word: str) -> str | None:
    """The pinyin of a Russian-written Chinese word («Цзянсу» → "Jiangsu", «Сиань» → "Xi'an"),
    capitalised as the word is; None unless the word splits wholly into syllables and has a
    spelling of `_MARKS` («Лиман» is no «Limang»)."""
    lower = word.lower().replace("ё", "е")
    if not lower.isalpha() or not _MARKS.search(lower):
        return None
    table = _syllables()
    longest = max(len(s) for s in table)
    # Fewest syllables, then fewest without an initial (a consonant begins a syllable).
    best: list[tuple[int, int, list[str]] | None] = [None] * (len(lower) + 1)
    best[0] = (0, 0, [])
    for end in range(1, len(lower) + 1):
        for start in range(max(0, end - longest), end):
            prev = best[start]
            piece = lower[start:end]
            if prev is None or piece not in table:
                continue
            syllable = table[piece]
            bare = int(start > 0 and syllable[0] in "aoe")
            candidate = (prev[0] + 1, prev[1] + bare, [*prev[2], syllable])
            if best[end] is None or candidate[:2] < best[end][:2]:  # type: ignore[index]
                best[end] = candidate
    found = best[len(lower)]
    if found is None:
        return None
    parts = found[2]
    text = parts[0] + "".join(("'" + p) if p[0] in "aoe" else p for p in parts[1:])
    return text[:1].upper() + text[1:] if word[:1].isupper() else text
