-- Feeds, news, chats, subscriptions, the delivery outbox and full-text search.
-- Times are fixed-width UTC text (storage.db.to_db), so string order is time order.

CREATE TABLE feeds (
    id              INTEGER PRIMARY KEY,
    url             TEXT NOT NULL UNIQUE,
    title           TEXT,
    etag            TEXT,
    last_modified   TEXT,
    initialised     INTEGER NOT NULL DEFAULT 0,   -- first poll done: its backlog was imported silently
    last_checked_at TEXT,
    last_success_at TEXT,
    last_error      TEXT,
    last_error_at   TEXT,
    error_streak    INTEGER NOT NULL DEFAULT 0,   -- consecutive failures, drives the backoff
    error_count     INTEGER NOT NULL DEFAULT 0,   -- failures ever
    next_check_at   TEXT,
    created_at      TEXT NOT NULL
);

CREATE TABLE news (
    id                   INTEGER PRIMARY KEY,
    feed_id              INTEGER NOT NULL REFERENCES feeds(id),
    key                  TEXT NOT NULL,           -- guid, else normalised link, else a content hash
    link_key             TEXT,                    -- normalised link: the same article in two feeds is one item
    guid                 TEXT,
    link                 TEXT,
    title                TEXT NOT NULL,
    teaser               TEXT NOT NULL DEFAULT '',
    body                 TEXT,                    -- full article text, when known
    category             TEXT,
    image_url            TEXT,
    published_at         TEXT,
    first_seen_at        TEXT NOT NULL,
    body_state           TEXT NOT NULL DEFAULT 'pending'
                         CHECK (body_state IN ('pending', 'done', 'failed', 'not_needed', 'given_up')),
    body_attempts        INTEGER NOT NULL DEFAULT 0,
    body_next_attempt_at TEXT,
    body_error           TEXT,
    announce             INTEGER NOT NULL,        -- 0 for a feed's silently imported backlog
    fanned_out           INTEGER NOT NULL DEFAULT 0,  -- outbox rows made for the subscribers of the time
    extracted_at         TEXT,
    UNIQUE (feed_id, key)
);
CREATE INDEX news_link_key ON news (link_key) WHERE link_key IS NOT NULL;
CREATE INDEX news_published ON news (COALESCE(published_at, first_seen_at) DESC);
CREATE INDEX news_fanout ON news (fanned_out, announce) WHERE fanned_out = 0;
CREATE INDEX news_body_due ON news (body_state, body_next_attempt_at);

-- Stemmed forms of title and body (storage.search); rowid = news.id.
CREATE VIRTUAL TABLE news_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE chats (
    id                 INTEGER PRIMARY KEY,       -- Telegram chat id
    type               TEXT NOT NULL,             -- private | group | supergroup | channel
    title              TEXT,
    language           TEXT NOT NULL DEFAULT 'ru',
    active             INTEGER NOT NULL DEFAULT 1,  -- 0 once the bot was blocked, kicked or the chat vanished
    inactive_reason    TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

CREATE TABLE subscriptions (
    id         INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON UPDATE CASCADE ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('all', 'partnerships', 'country', 'partner', 'keyword')),
    value      TEXT NOT NULL DEFAULT '',
    thread_id  INTEGER,                           -- forum topic the subscription was made in
    created_at TEXT NOT NULL,
    UNIQUE (chat_id, kind, value)
);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    news_id         INTEGER NOT NULL REFERENCES news(id),
    chat_id         INTEGER NOT NULL,
    thread_id       INTEGER,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    sent_at         TEXT,
    message_id      INTEGER,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    UNIQUE (news_id, chat_id)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, news_id) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_chat ON outbox (chat_id, state);
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
