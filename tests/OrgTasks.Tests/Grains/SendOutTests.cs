using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains;
using OrgTasks.Grains.Leaflets;
using OrgTasks.Identity;
using OrgTasks.Leaflets;
using OrgTasks.Plan;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

/// <summary>
/// A unit sends its distributors out one-way and learns from their delivery records, not from replies: what happens
/// when the one-way call is lost, and who may say that a route is delivered.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Grains")]
public sealed class SendOutTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    private RouteNotices Notices => fixture.SiloService<RouteNotices>();

    [Fact]
    public async Task A_lost_send_out_is_asked_again_and_every_home_gets_the_leaflet_once()
    {
        var city = TestCity.Create(districts: 2, homesPerAgent: 4);
        await Client.ApplyAsync(city.Spec);
        var lost = city.Distributor(2, 1, 3);
        // Only the one-way call is lost: the unit hears nothing, and once its wait is over it asks with DeliverRoute.
        fixture.Blockade.Block(lost, "SendOut");
        try
        {
            var id = await Client.IssueLeafletAsync(city.Committee, "Lost on the way", "text");
            var done = await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id), s => s.Complete, what: "the leaflet complete");

            Assert.True(fixture.Blockade.Refused(lost, "SendOut") >= 1, "the one-way call was never sent");
            Assert.Equal((done.HomesTotal, 0L), (done.HomesReached, done.Duplicates));
            var record = Assert.Single(await fixture.Deliveries.LoadLeafletAsync(id), r => r.Route == lost);
            Assert.Equal((4, 4, 0), (record.HomesOnRoute, record.HomesReached, record.Duplicates));
        }
        finally
        {
            fixture.Blockade.Lift(lost, "SendOut");
        }
    }

    [Fact]
    public async Task A_completed_leaflet_leaves_no_unit_waiting_for_a_distributor()
    {
        var city = TestCity.Create(districts: 3, homesPerAgent: 3);
        await Client.ApplyAsync(city.Spec);

        var id = await Client.IssueLeafletAsync(city.Committee, "Nothing left behind", "text");
        var done = await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id), s => s.Complete, what: "the leaflet complete");

        Assert.Equal(done.HomesTotal, done.HomesReached);
        // Other tests share the silo, so the waits are looked for by this leaflet's shares, not counted.
        foreach (var record in await fixture.Deliveries.LoadLeafletAsync(id))
        {
            var share = RouteShare.Whole(record.Route, record.HomesOnRoute);
            Assert.False(Notices.Delivered(UnitOf(city, record.Route), id, share.Key, Delivery(share)), $"a wait for {record.Route} was left open");
        }
    }

    [Fact]
    public async Task Only_the_carrier_of_a_share_can_end_its_unit_wait()
    {
        using var waiting = await WaitingGroupAsync("l-forged");
        var share = waiting.Share;

        // Another member of the same group, and the unit above, claim the route: refused, the wait goes on.
        await fixture.InsideAs(Actor.Agent(waiting.OtherMember), g => g.GetUnit(waiting.Unit).RouteDelivered("l-forged", share, Delivery(share)));
        await fixture.InsideAs(Actor.Unit(waiting.City.Factory(1)), g => g.GetUnit(waiting.Unit).RouteDelivered("l-forged", share, Delivery(share)));
        await waiting.StillWaitingAsync("a notice from someone else than the carrier");

        await fixture.InsideAs(Actor.Agent(share.Carrier), g => g.GetUnit(waiting.Unit).RouteDelivered("l-forged", share, Delivery(share)));
        Assert.Equal(2, (await waiting.EndedAsync()).HomesReached);
    }

    [Fact]
    public async Task Only_the_carrier_of_a_share_can_say_it_could_not_deliver_and_its_unit_hears_why()
    {
        using var waiting = await WaitingGroupAsync("l-refused");
        var share = waiting.Share;

        await fixture.InsideAs(Actor.Agent(waiting.OtherMember), g => g.GetUnit(waiting.Unit).RouteRefused("l-refused", share, "forged"));
        await waiting.StillWaitingAsync("a refusal from someone else than the carrier");

        await fixture.InsideAs(Actor.Agent(share.Carrier), g => g.GetUnit(waiting.Unit).RouteRefused("l-refused", share, "the journal is unavailable"));
        var refusal = await Assert.ThrowsAsync<OrgTasksException>(waiting.EndedAsync);
        Assert.Equal($"agent:{share.Carrier} could not deliver route '{share.Carrier}': the journal is unavailable", refusal.Message);
    }

    [Fact]
    public async Task A_distributor_reason_is_kept_to_one_bounded_line()
    {
        using var waiting = await WaitingGroupAsync("l-long");
        var share = waiting.Share;

        await fixture.InsideAs(Actor.Agent(share.Carrier), g => g.GetUnit(waiting.Unit).RouteRefused("l-long", share, new string('x', 100_000)));

        var refusal = await Assert.ThrowsAsync<OrgTasksException>(waiting.EndedAsync);
        Assert.EndsWith(new string('x', 500) + "…", refusal.Message);
        Assert.True(refusal.Message.Length < 700, $"{refusal.Message.Length} characters kept");
    }

    [Fact]
    public async Task A_notice_ends_only_the_wait_of_its_unit_leaflet_and_share()
    {
        var notices = new RouteNotices();
        var share = RouteShare.Whole("kolya", 5);
        var wait = notices.Expect("spb/d1/f1/g1", "l-1", share);

        Assert.False(notices.Delivered("spb/d1/f1/g2", "l-1", share.Key, Delivery(share)));
        Assert.False(notices.Delivered("spb/d1/f1/g1", "l-2", share.Key, Delivery(share)));
        Assert.False(notices.Delivered("spb/d1/f1/g1", "l-1", "kolya#0+2", Delivery(share)));
        Assert.False(wait.Delivery.IsCompleted);

        Assert.True(notices.Delivered("spb/d1/f1/g1", "l-1", share.Key, Delivery(share)));
        Assert.Equal(5, (await wait.Delivery).HomesReached);
        Assert.False(notices.Delivered("spb/d1/f1/g1", "l-1", share.Key, Delivery(share)));
        Assert.Equal(0, notices.Waiting);
    }

    [Fact]
    public void A_unit_that_stopped_waiting_leaves_a_later_wait_for_the_same_share_open()
    {
        var notices = new RouteNotices();
        var share = RouteShare.Whole("kolya", 5);
        var first = notices.Expect("g1", "l-1", share);
        var second = notices.Expect("g1", "l-1", share);

        first.Forget();

        Assert.Equal(1, notices.Waiting);
        Assert.True(notices.Failed("g1", "l-1", share.Key, new InvalidOperationException("refused")));
        Assert.True(second.Delivery.IsFaulted);
        Assert.Equal(0, notices.Waiting);
    }

    /// <summary>A group of a fresh city waiting for its third member's share, as its relay waits after sending it out.</summary>
    private async Task<WaitingGroup> WaitingGroupAsync(string leafletId)
    {
        var city = TestCity.Create(districts: 1, homesPerAgent: 2);
        await Client.ApplyAsync(city.Spec);
        var share = RouteShare.Whole(city.Distributor(1, 1, 3), 2);
        return new WaitingGroup(city, new UnitRef(city.Group(1, 1), UnitKind.Distribution), share, Notices.Expect(city.Group(1, 1), leafletId, share));
    }

    private sealed record WaitingGroup(TestCity City, UnitRef Unit, RouteShare Share, RouteWait Wait) : IDisposable
    {
        /// <summary>A member of the same group who does not carry the share.</summary>
        public string OtherMember => City.Distributor(1, 1, 2);

        public async Task StillWaitingAsync(string what)
        {
            await Task.Delay(300); // the notices are one-way: give a wrong one time to land
            Assert.False(Wait.Delivery.IsCompleted, $"{what} ended the wait");
        }

        public async Task<RouteDelivery> EndedAsync()
        {
            await Poll.UntilAsync(() => Task.FromResult(Wait.Delivery.IsCompleted), done => done, what: "the carrier's notice");
            return await Wait.Delivery;
        }

        public void Dispose() => Wait.Forget();
    }

    private static string UnitOf(TestCity city, string route)
    {
        // Distributor ids are {prefix}-d{d}-g{g}-a{a}; their route belongs to group g of district d.
        var parts = route[(city.Prefix.Length + 1)..].Split('-');
        return city.Group(int.Parse(parts[0][1..]), int.Parse(parts[1][1..]));
    }

    private static RouteDelivery Delivery(RouteShare share) => new()
    {
        Route = share.Route,
        DeliveredBy = share.Carrier,
        HomesOnRoute = share.Count,
        HomesReached = share.Count,
        NewlyDelivered = share.Count,
        Duplicates = 0,
        DeliveredAt = DateTimeOffset.UtcNow,
    };
}
