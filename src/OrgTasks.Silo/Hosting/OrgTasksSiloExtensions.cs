using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using OrgTasks.Grains;
using OrgTasks.Postgres.Hosting;
using OrgTasks.Silo.Cluster;
using OrgTasks.Silo.Links;
using OrgTasks.Silo.Telemetry;

namespace OrgTasks.Silo.Hosting;

public static class OrgTasksSiloExtensions
{
    /// <summary>
    /// Everything a silo of OrgTasks needs apart from its endpoints: the grains and their services, storage, reminders,
    /// messaging timeouts and activity propagation. With PostgreSQL this includes ADO.NET clustering (membership on the
    /// database) and the schema migration at start-up. The test cluster uses this too, so tests run what production
    /// runs. Impossible settings (a response timeout of 0) are refused here, naming each with its range.
    /// </summary>
    public static ISiloBuilder UseOrgTasks(this ISiloBuilder silo, SiloSettings settings, Action<OrgTasksOptions>? options = null)
    {
        SiloSettingsValidator.ThrowIfInvalid(settings);
        switch (settings.Storage)
        {
            case StorageKind.Memory:
                // Orleans' binary serializer, as on PostgreSQL: the memory provider's default JSON (Newtonsoft with
                // reference tracking) cannot read back state in which equal records repeat (an organization's plan with
                // many empty routes), so a grain that was deactivated could not be activated again. The state lives in
                // the silo's process, not in storage grains: no grain message per read or write.
                silo.Services.AddGrainStorage(OrgTasksStorage.Name, (services, _) =>
                    new SiloMemoryGrainStorage(new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
                silo.UseInMemoryReminderService();
                break;
            case StorageKind.Postgres:
                silo.UseOrgTasksPostgres(settings.ConnectionString
                    ?? throw new InvalidOperationException("PostgreSQL storage needs a connection string: set SiloSettings.ConnectionString, or call SiloStore.PrepareAsync first to start the managed server"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Storage, "unknown storage");
        }
        // After the store: a durable store registers its journals first, and the grains' in-memory defaults only fill
        // what is left.
        silo.AddOrgTasksGrains(LoadSigningKeys(settings), options);
        silo.Configure<SiloMessagingOptions>(o =>
        {
            o.ResponseTimeout = settings.ResponseTimeout;
            // Orleans' default is 100 MB per message; the protocol needs far less (see MessageLimits for the measurement).
            o.MaxMessageBodySize = MessageLimits.MaxMessageBodySize;
            o.MaxMessageHeaderSize = MessageLimits.MaxMessageHeaderSize;
        });
        silo.Configure<ClusterMembershipOptions>(settings.Membership.ApplyTo);
        if (settings.AgentPlacement == AgentPlacement.WithCaller)
            silo.Services.AddSingleton<Orleans.Runtime.Placement.IPlacementStrategyResolver, AgentWithCallerPlacement>();
        silo.AddActivityPropagation();
        silo.Services.ExcludeBaselineGrainsUnlessRequested();
        return silo;
    }

    /// <summary>The settings' signing keys: the default file is made when missing; a file named explicitly must exist.</summary>
    public static OrgTasks.Grains.Identity.SigningKeyRing LoadSigningKeys(SiloSettings settings)
    {
        if (settings.SigningKeysFile is { Length: > 0 } named)
        {
            if (!File.Exists(named)) throw new OrgTasks.Errors.OrgTasksException($"--signing-keys: no file '{named}' (every silo of a cluster reads the same key file)");
            return OrgTasks.Grains.Identity.SigningKeyRing.Load(named);
        }
        return OrgTasks.Grains.Identity.SigningKeyRing.LoadOrCreate(OrgTasks.Identity.OrgTasksConfigFolder.DefaultSigningKeysFile);
    }

    /// <summary>
    /// A whole silo host: its ports, OrgTasks and telemetry (the server host in OrgTasks.Api adds health and the HTTP
    /// API around it). With memory
    /// storage the silo is its own one-machine cluster on loopback; with PostgreSQL the cluster's membership is on the
    /// database, so silos started with the same cluster id and database join one cluster (a single silo works the same
    /// way), on one machine or many (see <see cref="ClusterEndpoints"/>).
    /// </summary>
    public static IHostApplicationBuilder AddOrgTasksSilo(this IHostApplicationBuilder builder, SiloSettings settings)
    {
        builder.UseOrleans(silo =>
        {
            if (settings.Storage == StorageKind.Memory)
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, null, settings.ServiceId, settings.ClusterId);
            }
            else
            {
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = settings.ClusterId;
                    o.ServiceId = settings.ServiceId;
                });
                silo.UseOrgTasksEndpoints(settings);
            }
            silo.UseOrgTasksLinks(settings.Links);
            silo.UseOrgTasks(settings);
        });
        builder.Services.AddOrgTasksTelemetry(settings.TelemetryExporter, "orgtasks-silo");
        builder.Services.AddHostedService<RuntimeTieringNotice>();
        return builder;
    }
}
