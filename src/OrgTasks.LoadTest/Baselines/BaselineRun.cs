namespace OrgTasks.LoadTest.Baselines;

/// <summary>
/// One baseline round: its wall time, and the CPU time of this process meanwhile. On a shared machine the CPU time is
/// the steadier yardstick: other processes stretch wall times, not the work each side does.
/// </summary>
internal sealed record BaselineRun(double Seconds, double CpuSeconds, long AllocatedBytes)
{
    /// <summary>Calls and replies in the silo during the round, where the load test's own silo counts them.</summary>
    public long? Messages { get; init; }
}
