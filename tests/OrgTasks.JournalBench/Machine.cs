using System.Diagnostics;

namespace OrgTasks.JournalBench;

/// <summary>What else the machine was doing: figures taken on a busy machine are slower, and say so.</summary>
internal static class Machine
{
    /// <summary>The 1-minute load average (Linux), or "?" where there is none.</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>CPU time this process has used: the journals' client side, the benchmark's own loop included.</summary>
    public static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;
}
