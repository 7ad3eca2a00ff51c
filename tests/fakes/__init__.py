"""In-repo fakes of the outside world: the Telegram Bot API and the SPbPU news site."""

from tests.fakes.bot_api import (
    APIError,
    CallRecord,
    FakeBotAPI,
    cant_parse_entities,
    chat_not_found,
    drop_connection,
    forbidden_blocked,
    forbidden_kicked,
    message_too_long,
    migrated,
    server_error,
    too_many_requests,
)

__all__ = [
    "APIError",
    "CallRecord",
    "FakeBotAPI",
    "cant_parse_entities",
    "chat_not_found",
    "drop_connection",
    "forbidden_blocked",
    "forbidden_kicked",
    "message_too_long",
    "migrated",
    "server_error",
    "too_many_requests",
]
