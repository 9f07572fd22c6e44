using OrgTasks.Api.Hosting;
using OrgTasks.Links;
using OrgTasks.Silo.Health;
using OrgTasks.Silo.Hosting;
using OrgTasks.Tests.Organization;
using YamlDotNet.RepresentationModel;

namespace OrgTasks.Tests.Deploy;

/// <summary>
/// deploy/compose/compose.yaml, checked without Docker (no daemon and no compose plugin here): it parses (with its
/// anchors and merges resolved), and its services depend on each other, share the secret and use the ports as intended.
/// </summary>
[Trait("Category", "Deploy")]
public sealed class ComposeFileTests
{
    private static readonly YamlNode Compose = DeployFiles.Yaml(Path.Combine("compose", "compose.yaml")).Single();
    private static readonly string[] SiloNames = ["silo1", "silo2", "silo3"];

    private static YamlNode Service(string name) => Compose.At("services", name);

    [Fact]
    public void It_holds_postgres_the_schema_the_certificates_the_keys_three_silos_and_an_optional_collector()
    {
        var services = Compose.Map("services").Keys.Order().ToList();
        Assert.Equal(["certs", "keys", "otel-collector", "postgres", "schema", "silo1", "silo2", "silo3"], services);
        Assert.Equal(["telemetry"], Service("otel-collector").Texts("profiles"));
        Assert.True(File.Exists(DeployFiles.PathOf(Path.Combine("compose", "otel-collector.yaml"))));
        Assert.NotEmpty(DeployFiles.Yaml(Path.Combine("compose", "otel-collector.yaml")).Single().Map("service", "pipelines"));
    }

    [Fact]
    public void Silos_start_after_the_schema_and_the_schema_after_postgres_is_healthy()
    {
        Assert.Equal("service_healthy", Service("schema").Text("depends_on", "postgres", "condition"));
        Assert.Contains("db init", Service("schema").Texts("entrypoint").Last());
        foreach (var silo in SiloNames)
            Assert.Equal("service_completed_successfully", Service(silo).Text("depends_on", "schema", "condition"));
    }

    [Fact]
    public void Every_silo_runs_the_server_advertises_its_own_name_publishes_its_gateway_and_http_port_and_is_checked_for_readiness()
    {
        var published = new List<string>();
        foreach (var silo in SiloNames)
        {
            var service = Service(silo);
            var command = service.Texts("entrypoint").Last();
            Assert.Contains("exec dotnet /app/orgtasks-server.dll --", command);
            Assert.Contains($"--gateway-port {new SiloSettings().GatewayPort}", command);
            Assert.Contains("--advertise \"$$(hostname)\"", command);
            Assert.Contains($"--http-port {ServerSettings.DefaultHttpPort} --health-port 8081", command);
            Assert.Equal(silo, service.Text("hostname"));
            var ports = service.Texts("ports");
            Assert.Equal(2, ports.Count);
            Assert.EndsWith($":{new SiloSettings().GatewayPort}", ports[0]);
            Assert.EndsWith($":{ServerSettings.DefaultHttpPort}", ports[1]);
            published.AddRange(ports.Select(p => p.Split(':')[0]));
            var check = service.Texts("healthcheck", "test").Last();
            Assert.Contains("/dev/tcp/127.0.0.1/8081 ", check); // the plain health port: bash speaks no TLS
            Assert.Contains($"GET {HealthPaths.Readiness} ", check);
            Assert.Equal("../..", service.Text("build", "context"));
            Assert.Equal("server", service.Text("build", "target"));
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, service.Text("build", "dockerfile"))));
        }
        Assert.Equal(SiloNames.Length * 2, published.Distinct().Count());
        // The one-shot jobs run the command line, from the image's tools stage (the server stage has none).
        foreach (var job in new[] { "schema", "certs", "keys" })
        {
            Assert.Equal("tools", Service(job).Text("build", "target"));
            Assert.Contains("/app/orgtasks.dll ", string.Join(" ", Service(job).Texts("entrypoint")) + " ");
        }
    }

    [Fact]
    public void The_password_is_a_secret_file_shared_by_postgres_and_the_silos_and_kept_out_of_git()
    {
        var file = Compose.Text("secrets", "postgres-password", "file");
        Assert.Equal("/run/secrets/postgres-password", Service("postgres").Text("environment", "POSTGRES_PASSWORD_FILE"));
        foreach (var name in SiloNames.Append("schema").Append("postgres"))
            Assert.Contains("postgres-password", Service(name).Texts("secrets"));
        Assert.Contains(Path.GetFileName(file), File.ReadAllLines(DeployFiles.PathOf(Path.Combine("compose", ".gitignore"))));
        // Pools: three silos' connections fit under the server's limit.
        var limit = int.Parse(Service("postgres").Texts("command").Single(a => a.StartsWith("max_connections=")).Split('=')[1]);
        // The default pool, unless the connection string names one, and the journals' own.
        var named = System.Text.RegularExpressions.Regex.Match(Service("silo1").Texts("entrypoint").Last(), @"Maximum Pool Size=(\d+)");
        var pool = (named.Success ? int.Parse(named.Groups[1].Value) : OrgTasks.Postgres.PostgresConnectionStrings.MaxPoolSize)
            + OrgTasks.Postgres.Journals.PgJournalStore.ConnectionsFor(new());
        Assert.True(SiloNames.Length * pool < limit, $"{SiloNames.Length} × {pool} connections do not fit under max_connections={limit}");
    }

    [Fact]
    public void Silos_link_with_the_certificates_the_certs_service_makes_in_the_volume_they_read()
    {
        var certs = Service("certs");
        Assert.Equal("certs", certs.Texts("entrypoint").Last());
        var config = certs.Text("environment", OrgTasks.Identity.OrgTasksConfigFolder.EnvironmentVariable);
        var volume = certs.Texts("volumes").Single().Split(':');
        Assert.Equal(config, volume[1]);
        var tls = new LocalTlsFolder(Path.Combine(config, "tls"));
        foreach (var silo in SiloNames)
        {
            var service = Service(silo);
            Assert.Equal("service_completed_successfully", service.Text("depends_on", "certs", "condition"));
            Assert.Contains($"{volume[0]}:{config}:ro", service.Texts("volumes"));
            Assert.Equal(tls.SiloCertificate, service.Text("environment", LinkSettings.CertificateVariable));
            Assert.Equal(tls.SiloKey, service.Text("environment", LinkSettings.CertificateKeyVariable));
            Assert.Equal(tls.CaCertificate, service.Text("environment", LinkSettings.CaVariable));
            Assert.DoesNotContain("--insecure", service.Texts("entrypoint").Last());
        }
    }

    [Fact]
    public void Silos_share_the_signing_keys_the_keys_service_makes_once_in_the_volume_they_read()
    {
        var keys = Service("keys");
        var config = keys.Text("environment", OrgTasks.Identity.OrgTasksConfigFolder.EnvironmentVariable);
        var file = Path.Combine(config, OrgTasks.Identity.OrgTasksConfigFolder.SigningKeysFileName);
        var volume = keys.Texts("volumes").Single().Split(':');
        Assert.Equal(config, volume[1]);
        var made = keys.Texts("entrypoint").Last();
        Assert.Contains($"test -f {file} ||", made);
        Assert.Contains($"credentials rotate-key --signing-keys {file}", made);
        foreach (var silo in SiloNames)
        {
            var service = Service(silo);
            Assert.Equal("service_completed_successfully", service.Text("depends_on", "keys", "condition"));
            Assert.Contains($"{volume[0]}:{config}:ro", service.Texts("volumes"));
            Assert.Equal(file, service.Text("environment", OrgTasks.Silo.Hosting.SiloSettings.SigningKeysVariable));
        }
    }
}
