using OrgTasks.Grains.Durability;
using OrgTasks.Leaflets;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// The leaflet journal on PostgreSQL: one row per (unit, leaflet) with its stage and coverage, the leaflet's text once.
/// The 3,015 acceptances of a mobilization travel in a few group commits.
/// </summary>
public sealed class PgLeafletJournal(PgJournalStore store) : ILeafletJournal
{
    public Task<UnitLeafletRecord> AcceptAsync(string unit, Leaflet leaflet, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(leaflet);
        return store.Writer.WriteAsync(new AcceptLeafletWrite(unit, leaflet, at));
    }

    public Task<UnitLeafletRecord?> FindAsync(string unit, string leafletId) =>
        store.FirstAsync(LeafletReads.Find, p => { p.Add(Param.Text(unit)); p.Add(Param.Text(leafletId)); }, r => LeafletRows.Read(r).Record);

    public Task CompleteAsync(string unit, string leafletId, SubtreeCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        return store.Writer.WriteAsync(new CompleteLeafletWrite(unit, leafletId, coverage));
    }

    public Task MarkReportedAsync(string unit, string leafletId) =>
        store.Writer.WriteAsync(new ReportLeafletWrite(unit, leafletId));

    public Task<IReadOnlyList<UnitLeafletRecord>> LoadUnfinishedAsync(string unit) => store.Unfinished.ReadAsync(unit);
}
