using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Parsing;
using OrgTasks.Api.Hosting;
using OrgTasks.Silo.Hosting;
using OrgTasks.Silo.Telemetry;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks silo</c>: runs one silo until Ctrl+C or SIGTERM, then stops it gracefully.</summary>
internal static class SiloCommand
{
    public const string TelemetryVariable = "ORGTASKS_TELEMETRY";
    public const string ReadyLine = "ready";
    public const string SigningKeysVariable = SiloSettings.SigningKeysVariable;

    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(25);

    public static Command Create()
    {
        var defaults = new SiloSettings();
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic", HelpName = "PORT", DefaultValueFactory = _ => defaults.SiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients connect to", HelpName = "PORT", DefaultValueFactory = _ => defaults.GatewayPort };
        var httpPort = new Option<int?>("--http-port")
        {
            Description = $"Serve the HTTP API (/api/v1, /openapi/v1.json, /api) and /healthz, /readyz on this port, with the gateway's TLS "
                + $"[env: {ServerArguments.HttpPortVariable}; default: none here, {ServerSettings.DefaultHttpPort} in orgtasks-server]",
            HelpName = "PORT",
            DefaultValueFactory = _ => int.TryParse(Environment.GetEnvironmentVariable(ServerArguments.HttpPortVariable), out var fromEnvironment) ? fromEnvironment : null,
        };
        var storage = new StorageOptions();
        var exporters = OrgTasksTelemetryExtensions.Exporters.ToDictionary(e => e);
        var telemetry = Choices.Option("--telemetry", $"Export traces and metrics [env: {TelemetryVariable}]", exporters,
            defaultValue: Environment.GetEnvironmentVariable(TelemetryVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : "none");
        var clusterId = ClientOptions.ClusterIdOption();
        var cluster = new ClusterOptions();
        var signingKeys = new Option<string?>("--signing-keys")
        {
            Description = $"The credential signing keys every silo of the cluster shares (must exist) [env: {SigningKeysVariable}; "
                + "default: this user's, made on first start, and the operator's credential with them]",
            HelpName = "FILE",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(SigningKeysVariable) is { Length: > 0 } file ? file : null,
        };
        var links = new LinkOptions(silo: true);
        var command = new Command("silo", "Run a silo on this machine until Ctrl+C or SIGTERM; prints 'ready' once it accepts clients")
        {
            siloPort, gatewayPort, httpPort, telemetry, clusterId, signingKeys,
        };
        storage.AddTo(command);
        cluster.AddTo(command);
        links.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            var exporter = result.GetRequiredValue(telemetry);
            if (!exporters.ContainsKey(exporter))
                throw new CliException($"--telemetry: '{exporter}' (from {TelemetryVariable}) is not one of: {string.Join(", ", exporters.Keys)}");
            var settings = new SiloSettings
            {
                SiloPort = Port(result, siloPort),
                GatewayPort = Port(result, gatewayPort),
                ClusterId = result.GetRequiredValue(clusterId),
                TelemetryExporter = exporter,
                SigningKeysFile = result.GetValue(signingKeys),
            };
            storage.ApplyTo(result, settings);
            cluster.ApplyTo(result, settings);
            settings.Links = links.Settings(result);

            PortCheck.RequireFree(settings.SiloPort, siloPort.Name);
            PortCheck.RequireFree(settings.GatewayPort, gatewayPort.Name);
            var server = new ServerSettings
            {
                Silo = settings,
                HttpPort = result.GetValue(httpPort) is { } http ? Port(http, httpPort.Name) : null,
                HealthPort = cluster.HealthPortOf(result),
            };
            if (server.Problem() is { } problem) throw new CliException(problem);
            if (server.HttpPort is { } serving) PortCheck.RequireFree(serving, httpPort.Name);
            if (server.HealthPort is { } healthPort) PortCheck.RequireFree(healthPort, cluster.HealthPort.Name);
            var credential = LocalOperator.Describe(settings);
            var store = await StorageOptions.PrepareAsync(settings, cancellation);
            try
            {
                using var host = SiloHosts.Build(server);
                await SiloHosts.StartAsync(host, settings, cancellation);
                result.Out().WriteLine($"silo up: {SiloHosts.Describe(settings, store)}; telemetry: {settings.TelemetryExporter}");
                if (settings.Storage == StorageKind.Postgres) result.Out().WriteLine($"cluster: {ClusterOptions.Describe(settings)}");
                if (server.HttpPort is not null || server.HealthPort is not null) result.Out().WriteLine($"http: {ServerProgram.Describe(server)}");
                result.Out().WriteLine(credential);
                result.Out().WriteLine(ReadyLine);

                await StoppedAsync(host, cancellation);
                result.Err().WriteLine("stopping the silo …");
                await SiloHosts.StopAsync(host, StopLimit);
                result.Err().WriteLine("silo stopped");
            }
            finally
            {
                // A managed PostgreSQL this silo started goes down with it, unless someone else is still connected.
                if (await store.CloseAsync(CancellationToken.None)) result.Err().WriteLine("managed PostgreSQL stopped");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Returns on Ctrl+C or SIGTERM, whichever of the command line or the host's own lifetime sees it first.</summary>
    private static async Task StoppedAsync(IHost host, CancellationToken cancellation)
    {
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // The one way out of a silo's run: asked to stop.
        }
    }

    private static int Port(ParseResult result, Option<int> option) => Port(result.GetValue(option), option.Name);

    private static int Port(int port, string name) =>
        port is >= 1 and <= 65535 ? port : throw new CliException($"{name}: {port} is not a port (1–65535)");
}
