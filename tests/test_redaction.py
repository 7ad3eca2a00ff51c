"""The bot token never reaches stderr or the database: not in tracebacks, not in the start-up
`error:` line, not in an outbox row's last_error."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from aiogram import Bot

from bot.__main__ import setup_logging
from storage.db import Database
from tests.conftest import TOKEN, until
from tests.fakes.bot_api import APIError, FakeBotAPI
from tests.test_cli import free_port, run_cli
from tests.test_delivery import Rig


async def test_unreachable_api_url_error_line_hides_the_token(tmp_path: Path) -> None:
    # An out-of-range port: aiohttp's InvalidUrlClientError quotes the whole request URL.
    code, _, err = await run_cli(
        ["run"], tmp_path, BOT_TOKEN=TOKEN, TELEGRAM_API_URL="http://127.0.0.1:99999"
    )
    assert code != 0 and err.startswith("error: cannot reach the Bot API"), err
    assert TOKEN not in err and "<BOT_TOKEN>" in err
    code, _, err = await run_cli(
        ["run"], tmp_path, BOT_TOKEN=TOKEN, TELEGRAM_API_URL=f"http://127.0.0.1:{free_port()}"
    )
    assert code != 0 and TOKEN not in err


def test_tracebacks_are_redacted(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging("INFO", TOKEN)
    try:
        try:
            raise RuntimeError(f"POST http://127.0.0.1/bot{TOKEN}/sendMessage failed")
        except RuntimeError:
            logging.getLogger("aiogram.event").exception("handler failed")
        logging.getLogger("bot").warning("args %s", f"/bot{TOKEN}/getMe")
    finally:
        logging.basicConfig(force=True, handlers=[logging.NullHandler()])
    err = capsys.readouterr().err
    assert "Traceback" in err and "handler failed" in err
    assert TOKEN not in err
    assert err.count("<BOT_TOKEN>") == 2  # the exception text, the message argument


async def test_last_error_in_the_outbox_hides_the_token(
    db: Database, bot: Bot, api: FakeBotAPI
) -> None:
    rig = Rig(db, bot)
    await rig.subscribe(1, 2)
    # A proxy or a local Bot API server may echo the request path in its answer.
    echo = APIError(400, f"Bad Request: unknown route /bot{TOKEN}/sendMessage")
    api.fail_next("sendMessage", echo, chat_id=1)
    api.fail_next("sendMessage", APIError(403, f"Forbidden: /bot{TOKEN}/ is gone"), chat_id=2)
    rig.worker.start()
    await rig.publish()
    await until(rig.settled)
    await rig.worker.stop()
    errors = [str(r[0]) for r in await db.fetchall("SELECT last_error FROM outbox")]
    reasons = [str(r[0]) for r in await db.fetchall("SELECT inactive_reason FROM chats")]
    assert len(errors) == 2 and all("<BOT_TOKEN>" in e for e in errors), errors
    assert not any(TOKEN in text for text in errors + reasons), (errors, reasons)
