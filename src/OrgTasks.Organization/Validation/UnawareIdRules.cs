using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Validation;

/// <summary>
/// An unaware group must not learn that it belongs to the organization, and its members see their own group's id: an
/// id written as a path under a unit above it (<c>msk/presnya/students</c> under <c>msk/presnya</c>) would name those
/// units to them. Such an id is refused; the group needs an id of its own.
/// </summary>
internal static class UnawareIdRules
{
    public static void Check(OrgDraft draft, OrgIndex index, ErrorList errors)
    {
        var parents = draft.Groups.Where(g => g.Id is not null && g.Parent is not null)
            .GroupBy(g => g.Id!.Value.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Parent!.Value.Value, StringComparer.Ordinal);
        foreach (var group in draft.Groups.Where(g => g.Affiliation == Affiliation.Unaware))
        {
            if (group.Id is not { } id || group.Parent is not { } parent) continue;
            var named = Above(parent.Value, parents, index.CommitteeId).FirstOrDefault(unit => id.Value.StartsWith(unit + "/", StringComparison.Ordinal));
            if (named is null) continue;
            var own = id.Value[(id.Value.LastIndexOf('/') + 1)..];
            errors.Add(id, $"the unaware group '{id.Value}' names the unit above it ('{named}') in its id, which its members see; "
                + $"give it an id of its own (for example '{own}')");
        }
    }

    /// <summary>The parent, its parents up to the committee, and the committee; stops at a cycle (TreeRules reports it).</summary>
    private static IEnumerable<string> Above(string parent, IReadOnlyDictionary<string, string> parents, string? committee)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? unit = parent; unit is not null && seen.Add(unit); unit = parents.GetValueOrDefault(unit))
            yield return unit;
        if (committee is not null && !seen.Contains(committee)) yield return committee;
    }
}
