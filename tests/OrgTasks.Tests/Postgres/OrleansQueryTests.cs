using System.Data;
using Npgsql;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// The grain-state and reminder queries in <c>OrleansQuery</c>, run the way the 10.4.2 providers run them (same
/// parameter names and ADO.NET types): the etag checks that stop a stale activation from overwriting newer state, and
/// the hash ranges that split reminders among silos.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class OrleansQueryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_grain_state_write_must_name_the_version_it_read()
    {
        var key = Guid.NewGuid().ToString("N");

        Assert.Equal([1], await WriteAsync(key, expected: null, [1]));
        Assert.Empty(await WriteAsync(key, expected: null, [2]));   // a second "first write" is a conflict
        Assert.Equal([2], await WriteAsync(key, expected: 1, [3]));
        Assert.Empty(await WriteAsync(key, expected: 1, [4]));      // stale: someone wrote version 2
        var read = await QueryAsync("ReadFromStorageKey", r => ((byte[])r["PayloadBinary"], r.GetInt32(r.GetOrdinal("Version"))), StateKey(key));
        var (payload, version) = Assert.Single(read);
        Assert.Equal(new byte[] { 3 }, payload);
        Assert.Equal(2, version);
    }

    [Fact]
    public async Task Clearing_keeps_a_tombstone_with_a_newer_version_and_deleting_removes_the_row()
    {
        var key = Guid.NewGuid().ToString("N");
        await WriteAsync(key, expected: null, [1]);

        var cleared = await QueryAsync("ClearStorageKey", r => r.GetInt32(0), [.. StateKey(key), ("GrainStateVersion", 1, DbType.Int32)]);
        Assert.Equal([2], cleared);
        var read = await QueryAsync("ReadFromStorageKey", r => (r.IsDBNull(0), r.GetInt32(1)), StateKey(key));
        Assert.Equal((true, 2), Assert.Single(read));

        var deleted = await QueryAsync("DeleteStorageKey", r => r.GetInt32(0), [.. StateKey(key), ("GrainStateVersion", 2, DbType.Int32)]);
        Assert.Equal([3], deleted); // the provider expects the deleted version + 1
        Assert.Empty(await QueryAsync("ReadFromStorageKey", r => 0, StateKey(key)));
    }

    [Fact]
    public async Task A_reminder_upsert_moves_its_version_and_only_the_current_version_deletes_it()
    {
        var service = Guid.NewGuid().ToString("N");
        Assert.Equal([0], await UpsertReminderAsync(service, "grain/a", "tick", hash: 10));
        Assert.Equal([1], await UpsertReminderAsync(service, "grain/a", "tick", hash: 10));

        Assert.Equal([false], await DeleteReminderAsync(service, "grain/a", "tick", version: 0));
        Assert.Equal([true], await DeleteReminderAsync(service, "grain/a", "tick", version: 1));
        Assert.Empty(await QueryAsync("ReadReminderRowKey", r => 0,
            ("ServiceId", service, DbType.String), ("GrainId", "grain/a", DbType.AnsiString), ("ReminderName", "tick", DbType.String)));
    }

    [Fact]
    public async Task Reminder_ranges_are_open_below_closed_above_and_may_wrap_around()
    {
        var service = Guid.NewGuid().ToString("N");
        foreach (var hash in new[] { int.MinValue, -5, 0, 5, 10, int.MaxValue })
            await UpsertReminderAsync(service, $"grain/{hash}", "tick", hash);

        Assert.Equal([5, 10], await RangeAsync("ReadRangeRows1Key", service, begin: 0, end: 10));
        // begin > end (as signed ints): the range wraps past the top of the ring to the bottom.
        Assert.Equal([int.MinValue, -5, int.MaxValue], await RangeAsync("ReadRangeRows2Key", service, begin: 10, end: -5));
    }

    private static (string, object?, DbType)[] StateKey(string key) =>
    [
        ("ServiceId", "query-tests", DbType.String), ("GrainTypeString", "unit", DbType.String),
        ("GrainIdExtensionString", key, DbType.String), ("GrainIdN0", 0L, DbType.Int64), ("GrainIdN1", 0L, DbType.Int64),
        ("GrainIdHash", 42, DbType.Int32), ("GrainTypeHash", 7, DbType.Int32),
    ];

    private Task<List<int>> WriteAsync(string key, int? expected, byte[] payload) =>
        QueryAsync("WriteToStorageKey", r => r.GetInt32(r.GetOrdinal("NewGrainStateVersion")),
            [.. StateKey(key), ("GrainStateVersion", expected, DbType.Int32), ("PayloadBinary", payload, DbType.Binary)]);

    private Task<List<int>> UpsertReminderAsync(string service, string grain, string name, int hash) =>
        QueryAsync("UpsertReminderRowKey", r => r.GetInt32(r.GetOrdinal("Version")),
            ("ServiceId", service, DbType.String), ("GrainHash", hash, DbType.Int32), ("GrainId", grain, DbType.AnsiString),
            ("ReminderName", name, DbType.String), ("StartTime", DateTime.UtcNow, DbType.DateTime), ("Period", 60_000, DbType.Int32));

    private Task<List<bool>> DeleteReminderAsync(string service, string grain, string name, int version) =>
        QueryAsync("DeleteReminderRowKey", r => r.GetBoolean(0),
            ("ServiceId", service, DbType.String), ("GrainId", grain, DbType.AnsiString), ("ReminderName", name, DbType.String),
            ("Version", version, DbType.Int32));

    private async Task<List<int>> RangeAsync(string key, string service, int begin, int end)
    {
        var grains = await QueryAsync(key, r => r.GetString(r.GetOrdinal("GrainId")),
            ("ServiceId", service, DbType.String), ("BeginHash", begin, DbType.Int32), ("EndHash", end, DbType.Int32));
        return grains.Select(g => int.Parse(g["grain/".Length..])).Order().ToList();
    }

    /// <summary>Runs the text stored under <paramref name="queryKey"/> with parameters bound as Orleans binds them.</summary>
    private async Task<List<T>> QueryAsync<T>(string queryKey, Func<NpgsqlDataReader, T> read, params (string Name, object? Value, DbType Type)[] parameters)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        string text;
        await using (var lookup = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", connection))
        {
            lookup.Parameters.AddWithValue("key", queryKey);
            text = (string)(await lookup.ExecuteScalarAsync())!;
        }
        await using var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value, type) in parameters)
            command.Parameters.Add(new NpgsqlParameter { ParameterName = name, Value = value ?? DBNull.Value, DbType = type });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
