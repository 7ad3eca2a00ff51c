-- Partnership facts: partners as entities across articles, their mentions, signed agreements.

CREATE TABLE partners (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,          -- canonical name, Russian when known
    name_en    TEXT,
    country    TEXT,                   -- ISO 3166-1 alpha-2
    kind       TEXT NOT NULL CHECK (kind IN ('university', 'research', 'company', 'government', 'other')),
    created_at TEXT NOT NULL
);

-- Every name form seen for a partner, with its matching key (bot.extraction.canonical_key).
CREATE TABLE partner_aliases (
    partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,
    key        TEXT NOT NULL,
    PRIMARY KEY (partner_id, key)
);
CREATE INDEX partner_aliases_key ON partner_aliases (key);

CREATE TABLE partner_mentions (
    partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    news_id    INTEGER NOT NULL REFERENCES news(id) ON DELETE CASCADE,
    PRIMARY KEY (partner_id, news_id)
);
CREATE INDEX partner_mentions_news ON partner_mentions (news_id);

CREATE TABLE agreements (
    id        INTEGER PRIMARY KEY,
    news_id   INTEGER NOT NULL REFERENCES news(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('agreement', 'memorandum', 'contract', 'roadmap', 'other')),
    title     TEXT,
    signed_on TEXT                     -- as stated: YYYY-MM-DD or YYYY-MM
);
CREATE INDEX agreements_news ON agreements (news_id);

CREATE TABLE agreement_parties (
    agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    partner_id   INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, partner_id)
);
CREATE INDEX agreement_parties_partner ON agreement_parties (partner_id);

-- news.extracted_at says whether facts are current; this keeps the article-level verdict.
ALTER TABLE news ADD COLUMN partnership INTEGER;
CREATE INDEX news_unextracted ON news (id) WHERE extracted_at IS NULL;
