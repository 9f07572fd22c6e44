namespace OrgTasks.Grains.Durability;

/// <summary>
/// One route's deliveries of one leaflet: a bit per home on the route. Merging is a bitwise OR, so a replay after a
/// crash, or two distributors sharing a route, can never count a home twice.
/// </summary>
public sealed record DeliveryRecord(
    string LeafletId,
    string Route,
    string DeliveredBy,
    int HomesOnRoute,
    ulong[] Delivered,
    DateTimeOffset DeliveredAt,
    int Duplicates)
{
    public int HomesReached => HomeMask.Count(Delivered);
}

/// <summary>
/// The durable record of deliveries to homes, keyed by (leaflet, route, home). The seam a batched writer (one row per
/// route per leaflet with a delivered mask) stands behind.
/// </summary>
public interface IDeliveryJournal
{
    /// <summary>
    /// Marks the homes in <paramref name="homes"/> as delivered. Returns the record after the merge and how many of
    /// those homes were new; homes already marked are counted as duplicates on the record (a broken distributor shows).
    /// </summary>
    Task<(DeliveryRecord Record, int Newly)> RecordAsync(string leafletId, string route, string deliveredBy, int homesOnRoute, ulong[] homes, DateTimeOffset at);

    Task<DeliveryRecord?> FindAsync(string leafletId, string route);

    /// <summary>Every route's record for one leaflet: what a tracker rebuilds its picture from.</summary>
    Task<IReadOnlyList<DeliveryRecord>> LoadLeafletAsync(string leafletId);
}
