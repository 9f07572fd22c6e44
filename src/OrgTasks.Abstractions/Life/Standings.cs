namespace OrgTasks.Life;

/// <summary>Every agent in the cluster who is not free, with a version that grows on each change.</summary>
[GenerateSerializer, Immutable]
public sealed record Standings
{
    [Id(0)] public required long Version { get; init; }
    [Id(1)] public IReadOnlyDictionary<string, AgentStanding> NotFree { get; init; } = new Dictionary<string, AgentStanding>();
}
