using Microsoft.Extensions.DependencyInjection;
using OrgTasks.Client;
using OrgTasks.Grains.Durability;
using OrgTasks.Postgres.Journals;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Postgres;

namespace OrgTasks.Tests.Journals;

/// <summary>The grains on a silo put on PostgreSQL write their hot paths through these journals, and the flows still hold.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Journals")]
public sealed class PostgresJournalSiloTests(PostgresFixture postgres)
{
    private static (string ServiceId, string ClusterId) Ids()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return ($"svc-{id}", $"cluster-{id}");
    }

    [Fact]
    public async Task A_silo_on_postgresql_uses_the_postgresql_journals_for_leaflets_and_statements()
    {
        var (serviceId, clusterId) = Ids();
        var city = TestCity.Create(districts: 3, homesPerAgent: 7);
        await using var cluster = await PostgresTestCluster.StartAsync(postgres.ConnectionString, serviceId, clusterId);
        var silo = cluster.GetSiloServiceProvider();
        Assert.IsType<PgStatementJournal>(silo.GetRequiredService<IStatementJournal>());
        Assert.IsType<PgLeafletJournal>(silo.GetRequiredService<ILeafletJournal>());
        Assert.IsType<PgDeliveryJournal>(silo.GetRequiredService<IDeliveryJournal>());
        var client = new OrgTasksClient(cluster.Client, TestIdentity.Operator);
        await client.ApplyAsync(city.Spec);

        var leaflet = await client.IssueLeafletAsync(city.Committee, "May Day", "To the workers of all factories!");
        var status = await Poll.UntilAsync(() => client.GetLeafletStatusAsync(leaflet), s => s.Complete, what: "leaflet complete");
        var statement = await client.SendStatementAsync(city.Distributor(2, 1, 3), Addressee.Committee, "the Putilov works strike on Monday");
        var route = await client.DeliveredAsync(statement);

        // Read back through journals of their own, as a restarted silo would.
        await using var journals = JournalSet.Postgres(postgres.ConnectionString);
        Assert.Equal((126L, 126L, 0L), (status.HomesTotal, status.HomesReached, status.Duplicates));
        var records = await journals.Deliveries.LoadLeafletAsync(leaflet);
        Assert.Equal(18, records.Count);
        Assert.All(records, r => Assert.Equal((7, 7, 0), (r.HomesOnRoute, r.HomesReached, r.Duplicates)));
        var units = Enumerable.Range(1, 3).SelectMany(d => new[] { city.District(d), city.Factory(d), city.Group(d, 1), city.Group(d, 2) })
            .Append(city.Committee);
        Assert.All(await Task.WhenAll(units.Select(u => journals.Leaflets.FindAsync(u, leaflet))),
            r => Assert.Equal(UnitLeafletStage.Reported, r?.Stage));
        Assert.Equal(route.Hops.Select(h => (h.Holder, h.Role)), (await journals.Statements.LoadRouteAsync(statement)).Select(h => (h.Holder, h.Role)));
        Assert.Equal(7, route.Hops.Count);
        Assert.Single(await journals.Statements.LoadInboxAsync(city.Committee, 10), e => e.Statement.Id == statement);
        Assert.DoesNotContain(await journals.Statements.LoadHoldersAsync(100_000), h => h.StartsWith(city.Prefix, StringComparison.Ordinal));
    }
}
