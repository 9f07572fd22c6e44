using OrgTasks.Leaflets;
using OrgTasks.Plan;

namespace OrgTasks.Grains;

/// <summary>
/// One leaflet's picture, keyed by the leaflet id: opened by the issuer with the units in scope, fed one report per
/// unit, asked for the status by clients.
/// </summary>
public interface ILeafletTrackerGrain : IGrainWithStringKey, IWatchedLeaflet
{
    /// <summary>Records the leaflet and the units it must reach. Idempotent: returns the leaflet first opened under this id.</summary>
    [Access(Clients.None)]
    Task<Leaflet> Open(Leaflet leaflet, IReadOnlyList<UnitSummary> units);

    /// <summary>A unit's routes are all served.</summary>
    [Access(Clients.None)]
    Task ReportUnit(UnitDeliveryReport report);

    /// <summary>The scope's whole subtree is done (the tree reduction arrived at the top).</summary>
    [Access(Clients.None)]
    Task ReportComplete(SubtreeCoverage coverage);

    [Access(Clients.Operator | Clients.Agent, Relation = "an officer of the issuing unit, or of the committee that approved it")]
    Task<LeafletStatus> GetStatus();

    /// <summary>
    /// A unit in scope holds the leaflet instead of delivering it (it is cut off): its homes stay pending and it is a
    /// straggler with <paramref name="reason"/> until it reports its routes. Callers: that unit only.
    /// </summary>
    [Access(Clients.None)]
    Task ReportHeld(string unit, string reason);

    /// <summary>
    /// An officer (an operator, the issuer, a central body above it, or a free member of the issuing committee) ends
    /// the leaflet before every home has it; the homes never reached are recorded. Closing again changes nothing.
    /// </summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the issuing committee or central body")]
    Task<LeafletStatus> Close(string reason);

    /// <summary>Whether an officer closed the leaflet. Callers: units in scope, before delivering a leaflet they held.</summary>
    [Access(Clients.None)]
    Task<bool> IsClosed();

    /// <summary>Per unit with routes: homes reached and when its routes were all served (for <c>orgtasks picture</c>).</summary>
    [Access(Clients.None)]
    Task<OrgTasks.Routine.LeafletTimings> GetTimings();
}
