"""End-to-end registry probe on invented Russian press-office articles (bench/data/regprobe.jsonl):
each set of two or three articles is served by the fake news site and ingested by the real
pipeline (feed, extraction, registry merge, export) into a fresh database, then the export is
read as a person reads `/partners`.

    .venv/bin/python bench/probe_registry_e2e.py [--verbose] [--only ID]
        [--batch first|second|xscript]

`--batch xscript` reads bench/data/xscriptprobe.jsonl instead: foreign organisations named in
Latin letters in one article and in Cyrillic in another, and look-alikes across the scripts.

Counts: "meet" sets whose organisation is split over two or more cards; "apart" sets where one
card holds articles of two organisations (a wrong merge, the worst error); articles whose
organisation has no card (missed by the extractor); cards whose display name (`name` or
`name_en`) is not a nominative form of the organisation, and not its full name; wrong countries;
extra cards (no organisation of the set); context cards (an organisation the articles name
beside the partner, such as a committee's government, taken for a partner). A card is an
organisation's when it lists one of its articles and shares a distinguishing name word with one
of its forms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import eval_registry  # noqa: E402

from bot.facts.matching import GENERIC, key_tokens  # noqa: E402

PROBE = REPO / "bench" / "data" / "regprobe.jsonl"
XSCRIPT = REPO / "bench" / "data" / "xscriptprobe.jsonl"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212-"
_QUOTES = "\"'«»„“”‘’"


def light(name: str | None) -> str:
    """The shared scorer's light normalisation: case, ё, quotes, dashes, whitespace."""
    s = (name or "").lower().replace("ё", "е")
    s = "".join(" " if ch in _DASHES else "" if ch in _QUOTES else ch for ch in s)
    return " ".join(s.split()).strip(" .,;:")


def telling(name: str) -> set[str]:
    return {t for t in key_tokens(name) if t not in GENERIC}


async def ingest(articles: list[dict[str, Any]], workdir: Path) -> list[dict[str, Any]]:
    export, served = await eval_registry.ingest(articles, workdir, None, None)
    url_of = {
        json.loads(line)["url"]: json.loads(line)["id"]
        for line in served.read_text(encoding="utf-8").splitlines()
    }
    cards = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    for card in cards:
        card["ids"] = {url_of.get(u, u) for u in card.get("articles", [])}
    return cards


def judge(row: dict[str, Any], cards: list[dict[str, Any]]) -> dict[str, Any]:
    orgs: dict[str, dict[str, Any]] = row["orgs"]
    art_org = {f"{row['id']}-{n}": a["org"] for n, a in enumerate(row["articles"])}
    words = {label: set().union(*(telling(n) for n in o["names"])) for label, o in orgs.items()}
    counts = ("split", "merge", "missed", "display", "full", "country", "extra", "context", "cards")
    out: dict[str, Any] = {**dict.fromkeys(counts, 0), "notes": []}
    owners: dict[str, list[dict[str, Any]]] = {label: [] for label in orgs}
    context = {light(n) for o in orgs.values() for n in o.get("context", [])}
    for card in cards:
        forms = [card["name"], card.get("name_en") or "", *card.get("aliases", [])]
        if light(card["name"]) in context:
            out["context"] += 1  # an organisation named beside the partner, taken for one
            out["notes"].append(f"context card {card['name']!r} ({sorted(card['ids'])})")
            continue
        card_words = set().union(*(telling(f) for f in forms if f))
        of = {art_org[i] for i in card["ids"] if i in art_org and card_words & words[art_org[i]]}
        if not of:
            out["extra"] += 1
            out["notes"].append(f"extra card {card['name']!r} ({sorted(card['ids'])})")
            continue
        if len(of) > 1:
            out["merge"] += 1
            out["notes"].append(f"MERGE {sorted(of)}: {card['name']!r} {card.get('aliases')}")
        for label in of:
            owners[label].append(card)
    for label, org in orgs.items():
        mine = owners[label]
        arts = {i for i, o in art_org.items() if o == label}
        held = set().union(*(c["ids"] for c in mine)) if mine else set()
        out["missed"] += len(arts - held)
        if arts - held:
            out["notes"].append(f"missed {label}: {sorted(arts - held)}")
        if len(mine) > 1 and row["expect"] == "meet":
            out["split"] += 1
            names = [c["name"] for c in mine]
            out["notes"].append(f"SPLIT {label}: {names}")
        names_ok = {light(n) for n in org["names"]}
        full_ok = {light(n) for n in org["full"]}
        for card in mine:
            out["cards"] += 1
            shown = {light(card["name"]), light(card.get("name_en"))}
            if not shown & names_ok:
                out["display"] += 1
                out["notes"].append(f"display {label}: {card['name']!r} / {card.get('name_en')!r}")
            elif not shown & full_ok:
                out["full"] += 1
                out["notes"].append(f"not full {label}: {card['name']!r} / {card.get('name_en')!r}")
            if card.get("country") != org["country"]:
                out["country"] += 1
                out["notes"].append(f"country {label}: {card['name']!r} {card.get('country')!r}")
    return out


async def main(verbose: bool, only: str | None, batch: str = "all") -> None:
    probe = XSCRIPT if batch == "xscript" else PROBE
    rows = [json.loads(line) for line in probe.read_text(encoding="utf-8").splitlines()]
    if only:
        rows = [r for r in rows if r["id"] == only]
    if batch in ("first", "second"):  # the second batch (h…) was written after the first fixes
        rows = [r for r in rows if r["id"].startswith("h") == (batch == "second")]
    totals: dict[str, dict[str, int]] = {"meet": {}, "apart": {}}
    sets = {"meet": 0, "apart": 0}
    with tempfile.TemporaryDirectory() as tmp_name:
        for row in rows:
            workdir = Path(tmp_name) / row["id"]
            workdir.mkdir()
            articles = [
                {"id": f"{row['id']}-{n}", "title": a["title"], "text": a["text"],
                 "date": f"2026-03-{n + 1:02d}"}
                for n, a in enumerate(row["articles"])
            ]  # fmt: skip
            result = judge(row, await ingest(articles, workdir))
            sets[row["expect"]] += 1
            bucket = totals[row["expect"]]
            for key, value in result.items():
                if key != "notes":
                    bucket[key] = bucket.get(key, 0) + value
            bucket["sets_split"] = bucket.get("sets_split", 0) + bool(result["split"])
            bucket["sets_merged"] = bucket.get("sets_merged", 0) + bool(result["merge"])
            if verbose and result["notes"]:
                print(f"{row['id']} ({row['about']}):")
                for note in result["notes"]:
                    print(f"    {note}")
    for expect in ("meet", "apart"):
        t = totals[expect]
        if not sets[expect]:
            continue
        print(
            f"{expect}: {sets[expect]} sets; split sets {t.get('sets_split', 0)}, "
            f"merged sets {t.get('sets_merged', 0)}; missed articles {t.get('missed', 0)}; "
            f"cards {t.get('cards', 0)}: display not a nominative form {t.get('display', 0)}, "
            f"not the full name {t.get('full', 0)}, wrong country {t.get('country', 0)}; "
            f"extra cards {t.get('extra', 0)}, context cards {t.get('context', 0)}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--only", help="one set id")
    parser.add_argument("--batch", choices=["first", "second", "xscript", "all"], default="all")
    args = parser.parse_args()
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    asyncio.run(main(args.verbose, args.only, args.batch))
