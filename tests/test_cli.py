"""Start-up and CLI behaviour a user meets first: clear one-line errors, `poll --once`."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import SettingsError, load_settings
from bot.text.dsn import dsn_password, dsn_place, redact_dsn
from tests.conftest import TOKEN
from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.news_site import FakeNewsSite

REPO = Path(__file__).resolve().parents[1]


async def run_cli(
    args: list[str], cwd: Path, within: float = 60, **env: str
) -> tuple[int, str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_"))}
    clean.update(PYTHONPATH=str(REPO), DATABASE_PATH=str(cwd / "bot.sqlite3"), **env)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=cwd, env=clean,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(proc.communicate(), within)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def site() -> AsyncIterator[FakeNewsSite]:
    async with FakeNewsSite(seed=True) as fake:
        yield fake


async def test_run_without_token_says_so_in_one_line(tmp_path: Path) -> None:
    code, out, err = await run_cli(["run"], tmp_path)
    assert code != 0
    assert err.count("\n") == 1 and "BOT_TOKEN" in err and ".env.example" in err
    assert "Traceback" not in err


WRONG_TOKEN = "999:wrong-but-well-shaped-0123456789abc"


async def test_token_from_dotenv_and_rejected_token(tmp_path: Path, api: FakeBotAPI) -> None:
    (tmp_path / ".env").write_text(
        f"BOT_TOKEN={WRONG_TOKEN}\nTELEGRAM_API_URL={api.base_url}\n", encoding="utf-8"
    )
    code, _, err = await run_cli(["run"], tmp_path)
    assert code != 0
    assert "rejected BOT_TOKEN" in err and err.count("\n") == 1
    assert WRONG_TOKEN not in err


@pytest.mark.parametrize(
    ("token", "says"),
    [
        ("abc", "does not look like a bot token"),
        ("123456:short", "does not look like a bot token"),
        ("123456789:replace-with-your-token", "placeholder from .env.example"),
    ],
)
async def test_malformed_token_is_one_line_before_any_request(
    tmp_path: Path, api: FakeBotAPI, token: str, says: str
) -> None:
    code, _, err = await run_cli(["run"], tmp_path, BOT_TOKEN=token, TELEGRAM_API_URL=api.base_url)
    assert code == 2
    assert err.startswith("error: BOT_TOKEN") and says in err and err.count("\n") == 1
    assert api.calls == []  # refused before talking to Telegram


async def test_unreachable_bot_api_is_one_clear_line(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    code, _, err = await run_cli(["run"], tmp_path, BOT_TOKEN=TOKEN, TELEGRAM_API_URL=url)
    assert code != 0
    assert "cannot reach the Bot API" in err and "Traceback" not in err
    assert TOKEN not in err


@pytest.mark.parametrize(
    ("name", "value"),
    [("POLL_INTERVAL_SECONDS", "soon"), ("ADMIN_IDS", "1,x"), ("FEED_URLS", "ftp://x")],
)
async def test_malformed_setting_is_one_line(tmp_path: Path, name: str, value: str) -> None:
    code, _, err = await run_cli(["poll", "--once"], tmp_path, **{name: value})
    assert code == 2
    assert err.startswith(f"error: invalid setting {name}") and err.count("\n") == 1


def test_database_url_is_checked_without_echoing_it() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(database_url="mysql://bot:s3cret-pw@db.example/bot")
    assert "DATABASE_URL" in str(caught.value) and "s3cret-pw" not in str(caught.value)
    settings = load_settings(database_url="postgresql://bot:s3cret-pw@db:5433/news")
    assert settings.database_target == "postgresql://bot:s3cret-pw@db:5433/news"
    assert settings.database_name == "postgresql://db:5433/news"
    assert "s3cret-pw" not in repr(settings)


async def test_unreachable_postgresql_is_one_line_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://bot:s3cret-pw@127.0.0.1:{free_port()}/news"
    code, _, err = await run_cli(["poll", "--once"], tmp_path, DATABASE_URL=url)
    assert code == 1 and err.startswith("error: cannot reach PostgreSQL at"), err
    assert err.count("\n") == 1 and "s3cret-pw" not in err and "Traceback" not in err


async def test_a_password_given_as_a_url_option_stays_out_of_the_error_line(
    tmp_path: Path,
) -> None:
    """libpq URLs may carry the password as `?password=`; asyncpg reads it there too."""
    url = f"postgresql://bot@127.0.0.1:{free_port()}/news?password=s3cret-pw&sslmode=disable"
    code, _, err = await run_cli(["poll", "--once"], tmp_path, DATABASE_URL=url)
    assert code == 1 and err.startswith("error: cannot reach PostgreSQL at"), err
    assert err.count("\n") == 1 and "s3cret-pw" not in err
    code, _, err = await run_cli(
        ["migrate-db", "--from", f"sqlite:{tmp_path / 'none.db'}", "--to", url], tmp_path
    )
    assert code != 0 and err.startswith("error: ") and "s3cret-pw" not in err, err


def test_database_urls_are_told_without_their_password() -> None:
    given = "postgresql://bot:s3cret-pw@db:5433/news?sslmode=require"
    as_option = "postgresql://bot@db/news?sslmode=require&password=s3cret-pw"
    assert dsn_password(given) == dsn_password(as_option) == "s3cret-pw"
    assert dsn_password("postgresql://bot@db/news") == ""
    assert redact_dsn(given) == "postgresql://bot:***@db:5433/news?sslmode=require"
    assert redact_dsn(as_option) == "postgresql://bot@db/news?sslmode=require&password=***"
    assert dsn_place(as_option) == "postgresql://db/news"
    assert load_settings(database_url=as_option).database_name == "postgresql://db/news"
    assert "s3cret-pw" not in redact_dsn("postgresql://bot:s3cret-pw@db:99999999/news")


@pytest.mark.both_engines
async def test_poll_once_needs_no_token_and_prints_a_summary(
    tmp_path: Path, site: FakeNewsSite, database_target: str
) -> None:
    env = {"FEED_URLS": site.feed_url}
    if database_target.startswith("postgresql://"):
        env["DATABASE_URL"] = database_target
    code, out, _ = await run_cli(["poll", "--once"], tmp_path, **env)
    assert code == 0
    assert f"{site.feed_url}: ok, 3 new" in out
    assert "items stored in total: 3" in out
    code, out, _ = await run_cli(["poll", "--once"], tmp_path, **env)
    assert code == 0 and "not modified" in out and "items stored in total: 3" in out


async def test_poll_once_reports_a_dead_feed(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/rss"
    code, out, _ = await run_cli(["poll", "--once"], tmp_path, FEED_URLS=url)
    assert code == 1
    assert f"{url}: error (connection failed" in out


@pytest.mark.parametrize(
    "args", [["poll", "--once"], ["reextract"], ["export", "partners"], ["extract"]]
)
async def test_commands_without_a_bot_start_without_the_telegram_client(
    tmp_path: Path, args: list[str]
) -> None:
    """aiogram takes seconds of CPU to import (its Bot API types): a command that talks to no
    Telegram must not pay it at every start (the tests and cron jobs start many)."""
    url = f"http://127.0.0.1:{free_port()}/rss"
    code, _, err = await run_cli(args, tmp_path, FEED_URLS=url, PYTHONPROFILEIMPORTTIME="1")
    assert code == (1 if args[0] == "poll" else 0), err[-2000:]
    imported = {line.split("|")[-1].strip() for line in err.splitlines() if "import time:" in line}
    assert "bot.facts.service" in imported or args[0] == "extract"  # the profile is there
    assert not {name for name in imported if name.split(".")[0] == "aiogram"}


async def test_a_second_instance_on_the_same_database_refuses(
    tmp_path: Path, api: FakeBotAPI
) -> None:
    env = {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": api.base_url, "FEED_URLS": "http://127.0.0.1:9/"}
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_"))}
    clean.update(PYTHONPATH=str(REPO), DATABASE_PATH=str(tmp_path / "bot.sqlite3"), **env)
    first = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=clean,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(200):
            if api.calls_of("getUpdates"):
                break
            await asyncio.sleep(0.05)
        code, _, err = await run_cli(["run"], tmp_path, **env)
        assert code != 0 and f"already running on {tmp_path / 'bot.sqlite3'}" in err
        other = tmp_path / "other"
        other.mkdir()
        code, _, err = await run_cli(["run"], other, **env)  # its own database, same token
        assert code != 0 and "already running with this BOT_TOKEN" in err
    finally:
        first.terminate()
        assert await asyncio.wait_for(first.wait(), 20) == 0


async def test_side_commands_refuse_while_a_bot_runs_on_the_database(
    tmp_path: Path, api: FakeBotAPI, site: FakeNewsSite
) -> None:
    """`poll --once` and `reextract` would race a live bot's writes: one clear line instead."""
    env = {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": api.base_url, "FEED_URLS": site.feed_url}
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_"))}
    clean.update(PYTHONPATH=str(REPO), DATABASE_PATH=str(tmp_path / "bot.sqlite3"), **env)
    bot = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=clean,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(400):
            if api.calls_of("getUpdates"):
                break
            await asyncio.sleep(0.05)
        polls_before = len(site.requests_to("/media/news/rss/"))
        for args in (["poll", "--once"], ["reextract"]):
            code, out, err = await run_cli(args, tmp_path, **env)
            assert code == 1 and out == ""
            assert err == (
                f"error: a bot or another command is running on {tmp_path / 'bot.sqlite3'}: "
                "stop it before "
                + ("polling from the command line (use /pollnow in the bot)\n"
                   if args[0] == "poll" else "re-extracting\n")
            )  # fmt: skip
        assert len(site.requests_to("/media/news/rss/")) <= polls_before + 1  # the bot's own
    finally:
        bot.terminate()
        assert await asyncio.wait_for(bot.wait(), 20) == 0
    code, out, _ = await run_cli(["reextract"], tmp_path, **env)  # the bot is gone: it runs
    assert code == 0 and "articles re-extracted" in out
