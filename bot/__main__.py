"""CLI: `python -m bot [run | poll --once | extract [FILE] | reextract | export TABLE |
migrate-db --from sqlite:PATH --to URL]`.

Settings are read and checked before anything heavy is imported: the wiring lives in
`bot.services`, loaded only once the command is known to be able to run. `migrate-db` takes
everything from its arguments and needs no wiring: it goes straight to `storage.copy`.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit

from bot.config import SettingsError, load_settings, token_problem
from bot.text.dsn import dsn_password

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


MIGRATE_DB_HELP = """\
Copy a SQLite database to PostgreSQL, ids and all. The SQLite file is read as one snapshot and
never written, so the bot may keep running on it; PostgreSQL is changed in one transaction.
Run again, the command brings the copy up to date: rows changed, added or deleted in SQLite
since the last run are changed, added or deleted in PostgreSQL, nothing is copied twice.

Moving a bot to PostgreSQL:
  1. createdb (an empty database), then, with the SQLite bot still running:
       python -m bot migrate-db --from sqlite:data/bot.sqlite3 --to postgresql://bot@db/bot
  2. stop the SQLite bot;
  3. run the same command again: it changes only what changed since step 1 (the bot is
     down for as long as this run reads the file: seconds for a few hundred MB);
  4. set DATABASE_URL to that URL and start the bot (or bots) on PostgreSQL.
Do not start a bot on PostgreSQL before step 3: a copy into a database a bot has written is
refused (--force replaces its contents anyway, undoing that bot's work).

The password may be given in PGPASSWORD or ~/.pgpass instead of the URL (which `ps` shows).
"""


def sqlite_source(value: str) -> Path | None:
    """`sqlite:PATH` (or `sqlite:///abs/path`) as a path; None for anything else."""
    if not value.startswith("sqlite:"):
        return None
    rest = value.removeprefix("sqlite:")
    if rest.startswith("//"):
        rest = rest.removeprefix("//")
    return Path(rest) if rest else None


def postgres_target(value: str) -> str | None:
    """The password of a `postgresql://` URL ('' without one); None if it is not one."""
    try:
        parts = urlsplit(value)
        if parts.scheme in ("postgresql", "postgres") and (parts.hostname or parts.query):
            return dsn_password(value)
    except ValueError:  # a malformed host or port
        pass
    return None


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
    migrate = sub.add_parser(
        "migrate-db",
        help="copy a SQLite database to PostgreSQL (again: bring the copy up to date)",
        description=MIGRATE_DB_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    migrate.add_argument("--from", dest="source", required=True, metavar="sqlite:PATH")
    migrate.add_argument(
        "--to", dest="target", required=True, metavar="postgresql://USER@HOST:PORT/DATABASE"
    )
    migrate.add_argument(
        "--force",
        action="store_true",
        help="replace the target's contents even if it holds rows no copy of this source wrote",
    )
    return parser


def migrate_db(source: str, target: str, force: bool) -> int:
    """Takes everything from its arguments: no settings, no token."""
    password = postgres_target(target)
    setup_logging("INFO", database_password=password or "")
    path = sqlite_source(source)
    if path is None:
        # Not echoed: a URL given here by mistake may hold a password.
        return fail("--from must be sqlite:PATH, the SQLite file to copy", 2)
    if password is None:
        # The value is not echoed: it may hold a password.
        return fail("--to must be a postgresql://user:password@host:port/database URL", 2)
    if not path.is_file():
        return fail(f"--from: no SQLite database at {path}", 2)
    # Straight to storage: a copy builds none of the bot's object graph (bot.services takes
    # seconds to import the extraction models).
    from storage.copy import CopyError, copy_to_postgres

    try:
        report = asyncio.run(copy_to_postgres(path, target, force=force))
    except CopyError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted (a copy that did not finish changed nothing in PostgreSQL)")
    except Exception:  # a bug: its traceback goes through the redacting log handler
        log.exception("migrate-db stopped on an unexpected error")
        return fail("migrate-db stopped on an unexpected error (traceback above)")
    for line in report.lines():
        print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    if command == "extract":
        from bot.facts.extraction.cli import main as extract_main

        return extract_main([args.file] if args.file else [])
    if command == "migrate-db":
        return migrate_db(args.source, args.target, args.force)
    try:
        settings = load_settings()
    except SettingsError as exc:
        return fail(str(exc), 2)
    secret = settings.bot_token.get_secret_value() if settings.bot_token else ""
    hook_secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    db_url = settings.database_url.get_secret_value() if settings.database_url else ""
    setup_logging(settings.log_level, secret, hook_secret, dsn_password(db_url))
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
