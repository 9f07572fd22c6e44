namespace OrgTasks.Grains.Organization;

/// <summary>The applied plan indexed for questions about the tree: subtrees, ancestry. Built once per apply or activation.</summary>
internal sealed class OrganizationTree
{
    private readonly Dictionary<string, UnitConfig> _units;
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.Ordinal);

    public OrganizationTree(OrganizationPlan plan)
    {
        Plan = plan;
        _units = plan.Units.ToDictionary(u => u.Unit.Id, StringComparer.Ordinal);
        foreach (var unit in plan.Units)
            _children[unit.Unit.Id] = unit.Children.Select(c => c.Unit.Id).ToList();
    }

    public OrganizationPlan Plan { get; }

    public bool Contains(string unit) => _units.ContainsKey(unit);

    public UnitConfig this[string unit] => _units[unit];

    /// <summary>Is <paramref name="ancestor"/> the unit itself or above it? Central bodies stand above the committee.</summary>
    public bool IsAncestorOrSelf(string ancestor, string unit)
    {
        if (_units.TryGetValue(ancestor, out var top) && top.Unit.Kind.IsCentre()) return true;
        var steps = 0;
        for (string? current = unit; current is not null && _units.ContainsKey(current) && steps++ <= _units.Count; current = _units[current].Parent?.Id)
        {
            if (current == ancestor) return true;
        }
        return false;
    }

    /// <summary>The subtree under <paramref name="root"/>, parents before children, as summaries.</summary>
    public IReadOnlyList<UnitSummary> Subtree(string root)
    {
        var result = new List<UnitSummary>();
        var queue = new Queue<(string Id, int Depth)>();
        // Plans are checked on apply (PlanRules); the walk still visits each unit once, so no stored plan can make it loop.
        var seen = new HashSet<string>(StringComparer.Ordinal) { root };
        queue.Enqueue((root, 0));
        while (queue.Count > 0)
        {
            var (id, depth) = queue.Dequeue();
            var unit = _units[id];
            result.Add(Summarize(unit, depth));
            foreach (var child in _children[id])
                if (_units.ContainsKey(child) && seen.Add(child)) queue.Enqueue((child, depth + 1));
            // A propaganda group's own leaflet also reaches the district groups it delivers through (only as the scope:
            // a leaflet to the whole committee reaches those districts as the committee's children already).
            if (depth == 0)
                foreach (var district in unit.DeliversThrough)
                    if (_units.ContainsKey(district.Unit.Id) && seen.Add(district.Unit.Id)) queue.Enqueue((district.Unit.Id, depth + 1));
        }
        return result;
    }

    private static UnitSummary Summarize(UnitConfig unit, int depth) => new()
    {
        Unit = unit.Unit,
        Parent = unit.Parent?.Id,
        Contact = unit.Contact,
        Alternates = unit.Alternates,
        Members = unit.Members,
        RouteMembers = unit.RouteMembers,
        OwnHomes = unit.OwnHomes,
        SubtreeHomes = unit.SubtreeHomes,
        District = unit.District,
        Factory = unit.Factory,
        Depth = depth,
        Affiliation = unit.Affiliation,
        Secrecy = unit.Secrecy,
        CutOff = CutOffReasons.Of(unit),
    };
}
