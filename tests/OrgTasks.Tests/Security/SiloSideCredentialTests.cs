using OrgTasks.Client;
using OrgTasks.Errors;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Tests.Infrastructure;
using Orleans.Runtime;

namespace OrgTasks.Tests.Security;

/// <summary>
/// Code running in a silo's process outside any grain (the HTTP API) that calls with a client's credential is decided
/// as that client: its calls carry no silo proof, so the call gate applies the credential, the [Access] matrix and the
/// relation exactly as for a client through the gateway; whatever identity it writes beside the credential is ignored.
/// Silo code calling without a credential is still the cluster's own.
/// </summary>
[Trait("Category", "Security")]
[Collection(ClusterCollection.Name)]
public sealed class SiloSideCredentialTests(ClusterFixture fixture)
{
    private IGrainFactory SiloGrains => fixture.SiloService<IGrainFactory>();

    [Fact]
    public async Task An_agents_credential_used_inside_the_silo_cannot_reach_an_operator_method()
    {
        var city = TestCity.Create();
        await fixture.Client.ApplyAsync(city.Spec);
        var agent = new OrgTasksClient(SiloGrains, TestIdentity.Agent(city.Secretary, city.Spec.Name));
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => agent.GetBreachesAsync());
        Assert.Contains("the operator only", refused.Message);

        // The same call with the operator's credential, and without any credential as the silo itself: both go through.
        await new OrgTasksClient(SiloGrains, TestIdentity.Operator).GetBreachesAsync();
        await fixture.InsideAs(Actor.System("test"), grains => grains.GetGrain<IStatementLedgerGrain>(0).GetBreaches());
    }

    [Fact]
    public async Task A_credential_used_inside_the_silo_cannot_claim_another_identity_beside_it()
    {
        var city = TestCity.Create();
        await fixture.Client.ApplyAsync(city.Spec);
        var token = TestIdentity.Agent(city.Distributor(1, 1, 3), city.Spec.Name);
        using (ActorContext.UseCredential(token, null))
        {
            // Forged next to the credential: the system's identity. The gate derives the identity from the credential alone.
            RequestContext.Set(ActorContext.ActorKey, Actor.System("forged").ToString());
            await Assert.ThrowsAsync<AccessDeniedException>(() => SiloGrains.GetGrain<IStatementLedgerGrain>(0).GetBreaches());
        }
    }

    [Fact]
    public async Task Silo_internal_methods_stay_closed_to_the_operators_credential_used_inside_the_silo()
    {
        var operatorInside = new OrgTasksClient(SiloGrains, TestIdentity.Operator);
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            operatorInside.As(null, () => SiloGrains.GetGrain<IStatementSweeperGrain>(IStatementSweeperGrain.Key).Sweep()));
        Assert.Contains("silo-internal", refused.Message);
        // Without a credential the silo's own code may: it is the cluster calling.
        await fixture.InsideAs(Actor.System("test"), grains => grains.GetGrain<IStatementSweeperGrain>(IStatementSweeperGrain.Key).Sweep());
    }
}
