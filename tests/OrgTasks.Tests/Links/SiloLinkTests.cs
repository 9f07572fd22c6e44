using OrgTasks.Silo.Links;
using OrgTasks.Links;
using OrgTasks.Tests.Cluster;
using OrgTasks.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrgTasks.Tests.Links;

/// <summary>
/// Silos link with mutual TLS: a silo whose certificate another CA signed cannot join a cluster, even with the right
/// database and cluster id; one with a certificate the cluster's CA issued for it (<c>orgtasks certs --issue</c>) can.
/// </summary>
[Trait("Category", "Links")]
[Collection(FailoverCollection.Name)]
public sealed class SiloLinkTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Silo_with_a_certificate_of_another_CA_cannot_join_the_cluster()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();
        var clusterId = "mtls-" + Guid.NewGuid().ToString("N")[..8];
        var member = LinkFolders.NewConfigFolder();
        var stranger = LinkFolders.NewConfigFolder();
        await using var first = new ClusterSilo("member", database, clusterId, environment: Config(member));
        await using var intruder = new ClusterSilo("stranger", database, clusterId, environment: Config(stranger));
        try
        {
            await first.StartAsync();
            // The stranger writes itself into the membership table, but no connection to the member completes: it
            // never becomes an active member, and the member stays the cluster alone.
            await Assert.ThrowsAsync<InvalidOperationException>(() => intruder.StartAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal([first.SiloPort], await ActivePortsAsync(database, clusterId));
            Assert.Equal((200, "ok: active"), await first.HealthAsync(OrgTasks.Silo.Health.HealthPaths.Readiness));
        }
        catch
        {
            output.WriteLine($"=== member ===\n{first.Output}\n=== stranger ===\n{intruder.Output}");
            throw;
        }
    }

    [Fact]
    public async Task Silo_with_a_certificate_the_clusters_CA_issued_joins_the_cluster()
    {
        var database = await postgres.CreateEmptyDatabaseAsync();
        var clusterId = "mtls-" + Guid.NewGuid().ToString("N")[..8];
        var member = LinkFolders.NewConfigFolder();
        var tls = new LocalTlsFolder(Path.Combine(member, "tls"));
        var issued = Path.Combine(LinkFolders.NewConfigFolder(), "issued");
        var (certificate, key) = LocalCertificateAuthority.Issue(tls, issued, "host-2", ["127.0.0.1"]);
        await using var first = new ClusterSilo("member", database, clusterId, environment: Config(member));
        // Its own configuration folder is empty: it uses only the files it is given.
        await using var second = new ClusterSilo("issued", database, clusterId,
            ["--certificate", certificate, "--certificate-key", key, "--ca", tls.CaCertificate],
            Config(LinkFolders.NewConfigFolder()));
        try
        {
            await first.StartAsync();
            await second.StartAsync();
            await Poll.UntilAsync(() => ActivePortsAsync(database, clusterId), ports => ports.Count == 2, TimeSpan.FromSeconds(60), "two active silos");
        }
        catch
        {
            output.WriteLine($"=== member ===\n{first.Output}\n=== issued ===\n{second.Output}");
            throw;
        }
    }

    private static Dictionary<string, string> Config(string folder) => new() { ["ORGTASKS_CONFIG"] = folder };

    private static async Task<IReadOnlyList<int>> ActivePortsAsync(string database, string clusterId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT port FROM orleans_membership WHERE deployment_id = @cluster AND status = 3 ORDER BY port", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        var ports = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ports.Add(reader.GetInt32(0));
        return ports;
    }
}
