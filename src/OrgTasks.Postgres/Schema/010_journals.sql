-- 010: the journals behind IStatementJournal, ILeafletJournal and IDeliveryJournal (src/OrgTasks.Postgres/Journals).
-- Written only by the group-commit writer: many rows per transaction, every write idempotent by its key, so a batch
-- replayed after a lost acknowledgement changes nothing. Idempotent DDL: applying this file twice is a no-op.

-- Ids are opaque: every id column is COLLATE "C", so keys compare as bytes (memcmp), not by the server's locale.

-- A statement's text once, however many hops it passes.
CREATE TABLE IF NOT EXISTS journal_statements (
    statement_id text COLLATE "C" PRIMARY KEY,
    author       text COLLATE "C" NOT NULL,
    addressee    smallint    NOT NULL,
    kind         smallint    NOT NULL,
    written_at   timestamptz NOT NULL,
    body         text        NOT NULL
);

-- One row per (statement, holder): the key that makes a retried hand-over harmless. Insert-only: a hand-over is a row
-- of journal_passes, not an update, because an update of a row under a "not passed" index costs a new row version and
-- a new primary-key entry (measured: 57 µs a row against 11 µs for an insert). seq keeps acceptance order (a route,
-- newest-first inboxes) without trusting clocks.
CREATE TABLE IF NOT EXISTS journal_hops (
    statement_id text COLLATE "C" NOT NULL,
    holder       text COLLATE "C" NOT NULL,
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    role         smallint NOT NULL,
    unit         text NOT NULL,
    contact      text,
    accepted_at  timestamptz NOT NULL,
    target_id    text,
    target_kind  smallint,
    last_error   text,
    attempts     integer NOT NULL DEFAULT 0,
    PRIMARY KEY (statement_id, holder)
);
-- Arrivals (role 2) by addressee, newest first.
CREATE INDEX IF NOT EXISTS journal_hops_inbox ON journal_hops (holder, seq DESC) WHERE role = 2;

-- The first hand-over of a hop: when, and to whom.
CREATE TABLE IF NOT EXISTS journal_passes (
    statement_id text COLLATE "C" NOT NULL,
    holder       text COLLATE "C" NOT NULL,
    passed_at    timestamptz NOT NULL,
    passed_to    text NOT NULL,
    PRIMARY KEY (statement_id, holder)
);

-- What is held right now (accepted, not an arrival, not passed on): a row added with the hop, deleted by its hand-over.
-- It stays as small as the statements in flight, so it serves a holder's activation, the oldest-held scan for breaches
-- and the holders with pending work without an index over all history.
CREATE TABLE IF NOT EXISTS journal_held (
    holder       text COLLATE "C" NOT NULL,
    statement_id text COLLATE "C" NOT NULL,
    accepted_at  timestamptz NOT NULL,
    seq          bigint NOT NULL,
    PRIMARY KEY (holder, statement_id)
);

-- A leaflet's text once, however many units accept it.
CREATE TABLE IF NOT EXISTS journal_leaflets (
    leaflet_id text COLLATE "C" PRIMARY KEY,
    issuer     text COLLATE "C" NOT NULL,
    scope      text COLLATE "C" NOT NULL,
    title      text        NOT NULL,
    body       text        NOT NULL,
    issued_at  timestamptz NOT NULL,
    deadline   timestamptz
);

-- One row per (unit, leaflet): stage 0 open, 1 complete (with the subtree's coverage), 2 reported. The issuer is the
-- unit's own copy of it: a group that must not learn of the organization is handed a leaflet without one.
CREATE TABLE IF NOT EXISTS journal_unit_leaflets (
    unit          text COLLATE "C" NOT NULL,
    leaflet_id    text COLLATE "C" NOT NULL,
    issuer        text COLLATE "C" NOT NULL,
    stage         smallint    NOT NULL,
    accepted_at   timestamptz NOT NULL,
    homes_total   bigint,
    homes_reached bigint,
    duplicates    bigint,
    completed_at  timestamptz,
    PRIMARY KEY (unit, leaflet_id)
);
CREATE INDEX IF NOT EXISTS journal_unit_leaflets_unfinished ON journal_unit_leaflets (unit, accepted_at)
    WHERE stage < 2;

-- One row per (leaflet, route): bit i of `delivered` is home i of the route (a multiple of 64 bits long). Merged with
-- OR, so replays and shared routes never count a home twice; `duplicates` adds up the overlapping bits and
-- `last_newly` is the number of bits the latest merge set, which is what that caller is answered. delivered_by is
-- kept only when it is not the route's own distributor.
CREATE TABLE IF NOT EXISTS journal_deliveries (
    leaflet_id     text COLLATE "C" NOT NULL,
    route          text COLLATE "C" NOT NULL,
    delivered_by   text,
    homes_on_route integer     NOT NULL,
    delivered      varbit      NOT NULL,
    delivered_at   timestamptz NOT NULL,
    duplicates     integer     NOT NULL,
    last_newly     integer     NOT NULL,
    PRIMARY KEY (leaflet_id, route)
);

-- Pads a mask with zero bits to at least n bits: varbit operators refuse operands of different lengths, and a route
-- whose home count changed between two deliveries of one leaflet must still merge. Inlined by the planner.
CREATE OR REPLACE FUNCTION journal_mask_fit(mask varbit, n integer) RETURNS varbit
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN length(mask) >= n THEN mask ELSE mask || repeat('0', n - length(mask))::varbit END $$;
