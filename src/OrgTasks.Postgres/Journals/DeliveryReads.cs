using Npgsql;
using OrgTasks.Grains.Durability;

namespace OrgTasks.Postgres.Journals;

/// <summary>The delivery journal's queries.</summary>
internal static class DeliveryReads
{
    public const string Leaflet = $"SELECT {DeliveryRows.SelectList} FROM journal_deliveries d WHERE d.leaflet_id = $1";

    private const string ByRoutes = $"""
        SELECT {DeliveryRows.SelectList}
        FROM unnest($1::text[], $2::text[]) AS k(leaflet_id, route)
        JOIN journal_deliveries d ON d.leaflet_id = k.leaflet_id AND d.route = k.route
        """;

    /// <summary>The records of these routes: one query for every distributor looking its record up at the moment.</summary>
    public static async Task<Dictionary<(string Leaflet, string Route), DeliveryRecord?>> FindAsync(
        NpgsqlConnection connection, IReadOnlyList<(string Leaflet, string Route)> keys, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(ByRoutes, connection)
        {
            Parameters =
            {
                Param.Texts(keys.Select(k => k.Leaflet).ToArray()),
                Param.Texts(keys.Select(k => k.Route).ToArray()),
            },
        };
        var found = new Dictionary<(string, string), DeliveryRecord?>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var record = DeliveryRows.Read(reader);
            found[(record.LeafletId, record.Route)] = record;
        }
        return found;
    }
}
