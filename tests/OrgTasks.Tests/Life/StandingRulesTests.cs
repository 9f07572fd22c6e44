using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains.Organization;
using OrgTasks.Life;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>
/// Arrests and warnings are separate facts under one rule (<see cref="StandingRules"/>): the warning is the stronger
/// state, a release ends only an arrest, a clear only a warning, and a raid follows the same rule as a single command.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Life")]
public sealed class StandingRulesTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    public enum Start { Free, Arrested, Suspended, ArrestedAndSuspended }

    [Theory]
    [InlineData(Start.Free, StandingEvent.Arrest, StandingOutcome.Changed, Start.Arrested)]
    [InlineData(Start.Arrested, StandingEvent.Arrest, StandingOutcome.Unchanged, Start.Arrested)]
    [InlineData(Start.Suspended, StandingEvent.Arrest, StandingOutcome.Changed, Start.ArrestedAndSuspended)]
    [InlineData(Start.ArrestedAndSuspended, StandingEvent.Arrest, StandingOutcome.Unchanged, Start.ArrestedAndSuspended)]
    [InlineData(Start.Free, StandingEvent.Release, StandingOutcome.Unchanged, Start.Free)]
    [InlineData(Start.Arrested, StandingEvent.Release, StandingOutcome.Changed, Start.Free)]
    [InlineData(Start.Suspended, StandingEvent.Release, StandingOutcome.Refused, Start.Suspended)]
    [InlineData(Start.ArrestedAndSuspended, StandingEvent.Release, StandingOutcome.Changed, Start.Suspended)]
    [InlineData(Start.Free, StandingEvent.Warn, StandingOutcome.Changed, Start.Suspended)]
    [InlineData(Start.Arrested, StandingEvent.Warn, StandingOutcome.Changed, Start.ArrestedAndSuspended)]
    [InlineData(Start.Suspended, StandingEvent.Warn, StandingOutcome.Unchanged, Start.Suspended)]
    [InlineData(Start.ArrestedAndSuspended, StandingEvent.Warn, StandingOutcome.Unchanged, Start.ArrestedAndSuspended)]
    [InlineData(Start.Free, StandingEvent.Clear, StandingOutcome.Refused, Start.Free)]
    [InlineData(Start.Arrested, StandingEvent.Clear, StandingOutcome.Refused, Start.Arrested)]
    [InlineData(Start.Suspended, StandingEvent.Clear, StandingOutcome.Changed, Start.Free)]
    [InlineData(Start.ArrestedAndSuspended, StandingEvent.Clear, StandingOutcome.Changed, Start.Arrested)]
    public void Each_event_on_each_standing_has_one_outcome(Start start, StandingEvent @event, StandingOutcome expected, Start end)
    {
        var life = Life(start);
        var outcome = StandingRules.Apply(life, "kolya", @event, "seen at the gendarmerie", out var refusal);

        Assert.Equal(expected, outcome);
        Assert.Equal(end, Of(life));
        Assert.Equal(outcome == StandingOutcome.Refused, refusal.Length > 0);
        // The reason is kept exactly while a warning stands.
        Assert.Equal(end is Start.Suspended or Start.ArrestedAndSuspended, life.WarningReasons.ContainsKey("kolya"));
    }

    [Fact]
    public async Task Arresting_a_suspect_keeps_its_statements_in_quarantine_and_clearing_an_arrested_agent_leaves_it_arrested()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var suspect = city.A("c4");
        var other = city.A("c5");
        List<string> held;
        fixture.Blockade.Block(city.Factory, "AcceptStatements");
        try
        {
            held = [await Client.SendStatementAsync(suspect, Addressee.Committee, "from the suspect")];
            await Poll.UntilAsync(() => Client.HeldByAgentAsync(city.A("c1")), h => h.Count == 1, what: "held by the contact");
            await Client.WarnAsync(suspect, "seen at the gendarmerie");

            // Arrested as well, by the raid and then alone: the quarantine stands, and the life shows both facts.
            await Client.ArrestAllAsync([suspect, other]);
            await Client.ArrestAsync(suspect);
            var life = await Client.GetLifeAsync(city.Committee);
            Assert.Equal(new[] { suspect, other }.Order(), life.Arrested.Order());
            Assert.Equal([suspect], life.Suspended.ToArray());
            Assert.All(await Client.HeldByAgentAsync(city.A("c1")), h => Assert.True(h.Quarantined));
        }
        finally
        {
            fixture.Blockade.Lift(city.Factory, "AcceptStatements");
        }

        // A raid release ends both arrests and passes over nothing; the suspect is still suspended, its statement held.
        await Client.ReleaseAllAsync([suspect, other]);
        var afterRelease = await Client.GetLifeAsync(city.Committee);
        Assert.Empty(afterRelease.Arrested);
        Assert.Equal([suspect], afterRelease.Suspended.ToArray());
        Assert.False((await Client.GetRouteAsync(held[0])).Delivered);
        // Held by a warning alone: a release is refused, a raid passes over it.
        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => Client.ReleaseAsync(suspect));
        Assert.Contains("lift it with clear", refused.Message);
        await Client.ReleaseAllAsync([suspect]);
        Assert.Equal([suspect], (await Client.GetLifeAsync(city.Committee)).Suspended.ToArray());

        // Cleared: free again, and the statement travels on once.
        await Client.ClearAsync(suspect);
        Assert.Empty((await Client.GetLifeAsync(city.Committee)).Suspended);
        await Client.DeliveredAsync(held[0]);
        Assert.Equal(1, (await Client.InboxCountsAsync(city.Committee))[held[0]]);

        // An arrested agent warned and then cleared is still arrested, and still refused.
        await Client.ArrestAsync(other);
        await Client.WarnAsync(other, "talked under arrest");
        await Client.ClearAsync(other);
        var cleared = await Client.GetLifeAsync(city.Committee);
        Assert.Equal([other], cleared.Arrested.ToArray());
        Assert.Empty(cleared.Suspended);
        var stillArrested = await Assert.ThrowsAsync<AccessDeniedException>(() => Client.SendStatementAsync(other, Addressee.Committee, "let me out"));
        Assert.Contains("arrested", stillArrested.Message);
    }

    private static OrganizationLife Life(Start start)
    {
        var life = new OrganizationLife();
        if (start is Start.Arrested) life.Standings["kolya"] = AgentStanding.Arrested;
        if (start is Start.Suspended or Start.ArrestedAndSuspended)
        {
            life.Standings["kolya"] = AgentStanding.Suspended;
            life.WarningReasons["kolya"] = "an earlier warning";
        }
        if (start is Start.ArrestedAndSuspended) life.ArrestedUnderWarning.Add("kolya");
        return life;
    }

    private static Start Of(OrganizationLife life) =>
        (life.Standings.GetValueOrDefault("kolya"), StandingRules.IsArrested(life, "kolya")) switch
        {
            (AgentStanding.Suspended, true) => Start.ArrestedAndSuspended,
            (AgentStanding.Suspended, false) => Start.Suspended,
            (AgentStanding.Arrested, _) => Start.Arrested,
            _ => Start.Free,
        };
}
