using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Validation;

/// <summary>
/// The groups form a tree under the committee: following parents from any group ends at the committee.
/// With every parent checked to exist (<see cref="GroupRules"/>), the only way to fail that is a cycle, which
/// is reported once, listing its groups, on the first of them in the file.
/// </summary>
internal static class TreeRules
{
    private enum Mark
    {
        Unseen,
        OnPath,
        Done,
    }

    public static void Check(OrgDraft draft, OrgIndex index, ErrorList errors)
    {
        var marks = new Dictionary<GroupDraft, Mark>(ReferenceEqualityComparer.Instance);
        var order = new Dictionary<GroupDraft, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < draft.Groups.Count; i++)
        {
            order[draft.Groups[i]] = i;
        }

        var path = new List<GroupDraft>();
        foreach (var start in draft.Groups)
        {
            path.Clear();
            var current = start;
            while (current is not null && marks.GetValueOrDefault(current) == Mark.Unseen)
            {
                marks[current] = Mark.OnPath;
                path.Add(current);
                current = current.Parent is { } parent && parent.Value != index.CommitteeId ? index.GroupOf(parent.Value) : null;
            }

            if (current is not null && marks[current] == Mark.OnPath)
            {
                ReportCycle(path.GetRange(path.IndexOf(current), path.Count - path.IndexOf(current)), order, index, errors);
            }

            foreach (var group in path)
            {
                marks[group] = Mark.Done;
            }
        }
    }

    private static void ReportCycle(List<GroupDraft> cycle, Dictionary<GroupDraft, int> order, OrgIndex index, ErrorList errors)
    {
        // Start the listing at the group that comes first in the file, so the message reads the same every run.
        var first = cycle.MinBy(group => order[group])!;
        var at = cycle.IndexOf(first);
        var names = cycle.Skip(at).Concat(cycle.Take(at)).Select(group => group.Name).Append(first.Name);
        var committee = index.CommitteeId is null ? "the committee" : $"the committee '{index.CommitteeId}'";
        var parent = first.Parent!.Value;
        errors.Add(parent, $"the group tree has a cycle: {string.Join(" → ", names)}; every group must lead up to {committee}");
    }
}
