using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Silo.Telemetry;

public static class OrgTasksTelemetryExtensions
{
    /// <summary>The exporters a user may pick with <c>--telemetry</c> or <c>ORGTASKS_TELEMETRY</c>.</summary>
    public static readonly IReadOnlyList<string> Exporters = ["none", "console", "otlp"];

    /// <summary>
    /// OpenTelemetry, wired once: Orleans' activity sources and meter plus OrgTasks' own, exported to the console or
    /// to an OTLP endpoint (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable picks it; default localhost:4317).
    /// </summary>
    public static IServiceCollection AddOrgTasksTelemetry(this IServiceCollection services, string exporter, string serviceName)
    {
        if (!Exporters.Contains(exporter))
            throw new ArgumentException($"telemetry exporter '{exporter}' is not one of: {string.Join(", ", Exporters)}", nameof(exporter));
        if (exporter == "none") return services;

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", OrgTasksTelemetry.Name);
                if (exporter == "console") tracing.AddConsoleExporter();
                else tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("Microsoft.Orleans", OrgTasksTelemetry.Name);
                if (exporter == "console") metrics.AddConsoleExporter();
                else metrics.AddOtlpExporter();
            });
        return services;
    }
}
