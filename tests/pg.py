"""A throwaway PostgreSQL server for tests: initdb in a temp folder, pg_ctl on a loopback port.

Use the session-scoped `pg_dsn` fixture (import it into the test module). It skips, with one
line, where no server binaries are installed, or where we are root and there is no `postgres`
user to run them as (initdb refuses to run as root). Durability is off: it is a scratch server.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

SERVER_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """One cluster in its own folder, listening on 127.0.0.1 and a socket in that folder only."""

    def __init__(self, initdb: str, pg_ctl: str, run_as: str | None) -> None:
        self.initdb = initdb
        self.pg_ctl = pg_ctl
        self.run_as = run_as
        self.root = Path(tempfile.mkdtemp(prefix="pg-test-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = _free_port()

    @property
    def dsn(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = [*args] if self.run_as is None else ["runuser", "-u", self.run_as, "--", *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(
                f"{Path(args[0]).name} failed ({done.returncode}): {done.stderr.strip()}\n{tail}"
            )

    def start(self) -> None:
        if self.run_as is not None:
            user = pwd.getpwnam(self.run_as)
            os.chown(self.root, user.pw_uid, user.pw_gid)
        self._run(
            self.initdb, "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions",
        )  # fmt: skip
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.root} {SERVER_OPTIONS}"
        )
        self._run(
            self.pg_ctl, "start", "-D", str(self.data), "-l", str(self.log), "-o", options,
            "-w", "-t", "60",
        )  # fmt: skip

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(self.pg_ctl, "stop", "-D", str(self.data), "-m", "immediate", "-w")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def unavailable() -> str | None:
    """Why no server can be started here, in one line; None when one can."""
    if shutil.which("initdb") is None or shutil.which("pg_ctl") is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) are not on PATH"
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            return "running as root without runuser: initdb refuses to run as root"
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run initdb as"
    return None


@pytest.fixture(scope="session")
def pg_dsn() -> Iterator[str]:
    """A DSN to a fresh PostgreSQL server, shared by the session's tests and stopped after."""
    reason = unavailable()
    if reason is not None:
        pytest.skip(reason)
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    assert initdb is not None and pg_ctl is not None
    server = PostgresServer(initdb, pg_ctl, "postgres" if os.geteuid() == 0 else None)
    try:
        server.start()
        yield server.dsn
    finally:
        server.stop()


async def with_database(server_dsn: str, name: str, template: str | None = None) -> None:
    """Create database `name` on the server (a copy of `template` if given)."""
    import asyncpg

    conn = await asyncpg.connect(server_dsn, timeout=10)
    try:
        clause = f" TEMPLATE {template}" if template else ""
        await conn.execute(f"CREATE DATABASE {name}{clause}")
    finally:
        await conn.close()


async def drop_database(server_dsn: str, name: str) -> None:
    """Drop database `name`, closing whatever connections a test left open to it."""
    import asyncpg

    conn = await asyncpg.connect(server_dsn, timeout=10)
    try:
        await conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    finally:
        await conn.close()
