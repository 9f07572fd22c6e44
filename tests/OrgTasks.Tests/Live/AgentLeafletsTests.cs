using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Live;

/// <summary>An agent's own list of the leaflets it must deliver (its page in the browser reads it).</summary>
[Trait("Category", "Live")]
[Collection(ClusterCollection.Name)]
public sealed class AgentLeafletsTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    private Task<T> AsAgent<T>(TestCity city, string agent, Func<Task<T>> call) =>
        new OrgTasksClient(fixture.Cluster.Client, TestIdentity.Agent(agent, city.Spec.Name)).As(null, call);

    [Fact]
    public async Task A_distributor_reads_the_leaflet_its_route_must_still_have_and_nobody_else_reads_its_list()
    {
        var city = TestCity.Create(districts: 1, homesPerAgent: 6);
        await Client.ApplyAsync(city.Spec);
        var late = city.Distributor(1, 2, 3);
        var grain = fixture.Cluster.Client.GetGrain<IAgentGrain>(late);
        fixture.Blockade.BlockDeliveries(late);
        try
        {
            var id = await Client.IssueLeafletAsync(city.Committee, "Strike", "All out on Monday");
            await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(id), s => s.UnitsComplete == s.UnitsTotal - 1, what: "all but one group done");

            var mine = Assert.Single(await AsAgent(city, late, () => grain.GetLeaflets()), l => l.LeafletId == id);
            Assert.Equal(("Strike", "All out on Monday", city.Group(1, 2), 6, 0), (mine.Title, mine.Text, mine.Unit, mine.HomesOnRoute, mine.HomesReached));
            // A distributor whose group is done has nothing left to carry; another agent may not read this list at all.
            Assert.DoesNotContain(await AsAgent(city, city.Distributor(1, 1, 3), () => fixture.Cluster.Client.GetGrain<IAgentGrain>(city.Distributor(1, 1, 3)).GetLeaflets()), l => l.LeafletId == id);
            await Assert.ThrowsAsync<AccessDeniedException>(() => AsAgent(city, city.Distributor(1, 2, 2), () => grain.GetLeaflets()));

            fixture.Blockade.LiftDeliveries(late);
            await Poll.UntilAsync(() => AsAgent(city, late, () => grain.GetLeaflets()), l => l.All(x => x.LeafletId != id), what: "the leaflet delivered and off the list");
        }
        finally
        {
            fixture.Blockade.LiftDeliveries(late);
        }
    }
}
