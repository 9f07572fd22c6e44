using OrgTasks.Grains.Durability;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// The delivery journal on PostgreSQL: one row per (leaflet, route) with a delivered bit mask, merged with OR in the
/// database, so a whole city is 24,000 small rows written in a few group commits, not a million rows.
/// </summary>
public sealed class PgDeliveryJournal(PgJournalStore store) : IDeliveryJournal
{
    public Task<(DeliveryRecord Record, int Newly)> RecordAsync(
        string leafletId, string route, string deliveredBy, int homesOnRoute, ulong[] homes, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(homes);
        return store.Writer.WriteAsync(new RecordDeliveryWrite(leafletId, route, deliveredBy, homesOnRoute, homes, at));
    }

    public Task<DeliveryRecord?> FindAsync(string leafletId, string route) => store.Deliveries.ReadAsync((leafletId, route));

    public Task<IReadOnlyList<DeliveryRecord>> LoadLeafletAsync(string leafletId) =>
        store.ListAsync(DeliveryReads.Leaflet, p => p.Add(Param.Text(leafletId)), DeliveryRows.Read);
}
