-- As SQLite's 0011: what made the stored facts; `fingerprint` is the extraction's digest.
-- A bot whose digest differs extracts every stored article again before extracting new ones.
CREATE TABLE extraction_state (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
