namespace OrgTasks.Organization;

/// <summary>
/// A whole organization file, with <c>generate</c> already expanded, and validated.
/// <see cref="Groups"/> are in file order followed by the generated ones (parents before children);
/// <see cref="Agents"/> likewise.
/// </summary>
public sealed class OrganizationSpec
{
    // -1 until first computed. A long is read and written atomically, so concurrent first readers at worst
    // compute the same sum twice.
    private long homeCount = -1;

    public required string Name { get; init; }

    public CentreSpec? Centre { get; init; }

    public required CommitteeSpec Committee { get; init; }

    public required IReadOnlyList<GroupSpec> Groups { get; init; }

    public required IReadOnlyList<AgentSpec> Agents { get; init; }

    public GenerateSpec? Generate { get; init; }

    /// <summary>Sum of every agent's <see cref="AgentSpec.HomeCount"/>; computed once, on first use.</summary>
    public long HomeCount
    {
        get
        {
            var count = Volatile.Read(ref homeCount);
            if (count < 0)
            {
                count = Agents.Sum(agent => (long)agent.HomeCount);
                Volatile.Write(ref homeCount, count);
            }

            return count;
        }
    }

    /// <summary>The committee, every group, and each central body named in <see cref="Centre"/>.</summary>
    public int UnitCount =>
        1 + Groups.Count
        + (Centre?.CentralCommittee is null ? 0 : 1)
        + (Centre?.CentralOrgan is null ? 0 : 1);
}
