using System.Collections.Concurrent;

namespace OrgTasks.Grains.Durability.Memory;

/// <summary>
/// The delivery journal in this process's memory: for tests and quick demos on one silo. The 24,000 distributors of a
/// citywide mobilization all write records of the same leaflet at once, so one lock per leaflet made them queue
/// (lock contention showed in the load test's profile): look-ups read without a lock, and a merge locks only one of
/// <see cref="Stripes"/> locks chosen by the route.
/// </summary>
public sealed class MemoryDeliveryJournal : IDeliveryJournal
{
    private const int Stripes = 64;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, DeliveryRecord>> _byLeaflet = new(StringComparer.Ordinal);
    private readonly Lock[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new Lock()).ToArray();

    public Task<(DeliveryRecord Record, int Newly)> RecordAsync(
        string leafletId, string route, string deliveredBy, int homesOnRoute, ulong[] homes, DateTimeOffset at)
    {
        var routes = _byLeaflet.GetOrAdd(leafletId, _ => new(StringComparer.Ordinal));
        // One route's merges are serialized by its stripe, so two merges of the same route never lose a bit.
        lock (_stripes[(StringComparer.Ordinal.GetHashCode(route) & int.MaxValue) % Stripes])
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

    public Task<DeliveryRecord?> FindAsync(string leafletId, string route) =>
        Task.FromResult(_byLeaflet.TryGetValue(leafletId, out var routes) ? routes.GetValueOrDefault(route) : null);

    /// <remarks>
    /// Read through the dictionary's enumerator, which takes no lock: <c>Values</c> takes every one of its locks, and the
    /// tracker reads a travelling leaflet's records several times a second while the distributors write them. A record
    /// written meanwhile is read either before or after its merge, never torn (records are immutable).
    /// </remarks>
    public Task<IReadOnlyList<DeliveryRecord>> LoadLeafletAsync(string leafletId) =>
        Task.FromResult<IReadOnlyList<DeliveryRecord>>(_byLeaflet.TryGetValue(leafletId, out var routes) ? routes.Select(static r => r.Value).ToList() : []);
}
