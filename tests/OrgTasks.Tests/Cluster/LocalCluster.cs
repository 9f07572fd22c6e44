using OrgTasks.Tests.Infrastructure;
using Npgsql;
using OrgTasks.Client.Connection;

namespace OrgTasks.Tests.Cluster;

/// <summary>
/// Several <see cref="ClusterSilo"/> processes on one PostgreSQL database with one cluster id: a real cluster on
/// 127.0.0.1, started together, each with its own gateway. Clients get every gateway and fail over between them.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>
    /// Connections each silo may open. Every silo has its own pool, and together they must stay under the server's
    /// limit (the test server accepts 300, and other tests use it too): the README gives the same rule for a real cluster.
    /// </summary>
    public const int PoolPerSilo = 60;

    private LocalCluster(string connectionString, int size, bool poolAsGiven)
    {
        ConnectionString = connectionString;
        ClusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        var pooled = poolAsGiven ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = PoolPerSilo }.ConnectionString;
        Silos = Enumerable.Range(0, size).Select(i => new ClusterSilo($"silo{i}", pooled, ClusterId)).ToArray();
    }

    public string ConnectionString { get; }
    public string ClusterId { get; }
    public IReadOnlyList<ClusterSilo> Silos { get; }

    public IReadOnlyList<string> Gateways => Silos.Select(s => s.Gateway).ToList();

    /// <summary>Every silo's output, for a failure message.</summary>
    public string Output => string.Join("\n", Silos.Select(s => $"=== {s.Name} ===\n{s.Output}"));

    /// <param name="connectionString">The cluster's database.</param>
    /// <param name="size">How many silos.</param>
    /// <param name="poolAsGiven">Give every silo the connection string as it is, its pool included (or the default).</param>
    public static async Task<LocalCluster> StartAsync(string connectionString, int size, bool poolAsGiven = false)
    {
        var cluster = new LocalCluster(connectionString, size, poolAsGiven);
        try
        {
            // The first silo migrates the schema alone; the others then start together and join it.
            await cluster.Silos[0].StartAsync();
            await Task.WhenAll(cluster.Silos.Skip(1).Select(s => s.StartAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts a cluster, runs <paramref name="test"/> on it and stops it; when the test fails, every silo's output goes
    /// to <paramref name="output"/> first, so the failure can be read.
    /// </summary>
    public static async Task RunAsync(string connectionString, int size, Action<string> output, Func<LocalCluster, Task> test,
        bool poolAsGiven = false)
    {
        await using var cluster = await StartAsync(connectionString, size, poolAsGiven);
        try
        {
            await test(cluster);
        }
        catch
        {
            output(cluster.Output);
            throw;
        }
    }

    /// <summary>A client that knows every gateway of the cluster, or only <paramref name="gateways"/>.</summary>
    public Task<OrgTasksConnection> ConnectAsync(IReadOnlyList<string>? gateways = null) =>
        OrgTasksConnection.ConnectAsync(gateways ?? Gateways, TimeSpan.FromSeconds(60), TestIdentity.Operator, ClusterId);

    /// <summary>Silo ports of the active members in the membership table: what the cluster itself believes.</summary>
    public async Task<IReadOnlyList<int>> ActivePortsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT port FROM orleans_membership WHERE deployment_id = @cluster AND status = 3 ORDER BY port", connection);
        command.Parameters.AddWithValue("cluster", ClusterId);
        var ports = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ports.Add(reader.GetInt32(0));
        return ports;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos) await silo.DisposeAsync();
    }
}
