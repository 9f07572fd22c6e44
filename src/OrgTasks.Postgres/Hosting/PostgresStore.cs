using System.Globalization;
using OrgTasks.Postgres.Managed;

namespace OrgTasks.Postgres.Hosting;

/// <summary>
/// The PostgreSQL a silo or a command uses: an external server named by a connection string, or else the managed
/// one in the data folder, started when needed. Says in one line which it is, for the start-up output.
/// </summary>
public sealed class PostgresStore
{
    /// <summary>The environment variable naming an external server, used when no <c>--connection</c> is given.</summary>
    public const string ConnectionVariable = "ORGTASKS_POSTGRES";

    private PostgresStore(string connectionString, string description, ManagedPostgres? managed, bool startedHere)
    {
        ConnectionString = connectionString;
        Description = description;
        Managed = managed;
        StartedHere = startedHere;
    }

    /// <summary>How to connect. For an external server this may hold its password: do not print it.</summary>
    public string ConnectionString { get; }

    /// <summary>For example <c>PostgreSQL 15 at 127.0.0.1:25432, managed</c>. Never holds a user or password.</summary>
    public string Description { get; }

    /// <summary>The managed server, or null for an external one.</summary>
    public ManagedPostgres? Managed { get; }

    /// <summary>Whether opening this store started the managed server (it was not running before).</summary>
    public bool StartedHere { get; }

    /// <summary>The connection string given on the command line, else <see cref="ConnectionVariable"/>'s, else null.</summary>
    public static string? ResolveConnectionString(string? given) =>
        !string.IsNullOrWhiteSpace(given) ? given
        : Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary>
    /// With a connection string: checks that the server answers and reads its version; nothing is started. Without
    /// one: starts the managed server in <paramref name="dataDirectory"/> (see <see cref="OrgTasksDataFolder"/>) unless it
    /// is running already.
    /// </summary>
    public static async Task<PostgresStore> OpenAsync(string? connectionString, string? dataDirectory, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            string external;
            try
            {
                external = PostgresConnectionStrings.WithSiloDefaults(connectionString);
            }
            catch (ArgumentException error)
            {
                throw new PostgresSetupException($"the PostgreSQL connection string does not parse: {error.Message}", error);
            }
            var major = await ServerMajorAsync(external, cancellationToken);
            return new PostgresStore(external, $"PostgreSQL {major} at {PostgresConnectionStrings.Endpoint(external)}, external", null, false);
        }

        var managed = new ManagedPostgres(OrgTasksDataFolder.Resolve(dataDirectory), logger);
        var started = await managed.StartAsync(cancellationToken);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL {managed.Version} at 127.0.0.1:{managed.Port}, managed (data in {managed.DataDirectory})");
        return new PostgresStore(managed.ConnectionString(), description, managed, started);
    }

    /// <summary>
    /// Ends this process's use of the store once its silo has stopped: drops the process's pooled connections, and
    /// stops the managed server when opening this store started it and no other program (another silo on the same
    /// data folder, a <c>psql</c>) is connected to it. Returns whether it stopped the server.
    /// </summary>
    public async Task<bool> CloseAsync(CancellationToken cancellationToken = default)
    {
        // Every pool, not only this string's: the providers' connection strings may be spelled differently.
        NpgsqlConnection.ClearAllPools();
        if (Managed is null || !StartedHere) return false;
        // The server ends the sessions of the connections just closed a moment after they said goodbye: wait for
        // them to go, briefly, before deciding that whoever is left is another program.
        var deadline = DateTime.UtcNow + SessionsDrain;
        while (await Managed.OtherSessionsAsync(cancellationToken) > 0)
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50, cancellationToken);
        }
        return await Managed.StopAsync(cancellationToken);
    }

    private static readonly TimeSpan SessionsDrain = TimeSpan.FromSeconds(3);

    /// <summary>The server's major version, asked over a real connection: the check that it is reachable at all.</summary>
    public static async Task<int> ServerMajorAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            // server_version_num is 150018 for 15.18 (since version 10: major × 10000 + minor).
            await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int", connection);
            var number = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
            return number / 10000;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or ArgumentException)
        {
            // Npgsql's messages name the host and the failure, never the password.
            throw new PostgresSetupException($"cannot reach PostgreSQL at {SafeEndpoint(connectionString)}: {error.Message}", error);
        }
    }

    private static string SafeEndpoint(string connectionString)
    {
        try
        {
            return PostgresConnectionStrings.Endpoint(connectionString);
        }
        catch (ArgumentException)
        {
            return "(a connection string that does not parse)";
        }
    }
}
