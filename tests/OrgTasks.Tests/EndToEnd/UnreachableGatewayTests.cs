namespace OrgTasks.Tests.EndToEnd;

[Trait("Category", "EndToEnd")]
public sealed class UnreachableGatewayTests
{
    [Fact]
    public async Task Client_command_against_a_dead_gateway_fails_with_a_clean_message()
    {
        var gateway = $"127.0.0.1:{OrgTasks.Cli.Hosting.FreePorts.Take(1)[0]}";

        // A command that hangs instead of failing is killed at the process time-out and fails the test.
        var run = await OrgTasksProcess.RunAsync(["org", "show", "--gateway", gateway], TimeSpan.FromSeconds(30));

        CliAssert.FailedCleanly(run, 1, "cannot reach an OrgTasks silo");
        CliAssert.Contains(gateway, run.Stderr, run);
    }

    [Fact]
    public async Task Gateway_from_the_environment_is_used_when_no_option_is_given()
    {
        var gateway = $"127.0.0.1:{OrgTasks.Cli.Hosting.FreePorts.Take(1)[0]}";

        var run = await OrgTasksProcess.RunAsync(["breaches"], environment: new Dictionary<string, string> { ["ORGTASKS_GATEWAY"] = gateway });

        CliAssert.FailedCleanly(run, 1, gateway);
    }

    [Fact]
    public async Task Malformed_gateway_is_refused_naming_it()
    {
        var run = await OrgTasksProcess.RunAsync("inbox", "spb", "--gateway", "localhost");

        CliAssert.FailedCleanly(run, 1, "'localhost' is not HOST:PORT");
    }
}
