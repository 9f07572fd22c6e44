namespace OrgTasks.Grains.Leaflets;

/// <summary>Builds a leaflet's status from the units in scope and the route deliveries reported so far. Pure: no grains, no I/O.</summary>
public static class CoveragePicture
{
    public static LeafletStatus Build(
        Leaflet leaflet,
        IReadOnlyList<UnitSummary> units,
        IReadOnlyDictionary<string, IReadOnlyList<RouteDelivery>> reportsByUnit,
        SubtreeCoverage? complete,
        DateTimeOffset now,
        IReadOnlyDictionary<string, string>? held = null,
        LeafletClosure? closed = null)
    {
        var withRoutes = units.Where(u => u.RouteMembers.Count > 0).ToList();
        var homesTotal = units.Sum(u => u.OwnHomes);
        var routes = reportsByUnit.Values.SelectMany(r => r).ToList();
        var homesReached = routes.Sum(r => (long)r.HomesReached);
        var duplicates = routes.Sum(r => (long)r.Duplicates);

        // The times to 50/90/99/100 % from one sort of the routes by delivery time, not one sort per share: the
        // tracker builds this picture on every poll while it also takes every unit's report.
        var byTime = routes.OrderBy(r => r.DeliveredAt).ToList();
        double? SecondsTo(double share)
        {
            if (homesTotal == 0) return complete is null ? null : 0;
            var needed = (long)Math.Ceiling(homesTotal * share);
            long sum = 0;
            foreach (var route in byTime)
            {
                sum += route.HomesReached;
                if (sum >= needed) return Math.Max(0, (route.DeliveredAt - leaflet.IssuedAt).TotalSeconds);
            }
            return null;
        }

        bool Reported(UnitSummary u) => reportsByUnit.ContainsKey(u.Unit.Id);
        long Reached(UnitSummary u) => reportsByUnit.TryGetValue(u.Unit.Id, out var r) ? r.Sum(x => (long)x.HomesReached) : 0;

        // Each unit is counted once in its district and once in its factory: group them once, not per area.
        var byDistrict = units.Where(u => u.District is not null).ToLookup(u => u.District!, StringComparer.Ordinal);
        var byFactory = units.Where(u => u.Factory is not null).ToLookup(u => u.Factory!, StringComparer.Ordinal);

        AreaCoverage Area(UnitSummary head, ILookup<string, UnitSummary> areas)
        {
            var inside = areas[head.Unit.Id].ToList();
            return new AreaCoverage
            {
                Unit = head.Unit.Id,
                Contact = head.Contact,
                HomesTotal = inside.Sum(u => u.OwnHomes),
                HomesReached = inside.Sum(Reached),
                Complete = inside.Where(u => u.RouteMembers.Count > 0).All(Reported),
                District = head.District == head.Unit.Id ? null : head.District,
            };
        }

        var deadlinePassed = leaflet.Deadline is { } deadline && now > deadline && complete is null && closed is null;
        string? HeldBecause(UnitSummary u) => held is not null && held.TryGetValue(u.Unit.Id, out var reason) ? reason : null;
        return new LeafletStatus
        {
            LeafletId = leaflet.Id,
            Title = leaflet.Title,
            Issuer = leaflet.Issuer,
            Scope = leaflet.Scope,
            IssuedAt = leaflet.IssuedAt,
            Deadline = leaflet.Deadline,
            HomesTotal = homesTotal,
            HomesReached = homesReached,
            Duplicates = duplicates,
            Complete = complete is not null,
            CompletedAt = complete?.CompletedAt,
            SecondsTo50 = SecondsTo(0.50),
            SecondsTo90 = SecondsTo(0.90),
            SecondsTo99 = SecondsTo(0.99),
            SecondsTo100 = homesReached >= homesTotal ? SecondsTo(1.0) : null,
            Districts = units.Where(u => u.Unit.Kind == UnitKind.District).Select(u => Area(u, byDistrict)).ToList(),
            Factories = units.Where(u => u.Unit.Kind == UnitKind.Factory).Select(u => Area(u, byFactory)).ToList(),
            // Units that hold the leaflet because they are cut off come first: they will not catch up by themselves.
            Stragglers = withRoutes.Where(u => !Reported(u))
                .OrderBy(u => HeldBecause(u) is null).ThenByDescending(u => u.OwnHomes).ThenBy(u => u.Unit.Id, StringComparer.Ordinal)
                .Select(u => new Straggler
                {
                    Unit = u.Unit.Id,
                    Kind = u.Unit.Kind.Spelling(),
                    Contact = u.Contact,
                    HomesTotal = u.OwnHomes,
                    District = u.District,
                    Reason = HeldBecause(u),
                })
                .ToList(),
            UnitsTotal = withRoutes.Count,
            UnitsComplete = withRoutes.Count(Reported),
            DeadlinePassed = deadlinePassed,
            Closed = closed,
        };
    }
}
