using OrgTasks.Silo.Hosting;

namespace OrgTasks.Api.Hosting;

/// <summary>How one server is started: its silo, and the HTTP listener beside it (API and health).</summary>
public sealed class ServerSettings
{
    /// <summary>The port the production server serves HTTP on when none is given.</summary>
    public const int DefaultHttpPort = 8080;

    /// <summary>The silo: ports, cluster, storage, links. Default: <see cref="SiloSettings"/>' defaults.</summary>
    public SiloSettings Silo { get; set; } = new();

    /// <summary>
    /// Port of the HTTP API, <c>/healthz</c> and <c>/readyz</c>, with the same TLS as the gateway (plain HTTP with
    /// <c>--insecure</c>); null for no HTTP at all. Default: 8080 (<c>orgtasks silo</c> passes null unless asked).
    /// </summary>
    public int? HttpPort { get; set; } = DefaultHttpPort;

    /// <summary>
    /// A second port serving only <c>/healthz</c> and <c>/readyz</c>, always plain HTTP: for probes that cannot speak TLS
    /// (a kubelet, a compose health check) or that must stay inside the cluster's network. Null for none. Default: null.
    /// </summary>
    public int? HealthPort { get; set; }

    /// <summary>Largest request body the API reads, in bytes (statements, leaflets, votes). Default: 1 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>The address HTTP listens on: every interface for a silo other machines reach, else loopback.</summary>
    public System.Net.IPAddress ListenAddress =>
        Silo.AdvertisedAddress is not null || Silo.Kubernetes ? System.Net.IPAddress.Any : System.Net.IPAddress.Loopback;

    /// <summary>What is impossible about these settings (beside the silo's own checks), or null.</summary>
    public string? Problem()
    {
        foreach (var (name, port) in new[] { ("--http-port", HttpPort), ("--health-port", HealthPort) })
            if (port is { } p && p is < 1 or > 65535) return $"{name}: {p} is not a port (1–65535)";
        if (HttpPort is { } http && http == HealthPort)
            return $"--health-port {http} is the --http-port too: the API's port already serves /healthz and /readyz; give the health port only to serve them apart, on plain HTTP";
        var taken = new[] { Silo.SiloPort, Silo.GatewayPort };
        foreach (var (name, port) in new[] { ("--http-port", HttpPort), ("--health-port", HealthPort) })
            if (port is { } p && taken.Contains(p)) return $"{name}: {p} is already the silo's or the gateway's port";
        if (MaxRequestBodySize < 1024) return $"the request body limit {MaxRequestBodySize} is below 1 KiB";
        return null;
    }
}
