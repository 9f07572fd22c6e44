-- 001 · Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2), and the query table every Orleans
-- ADO.NET provider reads at start-up.
--
-- The contract, from the providers' source: at start-up a provider runs `SELECT QueryKey, QueryText FROM OrleansQuery`
-- and afterwards executes each text by its key, binding named parameters (@DeploymentId, @Address, ...) and reading
-- result columns by name ("Version", "Address", ...). Keys, parameter names and column names are Orleans'; the tables
-- behind them and every statement here are OrgTasks' own. Orleans' DeploymentId is the cluster id.

-- Unquoted on purpose: Orleans' query is unquoted, so PostgreSQL folds both to orleansquery / querykey / querytext.
CREATE TABLE OrleansQuery (
    QueryKey  text PRIMARY KEY,
    QueryText text NOT NULL
);

-- One row per cluster. Its version is the membership table's etag: every insert or update of a silo row must name
-- the version it read and bumps it, so two silos changing membership at once cannot both win.
CREATE TABLE orleans_membership_version (
    deployment_id text        PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation: a restarted silo has a new generation and a new row.
CREATE TABLE orleans_membership (
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,   -- Orleans' SiloStatus: 3 Active, 6 Dead, ...
    proxy_port      integer     NOT NULL,   -- the gateway port clients connect to; 0 when the silo has none
    suspect_times   text,                   -- Orleans' own "silo,time|silo,time" list of who suspects this silo
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Inserting a silo and updating one are check-and-set on the version row. The row is locked first (FOR UPDATE), so
-- concurrent writers queue; whoever finds the version changed gets false and Orleans re-reads the table. Nothing is
-- written unless the whole change is, so a false leaves the table and its version as they were.
CREATE FUNCTION orleans_membership_insert(
    p_deployment_id text, p_address text, p_port integer, p_generation integer, p_silo_name text, p_host_name text,
    p_status integer, p_proxy_port integer, p_start_time timestamptz, p_i_am_alive_time timestamptz,
    p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM 1 FROM orleans_membership_version
     WHERE deployment_id = p_deployment_id AND version = p_version
       FOR UPDATE;
    IF NOT FOUND THEN RETURN false; END IF;

    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                    proxy_port, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
            p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN RETURN false; END IF;

    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

CREATE FUNCTION orleans_membership_update(
    p_deployment_id text, p_address text, p_port integer, p_generation integer, p_status integer,
    p_suspect_times text, p_i_am_alive_time timestamptz, p_version integer)
RETURNS boolean LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM 1 FROM orleans_membership_version
     WHERE deployment_id = p_deployment_id AND version = p_version
       FOR UPDATE;
    IF NOT FOUND THEN RETURN false; END IF;

    UPDATE orleans_membership
       SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
     WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN RETURN false; END IF;

    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Returns one row whatever happens ("does a version row exist now that I asked?"), as Orleans reads exactly one.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created)
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                                 @ProxyPort, @StartTime, @IAmAliveTime, @Version)
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                                 @IAmAliveTime, @Version)
$q$),

-- A heartbeat: not a membership change, so the version stays.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- The version row always comes back (Orleans takes the table's etag from the first row); the silo's columns are
-- null when it has no row, which Orleans reads as "no entry".
('MembershipReadRowKey', $q$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
       m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m
         ON m.deployment_id = v.deployment_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
       m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version v
  LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId
$q$),

-- Clients ask for the active silos' gateways.
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

-- The silo rows go with their version row.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),

-- Rows of silos that stopped renewing long ago. An active row is never removed here: an active silo is declared dead
-- by its peers' votes, not by age.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3
$q$);
