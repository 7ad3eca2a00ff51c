-- Partner subscriptions retired because an operator hid their partner, kept so that showing the
-- partner again brings each one back (the same chat, topic and kind). A row goes when its
-- subscription comes back, or with its chat or partner row.

CREATE TABLE retired_subscriptions (
    id         INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON UPDATE CASCADE ON DELETE CASCADE,
    thread_id  INTEGER,                           -- forum topic the subscription was made in
    kind       TEXT NOT NULL,
    partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,   -- the row hidden
    retired_at TEXT NOT NULL
);
CREATE UNIQUE INDEX retired_subscriptions_key
    ON retired_subscriptions (partner_id, chat_id, kind, COALESCE(thread_id, 0));
