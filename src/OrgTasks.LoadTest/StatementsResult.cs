namespace OrgTasks.LoadTest;

/// <summary>What a statement load test measured and counted.</summary>
internal sealed record StatementsResult
{
    public required StatementLoad Load { get; init; }
    public required int Authors { get; init; }
    public required long Sent { get; init; }
    /// <summary>Sends the first hop acknowledged: each is owed to the inbox exactly once.</summary>
    public required long Acknowledged { get; init; }
    public required long SendFailures { get; init; }
    public string? FirstSendError { get; init; }
    /// <summary>With <c>--rate</c>: more than the in-flight limit were waiting, so some sends were never started.</summary>
    public bool FellBehind { get; init; }
    public required long Arrived { get; init; }
    public required long Lost { get; init; }
    public required long Doubled { get; init; }
    /// <summary>From the first send to the last arrival.</summary>
    public required double Seconds { get; init; }
    public double? PerSecond { get; init; }
    public double? ToInboxP50Ms { get; init; }
    public double? ToInboxP99Ms { get; init; }
    public double? ToInboxMaxMs { get; init; }
    public double? AckP50Ms { get; init; }
    public double? AckP99Ms { get; init; }
    public CallFigures? Calls { get; init; }
    public double? CpuSeconds { get; init; }
    /// <summary>Bytes the process allocated from the first measured send until everything arrived (silo and client; in process only).</summary>
    public long? AllocatedBytes { get; init; }
    public long? PeakMemoryBytes { get; init; }
    public required string CountedFrom { get; init; }
    /// <summary>The warm-up before the measured stretch, if there was one; its statements are in <see cref="Lost"/> and <see cref="Doubled"/>.</summary>
    public WarmupFigures? Warmup { get; init; }

    public bool Correct => Lost == 0 && Doubled == 0;
}

/// <summary>What the warm-up sent, outside the figures.</summary>
internal sealed record WarmupFigures(long Sent, long Acknowledged, long Failed, double Seconds)
{
    public double PerSecond => Seconds > 0 ? Acknowledged / Seconds : 0;
}
