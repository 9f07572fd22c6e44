-- 002 · Orleans grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2): the organization's units, agents, leaflet
-- trackers and directory, under the storage name "orgtasks".
--
-- The provider reads WriteToStorageKey, ReadFromStorageKey, ClearStorageKey and DeleteStorageKey from OrleansQuery
-- (table made by 001). It binds @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
-- @GrainIdHash, @GrainTypeHash, @GrainStateVersion (the etag, null for a grain never written) and @PayloadBinary.
--
-- What those carry in Orleans 10: @GrainTypeString is the state's name ([PersistentState("unit", ...)]), not the grain
-- class; a string-keyed grain's key is in @GrainIdExtensionString with N0 = N1 = 0; a Guid or integer key is in
-- N0/N1 with any key extension in @GrainIdExtensionString. So a row is named by (service, state name, key): two grain
-- classes that share a state name and a key would share a row. OrgTasks' unit grains share the name "unit" and are
-- kept apart by unit ids being unique across the organization. The hashes identify nothing the key does not, so they
-- are not stored.
--
-- The payload is the state in Orleans' binary serialization (see OrgTasks.Postgres.Hosting): versioned by field ids
-- and type aliases, not by CLR type names.

CREATE TABLE orleans_grain_state (
    service_id text        NOT NULL,
    state_name text        NOT NULL,
    grain_key  text        NOT NULL,   -- the string key or the key extension; '' when there is none
    grain_n0   bigint      NOT NULL,
    grain_n1   bigint      NOT NULL,
    payload    bytea,                  -- null once cleared (the row stays, with its version, as a tombstone)
    version    integer     NOT NULL,   -- the etag: 1 on first write, +1 on every write or clear
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_key, grain_n0, grain_n1)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- No row: the provider gives the grain a fresh state.
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
  FROM orleans_grain_state
 WHERE service_id = @ServiceId AND state_name = @GrainTypeString
   AND grain_key = coalesce(@GrainIdExtensionString, '') AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
$q$),

-- Check-and-set on the etag. A first write (no etag) inserts version 1 unless a row exists; a later write updates
-- only the version it read. Either returns the new version; a stale etag returns no row, which the provider turns
-- into an InconsistentStateException instead of overwriting someone else's write.
('WriteToStorageKey', $q$
WITH inserted AS (
    INSERT INTO orleans_grain_state (service_id, state_name, grain_key, grain_n0, grain_n1, payload, version)
    SELECT @ServiceId, @GrainTypeString, coalesce(@GrainIdExtensionString, ''), @GrainIdN0, @GrainIdN1, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
), updated AS (
    UPDATE orleans_grain_state
       SET payload = @PayloadBinary, version = version + 1, written_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND service_id = @ServiceId AND state_name = @GrainTypeString
       AND grain_key = coalesce(@GrainIdExtensionString, '') AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
       AND version = @GrainStateVersion
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM inserted
UNION ALL
SELECT version FROM updated
$q$),

-- ClearStateAsync keeping the row: the payload goes, the version moves on, so a stale writer still fails.
('ClearStorageKey', $q$
UPDATE orleans_grain_state
   SET payload = NULL, version = version + 1, written_at = now()
 WHERE service_id = @ServiceId AND state_name = @GrainTypeString
   AND grain_key = coalesce(@GrainIdExtensionString, '') AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
   AND version = @GrainStateVersion
RETURNING version
$q$),

-- ClearStateAsync with DeleteStateOnClear: the row goes. The provider expects the deleted version + 1 back.
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
 WHERE service_id = @ServiceId AND state_name = @GrainTypeString
   AND grain_key = coalesce(@GrainIdExtensionString, '') AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
   AND version = @GrainStateVersion
RETURNING version + 1
$q$);
