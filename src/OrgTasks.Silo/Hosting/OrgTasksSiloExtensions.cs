using Orleans.Configuration;
using OrgTasks.Grains;
using OrgTasks.Silo.Telemetry;

namespace OrgTasks.Silo.Hosting;

public static class OrgTasksSiloExtensions
{
    /// <summary>
    /// Everything a silo of OrgTasks needs apart from clustering: the grains and their services, storage, reminders,
    /// messaging timeouts and activity propagation. The test cluster uses this too, so tests run what production runs.
    /// </summary>
    public static ISiloBuilder UseOrgTasks(this ISiloBuilder silo, SiloSettings settings, Action<OrgTasksOptions>? options = null)
    {
        silo.AddOrgTasksGrains(options);
        switch (settings.Storage)
        {
            case StorageKind.Memory:
                silo.AddMemoryGrainStorage(OrgTasksStorage.Name);
                silo.UseInMemoryReminderService();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Storage, "unknown storage");
        }
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = settings.ResponseTimeout);
        silo.AddActivityPropagation();
        return silo;
    }

    /// <summary>A whole silo host: one-machine clustering on the configured ports, OrgTasks, telemetry.</summary>
    public static IHostApplicationBuilder AddOrgTasksSilo(this IHostApplicationBuilder builder, SiloSettings settings)
    {
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, null, settings.ServiceId, settings.ClusterId);
            silo.UseOrgTasks(settings);
        });
        builder.Services.AddOrgTasksTelemetry(settings.TelemetryExporter, "orgtasks-silo");
        return builder;
    }
}
