using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using OrgTasks.Cli.Hosting;
using OrgTasks.Grains;
using OrgTasks.Silo.Hosting;
using OrgTasks.Tests.EndToEnd;

namespace OrgTasks.Tests.Limits;

/// <summary>A silo with an impossible option refuses to start, with one line naming the option and the allowed range.</summary>
[Trait("Category", "Limits")]
public sealed class OptionsValidationTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new OrgTasksOptionsValidator().Validate(null, new OrgTasksOptions()).Succeeded);
    }

    [Fact]
    public void Each_impossible_value_is_named_with_its_allowed_range()
    {
        var result = new OrgTasksOptionsValidator().Validate(null, new OrgTasksOptions
        {
            FanOutLimit = 0,
            RetryInterval = TimeSpan.FromSeconds(-1),
            FirstPassWait = TimeSpan.FromHours(1),
            MaxListLimit = 0,
            WarmUpActivations = -1,
        });

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "OrgTasks__RetryInterval=-00:00:01 is out of range: allowed 00:00:00.0100000 to 01:00:00",
                "OrgTasks__FirstPassWait=01:00:00 is out of range: allowed 00:00:00 to 00:10:00",
                "OrgTasks__MaxListLimit=0 is out of range: allowed 1 to 1,000,000",
                "OrgTasks__FanOutLimit=0 is out of range: allowed 1 to 100,000",
                "OrgTasks__WarmUpActivations=-1 is out of range: allowed 0 to 1,000,000",
            ],
            result.Failures!);
    }

    [Fact]
    public async Task An_in_process_silo_with_FanOutLimit_zero_refuses_to_start()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.UseOrgTasks(new SiloSettings { Storage = StorageKind.Memory }, o => o.FanOutLimit = 0));
        var cluster = builder.Build();
        try
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync());
            var invalid = Assert.IsType<OptionsValidationException>(Unwrap(refused));
            Assert.Equal(["OrgTasks__FanOutLimit=0 is out of range: allowed 1 to 100,000"], invalid.Failures);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("OrgTasks__FanOutLimit", "0", "orgtasks: invalid setting: OrgTasks__FanOutLimit=0 is out of range: allowed 1 to 100,000")]
    [InlineData("OrgTasks__RetryInterval", "-00:00:05", "orgtasks: invalid setting: OrgTasks__RetryInterval=-00:00:05 is out of range: allowed 00:00:00.0100000 to 01:00:00")]
    [InlineData("OrgTasks__MaxStatementLength", "0", "orgtasks: invalid setting: OrgTasks__MaxStatementLength=0 is out of range: allowed 1 to 1,000,000")]
    [InlineData("OrgTasks__BreachAfter", "banana", "orgtasks: invalid setting: Failed to convert configuration value 'banana' at 'OrgTasks:BreachAfter' to type 'System.TimeSpan'")]
    public async Task Orgtasks_silo_with_an_impossible_setting_exits_1_with_one_line_naming_it(string variable, string value, string line)
    {
        var ports = FreePorts.Take(2);
        var run = await OrgTasksProcess.RunAsync(
            ["silo", "--storage", "memory", "--silo-port", ports[0].ToString(), "--gateway-port", ports[1].ToString()],
            TimeSpan.FromSeconds(90), new Dictionary<string, string> { [variable] = value });

        CliAssert.FailedCleanly(run, 1, variable.Replace("__", ":", StringComparison.Ordinal) is var path && line.Contains(path, StringComparison.Ordinal) ? path : variable);
        // One line and nothing else: not also the host's own "hosting failed to start" log with its stack trace.
        Assert.Equal([line], run.StderrLines.Where(l => l.Trim().Length > 0));
        Assert.DoesNotContain("ready", run.StdoutLines);
    }

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;
}
