namespace OrgTasks.JournalBench;

/// <summary>What a run cost the database: WAL written and the size of the tables it wrote.</summary>
internal sealed record WriteCost(long WalBytes, long TableBytes)
{
    private const string Wal = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint";

    public static async Task<WriteCost> MeasureAsync(BenchDatabase database, string tables)
    {
        var sizes = string.Join(" + ", tables.Split(',').Select(t => $"pg_total_relation_size('{t.Trim()}')"));
        return new WriteCost(await database.ScalarAsync<long>(Wal), await database.ScalarAsync<long>($"SELECT ({sizes})::bigint"));
    }

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1 << 20 => $"{bytes / (1024.0 * 1024):0.0} MB",
        >= 1 << 10 => $"{bytes / 1024.0:0.0} kB",
        _ => $"{bytes} B",
    };

    public static WriteCost operator -(WriteCost after, WriteCost before) =>
        new(after.WalBytes - before.WalBytes, after.TableBytes - before.TableBytes);
}
