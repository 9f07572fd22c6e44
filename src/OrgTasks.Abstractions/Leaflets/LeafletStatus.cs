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
    /// <summary>Set when an officer closed the leaflet before every home had it: the homes never reached stay recorded.</summary>
    [Id(21)] public LeafletClosure? Closed { get; init; }
    /// <summary>Homes in scope that do not have the leaflet yet (or never got it, once closed).</summary>
    public long HomesPending => HomesTotal - HomesReached;
}

/// <summary>An officer's decision that a leaflet will go no further: who, when, why, and what it never reached.</summary>
[GenerateSerializer, Immutable]
public sealed record LeafletClosure
{
    [Id(0)] public required DateTimeOffset At { get; init; }
    /// <summary>The acting identity that closed it (<c>agent:…</c>, <c>unit:…</c>, <c>operator:…</c>).</summary>
    [Id(1)] public required string By { get; init; }
    [Id(2)] public required string Reason { get; init; }
    [Id(3)] public required long HomesNeverReached { get; init; }
    /// <summary>The units whose routes were not all served when it was closed.</summary>
    [Id(4)] public IReadOnlyList<string> UnitsNeverReached { get; init; } = [];
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
    /// <summary>Why the unit holds the leaflet instead of delivering it (<c>cut off: no contact</c>); empty while it is just at work.</summary>
    [Id(5)] public string? Reason { get; init; }
}
