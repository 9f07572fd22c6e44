using System.Diagnostics;

namespace OrgTasks.Tests.EndToEnd;

public sealed class UnreachableGatewayTests
{
    [Fact]
    public async Task ClientCommandAgainstADeadGatewayFailsFastWithACleanMessage()
    {
        var gateway = $"127.0.0.1:{FreeTcpPort.Take(1)[0]}";
        var watch = Stopwatch.StartNew();

        var run = await OrgTasksProcess.RunAsync("org", "show", "--gateway", gateway);

        CliAssert.FailedCleanly(run, 1, "cannot reach an OrgTasks silo");
        CliAssert.Contains(gateway, run.Stderr, run);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}\n{run}");
    }

    [Fact]
    public async Task GatewayFromTheEnvironmentIsUsedWhenNoOptionIsGiven()
    {
        var gateway = $"127.0.0.1:{FreeTcpPort.Take(1)[0]}";

        var run = await OrgTasksProcess.RunAsync(["breaches"], environment: new Dictionary<string, string> { ["ORGTASKS_GATEWAY"] = gateway });

        CliAssert.FailedCleanly(run, 1, gateway);
    }

    [Fact]
    public async Task MalformedGatewayIsRefusedNamingIt()
    {
        var run = await OrgTasksProcess.RunAsync("inbox", "spb", "--gateway", "localhost");

        CliAssert.FailedCleanly(run, 1, "'localhost' is not HOST:PORT");
    }
}
