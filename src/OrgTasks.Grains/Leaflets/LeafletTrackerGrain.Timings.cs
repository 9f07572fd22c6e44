namespace OrgTasks.Grains.Leaflets;

/// <summary>Per-unit timings for the picture: read from the delivery records, nothing stored anew.</summary>
public sealed partial class LeafletTrackerGrain
{
    public async Task<LeafletTimings> GetTimings()
    {
        var leaflet = RequireLeaflet();
        await RefreshReportsAsync();
        var units = state.State.Units.Where(u => u.RouteMembers.Count > 0).Select(u =>
        {
            var reported = _reports.TryGetValue(u.Unit.Id, out var routes);
            return new UnitTiming
            {
                Unit = u.Unit.Id,
                HomesTotal = u.OwnHomes,
                HomesReached = reported ? routes!.Sum(r => (long)r.HomesReached) : 0,
                CompletedAt = reported && routes!.Count > 0 ? routes.Max(r => r.DeliveredAt) : null,
            };
        }).ToList();
        return new LeafletTimings
        {
            LeafletId = leaflet.Id,
            IssuedAt = leaflet.IssuedAt,
            Units = units,
            Deadline = leaflet.Deadline,
            Closed = state.State.Closed is not null,
        };
    }
}
