using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Life;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>Provocateur warnings: the suspect is suspended at once, what it wrote waits in quarantine, the warning
/// reaches the groups that know the suspect and no others.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Life")]
public sealed class WarningTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task A_suspended_agent_is_refused_and_its_statements_in_flight_wait_in_quarantine_until_cleared()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var suspect = city.A("c4");
        fixture.Blockade.Block(city.Factory, "AcceptStatements");
        var fromSuspect = new List<string>();
        var fromOthers = new List<string>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                fromSuspect.Add(await Client.SendStatementAsync(suspect, Addressee.Committee, $"suspect {i}"));
                fromOthers.Add(await Client.SendStatementAsync(city.A("c5"), Addressee.Committee, $"honest {i}"));
            }
            await Poll.UntilAsync(() => Client.HeldByAgentAsync(city.A("c1")), held => held.Count == 6, what: "six held by the contact");

            await Client.WarnAsync(suspect, "seen leaving the gendarmerie");
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Client.SendStatementAsync(suspect, Addressee.Committee, "let me explain"));
            Assert.Contains("suspended", refused.Message);
            var held = await Client.HeldByAgentAsync(city.A("c1"));
            Assert.All(held.Where(h => h.Statement.Author == suspect), h => Assert.True(h.Quarantined));
            Assert.All(held.Where(h => h.Statement.Author != suspect), h => Assert.False(h.Quarantined));
        }
        finally
        {
            fixture.Blockade.Lift(city.Factory, "AcceptStatements");
        }

        foreach (var id in fromOthers) await Client.DeliveredAsync(id);
        var stuck = await Client.HeldByAgentAsync(city.A("c1"));
        Assert.Equal(fromSuspect.Order(), stuck.Select(h => h.Statement.Id).Order());
        foreach (var id in fromSuspect) Assert.False((await Client.GetRouteAsync(id)).Delivered);

        await Client.ClearAsync(suspect);
        foreach (var id in fromSuspect) await Client.DeliveredAsync(id);
        var inbox = await Client.InboxCountsAsync(city.Committee);
        Assert.All(fromSuspect.Concat(fromOthers), id => Assert.Equal(1, inbox[id]));
        await Client.SendStatementAsync(suspect, Addressee.Committee, "cleared, writing again");
    }

    [Fact]
    public async Task The_warning_reaches_the_groups_that_know_the_suspect_and_no_others()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        // c1 is a member of the strict group and its contact to the factory: both know it.
        await Client.WarnAsync(city.A("c1"), "talks too much");

        foreach (var unit in new[] { city.Strict, city.Factory })
            Assert.Contains(await Client.GetNoticesAsync(unit), n => n.Kind == NoticeKind.Warning && n.About == city.A("c1"));
        foreach (var unit in new[] { city.Open, city.District, city.Circle, city.Committee })
            Assert.DoesNotContain(await Client.GetNoticesAsync(unit), n => n.Kind == NoticeKind.Warning);
        // A suspended contact is replaced like an arrested one.
        Assert.Equal(city.A("c2"), (await Client.UnitAsync(city.Strict)).Contact);
        Assert.Equal([city.A("c1")], (await Client.GetLifeAsync(city.Committee)).Suspended.ToArray());

        await Client.ClearAsync(city.A("c1"));
        Assert.Equal(city.A("c1"), (await Client.UnitAsync(city.Strict)).Contact);
        Assert.Contains(await Client.GetNoticesAsync(city.Strict), n => n.Kind == NoticeKind.WarningLifted);
    }

    [Fact]
    public async Task Only_the_committee_or_the_centre_may_warn_and_a_release_does_not_lift_a_warning()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var asMember = await Assert.ThrowsAsync<AccessDeniedException>(() => Client.As(OrgTasks.Identity.Actor.Agent(city.A("c5")), () =>
            Client.Grains.GetGrain<OrgTasks.Grains.IOrganizationGrain>(city.Spec.Name).Warn(city.A("c4"), "I do not like him")));
        Assert.Contains("only the committee or the centre", asMember.Message);

        await Client.As(OrgTasks.Identity.Actor.Agent(city.A("sec")), () =>
            Client.Grains.GetGrain<OrgTasks.Grains.IOrganizationGrain>(city.Spec.Name).Warn(city.A("c4"), "the secretary's warning"));
        await Assert.ThrowsAsync<InvalidRequestException>(() => Client.ReleaseAsync(city.A("c4")));
        await Assert.ThrowsAsync<InvalidRequestException>(() => Client.WarnAsync(city.A("c5"), "  "));
    }
}
