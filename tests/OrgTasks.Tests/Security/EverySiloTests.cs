using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Grains.Identity;
using OrgTasks.Identity;
using OrgTasks.Life;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Life;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace OrgTasks.Tests.Security;

/// <summary>A revocation and an arrest are enforced on every silo of a cluster, not only where they were made.</summary>
[Trait("Category", "Security")]
public sealed class EverySiloTests(ITestOutputHelper output) : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await MemoryTestCluster.StartAsync(silos: 2, options: o => o.StandingsRefresh = TimeSpan.FromSeconds(1));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_revocation_and_an_arrest_reach_every_silo_and_a_release_restores_the_agent()
    {
        var client = new OrgTasksClient(_cluster.Client, TestIdentity.Operator);
        var city = await client.AppliedAsync(new LifeCity());
        var issued = await client.IssueCredentialAsync(city.A("c4"), TimeSpan.FromDays(1));
        var silos = _cluster.Silos.Select(s => s.ServiceProvider).ToList();
        Assert.Equal(2, silos.Count);

        var clock = Stopwatch.StartNew();
        await client.RevokeCredentialAsync(issued.Record.Claims.Id);
        await Poll.UntilAsync(() => Task.FromResult(silos.All(s => s.GetRequiredService<RevocationList>().IsRevoked(issued.Record.Claims.Id))),
            all => all, TimeSpan.FromSeconds(10), "every silo knowing the revocation");
        output.WriteLine($"revocation on every silo after {clock.ElapsedMilliseconds} ms");

        clock.Restart();
        await client.ArrestAsync(city.A("c5"));
        await Poll.UntilAsync(() => Task.FromResult(silos.All(s => s.GetRequiredService<AgentStandings>().Of(city.A("c5")) == AgentStanding.Arrested)),
            all => all, TimeSpan.FromSeconds(10), "every silo knowing the arrest");
        output.WriteLine($"arrest on every silo after {clock.ElapsedMilliseconds} ms");

        await client.ReleaseAsync(city.A("c5"));
        await Poll.UntilAsync(() => Task.FromResult(silos.All(s => s.GetRequiredService<AgentStandings>().Of(city.A("c5")) == AgentStanding.Free)),
            all => all, TimeSpan.FromSeconds(10), "every silo knowing the release");
        var c5 = new OrgTasksClient(_cluster.Client, TestIdentity.Agent(city.A("c5"), city.Spec.Name));
        Assert.Equal(city.Strict, (await c5.GetCompositionAsync(city.Strict)).Unit);
    }
}
