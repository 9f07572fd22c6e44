namespace OrgTasks.Plan;

/// <summary>
/// Who carries which homes of one route. Normally a route's owner carries all of it; when the owner is arrested or
/// suspended, the route passes to an alternate or is cut into shares among the group's other distributors. Homes are
/// indexed as in <see cref="RouteSpec"/>: a share is the half-open range [<see cref="From"/>, From + <see cref="Count"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RouteShare
{
    /// <summary>The route's id: the agent who holds it in the organization file.</summary>
    [Id(0)] public required string Route { get; init; }
    /// <summary>The agent who delivers this share.</summary>
    [Id(1)] public required string Carrier { get; init; }
    /// <summary>Homes on the whole route.</summary>
    [Id(2)] public required int RouteHomes { get; init; }
    [Id(3)] public required int From { get; init; }
    [Id(4)] public required int Count { get; init; }

    /// <summary>The key a unit tracks this share under: one route may be carried in several shares.</summary>
    public string Key => From == 0 && Count == RouteHomes ? Route : $"{Route}#{From}+{Count}";

    public static RouteShare Whole(string route, int homes) => new() { Route = route, Carrier = route, RouteHomes = homes, From = 0, Count = homes };
}
