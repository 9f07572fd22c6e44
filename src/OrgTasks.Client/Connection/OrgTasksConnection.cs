using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using OrgTasks.Links;

namespace OrgTasks.Client.Connection;

/// <summary>A connection to an OrgTasks cluster through one or more gateways. Dispose it to disconnect.</summary>
public sealed class OrgTasksConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private OrgTasksConnection(IHost host, string credential)
    {
        _host = host;
        Client = new OrgTasksClient(host.Services.GetRequiredService<IClusterClient>(), credential);
    }

    public OrgTasksClient Client { get; }

    /// <summary>Default gateway: a silo on this machine.</summary>
    public const string DefaultGateway = "localhost:30000";

    /// <summary>
    /// Connects through the given gateways (<c>host:port</c>); the client fails over between them, and every call carries
    /// <paramref name="credential"/> (see <see cref="CredentialFile"/>). Throws <see cref="OrgTasksException"/> with the
    /// gateways named when none answers within <paramref name="timeout"/>.
    /// <paramref name="links"/>: TLS with the silo's certificate checked against this machine's local CA by default
    /// (see <see cref="LocalTlsFolder"/>); another CA, or plaintext, only when asked.
    /// </summary>
    public static async Task<OrgTasksConnection> ConnectAsync(
        IReadOnlyList<string> gateways, TimeSpan timeout, string credential, string clusterId = "orgtasks", string serviceId = "orgtasks",
        Action<IServiceCollection>? services = null, LinkSettings? links = null)
    {
        var endpoints = gateways.Select(ParseGateway).ToArray();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(endpoints);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            client.Configure<ClientMessagingOptions>(o =>
            {
                o.ResponseTimeout = TimeSpan.FromMinutes(2);
                // The silos take no larger message than this; the client takes none larger either (MessageLimits).
                o.MaxMessageBodySize = MessageLimits.MaxMessageBodySize;
                o.MaxMessageHeaderSize = MessageLimits.MaxMessageHeaderSize;
            });
            client.AddActivityPropagation();
            client.UseOrgTasksLinks(links ?? new LinkSettings());
        });
        var host = builder.Build();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await host.StartAsync(cancel.Token);
        }
        catch (Exception error) when (error is not OrgTasksException)
        {
            host.Dispose();
            throw new OrgTasksException(
                $"cannot reach an OrgTasks silo at {string.Join(", ", gateways)} ({error.GetBaseException().Message.TrimEnd('.')}); is `orgtasks silo` running?");
        }
        return new OrgTasksConnection(host, credential);
    }

    /// <summary>Parses <c>host:port</c>; a host name is resolved now (IPv4 first), an error names the bad gateway.</summary>
    public static IPEndPoint ParseGateway(string gateway)
    {
        var colon = gateway.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(gateway[(colon + 1)..], out var port) || port is < 1 or > 65535)
            throw new OrgTasksException($"gateway '{gateway}' is not HOST:PORT (for example localhost:30000)");
        var host = gateway[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address)) return new IPEndPoint(address, port);
        try
        {
            var addresses = Dns.GetHostAddresses(host);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.First();
            return new IPEndPoint(chosen, port);
        }
        catch (Exception error) when (error is SocketException or InvalidOperationException)
        {
            throw new OrgTasksException($"gateway '{gateway}': cannot resolve host '{host}'");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _host.StopAsync(cancel.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
