-- Retention (bot.retention): outbox rows in a final state and sent digests are deleted after
-- RETENTION_DAYS. These indexes find them without a scan, and let /stats count outbox rows by
-- state from an index (the history of sends no longer grows without bound).

CREATE INDEX outbox_state ON outbox (state, created_at);
CREATE INDEX digests_created ON digests (created_at);
