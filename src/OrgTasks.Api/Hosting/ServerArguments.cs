using System.Globalization;
using System.Net;
using OrgTasks.Links;
using OrgTasks.Silo.Cluster;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Api.Hosting;

/// <summary>
/// The server program's settings from its arguments and environment, with the names and variables <c>orgtasks silo</c>
/// takes (so a deployment moves from one to the other by changing the program, not its flags), plus
/// <c>--http-port</c> (default 8080, <c>ORGTASKS_HTTP_PORT</c>). A mistake is one <see cref="OrgTasksException"/>
/// naming the flag and what is wrong.
/// </summary>
public static class ServerArguments
{
    public const string HttpPortVariable = "ORGTASKS_HTTP_PORT";

    /// <summary>The usage text of <c>--help</c>.</summary>
    public const string Usage = """
        orgtasks-server: one OrgTasks silo with its HTTP API (/api/v1, /openapi/v1.json, /api) and health (/healthz, /readyz).
          --http-port PORT        HTTP API and health, TLS like the gateway [env: ORGTASKS_HTTP_PORT; default: 8080]
          --health-port PORT      also /healthz and /readyz alone, plain HTTP, on this port [default: none]
          --silo-port PORT        silo-to-silo traffic [default: 11111]
          --gateway-port PORT     Orleans clients (the CLI) [default: 30000]
          --cluster-id ID         silos with the same id form one cluster [env: ORGTASKS_CLUSTER_ID; default: orgtasks]
          --storage postgres|memory, --connection STRING [env: ORGTASKS_POSTGRES], --data DIR [env: ORGTASKS_DATA]
          --signing-keys FILE     the cluster's credential signing keys [env: ORGTASKS_SIGNING_KEYS]
          --insecure | --ca FILE --certificate FILE [--certificate-key FILE]  [env: ORGTASKS_CA, ORGTASKS_CERTIFICATE, ORGTASKS_CERTIFICATE_KEY]
          --advertise ADDRESS, --kubernetes, --agent-placement spread|with-caller
          --probe-timeout D, --missed-probes N, --table-refresh D   (D: 90s, 15m, 2h or hh:mm:ss)
          --telemetry none|console|otlp [env: ORGTASKS_TELEMETRY]
        """;

    private static readonly HashSet<string> Switches = ["--insecure", "--kubernetes"];

    /// <summary>Null when <c>--help</c> was asked for.</summary>
    public static ServerSettings? Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h") return null;
            if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new OrgTasksException($"'{arg}' is not an option (see --help)");
            var split = arg.IndexOf('=');
            var name = split > 0 ? arg[..split] : arg;
            if (!Known.Contains(name)) throw new OrgTasksException($"{name}: no such option (see --help)");
            if (Switches.Contains(name)) given[name] = split > 0 ? arg[(split + 1)..] : "true";
            else if (split > 0) given[name] = arg[(split + 1)..];
            else if (i + 1 < args.Count) given[name] = args[++i];
            else throw new OrgTasksException($"{name}: a value is missing");
        }
        string? Value(string name, string? variable = null) =>
            given.TryGetValue(name, out var value) ? value
            : variable is not null && environment(variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;

        var silo = new SiloSettings();
        var settings = new ServerSettings { Silo = silo };
        silo.SiloPort = Port("--silo-port", Value("--silo-port")) ?? silo.SiloPort;
        silo.GatewayPort = Port("--gateway-port", Value("--gateway-port")) ?? silo.GatewayPort;
        settings.HttpPort = Port("--http-port", Value("--http-port", HttpPortVariable)) ?? ServerSettings.DefaultHttpPort;
        settings.HealthPort = Port("--health-port", Value("--health-port"));
        silo.ClusterId = Value("--cluster-id", "ORGTASKS_CLUSTER_ID") ?? silo.ClusterId;
        silo.TelemetryExporter = Value("--telemetry", "ORGTASKS_TELEMETRY") ?? "none";
        if (!OrgTasks.Silo.Telemetry.OrgTasksTelemetryExtensions.Exporters.Contains(silo.TelemetryExporter))
            throw new OrgTasksException($"--telemetry: '{silo.TelemetryExporter}' is not one of: {string.Join(", ", OrgTasks.Silo.Telemetry.OrgTasksTelemetryExtensions.Exporters)}");
        silo.SigningKeysFile = Value("--signing-keys", SiloSettings.SigningKeysVariable);

        silo.Storage = Value("--storage") switch
        {
            null or "postgres" => StorageKind.Postgres,
            "memory" => StorageKind.Memory,
            var other => throw new OrgTasksException($"--storage: '{other}' is not one of: postgres, memory"),
        };
        if (silo.Storage == StorageKind.Postgres)
        {
            silo.DataDirectory = Value("--data");
            silo.ConnectionString = Value("--connection") ?? (silo.DataDirectory is null ? environment(OrgTasks.Postgres.Hosting.PostgresStore.ConnectionVariable) : null);
            if (given.ContainsKey("--connection") && given.ContainsKey("--data"))
                throw new OrgTasksException("--connection names an external PostgreSQL and --data the managed one's folder: give one of them");
        }
        else if (given.ContainsKey("--connection") || given.ContainsKey("--data"))
        {
            throw new OrgTasksException("--connection and --data are for --storage postgres");
        }

        silo.Links = Links(given, environment);
        silo.Kubernetes = given.ContainsKey("--kubernetes") && Switch("--kubernetes", given["--kubernetes"]);
        if (Value("--advertise") is { } advertise) silo.AdvertisedAddress = Address(advertise);
        silo.AgentPlacement = Value("--agent-placement") switch
        {
            null or "spread" => AgentPlacement.Spread,
            "with-caller" => AgentPlacement.WithCaller,
            var other => throw new OrgTasksException($"--agent-placement: '{other}' is not one of: spread, with-caller"),
        };
        if (Value("--probe-timeout") is { } probe) silo.Membership.ProbeTimeout = Duration("--probe-timeout", probe);
        if (Value("--table-refresh") is { } refresh) silo.Membership.TableRefreshTimeout = Duration("--table-refresh", refresh);
        if (Value("--missed-probes") is { } missed)
            silo.Membership.MissedProbesLimit = int.TryParse(missed, CultureInfo.InvariantCulture, out var count) && count >= 1
                ? count : throw new OrgTasksException($"--missed-probes: '{missed}' is not a count of at least 1");
        if (silo.Storage == StorageKind.Memory && (silo.AdvertisedAddress is not null || silo.Kubernetes))
            throw new OrgTasksException($"{(silo.Kubernetes ? "--kubernetes" : "--advertise")} joins silos into a cluster on PostgreSQL; --storage memory keeps a silo to itself");
        if (settings.Problem() is { } problem) throw new OrgTasksException(problem);
        return settings;
    }

    private static readonly HashSet<string> Known =
    [
        "--silo-port", "--gateway-port", "--http-port", "--health-port", "--cluster-id", "--telemetry", "--signing-keys",
        "--storage", "--connection", "--data", "--insecure", "--ca", "--certificate", "--certificate-key", "--kubernetes",
        "--advertise", "--agent-placement", "--probe-timeout", "--table-refresh", "--missed-probes",
    ];

    private static LinkSettings Links(Dictionary<string, string> given, Func<string, string?> environment)
    {
        string? File(string name, string variable) =>
            given.TryGetValue(name, out var value) ? Path.GetFullPath(value)
            : environment(variable) is { Length: > 0 } fromEnvironment ? Path.GetFullPath(fromEnvironment) : null;
        var insecure = given.TryGetValue("--insecure", out var flag) && Switch("--insecure", flag);
        if (insecure && (given.ContainsKey("--ca") || given.ContainsKey("--certificate")))
            throw new OrgTasksException("--insecure turns TLS off; --certificate and --ca are for TLS: give one or the other");
        if (insecure) return new LinkSettings { Insecure = true };
        var links = new LinkSettings
        {
            CertificateAuthorityPath = File("--ca", LinkSettings.CaVariable),
            CertificatePath = File("--certificate", LinkSettings.CertificateVariable),
            CertificateKeyPath = File("--certificate-key", LinkSettings.CertificateKeyVariable),
        };
        if ((links.CertificatePath is null) != (links.CertificateAuthorityPath is null))
            throw new OrgTasksException("--certificate and --ca go together: a silo's own certificate and the CA that signed it");
        if (links.CertificateKeyPath is not null && links.CertificatePath is null) throw new OrgTasksException("--certificate-key needs --certificate");
        return links;
    }

    private static int? Port(string name, string? text) =>
        text is null ? null
        : int.TryParse(text, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port
        : throw new OrgTasksException($"{name}: {text} is not a port (1–65535)");

    private static bool Switch(string name, string text) =>
        bool.TryParse(text, out var on) ? on : throw new OrgTasksException($"{name}: '{text}' is not true or false");

    private static TimeSpan Duration(string name, string text)
    {
        var t = text.Trim();
        TimeSpan? unit = t.Length >= 2 ? char.ToLowerInvariant(t[^1]) switch
        {
            's' => TimeSpan.FromSeconds(1), 'm' => TimeSpan.FromMinutes(1), 'h' => TimeSpan.FromHours(1), _ => null,
        } : null;
        if (unit is { } u && double.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            return TimeSpan.FromTicks((long)(amount * u.Ticks));
        if (t.Contains(':') && TimeSpan.TryParseExact(t, ["c", "g"], CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero) return value;
        throw new OrgTasksException($"{name}: '{text}' is not a positive duration; use 90s, 15m, 2h or hh:mm:ss");
    }

    private static IPAddress Address(string text)
    {
        IPAddress? address;
        try
        {
            address = IPAddress.TryParse(text, out var parsed) ? parsed
                : Dns.GetHostAddresses(text).OrderBy(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault();
        }
        catch (System.Net.Sockets.SocketException error)
        {
            throw new OrgTasksException($"--advertise: cannot resolve '{text}' ({error.Message.TrimEnd('.')})");
        }
        if (address is null || IPAddress.Any.Equals(address) || IPAddress.IPv6Any.Equals(address))
            throw new OrgTasksException($"--advertise: '{text}' is not an address other machines can reach (for example 10.0.0.5)");
        return address;
    }
}
