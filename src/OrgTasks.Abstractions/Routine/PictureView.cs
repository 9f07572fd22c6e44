namespace OrgTasks.Routine;

/// <summary>"Who plays which fiddle, and who is out of tune": every unit's part, the worst against their peers first.</summary>
[GenerateSerializer, Immutable]
public sealed record PictureView
{
    [Id(0)] public required string Organization { get; init; }
    [Id(1)] public required string Root { get; init; }
    [Id(2)] public required DateTimeOffset At { get; init; }
    /// <summary>The leaflets the coverage and delivery times are taken over, newest first.</summary>
    [Id(3)] public IReadOnlyList<string> Leaflets { get; init; } = [];
    /// <summary>Units out of tune first (most reasons, then furthest from their peers), then the rest parents first.</summary>
    [Id(4)] public IReadOnlyList<UnitPicture> Units { get; init; } = [];
}

/// <summary>One unit in the picture.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitPicture
{
    [Id(0)] public required string Unit { get; init; }
    [Id(1)] public required string Kind { get; init; }
    /// <summary>For the committee: each member's function (<c>jerjoma: secretary</c>).</summary>
    [Id(2)] public IReadOnlyList<string> Functions { get; init; } = [];
    [Id(3)] public required string Contact { get; init; }
    [Id(4)] public required int Members { get; init; }
    [Id(5)] public ReceivedReport? LastReport { get; init; }
    [Id(6)] public bool ReportOverdue { get; init; }
    /// <summary>Homes of the unit's whole subtree reached over total, summed over the recent leaflets that were for it.</summary>
    [Id(7)] public long HomesReached { get; init; }
    [Id(8)] public long HomesTotal { get; init; }
    /// <summary>Median over those leaflets of the time from issue until the unit's subtree was served; a leaflet
    /// still open counts with the time it has been open so far. Empty without homes or leaflets.</summary>
    [Id(9)] public double? MedianSeconds { get; init; }
    [Id(10)] public int StatementsHeld { get; init; }
    [Id(11)] public int Breaches { get; init; }
    /// <summary>Why this unit is out of tune against units of its kind; empty when it is not.</summary>
    [Id(12)] public IReadOnlyList<string> OutOfTune { get; init; } = [];
    [Id(13)] public int Depth { get; init; }
    [Id(14)] public int LeafletsCounted { get; init; }
    /// <summary>Homes of the unit's own routes still waiting for recent leaflets past their deadline (or
    /// <c>PictureBuilder.PendingAfter</c> after issue without one).</summary>
    [Id(15)] public long HomesPending { get; init; }
}
