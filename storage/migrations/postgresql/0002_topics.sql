-- A forum group's topics are separate feeds: an item matched by subscriptions in two topics of one
-- chat is delivered to each topic once (it was once per chat, to the first topic). A row without
-- a topic (private chats, a group's general topic) counts as topic 0.

ALTER TABLE outbox DROP CONSTRAINT outbox_news_id_chat_id_key;
CREATE UNIQUE INDEX outbox_item_topic ON outbox (news_id, chat_id, COALESCE(thread_id, 0));
