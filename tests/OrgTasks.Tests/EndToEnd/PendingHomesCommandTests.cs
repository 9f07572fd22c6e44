using System.Text.Json;

namespace OrgTasks.Tests.EndToEnd;

/// <summary>Complete means every home, through real orgtasks processes: waits that end at the deadline, a release that finishes the leaflet, an officer's closing.</summary>
[Collection(SiloProcessCollection.Name)]
[Trait("Category", "Letter")]
public sealed class PendingHomesCommandTests(SiloProcessFixture silo) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-pending-").FullName;

    [Fact]
    public async Task A_leaflet_during_a_raid_waits_until_the_deadline_and_completes_after_the_release_without_a_new_issue()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);
        CliAssert.Succeeded(await silo.RunAsync("arrest", city.Agent("dunya"), city.Agent("pavel")));

        var issued = await silo.RunAsync("leaflet", "issue", "--from", city.Committee, "--title", "Raid", "--text", "Hold on", "--deadline", "8s", "--wait");
        Assert.Equal(3, issued.ExitCode);
        var id = issued.LastLine;
        CliAssert.Contains("cut off: no free member to carry routes", issued.Stdout, issued);
        CliAssert.Contains($"pending", issued.Stdout, issued);

        var waited = await silo.RunAsync("leaflet", "status", id, "--wait", "--json");
        Assert.Equal(3, waited.ExitCode);
        CliAssert.Contains("still pending", waited.Stderr, waited);
        using (var json = JsonDocument.Parse(waited.Stdout))
        {
            var root = json.RootElement;
            Assert.False(root.GetProperty("complete").GetBoolean());
            Assert.Equal(2 + LifeCommandCity.PavelHomes, root.GetProperty("homesPending").GetInt64());
            var straggler = Assert.Single(root.GetProperty("stragglers").EnumerateArray());
            Assert.Equal((city.Press, "cut off: no free member to carry routes"),
                (straggler.GetProperty("unit").GetString(), straggler.GetProperty("reason").GetString()));
        }

        // The picture names the cut-off group first, with its reason.
        var picture = await silo.RunAsync("picture", city.Committee);
        CliAssert.Succeeded(picture);
        var outOfTune = picture.StdoutLines.SkipWhile(l => !l.Contains("out of tune (")).Skip(1).First();
        Assert.StartsWith($"{city.Press} (distribution, contact (none)): cut off: no free member to carry routes; "
            + $"{2 + LifeCommandCity.PavelHomes} home(s) pending for ", outOfTune.Trim());

        CliAssert.Succeeded(await silo.RunAsync("release", city.Agent("pavel")));
        var done = await silo.RunAsync("leaflet", "status", id, "--wait");
        CliAssert.Succeeded(done);
        CliAssert.Contains("(100.0 %)", done.Stdout, done);
        CliAssert.Contains("duplicates    0", done.Stdout, done);
        CliAssert.Contains("stragglers: none", done.Stdout, done);
    }

    [Fact]
    public async Task An_officer_closes_a_leaflet_and_its_status_records_the_homes_never_reached()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);
        CliAssert.Succeeded(await silo.RunAsync("arrest", city.Agent("dunya"), city.Agent("pavel")));
        var issued = await silo.RunAsync("leaflet", "issue", "--from", city.Committee, "--title", "Old", "--text", "Yesterday");
        CliAssert.Succeeded(issued);
        var id = issued.LastLine;

        var refused = await silo.RunAsync("leaflet", "close", id, "--reason", "stale", "--as", city.Agent("kolya"));
        CliAssert.FailedCleanly(refused, 4, "officer");

        var closed = await silo.RunAsync("leaflet", "close", id, "--reason", "the strike is over", "--as", city.Agent("sec"));
        CliAssert.Succeeded(closed);
        CliAssert.Contains($"by agent:{city.Agent("sec")}: the strike is over; {2 + LifeCommandCity.PavelHomes} home(s) in 1 unit(s) never reached", closed.Stdout, closed);
        var waited = await silo.RunAsync("leaflet", "status", id, "--wait");
        Assert.Equal(3, waited.ExitCode);
        CliAssert.Contains("closed with", waited.Stderr, waited);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
