namespace OrgTasks.Plan;

/// <summary>One unit as the organization directory describes it: for <c>org show</c> and for leaflet trackers.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitSummary
{
    [Id(0)] public required UnitRef Unit { get; init; }
    [Id(1)] public string? Parent { get; init; }
    [Id(2)] public string Contact { get; init; } = "";
    [Id(3)] public IReadOnlyList<string> Alternates { get; init; } = [];
    [Id(4)] public IReadOnlyList<string> Members { get; init; } = [];
    [Id(5)] public long OwnHomes { get; init; }
    [Id(6)] public long SubtreeHomes { get; init; }
    [Id(7)] public string? District { get; init; }
    [Id(8)] public string? Factory { get; init; }
    [Id(9)] public int Depth { get; init; }
    [Id(10)] public Affiliation Affiliation { get; init; }
    [Id(11)] public Secrecy Secrecy { get; init; }
    /// <summary>Agents whose routes this unit serves (only those with homes).</summary>
    [Id(12)] public IReadOnlyList<string> RouteMembers { get; init; } = [];
    /// <summary>Why the unit is cut off (<c>cut off: no contact</c>); empty when it is not.</summary>
    [Id(13)] public string? CutOff { get; init; }
}
