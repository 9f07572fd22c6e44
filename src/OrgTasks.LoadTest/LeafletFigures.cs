namespace OrgTasks.LoadTest;

/// <summary>One mobilization, measured: timings from the tracker, effects counted from the delivery records.</summary>
internal sealed record LeafletFigures
{
    public required string LeafletId { get; init; }
    public required long HomesTotal { get; init; }
    public required long HomesReached { get; init; }
    public required long Duplicates { get; init; }
    public required long Missing { get; init; }
    public double? SecondsTo50 { get; init; }
    public double? SecondsTo90 { get; init; }
    public double? SecondsTo99 { get; init; }
    /// <summary>From issue until the centre knew every home had it (the tracker's completion).</summary>
    public required double Seconds { get; init; }
    public double DeliveriesPerSecond => Seconds > 0 ? HomesReached / Seconds : 0;
    public CallFigures? Calls { get; init; }
    public double? CpuSeconds { get; init; }
    /// <summary>Bytes this process allocated while the leaflet travelled (silo and load-test client; in process only).</summary>
    public long? AllocatedBytes { get; init; }
    /// <summary>Time spent compiling code while the leaflet travelled (all threads; in process only).</summary>
    public double? JitSeconds { get; init; }
    /// <summary>Time the process stood still for garbage collection while the leaflet travelled (in process only).</summary>
    public double? GcPauseSeconds { get; init; }
    public CoverageCurve? Curve { get; init; }
    /// <summary>Where the effects were counted: the silo's delivery journal, or the tracker's picture.</summary>
    public required string CountedFrom { get; init; }
}
