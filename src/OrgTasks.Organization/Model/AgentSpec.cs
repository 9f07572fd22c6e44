namespace OrgTasks.Organization;

/// <summary>
/// A person. A distributor's route is <paramref name="Addresses"/> written out in the file plus
/// <paramref name="SyntheticHomes"/> counted homes, whose addresses <see cref="Organization.SyntheticHomes.Address"/>
/// makes on demand: a million-home city is a count, not a million strings.
/// </summary>
public sealed record AgentSpec(string Id, IReadOnlyList<string> Addresses, int SyntheticHomes)
{
    public int HomeCount => Addresses.Count + SyntheticHomes;

    /// <summary>Every home on the route: the written addresses first, then the synthetic ones (1-based).</summary>
    public IEnumerable<string> EnumerateHomes()
    {
        foreach (var address in Addresses)
        {
            yield return address;
        }

        for (var index = 1; index <= SyntheticHomes; index++)
        {
            yield return Organization.SyntheticHomes.Address(Id, index);
        }
    }
}
