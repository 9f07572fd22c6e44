using System.Net;
using OrgTasks.Links;
using OrgTasks.Silo.Cluster;

namespace OrgTasks.Silo.Hosting;

/// <summary>How one silo is started: ports, cluster identity, storage, telemetry.</summary>
public sealed class SiloSettings
{
    /// <summary>Port for silo-to-silo traffic. Default: 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port client apps connect to. Default: 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Silos with the same cluster id form one cluster. Default: <c>orgtasks</c>.</summary>
    public string ClusterId { get; set; } = "orgtasks";

    /// <summary>Identifies the deployment across cluster restarts (keys stored state). Default: <c>orgtasks</c>.</summary>
    public string ServiceId { get; set; } = "orgtasks";

    /// <summary>
    /// Where state lives. PostgreSQL is the default because a silo's whole point is to lose nothing when it dies;
    /// memory is for tests and quick demos. Default: <see cref="StorageKind.Postgres"/>.
    /// </summary>
    public StorageKind Storage { get; set; } = StorageKind.Postgres;

    /// <summary>
    /// With <see cref="StorageKind.Postgres"/>: the server to use (an Npgsql connection string). Null means the
    /// managed server in <see cref="DataDirectory"/>; <see cref="SiloStore.PrepareAsync"/> starts it and fills this in.
    /// A string that sets no pool size gets OrgTasks' burst-sized pool.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// With <see cref="StorageKind.Postgres"/> and no connection string: the project's data folder, where the managed
    /// server keeps its files. Null means <c>ORGTASKS_DATA</c>, else the default (see <c>OrgTasksDataFolder</c>).
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// How long a grain call may take before it fails. Orleans' default of 30 s is too short for a citywide
    /// fan-out during a cold start. Default: 2 minutes.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Telemetry export: <c>none</c>, <c>console</c> or <c>otlp</c>. Default: <c>none</c>.</summary>
    public string TelemetryExporter { get; set; } = "none";

    /// <summary>How fast a silo that died is noticed by the others (see <see cref="MembershipTiming"/>).</summary>
    public MembershipTiming Membership { get; set; } = new();

    /// <summary>
    /// The address other silos and clients reach this silo at. Null keeps the silo on loopback (127.0.0.1), for one
    /// machine; an address makes it listen on every interface and advertise that one, for silos on several hosts.
    /// Default: null.
    /// </summary>
    public IPAddress? AdvertisedAddress { get; set; }

    /// <summary>
    /// Running in a Kubernetes pod: Orleans' Kubernetes hosting takes the pod's name and IP (<c>POD_NAME</c>,
    /// <c>POD_IP</c>) and watches the pods of the cluster, so a deleted pod's silo is declared dead at once. Default: false.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>
    /// The credential signing keys (see <c>SigningKeyRing</c>): every silo of a cluster must read the same file. Null means
    /// this user's default (<c>$ORGTASKS_CONFIG/signing-keys.json</c>, else <c>~/.config/orgtasks/signing-keys.json</c>),
    /// made on first start, so silos started on one machine share it; a file named here must exist. Default: null.
    /// </summary>
    public string? SigningKeysFile { get; set; }

    /// <summary>The environment variable that names <see cref="SigningKeysFile"/> to <c>orgtasks silo</c>.</summary>
    public const string SigningKeysVariable = "ORGTASKS_SIGNING_KEYS";

    /// <summary>Where agents' grains are activated in a cluster (see <see cref="Cluster.AgentPlacement"/>). Default: spread.</summary>
    public AgentPlacement AgentPlacement { get; set; } = AgentPlacement.Spread;

    /// <summary>
    /// TLS on the gateway and mutual TLS between silos, with this machine's local CA unless files are named; plaintext
    /// only with <see cref="LinkSettings.Insecure"/>. Default: TLS with the local CA.
    /// </summary>
    public LinkSettings Links { get; set; } = new();
}
