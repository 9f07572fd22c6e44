using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Identity;
using OrgTasks.Leaflets;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>
/// Complete means every home: a cut-off group's homes stay pending, the group is a straggler with its reason, and when
/// it is back it delivers what it held, each home once, without a new issue. An officer may close a leaflet instead.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Letter")]
public sealed class PendingHomesTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task A_leaflet_to_a_cut_off_group_stays_pending_and_is_delivered_after_the_release_without_a_new_issue()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        await Client.ArrestAllAsync([city.A("o1"), city.A("o2")]);

        var id = await Client.IssueLeafletAsync(city.Committee, "Strike", "All out on Monday");
        var held = await HeldAsync(id, city.Open);
        Assert.False(held.Complete);
        Assert.Null(held.CompletedAt);
        Assert.Equal(2L * LifeCity.HomesPerRoute, held.HomesPending);
        var straggler = Assert.Single(held.Stragglers);
        Assert.Equal((city.Open, "cut off: no free member to carry routes"), (straggler.Unit, straggler.Reason));
        Assert.Empty(await OpenRecordsAsync(city, id));

        await Client.ReleaseAsync(city.A("o2"));

        var status = await Client.CompleteAsync(id);
        Assert.Equal((LifeCity.Homes, LifeCity.Homes, 0L), (status.HomesTotal, status.HomesReached, status.Duplicates));
        Assert.Empty(status.Stragglers);
        Assert.NotNull(status.SecondsTo100);
        var records = await OpenRecordsAsync(city, id);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal((LifeCity.HomesPerRoute, 0, city.A("o2")), (r.HomesReached, r.Duplicates, r.DeliveredBy)));
    }

    [Fact]
    public async Task A_group_without_a_contact_holds_its_homes_with_that_reason_until_an_alternate_is_free_again()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        // c4 and c5 are free and could carry every route, but nobody is left to take the leaflet from the unit above.
        await Client.ArrestAllAsync([city.A("c1"), city.A("c2"), city.A("c3")]);

        var id = await Client.IssueLeafletAsync(city.Committee, "Raid", "Keep going");
        var held = await HeldAsync(id, city.Strict);
        Assert.Equal("cut off: no contact", held.Stragglers.Single(s => s.Unit == city.Strict).Reason);
        Assert.Equal(3L + 3 * LifeCity.HomesPerRoute, held.HomesPending);

        await Client.ReleaseAsync(city.A("c2"));

        var status = await Client.CompleteAsync(id);
        Assert.Equal((LifeCity.Homes, 0L), (status.HomesReached, status.Duplicates));
    }

    [Fact]
    public async Task A_wait_for_a_leaflet_held_by_a_cut_off_group_ends_at_the_deadline_with_homes_pending()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        await Client.ArrestAllAsync([city.A("o1"), city.A("o2")]);

        var id = await Client.IssueLeafletAsync(city.Committee, "Tonight", "Before dawn", deadline: TimeSpan.FromSeconds(1));
        // The deadline is on the organization's clock, which the tests move.
        await HeldAsync(id, city.Open);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        LeafletStatus? last = null;
        await foreach (var status in Client.WatchCoverageAsync(id, TimeSpan.FromMilliseconds(50)))
        {
            last = status;
            if (status.DeadlinePassed) break;
        }
        Assert.True(last!.DeadlinePassed);
        Assert.False(last.Complete);
        Assert.Equal(2L * LifeCity.HomesPerRoute, last.HomesPending);
    }

    [Fact]
    public async Task An_officer_closes_a_held_leaflet_the_homes_never_reached_are_recorded_and_a_return_delivers_nothing()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        await Client.ArrestAllAsync([city.A("o1"), city.A("o2")]);
        var id = await Client.IssueLeafletAsync(city.Committee, "Old news", "Yesterday's call");
        await HeldAsync(id, city.Open);

        // A distributor is no officer; a free member of the issuing committee is.
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => Client.CloseLeafletAsync(id, "stale", Actor.Agent(city.A("c4"))));
        Assert.Contains("officer", refused.Message);
        await Assert.ThrowsAsync<InvalidRequestException>(() => Client.CloseLeafletAsync(id, " ", Actor.Agent(city.A("sec"))));

        var closed = await Client.CloseLeafletAsync(id, "the strike is over", Actor.Agent(city.A("sec")));
        Assert.False(closed.Complete);
        var closure = Assert.IsType<LeafletClosure>(closed.Closed);
        Assert.Equal(($"agent:{city.A("sec")}", "the strike is over", 2L * LifeCity.HomesPerRoute), (closure.By, closure.Reason, closure.HomesNeverReached));
        Assert.Equal([city.Open], closure.UnitsNeverReached.ToArray());
        Assert.Equal((closure.At, closure.Reason), Closing(await Client.CloseLeafletAsync(id, "again", Actor.Operator("test")))); // the first closing stands

        // Back after the closing, the group delivers a new leaflet but not the closed one.
        await Client.ReleaseAsync(city.A("o2"));
        var next = await Client.IssueLeafletAsync(city.Committee, "New", "Today's call", scope: city.Open);
        await Client.CompleteAsync(next);
        Assert.Empty(await OpenRecordsAsync(city, id));
        var after = await Client.GetLeafletStatusAsync(id);
        Assert.False(after.Complete);
        Assert.Equal((closure.At, closure.Reason), Closing(after));
        Assert.False(after.DeadlinePassed);
    }

    [Fact]
    public async Task A_complete_leaflet_cannot_be_closed()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var id = await Client.IssueLeafletAsync(city.Committee, "Done", "Every home");
        await Client.CompleteAsync(id);

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => Client.CloseLeafletAsync(id, "late"));
        Assert.Contains("complete", refused.Message);
    }

    private static (DateTimeOffset, string) Closing(LeafletStatus status) => (status.Closed!.At, status.Closed.Reason);

    private Task<LeafletStatus> HeldAsync(string id, string unit) =>
        Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id),
            s => s.UnitsComplete == s.UnitsTotal - 1 && s.Stragglers.Any(x => x.Unit == unit && x.Reason is not null),
            what: $"every unit but {unit} done and {unit} holding the leaflet");

    private async Task<List<OrgTasks.Grains.Durability.DeliveryRecord>> OpenRecordsAsync(LifeCity city, string id) =>
        (await fixture.Deliveries.LoadLeafletAsync(id)).Where(r => r.Route == city.A("o1") || r.Route == city.A("o2")).ToList();
}
