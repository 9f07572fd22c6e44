namespace OrgTasks.Plan;

/// <summary>A validated organization file cut into per-grain configurations: what <c>org apply</c> sends to the cluster.</summary>
[GenerateSerializer, Immutable]
public sealed record OrganizationPlan
{
    [Id(0)] public required string Name { get; init; }
    /// <summary>The committee's id: the root of the local organization.</summary>
    [Id(1)] public required string Committee { get; init; }
    /// <summary>Units in an order where every parent comes before its children.</summary>
    [Id(2)] public required IReadOnlyList<UnitConfig> Units { get; init; }
    [Id(3)] public required IReadOnlyList<AgentConfig> Agents { get; init; }
}
