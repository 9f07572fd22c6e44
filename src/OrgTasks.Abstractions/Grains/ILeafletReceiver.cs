using OrgTasks.Leaflets;
using OrgTasks.Plan;

namespace OrgTasks.Grains;

/// <summary>A unit on a leaflet's way down.</summary>
public interface ILeafletReceiver : IGrainWithStringKey
{
    /// <summary>
    /// Accepts a leaflet from the unit above (or the issuer) and stores it. From the unit above, answers after the first
    /// pass over the subtree, with the subtree's coverage when that pass completed it (request/response tree reduction);
    /// the issuer and a resuming tracker are answered once it is stored. Idempotent: a repeat is answered again, with
    /// the coverage if already complete. Interleaves with the unit's other calls: while it waits for its subtree, the
    /// unit's own agents and children must still reach it.
    /// </summary>
    [Access(Clients.None)]
    [AlwaysInterleave]
    Task<LeafletAck> ReceiveLeaflet(Leaflet leaflet);

    /// <summary>
    /// A child unit's coverage, once its whole subtree is done, when its answer to <see cref="ReceiveLeaflet"/> could not
    /// carry it (the child was held, a step failed, or it resumed after a restart). Only notes it: safe to interleave.
    /// </summary>
    [Access(Clients.None)]
    [AlwaysInterleave]
    Task ReportCoverage(SubtreeCoverage coverage);

    /// <summary>
    /// A distributor this unit sent out (<see cref="IDistributor.SendOut"/>) has delivered <paramref name="share"/>: its
    /// record is written. Sent by the distributor itself, one-way, when it runs in another silo than the unit. Only notes
    /// it: safe to interleave, and the unit is usually waiting for exactly this.
    /// </summary>
    [Access(Clients.None)]
    [AlwaysInterleave, OneWay]
    Task RouteDelivered(string leafletId, RouteShare share, RouteDelivery delivery);

    /// <summary>
    /// A distributor this unit sent out could not deliver <paramref name="share"/> (it refused, or its store failed), and
    /// runs in another silo: the unit stops waiting and asks again with <see cref="IDistributor.DeliverRoute"/> after its
    /// retry interval, as it would after a failed call. Sent by the distributor itself, one-way.
    /// </summary>
    [Access(Clients.None)]
    [AlwaysInterleave, OneWay]
    Task RouteRefused(string leafletId, RouteShare share, string reason);
}
