-- A forum group's topics subscribe on their own: the same subscription may be made in two topics
-- (each topic its own feed), and the switch between all news and partnership news only is per
-- topic. No topic (private chats, a group's general topic) counts as topic 0.

ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_chat_id_kind_value_key;
CREATE UNIQUE INDEX subscriptions_topic
    ON subscriptions (chat_id, kind, value, COALESCE(thread_id, 0));
