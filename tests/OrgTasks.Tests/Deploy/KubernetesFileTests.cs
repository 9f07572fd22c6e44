using System.Diagnostics;
using OrgTasks.Api.Hosting;
using OrgTasks.Links;
using OrgTasks.Silo.Health;
using OrgTasks.Silo.Hosting;
using YamlDotNet.RepresentationModel;

namespace OrgTasks.Tests.Deploy;

/// <summary>
/// deploy/kubernetes, checked without a cluster (kubectl's dry run needs an API server): every manifest parses, and
/// what must agree does — names, labels, ports, probes and the Secret — with each other and with the silo's code.
/// </summary>
[Trait("Category", "Deploy")]
public sealed class KubernetesFileTests
{
    private static readonly SiloSettings Defaults = new();
    private static readonly Dictionary<string, YamlMappingNode> ByKind = new[] { "rbac.yaml", "deployment.yaml", "service.yaml", "pdb.yaml" }
        .SelectMany(f => DeployFiles.Yaml(Path.Combine("kubernetes", f)))
        .ToDictionary(d => d.Text("kind"));

    private static YamlNode Pod => ByKind["Deployment"].At("spec", "template");
    private static YamlNode Silo => Pod.Items("spec", "containers").Single();

    [Fact]
    public void The_kustomization_lists_every_manifest_but_the_example_secret()
    {
        var kustomization = DeployFiles.Yaml(Path.Combine("kubernetes", "kustomization.yaml")).Single();
        var listed = kustomization.Texts("resources").Order().ToList();
        var present = Directory.GetFiles(DeployFiles.PathOf("kubernetes"), "*.yaml").Select(f => Path.GetFileName(f))
            .Where(f => f is not "kustomization.yaml" and not "secret.example.yaml").Order().ToList();
        Assert.Equal(present, listed);
        Assert.Equal(["Deployment", "PodDisruptionBudget", "Role", "RoleBinding", "Service", "ServiceAccount"], ByKind.Keys.Order());
    }

    [Fact]
    public void The_server_runs_with_kubernetes_hosting_on_the_ports_the_code_defaults_to()
    {
        var args = Silo.Texts("args");
        Assert.Equal("orgtasks-server", Silo.Text("image")); // the Dockerfile's default stage: the server, no command line
        Assert.Equal("--kubernetes", args[0]);
        Assert.Equal(Defaults.SiloPort.ToString(), args[args.ToList().IndexOf("--silo-port") + 1]);
        Assert.Equal(Defaults.GatewayPort.ToString(), args[args.ToList().IndexOf("--gateway-port") + 1]);
        var ports = Silo.Items("ports").ToDictionary(p => p.Text("name"), p => p.Text("containerPort"));
        Assert.Equal(Defaults.SiloPort.ToString(), ports["silo"]);
        Assert.Equal(Defaults.GatewayPort.ToString(), ports["gateway"]);
        Assert.Equal(args[args.ToList().IndexOf("--health-port") + 1], ports["health"]);
        Assert.Equal(ServerSettings.DefaultHttpPort.ToString(), args[args.ToList().IndexOf("--http-port") + 1]);
        Assert.Equal(ServerSettings.DefaultHttpPort.ToString(), ports["http"]);
    }

    [Fact]
    public void Prometheus_is_told_to_scrape_the_metrics_path_on_the_http_port_over_tls()
    {
        var annotations = Pod.Map("metadata", "annotations");
        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal(OrgTasks.Api.Observability.MetricsEndpoint.Path, annotations["prometheus.io/path"]);
        Assert.Equal(ServerSettings.DefaultHttpPort.ToString(), annotations["prometheus.io/port"]);
        Assert.Equal("https", annotations["prometheus.io/scheme"]);
    }

    [Fact]
    public void Probes_ask_the_silos_health_paths_on_its_http_port_over_tls()
    {
        foreach (var (probe, path) in new[] { ("startupProbe", HealthPaths.Liveness), ("livenessProbe", HealthPaths.Liveness), ("readinessProbe", HealthPaths.Readiness) })
        {
            Assert.Equal(path, Silo.Text(probe, "httpGet", "path"));
            Assert.Equal("http", Silo.Text(probe, "httpGet", "port"));
            Assert.Equal("HTTPS", Silo.Text(probe, "httpGet", "scheme"));
        }
    }

    [Fact]
    public void The_pod_carries_what_orleans_kubernetes_hosting_reads()
    {
        var labels = Pod.Map("metadata", "labels");
        Assert.Equal(Defaults.ServiceId, labels["orleans/serviceId"]);
        Assert.Equal(Defaults.ClusterId, labels["orleans/clusterId"]);
        var env = Silo.Items("env").ToDictionary(e => e.Text("name"));
        Assert.Equal("metadata.name", env["POD_NAME"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("status.podIP", env["POD_IP"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/clusterId']", env["ORGTASKS_CLUSTER_ID"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/clusterId']", env["ORLEANS_CLUSTER_ID"].Text("valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/serviceId']", env["ORLEANS_SERVICE_ID"].Text("valueFrom", "fieldRef", "fieldPath"));
    }

    [Fact]
    public void The_connection_comes_from_the_secret_the_example_describes()
    {
        var reference = Silo.Items("env").Single(e => e.Text("name") == "ORGTASKS_POSTGRES").At("valueFrom", "secretKeyRef");
        var secret = DeployFiles.Yaml(Path.Combine("kubernetes", "secret.example.yaml")).Single(d => d.Text("metadata", "name") == reference.Text("name"));
        Assert.Equal("Secret", secret.Text("kind"));
        Assert.Equal(secret.Text("metadata", "name"), reference.Text("name"));
        Assert.True(secret.Map("stringData").ContainsKey(reference.Text("key")), "the example Secret lacks the key the Deployment reads");
    }

    [Fact]
    public void The_silo_reads_its_certificate_key_and_CA_from_the_tls_secret_the_example_describes()
    {
        var env = Silo.Items("env").Where(e => ((YamlMappingNode)e).Children.ContainsKey(new YamlScalarNode("value")))
            .ToDictionary(e => e.Text("name"), e => e.Text("value"));
        var mount = Silo.Items("volumeMounts").Single(m => m.Text("name") == "tls");
        Assert.Equal("true", mount.Text("readOnly"));
        var volume = Pod.Items("spec", "volumes").Single(v => v.Text("name") == "tls");
        var secretName = volume.Text("secret", "secretName");
        var secret = DeployFiles.Yaml(Path.Combine("kubernetes", "secret.example.yaml")).Single(d => d.Text("metadata", "name") == secretName);
        foreach (var variable in new[] { LinkSettings.CertificateVariable, LinkSettings.CertificateKeyVariable, LinkSettings.CaVariable })
        {
            var path = env[variable];
            Assert.Equal(mount.Text("mountPath"), Path.GetDirectoryName(path));
            Assert.True(secret.Map("stringData").ContainsKey(Path.GetFileName(path)), $"the example Secret {secretName} lacks {Path.GetFileName(path)}");
        }
        Assert.DoesNotContain("--insecure", Silo.Texts("args"));
    }

    [Fact]
    public void Rbac_lets_the_silos_service_account_watch_and_delete_pods()
    {
        var account = ByKind["ServiceAccount"].Text("metadata", "name");
        Assert.Equal(account, Pod.Text("spec", "serviceAccountName"));
        var binding = ByKind["RoleBinding"];
        Assert.Equal(account, binding.Items("subjects").Single().Text("name"));
        Assert.Equal(ByKind["Role"].Text("metadata", "name"), binding.Text("roleRef", "name"));
        var rule = ByKind["Role"].Items("rules").Single();
        Assert.Equal(["pods"], rule.Texts("resources"));
        Assert.Equal(["delete", "get", "list", "watch"], rule.Texts("verbs").Order());
    }

    [Fact]
    public void The_gateway_service_and_the_disruption_budget_select_the_silo_pods()
    {
        var podLabels = Pod.Map("metadata", "labels");
        var deploymentSelector = ByKind["Deployment"].Map("spec", "selector", "matchLabels");
        foreach (var selector in new[] { deploymentSelector, ByKind["Service"].Map("spec", "selector"), ByKind["PodDisruptionBudget"].Map("spec", "selector", "matchLabels") })
            Assert.All(selector, label => Assert.Equal(label.Value, podLabels[label.Key]));
        var ports = ByKind["Service"].Items("spec", "ports").ToDictionary(p => p.Text("name"));
        Assert.Equal(["gateway", "http"], ports.Keys.Order());
        Assert.Equal(Defaults.GatewayPort.ToString(), ports["gateway"].Text("port"));
        Assert.Equal("gateway", ports["gateway"].Text("targetPort"));
        Assert.Equal(ServerSettings.DefaultHttpPort.ToString(), ports["http"].Text("port"));
        Assert.Equal("http", ports["http"].Text("targetPort"));
        Assert.Equal("1", ByKind["PodDisruptionBudget"].Text("spec", "maxUnavailable"));
        Assert.True(int.Parse(ByKind["Deployment"].Text("spec", "replicas")) >= 3);
    }

    [Fact]
    public void The_pod_gives_the_silo_time_to_hand_its_grains_over_and_runs_it_as_no_root()
    {
        Assert.True(int.Parse(Pod.Text("spec", "terminationGracePeriodSeconds")) > 25, "shorter than the silo's own 25 s graceful stop");
        Assert.Equal("true", Pod.Text("spec", "securityContext", "runAsNonRoot"));
    }

    [Fact]
    public void Kubectl_renders_the_kustomization_when_it_is_installed()
    {
        // kubectl kustomize works offline (unlike apply --dry-run); this machine and CI have it. Without it, the parse
        // tests above still hold.
        if (!OnPath("kubectl")) return;
        var start = new ProcessStartInfo("kubectl", ["kustomize", DeployFiles.PathOf("kubernetes")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        var stream = new YamlStream();
        stream.Load(new StringReader(output));
        Assert.Equal(6, stream.Documents.Count);
        Assert.Contains("image: orgtasks-server:local", output);
    }

    internal static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));
}
