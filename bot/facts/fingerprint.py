"""The extraction's fingerprint: a digest of the code and data that turn an article into facts
and cards (this package: the extractor's rules, its trained models, the registry's keys).

It is stored beside the facts. A bot whose fingerprint differs from the stored one (an upgrade,
a retrained model) extracts every stored article again before its next extraction, as
`reextract` does, so the better extractor also reaches the partners it already lists.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_READ = {".py", ".json", ".txt"}


@cache
def fingerprint() -> str:
    """Sixteen hex digits over every source and data file of the package, by relative path."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in _READ and "__pycache__" not in path.parts and path.is_file():
            digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
