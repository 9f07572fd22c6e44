namespace OrgTasks.Baselines;

/// <summary>
/// Baseline (c): the bare grain tree. A grain per unit and per agent, request/response tree reduction: each unit calls
/// its child units and its distributors at once and answers with the sum of their homes. No OrgTasks code in the path:
/// no journal, no tracker, no identity, no retries. What the tree shape costs in Orleans alone.
/// </summary>
public interface IPlainUnitGrain : IGrainWithStringKey
{
    /// <summary>Tells the unit its child units and its distributors (not timed).</summary>
    Task Prepare(IReadOnlyList<string> children, IReadOnlyList<PlainRoute> routes);

    /// <summary>Passes the leaflet to the whole subtree and answers with the homes it reached.</summary>
    Task<long> Mobilize(string leafletId);
}
