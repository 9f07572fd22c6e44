using OpenTelemetry.Metrics;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Api.Observability;

/// <summary>
/// <c>GET /metrics</c>: OrgTasks' meter and Orleans' in the Prometheus text format, for a Prometheus server to scrape
/// (see docs/observability.md). Counts and durations only, tagged by method at most: no ids, no texts, so it needs no
/// credential, like the health endpoints; keep the HTTP port off the public internet or filter the path at the edge.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IServiceCollection AddOrgTasksMetricsEndpoint(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.Orleans", OrgTasksTelemetry.Name)
            .AddPrometheusExporter());
        return services;
    }

    public static void MapOrgTasksMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint(Path);
}
