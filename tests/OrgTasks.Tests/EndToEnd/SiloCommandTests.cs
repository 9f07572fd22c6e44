using System.Diagnostics;

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
    public async Task Silo_stops_gracefully_on_SIGTERM()
    {
        var ports = OrgTasks.Cli.Hosting.FreePorts.Take(2);
        using var process = OrgTasksProcess.Start(["silo", "--storage", "memory", "--silo-port", ports[0].ToString(), "--gateway-port", ports[1].ToString()]);
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
