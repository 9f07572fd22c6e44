using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using OrgTasks.Cli.Hosting;
using OrgTasks.Tests.EndToEnd;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Organization;
using Xunit.Abstractions;

namespace OrgTasks.Tests.Soak;

/// <summary>
/// The two-minute chaos soak, run as a user runs it: <c>bash bench/chaos-soak.sh 120 30 10000</c> as a real process
/// (three silos, statements and leaflets flowing, a silo killed every 30 s, PostgreSQL restarted once), judged by its
/// exit code and its own final count. It runs with an empty configuration folder, as on a fresh machine: the silos'
/// first start must make the keys, the credential and the certificates the load tests then use. With the other
/// failover tests, alone and after the rest: starved of CPU by a neighbour, a healthy silo would miss its probes.
/// </summary>
[Collection(FailoverCollection.Name)]
[Trait("Category", "Soak")]
public sealed class ChaosSoakTests(ITestOutputHelper output)
{
    /// <summary>
    /// About 2.5 minutes on a shared two-core machine (120 s of chaos, the starts, the last leaflet and the count), but the
    /// script may drain statements for up to 180 s after the chaos: the limit leaves room for a slow drain.
    /// </summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Two_minute_chaos_soak_loses_and_doubles_no_statement_and_brings_every_leaflet_to_every_home()
    {
        var config = Directory.CreateTempSubdirectory("orgtasks-soak-config-");
        var ports = FreePorts.Take(9);
        try
        {
            var (exitCode, stdout, stderr) = await RunScriptAsync(config.FullName, ports);
            output.WriteLine(stdout);
            output.WriteLine(stderr);
            var report = $"exit code {exitCode}\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}";

            Assert.True(exitCode == 0, report);
            var lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
            // The chaos happened: at least two kills and the PostgreSQL restart (else a pass would prove nothing).
            Assert.True(lines.Count(l => l.Contains("SIGKILL silo", StringComparison.Ordinal)) >= 2, report);
            Assert.Contains(lines, l => l.Contains("restarting PostgreSQL", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("soak: statements: lost / doubled 0 / 0", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("soak: leaflets:", StringComparison.Ordinal) && l.Contains("duplicates 0, missing 0", StringComparison.Ordinal));
            Assert.Equal("soak: passed: 0 lost, 0 doubled, every leaflet at 100 %", lines.Last(l => l.Length > 0));

            // It cleaned up after itself: nothing listens on the silos' gateways any more.
            await Poll.UntilAsync(() => Task.FromResult(ports.Skip(3).Take(3).Count(Listening)), n => n == 0,
                TimeSpan.FromSeconds(10), "the soak's silos to be gone");
        }
        finally
        {
            config.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunScriptAsync(string config, int[] ports)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "bench/chaos-soak.sh", "120", "30", "10000" }) start.ArgumentList.Add(argument);
        foreach (var name in new[] { "ORGTASKS_GATEWAY", "ORGTASKS_CLUSTER_ID", "ORGTASKS_TELEMETRY", "ORGTASKS_DATA" }) start.Environment.Remove(name);
        start.Environment["ORGTASKS_DLL"] = OrgTasksProcess.Dll;
        start.Environment["ORGTASKS_CONFIG"] = config;
        start.Environment["SOAK_SILO_PORTS"] = string.Join(' ', ports[..3]);
        start.Environment["SOAK_GATEWAY_PORTS"] = string.Join(' ', ports[3..6]);
        start.Environment["SOAK_HEALTH_PORTS"] = string.Join(' ', ports[6..9]);

        using var script = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = script.StandardOutput.ReadToEndAsync();
        var stderr = script.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await script.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // TERM first: the script's trap kills its silos and load tests and stops its PostgreSQL; KILL only if that hangs.
            using (var term = Process.Start("kill", ["-TERM", script.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try { await script.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { script.Kill(entireProcessTree: true); await script.WaitForExitAsync(); }
            throw new TimeoutException($"the soak did not finish within {Limit}; stopped.\n--- stdout ---\n{await stdout}\n--- stderr ---\n{await stderr}");
        }
        return (script.ExitCode, await stdout, await stderr);
    }

    private static bool Listening(int port)
    {
        try
        {
            using var probe = new TcpClient();
            probe.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
