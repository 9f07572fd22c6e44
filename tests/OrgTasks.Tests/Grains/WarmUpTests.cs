using Orleans.Hosting;
using Orleans.TestingHost;
using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

/// <summary>
/// A starting silo activates throwaway agents before it is ready, so its first mobilization runs on compiled code, and
/// keeps none of them; an agent that no organization configured is never kept active.
/// </summary>
[Trait("Category", "Grains")]
public sealed class WarmUpTests
{
    [Fact]
    public async Task A_starting_silo_calls_every_warm_up_agent_before_it_is_ready_and_keeps_none_active()
    {
        var calls = new WarmUpCalls();
        await using var cluster = await StartAsync(warmUp: 300, calls);

        // The start-up task finishes before the silo counts as started.
        Assert.Equal(300, calls.Count);
        var client = new OrgTasksClient(cluster.Client, TestIdentity.Operator);
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        await Poll.UntilAsync(() => client.As(null, () => management.GetSimpleGrainStatistics()),
            stats => stats.Where(s => s.GrainType.Contains(nameof(OrgTasks.Grains.Agents.AgentGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount) == 0,
            TimeSpan.FromSeconds(30), "no agent left active after the warm-up");
    }

    [Fact]
    public async Task With_the_warm_up_off_a_silo_calls_no_agent_at_start()
    {
        var calls = new WarmUpCalls();
        await using var cluster = await StartAsync(warmUp: 0, calls);

        Assert.Equal(0, calls.Count);
    }

    [Fact]
    public async Task An_agent_no_organization_configured_answers_that_it_has_no_configuration_and_is_not_kept_active()
    {
        await using var cluster = await StartAsync(warmUp: 0, new WarmUpCalls());
        var client = new OrgTasksClient(cluster.Client, TestIdentity.Operator);
        var nobody = cluster.Client.GetGrain<IAgentGrain>("nobody-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Null(await client.As(null, () => nobody.GetConfig()));
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        await Poll.UntilAsync(() => client.As(null, () => management.GetGrainActivationCount((GrainReference)nobody)),
            count => count == 0, TimeSpan.FromSeconds(30), "the unconfigured agent deactivated");
    }

    private static Task<InProcessTestCluster> StartAsync(int warmUp, WarmUpCalls calls) =>
        MemoryTestCluster.StartAsync(options: o => o.WarmUpActivations = warmUp, configure: silo => silo.AddIncomingGrainCallFilter(calls));
}
