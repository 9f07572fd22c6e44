namespace OrgTasks.Grains.Audit;

/// <summary>Which audit lines an <c>--actor</c> filter selects, the same in every store.</summary>
public static class AuditMatch
{
    /// <summary>
    /// <c>agent:belov</c> or just <c>belov</c> selects lines whose actor is that identity, also where it was acted as
    /// (<c>operator:cli as agent:belov</c>) or where it acted as someone.
    /// </summary>
    public static bool Actor(string actor, string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return true;
        foreach (var part in actor.Split(" as ", StringSplitOptions.TrimEntries))
        {
            if (string.Equals(part, filter, StringComparison.Ordinal)) return true;
            var colon = part.IndexOf(':');
            if (colon >= 0 && string.Equals(part[(colon + 1)..], filter, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
