using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Leaflets;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

[Collection(ClusterCollection.Name)]
[Trait("Category", "Grains")]
public sealed class LeafletTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    private Task<LeafletStatus> Complete(string id) =>
        Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id), s => s.Complete, what: $"leaflet {id} complete");

    [Fact]
    public async Task Leaflet_to_a_three_district_city_reaches_every_home_exactly_once_and_the_status_is_exact()
    {
        var city = TestCity.Create(districts: 3, homesPerAgent: 7);
        await Client.ApplyAsync(city.Spec);

        var id = await Client.IssueLeafletAsync(city.Committee, "May Day", "To the workers of all factories!");
        var status = await Complete(id);

        const long homes = 3 * 2 * 3 * 7;
        Assert.Equal(homes, status.HomesTotal);
        Assert.Equal(homes, status.HomesReached);
        Assert.Equal(0, status.Duplicates);
        Assert.Empty(status.Stragglers);
        Assert.Equal(3, status.Districts.Count);
        Assert.All(status.Districts, d => Assert.Equal((city.HomesPerDistrict, city.HomesPerDistrict, true), (d.HomesTotal, d.HomesReached, d.Complete)));
        Assert.Equal(city.DistrictContact(2), status.Districts.Single(d => d.Unit == city.District(2)).Contact);
        Assert.Equal(3, status.Factories.Count);
        Assert.All(status.Factories, f => Assert.Equal(city.HomesPerDistrict, f.HomesReached));
        Assert.Equal(6, status.UnitsTotal);
        Assert.Equal(6, status.UnitsComplete);
        Assert.NotNull(status.SecondsTo50);
        Assert.NotNull(status.SecondsTo100);
        Assert.True(status.SecondsTo50 <= status.SecondsTo100);

        // The effects, not the calls: every route's record has each home once, and nobody handed one out twice.
        var records = await fixture.Deliveries.LoadLeafletAsync(id);
        Assert.Equal(18, records.Count);
        Assert.All(records, r => Assert.Equal((7, 7, 0), (r.HomesOnRoute, r.HomesReached, r.Duplicates)));
    }

    [Fact]
    public async Task Leaflet_scoped_to_one_district_reaches_only_that_district()
    {
        var city = TestCity.Create(districts: 3);
        await Client.ApplyAsync(city.Spec);

        var id = await Client.IssueLeafletAsync(city.Committee, "Narva only", "District meeting tonight", scope: city.District(2));
        var status = await Complete(id);

        Assert.Equal(city.HomesPerDistrict, status.HomesTotal);
        Assert.Equal(city.HomesPerDistrict, status.HomesReached);
        Assert.Equal(city.District(2), status.Scope);
        Assert.Equal(city.District(2), Assert.Single(status.Districts).Unit);
        var records = await fixture.Deliveries.LoadLeafletAsync(id);
        Assert.Equal(6, records.Count);
        Assert.All(records, r => Assert.StartsWith($"{city.Prefix}-d2-", r.Route));
    }

    [Fact]
    public async Task A_unit_cannot_issue_to_a_scope_outside_its_subtree()
    {
        var city = TestCity.Create(districts: 2);
        await Client.ApplyAsync(city.Spec);

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            Client.IssueLeafletAsync(city.District(1), "poaching", "text", scope: city.District(2)));

        Assert.Contains("not in", refused.Message);
    }

    [Fact]
    public async Task A_distributor_who_cannot_be_reached_is_named_as_a_straggler_until_the_retry_gets_through()
    {
        var city = TestCity.Create(districts: 2);
        await Client.ApplyAsync(city.Spec);
        var late = city.Distributor(1, 2, 3);
        fixture.Blockade.BlockDeliveries(late);
        try
        {
            var id = await Client.IssueLeafletAsync(city.Committee, "Stragglers", "text");
            var partial = await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id),
                s => s.UnitsComplete == s.UnitsTotal - 1 && fixture.Blockade.Refused(late, "DeliverRoute") >= 2, what: "all but one group done");

            Assert.False(partial.Complete);
            var straggler = Assert.Single(partial.Stragglers);
            Assert.Equal(city.Group(1, 2), straggler.Unit);
            Assert.Equal(city.Distributor(1, 2, 1), straggler.Contact);
            Assert.Equal(partial.HomesTotal - 3 * 5, partial.HomesReached);
            Assert.False(partial.Districts.Single(d => d.Unit == city.District(1)).Complete);
            Assert.True(partial.Districts.Single(d => d.Unit == city.District(2)).Complete);

            fixture.Blockade.LiftDeliveries(late);
            var done = await Complete(id);
            Assert.Equal(done.HomesTotal, done.HomesReached);
            Assert.Equal(0, done.Duplicates);
        }
        finally
        {
            fixture.Blockade.LiftDeliveries(late);
        }
    }

    [Fact]
    public async Task Issuing_the_same_leaflet_id_twice_delivers_once()
    {
        var city = TestCity.Create(districts: 1);
        await Client.ApplyAsync(city.Spec);
        var draft = new LeafletDraft { Id = OrgTasks.Ids.NewLeafletId(), Title = "Once", Text = "only once" };
        var committee = fixture.Cluster.Client.GetGrain<OrgTasks.Grains.ICommitteeGrain>(city.Committee);

        await Client.As(null, () => committee.IssueLeaflet(draft));
        await Complete(draft.Id);
        await Client.As(null, () => committee.IssueLeaflet(draft));
        var status = await Complete(draft.Id);

        Assert.Equal(status.HomesTotal, status.HomesReached);
        var records = await fixture.Deliveries.LoadLeafletAsync(draft.Id);
        Assert.All(records, r => Assert.Equal(0, r.Duplicates));
        Assert.Equal(status.HomesTotal, records.Sum(r => r.HomesReached));
    }

    [Fact]
    public async Task A_group_passes_a_leaflet_only_from_its_parent()
    {
        var city = TestCity.Create(districts: 2);
        await Client.ApplyAsync(city.Spec);
        var leaflet = new Leaflet
        {
            Id = OrgTasks.Ids.NewLeafletId(), Issuer = city.District(1), Scope = city.District(1), Title = "t", Text = "x", IssuedAt = DateTimeOffset.UtcNow,
        };
        await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.InsideAs(OrgTasks.Identity.Actor.Unit(city.District(1)),
            grains => grains.GetGrain<OrgTasks.Grains.IGroupGrain>(city.Factory(2)).ReceiveLeaflet(leaflet)));
    }

    [Fact]
    public async Task An_agent_listed_in_no_unit_has_its_route_served_by_the_committee()
    {
        var city = TestCity.Create(districts: 1, homesPerAgent: 2);
        var stray = new OrgTasks.Organization.AgentSpec($"{city.Prefix}-stray", ["Obvodny canal 7"], 3);
        var spec = new OrgTasks.Organization.OrganizationSpec
        {
            Name = city.Spec.Name, Centre = city.Spec.Centre, Committee = city.Spec.Committee, Groups = city.Spec.Groups,
            Agents = [.. city.Spec.Agents, stray],
        };
        await Client.ApplyAsync(spec);

        var id = await Client.IssueLeafletAsync(city.Committee, "Everyone", "text");
        var status = await Complete(id);

        Assert.Equal(2 * 3 * 2 + 4, status.HomesTotal);
        Assert.Equal(status.HomesTotal, status.HomesReached);
        var record = await fixture.Deliveries.FindAsync(id, stray.Id);
        Assert.Equal(4, record!.HomesReached);
    }

    [Fact]
    public async Task A_unit_that_lost_its_activation_mid_leaflet_is_resumed_by_the_trackers_reminder()
    {
        var city = TestCity.Create(districts: 2);
        await Client.ApplyAsync(city.Spec);
        var late = city.Distributor(2, 1, 2);
        fixture.Blockade.BlockDeliveries(late);
        try
        {
            var id = await Client.IssueLeafletAsync(city.Committee, "Resume", "text");
            await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id),
                s => s.UnitsComplete == s.UnitsTotal - 1 && fixture.Blockade.Refused(late, "DeliverRoute") >= 1, what: "one group left");

            // The group's activation goes away with its memory of the leaflet; its parent still waits for its report.
            await fixture.Cluster.DeactivateAsync(fixture.Cluster.Client.GetGrain<OrgTasks.Grains.IGroupGrain>(city.Group(2, 1)));
            fixture.Blockade.LiftDeliveries(late);

            // Nobody calls the group: only the tracker's reminder, re-sending down the tree, can wake it.
            var done = await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id), s => s.Complete,
                timeout: TimeSpan.FromSeconds(60), what: "resumed to completion");
            Assert.Equal(done.HomesTotal, done.HomesReached);
            Assert.Equal(0, done.Duplicates);
            var records = await fixture.Deliveries.LoadLeafletAsync(id);
            Assert.Equal(done.HomesTotal, records.Sum(r => r.HomesReached));
            Assert.All(records, r => Assert.Equal(0, r.Duplicates));
        }
        finally
        {
            fixture.Blockade.LiftDeliveries(late);
        }
    }

    [Fact]
    public async Task A_scope_whose_report_to_the_tracker_fails_retries_it_while_the_picture_shows_every_home_reached()
    {
        var city = TestCity.Create(districts: 2);
        await Client.ApplyAsync(city.Spec);
        var draft = new LeafletDraft { Id = OrgTasks.Ids.NewLeafletId(), Title = "Exact", Text = "text" };
        fixture.Blockade.Block(draft.Id, "ReportComplete");
        try
        {
            var committee = fixture.Cluster.Client.GetGrain<OrgTasks.Grains.ICommitteeGrain>(city.Committee);
            await Client.As(null, () => committee.IssueLeaflet(draft));
            await Poll.UntilAsync(() => Task.FromResult(fixture.Blockade.Refused(draft.Id, "ReportComplete")), n => n >= 2, what: "the scope's report refused and retried");

            // The picture comes from the delivery records; "complete" only from the tree reduction at the top.
            var meanwhile = await Client.GetLeafletStatusAsync(draft.Id);
            Assert.False(meanwhile.Complete);
            Assert.Equal(meanwhile.HomesTotal, meanwhile.HomesReached);
            Assert.Empty(meanwhile.Stragglers);

            fixture.Blockade.Lift(draft.Id, "ReportComplete");
            var done = await Complete(draft.Id);
            Assert.Equal(done.HomesTotal, done.HomesReached);
            Assert.Empty(done.Stragglers);
        }
        finally
        {
            fixture.Blockade.Lift(draft.Id, "ReportComplete");
        }
    }
}
