using Npgsql;
using OrgTasks.Grains.Durability;
using OrgTasks.Leaflets;

namespace OrgTasks.Postgres.Journals;

/// <summary>Reading a unit's leaflet record: the unit's row joined with the leaflet's text, stored once.</summary>
internal static class LeafletRows
{
    public const string Select = """
        SELECT u.unit, u.leaflet_id, u.issuer, u.stage, u.accepted_at, u.homes_total, u.homes_reached, u.duplicates,
               u.completed_at, l.scope, l.title, l.body, l.issued_at, l.deadline
        FROM journal_unit_leaflets u JOIN journal_leaflets l ON l.leaflet_id = u.leaflet_id
        """;

    public static (string Unit, UnitLeafletRecord Record) Read(NpgsqlDataReader reader)
    {
        var unit = reader.GetString(0);
        var leafletId = reader.GetString(1);
        var leaflet = new Leaflet
        {
            Id = leafletId,
            Issuer = reader.GetString(2),
            Scope = reader.GetString(9),
            Title = reader.GetString(10),
            Text = reader.GetString(11),
            IssuedAt = Columns.Time(reader, 12),
            Deadline = Columns.NullableTime(reader, 13),
        };
        var stage = (UnitLeafletStage)reader.GetInt16(3);
        // The coverage's unit and leaflet are the row's own: the grains complete a leaflet with their own coverage.
        var coverage = reader.IsDBNull(5)
            ? null
            : new SubtreeCoverage
            {
                Unit = unit,
                LeafletId = leafletId,
                HomesTotal = reader.GetInt64(5),
                HomesReached = reader.GetInt64(6),
                Duplicates = reader.GetInt64(7),
                CompletedAt = Columns.Time(reader, 8),
            };
        return (unit, new UnitLeafletRecord(leaflet, stage, coverage, Columns.Time(reader, 4)));
    }
}
