-- One document reported by several articles is one entry: a later report (a retelling) points
-- at the entry's first report, the earliest article's row; NULL on the first report itself.
-- Set by PartnerRepository when an article's facts are stored or partners merge, recomputed on
-- reextract and at start. No foreign key: a first report replaced by re-extraction is relinked
-- in the same transaction, and migrate-db copies rows in any order.
ALTER TABLE agreements ADD COLUMN first_report INTEGER;
CREATE INDEX agreements_first_report ON agreements (first_report);
