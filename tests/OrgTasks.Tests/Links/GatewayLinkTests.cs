using System.Runtime.Versioning;
using OrgTasks.Client.Connection;
using OrgTasks.Errors;
using OrgTasks.Links;
using OrgTasks.Silo.Links;
using OrgTasks.Tests.EndToEnd;

namespace OrgTasks.Tests.Links;

/// <summary>
/// The gateway speaks TLS by default: a client that trusts the silo's CA gets in; one that trusts another CA, or
/// speaks plaintext, is refused; a silo started with --insecure says so and takes plaintext clients only.
/// </summary>
[Trait("Category", "Links")]
public sealed class GatewayLinkTests
{
    /// <summary>For the connections that must be refused: a refusal comes within it.</summary>
    private static readonly TimeSpan RefusedConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>For the connections that must succeed: a silo that has just said "ready" on a busy machine may be slow.</summary>
    private static readonly TimeSpan AcceptedConnectTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The operator's credential the silo made in its own configuration folder when it started.</summary>
    private static string OperatorOf(LinkSilo silo) =>
        CredentialFile.Read(Path.Combine(silo.ConfigFolder, OrgTasks.Identity.OrgTasksConfigFolder.CredentialFileName));

    [Fact]
    public async Task Client_that_trusts_the_silos_CA_connects_and_the_silo_says_its_links_are_TLS()
    {
        await using var silo = await LinkSilo.StartAsync();
        Assert.Contains($"links: TLS, mutual between silos (CA {silo.CaPath})", silo.Output);
        await using var connection = await OrgTasksConnection.ConnectAsync([silo.Gateway], AcceptedConnectTimeout, OperatorOf(silo), silo.ClusterId,
            links: new LinkSettings { CertificateAuthorityPath = silo.CaPath });
        Assert.Empty(await connection.Client.GetBreachesAsync());
    }

    [Fact]
    public async Task Client_that_trusts_another_CA_cannot_connect()
    {
        await using var silo = await LinkSilo.StartAsync();
        var other = new LocalTlsFolder(Path.Combine(LinkFolders.NewConfigFolder(), "tls"));
        LocalCertificateAuthority.Ensure(other);
        await Assert.ThrowsAsync<OrgTasksException>(() => OrgTasksConnection.ConnectAsync([silo.Gateway], RefusedConnectTimeout, OperatorOf(silo), silo.ClusterId,
            links: new LinkSettings { CertificateAuthorityPath = other.CaCertificate }));
    }

    [Fact]
    public async Task Plaintext_client_is_refused_by_a_TLS_silo()
    {
        await using var silo = await LinkSilo.StartAsync();
        await Assert.ThrowsAsync<OrgTasksException>(() => OrgTasksConnection.ConnectAsync([silo.Gateway], RefusedConnectTimeout, OperatorOf(silo), silo.ClusterId,
            links: new LinkSettings { Insecure = true }));
    }

    [Fact]
    public async Task Insecure_silo_says_so_at_start_up_and_refuses_a_TLS_client()
    {
        await using var silo = await LinkSilo.StartAsync("--insecure");
        Assert.Contains("links: PLAINTEXT (--insecure: links are not encrypted)", silo.Output);
        Assert.False(File.Exists(silo.CaPath), "an insecure silo makes no CA");
        await using (var plain = await OrgTasksConnection.ConnectAsync([silo.Gateway], AcceptedConnectTimeout, OperatorOf(silo), silo.ClusterId,
            links: new LinkSettings { Insecure = true }))
        {
            Assert.Empty(await plain.Client.GetBreachesAsync());
        }
        var other = new LocalTlsFolder(Path.Combine(LinkFolders.NewConfigFolder(), "tls"));
        LocalCertificateAuthority.Ensure(other);
        await Assert.ThrowsAsync<OrgTasksException>(() => OrgTasksConnection.ConnectAsync([silo.Gateway], RefusedConnectTimeout, OperatorOf(silo), silo.ClusterId,
            links: new LinkSettings { CertificateAuthorityPath = other.CaCertificate }));
    }

    [Fact]
    public async Task Cli_finds_the_local_CA_by_itself_and_without_one_names_where_it_looked()
    {
        await using var silo = await LinkSilo.StartAsync();
        var found = await OrgTasksProcess.RunAsync(["breaches", "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId],
            environment: new Dictionary<string, string> { ["ORGTASKS_CONFIG"] = silo.ConfigFolder });
        Assert.True(found.ExitCode == 0, found.ToString());

        var elsewhere = LinkFolders.NewConfigFolder();
        var missing = await OrgTasksProcess.RunAsync(["breaches", "--gateway", silo.Gateway, "--cluster-id", silo.ClusterId],
            environment: new Dictionary<string, string> { ["ORGTASKS_CONFIG"] = elsewhere });
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"orgtasks: no certificate authority at {Path.Combine(elsewhere, "tls", "ca.crt")}", missing.Stderr);
        Assert.DoesNotContain("   at ", missing.Stderr);
    }

    [Fact]
    public async Task Insecure_with_a_certificate_authority_is_refused_as_a_contradiction()
    {
        var silo = await OrgTasksProcess.RunAsync("silo", "--storage", "memory", "--insecure", "--certificate", "silo.crt", "--ca", "ca.crt");
        Assert.Equal(1, silo.ExitCode);
        Assert.Contains("orgtasks: --insecure turns TLS off; --certificate and --ca are for TLS: give one or the other", silo.Stderr);
        var client = await OrgTasksProcess.RunAsync("breaches", "--insecure", "--ca", "ca.crt");
        Assert.Equal(1, client.ExitCode);
        Assert.Contains("orgtasks: --insecure turns TLS off; --ca is for TLS", client.Stderr);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Private_keys_are_readable_by_their_owner_only()
    {
        await using var silo = await LinkSilo.StartAsync();
        var tls = new LocalTlsFolder(Path.Combine(silo.ConfigFolder, "tls"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tls.CaKey));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tls.SiloKey));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(tls.Folder));
        var key = File.ReadAllText(tls.SiloKey);
        Assert.DoesNotContain(key.Split('\n')[1], silo.Output);
    }
}
