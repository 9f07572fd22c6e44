using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

[Collection(ClusterCollection.Name)]
[Trait("Category", "Grains")]
public sealed class BreachTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task A_statement_held_at_a_contact_past_the_limit_is_a_breach_naming_that_contact_and_arrives_once_later()
    {
        var city = TestCity.Create(districts: 2);
        await Client.ApplyAsync(city.Spec);
        var held = city.FactoryContact(1);
        // The district cannot be reached: the factory's contact must hold the statement and keep trying.
        fixture.Blockade.Block(city.District(1), "AcceptStatements");
        try
        {
            var id = await Client.SendStatementAsync(city.Distributor(1, 1, 2), Addressee.Committee, "held up");
            var stuck = await Poll.UntilAsync(() => Client.GetRouteAsync(id),
                r => r.Where == held && fixture.Blockade.Refused(city.District(1), "AcceptStatements") >= 2, what: "statement held at the factory contact");
            Assert.Null(stuck.Breach); // not yet past the limit

            fixture.Clock.Advance(ClusterFixture.BreachAfter + TimeSpan.FromMinutes(1));

            var breached = await Client.GetRouteAsync(id);
            Assert.NotNull(breached.Breach);
            Assert.Equal(held, breached.Breach!.Contact);
            Assert.Equal(city.Factory(1), breached.Breach.Unit);
            Assert.Contains(await Client.GetBreachesAsync(), b => b.StatementId == id && b.Contact == held);
            var contactHolds = await Client.As(OrgTasks.Identity.Actor.Operator(), () => fixture.Cluster.Client.GetGrain<IAgentGrain>(held).GetHeld());
            Assert.Contains(contactHolds, h => h.Statement.Id == id && h.LastError is not null && h.Attempts >= 1);

            fixture.Blockade.Lift(city.District(1), "AcceptStatements");
            var route = await Client.DeliveredAsync(id);
            Assert.Null(route.Breach);
            Assert.Single(await Client.GetInboxAsync(city.Committee), e => e.Statement.Id == id);
            Assert.DoesNotContain(await Client.GetBreachesAsync(), b => b.StatementId == id);
        }
        finally
        {
            fixture.Blockade.Lift(city.District(1), "AcceptStatements");
        }
    }

    [Fact]
    public async Task A_contact_deactivated_while_holding_statements_passes_them_on_after_reactivation()
    {
        var city = TestCity.Create(districts: 1);
        await Client.ApplyAsync(city.Spec);
        var contact = city.DistrictContact(1);
        fixture.Blockade.Block(city.Committee, "AcceptStatements");
        try
        {
            var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
                Client.SendStatementAsync(city.Distributor(1, 1 + i % 2, 1 + i % 3), Addressee.Committee, $"n{i}")));
            await Poll.UntilAsync(async () => (await Client.As(OrgTasks.Identity.Actor.Operator(), () => fixture.Cluster.Client.GetGrain<IAgentGrain>(contact).GetHeld())).Count,
                n => n == ids.Length, what: "all held at the district contact");

            // The contact's activation goes away (as it would on an idle collection or a silo move); its journal stays.
            await fixture.Cluster.DeactivateAsync(fixture.Cluster.Client.GetGrain<IAgentGrain>(contact));
            fixture.Blockade.Lift(city.Committee, "AcceptStatements");
            // Waking it (any call) loads what it held and passes it on.
            await Client.As(OrgTasks.Identity.Actor.Operator(), () => fixture.Cluster.Client.GetGrain<IAgentGrain>(contact).GetHeld());

            var inbox = await Poll.UntilAsync(() => Client.GetInboxAsync(city.Committee, 1000), i => i.Count >= ids.Length, what: "all delivered");
            Assert.Equal(ids.Order(), inbox.Select(e => e.Statement.Id).Order());
        }
        finally
        {
            fixture.Blockade.Lift(city.Committee, "AcceptStatements");
        }
    }

    [Fact]
    public async Task The_sweeper_wakes_holders_whose_activations_are_gone_so_no_client_has_to()
    {
        var city = TestCity.Create(districts: 1);
        await Client.ApplyAsync(city.Spec);
        var factory = city.Factory(1);
        fixture.Blockade.Block(city.FactoryContact(1), "TransmitStatements");
        try
        {
            var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
                Client.SendStatementAsync(city.Distributor(1, 1 + i % 2, 2), Addressee.Committee, $"n{i}")));
            var unit = fixture.Cluster.Client.GetGrain<IGroupGrain>(factory);
            await Poll.UntilAsync(async () => (await Client.As(OrgTasks.Identity.Actor.Operator(), () => unit.GetHeld())).Count,
                n => n == ids.Length, what: "all held at the factory");

            // The factory's activation is gone, as after a silo crash; only the journal remembers what it held.
            await fixture.Cluster.DeactivateAsync(unit);
            fixture.Blockade.Lift(city.FactoryContact(1), "TransmitStatements");
            // The sweep is the silo's own (its reminder and start-up task run it); here it is run as the silo would.
            var woken = await fixture.InsideAs(OrgTasks.Identity.Actor.System("test-sweep"),
                grains => grains.GetGrain<IStatementSweeperGrain>(IStatementSweeperGrain.Key).Sweep());

            Assert.True(woken >= 1);
            var inbox = await Poll.UntilAsync(() => Client.GetInboxAsync(city.Committee, 1000), i => i.Count >= ids.Length, what: "all delivered");
            Assert.Equal(ids.Order(), inbox.Select(e => e.Statement.Id).Order());
        }
        finally
        {
            fixture.Blockade.Lift(city.FactoryContact(1), "TransmitStatements");
        }
    }
}
