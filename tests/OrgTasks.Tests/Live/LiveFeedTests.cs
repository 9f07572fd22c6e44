using Microsoft.Extensions.Logging.Abstractions;
using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Leaflets;
using OrgTasks.Silo.Live;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Live;

/// <summary>
/// The silo's live feeds on the real grains: a leaflet's tracker and a unit push to one observer per silo, which fans
/// out to every subscriber; watching is for the silo's own feed only.
/// </summary>
[Trait("Category", "Live")]
[Collection(ClusterCollection.Name)]
public sealed class LiveFeedTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    private LeafletFeed NewLeafletFeed() => new(fixture.SiloService<IGrainFactory>(), NullLogger<LeafletFeed>.Instance);

    private UnitFeed NewUnitFeed() => new(fixture.SiloService<IGrainFactory>(), NullLogger<UnitFeed>.Instance);

    [Fact]
    public async Task A_subscriber_sees_the_coverage_grow_and_then_complete()
    {
        var city = TestCity.Create(districts: 2, homesPerAgent: 4);
        await Client.ApplyAsync(city.Spec);
        // One distributor holds back, so the picture is seen part-way before it is complete.
        var late = city.Distributor(2, 2, 3);
        fixture.Blockade.BlockDeliveries(late);
        using var feed = NewLeafletFeed();
        var pictures = new List<LeafletStatus>();
        string id;
        try
        {
            id = await Client.IssueLeafletAsync(city.Committee, "Live", "watched as it goes");
            using var subscription = await feed.SubscribeAsync(id);
            await ReadUntilAsync(subscription, pictures, s => s.UnitsComplete == s.UnitsTotal - 1);
            fixture.Blockade.LiftDeliveries(late);
            await ReadUntilAsync(subscription, pictures, s => s.Complete);
        }
        finally
        {
            fixture.Blockade.LiftDeliveries(late);
        }

        var homes = 2 * 2 * 3 * 4L;
        Assert.Contains(pictures, p => !p.Complete && p.HomesReached < homes);
        Assert.Equal((homes, homes, true), (pictures[^1].HomesTotal, pictures[^1].HomesReached, pictures[^1].Complete));
        // The pictures never go back.
        Assert.Equal(pictures.Select(p => p.HomesReached).Order(), pictures.Select(p => p.HomesReached));
        // The last picture is the tracker's own.
        Assert.Equal(await Client.GetLeafletStatusAsync(id), pictures[^1] with { }, new SamePicture());
    }

    [Fact]
    public async Task Two_subscribers_share_one_watch_and_the_last_to_leave_ends_it()
    {
        var city = TestCity.Create(districts: 1, homesPerAgent: 2);
        await Client.ApplyAsync(city.Spec);
        var id = await Client.IssueLeafletAsync(city.Committee, "Shared", "one watch for two readers");
        using var feed = NewLeafletFeed();

        var first = await feed.SubscribeAsync(id);
        var second = await feed.SubscribeAsync(id);
        Assert.Equal(1, feed.Watched);
        // Both get the picture: the first event is the current one.
        Assert.Equal(id, (await first.Events.ReadAsync()).LeafletId);
        Assert.Equal(id, (await second.Events.ReadAsync()).LeafletId);

        first.Dispose();
        Assert.Equal(1, feed.Watched);
        second.Dispose();
        Assert.Equal(0, feed.Watched);
        // A picture pushed before it left may still be read; after that its stream is closed.
        while (second.Events.TryRead(out _)) { }
        Assert.False(await second.Events.WaitToReadAsync(), "a subscriber that left gets no more events");
    }

    [Fact]
    public async Task A_statement_arriving_at_the_committee_is_told_to_its_inbox_subscribers()
    {
        var city = TestCity.Create(districts: 1);
        await Client.ApplyAsync(city.Spec);
        using var feed = NewUnitFeed();
        using var subscription = await feed.SubscribeAsync(city.Committee);

        var id = await Client.SendStatementAsync(city.Distributor(1, 1, 2), Addressee.Committee, "the foreman takes bribes");
        var arrived = await ReadAsync(subscription, e => e.Arrived.Any(a => a.Statement.Id == id));
        var entry = Assert.Single(arrived.Arrived, a => a.Statement.Id == id);
        Assert.Equal((city.Committee, city.District(1)), (arrived.Unit, entry.From));
    }

    [Fact]
    public async Task Watching_is_for_the_silos_feed_only()
    {
        var city = TestCity.Create(districts: 1);
        await Client.ApplyAsync(city.Spec);
        var id = await Client.IssueLeafletAsync(city.Committee, "Private", "no unit watches this");
        var grains = fixture.SiloService<IGrainFactory>();
        var watcher = grains.CreateObjectReference<ILeafletWatcher>(new NoWatcher());
        try
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.InsideAs(Actor.Unit(city.Committee),
                g => g.GetGrain<ILeafletTrackerGrain>(id).Watch(watcher)));
            await Assert.ThrowsAsync<AccessDeniedException>(() => fixture.InsideAs(Actor.Agent(city.Secretary),
                g => g.GetGrain<ILeafletTrackerGrain>(id).Watch(watcher)));
            // A client, even the operator, never reaches it: it is silo-internal.
            await Assert.ThrowsAsync<AccessDeniedException>(() => Client.As(null, () => fixture.Cluster.Client.GetGrain<ILeafletTrackerGrain>(id).Watch(watcher)));
        }
        finally
        {
            grains.DeleteObjectReference<ILeafletWatcher>(watcher);
        }
    }

    private static async Task ReadUntilAsync(LiveSubscription<LeafletStatus> subscription, List<LeafletStatus> seen, Func<LeafletStatus, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var status = await subscription.Events.ReadAsync(timeout.Token);
            seen.Add(status);
            if (done(status)) return;
        }
    }

    private static async Task<UnitEvent> ReadAsync(LiveSubscription<UnitEvent> subscription, Func<UnitEvent, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var change = await subscription.Events.ReadAsync(timeout.Token);
            if (wanted(change)) return change;
        }
    }

    private sealed class SamePicture : IEqualityComparer<LeafletStatus>
    {
        public bool Equals(LeafletStatus? x, LeafletStatus? y) =>
            (x?.HomesReached, x?.HomesTotal, x?.Complete, x?.UnitsComplete) == (y?.HomesReached, y?.HomesTotal, y?.Complete, y?.UnitsComplete);

        public int GetHashCode(LeafletStatus obj) => obj.HomesReached.GetHashCode();
    }

    private sealed class NoWatcher : ILeafletWatcher
    {
        public Task CoverageChanged(LeafletStatus status) => Task.CompletedTask;
    }
}
