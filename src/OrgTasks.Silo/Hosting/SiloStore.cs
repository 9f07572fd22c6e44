using OrgTasks.Postgres.Hosting;

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
    /// <c>memory (this process only: gone when the silo stops)</c>. Never holds a password.
    /// </summary>
    public string Description { get; }

    /// <summary>The PostgreSQL store, or null for memory.</summary>
    public PostgresStore? Postgres { get; }

    /// <summary>
    /// Makes the settings' store ready. For PostgreSQL without a connection string this starts the managed server
    /// (when it is not running) and sets <see cref="SiloSettings.ConnectionString"/> to it.
    /// </summary>
    public static async Task<SiloStore> PrepareAsync(SiloSettings settings, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        switch (settings.Storage)
        {
            case StorageKind.Memory:
                return new SiloStore(StorageKind.Memory, "memory (this process only: gone when the silo stops)", null);
            case StorageKind.Postgres:
                var postgres = await PostgresStore.OpenAsync(settings.ConnectionString, settings.DataDirectory, logger, cancellationToken);
                settings.ConnectionString = postgres.ConnectionString;
                return new SiloStore(StorageKind.Postgres, postgres.Description, postgres);
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Storage, "unknown storage");
        }
    }
}
