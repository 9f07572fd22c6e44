using Orleans.Hosting;
using Orleans.TestingHost;
using OrgTasks.Grains;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Tests.Infrastructure;

/// <summary>
/// A test cluster of its own, for a test that needs options or filters the shared <see cref="ClusterFixture"/> does not
/// have: silos with memory storage set up as a real silo is (<c>UseOrgTasks</c>), with the test hooks allowed. The
/// twin of <c>PostgresTestCluster</c>.
/// </summary>
internal static class MemoryTestCluster
{
    /// <summary>Starts <paramref name="silos"/> silos; <paramref name="configure"/> runs before OrgTasks is added, so filters it adds come first.</summary>
    public static async Task<InProcessTestCluster> StartAsync(int silos = 1, Action<OrgTasksOptions>? options = null, Action<ISiloBuilder>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AllowTestHooks();
            configure?.Invoke(silo);
            silo.UseOrgTasks(new SiloSettings { Storage = StorageKind.Memory }, options);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
