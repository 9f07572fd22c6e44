using System.Net;
using OrgTasks.Cli.Parsing;
using OrgTasks.Silo.Cluster;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Cli.Hosting;

/// <summary>
/// The options of <c>orgtasks silo</c> that make one silo a member of a larger cluster: membership timing, the address
/// other machines reach it at, the health endpoint, and Kubernetes hosting.
/// </summary>
internal sealed class ClusterOptions
{
    private static readonly MembershipTiming Defaults = new();

    public Option<TimeSpan?> ProbeTimeout { get; } = Durations.Option("--probe-timeout",
        $"How long a silo waits for each probe of another silo [default: {Defaults.ProbeTimeout.TotalSeconds:0.###}s]");

    public Option<int?> MissedProbes { get; } = new("--missed-probes")
    {
        Description = $"Probes in a row a silo may miss before it is voted dead [default: {Defaults.MissedProbesLimit}]",
        HelpName = "N",
    };

    public Option<TimeSpan?> TableRefresh { get; } = Durations.Option("--table-refresh",
        $"How often each silo re-reads the membership table [default: {Defaults.TableRefreshTimeout.TotalSeconds:0.###}s]");

    public Option<string> Advertise { get; } = new("--advertise")
    {
        Description = "The IP address (or a host name, resolved at start) other silos and clients reach this silo at; the silo "
            + "then listens on every interface (default: loopback only, for silos on one machine)",
        HelpName = "ADDRESS",
    };

    public Option<int?> HealthPort { get; } = new("--health-port")
    {
        Description = "Also serve /healthz and /readyz alone over plain HTTP on this port (the --http-port serves them too) (default: none)",
        HelpName = "PORT",
    };

    public Option<bool> Kubernetes { get; } = new("--kubernetes")
    {
        Description = "Running in a Kubernetes pod: take the pod's name and IP from POD_NAME and POD_IP and watch the cluster's pods",
    };

    public Option<string> AgentPlacement { get; } = new("--agent-placement")
    {
        Description = "Where agents' grains are activated: spread (Orleans' default) or with-caller (beside the group that first calls them) [default: spread]",
        HelpName = "spread|with-caller",
    };

    public void AddTo(Command command)
    {
        command.Add(AgentPlacement);
        command.Add(ProbeTimeout);
        command.Add(MissedProbes);
        command.Add(TableRefresh);
        command.Add(Advertise);
        command.Add(HealthPort);
        command.Add(Kubernetes);
    }

    /// <summary>The plain-HTTP health port, or null.</summary>
    public int? HealthPortOf(ParseResult result) => result.GetValue(HealthPort) is { } port
        ? port is >= 1 and <= 65535 ? port : throw new CliException($"{HealthPort.Name}: {port} is not a port (1–65535)")
        : null;

    /// <summary>Puts the cluster options into <paramref name="settings"/>; storage must already be set.</summary>
    public void ApplyTo(ParseResult result, SiloSettings settings)
    {
        var timing = settings.Membership;
        if (result.GetValue(ProbeTimeout) is { } probe) timing.ProbeTimeout = probe;
        if (result.GetValue(MissedProbes) is { } missed)
            timing.MissedProbesLimit = missed >= 1 ? missed : throw new CliException($"{MissedProbes.Name}: {missed} is not a count of at least 1");
        if (result.GetValue(TableRefresh) is { } refresh) timing.TableRefreshTimeout = refresh;

        if (result.GetValue(Advertise) is { Length: > 0 } text) settings.AdvertisedAddress = AdvertisedAddress(text);
        settings.Kubernetes = result.GetValue(Kubernetes);
        settings.AgentPlacement = result.GetValue(AgentPlacement) switch
        {
            null or "spread" => Silo.Cluster.AgentPlacement.Spread,
            "with-caller" => Silo.Cluster.AgentPlacement.WithCaller,
            var other => throw new CliException($"{AgentPlacement.Name}: '{other}' is not one of: spread, with-caller"),
        };

        // A cluster of several silos needs a membership table they share; memory storage has none.
        if (settings.Storage == StorageKind.Memory && (settings.AdvertisedAddress is not null || settings.Kubernetes))
            throw new CliException($"{(settings.Kubernetes ? Kubernetes.Name : Advertise.Name)} joins silos into a cluster on PostgreSQL; "
                + "--storage memory keeps a silo to itself");
    }

    /// <summary>
    /// An IP address, or a host name resolved now (IPv4 first): in compose a silo advertises its service name, which
    /// resolves to its container's address on the project network.
    /// </summary>
    private IPAddress AdvertisedAddress(string text)
    {
        IPAddress? address;
        try
        {
            address = IPAddress.TryParse(text, out var parsed) ? parsed
                : Dns.GetHostAddresses(text).OrderBy(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault();
        }
        catch (System.Net.Sockets.SocketException error)
        {
            throw new CliException($"{Advertise.Name}: cannot resolve '{text}' ({error.Message.TrimEnd('.')})");
        }
        if (address is null || IPAddress.Any.Equals(address) || IPAddress.IPv6Any.Equals(address))
            throw new CliException($"{Advertise.Name}: '{text}' is not an address other machines can reach (for example 10.0.0.5)");
        return address;
    }

    /// <summary>The part of the start-up line about the cluster.</summary>
    public static string Describe(SiloSettings settings)
    {
        var parts = new List<string> { $"membership {settings.Membership.Describe()}" };
        if (settings.AdvertisedAddress is { } address) parts.Add($"advertised as {address}");
        if (settings.Kubernetes) parts.Add("Kubernetes hosting");
        if (settings.AgentPlacement != Silo.Cluster.AgentPlacement.Spread) parts.Add("agents placed with their callers");
        return string.Join(", ", parts);
    }
}
