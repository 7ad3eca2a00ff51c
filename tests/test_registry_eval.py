"""The registry built end to end from the shared corpus articles (fake site, real pipeline,
export, shared scorer), out of fold: each collection round is ingested with models trained on
the other four, as new articles would be, and scored against the gold registry.

Wrong merges are held to the product bar (at most 1 per 100 entities; measured 1 in 184, a name
the gold registry gives two organisations). Entity precision pooled over the rounds is held to
the product bar, 0.90 (measured 0.929; see README, "Partner registry"); round c1 alone (0.82)
is still under it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

ENTITY_PRECISION_FLOOR = 0.90
WRONG_MERGES_PER_100_BAR = 1.0


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared corpus not present")
def test_out_of_fold_registry_keeps_its_precision_and_merges_nothing_wrongly(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "eval_registry_oof.py")],
        capture_output=True,
        text=True,
        timeout=540,
        check=True,
        cwd=tmp_path,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    folds, pooled = figures["folds"], figures["pooled"]
    assert set(folds) == {"a", "c1", "c2", "c3", "c4"}
    assert sum(m["articles"] for m in folds.values()) == 221 and pooled["entities"] > 150
    summary = "\n".join(done.stdout.splitlines()[-12:-1])
    assert pooled["entity_precision"] >= ENTITY_PRECISION_FLOOR, summary
    assert 100 * pooled["wrong_merges"] / pooled["entities"] <= WRONG_MERGES_PER_100_BAR, summary
