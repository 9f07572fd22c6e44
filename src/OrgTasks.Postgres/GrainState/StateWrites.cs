using Npgsql;
using OrgTasks.Postgres.Journals;

namespace OrgTasks.Postgres.GrainState;

/// <summary>
/// Grain states' part of a group commit: the provider's check-and-set (Schema/002, <c>WriteToStorageKey</c>) for many
/// rows in one command. A first write (no version) inserts version 1 unless a row exists; a later write updates only
/// the version it read; each returns the row's new version, and a stale one returns nothing.
/// </summary>
internal sealed class StateWrites : IWriteSection
{
    private const string Write = """
        WITH k AS (
            SELECT * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bytea[], $7::integer[])
                AS k(state_name, grain_key, grain_n0, grain_n1, payload, version)
        ), inserted AS (
            INSERT INTO orleans_grain_state (service_id, state_name, grain_key, grain_n0, grain_n1, payload, version)
            SELECT $1, k.state_name, k.grain_key, k.grain_n0, k.grain_n1, k.payload, 1 FROM k WHERE k.version IS NULL
            ON CONFLICT DO NOTHING
            RETURNING state_name, grain_key, grain_n0, grain_n1, version
        ), updated AS (
            UPDATE orleans_grain_state s
               SET payload = k.payload, version = s.version + 1, written_at = now()
              FROM k
             WHERE k.version IS NOT NULL AND s.service_id = $1 AND s.state_name = k.state_name AND s.grain_key = k.grain_key
               AND s.grain_n0 = k.grain_n0 AND s.grain_n1 = k.grain_n1 AND s.version = k.version
            RETURNING s.state_name, s.grain_key, s.grain_n0, s.grain_n1, s.version
        )
        SELECT * FROM inserted UNION ALL SELECT * FROM updated
        """;

    private readonly List<StateWrite> _writes = [];
    private readonly List<StateWrite> _sent = [];

    public void Add(StateWrite write) => _writes.Add(write);

    public void AddCommands(NpgsqlBatch batch)
    {
        if (_writes.Count == 0) return;
        // One row per grain and service in a command. A silo writes a grain's state one write at a time, so a repeat in
        // one batch is not expected; if one comes, it is left unanswered, i.e. stale, as its version check would be.
        var seen = new HashSet<(string, StateKey)>();
        foreach (var write in _writes)
            if (seen.Add((write.ServiceId, write.Key))) _sent.Add(write);
        foreach (var service in _sent.GroupBy(w => w.ServiceId))
        {
            var rows = service.ToList();
            batch.BatchCommands.Add(new NpgsqlBatchCommand(Write)
            {
                Parameters =
                {
                    Param.Text(service.Key),
                    Param.Texts(rows.Select(w => w.Key.StateName).ToArray()),
                    Param.Texts(rows.Select(w => w.Key.Key).ToArray()),
                    Param.Longs(rows.Select(w => w.Key.N0).ToArray()),
                    Param.Longs(rows.Select(w => w.Key.N1).ToArray()),
                    Param.Bytes(rows.Select(w => w.Payload).ToArray()),
                    Param.NullableInts(rows.Select(w => w.ExpectedVersion).ToArray()),
                },
            });
        }
    }

    public async Task ReadAsync(ResultCursor results, CancellationToken cancellation)
    {
        foreach (var service in _sent.GroupBy(w => w.ServiceId))
        {
            var byKey = service.ToDictionary(w => w.Key);
            var reader = await results.NextAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                var key = new StateKey(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3));
                if (byKey.TryGetValue(key, out var write)) write.Resolve(reader.GetInt32(4));
            }
        }
    }

    public Task FollowUpAsync(NpgsqlConnection connection, CancellationToken cancellation) => Task.CompletedTask;
}
