using System.Text.Json;

namespace OrgTasks.Tests.EndToEnd;

/// <summary><c>orgtasks delegate</c>: an unaware group's member cannot be detailed; only officers detail; the detailing names who did it.</summary>
[Collection(SiloProcessCollection.Name)]
[Trait("Category", "Letter")]
public sealed class DelegateCommandTests(SiloProcessFixture silo) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-delegate-").FullName;

    [Fact]
    public async Task An_unaware_member_cannot_become_a_delegate_and_an_officers_detailing_is_recorded_with_its_name()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);

        var unaware = await silo.RunAsync("delegate", city.Agent("dmitry"), "--to", city.Committee);
        CliAssert.FailedCleanly(unaware, 1, $"member of the unaware group '{city.Circle}', not of the organization");
        var notOfficer = await silo.RunAsync("delegate", city.Agent("petya"), "--to", city.Distribution, "--as", city.Agent("kolya"));
        CliAssert.FailedCleanly(notOfficer, 4, "only the committee's officers or the Central Committee");

        CliAssert.Succeeded(await silo.RunAsync("delegate", city.Agent("petya"), "--to", city.Distribution, "--as", city.Agent("sec")));
        var life = await silo.RunAsync("life", city.Committee, "--json");
        CliAssert.Succeeded(life);
        using var json = JsonDocument.Parse(life.Stdout);
        var detail = Assert.Single(json.RootElement.GetProperty("delegateDetails").EnumerateArray());
        Assert.Equal((city.Agent("petya"), city.Distribution, $"agent:{city.Agent("sec")}"),
            (detail.GetProperty("agent").GetString(), detail.GetProperty("unit").GetString(), detail.GetProperty("by").GetString()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
