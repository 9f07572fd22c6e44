-- 003 · Orleans reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2): what wakes a leaflet tracker or the statement
-- sweeper after a restart, with no client doing anything.
--
-- The provider binds @ServiceId, @GrainId (the grain id's text), @ReminderName, @StartTime, @Period (milliseconds, as
-- integer or bigint), @GrainHash, @BeginHash, @EndHash and @Version, and reads "GrainId", "ReminderName",
-- "StartTime", "Period" and "Version".
--
-- Each silo reads the reminders of its share of the hash ring. Orleans sends the uint hashes cast to signed int and
-- picks ReadRangeRows1Key when begin < end in that signed order, ReadRangeRows2Key when the range wraps around; the
-- column keeps the same signed value so both compare alike. A range is (begin, end]: open below, closed above.

CREATE TABLE orleans_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,   -- milliseconds
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,   -- the etag; +1 on every upsert
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders AS r (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = excluded.start_time, period = excluded.period, grain_hash = excluded.grain_hash,
       version = r.version + 1
RETURNING version AS "Version"
$q$),

('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period",
       version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period",
       version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period",
       version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period AS "Period",
       version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

-- Only the version the caller read is deleted; one row comes back either way, saying whether it was.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed)
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$q$);
