"""Settings from the environment and `.env`; one object, read once at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_FEED = "https://www.spbstu.ru/media/news/rss/"


class Settings(BaseSettings):
    """Every knob of the bot; names match the environment variables in upper case."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org"
    feed_urls: Annotated[list[str], NoDecode] = Field(default_factory=lambda: [DEFAULT_FEED])
    database_path: Path = Path("data/bot.sqlite3")
    poll_interval_seconds: float = Field(default=600, gt=0)
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    broadcast_rate: float = Field(default=25, gt=0, le=10_000)
    digest_hour: int = Field(default=9, ge=0, le=23)
    http_timeout_seconds: float = Field(default=20, gt=0, le=300)
    max_response_bytes: int = Field(default=5_000_000, ge=10_000)
    user_agent: str = "SPbPU-Partnership-News-Bot/0.1 (Telegram bot; polite feed reader)"
    log_level: str = "INFO"
    curation_path: Path = Path("curation.jsonl")  # operators' registry corrections (bot.curation)

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
