using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Validation;

/// <summary>Checks shared by every list of agent ids (members, alternates, executive, candidates).</summary>
internal static class ReferenceList
{
    /// <summary>
    /// Reports each id that appears more than once in <paramref name="list"/> (at its later occurrence) and
    /// returns the distinct ids.
    /// </summary>
    public static HashSet<string> Distinct(IReadOnlyList<Located<string>> list, string listName, string owner, ErrorList errors)
    {
        var distinct = new HashSet<string>(list.Count, StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (distinct.Add(item.Value))
            {
                firstLine[item.Value] = item.Line;
            }
            else
            {
                errors.Add(item, $"'{item.Value}' appears more than once in the {listName} of {owner} (lines {firstLine[item.Value]} and {item.Line})");
            }
        }

        return distinct;
    }

    /// <summary>Reports each id that is not declared under <c>agents</c>, saying what role it was named in.</summary>
    public static void Declared(IEnumerable<Located<string>> ids, string role, OrgIndex index, ErrorList errors)
    {
        foreach (var id in ids)
        {
            if (!index.IsAgent(id.Value))
            {
                var unit = index.Units.TryGetValue(id.Value, out var declaration) ? $" ('{id.Value}' is the {declaration.What} at {declaration.Where})" : string.Empty;
                errors.Add(id, $"'{id.Value}' is {role} but is not declared under agents{unit}");
            }
        }
    }
}
