-- 025: a statement keeps the W3C traceparent of its author's span (Statement.TraceParent), so that the hops that pass
-- it on after a silo restart still add their spans to the statement's one trace. Empty when tracing was off. Idempotent DDL.
ALTER TABLE journal_statements ADD COLUMN IF NOT EXISTS trace_parent text COLLATE "C";
