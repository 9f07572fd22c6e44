using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Life;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>Arrests: duties pass to alternates and candidates; nothing held is lost, nothing is doubled.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Life")]
public sealed class ArrestTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task An_arrested_contact_is_replaced_by_the_first_free_alternate_and_statements_flow_through_it()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var report = await Client.ArrestAsync(city.A("c1"));

        Assert.Contains($"{city.Strict}: contact {city.A("c1")} → {city.A("c2")}", report.Changes);
        Assert.Equal(city.A("c2"), (await Client.UnitAsync(city.Strict)).Contact);
        var id = await Client.SendStatementAsync(city.A("c4"), Addressee.Committee, "after the arrest");
        var route = await Client.DeliveredAsync(id);
        Assert.Contains(route.Hops, h => h.Holder == city.A("c2") && h.Role == HopRole.Contact);
        Assert.DoesNotContain(route.Hops, h => h.Holder == city.A("c1"));

        // Arresting again changes nothing, nor does applying the file again; the arrested agent can no longer act.
        Assert.True((await Client.ArrestAsync(city.A("c1"))).NothingChanged);
        Assert.True((await Client.ApplyAsync(city.Spec)).NothingChanged);
        Assert.Equal(city.A("c2"), (await Client.UnitAsync(city.Strict)).Contact);
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Client.SendStatementAsync(city.A("c1"), Addressee.Committee, "from the cell"));
        Assert.Contains("arrested", refused.Message);
    }

    [Fact]
    public async Task Statements_held_by_a_contact_arrested_mid_way_are_passed_on_by_the_replacement_exactly_once()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        fixture.Blockade.Block(city.Factory, "AcceptStatements");
        List<string> ids;
        try
        {
            ids = [];
            for (var i = 0; i < 20; i++)
                ids.Add(await Client.SendStatementAsync(city.A(i % 2 == 0 ? "c4" : "c5"), Addressee.Committee, $"report {i}"));
            await Poll.UntilAsync(() => Client.HeldByAgentAsync(city.A("c1")), held => held.Count == 20, what: "all 20 held by the contact c1");

            await Client.ArrestAsync(city.A("c1"));
            await Poll.UntilAsync(() => Client.HeldByAgentAsync(city.A("c2")), held => held.Count == 20, what: "all 20 taken over by c2");
            // The unit confirms to c1 only once c2 has stored them, so for a moment both hold them (the unit above
            // keeps one of each id); then c1 holds nothing.
            await Poll.UntilAsync(() => Client.HeldByAgentAsync(city.A("c1")), held => held.Count == 0, what: "c1 holding nothing");
        }
        finally
        {
            fixture.Blockade.Lift(city.Factory, "AcceptStatements");
        }

        foreach (var id in ids)
        {
            var route = await Client.DeliveredAsync(id);
            Assert.Equal(city.Committee, route.Where);
            Assert.Contains(route.Hops, h => h.Holder == city.A("c2"));
        }
        var inbox = await Client.InboxCountsAsync(city.Committee);
        Assert.All(ids, id => Assert.Equal(1, inbox[id]));
    }

    [Fact]
    public async Task A_route_of_a_distributor_arrested_mid_mobilization_passes_to_a_standby_alternate_and_every_home_gets_it_once()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var late = city.A("c4");
        fixture.Blockade.BlockDeliveries(late);
        string id;
        try
        {
            id = await Client.IssueLeafletAsync(city.Committee, "Strike", "All out on Monday");
            await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id),
                s => s.UnitsComplete == s.UnitsTotal - 1 && fixture.Blockade.Refused(late, "DeliverRoute") >= 1, what: "all but the strict group done");

            var report = await Client.ArrestAsync(late);
            Assert.Contains($"{city.Strict}: route of {late} → {city.A("c2")}", report.Changes);
        }
        finally
        {
            fixture.Blockade.LiftDeliveries(late);
        }

        var status = await Client.CompleteAsync(id);
        Assert.Equal((LifeCity.Homes, LifeCity.Homes, 0L), (status.HomesTotal, status.HomesReached, status.Duplicates));
        var record = Assert.Single(await fixture.Deliveries.LoadLeafletAsync(id), r => r.Route == late);
        Assert.Equal((LifeCity.HomesPerRoute, 0, city.A("c2")), (record.HomesReached, record.Duplicates, record.DeliveredBy));
    }

    [Fact]
    public async Task A_raid_mid_mobilization_on_a_contact_and_two_distributors_still_reaches_every_home_once()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var raided = new[] { city.A("c1"), city.A("c4"), city.A("o1") };
        foreach (var agent in raided) fixture.Blockade.BlockDeliveries(agent);
        string id;
        try
        {
            id = await Client.IssueLeafletAsync(city.Committee, "Raid", "Keep going");
            await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id),
                s => raided.All(a => fixture.Blockade.Refused(a, "DeliverRoute") >= 1), what: "the raided routes refused");
            var report = await Client.ArrestAllAsync(raided);
            Assert.Contains($"{city.Strict}: contact {city.A("c1")} → {city.A("c2")}", report.Changes);
            Assert.Equal(raided.Order(), (await Client.GetLifeAsync(city.Committee)).Arrested.Order());
        }
        finally
        {
            foreach (var agent in raided) fixture.Blockade.LiftDeliveries(agent);
        }

        var status = await Client.CompleteAsync(id);
        Assert.Equal((LifeCity.Homes, LifeCity.Homes, 0L), (status.HomesTotal, status.HomesReached, status.Duplicates));
        var records = await fixture.Deliveries.LoadLeafletAsync(id);
        Assert.All(records, r => Assert.Equal((r.HomesOnRoute, 0), (r.HomesReached, r.Duplicates)));
        Assert.All(records.Where(r => raided.Contains(r.Route)), r => Assert.DoesNotContain(r.DeliveredBy, raided));

        await Client.ReleaseAllAsync(raided);
        Assert.Empty((await Client.GetLifeAsync(city.Committee)).Arrested);
        Assert.Equal(city.A("c1"), (await Client.UnitAsync(city.Strict)).Contact);
    }

    [Fact]
    public async Task With_no_standby_left_an_arrested_route_is_shared_among_the_other_distributors()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        await Client.ArrestAsync(city.A("c2")); // the courier who would have taken it whole
        var report = await Client.ArrestAsync(city.A("c4"));
        Assert.Contains(report.Changes, c => c.Contains($"route of {city.A("c4")} shared among"));

        var shares = (await Client.UnitAsync(city.Strict)).Config.Shares.Where(s => s.Route == city.A("c4")).ToList();
        Assert.Equal(3, shares.Count);
        Assert.Equal(LifeCity.HomesPerRoute, shares.Sum(s => s.Count));
        Assert.Equal([city.A("c1"), city.A("c3"), city.A("c5")], shares.Select(s => s.Carrier).Order().ToArray());

        var id = await Client.IssueLeafletAsync(city.Committee, "Shared", "Carried by three");
        var status = await Client.CompleteAsync(id);
        Assert.Equal((LifeCity.Homes, 0L), (status.HomesReached, status.Duplicates));
        var record = Assert.Single(await fixture.Deliveries.LoadLeafletAsync(id), r => r.Route == city.A("c4"));
        Assert.Equal((LifeCity.HomesPerRoute, 0), (record.HomesReached, record.Duplicates));
    }

    [Fact]
    public async Task A_group_with_nobody_left_is_cut_off_and_the_committee_and_the_central_committee_are_told()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        foreach (var a in new[] { "o1", "o2" }) await Client.ArrestAsync(city.A(a));

        Assert.Contains(city.Open, (await Client.GetLifeAsync(city.Committee)).CutOff);
        Assert.True((await Client.UnitAsync(city.Open)).Config.CutOff);
        foreach (var told in new[] { city.Committee, city.CentralCommittee })
            Assert.Contains(await Client.GetNoticesAsync(told), n => n.Kind == NoticeKind.CutOff && n.About == city.Open);
        Assert.DoesNotContain(await Client.GetNoticesAsync(city.District), n => n.Kind == NoticeKind.CutOff);

        // The rest of the organization keeps working; the cut-off group's homes are the only ones missing.
        var id = await Client.IssueLeafletAsync(city.Committee, "Still here", "The work goes on", scope: city.Strict);
        Assert.Equal(0L, (await Client.CompleteAsync(id)).Duplicates);

        await Client.ReleaseAsync(city.A("o2"));
        Assert.DoesNotContain(city.Open, (await Client.GetLifeAsync(city.Committee)).CutOff);
        Assert.Equal(city.A("o2"), (await Client.UnitAsync(city.Open)).Contact);
        Assert.Contains(await Client.GetNoticesAsync(city.Committee), n => n.Kind == NoticeKind.Reestablished && n.About == city.Open);
    }

    [Fact]
    public async Task A_released_contact_takes_its_duties_back_and_what_the_alternate_held_is_handed_back()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        await Client.ArrestAsync(city.A("c1"));
        fixture.Blockade.Block(city.Factory, "AcceptStatements");
        string id;
        try
        {
            id = await Client.SendStatementAsync(city.A("c5"), Addressee.Committee, "while c2 carries");
            await Poll.UntilAsync(() => Client.HeldByAgentAsync(city.A("c2")), held => held.Count == 1, what: "held by c2");
            await Client.ReleaseAsync(city.A("c1"));
            Assert.Equal(city.A("c1"), (await Client.UnitAsync(city.Strict)).Contact);
            await Poll.UntilAsync(() => Client.HeldByAgentAsync(city.A("c1")), held => held.Count == 1, what: "handed back to c1");
        }
        finally
        {
            fixture.Blockade.Lift(city.Factory, "AcceptStatements");
        }
        await Client.DeliveredAsync(id);
        Assert.Equal(1, (await Client.InboxCountsAsync(city.Committee))[id]);
    }
}
