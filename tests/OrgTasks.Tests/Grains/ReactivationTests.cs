using Orleans;
using Orleans.Runtime;
using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Leaflets;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

/// <summary>
/// Every grain comes back from its stored state after its activation is gone (idle collection, a silo move), on the
/// memory store too: the load test's cold start collects every activation and found the organization grain unable to
/// read its own plan back (the memory store's default JSON cannot read repeated equal records).
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Grains")]
public sealed class ReactivationTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task After_every_activation_is_collected_a_leaflet_and_a_statement_still_go_through()
    {
        var city = TestCity.Create(districts: 2);
        await Client.ApplyAsync(city.Spec);
        var management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);

        // Orleans' management grain answers the operator only.
        await Client.As(null, () => management.ForceActivationCollection(TimeSpan.Zero));
        await Poll.UntilAsync(() => Client.As(null, () => management.GetGrainActivationCount((GrainReference)fixture.Cluster.Client.GetGrain<IOrganizationGrain>(city.Spec.Name))),
            count => count == 0, TimeSpan.FromSeconds(30), "the organization grain deactivated");

        var leaflet = await Client.IssueLeafletAsync(city.Committee, "After the raid", "We are still here.");
        var status = await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(leaflet), s => s.Complete, what: "leaflet complete");
        Assert.Equal(status.HomesTotal, status.HomesReached);
        Assert.Equal(0, status.Duplicates);

        var statement = await Client.SendStatementAsync(city.Distributor(2, 2, 3), Addressee.Committee, "still organized");
        await Client.DeliveredAsync(statement);
        Assert.Single(await Client.GetInboxAsync(city.Committee), e => e.Statement.Id == statement);
    }
}
