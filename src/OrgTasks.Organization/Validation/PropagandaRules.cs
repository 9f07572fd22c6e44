using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Validation;

/// <summary>
/// <c>delivers-through</c>: the letter's propagandists' group "uses the district groups" for delivery. Only a
/// propaganda group declares it, and each entry is a district group, named once.
/// </summary>
internal static class PropagandaRules
{
    public static void Check(OrgDraft draft, ErrorList errors)
    {
        var kinds = draft.Groups.Where(g => g.Id is not null && g.Kind is not null)
            .GroupBy(g => g.Id!.Value.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Kind!.Value, StringComparer.Ordinal);
        foreach (var group in draft.Groups.Where(g => g.DeliversThrough.Count > 0))
        {
            var owner = $"group '{group.Name}'";
            if (group.Kind is { } kind && kind != GroupKind.Propaganda)
            {
                errors.Add(group.DeliversThrough[0], $"only a propaganda group delivers through district groups; {owner} is of kind '{OrgYamlNames.Of(kind)}'");
                continue;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var district in group.DeliversThrough)
            {
                if (!seen.Add(district.Value))
                    errors.Add(district, $"'{district.Value}' is named twice in the districts of {owner}");
                else if (!kinds.TryGetValue(district.Value, out var target))
                    errors.Add(district, $"'{district.Value}' is not a group of this file; {owner} delivers through district groups only");
                else if (target != GroupKind.District)
                    errors.Add(district, $"'{district.Value}' is a {OrgYamlNames.Of(target)} group, not a district group; {owner} delivers through district groups only");
            }
        }
    }
}
