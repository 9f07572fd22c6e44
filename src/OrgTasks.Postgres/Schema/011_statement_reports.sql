-- 011: a regular report names the unit it reports on (Statement.ReportOf), so that the committee can rebuild who
-- reported when from its inbox after a restart. Empty for every other statement. Idempotent DDL.
ALTER TABLE journal_statements ADD COLUMN IF NOT EXISTS report_of text COLLATE "C";
