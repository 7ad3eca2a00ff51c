"""CLI: `python -m bot [run | poll --once | extract [FILE] | reextract]`.

Settings are read and checked before anything heavy is imported: the wiring lives in
`bot.services`, loaded only once the command is known to be able to run.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from bot.config import SettingsError, load_settings

log = logging.getLogger("bot")


class _Redact:
    """Keeps the bot token out of every line written to stderr, whoever writes it."""

    def __init__(self, secret: str = "") -> None:
        self.secret = secret

    def __call__(self, text: str) -> str:
        return text.replace(self.secret, "<BOT_TOKEN>") if self.secret else text


_redact = _Redact()


class _RedactingFormatter(logging.Formatter):
    """Redacts the final text of a record: its message, arguments and traceback alike."""

    def format(self, record: logging.LogRecord) -> str:
        return _redact(super().format(record))


def setup_logging(level: str, secret: str = "") -> None:
    _redact.secret = secret.strip()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.captureWarnings(True)  # warnings reach stderr through the redacting handler too


def fail(message: str, code: int = 1) -> int:
    print(_redact(f"error: {message}"), file=sys.stderr)
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the bot (the default)")
    poll = sub.add_parser("poll", help="poll the feeds")
    poll.add_argument("--once", action="store_true", required=True, help="poll once and exit")
    sub.add_parser("reextract", help="rebuild partners and agreements from stored articles")
    extract = sub.add_parser("extract", help="JSONL articles in, JSONL partner facts out")
    extract.add_argument("file", nargs="?", help="input file (default: standard input)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    if command == "extract":
        from bot.extraction.cli import main as extract_main

        return extract_main([args.file] if args.file else [])
    try:
        settings = load_settings()
    except SettingsError as exc:
        return fail(str(exc), 2)
    secret = settings.bot_token.get_secret_value() if settings.bot_token else ""
    setup_logging(settings.log_level, secret)
    if command == "run" and not (
        settings.bot_token and settings.bot_token.get_secret_value().strip()
    ):
        return fail(
            "BOT_TOKEN is not set: copy .env.example to .env and put your bot's token in it", 2
        )
    from bot import services

    try:
        if command == "poll":
            return asyncio.run(services.poll_once(settings, sys.stdout))
        if command == "reextract":
            return asyncio.run(services.reextract(settings, sys.stdout))
        return asyncio.run(services.run_bot(settings))
    except services.StartupError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return 0
    except Exception:  # a bug: its traceback goes through the redacting log handler
        log.exception("the bot stopped on an unexpected error")
        return fail("the bot stopped on an unexpected error (traceback above)")


if __name__ == "__main__":
    sys.exit(main())
