using OrgTasks.Audit;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Tests.Security;

/// <summary>Refused calls and acts too frequent for a line each are counted per actor and minute, each kind within a budget of its own.</summary>
[Trait("Category", "Security")]
public sealed class RefusalTallyTests
{
    [Fact]
    public void Acts_done_in_many_agents_names_do_not_fold_the_same_minutes_refusals_into_one_line()
    {
        var tally = new RefusalTally(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow)); // one minute, whatever the wall clock does
        for (var i = 0; i < RefusalTally.BucketsPerMinute + 50; i++)
            tally.NoteDone($"operator:load as agent:a{i}", "statement.send", $"a{i}", "statements written in the agent's name");

        tally.Note("agent:belov", "IUnitGrain.GetInbox", "msk", "may not read the inbox");
        tally.Note("agent:belov", "IUnitGrain.GetInbox", "msk", "may not read the inbox");

        var lines = tally.Drain(all: true);
        var refused = Assert.Single(lines, l => l.Outcome == AuditOutcome.Refused);
        Assert.Equal(("agent:belov", 2), (refused.Actor, refused.Count));
        Assert.StartsWith("IUnitGrain.GetInbox", refused.Target);
        var done = lines.Where(l => l.Outcome == AuditOutcome.Done).ToList();
        Assert.Equal(RefusalTally.BucketsPerMinute + 1, done.Count); // past the budget, one line counts the rest
        Assert.Equal(50, Assert.Single(done, l => l.Actor == "(many actors)").Count);
        Assert.Empty(tally.Drain(all: true));
    }
}
