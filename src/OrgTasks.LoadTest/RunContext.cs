using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace OrgTasks.LoadTest;

/// <summary>
/// What makes a figure reproducible: the machine it was measured on (with its load at the time, since these machines
/// are shared), the exact command, and the commit of the code. Every load-test JSON file carries it.
/// </summary>
internal static class RunContext
{
    public static JsonObject Describe(string command) => new()
    {
        ["command"] = command,
        ["commit"] = Commit(),
        ["measuredAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["machine"] = new JsonObject
        {
            ["cores"] = Environment.ProcessorCount,
            ["memoryBytes"] = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["loadAverage"] = LoadAverage(),
        },
        // This process's tiered compilation (an in-process silo's); against --gateway the silos' own may differ.
        ["runtimeTiering"] = new JsonObject
        {
            ["callCountingDelayMs"] = OrgTasks.Silo.Hosting.RuntimeTiering.Current.CallCountingDelayMs,
            ["callCountThreshold"] = OrgTasks.Silo.Hosting.RuntimeTiering.Current.CallCountThreshold,
            ["recommended"] = OrgTasks.Silo.Hosting.RuntimeTiering.Current.IsRecommended,
        },
    };

    /// <summary>The command line as typed, with the program's name first.</summary>
    public static string CommandLine(IEnumerable<string> args) =>
        string.Join(' ', new[] { "orgtasks" }.Concat(args.Select(a => a.Contains(' ') ? $"\"{a}\"" : a)));

    /// <summary>The 1-minute load average (Linux), which says how shared the machine was; null elsewhere.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The commit of the checkout this program was built from (with <c>+dirty</c> for local changes), if git can tell.</summary>
    public static string? Commit()
    {
        var folder = RepositoryFolder();
        if (folder is null) return null;
        var head = Git(folder, "rev-parse HEAD");
        if (head is null) return null;
        var changes = Git(folder, "status --porcelain --untracked-files=no");
        return string.IsNullOrWhiteSpace(changes) ? head : head + "+dirty";
    }

    private static string? RepositoryFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "OrgTasks.sln"))) return folder.FullName;
        return null;
    }

    private static string? Git(string folder, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{folder}\" {arguments}")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(5_000) && git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }
}
