namespace OrgTasks.Leaflets;

/// <summary>
/// What one distributor did with one leaflet on one route: the answer to a delivery request, and the record kept of it.
/// Homes are counted, not listed; which homes were reached is the delivery record's bit mask.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RouteDelivery
{
    /// <summary>The route's id: the agent who holds it in the organization file.</summary>
    [Id(0)] public required string Route { get; init; }
    [Id(1)] public required string DeliveredBy { get; init; }
    [Id(2)] public required int HomesOnRoute { get; init; }
    /// <summary>Homes on the route that have the leaflet (by this delivery or an earlier one).</summary>
    [Id(3)] public required int HomesReached { get; init; }
    /// <summary>Homes this request delivered to that had not had the leaflet before.</summary>
    [Id(4)] public required int NewlyDelivered { get; init; }
    /// <summary>Homes that were handed the leaflet a second time. Always 0 unless something is broken.</summary>
    [Id(5)] public required int Duplicates { get; init; }
    [Id(6)] public required DateTimeOffset DeliveredAt { get; init; }
}
