using Microsoft.Extensions.DependencyInjection;
using OrgTasks.Client;
using OrgTasks.Grains;
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
        await using var cluster = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}", silos: 2,
            configure: silo =>
            {
                silo.Services.Configure<OrgTasksOptions>(o => o.SendOutWait = TimeSpan.FromMinutes(10));
                // Orleans' default placement prefers the calling silo, which here puts every grain beside its unit.
                silo.Services.AddSingleton<Orleans.Runtime.PlacementStrategy, Orleans.Runtime.RandomPlacement>();
                silo.AddIncomingGrainCallFilter(notices);
            });
        var client = new OrgTasksClient(cluster.Client, TestIdentity.Operator);
        await client.ApplyAsync(city.Spec);

        var leaflet = await client.IssueLeafletAsync(city.Committee, "Across the silos", "text");
        var done = await Poll.UntilAsync(() => client.GetLeafletStatusAsync(leaflet), s => s.Complete, TimeSpan.FromSeconds(60), "the leaflet complete");

        Assert.Equal(4 * 2 * 3 * 3, done.HomesTotal);
        Assert.Equal((done.HomesTotal, 0L), (done.HomesReached, done.Duplicates));
        Assert.True(notices.Count > 0, "no distributor ran on another silo than its unit: the notice path was not exercised");
        Assert.Equal(0, notices.Asked);
    }

    /// <summary>Counts the notices between silos, and any distributor asked again after its unit stopped waiting.</summary>
    private sealed class NoticeCounter : IIncomingGrainCallFilter
    {
        private int _count;
        private int _asked;

        public int Count => Volatile.Read(ref _count);
        public int Asked => Volatile.Read(ref _asked);

        public Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.MethodName == nameof(ILeafletReceiver.RouteDelivered)) Interlocked.Increment(ref _count);
            if (context.MethodName == nameof(IDistributor.DeliverRoute)) Interlocked.Increment(ref _asked);
            return context.Invoke();
        }
    }
}
