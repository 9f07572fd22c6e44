namespace OrgTasks.Routine;

/// <summary>Every group's regular report: when the next one is due, the last one received, and whether it is overdue.</summary>
[GenerateSerializer, Immutable]
public sealed record ReportsView
{
    [Id(0)] public required string Organization { get; init; }
    [Id(1)] public required string Committee { get; init; }
    [Id(2)] public required TimeSpan ReportsEvery { get; init; }
    [Id(3)] public required TimeSpan ReportWithin { get; init; }
    [Id(4)] public required DateTimeOffset At { get; init; }
    [Id(5)] public IReadOnlyList<GroupReportStatus> Groups { get; init; } = [];
    [Id(6)] public int Overdue { get; init; }
    [Id(7)] public int Received { get; init; }
}

/// <summary>One group's line in <see cref="ReportsView"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record GroupReportStatus
{
    [Id(0)] public required string Unit { get; init; }
    [Id(1)] public required string Kind { get; init; }
    [Id(2)] public required string Contact { get; init; }
    /// <summary>When the report after the last one received must have reached the committee.</summary>
    [Id(3)] public required DateTimeOffset DueBy { get; init; }
    [Id(4)] public ReceivedReport? LastReceived { get; init; }
    [Id(5)] public bool Overdue { get; init; }
    /// <summary>How long past <see cref="DueBy"/> it is; zero unless overdue.</summary>
    [Id(6)] public TimeSpan OverdueBy { get; init; }
}
