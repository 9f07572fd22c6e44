using System.Text.Json;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.EndToEnd;

/// <summary>Arrests, warnings, co-optation and need-to-know, through real orgtasks processes against a silo process.</summary>
[Collection(SiloProcessCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class LifeCommandTests(SiloProcessFixture silo) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-life-").FullName;

    [Fact]
    public async Task Arresting_a_contact_hands_the_group_to_its_alternate_and_statements_still_reach_the_committee()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);

        var arrest = await silo.RunAsync("arrest", city.Agent("sasha"));
        CliAssert.Succeeded(arrest);
        CliAssert.Contains($"{city.Distribution}: contact {city.Agent("sasha")} → {city.Agent("olya")}", arrest.Stdout, arrest);
        CliAssert.Contains("cut off: none", arrest.Stdout, arrest);

        var group = await silo.RunAsync("group", "show", city.Distribution, "--json");
        CliAssert.Succeeded(group);
        using (var view = JsonDocument.Parse(group.Stdout))
            Assert.Equal(city.Agent("olya"), view.RootElement.GetProperty("contact").GetString());

        // kolya's statement now goes up through olya, the new contact, and arrives once.
        var sent = await silo.RunAsync("statement", "send", "--from", city.Agent("kolya"), "--to", "committee", "--text", "sasha was taken at dawn");
        CliAssert.Succeeded(sent);
        var id = sent.LastLine;
        var route = await Poll.UntilAsync(() => silo.RunAsync("statement", "route", id, "--json"),
            run => run.ExitCode != 0 || JsonDocument.Parse(run.Stdout).RootElement.GetProperty("delivered").GetBoolean(),
            TimeSpan.FromSeconds(60), $"statement {id} to be delivered");
        CliAssert.Succeeded(route);
        using (var json = JsonDocument.Parse(route.Stdout))
        {
            var holders = json.RootElement.GetProperty("hops").EnumerateArray().Select(h => h.GetProperty("holder").GetString()).ToList();
            Assert.Contains(city.Agent("olya"), holders);
            Assert.DoesNotContain(city.Agent("sasha"), holders);
        }
        var inbox = await silo.RunAsync("inbox", city.Committee, "--json");
        CliAssert.Succeeded(inbox);
        using (var entries = JsonDocument.Parse(inbox.Stdout))
            Assert.Single(entries.RootElement.EnumerateArray(), e => e.GetProperty("statement").GetProperty("id").GetString() == id);

        var life = await silo.RunAsync("life", city.Committee, "--json");
        CliAssert.Succeeded(life);
        using (var json = JsonDocument.Parse(life.Stdout))
            Assert.Equal([city.Agent("sasha")], json.RootElement.GetProperty("arrested").EnumerateArray().Select(a => a.GetString()));

        var release = await silo.RunAsync("release", city.Agent("sasha"));
        CliAssert.Succeeded(release);
        CliAssert.Contains($"released {city.Agent("sasha")}", release.Stdout, release);
    }

    [Fact]
    public async Task A_warned_suspect_is_refused_and_only_the_groups_that_know_the_suspect_are_told()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);
        var suspect = city.Agent("kolya");

        var warn = await silo.RunAsync("warn", "--suspect", suspect, "--reason", "seen at the gendarmes' office");
        CliAssert.Succeeded(warn);

        var refused = await silo.RunAsync("statement", "send", "--from", suspect, "--to", "committee", "--text", "let me in on the plans");
        CliAssert.FailedCleanly(refused, 4, $"agent:{suspect} is suspended");
        Assert.Empty(refused.StdoutLines);

        var told = await silo.RunAsync("notices", city.Distribution, "--json");
        CliAssert.Succeeded(told);
        using (var notices = JsonDocument.Parse(told.Stdout))
            Assert.Contains(notices.RootElement.EnumerateArray(), n => n.GetProperty("kind").GetString() == "warning"
                && n.GetProperty("about").GetString() == suspect);
        var elsewhere = await silo.RunAsync("notices", city.Press, "--json");
        CliAssert.Succeeded(elsewhere);
        using (var notices = JsonDocument.Parse(elsewhere.Stdout))
            Assert.DoesNotContain(notices.RootElement.EnumerateArray(), n => n.GetProperty("about").GetString() == suspect);

        CliAssert.Succeeded(await silo.RunAsync("clear", suspect));
        var again = await silo.RunAsync("statement", "send", "--from", suspect, "--to", "committee", "--text", "cleared after review");
        CliAssert.Succeeded(again);
    }

    [Fact]
    public async Task Co_optation_by_majority_takes_effect_at_the_fourth_yes_of_six_and_a_member_votes_once()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);
        var candidate = city.Agent("cand");

        var proposed = await silo.RunAsync("committee", "propose", candidate, "--function", "passports", "--committee", city.Committee);
        CliAssert.Succeeded(proposed);
        var proposal = proposed.LastLine;
        CliAssert.Contains("4 yes needed", proposed.Stdout, proposed);

        var voters = city.CommitteeMembers.Select(city.Agent).ToList();
        for (var i = 0; i < 3; i++)
        {
            var vote = await silo.RunAsync("committee", "vote", proposal, "--member", voters[i], "yes", "--committee", city.Committee, "--json");
            CliAssert.Succeeded(vote);
            using var json = JsonDocument.Parse(vote.Stdout);
            Assert.Equal("open", json.RootElement.GetProperty("outcome").GetString());
        }

        var twice = await silo.RunAsync("committee", "vote", proposal, "--member", voters[0], "no", "--committee", city.Committee);
        CliAssert.FailedCleanly(twice, 1, $"'{voters[0]}' has already voted on proposal '{proposal}'");

        var fourth = await silo.RunAsync("committee", "vote", proposal, "--member", voters[3], "yes", "--committee", city.Committee);
        CliAssert.Succeeded(fourth);
        CliAssert.Contains("accepted", fourth.Stdout, fourth);
        CliAssert.Contains($"{candidate} is now a member of {city.Committee} (passports)", fourth.Stdout, fourth);

        var show = await silo.RunAsync("committee", "show", city.Committee, "--json");
        CliAssert.Succeeded(show);
        using (var sheet = JsonDocument.Parse(show.Stdout))
        {
            var members = sheet.RootElement.GetProperty("members").EnumerateArray().ToList();
            Assert.Contains(members, m => m.GetProperty("agent").GetString() == candidate && m.GetProperty("function").GetString() == "passports");
            var votes = sheet.RootElement.GetProperty("proposals").EnumerateArray().Single(p => p.GetProperty("id").GetString() == proposal);
            Assert.Equal(4, votes.GetProperty("votes").EnumerateObject().Count());
        }
    }

    [Fact]
    public async Task A_member_of_a_strict_group_sees_only_the_contact_while_a_delegate_sees_everyone()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);

        var member = await silo.RunAsync("group", "show", city.Distribution, "--as", city.Agent("kolya"), "--json");
        CliAssert.Succeeded(member);
        using (var view = JsonDocument.Parse(member.Stdout))
        {
            Assert.Equal(new[] { city.Agent("sasha"), city.Agent("kolya") }.Order(), view.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetString()).Order());
            Assert.Equal(3, view.RootElement.GetProperty("memberCount").GetInt32());
        }

        var outsider = await silo.RunAsync("group", "show", city.Distribution, "--as", city.Agent("printer"));
        CliAssert.FailedCleanly(outsider, 4, $"agent:{city.Agent("printer")} may not see the composition of '{city.Distribution}'");

        CliAssert.Succeeded(await silo.RunAsync("delegate", city.Agent("printer"), "--to", city.Distribution));
        var delegated = await silo.RunAsync("group", "show", city.Distribution, "--as", city.Agent("printer"));
        CliAssert.Succeeded(delegated);
        CliAssert.Contains($"members: 3 — {city.Agent("sasha")}, {city.Agent("olya")}, {city.Agent("kolya")}", delegated.Stdout, delegated);
    }

    [Fact]
    public async Task A_member_of_an_unaware_group_sees_nothing_of_the_organization()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);

        var text = await silo.RunAsync("group", "show", city.Circle, "--as", city.Agent("alexei"));
        var json = await silo.RunAsync("group", "show", city.Circle, "--as", city.Agent("alexei"), "--json");

        CliAssert.Succeeded(text);
        CliAssert.Succeeded(json);
        Assert.DoesNotContain(city.Organization, text.Stdout);
        Assert.DoesNotContain(city.Organization, json.Stdout);
        using var view = JsonDocument.Parse(json.Stdout);
        Assert.Equal("", view.RootElement.GetProperty("organization").GetString());
        Assert.Equal("", view.RootElement.GetProperty("parent").GetString());
        // The operator's view of the same group does name them: the difference is the reader's, not the group's.
        var operatorView = await silo.RunAsync("group", "show", city.Circle);
        CliAssert.Contains($"of {city.Organization}, under {city.Committee}", operatorView.Stdout, operatorView);
    }

    [Fact]
    public async Task Bad_input_gives_one_line_errors_naming_what_is_wrong()
    {
        var city = LifeCommandCity.Create();
        await city.ApplyAsync(silo, _folder);
        await silo.SampleAppliedAsync(); // at least two organizations: a committee must then be named

        CliAssert.FailedCleanly(await silo.RunAsync("arrest", city.Agent("nobody")), 1, $"no agent '{city.Agent("nobody")}'");

        // One unknown name refuses the whole command before anyone is arrested.
        var mixed = await silo.RunAsync("arrest", city.Agent("olya"), city.Agent("ghost"));
        CliAssert.FailedCleanly(mixed, 1, city.Agent("ghost"));
        var life = await silo.RunAsync("life", city.Committee, "--json");
        using (var json = JsonDocument.Parse(life.Stdout))
            Assert.Empty(json.RootElement.GetProperty("arrested").EnumerateArray());

        var sixth = await silo.RunAsync("committee", "propose", city.Agent("finance"), "--executive", "--committee", city.Committee);
        CliAssert.FailedCleanly(sixth, 1, $"the executive of '{city.Committee}' has 5 member(s)");

        var unnamed = await silo.RunAsync("committee", "show");
        CliAssert.FailedCleanly(unnamed, 1, "name the committee with --committee");
        CliAssert.Contains($"{city.Committee} ({city.Organization})", unnamed.Stderr, unnamed);

        var notCommittee = await silo.RunAsync("committee", "show", city.District);
        CliAssert.FailedCleanly(notCommittee, 1, $"'{city.District}' is a district, not a committee");

        var noFunction = await silo.RunAsync("committee", "propose", city.Agent("cand"), "--committee", city.Committee);
        CliAssert.FailedCleanly(noFunction, 1, "--function");

        var badVote = await silo.RunAsync("committee", "vote", "p1", "--member", city.Agent("sec"), "maybe", "--committee", city.Committee);
        CliAssert.FailedCleanly(badVote, 1, "maybe");

        var noProposal = await silo.RunAsync("committee", "vote", "p99", "--member", city.Agent("sec"), "yes", "--committee", city.Committee);
        CliAssert.FailedCleanly(noProposal, 1, $"committee '{city.Committee}' has no proposal 'p99'");

        CliAssert.FailedCleanly(await silo.RunAsync("clear", city.Agent("olya")), 1, $"agent '{city.Agent("olya")}' is not under a warning");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
