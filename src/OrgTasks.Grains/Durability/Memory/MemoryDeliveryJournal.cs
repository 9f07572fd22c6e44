namespace OrgTasks.Grains.Durability.Memory;

/// <summary>
/// The delivery journal in this process's memory: for tests and quick demos on one silo. Sharded by leaflet so that
/// the 24,000 distributors of a citywide mobilization do not queue on one lock.
/// </summary>
public sealed class MemoryDeliveryJournal : IDeliveryJournal
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, DeliveryRecord>> _byLeaflet =
        new(StringComparer.Ordinal);

    public Task<(DeliveryRecord Record, int Newly)> RecordAsync(
        string leafletId, string route, string deliveredBy, int homesOnRoute, ulong[] homes, DateTimeOffset at)
    {
        var routes = _byLeaflet.GetOrAdd(leafletId, _ => new(StringComparer.Ordinal));
        lock (routes)
        {
            routes.TryGetValue(route, out var existing);
            var (merged, newly, overlap) = HomeMask.Merge(existing?.Delivered, homes);
            var record = new DeliveryRecord(
                leafletId, route, deliveredBy, homesOnRoute, merged,
                newly > 0 || existing is null ? at : existing.DeliveredAt,
                (existing?.Duplicates ?? 0) + overlap);
            routes[route] = record;
            return Task.FromResult((record, newly));
        }
    }

    public Task<DeliveryRecord?> FindAsync(string leafletId, string route)
    {
        if (!_byLeaflet.TryGetValue(leafletId, out var routes)) return Task.FromResult<DeliveryRecord?>(null);
        lock (routes) return Task.FromResult(routes.GetValueOrDefault(route));
    }

    public Task<IReadOnlyList<DeliveryRecord>> LoadLeafletAsync(string leafletId)
    {
        if (!_byLeaflet.TryGetValue(leafletId, out var routes)) return Task.FromResult<IReadOnlyList<DeliveryRecord>>([]);
        lock (routes) return Task.FromResult<IReadOnlyList<DeliveryRecord>>(routes.Values.ToList());
    }
}
