-- The registry a user browses: stable partner identity, operator corrections.
-- Partner rows are never deleted by extraction, so an id (what a subscription stores) names one
-- organisation for good: a rebuild revives a row by its identity key instead of renumbering.

ALTER TABLE partners ADD COLUMN key TEXT;                    -- identity: canonical key of the first name
ALTER TABLE partners ADD COLUMN merged_into INTEGER REFERENCES partners(id);
ALTER TABLE partners ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;  -- an operator said: no partner
CREATE INDEX partners_key ON partners (key);

-- Corrections by operators, re-applied after every extraction. Names, not ids, so a curation
-- file under version control can state them; `name_key` is the canonical key of `name`.
CREATE TABLE partner_corrections (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL CHECK (action IN ('merge', 'split', 'rename', 'hide', 'country')),
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    value      TEXT,                 -- merge: the name merged into; split: the name form split off;
                                     -- rename: the new name; country: ISO alpha-2
    value_en   TEXT,                 -- rename: the new English name
    source     TEXT NOT NULL DEFAULT 'telegram',   -- 'telegram' or 'file'
    created_by INTEGER,
    created_at TEXT NOT NULL
);
CREATE INDEX partner_corrections_key ON partner_corrections (name_key);
