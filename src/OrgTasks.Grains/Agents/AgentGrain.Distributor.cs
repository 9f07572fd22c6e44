using OrgTasks.Grains.Checks;
using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Durability;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Agents;

/// <summary>
/// The distributor role: one call per leaflet delivers the agent's share of a route (normally its own route, whole).
/// The delivery record is looked up first, so a repeated request (after a crash, a retry, an arrest that moved the
/// route to someone else) finds the homes already reached and hands nothing out twice.
/// </summary>
public sealed partial class AgentGrain
{
    public async Task<RouteDelivery> DeliverRoute(Leaflet leaflet, RouteShare share)
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        ArgumentNullException.ThrowIfNull(leaflet);
        ArgumentNullException.ThrowIfNull(share);
        if (UnitOf(config, caller) is null)
            throw new AccessDeniedException($"{caller} may not send agent '{Id}' out: it is not a unit of '{Id}'");
        RequireFree(config);
        if (share.Carrier != Id) throw new InvalidRequestException($"the share of route '{share.Route}' is carried by '{share.Carrier}', not by '{Id}'");
        EntryChecks.MessageId(leaflet.Id, "the leaflet");
        // The home count decides what is allocated for the route's record: never trusted beyond the largest route.
        EntryChecks.RouteShare(share, services.Options);
        if (share.Route == Id && share.RouteHomes != config.Route.HomeCount)
            throw new InvalidRequestException($"route '{Id}' has {config.Route.HomeCount} homes, not {share.RouteHomes}");

        var wanted = HomeMask.Range(share.RouteHomes, share.From, share.Count);
        var existing = await services.Deliveries.FindAsync(leaflet.Id, share.Route);
        var missing = HomeMask.Missing(wanted, existing?.Delivered);
        if (HomeMask.Count(missing) == 0)
        {
            var reached = existing is null ? 0 : HomeMask.CountIn(existing.Delivered, share.From, share.Count);
            return Result(share, reached, 0, existing?.Duplicates ?? 0, existing?.DeliveredAt ?? services.Clock.GetUtcNow());
        }

        // The leaflet goes to each missing home; the record of it is what makes a replay harmless.
        var (record, newly) = await services.Deliveries.RecordAsync(leaflet.Id, share.Route, Id, share.RouteHomes, missing, services.Clock.GetUtcNow());
        OrgTasksTelemetry.HomesDelivered.Add(newly);
        return Result(share, HomeMask.CountIn(record.Delivered, share.From, share.Count), newly, record.Duplicates, record.DeliveredAt);
    }

    public async Task SendOut(Leaflet leaflet, RouteShare share)
    {
        var unit = Callers.Require();
        if (leaflet is null || share is null) throw new InvalidRequestException("the call carries no leaflet or no share");
        RouteDelivery delivery;
        try
        {
            delivery = await DeliverRoute(leaflet, share);
        }
        catch (Exception error)
        {
            // A unit waiting in this silo hears the refusal at once, as it would from DeliverRoute; one in another silo
            // is told with one notice, and asks again with DeliverRoute after its retry interval.
            if (services.RouteNotices.Failed(unit.Id, leaflet.Id, share.Key, error)) return;
            Log.SendOutFailed(logger, error, Id, unit.Id, leaflet.Id);
            if (Config is { } known && UnitOf(known, unit) is { } away) await GrainFactory.GetUnit(away).RouteRefused(leaflet.Id, share, error.Message);
            return;
        }
        if (services.RouteNotices.Delivered(unit.Id, leaflet.Id, share.Key, delivery)) return;
        // Nobody waits in this silo: the unit is in another one (or stopped waiting, and then it ignores the notice).
        if (Config is { } current && UnitOf(current, unit) is { } sender) await GrainFactory.GetUnit(sender).RouteDelivered(leaflet.Id, share, delivery);
    }

    /// <summary>The agent's own unit that <paramref name="caller"/> is: the only callers that may send it out, and whom it tells.</summary>
    private static UnitRef? UnitOf(AgentConfig config, Actor caller) =>
        caller.Kind != ActorKind.Unit ? null
        : config.HomeUnit.Id == caller.Id ? config.HomeUnit
        : config.Units.FirstOrDefault(u => u.Id == caller.Id) is { Id: not null } found ? found
        : null;

    private RouteDelivery Result(RouteShare share, int reached, int newly, int duplicates, DateTimeOffset at) => new()
    {
        Route = share.Route,
        DeliveredBy = Id,
        HomesOnRoute = share.Count,
        HomesReached = reached,
        NewlyDelivered = newly,
        Duplicates = duplicates,
        DeliveredAt = at,
    };
}
