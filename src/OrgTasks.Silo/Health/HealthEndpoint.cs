using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Orleans.Runtime;
using OrgTasks.Silo.Cluster;

namespace OrgTasks.Silo.Health;

/// <summary>
/// <c>GET /healthz</c> (liveness) and <c>GET /readyz</c> (readiness) over plain HTTP on their own port: 200 with
/// <c>ok: active</c>, or 503 with the reason. Started before the silo, so a supervisor sees a live process that is
/// not ready yet while the silo joins, and stopped after it, so readiness turns to 503 while the silo shuts down.
/// </summary>
/// <remarks>
/// A small Kestrel of its own rather than the silo's gateway: probes must keep answering while the gateway is busy or
/// not yet open, and the port is separate so it can stay inside the cluster's network. It answers only those two paths.
/// </remarks>
internal sealed partial class HealthEndpoint(HealthEndpointOptions options, IServiceProvider services, ILogger<HealthEndpoint> log) : IHostedService
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Address, options.Port));
        var app = builder.Build();
        var health = new SiloHealthSource(services);
        // Until the silo exists there is no membership status: alive (the process answers), not ready.
        app.MapGet(HealthPaths.Liveness, () => Answer(health.Get()?.Liveness() ?? HealthAnswer.Yes(SiloStatus.Created), "not alive"));
        app.MapGet(HealthPaths.Readiness, () => Answer(health.Get()?.Readiness() ?? HealthAnswer.No(SiloStatus.Created, "the silo is starting"), "not ready"));
        await app.StartAsync(cancellationToken);
        _app = app;
        Listening(log, options.Address, options.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is null) return;
        await _app.StopAsync(cancellationToken);
        await _app.DisposeAsync();
        _app = null;
    }

    private static IResult Answer(HealthAnswer answer, string failure) =>
        Results.Text(answer.Text(failure) + "\n", "text/plain",
            statusCode: answer.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);

    [LoggerMessage(Level = LogLevel.Information, Message = "health endpoint on http://{Address}:{Port}/healthz and /readyz")]
    private static partial void Listening(ILogger logger, IPAddress address, int port);
}

/// <summary>Where the health endpoint listens.</summary>
internal sealed record HealthEndpointOptions(IPAddress Address, int Port);
