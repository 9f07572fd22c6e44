using System.Text.Json;

namespace OrgTasks.Tests.EndToEnd;

/// <summary>A quarantined statement through real orgtasks processes: its route and the addressee's inbox say so, with the warning's date.</summary>
[Collection(SiloProcessCollection.Name)]
[Trait("Category", "Letter")]
public sealed class QuarantineCommandTests(SiloProcessFixture silo) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-quarantine-").FullName;

    [Fact]
    public async Task A_quarantined_statement_shows_in_its_route_and_in_the_committees_inbox_until_the_warning_is_lifted()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);
        // With nobody to carry for the group, kolya's statement waits at the group; then kolya is warned about.
        CliAssert.Succeeded(await silo.RunAsync("arrest", city.Agent("sasha"), city.Agent("olya")));
        var sent = await silo.RunAsync("statement", "send", "--from", city.Agent("kolya"), "--to", "committee", "--text", "all is quiet");
        CliAssert.Succeeded(sent);
        var id = sent.LastLine;
        CliAssert.Succeeded(await silo.RunAsync("warn", "--suspect", city.Agent("kolya"), "--reason", "seen with the police"));
        CliAssert.Succeeded(await silo.RunAsync("release", city.Agent("sasha")));

        var route = await silo.RunAsync("statement", "route", id, "--json");
        CliAssert.Succeeded(route);
        string warnedAt;
        using (var json = JsonDocument.Parse(route.Stdout))
        {
            var mark = json.RootElement.GetProperty("quarantine");
            warnedAt = mark.GetProperty("warnedAt").GetString()!;
            Assert.Equal(city.Distribution, mark.GetProperty("heldBy").GetString());
            Assert.False(json.RootElement.GetProperty("delivered").GetBoolean());
        }
        var text = await silo.RunAsync("statement", "route", id);
        CliAssert.Contains($"quarantined: held at {city.Distribution}", text.Stdout, text);

        var inbox = await silo.RunAsync("inbox", city.Committee, "--json");
        CliAssert.Succeeded(inbox);
        using (var json = JsonDocument.Parse(inbox.Stdout))
        {
            var row = Assert.Single(json.RootElement.EnumerateArray(), e => e.GetProperty("statement").GetProperty("id").GetString() == id);
            Assert.True(row.GetProperty("quarantined").GetBoolean());
            Assert.Equal(warnedAt, row.GetProperty("warnedAt").GetString());
        }
        var inboxText = await silo.RunAsync("inbox", city.Committee);
        CliAssert.Contains($"quarantined on the way to {city.Committee}: 1 statement(s) held for review", inboxText.Stdout, inboxText);
        // The committee's secretary, with its own credential, reads the same view (not only the operator).
        var secretary = Path.Combine(_folder, "secretary.credential");
        CliAssert.Succeeded(await silo.RunAsync("credentials", "issue", city.Agent("sec"), "--out", secretary));
        var bySecretary = await silo.RunAsync("inbox", city.Committee, "--credential", secretary);
        CliAssert.Contains($"quarantined on the way to {city.Committee}: 1 statement(s) held for review", bySecretary.Stdout, bySecretary);

        CliAssert.Succeeded(await silo.RunAsync("clear", city.Agent("kolya")));
        var delivered = await Infrastructure.Poll.UntilAsync(() => silo.RunAsync("statement", "route", id, "--json"),
            run => run.ExitCode != 0 || JsonDocument.Parse(run.Stdout).RootElement.GetProperty("delivered").GetBoolean(),
            TimeSpan.FromSeconds(60), $"statement {id} delivered after the clear");
        CliAssert.Succeeded(delivered);
        using (var json = JsonDocument.Parse(delivered.Stdout))
            Assert.Equal(JsonValueKind.Null, json.RootElement.TryGetProperty("quarantine", out var q) ? q.ValueKind : JsonValueKind.Null);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
