using System.Text.Json;

namespace OrgTasks.Tests.EndToEnd;

/// <summary><c>orgtasks meeting</c>: plan, answer, and the two views (the committee's counts, an attendee's own invitation).</summary>
[Collection(SiloProcessCollection.Name)]
[Trait("Category", "Letter")]
public sealed class MeetingCommandTests(SiloProcessFixture silo) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-meeting-").FullName;

    [Fact]
    public async Task A_meeting_is_arranged_answered_and_an_attendee_never_sees_the_list_of_units()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);

        var planned = await silo.RunAsync("meeting", "plan", "--from", city.Committee, "--at", "2026-12-06T19:00Z", "--place", "Smolensky cemetery",
            "--invite", city.Distribution, city.Press, "--as", city.Agent("sec"));
        CliAssert.Succeeded(planned);
        var id = planned.LastLine;
        Assert.StartsWith("m-", id);

        CliAssert.FailedCleanly(await silo.RunAsync("meeting", "answer", id, "--unit", city.Distribution, "--coming", "4", "--as", city.Agent("kolya")), 4,
            "only its contact may");
        CliAssert.Succeeded(await silo.RunAsync("meeting", "answer", id, "--unit", city.Distribution, "--coming", "4", "--as", city.Agent("sasha")));
        CliAssert.Succeeded(await silo.RunAsync("meeting", "answer", id, "--unit", city.Press, "--coming", "2", "--as", city.Agent("dunya")));

        var committee = await silo.RunAsync("meeting", "show", id, "--as", city.Agent("sec"));
        CliAssert.Succeeded(committee);
        CliAssert.Contains("6 coming from 2 of 2 unit(s) that answered", committee.Stdout, committee);
        CliAssert.Contains(city.Agent("dunya"), committee.Stdout, committee);

        var attendee = await silo.RunAsync("meeting", "show", id, "--as", city.Agent("kolya"), "--json");
        CliAssert.Succeeded(attendee);
        Assert.DoesNotContain(city.Press, attendee.Stdout);
        Assert.DoesNotContain(city.Agent("sasha"), attendee.Stdout);
        using var json = JsonDocument.Parse(attendee.Stdout);
        Assert.Equal("Smolensky cemetery", json.RootElement.GetProperty("place").GetString());
        var invitation = Assert.Single(json.RootElement.GetProperty("invitations").EnumerateArray());
        Assert.Equal((city.Distribution, 4), (invitation.GetProperty("unit").GetString(), invitation.GetProperty("coming").GetInt32()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
