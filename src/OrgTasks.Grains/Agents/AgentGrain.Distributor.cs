using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Durability;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Agents;

/// <summary>
/// The distributor role: one call per leaflet delivers the whole route. The delivery record is looked up first, so a
/// repeated request (after a crash, a retry) finds the homes already reached and hands nothing out twice.
/// </summary>
public sealed partial class AgentGrain
{
    public async Task<RouteDelivery> DeliverRoute(Leaflet leaflet)
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        ArgumentNullException.ThrowIfNull(leaflet);
        if (!caller.IsUnit(config.HomeUnit.Id))
            throw new AccessDeniedException($"{caller} may not send agent '{Id}' out: its route is served by '{config.HomeUnit.Id}'");

        var homes = config.Route.HomeCount;
        var existing = await services.Deliveries.FindAsync(leaflet.Id, Id);
        var missing = HomeMask.Missing(HomeMask.All(homes), existing?.Delivered);
        if (HomeMask.Count(missing) == 0)
        {
            var reached = existing?.HomesReached ?? 0;
            return Result(homes, reached, 0, existing?.Duplicates ?? 0, existing?.DeliveredAt ?? services.Clock.GetUtcNow());
        }

        // The leaflet goes to each missing home; the record of it is what makes a replay harmless.
        var (record, newly) = await services.Deliveries.RecordAsync(leaflet.Id, Id, Id, homes, missing, services.Clock.GetUtcNow());
        OrgTasksTelemetry.HomesDelivered.Add(newly);
        return Result(homes, record.HomesReached, newly, record.Duplicates, record.DeliveredAt);
    }

    private RouteDelivery Result(int homes, int reached, int newly, int duplicates, DateTimeOffset at) => new()
    {
        Route = Id,
        DeliveredBy = Id,
        HomesOnRoute = homes,
        HomesReached = reached,
        NewlyDelivered = newly,
        Duplicates = duplicates,
        DeliveredAt = at,
    };
}
