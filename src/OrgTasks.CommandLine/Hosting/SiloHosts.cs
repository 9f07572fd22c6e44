using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrgTasks.Api.Hosting;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Cli.Hosting;

/// <summary>The silo host behind <c>orgtasks silo</c> and <c>orgtasks demo</c>.</summary>
internal static class SiloHosts
{
    /// <summary>
    /// A silo host whose log goes to stderr at Warning and above, so stdout carries only what the command prints.
    /// Grain options come from environment variables the usual .NET way (<c>OrgTasks__BreachAfter=00:10:00</c>).
    /// The grains' log messages carry ids and counts, never statement or leaflet texts. <paramref name="configure"/>
    /// adds what one command needs beside the silo (the load test's call meter). No HTTP (the demo, the load test).
    /// </summary>
    public static IHost Build(SiloSettings settings, Action<IHostApplicationBuilder>? configure = null) =>
        Build(new ServerSettings { Silo = settings, HttpPort = null }, configure);

    /// <summary>The server host (<see cref="ServerHost"/>, the same as the server program's) with the CLI's logging.</summary>
    public static IHost Build(ServerSettings settings, Action<IHostApplicationBuilder>? configure = null)
    {
        try
        {
            return ServerHost.Build(settings, builder =>
            {
                ConsoleLogging.Use(builder, LogLevel.Warning);
                configure?.Invoke(builder);
            });
        }
        catch (OrgTasks.Links.LinkSecurityException error)
        {
            throw new CliException($"TLS: {error.Message}");
        }
        catch (OrgTasksException error) when (error is not AccessDeniedException)
        {
            throw new CliException(error.Message);
        }
    }

    /// <summary>
    /// Starts the host; a port already taken or a setting that cannot be used becomes a user error naming it instead of
    /// a stack trace.
    /// </summary>
    public static async Task StartAsync(IHost host, SiloSettings settings, CancellationToken cancellation)
    {
        try
        {
            // The settings are checked before the host starts: a bad one is then only the command's one line, not
            // also the host's "hosting failed to start" log with its stack trace.
            host.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            await host.StartAsync(cancellation);
        }
        catch (InvalidOperationException error) when (error.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder's own words name the value, the setting and the type (OrgTasks__BreachAfter=banana).
            throw new CliException($"invalid setting: {error.Message.TrimEnd('.')}");
        }
        catch (Exception error) when (SocketErrorIn(error) is { } socket)
        {
            throw new CliException($"cannot start the silo on silo port {settings.SiloPort} and gateway port {settings.GatewayPort}{HttpPorts(host)}: "
                + $"{socket.Message.TrimEnd('.')} (is another silo running? pick other ports with --silo-port and --gateway-port)");
        }
    }

    private static string HttpPorts(IHost host) =>
        host.Services.GetService<ServerSettings>() is { } server && (server.HttpPort ?? server.HealthPort) is not null
            ? $" (HTTP {string.Join(", ", new[] { server.HttpPort, server.HealthPort }.OfType<int>())})" : "";

    /// <summary>Stops the host, giving grains a bounded time to deactivate.</summary>
    public static async Task StopAsync(IHost host, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await host.StopAsync(timeout.Token);
    }

    /// <summary>One line naming what a client needs to connect and where the data lives.</summary>
    public static string Describe(SiloSettings settings, SiloStore store) =>
        $"gateway {settings.AdvertisedAddress?.ToString() ?? (settings.Kubernetes ? "the pod's IP" : "127.0.0.1")}:{settings.GatewayPort}, silo port {settings.SiloPort}, cluster {settings.ClusterId}, "
        + $"storage: {store.Description}; links: {settings.Links.Describe(OrgTasks.Links.LocalTlsFolder.Default)}";

    private static SocketException? SocketErrorIn(Exception error) => error switch
    {
        SocketException socket => socket,
        AggregateException aggregate => aggregate.InnerExceptions.Select(SocketErrorIn).FirstOrDefault(s => s is not null),
        { InnerException: { } inner } => SocketErrorIn(inner),
        _ => null,
    };
}
