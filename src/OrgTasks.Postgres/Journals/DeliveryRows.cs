using System.Collections;
using Npgsql;
using OrgTasks.Grains.Durability;

namespace OrgTasks.Postgres.Journals;

/// <summary>Reading a route's delivery record of one leaflet.</summary>
internal static class DeliveryRows
{
    /// <summary>The columns <see cref="Read"/> expects, of journal_deliveries as <c>d</c>.</summary>
    public const string SelectList = """
        d.leaflet_id, d.route, coalesce(d.delivered_by, d.route), d.homes_on_route, d.delivered, d.delivered_at,
        d.duplicates, d.last_newly
        """;

    public static DeliveryRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetInt32(3),
        Masks.FromBits(reader.GetFieldValue<BitArray>(4)),
        Columns.Time(reader, 5),
        reader.GetInt32(6));

    /// <summary>How many homes the merge that wrote this row set: the answer to that caller.</summary>
    public static int LastNewly(NpgsqlDataReader reader) => reader.GetInt32(7);
}
