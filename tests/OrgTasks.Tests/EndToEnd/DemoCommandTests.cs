using System.Text.Json;

namespace OrgTasks.Tests.EndToEnd;

/// <summary>
/// <c>orgtasks demo</c> starts its own silo in-process, on the default store: the managed PostgreSQL, here in a data
/// folder of the test's own (as a newcomer's would be under the default folder).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_JSON_on_the_sample_city_reaches_every_home_and_reports_its_costs()
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

    /// <summary>
    /// One centre, many committees: the sample city and a second, generated city under the same Central Committee and
    /// Central Organ (<c>cc</c>, <c>co</c>) run their demos one after the other on one data folder, in either order.
    /// (The 1M sample is the same case at scale; its run is measured in docs/the-letter.md.)
    /// </summary>
    [Theory]
    [Trait("Category", "Letter")]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_cities_under_one_centre_run_their_demos_on_one_data_folder_in_either_order(bool sampleFirst)
    {
        await using var data = new Postgres.ManagedServerFolder();
        var second = Path.Combine(data.Folder, "..", $"moscow-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(second, """
            organization: moscow
            centre: { central-committee: cc, central-organ: co }
            committee:
              id: msk
              contact: msk-secretary
              members:
                - { agent: msk-secretary, function: secretary }
            agents:
              - { id: msk-secretary }
            generate: { districts: 2, factories-per-district: 2, groups-per-factory: 2, agents-per-group: 3, homes-per-agent: 5 }
            """);
        try
        {
            var sample = Organization.RepoPaths.Sample("st-petersburg.yaml");
            string[] cities = sampleFirst ? [sample, second] : [second, sample];
            foreach (var city in cities)
            {
                var run = await OrgTasksProcess.RunAsync(["demo", "--json", "--city", city, "--data", data.Folder], TimeSpan.FromMinutes(3));
                CliAssert.Succeeded(run);
                using var json = JsonDocument.Parse(run.Stdout);
                Assert.True(json.RootElement.GetProperty("complete").GetBoolean(), run.ToString());
                Assert.Equal(json.RootElement.GetProperty("homesTotal").GetInt64(), json.RootElement.GetProperty("homesReached").GetInt64());
            }
        }
        finally
        {
            File.Delete(second);
        }
    }
}
