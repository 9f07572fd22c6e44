using OrgTasks.Postgres.Hosting;
using OrgTasks.Postgres.Schema;

namespace OrgTasks.Silo.Hosting;

/// <summary>
/// The store a silo is about to run on, made ready before the silo starts: for PostgreSQL, the server answers (the
/// managed one is started if needed). Its <see cref="Description"/> is the line the silo prints at start-up.
/// </summary>
public sealed class SiloStore
{
    private SiloStore(StorageKind kind, string description, PostgresStore? postgres)
    {
        Kind = kind;
        Description = description;
        Postgres = postgres;
    }

    public StorageKind Kind { get; }

    /// <summary>
    /// For example <c>PostgreSQL 15 at 127.0.0.1:25432, managed (data in /var/lib/orgtasks)</c>, or
    /// <c>memory (in-process, lost on stop)</c>. Never holds a password.
    /// </summary>
    public string Description { get; }

    /// <summary>The PostgreSQL store, or null for memory.</summary>
    public PostgresStore? Postgres { get; }

    /// <summary>
    /// Makes the settings' store ready. For PostgreSQL: without a connection string this starts the managed server
    /// (when it is not running) and sets <see cref="SiloSettings.ConnectionString"/> to it; then the schema is brought
    /// up to date here, so that a refusal (a database newer than this build, a user without the right to create
    /// tables) is reported before the silo starts. The silo checks again as it starts, which then finds nothing to do.
    /// </summary>
    public static async Task<SiloStore> PrepareAsync(SiloSettings settings, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        switch (settings.Storage)
        {
            case StorageKind.Memory:
                return new SiloStore(StorageKind.Memory, "memory (in-process, lost on stop)", null);
            case StorageKind.Postgres:
                var postgres = await PostgresStore.OpenAsync(settings.ConnectionString, settings.DataDirectory, logger, cancellationToken);
                settings.ConnectionString = postgres.ConnectionString;
                try
                {
                    await new SchemaMigrator(postgres.ConnectionString, logger).ApplyAsync(cancellationToken);
                }
                catch
                {
                    // Refused: the silo will not start, so a managed server started for it is not left behind.
                    await postgres.CloseAsync(CancellationToken.None);
                    throw;
                }
                return new SiloStore(StorageKind.Postgres, postgres.Description, postgres);
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Storage, "unknown storage");
        }
    }

    /// <summary>
    /// Once the silo has stopped: lets go of the store. A managed server that <see cref="PrepareAsync"/> started is
    /// stopped again unless another program is connected to it; one that was already running stays running.
    /// Returns whether a server was stopped.
    /// </summary>
    public Task<bool> CloseAsync(CancellationToken cancellationToken = default) =>
        Postgres?.CloseAsync(cancellationToken) ?? Task.FromResult(false);
}
