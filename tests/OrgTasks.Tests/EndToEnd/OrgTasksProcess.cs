using System.Diagnostics;
using System.Text;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.EndToEnd;

/// <summary>
/// Runs the real <c>orgtasks</c> command as a child process: <c>dotnet orgtasks.dll …</c> from the test's output folder
/// (the test project references the CLI project, so the build puts it there). Runs in the repository root, so sample
/// paths read as a user would type them.
/// </summary>
public static class OrgTasksProcess
{
    /// <summary>Variables a developer may have set that would point a test's commands at the wrong cluster.</summary>
    private static readonly string[] ClearedVariables = ["ORGTASKS_GATEWAY", "ORGTASKS_CLUSTER_ID", "ORGTASKS_TELEMETRY"];

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static string Dll { get; } = FindDll();

    /// <summary>A started process with both streams redirected; the caller owns and must kill it.</summary>
    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in ClearedVariables) start.Environment.Remove(name);
        // As every deployment runs a silo (deploy/); a test that wants the runtime's defaults passes empty values.
        foreach (var (name, value) in OrgTasks.Silo.Hosting.RuntimeTiering.Recommended) start.Environment[name] = value;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Runs to the end, or kills the whole process tree after <paramref name="timeout"/> and fails with what it printed.</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyList<string> arguments, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(arguments, environment);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var partial = new CliRun(arguments, -1, await stdout, await stderr);
            throw new TimeoutException($"orgtasks did not finish within {timeout ?? DefaultTimeout}; killed.\n{partial}");
        }
        return new CliRun(arguments, process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliRun> RunAsync(params string[] arguments) => RunAsync(arguments, timeout: null);

    private static string FindDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "orgtasks.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"orgtasks.dll is not next to the tests in {AppContext.BaseDirectory}; "
            + "does the test project still reference src/OrgTasks.Cli?", dll);
    }
}
