using OrgTasks.Organization;

namespace OrgTasks.LoadTest;

/// <summary>Which district each route belongs to, so coverage can be drawn per district.</summary>
internal static class CityDistricts
{
    /// <summary>The committee's own routes (and those of its candidates) are shown as the committee's.</summary>
    public const string CommitteeLine = "(committee)";

    /// <summary>Route (its agent) → the district above the unit that serves it; an agent's unit is the first that lists it.</summary>
    public static IReadOnlyDictionary<string, string> OfRoutes(OrganizationSpec spec)
    {
        var parents = spec.Groups.ToDictionary(g => g.Id, g => g.Parent, StringComparer.Ordinal);
        var district = new Dictionary<string, string>(StringComparer.Ordinal);
        string DistrictOf(string group)
        {
            if (district.TryGetValue(group, out var known)) return known;
            var parent = parents[group];
            var found = parent == spec.Committee.Id || !parents.ContainsKey(parent) ? group : DistrictOf(parent);
            district[group] = found;
            return found;
        }

        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in spec.Committee.Members) routes.TryAdd(member.Agent, CommitteeLine);
        foreach (var group in spec.Groups)
            foreach (var member in group.Members)
                routes.TryAdd(member, DistrictOf(group.Id));
        return routes;
    }
}
