using System.Text.Json;

namespace OrgTasks.Tests.EndToEnd;

[Collection(SiloProcessCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class OrgShowCommandTests(SiloProcessFixture silo)
{
    [Fact]
    public async Task Shows_the_subtree_indented_by_depth_with_kind_contact_and_homes()
    {
        await silo.SampleAppliedAsync();

        var run = await silo.RunAsync("org", "show", "spb/narva");

        CliAssert.Succeeded(run);
        var lines = run.StdoutLines;
        var district = Assert.Single(lines, l => l.StartsWith("spb/narva ", StringComparison.Ordinal));
        Assert.Contains("district", district);
        Assert.Contains("petya (alternates: fedya)", district);
        // Each level down is indented two spaces more than its parent (after the table's own two).
        Assert.Contains("\n  spb/narva ", run.Stdout);
        Assert.Contains("\n    spb/narva/putilov ", run.Stdout);
        Assert.Contains("\n      spb/narva/putilov/dist-1 ", run.Stdout);
        var distributors = Assert.Single(lines, l => l.StartsWith("spb/narva/putilov/dist-1 ", StringComparison.Ordinal));
        Assert.Contains("3: sasha, olya, kolya", distributors);
    }

    [Fact]
    public async Task JSON_lists_every_unit_of_the_subtree_with_its_depth_and_homes()
    {
        await silo.SampleAppliedAsync();

        var run = await silo.RunAsync("org", "show", "spb/narva", "--json");

        CliAssert.Succeeded(run);
        using var json = JsonDocument.Parse(run.Stdout);
        var units = json.RootElement.EnumerateArray().ToList();
        Assert.Equal("spb/narva", units[0].GetProperty("unit").GetProperty("id").GetString());
        Assert.Equal("district", units[0].GetProperty("unit").GetProperty("kind").GetString());
        Assert.Equal(0, units[0].GetProperty("depth").GetInt32());
        var subtreeHomes = units[0].GetProperty("subtreeHomes").GetInt64();
        Assert.Equal(subtreeHomes, units.Sum(u => u.GetProperty("ownHomes").GetInt64()));
        Assert.Contains(units, u => u.GetProperty("unit").GetProperty("id").GetString() == "spb/narva/putilov/dist-1");
    }
}
