using OrgTasks.Organization;

namespace OrgTasks.LoadTest;

/// <summary>Who writes in a statement load test: members of groups, spread evenly over the whole tree.</summary>
internal static class StatementAuthors
{
    /// <summary>
    /// <paramref name="count"/> agents that are members of a group (so every statement climbs the whole way up), taken at
    /// an even stride over the groups in file order, so that every district and factory has writers.
    /// </summary>
    public static IReadOnlyList<string> Pick(OrganizationSpec spec, int count)
    {
        var members = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in spec.Groups)
            foreach (var member in group.Members)
                if (seen.Add(member)) members.Add(member);
        if (members.Count == 0) throw new CliException($"organization {spec.Name} has no group members to write statements");
        if (count >= members.Count) return members;
        var stride = (double)members.Count / count;
        return Enumerable.Range(0, count).Select(i => members[(int)(i * stride)]).ToList();
    }
}
