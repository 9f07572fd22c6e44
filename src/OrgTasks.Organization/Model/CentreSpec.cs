namespace OrgTasks.Organization;

/// <summary>The unit ids of the two central bodies; either may be absent.</summary>
public sealed record CentreSpec(string? CentralCommittee, string? CentralOrgan);
