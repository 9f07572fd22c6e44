using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using OrgTasks.Grains;
using OrgTasks.Postgres.Failures;
using OrgTasks.Postgres.Journals;

namespace OrgTasks.Postgres.Hosting;

public static class OrgTasksPostgresExtensions
{
    /// <summary>
    /// Puts a silo on PostgreSQL: Orleans' ADO.NET clustering (membership on the shared database, so more silos can
    /// join), the grain storage named <see cref="OrgTasksStorage.Name"/>, and reminders. The schema is migrated when the
    /// silo starts, before any of them reads a table.
    /// </summary>
    /// <remarks>
    /// Grain state is written with Orleans' own binary serializer, not the provider's default JSON. The default JSON
    /// names CLR types (<c>$type</c>), so renaming or moving a state class would strand every stored row. The states
    /// carry <c>[GenerateSerializer, Alias("orgtasks.…-state.v1")]</c> and <c>[Id(n)]</c> fields: the binary format
    /// names types by those aliases and fields by those ids, so classes can be renamed and fields added without
    /// breaking old rows, and the contract is visible in the code that defines it. It is also smaller and faster than
    /// JSON, which matters at a write per grain.
    /// </remarks>
    public static ISiloBuilder UseOrgTasksPostgres(this ISiloBuilder silo, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new PostgresSiloOptions(PostgresConnectionStrings.WithSiloDefaults(connectionString));
        silo.Services.AddSingleton(options);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaAtStartup>();

        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgresSiloOptions.Invariant;
            o.ConnectionString = options.ConnectionString;
        });
        silo.AddAdoNetGrainStorage(OrgTasksStorage.Name, (OptionsBuilder<AdoNetGrainStorageOptions> o) =>
            o.Configure<Serializer>((storage, serializer) =>
            {
                storage.Invariant = PostgresSiloOptions.Invariant;
                storage.ConnectionString = options.ConnectionString;
                storage.GrainStorageSerializer = StateSerializer(serializer);
            }));
        // Innermost, so the busy-server wait and the failure translation below wrap its reads as they wrap the provider's.
        silo.Services.DecorateGrainStorage(OrgTasksStorage.Name, (services, provider) => new GrainState.BatchedGrainStorage(
            provider, services.GetRequiredService<PgJournalStore>(), services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            StateSerializer(services.GetRequiredService<Serializer>()), services.GetRequiredService<Orleans.Serialization.Serializers.IActivatorProvider>(),
            services.GetRequiredService<ILogger<GrainState.BatchedGrainStorage>>()));
        // A server full of other silos' connections (53300) is waited for, not reported as a failed grain call; what still
        // fails leaves this silo as the project's serializable exception, never as Npgsql's own (the translation wraps the wait).
        silo.Services.DecorateGrainStorage(OrgTasksStorage.Name,
            (services, inner) => new BusyServerRetry(inner, services.GetRequiredService<ILogger<BusyServerRetry>>()));
        silo.AddStorageFailureTranslation(OrgTasksStorage.Name);
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = PostgresSiloOptions.Invariant;
            o.ConnectionString = options.ConnectionString;
        });
        // The hot paths (statement hops, leaflet stages, deliveries) go through the journals' group-commit writer.
        silo.Services.AddOrgTasksPostgresJournals(options.ConnectionString);
        return silo;
    }

    /// <summary>How grain state is written and read, by the provider and by <see cref="GrainState.BatchedGrainStorage"/> alike.</summary>
    private static IGrainStorageSerializer StateSerializer(Serializer serializer) => new OrleansGrainStorageSerializer(serializer);
}
