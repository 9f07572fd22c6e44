namespace OrgTasks.Leaflets;

/// <summary>The exact picture of one distribution: coverage overall, per district and factory, timing, stragglers.</summary>
[GenerateSerializer, Immutable]
public sealed record LeafletStatus
{
    [Id(0)] public required string LeafletId { get; init; }
    [Id(1)] public required string Title { get; init; }
    [Id(2)] public required string Issuer { get; init; }
    [Id(3)] public required string Scope { get; init; }
    [Id(4)] public required DateTimeOffset IssuedAt { get; init; }
    [Id(5)] public DateTimeOffset? Deadline { get; init; }
    [Id(6)] public required long HomesTotal { get; init; }
    [Id(7)] public required long HomesReached { get; init; }
    [Id(8)] public long Duplicates { get; init; }
    [Id(9)] public bool Complete { get; init; }
    [Id(10)] public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>Seconds from issue until 50, 90, 99 and 100 % of homes had it; empty until reached.</summary>
    [Id(11)] public double? SecondsTo50 { get; init; }
    [Id(12)] public double? SecondsTo90 { get; init; }
    [Id(13)] public double? SecondsTo99 { get; init; }
    [Id(14)] public double? SecondsTo100 { get; init; }
    [Id(15)] public IReadOnlyList<AreaCoverage> Districts { get; init; } = [];
    [Id(16)] public IReadOnlyList<AreaCoverage> Factories { get; init; } = [];
    /// <summary>Units whose routes are not all served yet, worst first: who is playing out of tune.</summary>
    [Id(17)] public IReadOnlyList<Straggler> Stragglers { get; init; } = [];
    [Id(18)] public int UnitsTotal { get; init; }
    [Id(19)] public int UnitsComplete { get; init; }
    [Id(20)] public bool DeadlinePassed { get; init; }
}

/// <summary>Coverage of one district or factory subtree.</summary>
[GenerateSerializer, Immutable]
public sealed record AreaCoverage
{
    [Id(0)] public required string Unit { get; init; }
    [Id(1)] public required string Contact { get; init; }
    [Id(2)] public required long HomesTotal { get; init; }
    [Id(3)] public required long HomesReached { get; init; }
    [Id(4)] public bool Complete { get; init; }
    /// <summary>For a factory: its district.</summary>
    [Id(5)] public string? District { get; init; }
}

/// <summary>A unit whose routes are not yet served, with the contact answerable for it.</summary>
[GenerateSerializer, Immutable]
public sealed record Straggler
{
    [Id(0)] public required string Unit { get; init; }
    [Id(1)] public required string Kind { get; init; }
    [Id(2)] public required string Contact { get; init; }
    [Id(3)] public required long HomesTotal { get; init; }
    [Id(4)] public string? District { get; init; }
}
