namespace OrgTasks.Plan;

/// <summary>What an apply changed. Applying the same file twice gives a report with nothing in it.</summary>
[GenerateSerializer, Immutable]
public sealed record ApplyReport
{
    [Id(0)] public required string Organization { get; init; }
    [Id(1)] public IReadOnlyList<string> UnitsAdded { get; init; } = [];
    [Id(2)] public IReadOnlyList<string> UnitsChanged { get; init; } = [];
    [Id(3)] public IReadOnlyList<string> UnitsRemoved { get; init; } = [];
    [Id(4)] public IReadOnlyList<string> AgentsAdded { get; init; } = [];
    [Id(5)] public IReadOnlyList<string> AgentsChanged { get; init; } = [];
    [Id(6)] public IReadOnlyList<string> AgentsRemoved { get; init; } = [];
    [Id(7)] public int UnitCount { get; init; }
    [Id(8)] public int AgentCount { get; init; }
    [Id(9)] public long HomeCount { get; init; }

    public bool NothingChanged =>
        UnitsAdded.Count + UnitsChanged.Count + UnitsRemoved.Count + AgentsAdded.Count + AgentsChanged.Count + AgentsRemoved.Count == 0;
}
