"""`extract [FILE]`: JSONL articles in, one JSONL extraction per article out, in input order."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

from .extractor import Extractor
from .model import ArticleInput, Extraction

USAGE = """usage: extract [FILE]

Read JSONL articles (id, title, text, optional category and lang) from FILE or stdin and print one
JSON line per article: {"id", "partnership", "partners", "agreements"}.
A malformed line is reported on stderr and yields an empty record when its id can be read.
"""


def _empty(article_id: str) -> dict[str, object]:
    return Extraction(id=article_id, partnership=False, partners=(), agreements=()).to_dict()


def _parse(line: str) -> tuple[ArticleInput | None, str | None, str | None]:
    """(article, id, error): the id is recovered where possible so the output keeps its place."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        import re

        m = re.search(r'"id"\s*:\s*"([^"]*)"', line)
        return None, (m.group(1) if m else None), f"not JSON: {exc}"
    if not isinstance(raw, dict):
        return None, None, "not a JSON object"
    aid = raw.get("id")
    if aid is None:
        return None, None, "no id"
    aid = str(aid)
    title, text = raw.get("title"), raw.get("text")
    if not isinstance(title, str) and not isinstance(text, str):
        return None, aid, "no title or text"
    category, lang = raw.get("category"), raw.get("lang")
    return (
        ArticleInput(
            id=aid,
            title=title if isinstance(title, str) else "",
            text=text if isinstance(text, str) else "",
            category=category if isinstance(category, str) else None,
            lang=lang if isinstance(lang, str) else None,
        ),
        aid,
        None,
    )


def run(lines: Iterable[str], out: TextIO, err: TextIO) -> int:
    """Extract every line; returns the number of malformed lines."""
    extractor: Extractor | None = None
    bad = 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        article, aid, error = _parse(line)
        if article is None:
            bad += 1
            err.write(f"warning: line {n}: {error}\n")
            if aid is not None:
                out.write(json.dumps(_empty(aid), ensure_ascii=False) + "\n")
            continue
        if extractor is None:
            extractor = Extractor()
        try:
            record = extractor.extract(article).to_dict()
        except Exception as exc:  # noqa: BLE001  # one bad article must not stop the batch
            err.write(f"warning: line {n}: extraction failed: {exc!r}\n")
            record = _empty(article.id)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return bad


def main(argv: list[str]) -> int:
    """Entry point for `python -m bot extract [FILE]`; returns the process exit code."""
    args = list(argv)
    if any(a in ("-h", "--help") for a in args):
        sys.stdout.write(USAGE)
        return 0
    if len(args) > 1 or (args and args[0].startswith("-") and args[0] != "-"):
        sys.stderr.write(USAGE)
        return 2
    if not args or args[0] == "-":
        run(sys.stdin, sys.stdout, sys.stderr)
        return 0
    try:
        with open(args[0], encoding="utf-8") as f:
            run(f, sys.stdout, sys.stderr)
    except OSError as exc:
        sys.stderr.write(f"error: cannot read {args[0]}: {exc.strerror}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
