using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Validation;

/// <summary>Checks shared by every list of agent ids (members, alternates, executive, candidates).</summary>
internal static class ReferenceList
{
    /// <summary>
    /// Walks <paramref name="list"/> in order: a repeated id is reported where it repeats; each first occurrence
    /// is passed to <paramref name="check"/>, so one id never draws the same complaint twice and errors on a
    /// line come out in list order. Returns the distinct ids.
    /// </summary>
    public static HashSet<string> Walk(
        IReadOnlyList<Located<string>> list,
        string listName,
        string owner,
        ErrorList errors,
        Action<Located<string>>? check = null)
    {
        var firstLine = new Dictionary<string, int>(list.Count, StringComparer.Ordinal);
        foreach (var item in list)
        {
            if (firstLine.TryAdd(item.Value, item.Line))
            {
                check?.Invoke(item);
            }
            else
            {
                errors.Add(item, $"'{item.Value}' appears more than once in the {listName} of {owner} ({Lines(firstLine[item.Value], item.Line)})");
            }
        }

        return new HashSet<string>(firstLine.Keys, StringComparer.Ordinal);
    }

    /// <summary>Reports <paramref name="id"/> when it is not declared under <c>agents</c>, saying what role it was named in.</summary>
    public static void Declared(Located<string> id, string role, OrgIndex index, ErrorList errors)
    {
        if (index.IsAgent(id.Value))
        {
            return;
        }

        var unit = index.Units.TryGetValue(id.Value, out var declaration) ? $" ('{id.Value}' is the {declaration.What} at {declaration.Where})" : string.Empty;
        errors.Add(id, $"'{id.Value}' is {role} but is not declared under agents{unit}");
    }

    /// <summary>"lines 8 and 9", or "twice on line 19" for a flow list on one line.</summary>
    public static string Lines(int first, int second) => first == second ? $"twice on line {first}" : $"lines {first} and {second}";
}
