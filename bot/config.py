"""Settings from the environment and `.env`; one object, read once at start-up."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.text.dsn import dsn_place

DEFAULT_FEED = "https://www.spbstu.ru/media/news/rss/"
PLACEHOLDER_TOKEN = "123456789:replace-with-your-token"  # .env.example's value
# A token from @BotFather: the bot's numeric id, a colon, 35 URL-safe characters.
_TOKEN_SHAPE = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{35}")
# Telegram's rule for setWebhook's secret_token.
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


def split_listen(value: str) -> tuple[str, int]:
    """`host:port` (IPv6 hosts in brackets) as (host, port); ValueError when malformed."""
    host, sep, port = value.strip().rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"expected host:port, got {value!r}")
    return host, int(port)


class Settings(BaseSettings):
    """Every knob of the bot; names match the environment variables in upper case."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org"
    feed_urls: Annotated[list[str], NoDecode] = Field(default_factory=lambda: [DEFAULT_FEED])
    database_path: Path = Path("data/bot.sqlite3")
    # postgresql://user:password@host:port/db selects PostgreSQL (many instances, one leader);
    # unset: SQLite at DATABASE_PATH.
    database_url: SecretStr | None = None
    poll_interval_seconds: float = Field(default=600, gt=0)
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    broadcast_rate: float = Field(default=25, gt=0, le=10_000)
    digest_hour: int = Field(default=9, ge=0, le=23)
    http_timeout_seconds: float = Field(default=20, gt=0, le=300)
    max_response_bytes: int = Field(default=5_000_000, ge=10_000)
    # Sent, failed and dropped deliveries and sent digests are deleted after this many days; at
    # least 8, since a weekly digest leaves out items the chat already got as messages.
    retention_days: int = Field(default=30, ge=8, le=3650)
    user_agent: str = "SPbPU-Partnership-News-Bot/0.1 (Telegram bot; polite feed reader)"
    log_level: str = "INFO"
    # Webhook mode (unset: long polling) and the monitoring endpoints.
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = Field(default=None, validate_default=True)
    webhook_listen: str = "127.0.0.1:8080"
    metrics_listen: str | None = None
    curation_path: Path = Path(
        "curation.jsonl"
    )  # operators' registry corrections (bot.facts.curation)

    @field_validator("feed_urls", mode="before")
    @classmethod
    def _split_urls(cls, value: object) -> object:
        if isinstance(value, str):
            urls = [part.strip() for part in value.split(",") if part.strip()]
            for url in urls:
                if not url.startswith(("http://", "https://")):
                    raise ValueError(f"not an http(s) URL: {url!r}")
            return urls
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return frozenset(int(part) for part in value.split(",") if part.strip())
            except ValueError:
                raise ValueError("expected comma-separated integer user ids") from None
        return value

    @field_validator("telegram_api_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        url = value.get_secret_value().strip()
        parts = urlsplit(url)
        if parts.scheme not in ("postgresql", "postgres") or not (parts.hostname or parts.query):
            # The value is not echoed: it may hold a password.
            raise ValueError("must be a postgresql://user:password@host:port/database URL")
        return SecretStr(url)

    @property
    def database_target(self) -> Path | str:
        """What `Database.open` takes: the PostgreSQL URL when set, else the SQLite path."""
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        return self.database_path

    @property
    def database_name(self) -> str:
        """The database for messages and logs, without a password."""
        if self.database_url is None:
            return str(self.database_path)
        return dsn_place(self.database_url.get_secret_value())

    @field_validator("webhook_url")
    @classmethod
    def _check_webhook_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme != "https" or not parts.hostname:
            raise ValueError("must be a public https:// URL with a host")
        if parts.path in ("/healthz", "/metrics"):
            raise ValueError("its path must not be /healthz or /metrics (served beside it)")
        return value.strip()

    @field_validator("webhook_secret")
    @classmethod
    def _check_webhook_secret(cls, value: SecretStr | None, info: ValidationInfo) -> object:
        if value is None or not value.get_secret_value():
            if info.data.get("webhook_url"):
                raise ValueError("required when WEBHOOK_URL is set")
            return None
        if not _WEBHOOK_SECRET.fullmatch(value.get_secret_value()):
            # The value itself is never echoed: it is a secret.
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @field_validator("webhook_listen")
    @classmethod
    def _check_webhook_listen(cls, value: str) -> str:
        if not value.strip():
            return "127.0.0.1:8080"
        split_listen(value)
        return value.strip()

    @field_validator("metrics_listen")
    @classmethod
    def _check_metrics_listen(cls, value: str | None) -> str | None:
        if not value or not value.strip():
            return None
        split_listen(value)
        return value.strip()

    @property
    def webhook_path(self) -> str:
        """The path Telegram posts updates to: WEBHOOK_URL's own path, `/` when it has none."""
        return urlsplit(self.webhook_url or "").path or "/"


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line for the user."""


def load_settings(**overrides: object) -> Settings:
    """Read settings, turning pydantic's multi-line report into one clear line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]  # overrides are validated by pydantic
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise SettingsError(f"invalid setting {name}: {first['msg']}") from None


def token_problem(token: str) -> str | None:
    """Why `token` cannot be a bot token (one line, the token not repeated), or None.

    Checked before anything talks to Telegram: a placeholder or a mangled paste would otherwise
    end in an HTTP error deep inside aiogram.
    """
    if not token:
        return "BOT_TOKEN is not set: copy .env.example to .env and put your bot's token in it"
    if token == PLACEHOLDER_TOKEN:
        return "BOT_TOKEN is still the placeholder from .env.example: put your bot's token in .env"
    if not _TOKEN_SHAPE.fullmatch(token):
        return (
            "BOT_TOKEN does not look like a bot token (digits, a colon, 35 letters, digits, "
            "'_' or '-'): copy it again from @BotFather"
        )
    return None
