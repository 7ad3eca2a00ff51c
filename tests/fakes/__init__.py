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
from tests.fakes.news_site import FIXTURES, FakeNewsSite, NewsItem, RequestLog, sample_news

__all__ = [
    "FIXTURES",
    "APIError",
    "CallRecord",
    "FakeBotAPI",
    "FakeNewsSite",
    "NewsItem",
    "RequestLog",
    "cant_parse_entities",
    "chat_not_found",
    "drop_connection",
    "forbidden_blocked",
    "forbidden_kicked",
    "message_too_long",
    "migrated",
    "sample_news",
    "server_error",
    "too_many_requests",
]
