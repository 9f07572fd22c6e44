using Orleans;
using Orleans.Runtime;
using OrgTasks.Postgres.Schema;

namespace OrgTasks.Postgres.Hosting;

/// <summary>
/// Migrates the database as the silo starts, at the first stage of the silo's lifecycle: before membership, grain
/// storage or reminders read a table. Being a lifecycle step (not a host service) it runs wherever the silo runs,
/// including the in-process test cluster. A database newer than this build stops the silo here, with the migrator's
/// message.
/// </summary>
internal sealed class SchemaAtStartup(PostgresSiloOptions options, ILogger<SchemaAtStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaAtStartup), ServiceLifecycleStage.First,
            cancellationToken => new SchemaMigrator(options.ConnectionString, logger).ApplyAsync(cancellationToken));
}
