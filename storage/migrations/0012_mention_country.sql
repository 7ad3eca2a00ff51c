-- A card's country follows its mentions: each mention keeps the country its article gave and
-- whether the text read it (1) or the extractor guessed it (0); NULL on mentions stored before.
-- `country_source` is how the card's own country was set: 0 guessed, 1 read, 2 an operator's
-- (which no article changes); NULL on rows stored before.
ALTER TABLE partner_mentions ADD COLUMN country TEXT;
ALTER TABLE partner_mentions ADD COLUMN country_read INTEGER;
ALTER TABLE partners ADD COLUMN country_source INTEGER;
