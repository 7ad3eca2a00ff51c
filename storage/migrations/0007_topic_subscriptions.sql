-- A forum group's topics subscribe on their own: the same subscription may be made in two topics
-- (each topic its own feed), and the switch between all news and partnership news only is per
-- topic. SQLite cannot drop the UNIQUE (chat_id, kind, value) constraint, so the table is rebuilt
-- with the key (chat, kind, value, topic); no topic (private chats, a group's general topic)
-- counts as topic 0. Nothing references subscriptions, so the rebuild keeps every row and id.

CREATE TABLE subscriptions_v7 (
    id         INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON UPDATE CASCADE ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('all', 'partnerships', 'country', 'partner', 'keyword')),
    value      TEXT NOT NULL DEFAULT '',
    thread_id  INTEGER,                           -- forum topic the subscription was made in
    created_at TEXT NOT NULL
);
INSERT INTO subscriptions_v7 (id, chat_id, kind, value, thread_id, created_at)
    SELECT id, chat_id, kind, value, thread_id, created_at FROM subscriptions;
DROP TABLE subscriptions;
ALTER TABLE subscriptions_v7 RENAME TO subscriptions;
CREATE UNIQUE INDEX subscriptions_topic
    ON subscriptions (chat_id, kind, value, COALESCE(thread_id, 0));
