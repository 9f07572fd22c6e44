namespace OrgTasks.Organization;

/// <summary>
/// A whole organization file, with <c>generate</c> already expanded, and validated.
/// <see cref="Groups"/> are in file order followed by the generated ones (parents before children);
/// <see cref="Agents"/> likewise.
/// </summary>
public sealed class OrganizationSpec
{
    private long? homeCount;

    public required string Name { get; init; }

    public CentreSpec? Centre { get; init; }

    public required CommitteeSpec Committee { get; init; }

    public required IReadOnlyList<GroupSpec> Groups { get; init; }

    public required IReadOnlyList<AgentSpec> Agents { get; init; }

    public GenerateSpec? Generate { get; init; }

    /// <summary>Sum of every agent's <see cref="AgentSpec.HomeCount"/>; computed once, on first use.</summary>
    public long HomeCount => homeCount ??= Agents.Sum(agent => (long)agent.HomeCount);

    /// <summary>The committee, every group, and each central body named in <see cref="Centre"/>.</summary>
    public int UnitCount =>
        1 + Groups.Count
        + (Centre?.CentralCommittee is null ? 0 : 1)
        + (Centre?.CentralOrgan is null ? 0 : 1);
}
