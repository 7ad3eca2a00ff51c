-- Digests: chats may take one summary a day or a week instead of one message per item.
-- The outbox now carries either an item or a digest, so it is rebuilt with news_id nullable.

ALTER TABLE chats ADD COLUMN digest TEXT NOT NULL DEFAULT 'off'
    CHECK (digest IN ('off', 'daily', 'weekly'));
ALTER TABLE chats ADD COLUMN digest_thread_id INTEGER;
ALTER TABLE chats ADD COLUMN digest_since TEXT;   -- start of the period the next digest covers

CREATE TABLE digests (
    id         INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL,
    period     TEXT NOT NULL,                  -- e.g. 'daily:2026-12-02', 'weekly:2026-W49'
    language   TEXT NOT NULL,
    text       TEXT NOT NULL,                  -- ready Telegram HTML
    created_at TEXT NOT NULL,
    UNIQUE (chat_id, period)
);

CREATE TABLE outbox_v3 (
    id              INTEGER PRIMARY KEY,
    news_id         INTEGER REFERENCES news(id),
    digest_id       INTEGER REFERENCES digests(id),
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
    CHECK ((news_id IS NULL) != (digest_id IS NULL)),
    UNIQUE (news_id, chat_id),
    UNIQUE (digest_id, chat_id)
);
INSERT INTO outbox_v3 (id, news_id, chat_id, thread_id, state, attempts, next_attempt_at, sent_at,
                       message_id, last_error, created_at)
    SELECT id, news_id, chat_id, thread_id, state, attempts, next_attempt_at, sent_at, message_id,
           last_error, created_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v3 RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, news_id) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_chat ON outbox (chat_id, state);
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
