namespace OrgTasks.Cli.Output;

/// <summary>An organization's tree as an indented table: who is where, who is the contact, how many homes hang below.</summary>
internal static class OrgTreeText
{
    /// <summary>Members are listed by name up to this many; a bigger group shows its count only.</summary>
    private const int MembersListed = 4;

    public static void Write(TextWriter output, string heading, IReadOnlyList<UnitSummary> units, int maxDepth)
    {
        output.WriteLine(heading);
        var table = new Table("UNIT", "KIND", "CONTACT", "MEMBERS", "OWN HOMES", "SUBTREE HOMES").AlignRight(4, 5);
        // The directory lists the tree breadth first; print it depth first so that every unit sits under its parent.
        foreach (var unit in DepthFirst(units).Where(u => u.Depth <= maxDepth))
        {
            table.Add(
                new string(' ', 2 * unit.Depth) + unit.Unit.Id,
                unit.Unit.Kind.Spelling(),
                Contact(unit),
                Members(unit.Members),
                Format.Count(unit.OwnHomes),
                Format.Count(unit.SubtreeHomes));
        }
        table.Write(output);
        var hidden = units.Count(u => u.Depth > maxDepth);
        if (hidden > 0) output.WriteLine($"  … and {Format.Count(hidden)} unit(s) deeper than --depth {maxDepth}");
        output.WriteLine();
    }

    private static IEnumerable<UnitSummary> DepthFirst(IReadOnlyList<UnitSummary> units)
    {
        if (units.Count == 0) yield break;
        var root = units[0].Unit.Id;
        var ids = units.Select(u => u.Unit.Id).ToHashSet(StringComparer.Ordinal);
        // The committee names no parent (its way up depends on the addressee); under a central body it hangs from the top.
        var children = units.Skip(1).ToLookup(u => u.Parent is { } p && ids.Contains(p) ? p : root, StringComparer.Ordinal);
        var stack = new Stack<UnitSummary>();
        stack.Push(units[0]);
        while (stack.Count > 0)
        {
            var unit = stack.Pop();
            yield return unit;
            foreach (var child in children[unit.Unit.Id].Reverse()) stack.Push(child);
        }
    }

    private static string Contact(UnitSummary unit)
    {
        if (string.IsNullOrEmpty(unit.Contact)) return Format.None;
        return unit.Alternates.Count == 0 ? unit.Contact : $"{unit.Contact} (alternates: {string.Join(", ", unit.Alternates)})";
    }

    private static string Members(IReadOnlyList<string> members) => members.Count switch
    {
        0 => "0",
        <= MembersListed => $"{members.Count}: {string.Join(", ", members)}",
        _ => Format.Count(members.Count),
    };
}
