-- An operator may bring a hidden partner back ("show", which undoes "hide"). SQLite cannot change
-- a CHECK constraint, so partner_corrections is rebuilt with the new action allowed; nothing
-- references it, so every row and id is kept.

CREATE TABLE partner_corrections_v8 (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL
               CHECK (action IN ('merge', 'split', 'rename', 'hide', 'show', 'country')),
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,
    value      TEXT,                 -- merge: the name merged into; split: the name form split off;
                                     -- rename: the new name; country: ISO alpha-2
    value_en   TEXT,                 -- rename: the new English name
    source     TEXT NOT NULL DEFAULT 'telegram',   -- 'telegram' or 'file'
    created_by INTEGER,
    created_at TEXT NOT NULL
);
INSERT INTO partner_corrections_v8 (id, action, name, name_key, value, value_en, source,
                                    created_by, created_at)
    SELECT id, action, name, name_key, value, value_en, source, created_by, created_at
    FROM partner_corrections;
DROP TABLE partner_corrections;
ALTER TABLE partner_corrections_v8 RENAME TO partner_corrections;
CREATE INDEX partner_corrections_key ON partner_corrections (name_key);
