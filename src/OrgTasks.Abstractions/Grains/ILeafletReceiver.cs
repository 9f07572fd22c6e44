using OrgTasks.Leaflets;

namespace OrgTasks.Grains;

/// <summary>A unit on a leaflet's way down.</summary>
public interface ILeafletReceiver : IGrainWithStringKey
{
    /// <summary>
    /// Accepts a leaflet from the unit above (or the issuer) and acknowledges once it is stored; passing it on happens
    /// after the acknowledgement. Idempotent: a repeat is acknowledged again, with the coverage if already complete.
    /// </summary>
    [Access(Clients.None)]
    Task<LeafletAck> ReceiveLeaflet(Leaflet leaflet);

    /// <summary>A child unit's coverage, once its whole subtree is done.</summary>
    [Access(Clients.None)]
    Task ReportCoverage(SubtreeCoverage coverage);
}
