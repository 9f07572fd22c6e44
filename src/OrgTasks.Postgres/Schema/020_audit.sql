-- 020: the audit trail. Append-only: the application inserts and reads; a trigger refuses every UPDATE and DELETE, so
-- not even a bug in OrgTasks can rewrite what an officer did. Never a statement's or a leaflet's text, never sealed data.
CREATE TABLE IF NOT EXISTS audit_trail (
    seq      bigserial PRIMARY KEY,
    at       timestamptz NOT NULL,
    actor    text COLLATE "C" NOT NULL,
    action   text COLLATE "C" NOT NULL,
    target   text COLLATE "C" NOT NULL,
    outcome  smallint NOT NULL,
    reason   text NOT NULL DEFAULT '',
    count    integer NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS audit_trail_at ON audit_trail (at DESC);

CREATE OR REPLACE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP;
END;
$$;
DROP TRIGGER IF EXISTS audit_trail_append_only ON audit_trail;
CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail
    FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();
