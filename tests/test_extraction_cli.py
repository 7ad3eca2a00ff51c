"""The extraction CLI: JSONL in, JSONL out in input order, malformed lines never crash it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.facts.extraction.cli import main, run

DATA = Path(__file__).parent / "data" / "extraction" / "articles.jsonl"
REPO = Path(__file__).resolve().parents[1]


def test_round_trip_and_malformed_lines() -> None:
    out, err = io.StringIO(), io.StringIO()
    with DATA.open(encoding="utf-8") as f:
        bad = run(f, out, err)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == ["ru-sign", "en-visit", "ru-sport", "broken"]
    assert bad == 3
    assert err.getvalue().count("warning: line") == 3
    by_id = {r["id"]: r for r in records}
    assert by_id["broken"] == {
        "id": "broken",
        "partnership": False,
        "partners": [],
        "agreements": [],
    }
    sign = by_id["ru-sign"]
    assert sign["partnership"] is True
    assert [p["name"] for p in sign["partners"]] == ["Харбинский инженерный университет"]
    assert sign["partners"][0]["country"] == "CN"
    assert [a["kind"] for a in sign["agreements"]] == ["agreement"]
    visit = by_id["en-visit"]
    assert [p["country"] for p in visit["partners"]] == ["KZ"]
    assert visit["agreements"] == []  # only planned
    assert by_id["ru-sport"]["partnership"] is False


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "usage" in capsys.readouterr().out


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main([str(tmp_path / "absent.jsonl")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_module_entry_point_reads_stdin() -> None:
    line = json.dumps(
        {
            "id": "x1",
            "title": "Визит",
            "text": "Делегация Университета Хэнань посетила СПбПУ для обсуждения сотрудничества.",
            "extra": 1,
        },
        ensure_ascii=False,
    )
    proc = subprocess.run(
        [sys.executable, "-m", "bot.facts.extraction.cli"],
        input=line + "\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=True,
    )
    record = json.loads(proc.stdout)
    assert record["id"] == "x1" and record["partnership"] is True
