"""Run every benchmark in bench/ in turn (`make bench`); extra arguments go to each script.

Benchmarks print figures and never fail the build: a script's exit code is reported, not raised.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SCRIPTS = ("bench_delivery.py", "bench_extraction.py")


def main(argv: list[str]) -> int:
    for name in SCRIPTS:
        script = BENCH / name
        if not script.exists():
            continue
        print(f"### {name} {' '.join(argv)}".rstrip(), flush=True)
        started = time.monotonic()
        code = subprocess.call([sys.executable, str(script), *argv], cwd=BENCH.parent)
        print(f"### {name}: exit {code} in {time.monotonic() - started:.0f}s\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
