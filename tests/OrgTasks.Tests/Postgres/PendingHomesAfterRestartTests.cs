using OrgTasks.Client;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Life;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// A leaflet held by a cut-off group survives a restart of the whole cluster on PostgreSQL: after the restart the
/// group is still cut off and its homes still pending; released, it delivers them once, with nobody issuing again.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Letter")]
public sealed class PendingHomesAfterRestartTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_leaflet_held_by_a_cut_off_group_across_a_restart_is_delivered_once_after_the_release()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var city = new LifeCity();
        string leaflet;
        await using (var first = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}"))
        {
            var client = new OrgTasksClient(first.Client, TestIdentity.Operator);
            await client.AppliedAsync(city);
            await client.ArrestAllAsync([city.A("o1"), city.A("o2")]);
            leaflet = await client.IssueLeafletAsync(city.Committee, "Before the restart", "Hold on");
            await Poll.UntilAsync(() => client.GetLeafletStatusAsync(leaflet),
                s => s.UnitsComplete == s.UnitsTotal - 1 && s.Stragglers.Any(x => x.Unit == city.Open && x.Reason is not null),
                what: "every unit but the cut-off one done");
        }

        await using var second = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}");
        var again = new OrgTasksClient(second.Client, TestIdentity.Operator);
        var held = await again.GetLeafletStatusAsync(leaflet);
        Assert.False(held.Complete);
        Assert.Equal(2L * LifeCity.HomesPerRoute, held.HomesPending);
        Assert.Equal("cut off: no free member to carry routes", held.Stragglers.Single(s => s.Unit == city.Open).Reason);

        await again.ReleaseAsync(city.A("o1"));

        var status = await again.CompleteAsync(leaflet);
        Assert.Equal((LifeCity.Homes, LifeCity.Homes, 0L), (status.HomesTotal, status.HomesReached, status.Duplicates));
    }
}
