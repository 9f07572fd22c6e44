namespace OrgTasks.Baselines;

/// <summary>
/// Baseline (a): a committee that knows every distributor and calls them all at once with <c>Task.WhenAll</c>.
/// What a newcomer writes first: one grain, one fan-out, no durability, no tracking, no tree.
/// </summary>
public interface IPlainCommitteeGrain : IGrainWithStringKey
{
    /// <summary>Tells the committee its distributors and how many homes each serves (not timed).</summary>
    Task Prepare(IReadOnlyList<PlainRoute> routes);

    /// <summary>Sends a leaflet to every distributor and waits for all of them; returns the homes they reached.</summary>
    Task<long> Mobilize(string leafletId);
}

/// <summary>A plain distributor: counts the homes of its route as reached and answers.</summary>
public interface IPlainAgentGrain : IGrainWithStringKey
{
    Task<int> Deliver(string leafletId, int homes);
}

/// <summary>One distributor of the baseline and the number of homes on its route.</summary>
[GenerateSerializer, Immutable]
public sealed record PlainRoute([property: Id(0)] string Agent, [property: Id(1)] int Homes);
