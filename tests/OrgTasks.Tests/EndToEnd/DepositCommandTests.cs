using System.Security.Cryptography;
using System.Text.Json;
using OrgTasks.Deposits;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.EndToEnd;

/// <summary>
/// The centre's key pair, sealed deposits and re-establishment, through real orgtasks processes: the private key stays
/// in a local file, deposits are opened by the command line, and a group lost to arrests works again.
/// </summary>
[Collection(SiloProcessCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class DepositCommandTests(SiloProcessFixture silo) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-deposits-").FullName;

    [Fact]
    public async Task A_group_whose_members_were_all_arrested_is_reestablished_from_its_deposit_and_works_again()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);
        var keys = Path.Combine(_folder, "keys");

        var made = await silo.RunAsync("centre", "keys", "--out", keys, "--organization", city.Organization, "--json");
        CliAssert.Succeeded(made);
        string keyId;
        using (var json = JsonDocument.Parse(made.Stdout)) keyId = json.RootElement.GetProperty("keyId").GetString()!;
        var privateKey = Path.Combine(keys, "centre.key");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(privateKey));
        CliAssert.Contains("-----BEGIN PUBLIC KEY-----", await File.ReadAllTextAsync(Path.Combine(keys, "centre.pub")), made);

        // The group deposits once the key arrives; the summary says nothing of what is inside.
        var deposit = await Poll.UntilAsync(() => silo.RunAsync("deposits", city.Press, "--json"), run => run.ExitCode == 0,
            TimeSpan.FromSeconds(30), $"a deposit of {city.Press}");
        Assert.Equal(keyId, JsonDocument.Parse(deposit.Stdout).RootElement.GetProperty("keyId").GetString());
        Assert.DoesNotContain(city.Agent("dunya"), deposit.Stdout);
        Assert.DoesNotContain(city.PressAddresses[0], deposit.Stdout);

        var opened = await silo.RunAsync("deposits", city.Press, "--open", "--key", privateKey);
        CliAssert.Succeeded(opened);
        CliAssert.Contains(city.PressAddresses[0], opened.Stdout, opened);
        CliAssert.Contains(city.Agent("pavel"), opened.Stdout, opened);

        var arrested = await silo.RunAsync("arrest", city.Agent("dunya"), city.Agent("pavel"));
        CliAssert.Succeeded(arrested);
        CliAssert.Contains($"cut off: {city.Press}", arrested.Stdout, arrested);

        // The group deposits again as its composition changes; re-establishing takes the latest deposit only.
        var envoy = city.Agent("envoy");
        var again = await Poll.UntilAsync(() => silo.RunAsync("reestablish", city.Press, "--delegate", envoy, "--key", privateKey),
            run => run.ExitCode == 0 || !run.Stderr.Contains("the latest of", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), $"{city.Press} to be re-established");
        CliAssert.Succeeded(again);
        CliAssert.Contains($"{city.Press}: re-established with contact {envoy}", again.Stdout, again);
        CliAssert.Contains("cut off: none", again.Stdout, again);

        // Its leaflets flow again: every home of the group, once.
        var leaflet = await silo.RunAsync("leaflet", "issue", "--from", city.Committee, "--scope", city.Press, "--title", "After the arrests",
            "--text", "The press works again", "--wait", "--deadline", "5m");
        CliAssert.Succeeded(leaflet);
        var status = await silo.RunAsync("leaflet", "status", leaflet.LastLine, "--json");
        CliAssert.Succeeded(status);
        using (var json = JsonDocument.Parse(status.Stdout))
        {
            Assert.Equal(city.PressAddresses.Count + LifeCommandCity.PavelHomes, json.RootElement.GetProperty("homesTotal").GetInt64());
            Assert.Equal(json.RootElement.GetProperty("homesTotal").GetInt64(), json.RootElement.GetProperty("homesReached").GetInt64());
            Assert.Equal(0, json.RootElement.GetProperty("duplicates").GetInt64());
        }

        // And its statements: the delegate, now its contact, reaches the committee.
        var sent = await silo.RunAsync("statement", "send", "--from", envoy, "--to", "committee", "--text", "the press is re-established");
        CliAssert.Succeeded(sent);
        var id = sent.LastLine;
        await Poll.UntilAsync(() => silo.RunAsync("inbox", city.Committee, "--json"),
            run => run.ExitCode == 0 && JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray()
                .Any(e => e.GetProperty("statement").GetProperty("id").GetString() == id),
            TimeSpan.FromSeconds(60), $"statement {id} in the inbox of {city.Committee}");
    }

    [Fact]
    public async Task A_wrong_or_broken_key_file_gives_a_one_line_error()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);
        var keys = Path.Combine(_folder, "keys");
        CliAssert.Succeeded(await silo.RunAsync("centre", "keys", "--out", keys, "--organization", city.Organization));
        await Poll.UntilAsync(() => silo.RunAsync("deposits", city.Press), run => run.ExitCode == 0, TimeSpan.FromSeconds(30), $"a deposit of {city.Press}");

        var again = await silo.RunAsync("centre", "keys", "--out", keys, "--organization", city.Organization);
        CliAssert.FailedCleanly(again, 1, "a centre key is already there");

        // Another centre's key: the right format, the wrong key.
        var (otherPrivate, _) = DepositSeal.NewCentreKeys();
        var wrong = Path.Combine(_folder, "other.key");
        await File.WriteAllTextAsync(wrong, new string(PemEncoding.Write("PRIVATE KEY", otherPrivate)));
        var refused = await silo.RunAsync("deposits", city.Press, "--open", "--key", wrong);
        CliAssert.FailedCleanly(refused, 1, $"cannot open the deposit of '{city.Press}'");
        Assert.Empty(refused.StdoutLines);

        var reestablish = await silo.RunAsync("reestablish", city.Press, "--delegate", city.Agent("envoy"), "--key", wrong);
        CliAssert.FailedCleanly(reestablish, 1, wrong);

        var garbage = Path.Combine(_folder, "garbage.key");
        await File.WriteAllTextAsync(garbage, "not a key at all");
        CliAssert.FailedCleanly(await silo.RunAsync("deposits", city.Press, "--open", "--key", garbage), 1, "not a PEM file");

        CliAssert.FailedCleanly(await silo.RunAsync("deposits", city.Press, "--open", "--key", Path.Combine(keys, "centre.pub")), 1, "not a 'PRIVATE KEY'");
        CliAssert.FailedCleanly(await silo.RunAsync("deposits", city.Press, "--open", "--key", Path.Combine(_folder, "missing.key")), 1, "no such file");
        CliAssert.FailedCleanly(await silo.RunAsync("deposits", city.Agent("nowhere")), 1, $"no unit '{city.Agent("nowhere")}'");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
