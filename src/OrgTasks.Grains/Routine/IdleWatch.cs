namespace OrgTasks.Grains.Routine;

/// <summary>
/// The idle alarm: every district and factory whose last complete distribution (or, never having had one, the
/// routine's start) lies further back than the schedule allows. Pure.
/// </summary>
public static class IdleWatch
{
    public static bool IsArea(UnitSummary unit) => unit.Unit.Kind is UnitKind.District or UnitKind.Factory;

    public static IReadOnlyList<IdleArea> Idle(
        IEnumerable<UnitSummary> units, IReadOnlyDictionary<string, DateTimeOffset> lastDistribution,
        DateTimeOffset since, TimeSpan idleAfter, DateTimeOffset now) =>
        units.Where(IsArea).Select(u =>
        {
            DateTimeOffset? last = lastDistribution.TryGetValue(u.Unit.Id, out var at) ? at : null;
            return new IdleArea
            {
                Unit = u.Unit.Id,
                Kind = u.Unit.Kind.Spelling(),
                Contact = u.Contact,
                LastDistribution = last,
                IdleFor = now - (last ?? since),
            };
        }).Where(a => a.IdleFor > idleAfter).ToList();

    /// <summary>Records the areas a leaflet reached completely (per its tracker) as distributed at its issue time.</summary>
    public static void Count(LeafletStatus status, Dictionary<string, DateTimeOffset> lastDistribution)
    {
        foreach (var area in status.Districts.Concat(status.Factories).Where(a => a.Complete))
        {
            if (!lastDistribution.TryGetValue(area.Unit, out var known) || known < status.IssuedAt)
                lastDistribution[area.Unit] = status.IssuedAt;
        }
    }
}
