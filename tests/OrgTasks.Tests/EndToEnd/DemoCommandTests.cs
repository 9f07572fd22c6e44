using System.Text.Json;

namespace OrgTasks.Tests.EndToEnd;

/// <summary><c>orgtasks demo</c> starts its own silo in-process: no shared silo needed.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task DemoJsonOnTheSampleCityReachesEveryHomeAndReportsItsCosts()
    {
        var run = await OrgTasksProcess.RunAsync(["demo", "--json"], TimeSpan.FromMinutes(3));

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
    }
}
