using OrgTasks.Tests.Infrastructure;
using OrgTasks.Client.Connection;
using OrgTasks.Tests.Cluster;

namespace OrgTasks.Tests.Crash;

/// <summary>
/// A real <c>orgtasks silo --storage postgres</c> process that a test can kill with SIGKILL and start again on the
/// same ports, cluster and database: the silo crash of the crash tests. It is a one-silo cluster of its own, so it is
/// the cluster tests' <see cref="ClusterSilo"/> (with the same short retry and resume intervals) under its own id.
/// </summary>
public sealed class DurableSilo : IAsyncDisposable
{
    private readonly ClusterSilo _silo;

    public DurableSilo(string connectionString)
    {
        ClusterId = "crash-" + Guid.NewGuid().ToString("N")[..8];
        _silo = new ClusterSilo("silo", connectionString, ClusterId);
    }

    public string ClusterId { get; }
    public string Gateway => _silo.Gateway;

    /// <summary>Everything every run of this silo printed, both streams.</summary>
    public string Output => _silo.Output;

    public bool IsRunning => _silo.IsRunning;

    public Task StartAsync() => _silo.StartAsync();

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the membership table.</summary>
    public Task KillAsync() => _silo.KillAsync();

    /// <summary>SIGTERM, then wait for the graceful stop.</summary>
    public Task StopAsync() => _silo.StopAsync();

    public Task<OrgTasksConnection> ConnectAsync() =>
        OrgTasksConnection.ConnectAsync([Gateway], TimeSpan.FromSeconds(60), TestIdentity.Operator, ClusterId);

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}
