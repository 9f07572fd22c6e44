using Npgsql;
using OrgTasks.Postgres.Journals;

namespace OrgTasks.Postgres.GrainState;

/// <summary>The one query behind <see cref="BatchedGrainStorage"/>: the rows of many grains of one service, by key.</summary>
internal static class StateReads
{
    private const string ByKeys = """
        SELECT s.state_name, s.grain_key, s.grain_n0, s.grain_n1, s.payload, s.version
        FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[]) AS k(state_name, grain_key, grain_n0, grain_n1)
        JOIN orleans_grain_state s
          ON s.service_id = $1 AND s.state_name = k.state_name AND s.grain_key = k.grain_key
         AND s.grain_n0 = k.grain_n0 AND s.grain_n1 = k.grain_n1
        """;

    public static ReadCoalescer<StateKey, StoredState?>.Query For(string serviceId) =>
        async (connection, keys, cancellation) =>
        {
            await using var command = new NpgsqlCommand(ByKeys, connection)
            {
                Parameters =
                {
                    Param.Text(serviceId),
                    Param.Texts(keys.Select(k => k.StateName).ToArray()),
                    Param.Texts(keys.Select(k => k.Key).ToArray()),
                    Param.Longs(keys.Select(k => k.N0).ToArray()),
                    Param.Longs(keys.Select(k => k.N1).ToArray()),
                },
            };
            var found = new Dictionary<StateKey, StoredState?>(keys.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                var key = new StateKey(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3));
                found[key] = new StoredState(reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4), reader.GetInt32(5));
            }
            return found;
        };
}
