using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Identity;
using OrgTasks.Life;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>
/// A quarantined statement is visible as such (route, the addressee's view, the committee's notice) with the warning's
/// date, and the suspect never reads the warning about itself.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Letter")]
public sealed class QuarantineTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task A_quarantined_statement_shows_quarantined_with_the_warnings_date_and_the_committee_is_told()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var suspect = city.A("c4");
        string id;
        DateTimeOffset warnedAt;
        fixture.Blockade.Block(city.Factory, "AcceptStatements");
        try
        {
            id = await Client.SendStatementAsync(suspect, Addressee.Committee, "all is quiet");
            await Poll.UntilAsync(() => Client.HeldByAgentAsync(city.A("c1")), held => held.Count == 1, what: "held by the contact");
            fixture.Clock.Advance(TimeSpan.FromMinutes(3)); // the warning comes later than the statement
            warnedAt = fixture.Clock.GetUtcNow();
            await Client.WarnAsync(suspect, "seen leaving the gendarmerie");
        }
        finally
        {
            fixture.Blockade.Lift(city.Factory, "AcceptStatements");
        }

        var route = await Client.GetRouteAsync(id);
        Assert.False(route.Delivered);
        var mark = Assert.IsType<QuarantineMark>(route.Quarantine);
        Assert.Equal((warnedAt, city.A("c1")), (mark.WarnedAt, mark.HeldBy));
        var quarantined = Assert.Single(await Client.GetQuarantinedAsync(city.Committee));
        Assert.Equal((id, warnedAt), (quarantined.Statement.Id, quarantined.Quarantine.WarnedAt));
        Assert.Empty(await Client.GetQuarantinedAsync(city.CentralCommittee));
        // The committee's officers read it as they read its inbox, with their own credentials; a member may not.
        var secretary = new OrgTasksClient(fixture.Cluster.Client, TestIdentity.Agent(city.A("sec"), city.Spec.Name));
        Assert.Equal(id, Assert.Single(await secretary.GetQuarantinedAsync(city.Committee)).Statement.Id);
        var member = new OrgTasksClient(fixture.Cluster.Client, TestIdentity.Agent(city.A("c5"), city.Spec.Name));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            member.As(null, () => member.Grains.GetGrain<OrgTasks.Grains.IStatementLedgerGrain>(0).GetQuarantined(city.Committee)));
        var notice = Assert.Single(await Client.GetNoticesAsync(city.Committee), n => n.Kind == NoticeKind.Quarantine);
        Assert.Equal((suspect, warnedAt), (notice.About, notice.At));
        Assert.Equal(warnedAt, (await Client.GetLifeAsync(city.Committee)).WarnedAt[suspect]);

        // A second warning keeps the first date.
        await Client.WarnAsync(suspect, "and again");
        Assert.Equal(warnedAt, (await Client.GetRouteAsync(id)).Quarantine!.WarnedAt);

        await Client.ClearAsync(suspect);
        var delivered = await Client.DeliveredAsync(id);
        Assert.Null(delivered.Quarantine);
        Assert.Empty(await Client.GetQuarantinedAsync(city.Committee));
        Assert.False((await Client.GetLifeAsync(city.Committee)).WarnedAt.ContainsKey(suspect));
    }

    [Fact]
    public async Task The_suspect_never_reads_the_warning_about_itself_not_before_and_not_after_a_clear()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var suspect = city.A("c4");
        await Client.WarnAsync(suspect, "talks to the police");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Client.GetNoticesAsync(city.Strict, Actor.Agent(suspect)));
        Assert.Contains(await Client.GetNoticesAsync(city.Strict, Actor.Agent(city.A("c5"))), n => n.Kind == NoticeKind.Warning && n.About == suspect);

        await Client.ClearAsync(suspect);
        var own = await Client.GetNoticesAsync(city.Strict, Actor.Agent(suspect));
        Assert.DoesNotContain(own, n => n.About == suspect);
        var others = await Client.GetNoticesAsync(city.Strict, Actor.Agent(city.A("c5")));
        Assert.Contains(others, n => n.Kind == NoticeKind.Warning && n.About == suspect);
        Assert.Contains(others, n => n.Kind == NoticeKind.WarningLifted && n.About == suspect);
    }

    [Fact]
    public async Task A_committee_member_under_warning_never_reads_the_committees_quarantine_notice_about_itself()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var suspect = city.A("agi");
        await Client.WarnAsync(suspect, "careless with names");
        await Client.ClearAsync(suspect);

        Assert.DoesNotContain(await Client.GetNoticesAsync(city.Committee, Actor.Agent(suspect)), n => n.About == suspect);
        Assert.Contains(await Client.GetNoticesAsync(city.Committee, Actor.Agent(city.A("prt"))), n => n.Kind == NoticeKind.Quarantine && n.About == suspect);
    }
}
