namespace OrgTasks.Life;

/// <summary>
/// A unit's composition and activity as a member or a delegate may see it. What is shown depends on the group's degree
/// of secrecy; for a group that must not know it belongs to the organization, nothing names the organization or the
/// units above.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GroupView
{
    [Id(0)] public required string Unit { get; init; }
    [Id(1)] public required string Kind { get; init; }
    /// <summary>Empty for an unaware group.</summary>
    [Id(2)] public string Organization { get; init; } = "";
    /// <summary>Empty for an unaware group.</summary>
    [Id(3)] public string Parent { get; init; } = "";
    [Id(4)] public string Contact { get; init; } = "";
    /// <summary>The members the caller may see (all of them for a delegate or an open group; see the README).</summary>
    [Id(5)] public IReadOnlyList<string> Members { get; init; } = [];
    [Id(6)] public int MemberCount { get; init; }
    [Id(7)] public long Homes { get; init; }
    [Id(8)] public bool CutOff { get; init; }
    [Id(9)] public int StatementsHeld { get; init; }
    [Id(10)] public int LeafletsOpen { get; init; }
    [Id(11)] public string Secrecy { get; init; } = "";
    [Id(12)] public string Affiliation { get; init; } = "";
    /// <summary>Route holder → homes, shown only where the members may see each other's routes.</summary>
    [Id(13)] public IReadOnlyDictionary<string, int> Routes { get; init; } = new Dictionary<string, int>();
}
