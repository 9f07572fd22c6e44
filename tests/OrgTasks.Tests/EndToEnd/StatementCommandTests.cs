using System.Text.Json;
using System.Text.RegularExpressions;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.EndToEnd;

[Collection(SiloProcessCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class StatementCommandTests(SiloProcessFixture silo)
{
    private static readonly Regex StatementId = new("^s-[0-9a-f]{16}$");

    [Fact]
    public async Task Sent_statement_travels_through_the_contacts_to_the_committee_inbox()
    {
        await silo.SampleAppliedAsync();

        // kolya is a distributor three groups below the committee: the statement must pass sasha, vanya and petya.
        var sent = await silo.RunAsync("statement", "send", "--from", "kolya", "--to", "committee",
            "--text", "Putilov: the night shift asks for more leaflets", "--kind", "request");
        CliAssert.Succeeded(sent);
        var id = sent.LastLine;
        Assert.Matches(StatementId, id);

        var delivered = await Poll.UntilAsync(
            () => silo.RunAsync("statement", "route", id, "--json"),
            run => run.ExitCode != 0 || JsonDocument.Parse(run.Stdout).RootElement.GetProperty("delivered").GetBoolean(),
            TimeSpan.FromSeconds(60), $"statement {id} to be delivered");
        CliAssert.Succeeded(delivered);
        using (var route = JsonDocument.Parse(delivered.Stdout))
        {
            Assert.Equal("spb", route.RootElement.GetProperty("where").GetString());
            var holders = route.RootElement.GetProperty("hops").EnumerateArray().Select(h => h.GetProperty("holder").GetString()).ToList();
            Assert.Equal(["spb/narva/putilov/dist-1", "sasha", "spb/narva/putilov", "vanya", "spb/narva", "petya", "spb"], holders);
        }

        var text = await silo.RunAsync("statement", "route", id);
        CliAssert.Succeeded(text);
        CliAssert.Contains("delivered: in the inbox of spb", text.Stdout, text);
        Assert.DoesNotContain("BREACH", text.Stdout);

        var inbox = await silo.RunAsync("inbox", "spb", "--limit", "1000");
        CliAssert.Succeeded(inbox);
        Assert.Single(inbox.StdoutLines, line => line.Contains(id, StringComparison.Ordinal) && line.Contains("kolya", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Statement_from_someone_outside_the_organization_is_refused_cleanly()
    {
        await silo.SampleAppliedAsync();

        var run = await silo.RunAsync("statement", "send", "--from", "okhrana-spy", "--to", "committee", "--text", "let me in");

        CliAssert.FailedCleanly(run, 1, "okhrana-spy");
        Assert.Empty(run.StdoutLines);
    }

    [Fact]
    public async Task Statement_from_a_candidate_who_is_no_member_is_refused_cleanly()
    {
        await silo.SampleAppliedAsync();

        // masha is one of the committee's candidates and sits in no unit: she is in the organization but no member.
        var run = await silo.RunAsync("statement", "send", "--from", "masha", "--to", "committee", "--text", "may I?");

        CliAssert.FailedCleanly(run, 4, "not a member");
        Assert.Empty(run.StdoutLines);
    }

    [Fact]
    public async Task Unknown_addressee_is_a_usage_error_naming_the_choices()
    {
        var run = await OrgTasksProcess.RunAsync("statement", "send", "--from", "kolya", "--to", "tsar", "--text", "x");

        CliAssert.FailedCleanly(run, 1, "tsar");
        CliAssert.Contains("central-committee", run.Stderr, run);
    }

    [Fact]
    public async Task Breaches_list_is_clean_JSON_when_nothing_is_held_too_long()
    {
        await silo.SampleAppliedAsync();

        var run = await silo.RunAsync("breaches", "--json");

        CliAssert.Succeeded(run);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
    }
}
