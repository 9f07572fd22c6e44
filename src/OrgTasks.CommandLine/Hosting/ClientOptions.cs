using OrgTasks.Client.Connection;

namespace OrgTasks.Cli.Hosting;

/// <summary>The options every command that talks to a running cluster shares: where the gateways are, which cluster.</summary>
internal sealed class ClientOptions
{
    public const string GatewayVariable = "ORGTASKS_GATEWAY";
    public const string ClusterIdVariable = "ORGTASKS_CLUSTER_ID";
    public const string DefaultClusterId = "orgtasks";

    /// <summary>How long to wait for a first gateway to answer before saying the cluster is unreachable.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    public Option<string> Gateway { get; } = new("--gateway")
    {
        Description = $"Silo gateways to connect to, comma-separated; the client fails over between them "
            + $"[env: {GatewayVariable}]",
        HelpName = "HOST:PORT[,HOST:PORT…]",
        DefaultValueFactory = _ => FromEnvironment(GatewayVariable) ?? OrgTasksConnection.DefaultGateway,
    };

    public Option<string> ClusterId { get; } = ClusterIdOption();

    public Option<string?> Credential { get; } = CredentialOption();

    /// <summary>The credential option, shared with the commands that connect on their own (the load test).</summary>
    public static Option<string?> CredentialOption() => new("--credential")
    {
        Description = $"The credential every call carries [env: {CredentialFile.EnvironmentVariable}; default: the operator's, "
            + "made when a silo starts on this machine]",
        HelpName = "FILE",
    };

    public LinkOptions Links { get; } = new(silo: false);

    /// <summary>The cluster id option, shared with <c>orgtasks silo</c> so both sides default alike.</summary>
    public static Option<string> ClusterIdOption() => new("--cluster-id")
    {
        Description = $"Cluster to join; silos and clients must agree [env: {ClusterIdVariable}]",
        HelpName = "ID",
        DefaultValueFactory = _ => FromEnvironment(ClusterIdVariable) ?? DefaultClusterId,
    };

    public void AddTo(Command command)
    {
        command.Add(Gateway);
        command.Add(ClusterId);
        command.Add(Credential);
        Links.AddTo(command);
    }

    public async Task<OrgTasksConnection> ConnectAsync(ParseResult result, CancellationToken cancellation)
    {
        var gateways = ParseGateways(result.GetValue(Gateway));
        var clusterId = result.GetValue(ClusterId) ?? DefaultClusterId;
        var links = Links.Settings(result);
        // What is wrong first: a gateway that is malformed or does not answer, then the CA to check it with, then the
        // credential to show it.
        await GatewayProbe.RequireOneAsync(gateways, cancellation);
        RequireCertificateAuthority(links);
        var credential = ReadCredential(result.GetValue(Credential));
        try
        {
            return await OrgTasksConnection.ConnectAsync(gateways, ConnectTimeout, credential, clusterId, links: links);
        }
        catch (OrgTasksException)
        {
            // Something accepted the TCP connection, yet no gateway let the client in: most often another cluster, or
            // one side speaking TLS and the other not, or a silo whose certificate another CA signed.
            throw new CliException($"a silo listens at {string.Join(", ", gateways)} but the client could not join cluster "
                + $"'{clusterId}' within {ConnectTimeout.TotalSeconds:0} s; does --cluster-id (or {ClusterIdVariable}) match the silo's, "
                + $"and do the links agree (TLS with the silo's CA{(links.Insecure ? "" : $" {links.CaPath(OrgTasks.Links.LocalTlsFolder.Default)}")}, "
                + "or --insecure on both)?");
        }
    }

    /// <summary>The token from <c>--credential</c>, <c>ORGTASKS_CREDENTIAL</c> or the default file; exit 4 when there is none.</summary>
    public static string ReadCredential(string? given)
    {
        try
        {
            return CredentialFile.Read(CredentialFile.Resolve(given));
        }
        catch (AccessDeniedException refusal)
        {
            throw new CliException(refusal.Message, ExitCodes.NotAllowed);
        }
    }

    /// <summary>A client without the CA cannot check the silo: say where it was looked for and what to do.</summary>
    public static void RequireCertificateAuthority(OrgTasks.Links.LinkSettings links)
    {
        if (links.Insecure) return;
        var path = links.CaPath(OrgTasks.Links.LocalTlsFolder.Default);
        if (!File.Exists(path))
            throw new CliException($"no certificate authority at {path} to check the silo with: a silo on this machine makes it on its "
                + "first start (or run `orgtasks certs`); for a silo elsewhere give its CA with --ca FILE, for a plaintext silo --insecure");
    }

    /// <summary>Splits <c>a:1, b:2</c>; each one is checked (and resolved) by the connection.</summary>
    public static IReadOnlyList<string> ParseGateways(string? value)
    {
        var gateways = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return gateways.Length > 0 ? gateways : throw new CliException("--gateway: no gateway given (for example localhost:30000)");
    }

    private static string? FromEnvironment(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
