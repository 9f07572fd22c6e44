namespace OrgTasks.Organization;

/// <summary>A committee member: an agent id and the one function that member carries out.</summary>
public sealed record CommitteeMember(string Agent, string Function);
