namespace OrgTasks.Routine;

/// <summary>When each unit with routes had one leaflet's routes served: what a tracker already knows, per unit.</summary>
[GenerateSerializer, Immutable]
public sealed record LeafletTimings
{
    [Id(0)] public required string LeafletId { get; init; }
    [Id(1)] public required DateTimeOffset IssuedAt { get; init; }
    [Id(2)] public IReadOnlyList<UnitTiming> Units { get; init; } = [];
    [Id(3)] public DateTimeOffset? Deadline { get; init; }
    /// <summary>An officer closed it: its homes are never reached, no longer pending.</summary>
    [Id(4)] public bool Closed { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record UnitTiming
{
    [Id(0)] public required string Unit { get; init; }
    [Id(1)] public required long HomesTotal { get; init; }
    [Id(2)] public required long HomesReached { get; init; }
    /// <summary>When its last route was served; empty while any is not.</summary>
    [Id(3)] public DateTimeOffset? CompletedAt { get; init; }
}
