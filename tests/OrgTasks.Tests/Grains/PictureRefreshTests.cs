using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;
using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Grains.Durability;
using OrgTasks.Grains.Durability.Memory;
using OrgTasks.Silo.Hosting;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

/// <summary>
/// While a leaflet travels its tracker reads the delivery records at most once per <c>PictureRefresh</c>, however often
/// and by however many it is asked; once the leaflet is complete the picture is read at once and is exact.
/// </summary>
[Trait("Category", "Grains")]
public sealed class PictureRefreshTests : IAsyncLifetime
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);

    private readonly Blockade _blockade = new();
    private readonly CountingDeliveryJournal _journal = new(new MemoryDeliveryJournal());
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AllowTestHooks();
            silo.Services.AddSingleton(_blockade);
            silo.AddIncomingGrainCallFilter<BlockadeFilter>();
            silo.UseOrgTasks(new SiloSettings { Storage = StorageKind.Memory }, o =>
            {
                o.PictureRefresh = Refresh;
                o.RetryInterval = TimeSpan.FromMilliseconds(100);
                o.SendOutWait = TimeSpan.FromMilliseconds(300);
            });
            silo.Services.Replace(ServiceDescriptor.Singleton<IDeliveryJournal>(_journal));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Many_status_requests_while_a_leaflet_travels_share_one_read_and_the_finished_picture_is_exact()
    {
        var client = new OrgTasksClient(_cluster.Client, TestIdentity.Operator);
        var city = TestCity.Create(districts: 2, homesPerAgent: 3);
        await client.ApplyAsync(city.Spec);
        var late = city.Distributor(2, 2, 3);
        _blockade.BlockDeliveries(late);

        var id = await client.IssueLeafletAsync(city.Committee, "Refresh", "text");
        var partial = await Poll.UntilAsync(() => client.GetLeafletStatusAsync(id), s => s.UnitsComplete == s.UnitsTotal - 1,
            what: "every group but the blocked one done");
        var before = _journal.Reads(id);
        var statuses = new List<Task<OrgTasks.Leaflets.LeafletStatus>>();
        for (var i = 0; i < 30; i++) statuses.Add(client.GetLeafletStatusAsync(id));
        await Task.WhenAll(statuses);

        // Thirty requests inside one refresh interval: at most one more read (the interval may end among them).
        Assert.InRange(_journal.Reads(id) - before, 0, 1);
        Assert.All(statuses, s => Assert.False(s.Result.Complete));
        Assert.Equal(partial.HomesTotal - 3 * 3, partial.HomesReached); // a group counts once all its routes are whole

        _blockade.LiftDeliveries(late);
        var done = await Poll.UntilAsync(() => client.GetLeafletStatusAsync(id), s => s.Complete, what: "the leaflet complete");
        Assert.Equal((done.HomesTotal, done.UnitsTotal), (done.HomesReached, done.UnitsComplete));
        Assert.Empty(done.Stragglers);
    }

    /// <summary>The memory journal, counting how often each leaflet's records are read whole.</summary>
    private sealed class CountingDeliveryJournal(IDeliveryJournal inner) : IDeliveryJournal
    {
        private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);

        public int Reads(string leafletId) => _reads.GetValueOrDefault(leafletId);

        public Task<(DeliveryRecord Record, int Newly)> RecordAsync(string leafletId, string route, string deliveredBy, int homesOnRoute, ulong[] homes, DateTimeOffset at) =>
            inner.RecordAsync(leafletId, route, deliveredBy, homesOnRoute, homes, at);

        public Task<DeliveryRecord?> FindAsync(string leafletId, string route) => inner.FindAsync(leafletId, route);

        public Task<IReadOnlyList<DeliveryRecord>> LoadLeafletAsync(string leafletId)
        {
            _reads.AddOrUpdate(leafletId, 1, (_, n) => n + 1);
            return inner.LoadLeafletAsync(leafletId);
        }
    }
}
