using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using OrgTasks.Cli.Hosting;
using OrgTasks.Client.Connection;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.LoadTest;

/// <summary>
/// What a load test runs against: a silo started in this process (the default; its calls are metered and its
/// journals can be read to count effects) or a running cluster reached through <c>--gateway</c>.
/// </summary>
internal sealed class LoadTestTarget : IAsyncDisposable
{
    private const string ClusterId = "orgtasks-loadtest";
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(20);

    /// <summary>A citywide cold start takes longer than the 2-minute default on a busy machine.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(10);

    private readonly OrgTasksConnection _connection;
    private readonly IHost? _host;
    private readonly SiloStore? _store;
    private readonly TextWriter _progress;

    private LoadTestTarget(OrgTasksConnection connection, IHost? host, SiloStore? store, CallMeter? meter, string description, TextWriter progress)
    {
        _connection = connection;
        _host = host;
        _store = store;
        Meter = meter;
        Description = description;
        _progress = progress;
    }

    public OrgTasksClient Client => _connection.Client;

    /// <summary>The in-process silo's call meter; null against a remote cluster.</summary>
    public CallMeter? Meter { get; }

    public bool InProcess => _host is not null;

    /// <summary>The in-process silo's services (its journals); null against a remote cluster.</summary>
    public IServiceProvider? SiloServices => _host?.Services;

    public string Description { get; }

    /// <summary>Starts a silo in this process on free ports with the storage chosen, and connects a client through its gateway.</summary>
    public static async Task<LoadTestTarget> StartAsync(Action<SiloSettings> storage, TextWriter progress, CancellationToken cancellation)
    {
        var ports = FreePorts.Take(2);
        var settings = new SiloSettings
        {
            SiloPort = ports[0], GatewayPort = ports[1], ClusterId = ClusterId, ServiceId = ClusterId, ResponseTimeout = CallTimeout,
        };
        storage(settings);
        var store = await StorageOptions.PrepareAsync(settings, cancellation);
        var meter = new CallMeter();
        var credential = LocalOperator.Ensure(settings);
        IHost? host = null;
        try
        {
            host = SiloHosts.Build(settings, builder =>
            {
                builder.Services.AddSingleton<IIncomingGrainCallFilter>(meter);
                builder.Services.AddSingleton<IOutgoingGrainCallFilter>(meter);
                builder.Services.HostBaselineGrains(); // only this silo: `orgtasks silo` does not host them
            });
            var description = SiloHosts.Describe(settings, store);
            progress.WriteLine($"loadtest: starting a silo in this process ({description}) …");
            await SiloHosts.StartAsync(host, settings, cancellation);
            var connection = await OrgTasksConnection.ConnectAsync(
                [$"127.0.0.1:{settings.GatewayPort}"], ConnectTimeout, credential, settings.ClusterId, settings.ServiceId,
                services => services.PostConfigure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout), settings.Links);
            // The runtime's tiering decides how fast a fresh silo's first leaflet runs: the figures say which it had.
            return new LoadTestTarget(connection, host, store, meter, $"in-process silo, {description}; {RuntimeTiering.Current.Describe()}", progress);
        }
        catch
        {
            if (host is not null)
            {
                await SiloHosts.StopAsync(host, StopLimit);
                host.Dispose();
            }
            await store.CloseAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Connects to a running cluster; nothing is metered inside it.</summary>
    public static async Task<LoadTestTarget> ConnectAsync(string gateways, string clusterId, string? credentialFile, OrgTasks.Links.LinkSettings links,
        TextWriter progress,
        CancellationToken cancellation)
    {
        var list = ClientOptions.ParseGateways(gateways);
        var credential = ClientOptions.ReadCredential(credentialFile);
        await GatewayProbe.RequireOneAsync(list, cancellation);
        var connection = await OrgTasksConnection.ConnectAsync(list, ConnectTimeout, credential, clusterId,
            services: services => services.PostConfigure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout), links: links);
        progress.WriteLine($"loadtest: connected to cluster {clusterId} at {string.Join(", ", list)}");
        return new LoadTestTarget(connection, null, null, null, $"cluster {clusterId} at {string.Join(", ", list)}", progress);
    }

    public T? SiloService<T>() where T : class => SiloServices?.GetService<T>();

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        if (_host is not null)
        {
            _progress.WriteLine("loadtest: stopping the silo …");
            await SiloHosts.StopAsync(_host, StopLimit);
            _host.Dispose();
        }
        if (_store is not null && await _store.CloseAsync(CancellationToken.None)) _progress.WriteLine("loadtest: managed PostgreSQL stopped");
    }
}
