using System.Reflection;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrgTasks.Postgres.Hosting;
using OrgTasks.Silo.Hosting;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// An in-process test cluster whose silos run on PostgreSQL exactly as a real silo does (<c>UseOrgTasks</c> with
/// <see cref="StorageKind.Postgres"/>): grain state, reminders and membership in the database. The client finds the
/// silos through the database's membership table too.
/// </summary>
internal static class PostgresTestCluster
{
    public static async Task<InProcessTestCluster> StartAsync(string connectionString, string serviceId, string clusterId,
        int silos = 1, Action<ISiloBuilder>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = clusterId;
        UseDatabaseMembership(builder.Options);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AllowTestHooks();
            silo.UseOrgTasks(new SiloSettings { Storage = StorageKind.Postgres, ConnectionString = connectionString });
            configure?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgresSiloOptions.Invariant;
            o.ConnectionString = connectionString;
        }));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>
    /// The test cluster replaces any membership table with its own in-memory one unless told not to, and that switch
    /// (10.4.2) is internal. Turning it off is what lets these tests see the silo's real row in PostgreSQL; if a later
    /// Orleans renames it, this fails loudly here rather than quietly testing the in-memory table.
    /// </summary>
    private static void UseDatabaseMembership(InProcessTestClusterOptions options)
    {
        var property = typeof(InProcessTestClusterOptions).GetProperty("UseTestClusterMembership", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException("InProcessTestClusterOptions.UseTestClusterMembership is gone: update PostgresTestCluster");
        property.SetValue(options, false);
    }
}
