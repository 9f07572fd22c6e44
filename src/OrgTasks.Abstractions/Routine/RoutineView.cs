using OrgTasks.Plan;

namespace OrgTasks.Routine;

/// <summary>The committee's routine as it stands: the schedule, the distributions issued, and the alarms.</summary>
[GenerateSerializer, Immutable]
public sealed record RoutineView
{
    [Id(0)] public required string Organization { get; init; }
    [Id(1)] public required string Committee { get; init; }
    [Id(2)] public required RoutineSchedule Schedule { get; init; }
    /// <summary>When the routine started (the first apply): every schedule counts from here.</summary>
    [Id(3)] public required DateTimeOffset Since { get; init; }
    [Id(4)] public required DateTimeOffset At { get; init; }
    [Id(5)] public required DateTimeOffset NextDistributionAt { get; init; }
    [Id(6)] public int RoutineDistributions { get; init; }
    /// <summary>The recent leaflets the committee issued (routine or not), newest first.</summary>
    [Id(7)] public IReadOnlyList<RecordedLeaflet> Leaflets { get; init; } = [];
    /// <summary>Every district and factory without a completed distribution for longer than the schedule allows.</summary>
    [Id(8)] public IReadOnlyList<IdleArea> Idle { get; init; } = [];
    [Id(9)] public int ReportsOverdue { get; init; }
    [Id(10)] public int AreasWatched { get; init; }
}

/// <summary>A leaflet the routine knows of: the ones it issued and the ones the committee issued by hand.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordedLeaflet
{
    [Id(0)] public required string LeafletId { get; init; }
    [Id(1)] public required string Scope { get; init; }
    [Id(2)] public required DateTimeOffset IssuedAt { get; init; }
    [Id(3)] public bool Routine { get; init; }
    /// <summary>The tracker said it is complete: every area it reached is counted, it need not be asked again.</summary>
    [Id(4)] public bool Settled { get; init; }
}

/// <summary>A district or factory the idle alarm names.</summary>
[GenerateSerializer, Immutable]
public sealed record IdleArea
{
    [Id(0)] public required string Unit { get; init; }
    [Id(1)] public required string Kind { get; init; }
    [Id(2)] public required string Contact { get; init; }
    /// <summary>Issue time of the last distribution that reached all of it; empty when none ever did.</summary>
    [Id(3)] public DateTimeOffset? LastDistribution { get; init; }
    [Id(4)] public required TimeSpan IdleFor { get; init; }
}
