"""Leader failover on PostgreSQL: two `python -m bot run` instances (webhook mode) on one
database, the leader SIGKILLed mid-broadcast; how long until the other leads and sends.

Prints, per run and as median and max: kill -9 → the new leader's "became the leader" log line,
kill -9 → its first send (as the fake Bot API saw it), duplicates, the most sends in any sliding
second. `--session` ends the leader's database session instead (the process lives on, deposed).
The scenario is tests/instances.py's `failover` (the one tests/test_failover.py checks), on a
throwaway PostgreSQL server (tests/pg.py); everything talks to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Run as a script, bench/ is on sys.path but the repository root (tests) is not.
sys.path.insert(0, str(REPO))

from tests.conftest import TOKEN  # noqa: E402 - after the sys.path line above
from tests.fakes.bot_api import FakeBotAPI  # noqa: E402
from tests.fakes.news_site import FakeNewsSite  # noqa: E402
from tests.instances import Failover, failover, fresh_database  # noqa: E402
from tests.pg import PostgresServer, unavailable  # noqa: E402


async def one_run(server_dsn: str, chats: int, rate: float, session: bool) -> Failover:
    with tempfile.TemporaryDirectory(prefix="bench-failover-") as root:
        async with (
            FakeBotAPI(token=TOKEN) as api,
            FakeNewsSite(seed=True) as site,
            fresh_database(server_dsn) as dsn,
        ):
            return await failover(
                api, site, Path(root), dsn, chats=chats, rate=rate, session_only=session
            )


def summary(name: str, values: list[float], unit: str) -> str:
    return (
        f"{name:<34} median {statistics.median(values):7.3f}{unit}   "
        f"max {max(values):7.3f}{unit}   ({', '.join(f'{v:.3f}' for v in values)})"
    )


async def main_async(args: argparse.Namespace) -> int:
    reason = unavailable()
    if reason is not None:
        print(f"skipped: {reason}")
        return 0
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    assert initdb is not None and pg_ctl is not None
    server = PostgresServer(initdb, pg_ctl, "postgres" if os.geteuid() == 0 else None)
    server.start()
    try:
        how = "its lock's database session ended" if args.session else "kill -9"
        print(
            f"failover: 2 instances, {args.chats} chats at BROADCAST_RATE={args.rate:.0f}, "
            f"leader deposed ({how}) at a third of the broadcast; {args.runs} runs",
            flush=True,
        )
        results: list[Failover] = []
        for run in range(1, args.runs + 1):
            r = await one_run(server.dsn, args.chats, args.rate, args.session)
            results.append(r)
            print(
                f"run {run}: elected {r.to_elected:.3f}s, first send {r.to_first_send:.3f}s, "
                f"lost {r.lost}, duplicated {r.duplicates} (sent in the last second before "
                f"the kill: {r.recent_before_kill}), most in a second {r.max_per_second}",
                flush=True,
            )
    finally:
        server.stop()
    event = "session ended" if args.session else "kill -9"
    print(summary(f"{event} → 'became the leader'", [r.to_elected for r in results], "s"))
    if not args.session:  # the deposed leader's sends in flight may land after the event
        sends = [r.to_first_send for r in results]
        print(summary(f"{event} → new leader's first send", sends, "s"))
    print(f"lost chats (all runs): {sum(r.lost for r in results)}")
    print(f"duplicates per run: {[r.duplicates for r in results]}")
    print(f"most sends in any second per run: {[r.max_per_second for r in results]}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chats", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument(
        "--session", action="store_true", help="end the leader's lock session instead of kill -9"
    )
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
