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

    public static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.TotalProcessorTime;
    }
}
