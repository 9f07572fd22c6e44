using System.Diagnostics;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Tests.EndToEnd;

[Collection(SiloProcessCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SiloCommandTests(SiloProcessFixture silo)
{
    [Fact]
    public void Start_up_line_names_the_gateway_the_ports_and_the_storage()
    {
        var line = silo.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("silo up: ", StringComparison.Ordinal));

        Assert.Contains($"gateway 127.0.0.1:{silo.GatewayPort}", line);
        Assert.Contains($"silo port {silo.SiloPort}", line);
        Assert.Contains("storage: memory (in-process, lost on stop)", line);
    }

    [Fact]
    public async Task Second_silo_on_taken_ports_fails_with_a_clean_message()
    {
        var run = await OrgTasksProcess.RunAsync("silo", "--storage", "memory", "--silo-port", silo.SiloPort.ToString(), "--gateway-port", silo.GatewayPort.ToString());

        CliAssert.FailedCleanly(run, 1, "cannot start the silo");
    }

    [Fact]
    public void A_silo_with_the_recommended_runtime_tiering_says_nothing_of_it()
    {
        Assert.DoesNotContain("runtime tiering", silo.Output);
    }

    [Fact]
    public async Task A_silo_without_the_recommended_runtime_tiering_says_how_to_set_it_and_stops_gracefully_on_SIGTERM()
    {
        var ports = OrgTasks.Cli.Hosting.FreePorts.Take(2);
        // Empty values: the runtime's defaults, as in a shell that sets nothing.
        var defaults = RuntimeTiering.Recommended.Keys.ToDictionary(name => name, _ => "");
        using var process = OrgTasksProcess.Start(["silo", "--storage", "memory", "--silo-port", ports[0].ToString(), "--gateway-port", ports[1].ToString()], defaults);
        try
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var ready = WaitForLineAsync(process.StandardOutput, "ready");
            Assert.True(await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(90))) == ready, "the silo never printed 'ready'");

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync();

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(limit.Token);
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{await stderr}");
            Assert.Contains("silo stopped", await stderr);
            Assert.Contains("runtime tiering: counting delay 100 ms (default), promotion after 30 (default) calls", await stderr);
            Assert.Contains(RuntimeTiering.RecommendedAssignments, await stderr);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private static async Task WaitForLineAsync(StreamReader output, string expected)
    {
        while (await output.ReadLineAsync() is { } line)
            if (line == expected) return;
        throw new InvalidOperationException($"the output ended without '{expected}'");
    }
}
