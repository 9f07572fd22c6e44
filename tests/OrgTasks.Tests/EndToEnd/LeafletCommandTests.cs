using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrgTasks.Tests.EndToEnd;

[Collection(SiloProcessCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class LeafletCommandTests(SiloProcessFixture silo) : IDisposable
{
    private static readonly Regex LeafletId = new("^l-[0-9a-f]{16}$");
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-e2e-").FullName;

    [Fact]
    public async Task Issue_with_wait_reaches_every_home_and_status_JSON_agrees()
    {
        await silo.SampleAppliedAsync();

        var issued = await silo.RunAsync("leaflet", "issue", "--from", "spb", "--title", "May Day",
            "--text", "To all workers of St Petersburg!", "--deadline", "10m", "--wait");

        CliAssert.Succeeded(issued);
        var id = issued.LastLine;
        Assert.Matches(LeafletId, id);
        CliAssert.Contains("(100.0 %)", issued.Stdout, issued);
        CliAssert.Contains("stragglers: none", issued.Stdout, issued);

        var status = await silo.RunAsync("leaflet", "status", id, "--json");
        CliAssert.Succeeded(status);
        using var json = JsonDocument.Parse(status.Stdout);
        var root = json.RootElement;
        Assert.Equal(id, root.GetProperty("leafletId").GetString());
        Assert.True(root.GetProperty("homesTotal").GetInt64() > 0, status.ToString());
        Assert.Equal(root.GetProperty("homesTotal").GetInt64(), root.GetProperty("homesReached").GetInt64());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.Equal(0, root.GetProperty("duplicates").GetInt64());
        Assert.True(root.GetProperty("districts").GetArrayLength() > 0, status.ToString());
    }

    [Fact]
    public async Task Leaflet_to_a_district_from_a_text_file_reaches_exactly_that_districts_homes()
    {
        await silo.SampleAppliedAsync();
        var textFile = Path.Combine(_folder, "leaflet.txt");
        await File.WriteAllTextAsync(textFile, "Comrades of the Narva district!\nTomorrow at the Putilov gates.");
        var district = await silo.RunAsync("org", "show", "spb/narva", "--json");
        CliAssert.Succeeded(district);
        using var units = JsonDocument.Parse(district.Stdout);
        var districtHomes = units.RootElement[0].GetProperty("subtreeHomes").GetInt64();

        var issued = await silo.RunAsync("leaflet", "issue", "--from", "spb", "--scope", "spb/narva",
            "--title", "Narva", "--text-file", textFile, "--wait");

        CliAssert.Succeeded(issued);
        var status = await silo.RunAsync("leaflet", "status", issued.LastLine, "--json");
        CliAssert.Succeeded(status);
        using var json = JsonDocument.Parse(status.Stdout);
        Assert.Equal(districtHomes, json.RootElement.GetProperty("homesTotal").GetInt64());
        Assert.Equal(districtHomes, json.RootElement.GetProperty("homesReached").GetInt64());
    }

    [Theory]
    [InlineData("5x")]
    [InlineData("-15m")]
    [InlineData("15")]
    public async Task Bad_deadline_is_refused_naming_the_option(string deadline)
    {
        var run = await OrgTasksProcess.RunAsync("leaflet", "issue", "--from", "spb", "--title", "t", "--text", "x", "--deadline", deadline);

        CliAssert.FailedCleanly(run, 1, "--deadline");
    }

    [Fact]
    public async Task Status_of_an_unknown_leaflet_is_a_clean_not_found()
    {
        var run = await silo.RunAsync("leaflet", "status", "l-0000000000000000");

        CliAssert.FailedCleanly(run, 1, "l-0000000000000000");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
