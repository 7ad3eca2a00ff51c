-- One document reported by several articles is one entry (see SQLite's 0010): a retelling
-- points at the entry's first report; NULL on the first report itself.
ALTER TABLE agreements ADD COLUMN first_report BIGINT;
CREATE INDEX agreements_first_report ON agreements (first_report);
