using System.Text.Json;

namespace OrgTasks.Tests.EndToEnd;

/// <summary>
/// <c>orgtasks demo</c> starts its own silo in-process, on the default store: the managed PostgreSQL, here in a data
/// folder of the test's own (as a newcomer's would be under the default folder).
/// </summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task DemoJsonOnTheSampleCityReachesEveryHomeAndReportsItsCosts()
    {
        await using var data = new Postgres.ManagedServerFolder();
        var run = await OrgTasksProcess.RunAsync(["demo", "--json", "--data", data.Folder], TimeSpan.FromMinutes(3));

        CliAssert.Succeeded(run);
        using var json = JsonDocument.Parse(run.Stdout); // stdout is the JSON document and nothing else
        var root = json.RootElement;
        Assert.Equal("spb", root.GetProperty("issuer").GetString());
        Assert.True(root.GetProperty("homesTotal").GetInt64() > 0, run.ToString());
        Assert.Equal(root.GetProperty("homesTotal").GetInt64(), root.GetProperty("homesReached").GetInt64());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.True(root.GetProperty("districts").GetArrayLength() > 0);
        Assert.True(root.GetProperty("applySeconds").GetDouble() > 0);
        Assert.True(root.GetProperty("coverageSeconds").GetDouble() >= 0);
        Assert.True(root.GetProperty("coldSeconds").GetDouble() >= 0);
        Assert.True(root.GetProperty("warmSeconds").GetDouble() >= 0);
        Assert.True(root.GetProperty("peakMemoryBytes").GetInt64() > 0);
        CliAssert.Contains("every home reached", run.Stderr, run);
        CliAssert.Contains("PostgreSQL", run.Stderr, run); // the default store, named in the start-up line
        Assert.False(await data.Open().GetStatusAsync() is { Running: true }, "the demo left its managed server running");
    }
}
