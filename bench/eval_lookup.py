"""How /partners NAME answers each card's own names: a registry database (a copy) in, counts out.

    .venv/bin/python bench/eval_lookup.py DB.sqlite3 [--repo PATH] [--details]

For every visible card, each of its names and aliases, and the genitive of each Russian one
("Харбинского политехнического университета"), is looked up as /partners would, and counted as
the right card opened, choices that show the right card, choices without it, a wrong card
opened, or nothing. `--repo` imports the lookup of another checkout (a before/after compare);
both the current `Found` interface and the earlier list of (id, score) are understood.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path
from typing import Any

SHOWN = 8  # buttons a choice reply shows
# What people typed in the colleague's session, and the card (by name) they meant.
SPOT = (
    ("Харбинский политехнический университет", "Harbin Polytechnic University"),
    ("Гонконгский политехнический университет", "Hong Kong Polytechnic University"),
    ("Harbin Institute of Technology", "Harbin Polytechnic University"),
    ("Technical University of Berlin", "Technische Universität Berlin"),
    ("Харбин", "Harbin Polytechnic University"),
    ("Синопек", "Китая Sinopec"),
    ("Ministry of Foreign Affairs", "Foreign Ministry of Russia"),
    ("Embassy of Vietnam", "Посольство Вьетнама"),
    ("Hong Kong Polytechnic University", "Hong Kong Polytechnic University"),
    ("Xi'an Technological University", "Xi'an Technological University"),
    ("Zhejiang University", "Zhejiang University"),
    ("Чжэцзянский университет", "Zhejiang University"),
    ("Ганновер", "Leibniz Universität Hannover"),
    ("Грац", "Technische Universität Graz"),
    ("Газпром нефть", "Gazprom Neft"),
    ("Power Machines", "Power Machines"),
)

_ADJ = ((re.compile(r"(ск|цк|н|в)ий$"), r"\1ого"), (re.compile(r"ый$"), "ого"),
        (re.compile(r"ой$"), "ого"), (re.compile(r"ая$"), "ой"),
        (re.compile(r"ое$"), "ого"))  # fmt: skip
_NOUN = ((re.compile(r"ия$"), "ии"), (re.compile(r"([гкхжшщч])а$"), r"\1и"),
         (re.compile(r"а$"), "ы"), (re.compile(r"я$"), "и"), (re.compile(r"ь$"), "я"),
         (re.compile(r"([бвгджзклмнпрстфхцчшщ])$"), r"\1а"))  # fmt: skip


def genitive(name: str) -> str | None:
    """The genitive of a Russian name's leading adjectives and head noun; None for others."""
    words = name.split()
    if not words or not re.search(r"[а-яё]", words[0].lower()):
        return None
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        for pattern, repl in _ADJ:
            if pattern.search(low) and len(low) > 4:
                out.append(word[:1] + pattern.sub(repl, low)[1:])
                break
        else:
            if re.fullmatch(r"[А-ЯЁа-яё-]+", word) and not word.isupper():
                for pattern, repl in _NOUN:
                    if pattern.search(low):
                        out.append(word[:1] + pattern.sub(repl, low)[1:])
                        break
                else:
                    out.append(word)
            else:
                out.append(word)
            out.extend(words[i + 1 :])
            break
    text = " ".join(out)
    return text if text != name else None


def swapped(name: str) -> str | None:
    """The name with two letters in the middle of its longest word (6+ letters) swapped."""
    words = name.split()
    longest = max(words, key=len, default="")
    if len(longest) < 6 or not longest.isalpha():
        return None
    i = len(longest) // 2
    typo = longest[:i] + longest[i + 1] + longest[i] + longest[i + 2 :]
    return None if typo == longest else name.replace(longest, typo, 1)


def stranger(word: str) -> str:
    """An unknown word in the place of a distinguishing one, in its script and part of speech."""
    if not re.search(r"[а-яё]", word.lower()):
        return "Quarvik"
    ending = re.search(r"(ский|ская|ское|ского|ской|ских)$", word.lower())
    return "Кварвик" + (ending.group(1) if ending else "а")


def outcome(lookup: Any, query: str, known: list[tuple[int, list[str]]], mentions: dict[int, int],
            right: int) -> str:  # fmt: skip
    found = lookup.rank_partners(query, known)
    if hasattr(found, "named"):  # the word-by-word lookup
        if not found:
            return "nothing"
        if found.named is not None:
            return "right card" if found.named == right else "wrong card"
        score = dict(found.ranked)
        ids = sorted(found.candidates, key=lambda p: (-score[p], -mentions.get(p, 0)))
        if len(ids) == 1 and ids[0] != right:
            return "wrong single choice"
        return "choices incl. right" if right in ids[:SHOWN] else "choices without right"
    if not found:  # the earlier lookup: ties at the best score, cut to 8
        return "nothing"
    best = [pid for pid, s in found if s >= found[0][1] - 0.5][:SHOWN]
    if len(best) <= 1:
        chosen = best[0] if best else found[0][0]
        return "right card" if chosen == right else "wrong card"
    return "choices incl. right" if right in best else "choices without right"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--repo", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, args.repo)
    import bot.facts.lookup as lookup
    from bot.facts.extraction.names import is_abbreviation
    from bot.facts.matching import names_nothing

    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    visible = (  # the cards a person can open: live and mentioned
        "p.hidden = 0 AND p.merged_into IS NULL AND EXISTS (SELECT 1 FROM partner_mentions m "
        "WHERE m.partner_id = p.id)"
    )
    known_rows = conn.execute(
        f"SELECT a.partner_id, a.alias FROM partner_aliases a JOIN partners p ON p.id = "
        f"a.partner_id WHERE {visible} ORDER BY a.partner_id"
    ).fetchall()
    known: dict[int, list[str]] = {}
    for pid, alias in known_rows:
        known.setdefault(int(pid), []).append(alias)
    mentions = dict(
        conn.execute("SELECT partner_id, COUNT(*) FROM partner_mentions GROUP BY partner_id")
    )
    cards = conn.execute(f"SELECT id, name, name_en FROM partners p WHERE {visible}").fetchall()
    pairs = list(known.items())
    counts: Counter[str] = Counter()
    for pid, name, name_en in cards:
        forms = dict.fromkeys([name, name_en or "", *known.get(pid, [])])
        for form in list(forms):
            if form and (gen := genitive(form)):
                forms[gen] = None
        for form in forms:
            if not form:
                continue
            what = outcome(lookup, form, pairs, mentions, pid)
            counts[what] += 1
            if args.details and what not in ("right card", "choices incl. right"):
                print(f"{what:22} #{pid} {name!r} <- {form!r}")
    total = sum(counts.values())
    print(
        f"{args.repo}: {total} queries, each card's names, aliases and their genitives, "
        f"over {len(cards)} cards:"
    )
    for what in ("right card", "choices incl. right", "choices without right",
                 "wrong single choice", "wrong card", "nothing"):  # fmt: skip
        print(f"  {what:22} {counts[what]:4}")
    print('the card\'s telling words only ("Harbin", "Цинхуа"):')
    brief: Counter[str] = Counter()
    for pid, name, name_en in cards:
        for form in dict.fromkeys([name, name_en or ""]):
            words = [w for w in form.split() if not names_nothing(w) and not is_abbreviation(w)]
            short = " ".join(words)
            if short and short != form:
                what = outcome(lookup, short, pairs, mentions, pid)
                brief[what] += 1
                if args.details and what not in ("right card", "choices incl. right"):
                    print(f"{what:22} #{pid} {name!r} <- {short!r}")
    for what, n in brief.most_common():
        print(f"  {what:22} {n:4}")
    print("a typo in the longest word (two letters swapped):")
    typos: Counter[str] = Counter()
    for pid, name, name_en in cards:
        for form in dict.fromkeys([name, name_en or ""]):
            if not (typo := swapped(form)):
                continue
            what = outcome(lookup, typo, pairs, mentions, pid)
            typos[what] += 1
            if args.details and what not in ("right card", "choices incl. right"):
                print(f"{what:22} #{pid} {name!r} <- {typo!r}")
    for what, n in typos.most_common():
        print(f"  {what:22} {n:4}")
    print('the name with its distinguishing words made unknown ("Кварвикский политехнический')
    print('университет", "Quarvik Institute of Technology"): no card should open')
    unknown: Counter[str] = Counter()
    for _, name, name_en in cards:
        for form in dict.fromkeys([name, name_en or ""]):
            words = form.split()
            made = [stranger(w) if not names_nothing(w) else w for w in words]
            if not form or made == words or all(w != m for w, m in zip(words, made, strict=True)):
                continue  # nothing distinguishing, or nothing generic left to meet on
            found = lookup.rank_partners(" ".join(made), pairs)
            if hasattr(found, "named"):
                what = (
                    "a card opened"
                    if found.named is not None
                    else "choices"
                    if found
                    else "nothing"
                )
            else:
                best = [p for p, sc in found if sc >= found[0][1] - 0.5] if found else []
                what = "a card opened" if len(best) == 1 else "choices" if best else "nothing"
            unknown[what] += 1
            if args.details and what == "a card opened":
                print(f"{what:22} <- {' '.join(made)!r}")
    for what, n in unknown.most_common():
        print(f"  {what:22} {n:4}")
    ids = {name: pid for pid, name, _ in cards} | {en: pid for pid, _, en in cards if en}
    print("the session's queries:")
    for query, meant in SPOT:
        if meant in ids:
            print(f"  {outcome(lookup, query, pairs, mentions, ids[meant]):22} {query}")


if __name__ == "__main__":
    main()
