using Microsoft.Extensions.Logging.Abstractions;

namespace OrgTasks.Postgres.Schema;

/// <summary>
/// Brings a database's schema up to this build's version. Each migration runs in its own transaction together with
/// its row in <c>orgtasks_schema</c>, so a migration is either wholly applied and recorded or not at all. Running it
/// again applies nothing. A database already at a version this build does not know is refused.
/// </summary>
/// <remarks>
/// Silos starting together all run the migrator: a PostgreSQL advisory lock makes them take turns, and each one reads
/// what is applied only once it holds the lock, so every migration runs exactly once.
/// </remarks>
public sealed class SchemaMigrator
{
    /// <summary>The advisory lock's key: "orgtasks" in ASCII, so it is recognizable in <c>pg_locks</c>.</summary>
    public const long LockKey = 0x6F72_6774_6173_6B73;

    private static readonly TimeSpan StatementTimeout = TimeSpan.FromMinutes(10);

    private readonly string _connectionString;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly ILogger _logger;

    /// <param name="connectionString">The database to migrate.</param>
    /// <param name="logger">Where applied migrations are reported.</param>
    /// <param name="migrations">The migrations to apply; this build's embedded ones by default.</param>
    public SchemaMigrator(string connectionString, ILogger? logger = null, IReadOnlyList<Migration>? migrations = null)
    {
        // Its own physical connection, not a pooled one: the session's advisory lock ends with it, whatever happens.
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        _migrations = (migrations ?? MigrationCatalog.All).OrderBy(m => m.Version).ToList();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The highest version the given migrations reach.</summary>
    public int KnownVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    public async Task<SchemaReport> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS orgtasks_schema (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            var recorded = await RecordedVersionsAsync(connection, cancellationToken);
            var current = recorded.Count == 0 ? 0 : recorded.Max();
            if (current > KnownVersion) throw new SchemaTooNewException(current, KnownVersion);

            var applied = new List<Migration>();
            foreach (var migration in _migrations.Where(m => !recorded.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO orgtasks_schema (version, name) VALUES (@version, @name)", connection, transaction))
                {
                    record.Parameters.AddWithValue("version", migration.Version);
                    record.Parameters.AddWithValue("name", migration.Name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                Log.Applied(_logger, migration.Version, migration.Name);
                applied.Add(migration);
            }

            var version = Math.Max(current, applied.Count == 0 ? 0 : applied.Max(m => m.Version));
            if (applied.Count == 0) Log.UpToDate(_logger, version);
            return new SchemaReport(applied, version);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>The database's schema version: the highest recorded, or 0 for a database never migrated.</summary>
    public async Task<int> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // Asked in two steps: a query naming orgtasks_schema fails to plan where the table does not exist.
        await using var exists = new NpgsqlCommand("SELECT to_regclass('orgtasks_schema') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!) return 0;
        await using var highest = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM orgtasks_schema", connection);
        return (int)(await highest.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<HashSet<int>> RecordedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = new NpgsqlCommand("SELECT version FROM orgtasks_schema", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) versions.Add(reader.GetInt32(0));
        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = (int)StatementTimeout.TotalSeconds };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
