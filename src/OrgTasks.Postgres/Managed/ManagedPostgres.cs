using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrgTasks.Postgres.Managed;

/// <summary>
/// A private PostgreSQL server that OrgTasks runs for itself in its data folder: created with <c>initdb</c> on first
/// use, started and stopped with <c>pg_ctl</c>, kept between runs. It listens on 127.0.0.1 only, on a port chosen
/// once and remembered, and on a socket inside its own private folder.
/// </summary>
/// <remarks>
/// Locked down: every connection authenticates with a generated password (<c>scram-sha-256</c>), kept in a 0600
/// passfile in the data folder (<see cref="PasswordFilePath"/>) that connection strings name instead of carrying the
/// password, so another local user who can reach the loopback port still cannot connect. Silos connect as
/// <see cref="AppRole"/>, which owns the <see cref="Database"/> database and its schema and is not a superuser; the
/// superuser is for this class's own housekeeping. A data folder made with <c>trust</c> by an older OrgTasks is
/// locked down in place on its next start (or <c>orgtasks db init</c>), while the server listens only on its private
/// socket. See docs/managed-postgres.md.
/// </remarks>
public sealed class ManagedPostgres
{
    /// <summary>The database OrgTasks keeps its tables in.</summary>
    public const string Database = "orgtasks";

    /// <summary>The server's superuser, named at <c>initdb</c> so it does not depend on who ran it.</summary>
    public const string Superuser = "orgtasks";

    /// <summary>The role silos connect as: owns <see cref="Database"/> and its objects; no superuser, no other rights.</summary>
    public const string AppRole = "orgtasks_app";

    private static readonly TimeSpan InitTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Longest Unix socket path Linux accepts (sun_path is 108 bytes with its terminator).</summary>
    private const int MaxSocketPath = 107;

    private readonly ServerAccount _account = ServerAccount.ForThisProcess();
    private readonly PostgresSearch? _search;
    private readonly ILogger _logger;
    private readonly PasswordFile _passwords;
    private PostgresBinaries? _binaries;

    /// <param name="dataDirectory">The project's data folder; the server lives in its <c>postgres</c> sub-folder.</param>
    /// <param name="logger">Where progress goes; nothing logged is secret.</param>
    /// <param name="search">Where to look for PostgreSQL's programs; the machine's usual places by default.</param>
    public ManagedPostgres(string dataDirectory, ILogger? logger = null, PostgresSearch? search = null)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        ClusterDirectory = Path.Combine(DataDirectory, "postgres");
        _logger = logger ?? NullLogger.Instance;
        _search = search;
        _passwords = new PasswordFile(DataDirectory);
    }

    public string DataDirectory { get; }

    /// <summary>The server's own folder (PGDATA), also the folder of its Unix socket.</summary>
    public string ClusterDirectory { get; }

    /// <summary>
    /// Whether to flush the new cluster's files to disk after <c>initdb -N</c>. A kept server wants it; a throw-away
    /// test server does not. Default: true.
    /// </summary>
    public bool SyncAfterInit { get; init; } = true;

    public bool IsInitialized => File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION"));

    /// <summary>The remembered port, once initialized.</summary>
    public int? Port => ServerConfigFile.ReadPort(ClusterDirectory);

    /// <summary>The major version the data folder was made by, once initialized.</summary>
    public int? Version =>
        IsInitialized && int.TryParse(File.ReadAllText(Path.Combine(ClusterDirectory, "PG_VERSION")).Trim(), CultureInfo.InvariantCulture, out var v)
            ? v
            : null;

    /// <summary>The 0600 passfile holding the generated passwords; connection strings name it.</summary>
    public string PasswordFilePath => _passwords.Path;

    /// <summary>Whether the server takes passwords only (false for a data folder an older OrgTasks made with trust).</summary>
    public bool IsLockedDown => HostAccessFile.IsLockedDown(ClusterDirectory) && _passwords.Exists;

    /// <summary>
    /// How silos connect to <paramref name="database"/> on this server: loopback TCP, as <see cref="AppRole"/>, the
    /// password read from <see cref="PasswordFilePath"/>. Holds no password itself.
    /// </summary>
    public string ConnectionString(string database = Database) =>
        PostgresConnectionStrings.Loopback(RequirePort(), AppRole, database, passfile: PasswordFilePath);

    /// <summary>The superuser's connection: for creating databases and roles (tests create their databases with it).</summary>
    public string AdminConnectionString(string database = "postgres", bool pooling = true) =>
        PostgresConnectionStrings.Loopback(RequirePort(), Superuser, database, pooling, PasswordFilePath);

    private int RequirePort() => Port ?? throw new InvalidOperationException($"the managed PostgreSQL in {DataDirectory} is not initialized");

    /// <summary>Creates the server's files if they do not exist yet. Returns whether it created them.</summary>
    public async Task<bool> InitAsync(CancellationToken cancellationToken = default)
    {
        if (IsInitialized) return false;
        var binaries = await BinariesAsync(cancellationToken);
        if (Directory.Exists(ClusterDirectory) && Directory.EnumerateFileSystemEntries(ClusterDirectory).Any())
            throw new PostgresSetupException($"{ClusterDirectory} exists and is not empty, but holds no PostgreSQL data (no PG_VERSION): move it away or choose another --data");
        await _account.PrepareClusterFolderAsync(ClusterDirectory, cancellationToken);

        Log.Initializing(_logger, ClusterDirectory, binaries.Major);
        // -N: no fsync while writing the template files, which makes initdb several times faster; the files are
        // flushed once below (initdb -S) when the server is meant to be kept.
        var init = await _account.RunAsync(binaries.Initdb,
            ["-D", ClusterDirectory, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C", "-N"],
            InitTimeout, cancellationToken);
        if (!init.Succeeded) throw new PostgresSetupException($"initdb failed for {ClusterDirectory}:\n{init.Said}");
        if (SyncAfterInit)
        {
            var sync = await _account.RunAsync(binaries.Initdb, ["-S", "-D", ClusterDirectory], InitTimeout, cancellationToken);
            if (!sync.Succeeded) throw new PostgresSetupException($"initdb could not flush {ClusterDirectory} to disk:\n{sync.Said}");
        }

        await File.AppendAllTextAsync(Path.Combine(ClusterDirectory, "postgresql.conf"), $"\n{ServerConfigFile.IncludeLine}\n", cancellationToken);
        ServerConfigFile.Write(ClusterDirectory, PortPicker.PickFree());
        return true;
    }

    /// <summary>
    /// Makes sure the server is initialized, running and has the <see cref="Database"/> database. Returns whether this
    /// call started it (false when it was already running).
    /// </summary>
    public async Task<bool> StartAsync(CancellationToken cancellationToken = default)
    {
        await InitAsync(cancellationToken);
        var started = false;
        if (!await IsRunningAsync(cancellationToken))
        {
            // A new server, or an older OrgTasks's trusting one: locked down while it listens only on its private socket.
            if (!HostAccessFile.IsLockedDown(ClusterDirectory)) await LockDownOnSocketAsync(cancellationToken);
            // Settings OrgTasks owns (max_connections) follow this build even in an older data folder.
            if (Port is { } remembered) ServerConfigFile.Write(ClusterDirectory, remembered);
            await StartServerAsync(cancellationToken);
            started = true;
        }
        else if (!HostAccessFile.IsLockedDown(ClusterDirectory))
        {
            // An older OrgTasks's server running now with trust on loopback: locked down live, then told to reload.
            await LockDownAsync(PostgresConnectionStrings.Loopback(RequirePort(), Superuser, "postgres", pooling: false), reload: true, cancellationToken);
        }
        await EnsureDatabaseAsync(Database, cancellationToken);
        if (started) Log.Started(_logger, Version ?? 0, Port ?? 0, ClusterDirectory);
        return started;
    }

    /// <summary>Stops the server (fast: open sessions are rolled back). Returns whether it was running.</summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken = default)
    {
        if (!IsInitialized || !await IsRunningAsync(cancellationToken)) return false;
        await StopServerAsync(cancellationToken);
        // This process's pooled connections to the server are dead now; dropping them spares the next start's first
        // commands a "terminating connection due to administrator command".
        foreach (var connectionString in new[] { ConnectionString(), AdminConnectionString(), AdminConnectionString(Database) })
        {
            using var pooled = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(pooled);
        }
        Log.Stopped(_logger, ClusterDirectory);
        return true;
    }

    public async Task<ManagedStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var initialized = IsInitialized;
        var running = initialized && await IsRunningAsync(cancellationToken);
        return new ManagedStatus(DataDirectory, ClusterDirectory, initialized, running, Port, Version,
            initialized && Port is not null ? ConnectionString() : null, PasswordFilePath);
    }

    /// <summary>
    /// How many client sessions other than the asking one the running server has: another silo or tool still using it.
    /// </summary>
    public async Task<int> OtherSessionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString(pooling: false));
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()", connection);
        return (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Creates <paramref name="database"/> if it does not exist. The server must be running.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString(pooling: false));
        await connection.OpenAsync(cancellationToken);
        await EnsureDatabaseAsync(connection, database, cancellationToken);
    }

    private static async Task EnsureDatabaseAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Someone else created it at the same moment: it exists, which is all this wanted.
        }
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var binaries = await BinariesAsync(cancellationToken);
        // pg_ctl status: 0 running, 3 not running, 4 no usable data folder.
        var status = await _account.RunAsync(binaries.PgCtl, ["status", "-D", ClusterDirectory], TimeSpan.FromSeconds(30), cancellationToken);
        return status.ExitCode == 0;
    }

    /// <summary>
    /// Starts the server on its private socket only (no TCP, so no other local user can reach it while it still
    /// trusts), locks it down over that socket, and stops it again.
    /// </summary>
    private async Task LockDownOnSocketAsync(CancellationToken cancellationToken)
    {
        await StartServerAsync(cancellationToken, socketOnly: true);
        try
        {
            var socket = new NpgsqlConnectionStringBuilder
            {
                Host = ClusterDirectory, Port = RequirePort(), Username = Superuser, Database = "postgres", Pooling = false,
                SslMode = SslMode.Disable, Timeout = PostgresConnectionStrings.TimeoutSeconds,
            };
            await LockDownAsync(socket.ConnectionString, reload: false, cancellationToken);
        }
        finally
        {
            await StopServerAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Over a trusted superuser connection: the passwords (made once, written to the passfile first so that a retry
    /// after a crash uses the same ones), the application role, the database and everything in it owned by that role,
    /// and last the host access file that asks every connection for a password.
    /// </summary>
    private async Task LockDownAsync(string trusted, bool reload, CancellationToken cancellationToken)
    {
        var passwords = _passwords.EnsurePasswords(Superuser, AppRole);
        await using (var connection = new NpgsqlConnection(trusted))
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, $"ALTER ROLE {QuoteIdentifier(Superuser)} WITH PASSWORD {QuoteLiteral(passwords[Superuser])}", cancellationToken);
            await ExecuteAsync(connection,
                $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {QuoteLiteral(AppRole)}) THEN CREATE ROLE {QuoteIdentifier(AppRole)} LOGIN; END IF; END $$",
                cancellationToken);
            await ExecuteAsync(connection,
                $"ALTER ROLE {QuoteIdentifier(AppRole)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD {QuoteLiteral(passwords[AppRole])}",
                cancellationToken);
            await EnsureDatabaseAsync(connection, Database, cancellationToken);
            await ExecuteAsync(connection, $"ALTER DATABASE {QuoteIdentifier(Database)} OWNER TO {QuoteIdentifier(AppRole)}", cancellationToken);
            await ExecuteAsync(connection, $"REVOKE ALL ON DATABASE {QuoteIdentifier(Database)} FROM PUBLIC", cancellationToken);
        }
        var inDatabase = new NpgsqlConnectionStringBuilder(trusted) { Database = Database }.ConnectionString;
        await using (var connection = new NpgsqlConnection(inDatabase))
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, OwnershipSql.HandOver(AppRole), cancellationToken);
        }
        HostAccessFile.Write(ClusterDirectory);
        if (reload)
        {
            await using var connection = new NpgsqlConnection(trusted);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "SELECT pg_reload_conf()", cancellationToken);
        }
        Log.LockedDown(_logger, ClusterDirectory, AppRole, PasswordFilePath);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task StopServerAsync(CancellationToken cancellationToken)
    {
        var binaries = await BinariesAsync(cancellationToken);
        var stop = await _account.RunAsync(binaries.PgCtl, ["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60"], StartTimeout, cancellationToken);
        if (!stop.Succeeded) throw new PostgresSetupException($"pg_ctl could not stop the server in {ClusterDirectory}:\n{stop.Said}");
    }

    private async Task StartServerAsync(CancellationToken cancellationToken, bool socketOnly = false)
    {
        var binaries = await BinariesAsync(cancellationToken);
        var tried = new HashSet<int>();
        for (var attempt = 1; ; attempt++)
        {
            // The remembered port is kept when possible: it is what other tools were told. When something else took it
            // while the server was down (or a server created at the same moment won it), another is chosen and kept.
            var port = Port ?? PortPicker.PickFree(tried);
            if (tried.Contains(port) || !PortPicker.IsFree(port))
            {
                var next = PortPicker.PickFree(tried);
                Log.PortTaken(_logger, port, next);
                port = next;
            }
            if (port != Port) ServerConfigFile.Write(ClusterDirectory, port);
            tried.Add(port);
            CheckSocketPath(port);

            var log = Path.Combine(ClusterDirectory, "server.log");
            string[] arguments = ["start", "-D", ClusterDirectory, "-l", log, "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)];
            // pg_ctl hands -o to the server through a shell: '' is the empty list of addresses.
            if (socketOnly) arguments = [.. arguments, "-o", "-c listen_addresses=''"];
            var start = await _account.RunAsync(binaries.PgCtl, arguments, StartTimeout + TimeSpan.FromSeconds(10), cancellationToken);
            if (start.Succeeded) return;

            var tail = LogTail(log);
            if (attempt < 3 && tail.Contains("could not bind", StringComparison.Ordinal) && !await IsRunningAsync(cancellationToken)) continue;
            throw new PostgresSetupException($"PostgreSQL did not start in {ClusterDirectory}:\n{start.Said}\n{tail}".TrimEnd());
        }
    }

    private void CheckSocketPath(int port)
    {
        var socket = Path.Combine(ClusterDirectory, $".s.PGSQL.{port.ToString(CultureInfo.InvariantCulture)}");
        if (System.Text.Encoding.UTF8.GetByteCount(socket) > MaxSocketPath)
            throw new PostgresSetupException($"the data folder's path is too long for the server's Unix socket ({socket} is over {MaxSocketPath} bytes): choose a shorter --data");
    }

    private static string LogTail(string log)
    {
        try
        {
            return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(15)) : "";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private async Task<PostgresBinaries> BinariesAsync(CancellationToken cancellationToken) =>
        _binaries ??= await PostgresBinaries.FindAsync(Version, _search, cancellationToken);

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string QuoteLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
