using OrgTasks.Leaflets;
using OrgTasks.Plan;

namespace OrgTasks.Grains;

/// <summary>
/// One leaflet's picture, keyed by the leaflet id: opened by the issuer with the units in scope, fed one report per
/// unit, asked for the status by clients.
/// </summary>
public interface ILeafletTrackerGrain : IGrainWithStringKey
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

    [Access(Clients.Operator | Clients.Agent, Relation = "an officer of the issuing unit")]
    Task<LeafletStatus> GetStatus();

    /// <summary>Per unit with routes: homes reached and when its routes were all served (for <c>orgtasks picture</c>).</summary>
    [Access(Clients.None)]
    Task<OrgTasks.Routine.LeafletTimings> GetTimings();
}
