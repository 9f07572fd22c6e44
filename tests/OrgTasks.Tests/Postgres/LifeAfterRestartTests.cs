using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Life;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Life;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// The organization's life is durable: after the whole cluster stops and starts again on the same PostgreSQL
/// database, arrests, warnings and co-optations still hold — the replacement contact carries, the suspect is refused,
/// the co-opted member sits in the committee — and applying the same file again changes nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class LifeAfterRestartTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Arrests_warnings_and_co_optation_survive_a_restart_of_the_cluster()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var city = new LifeCity(cooptation: "majority");
        await using (var first = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}"))
        {
            var client = new OrgTasksClient(first.Client, TestIdentity.Operator);
            await client.AppliedAsync(city);
            await client.ArrestAsync(city.A("c1"));
            await client.WarnAsync(city.A("c4"), "seen with the police");
            await client.ArrestAsync(city.A("c4")); // arrested as well: the warning stays the stronger state
            var proposal = await client.ProposeAsync(city.Committee, city.A("d"), "district organizer");
            foreach (var m in new[] { "sec", "prt", "trn" }) proposal = await client.VoteAsync(city.Committee, proposal.Id, city.A(m), yes: true);
            Assert.Equal(ProposalOutcome.Accepted, proposal.Outcome);
        }

        await using var second = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}");
        var again = new OrgTasksClient(second.Client, TestIdentity.Operator);
        var life = await again.GetLifeAsync(city.Committee);
        Assert.Equal([city.A("c1"), city.A("c4")], life.Arrested.ToArray());
        Assert.Equal([city.A("c4")], life.Suspended.ToArray());
        Assert.True(life.Consented);
        Assert.Contains(city.A("d"), (await again.UnitAsync(city.Committee)).Config.Members);
        Assert.Equal(city.A("c2"), (await again.UnitAsync(city.Strict)).Contact);

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => again.SendStatementAsync(city.A("c4"), Addressee.Committee, "after the restart"));
        Assert.Contains("suspended", refused.Message);
        var sent = await again.SendStatementAsync(city.A("c5"), Addressee.Committee, "still working");
        var route = await again.DeliveredAsync(sent);
        Assert.Contains(route.Hops, h => h.Holder == city.A("c2"));
        Assert.True((await again.ApplyAsync(city.Spec)).NothingChanged);
        Assert.Equal(city.A("c2"), (await again.UnitAsync(city.Strict)).Contact);

        // The arrest under the warning was kept too: cleared, the agent is still arrested.
        await again.ClearAsync(city.A("c4"));
        var cleared = await again.GetLifeAsync(city.Committee);
        Assert.Equal([city.A("c1"), city.A("c4")], cleared.Arrested.ToArray());
        Assert.Empty(cleared.Suspended);
    }
}
