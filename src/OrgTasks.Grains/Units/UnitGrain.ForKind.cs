namespace OrgTasks.Grains.Units;

/// <summary>
/// A leaflet for one kind of group ("similar groups learn from one another"): it travels down the whole scope as usual,
/// but only the groups of that kind deliver it; the others pass it on, so the picture counts only their homes.
/// </summary>
public abstract partial class UnitGrain
{
    /// <summary>The tracker's units: those of another kind have no homes to reach for this leaflet.</summary>
    private static IReadOnlyList<UnitSummary> ForKind(IReadOnlyList<UnitSummary> units, UnitKind? kind) =>
        kind is not { } only ? units : units.Select(u => u.Unit.Kind == only ? u : u with { OwnHomes = 0, RouteMembers = [] }).ToList();
}
