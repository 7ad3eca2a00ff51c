"""The extraction's fingerprint: a digest of the code and data that turn an article into facts
and cards (this package: the extractor's rules, its trained models, the registry's keys; and
the text modules it reads places and renders names with).

It is stored beside the facts. A bot whose fingerprint differs from the stored one (an upgrade,
a retrained model) extracts every stored article again before its next extraction, as
`reextract` does, so the better extractor also reaches the partners it already lists.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_TEXT = PACKAGE.parent / "text"
# bot/text files whose change changes extracted facts (countries, English and Chinese names,
# stems); its messages and formatting do not.
_TEXT_FILES = ("countries.py", "english.py", "chinese.py", "names.py", "stems.py",
               "data/countries.json")  # fmt: skip
_READ = {".py", ".json", ".txt"}


@cache
def fingerprint() -> str:
    """Sixteen hex digits over every source and data file of the package and the text files
    above, by path relative to `bot`."""
    digest = hashlib.sha256()
    files = [p for p in sorted(PACKAGE.rglob("*")) if p.suffix in _READ and p.is_file()]
    files += [_TEXT / name for name in _TEXT_FILES if (_TEXT / name).is_file()]
    for path in files:
        if "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE.parent).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
