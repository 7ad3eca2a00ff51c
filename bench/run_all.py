"""Run every benchmark in bench/ in turn (`make bench`); `--quick` goes to bench_delivery.py.

bench_scale.py always runs at its small sizes here (its docstring gives the full-size command).

Benchmarks print figures and never fail the build: a script's exit code is reported, not raised.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
FIRST = ("bench_delivery.py", "bench_extraction.py")
ALWAYS = {"bench_scale.py": ["--quick"]}  # arguments a script always gets here


def scripts() -> list[Path]:
    """bench_delivery.py, bench_extraction.py, then any other bench_*.py by name."""
    found = sorted(BENCH.glob("bench_*.py"), key=lambda p: (p.name not in FIRST, p.name))
    return sorted(found, key=lambda p: FIRST.index(p.name) if p.name in FIRST else len(FIRST))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller delivery benchmarks")
    args = parser.parse_args()
    for script in scripts():
        extra = ["--quick"] if args.quick and script.name == "bench_delivery.py" else []
        extra += ALWAYS.get(script.name, [])
        print(f"### {script.name} {' '.join(extra)}".rstrip(), flush=True)
        started = time.monotonic()
        code = subprocess.call([sys.executable, str(script), *extra], cwd=BENCH.parent)
        print(f"### {script.name}: exit {code} in {time.monotonic() - started:.0f}s\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
