using OrgTasks.Identity;

namespace OrgTasks.Tests.Security;

/// <summary>Deny by default starts in the contracts: every grain method says who may call it, and says it sensibly.</summary>
[Trait("Category", "Security")]
public sealed class AccessDeclarationTests
{
    [Fact]
    public void Every_grain_interface_method_declares_who_may_call_it()
    {
        var undeclared = GrainSurface.Methods.Where(m => GrainSurface.Access(m) is null).Select(GrainSurface.Name).ToList();
        Assert.True(GrainSurface.Methods.Count > 40, $"only {GrainSurface.Methods.Count} methods found: the reflection looks in the wrong place");
        Assert.True(undeclared.Count == 0, "grain methods without [Access]: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Methods_open_to_agents_say_which_relation_the_grain_checks()
    {
        var silent = GrainSurface.Methods
            .Where(m => GrainSurface.Access(m) is { } access && access.Clients.HasFlag(Clients.Agent) && string.IsNullOrWhiteSpace(access.Relation))
            .Select(GrainSurface.Name).ToList();
        Assert.True(silent.Count == 0, "methods open to agents without a relation: " + string.Join(", ", silent));
    }

    [Theory]
    [InlineData("IUnitGrain.Configure")]
    [InlineData("IUnitGrain.Dissolve")]
    [InlineData("IAgentGrain.Configure")]
    [InlineData("IAgentGrain.Dissolve")]
    [InlineData("IOrganizationRegistryGrain.Register")]
    [InlineData("IOrganizationRegistryGrain.SetStanding")]
    [InlineData("IOrganizationRegistryGrain.SetStandings")]
    [InlineData("ILeafletReceiver.ReceiveLeaflet")]
    [InlineData("ILeafletReceiver.ReportCoverage")]
    [InlineData("IDistributor.DeliverRoute")]
    [InlineData("IDistributor.SendOut")]
    [InlineData("ILeafletReceiver.RouteDelivered")]
    [InlineData("ILeafletReceiver.RouteRefused")]
    [InlineData("ILeafletTrackerGrain.Open")]
    [InlineData("ILeafletTrackerGrain.ReportUnit")]
    [InlineData("ILeafletTrackerGrain.ReportComplete")]
    [InlineData("IContact.SurrenderHeld")]
    [InlineData("IContact.ConfirmSurrendered")]
    [InlineData("IContact.TransmitStatements")]
    [InlineData("IStatementHop.AcceptStatements")]
    [InlineData("IDepositGrain.Put")]
    [InlineData("IStatementSweeperGrain.Sweep")]
    [InlineData("IStatementSweeperGrain.Start")]
    public void Silo_internal_methods_admit_no_client(string method)
    {
        var found = GrainSurface.Methods.Where(m => GrainSurface.Name(m) == method).ToList();
        Assert.Single(found);
        Assert.Equal(Clients.None, GrainSurface.Access(found[0])!.Clients);
    }
}
