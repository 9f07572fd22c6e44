using System.Text.Json;

namespace OrgTasks.Tests.EndToEnd;

/// <summary><c>orgtasks reports</c>, <c>orgtasks routine</c> and <c>orgtasks picture</c> against a real silo process.</summary>
[Collection(SiloProcessCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RoutineCommandTests(SiloProcessFixture silo)
{
    private async Task<List<JsonElement>> UnitsAsync(string unit)
    {
        var run = await silo.RunAsync("org", "show", unit, "--json");
        CliAssert.Succeeded(run);
        return JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList();
    }

    private static string Kind(JsonElement unit) => unit.GetProperty("unit").GetProperty("kind").GetString()!;

    [Fact]
    public async Task Reports_lists_every_group_with_its_due_date_and_none_overdue_right_after_apply()
    {
        await silo.SampleAppliedAsync();
        var groups = (await UnitsAsync("spb")).Where(u => Kind(u) != "committee").Select(u => u.GetProperty("unit").GetProperty("id").GetString()).ToList();

        var run = await silo.RunAsync("reports", "spb", "--json");

        CliAssert.Succeeded(run);
        var view = Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList());
        Assert.Equal("spb", view.GetProperty("committee").GetString());
        Assert.Equal("P14D", view.GetProperty("reportsEvery").GetString());
        Assert.Equal(0, view.GetProperty("overdue").GetInt32());
        var listed = view.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(groups.Order(), listed.Select(g => g.GetProperty("unit").GetString()).Order());
        Assert.All(listed, g => Assert.False(g.GetProperty("overdue").GetBoolean()));

        var text = await silo.RunAsync("reports", "spb/narva");
        CliAssert.Succeeded(text);
        CliAssert.Contains("a report every 14 d 0 h, due within 2 d 0 h", text.Stdout, text);
        CliAssert.Contains("spb/narva/putilov/dist-1", text.Stdout, text);
    }

    [Fact]
    public async Task Routine_shows_the_schedule_and_no_idle_district_right_after_apply()
    {
        await silo.SampleAppliedAsync();
        var areas = (await UnitsAsync("spb")).Count(u => Kind(u) is "district" or "factory");

        var run = await silo.RunAsync("routine", "spb", "--tick", "--json");

        CliAssert.Succeeded(run);
        var view = Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList());
        Assert.Equal(3, view.GetProperty("schedule").GetProperty("distributionsPerMonth").GetInt32());
        Assert.Equal("P15D", view.GetProperty("schedule").GetProperty("idleAfter").GetString());
        Assert.Equal(areas, view.GetProperty("areasWatched").GetInt32());
        Assert.Empty(view.GetProperty("idle").EnumerateArray());
        Assert.Equal(0, view.GetProperty("routineDistributions").GetInt32());

        var text = await silo.RunAsync("routine");
        CliAssert.Succeeded(text);
        CliAssert.Contains("3 distribution(s) a month (every 10 d 0 h)", text.Stdout, text);
        CliAssert.Contains("idle alarm: none of", text.Stdout, text);
    }

    [Fact]
    public async Task Picture_after_a_leaflet_shows_full_coverage_for_every_distribution_group()
    {
        await silo.SampleAppliedAsync();
        var issued = await silo.RunAsync("leaflet", "issue", "--from", "spb", "--title", "Picture", "--text", "For the picture", "--deadline", "10m", "--wait");
        CliAssert.Succeeded(issued);
        var id = issued.LastLine;

        // The committee tells the routine of its leaflet one-way: poll (bounded) until the picture counts it.
        JsonElement view = default;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var run = await silo.RunAsync("picture", "spb", "--json");
            CliAssert.Succeeded(run);
            view = Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList());
            if (view.GetProperty("leaflets").EnumerateArray().Any(l => l.GetString() == id)) break;
            await Task.Delay(100);
        }
        Assert.Contains(id, view.GetProperty("leaflets").EnumerateArray().Select(l => l.GetString()));
        var units = view.GetProperty("units").EnumerateArray().ToList();
        var dist = Assert.Single(units, u => u.GetProperty("unit").GetString() == "spb/narva/putilov/dist-1");
        Assert.Equal("sasha", dist.GetProperty("contact").GetString());
        Assert.Equal(dist.GetProperty("homesTotal").GetInt64(), dist.GetProperty("homesReached").GetInt64());
        var committee = Assert.Single(units, u => u.GetProperty("unit").GetString() == "spb");
        Assert.Contains(committee.GetProperty("functions").EnumerateArray(), f => f.GetString() == "jerjoma: secretary");

        var text = await silo.RunAsync("picture", "spb/narva");
        CliAssert.Succeeded(text);
        CliAssert.Contains("the picture of spb/narva", text.Stdout, text);
        CliAssert.Contains("spb/narva/putilov/dist-1", text.Stdout, text);
    }
}
