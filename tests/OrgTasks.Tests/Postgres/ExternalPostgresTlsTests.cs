using OrgTasks.Tests.Infrastructure;
using System.Diagnostics;
using Npgsql;
using OrgTasks.Links;
using OrgTasks.Postgres.Hosting;
using OrgTasks.Postgres.Managed;
using OrgTasks.Silo.Links;
using OrgTasks.Tests.Links;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// An external PostgreSQL reached with <c>SSL Mode=VerifyFull</c> is verified: a server whose certificate the named
/// root signed is opened as a store; one whose certificate another CA signed is refused before anything is read.
/// OrgTasks keeps the SSL settings of the string it is given.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class ExternalPostgresTlsTests
{
    [Fact]
    public async Task A_connection_string_that_asks_for_verification_accepts_only_a_server_the_named_root_signed()
    {
        await using var scratch = new ManagedServerFolder();
        await scratch.Server.StartAsync();
        var signer = new LocalTlsFolder(Path.Combine(LinkFolders.NewConfigFolder(), "tls"));
        var stranger = new LocalTlsFolder(Path.Combine(LinkFolders.NewConfigFolder(), "tls"));
        LocalCertificateAuthority.Ensure(stranger);
        await ServeTlsAsync(scratch.Server, signer);

        var verified = new NpgsqlConnectionStringBuilder(scratch.Server.ConnectionString())
        {
            SslMode = SslMode.VerifyFull, RootCertificate = signer.CaCertificate, Pooling = false,
        };
        var store = await PostgresStore.OpenAsync(verified.ConnectionString, null);
        Assert.Contains("SSL Mode=VerifyFull", store.ConnectionString, StringComparison.OrdinalIgnoreCase);
        Assert.True(await Sql.ScalarAsync<bool>(store.ConnectionString, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));

        var other = new NpgsqlConnectionStringBuilder(verified.ConnectionString) { RootCertificate = stranger.CaCertificate };
        var refused = await Assert.ThrowsAsync<PostgresSetupException>(() => PostgresStore.OpenAsync(other.ConnectionString, null));
        Assert.Contains("cannot reach PostgreSQL", refused.Message);
    }

    /// <summary>Turns SSL on in the running server with a certificate for 127.0.0.1 that <paramref name="ca"/> signs.</summary>
    private static async Task ServeTlsAsync(ManagedPostgres server, LocalTlsFolder ca)
    {
        var issued = Path.Combine(LinkFolders.NewConfigFolder(), "issued");
        var (certificate, key) = LocalCertificateAuthority.Issue(ca, issued, "postgres", ["127.0.0.1"]);
        var serverCertificate = Path.Combine(server.ClusterDirectory, "server.crt");
        var serverKey = Path.Combine(server.ClusterDirectory, "server.key");
        File.Copy(certificate, serverCertificate, overwrite: true);
        File.Copy(key, serverKey, overwrite: true);
        // The server's account must own its key (PostgreSQL refuses a key others may read).
        if (Environment.IsPrivilegedProcess)
        {
            using var chown = Process.Start("chown", ["postgres:postgres", serverCertificate, serverKey])!;
            await chown.WaitForExitAsync();
            Assert.Equal(0, chown.ExitCode);
        }
        var admin = server.AdminConnectionString(pooling: false);
        foreach (var sql in new[]
        {
            $"ALTER SYSTEM SET ssl_cert_file = '{serverCertificate}'", $"ALTER SYSTEM SET ssl_key_file = '{serverKey}'",
            "ALTER SYSTEM SET ssl = on", "SELECT pg_reload_conf()",
        })
        {
            await Sql.ExecuteAsync(admin, sql);
        }
    }
}
