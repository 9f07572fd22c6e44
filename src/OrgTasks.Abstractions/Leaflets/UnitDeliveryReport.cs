namespace OrgTasks.Leaflets;

/// <summary>
/// A unit's report of the routes it serves, sent once to the leaflet's tracker when all of them are done. One message
/// per unit, not one per home: the tracker builds the per-district picture and the time-to-coverage from these.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UnitDeliveryReport
{
    [Id(0)] public required string LeafletId { get; init; }
    [Id(1)] public required string Unit { get; init; }
    [Id(2)] public required IReadOnlyList<RouteDelivery> Routes { get; init; }
    [Id(3)] public required DateTimeOffset CompletedAt { get; init; }
}

/// <summary>A subtree's coverage, reported up to the parent once the whole subtree is done: the tree reduction.</summary>
[GenerateSerializer, Immutable]
public sealed record SubtreeCoverage
{
    [Id(0)] public required string Unit { get; init; }
    [Id(1)] public required long HomesTotal { get; init; }
    [Id(2)] public required long HomesReached { get; init; }
    [Id(3)] public required long Duplicates { get; init; }
    [Id(4)] public required DateTimeOffset CompletedAt { get; init; }
    [Id(5)] public required string LeafletId { get; init; }
}

/// <summary>A unit's answer to a leaflet: accepted (durably), and if the unit had already finished it, its coverage.</summary>
[GenerateSerializer, Immutable]
public sealed record LeafletAck
{
    [Id(0)] public required string Unit { get; init; }
    [Id(1)] public SubtreeCoverage? Completed { get; init; }
}
