using Npgsql;
using OrgTasks.Grains.Durability;

namespace OrgTasks.Postgres.Journals;

/// <summary>The leaflet journal's queries.</summary>
internal static class LeafletReads
{
    public const string Find = $"{LeafletRows.Select} WHERE u.unit = $1 AND u.leaflet_id = $2";

    private const string UnfinishedByUnits =
        $"{LeafletRows.Select} WHERE u.unit = ANY($1) AND u.stage < 2 ORDER BY u.unit, u.accepted_at, u.leaflet_id";

    /// <summary>Every unfinished leaflet of these units, oldest first: one query for every unit activating at the moment.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<UnitLeafletRecord>>> UnfinishedAsync(
        NpgsqlConnection connection, IReadOnlyList<string> units, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(UnfinishedByUnits, connection) { Parameters = { Param.Texts(units.ToArray()) } };
        var unfinished = new Dictionary<string, IReadOnlyList<UnitLeafletRecord>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var (unit, record) = LeafletRows.Read(reader);
            if (!unfinished.TryGetValue(unit, out var list)) unfinished[unit] = list = new List<UnitLeafletRecord>();
            ((List<UnitLeafletRecord>)list).Add(record);
        }
        return unfinished;
    }
}
