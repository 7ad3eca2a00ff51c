"""The registry built end to end from the 221 shared corpus articles (fake site, real pipeline,
export, shared scorer) keeps its precision and makes next to no wrong merges.

Wrong merges are held to the product bar (at most 1 per 100 entities; measured 1 in 187, a name
the gold registry gives two organisations). Entity precision is set just under what the
committed models reach on these articles (0.893, in-sample for the models; out of fold it is
0.72-0.93 by round, see README): the product bar, 0.90, needs fewer false partners.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

ENTITY_PRECISION_BAR = 0.87
WRONG_MERGES_PER_100_BAR = 1.0


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared corpus not present")
def test_registry_of_the_corpus_meets_its_bars(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "eval_registry.py"), "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=540,
        check=True,
        cwd=tmp_path,
    )
    metrics = json.loads(done.stdout.strip().splitlines()[-1])
    entities = metrics["bot_entities_in_set"]
    assert metrics["articles"] == 221 and entities > 100
    merges_per_100 = 100 * metrics["wrong_merges"] / entities
    summary = "\n".join(done.stdout.splitlines()[:9])
    assert metrics["entity_precision"] >= ENTITY_PRECISION_BAR, summary
    assert merges_per_100 <= WRONG_MERGES_PER_100_BAR, summary
