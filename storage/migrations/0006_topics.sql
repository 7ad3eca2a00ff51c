-- A forum group's topics are separate feeds: an item matched by subscriptions in two topics of one
-- chat is delivered to each topic once (it was once per chat, to the first topic). SQLite cannot
-- drop a table's UNIQUE constraint, so the outbox is rebuilt with the key (item, chat, topic);
-- a row without a topic (private chats, a group's general topic) counts as topic 0.

CREATE TABLE outbox_v6 (
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
    UNIQUE (digest_id, chat_id)
);
INSERT INTO outbox_v6 (id, news_id, digest_id, chat_id, thread_id, state, attempts,
                       next_attempt_at, sent_at, message_id, last_error, created_at)
    SELECT id, news_id, digest_id, chat_id, thread_id, state, attempts, next_attempt_at, sent_at,
           message_id, last_error, created_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v6 RENAME TO outbox;
CREATE UNIQUE INDEX outbox_item_topic ON outbox (news_id, chat_id, COALESCE(thread_id, 0));
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, news_id) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_chat ON outbox (chat_id, state);
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX outbox_state ON outbox (state, created_at);
