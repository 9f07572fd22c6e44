using System.Text.Json;
using OrgTasks.Identity;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.EndToEnd;

/// <summary>Credentials and the audit trail through real orgtasks processes against a silo process.</summary>
[Trait("Category", "Security")]
[Collection(SiloProcessCollection.Name)]
public sealed class SecurityCommandTests(SiloProcessFixture silo) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-security-").FullName;

    [Fact]
    public async Task The_operator_issues_a_credential_that_acts_as_its_agent_only_and_a_revocation_ends_it()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);
        var file = Path.Combine(_folder, "kolya.credential");

        var issued = await silo.RunAsync("credentials", "issue", city.Agent("kolya"), "--ttl", "2d", "--out", file, "--json");
        CliAssert.Succeeded(issued);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        string id;
        using (var json = JsonDocument.Parse(issued.Stdout))
        {
            id = json.RootElement.GetProperty("id").GetString()!;
            Assert.Equal(city.Agent("kolya"), json.RootElement.GetProperty("subject").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("token").ValueKind); // written to the file, not printed
        }

        // kolya reads its own group, as its secrecy degree allows; it sends as itself and only as itself.
        CliAssert.Succeeded(await silo.RunAsync("group", "show", city.Distribution, "--credential", file));
        CliAssert.Succeeded(await silo.RunAsync("statement", "send", "--from", city.Agent("kolya"), "--to", "committee", "--text", "from kolya", "--credential", file));
        CliAssert.FailedCleanly(await silo.RunAsync("statement", "send", "--from", city.Agent("olya"), "--to", "committee", "--text", "forged", "--credential", file),
            4, $"agent:{city.Agent("kolya")} may not act as agent '{city.Agent("olya")}'");
        CliAssert.FailedCleanly(await silo.RunAsync("inbox", city.Distribution, "--credential", file), 4,
            $"agent:{city.Agent("kolya")} may not read the inbox of {city.Distribution}: only its officers may");
        CliAssert.FailedCleanly(await silo.RunAsync("arrest", city.Agent("olya"), "--credential", file), 4, $"agent:{city.Agent("kolya")} may not");

        var listed = await silo.RunAsync("credentials", "list", "--json");
        CliAssert.Succeeded(listed);
        Assert.Contains(id, listed.Stdout);
        Assert.DoesNotContain(File.ReadAllText(file).Trim(), listed.Stdout);

        CliAssert.Succeeded(await silo.RunAsync("credentials", "revoke", city.Agent("kolya")));
        CliAssert.FailedCleanly(await silo.RunAsync("group", "show", city.Distribution, "--credential", file), 4, $"the credential {id} was revoked");

        var audit = await silo.RunAsync("audit", "--json", "--since", "1h", "--actor", "local");
        CliAssert.Succeeded(audit);
        using var lines = JsonDocument.Parse(audit.Stdout);
        var actions = lines.RootElement.EnumerateArray().Select(l => (l.GetProperty("action").GetString(), l.GetProperty("target").GetString())).ToList();
        Assert.Contains(("credential.issue", city.Agent("kolya")), actions);
        Assert.Contains(("credential.revoke", city.Agent("kolya")), actions);
        Assert.Contains(("apply", city.Organization), actions);
    }

    [Fact]
    public async Task A_command_without_a_credential_is_not_allowed_and_says_how_to_get_one()
    {
        var missing = Path.Combine(_folder, "nothing-here");
        var run = await OrgTasksProcess.RunAsync(["org", "show", "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId],
            environment: new Dictionary<string, string> { ["ORGTASKS_CREDENTIAL"] = missing });
        CliAssert.FailedCleanly(run, 4, $"no credential at {missing}");

        var garbage = Path.Combine(_folder, "garbage.credential");
        await File.WriteAllTextAsync(garbage, "not.a.token");
        CliAssert.FailedCleanly(await silo.RunAsync("org", "show", "--credential", garbage), 4, "not a signed token");
    }

    [Fact]
    public async Task An_operators_credential_signed_with_the_key_file_alone_is_accepted_and_refusals_show_in_the_audit()
    {
        var keys = Path.Combine(TestIdentity.ConfigFolder, OrgTasksConfigFolder.SigningKeysFileName);
        var file = Path.Combine(_folder, "ops.credential");
        CliAssert.Succeeded(await OrgTasksProcess.RunAsync(["credentials", "issue", "--operator", "ops", "--signing-keys", keys, "--out", file]));
        CliAssert.Succeeded(await silo.RunAsync("org", "show", "--credential", file));

        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);
        var kolya = Path.Combine(_folder, "k.credential");
        CliAssert.Succeeded(await silo.RunAsync("credentials", "issue", city.Agent("kolya"), "--out", kolya));
        for (var i = 0; i < 3; i++) CliAssert.FailedCleanly(await silo.RunAsync("inbox", city.Distribution, "--credential", kolya), 4, "may not");

        var audit = await silo.RunAsync("audit", "--actor", city.Agent("kolya"), "--json", "--credential", file);
        CliAssert.Succeeded(audit);
        using var lines = JsonDocument.Parse(audit.Stdout);
        var refused = lines.RootElement.EnumerateArray().Where(l => l.GetProperty("action").GetString() == "refused").ToList();
        Assert.Equal(3, refused.Sum(l => l.GetProperty("count").GetInt32()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
