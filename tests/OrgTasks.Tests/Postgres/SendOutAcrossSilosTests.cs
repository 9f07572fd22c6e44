using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Grains.Durability;
using OrgTasks.Postgres.Journals;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// A distributor in another silo than its unit tells the unit with one one-way notice that its record is written. The
/// units here would wait ten minutes before asking again, so a leaflet that completes in seconds proves the notices
/// crossed the silos, and the counted notices prove some had to.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class SendOutAcrossSilosTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Distributors_on_the_other_silo_report_their_routes_with_one_notice_and_every_home_is_reached_once()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var city = TestCity.Create(districts: 4, homesPerAgent: 3);
        var notices = new NoticeCounter();
        await using var cluster = await StartAsync(id, notices);
        var client = new OrgTasksClient(cluster.Client, TestIdentity.Operator);
        await client.ApplyAsync(city.Spec);

        var leaflet = await client.IssueLeafletAsync(city.Committee, "Across the silos", "text");
        var done = await Poll.UntilAsync(() => client.GetLeafletStatusAsync(leaflet), s => s.Complete, TimeSpan.FromSeconds(60), "the leaflet complete");

        Assert.Equal(4 * 2 * 3 * 3, done.HomesTotal);
        Assert.Equal((done.HomesTotal, 0L), (done.HomesReached, done.Duplicates));
        Assert.True(notices.Count > 0, "no distributor ran on another silo than its unit: the notice path was not exercised");
        Assert.Equal(0, notices.Asked);
    }

    [Fact]
    public async Task Distributors_on_the_other_silo_that_cannot_deliver_say_so_and_are_asked_again_until_they_can()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var city = TestCity.Create(districts: 3, homesPerAgent: 2);
        // Every route of district 1 fails in the delivery journal until the failure is lifted: 18 routes, so (all but
        // certainly) some distributors run on the other silo than their unit.
        var failing = new FailingRoutes(Enumerable.Range(1, 2).SelectMany(g => Enumerable.Range(1, 3).Select(a => city.Distributor(1, g, a))));
        var notices = new NoticeCounter();
        await using var cluster = await StartAsync(id, notices, silo => silo.Services.Replace(ServiceDescriptor.Singleton<IDeliveryJournal>(sp =>
            new FailingDeliveryJournal(new PgDeliveryJournal(sp.GetRequiredService<PgJournalStore>()), failing))));
        var client = new OrgTasksClient(cluster.Client, TestIdentity.Operator);
        await client.ApplyAsync(city.Spec);

        var leaflet = await client.IssueLeafletAsync(city.Committee, "Not yet", "text");
        // The units hear of the failures (in their silo, or by a notice from the other) and ask again with a call,
        // not after their ten-minute wait.
        await Poll.UntilAsync(() => Task.FromResult((notices.Refused, notices.Asked)), n => n.Refused > 0 && n.Asked > 0,
            TimeSpan.FromSeconds(60), "refusals noticed and the distributors asked again");
        var stuck = await client.GetLeafletStatusAsync(leaflet);
        Assert.False(stuck.Complete);

        failing.Lift();
        var done = await Poll.UntilAsync(() => client.GetLeafletStatusAsync(leaflet), s => s.Complete, TimeSpan.FromSeconds(60), "the leaflet complete");
        Assert.Equal((done.HomesTotal, 0L), (done.HomesReached, done.Duplicates));
    }

    /// <summary>
    /// Two silos whose units would wait ten minutes before asking a distributor again, with the notices counted. Orleans'
    /// default placement prefers the calling silo, which here puts every grain beside the directory: placed at random.
    /// </summary>
    private Task<InProcessTestCluster> StartAsync(string id, NoticeCounter notices, Action<ISiloBuilder>? configure = null) =>
        PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}", silos: 2, configure: silo =>
        {
            silo.Services.Configure<OrgTasksOptions>(o => o.SendOutWait = TimeSpan.FromMinutes(10));
            silo.Services.AddSingleton<Orleans.Runtime.PlacementStrategy, Orleans.Runtime.RandomPlacement>();
            silo.AddIncomingGrainCallFilter(notices);
            configure?.Invoke(silo);
        });

    /// <summary>Counts the notices between silos, and the distributors asked with a call.</summary>
    private sealed class NoticeCounter : IIncomingGrainCallFilter
    {
        private int _count;
        private int _refused;
        private int _asked;

        public int Count => Volatile.Read(ref _count);
        public int Refused => Volatile.Read(ref _refused);
        public int Asked => Volatile.Read(ref _asked);

        public Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.MethodName == nameof(ILeafletReceiver.RouteDelivered)) Interlocked.Increment(ref _count);
            if (context.MethodName == nameof(ILeafletReceiver.RouteRefused)) Interlocked.Increment(ref _refused);
            if (context.MethodName == nameof(IDistributor.DeliverRoute)) Interlocked.Increment(ref _asked);
            return context.Invoke();
        }
    }

    private sealed class FailingRoutes(IEnumerable<string> routes)
    {
        private readonly HashSet<string> _routes = routes.ToHashSet(StringComparer.Ordinal);
        private volatile bool _lifted;

        public bool Fails(string route) => !_lifted && _routes.Contains(route);

        public void Lift() => _lifted = true;
    }

    /// <summary>The real journal, except that recording the failing routes fails as PostgreSQL does when it is full.</summary>
    private sealed class FailingDeliveryJournal(IDeliveryJournal inner, FailingRoutes failing) : IDeliveryJournal
    {
        public Task<(DeliveryRecord Record, int Newly)> RecordAsync(string leafletId, string route, string deliveredBy, int homesOnRoute, ulong[] homes, DateTimeOffset at) =>
            failing.Fails(route)
                ? throw new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300")
                : inner.RecordAsync(leafletId, route, deliveredBy, homesOnRoute, homes, at);

        public Task<DeliveryRecord?> FindAsync(string leafletId, string route) => inner.FindAsync(leafletId, route);

        public Task<IReadOnlyList<DeliveryRecord>> LoadLeafletAsync(string leafletId) => inner.LoadLeafletAsync(leafletId);
    }
}
