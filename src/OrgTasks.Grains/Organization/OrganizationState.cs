namespace OrgTasks.Grains.Organization;

/// <summary>
/// The directory's persistent state: the applied plan and a fingerprint of every unit's and agent's configuration,
/// so that applying again sends only what changed.
/// </summary>
[GenerateSerializer, Alias("orgtasks.organization-state.v1")]
public sealed class OrganizationState
{
    [Id(0)] public OrganizationPlan? Plan { get; set; }
    [Id(1)] public Dictionary<string, string> UnitPrints { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public Dictionary<string, string> AgentPrints { get; set; } = new(StringComparer.Ordinal);
}
