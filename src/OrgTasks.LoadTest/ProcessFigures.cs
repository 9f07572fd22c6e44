using System.Diagnostics;

namespace OrgTasks.LoadTest;

/// <summary>
/// Memory and CPU of this process. With the in-process silo these are the silo's figures plus the load test's own
/// client (one process); against a remote cluster they would be the client's only, so they are not reported then.
/// </summary>
internal static class ProcessFigures
{
    public static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    /// <summary>
    /// Bytes allocated by this process so far. Per leaflet it is, like the grain calls, a cost that does not depend on
    /// what else the machine is doing, so before/after comparisons hold on a busy machine.
    /// </summary>
    public static long AllocatedBytes() => GC.GetTotalAllocatedBytes(precise: false);

    /// <summary>Time spent compiling methods so far, on all threads: what a cold start pays for code never run before.</summary>
    public static TimeSpan JitTime() => System.Runtime.JitInfo.GetCompilationTime();

    /// <summary>Time every thread stood still for the garbage collector so far.</summary>
    public static TimeSpan GcPause() => GC.GetTotalPauseDuration();

    public static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.TotalProcessorTime;
    }
}
