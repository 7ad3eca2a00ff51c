"""CLI: `python -m bot [run | poll --once | extract [FILE] | reextract | export TABLE]`.

Settings are read and checked before anything heavy is imported: the wiring lives in
`bot.services`, loaded only once the command is known to be able to run.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit

from bot.config import SettingsError, load_settings, token_problem

log = logging.getLogger("bot")


class _Redact:
    """Keeps secrets (the bot token, the webhook secret, the database password) out of every
    line written to stderr."""

    def __init__(self) -> None:
        self.secrets: dict[str, str] = {}  # secret -> placeholder

    def __call__(self, text: str) -> str:
        for secret, placeholder in self.secrets.items():
            text = text.replace(secret, placeholder)
        return text


_redact = _Redact()


class _RedactingFormatter(logging.Formatter):
    """Redacts the final text of a record: its message, arguments and traceback alike."""

    def format(self, record: logging.LogRecord) -> str:
        return _redact(super().format(record))


def setup_logging(
    level: str, secret: str = "", webhook_secret: str = "", database_password: str = ""
) -> None:
    _redact.secrets = {
        value: placeholder
        for value, placeholder in (
            (secret.strip(), "<BOT_TOKEN>"),
            (webhook_secret.strip(), "<WEBHOOK_SECRET>"),
            (database_password, "<DATABASE_PASSWORD>"),
        )
        if value
    }
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
    export = sub.add_parser("export", help="partners, agreements or news as JSONL, CSV or XLSX")
    export.add_argument("table", choices=("partners", "agreements", "news"))
    export.add_argument("--format", choices=("jsonl", "csv", "xlsx"), default="jsonl")
    export.add_argument("--output", help="file to write (default: standard output)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    if command == "extract":
        from bot.facts.extraction.cli import main as extract_main

        return extract_main([args.file] if args.file else [])
    try:
        settings = load_settings()
    except SettingsError as exc:
        return fail(str(exc), 2)
    secret = settings.bot_token.get_secret_value() if settings.bot_token else ""
    hook_secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    db_url = settings.database_url.get_secret_value() if settings.database_url else ""
    setup_logging(settings.log_level, secret, hook_secret, urlsplit(db_url).password or "")
    if command == "run":
        problem = token_problem(secret.strip())
        if problem is not None:
            return fail(problem, 2)
    if command == "export" and args.format == "xlsx" and not args.output:
        return fail("xlsx is a binary format: give --output FILE", 2)
    from bot import services

    try:
        if command == "export":
            output = Path(args.output) if args.output else None
            return asyncio.run(
                services.export(settings, args.table, args.format, output, sys.stdout.buffer)
            )
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
