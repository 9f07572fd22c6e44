using OrgTasks.Tests.Infrastructure;
using System.Runtime.Versioning;
using System.Text.Json;
using Npgsql;
using OrgTasks.Postgres.Managed;
using OrgTasks.Postgres.Schema;
using OrgTasks.Tests.EndToEnd;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// The managed PostgreSQL takes passwords only: a generated one per role in a 0600 passfile; silos connect as an
/// application role that owns the database and is no superuser; a connection without the password is refused, over
/// loopback and over the socket; a data folder an older OrgTasks made with trust is locked down in place and keeps
/// its data.
/// </summary>
[Trait("Category", "Postgres")]
[UnsupportedOSPlatform("windows")]
public sealed class ManagedPostgresLockdownTests
{
    private static readonly Dictionary<string, string> CleanEnvironment = new() { ["ORGTASKS_POSTGRES"] = "", ["ORGTASKS_DATA"] = "" };

    [Fact]
    public async Task The_silos_role_is_not_a_superuser_and_owns_the_database_and_what_the_schema_migration_made()
    {
        await using var scratch = new ManagedServerFolder();
        await scratch.Server.StartAsync();
        var silo = scratch.Server.ConnectionString();
        await new SchemaMigrator(silo).ApplyAsync();

        Assert.Equal(ManagedPostgres.AppRole, new NpgsqlConnectionStringBuilder(silo).Username);
        Assert.False(await Sql.ScalarAsync<bool>(silo, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        Assert.False(await Sql.ScalarAsync<bool>(silo, "SELECT rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal(ManagedPostgres.AppRole, await Sql.ScalarAsync<string>(silo, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(silo, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user"));
        Assert.True(await Sql.ScalarAsync<long>(silo, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") > 0);
    }

    [Fact]
    public async Task A_connection_without_the_password_is_refused_over_loopback_and_over_the_socket()
    {
        await using var scratch = new ManagedServerFolder();
        await scratch.Server.StartAsync();
        var port = scratch.Server.Port!.Value;
        foreach (var user in new[] { ManagedPostgres.AppRole, ManagedPostgres.Superuser })
        {
            foreach (var host in new[] { "127.0.0.1", scratch.Server.ClusterDirectory })
            {
                var bare = new NpgsqlConnectionStringBuilder { Host = host, Port = port, Username = user, Database = "postgres", Pooling = false, Timeout = 5 };
                // An empty passfile: not even ~/.pgpass may supply one.
                bare.Passfile = "/dev/null";
                await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(bare.ConnectionString));
                bare.Password = "not-the-password";
                var wrong = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(bare.ConnectionString));
                Assert.Equal(PostgresErrorCodes.InvalidPassword, wrong.SqlState);
            }
        }
        Assert.Equal(1, await Sql.ScalarAsync<int>(scratch.Server.ConnectionString(), "SELECT 1"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(scratch.Server.PasswordFilePath));
        Assert.Equal("scram-sha-256", await Sql.ScalarAsync<string>(scratch.Server.AdminConnectionString(),
            "SELECT DISTINCT auth_method FROM pg_hba_file_rules WHERE error IS NULL"));
    }

    [Fact]
    public async Task Db_status_names_the_password_file_and_never_prints_a_password()
    {
        await using var scratch = new ManagedServerFolder();
        var init = await RunAsync("db", "init", "--data", scratch.Folder, "--json");
        var status = await RunAsync("db", "status", "--data", scratch.Folder, "--json");
        var text = await RunAsync("db", "status", "--data", scratch.Folder);
        var json = JsonDocument.Parse(status.Stdout).RootElement;
        Assert.Equal(scratch.Server.PasswordFilePath, json.GetProperty("passwordFile").GetString());
        var printed = new NpgsqlConnectionStringBuilder(json.GetProperty("connectionString").GetString());
        Assert.Null(printed.Password);
        Assert.Equal(scratch.Server.PasswordFilePath, printed.Passfile);
        foreach (var line in File.ReadAllLines(scratch.Server.PasswordFilePath).Where(l => !l.StartsWith('#')))
        {
            var password = line.Split(':')[4];
            Assert.True(password.Length >= 32);
            foreach (var run in new[] { init, status, text }) Assert.DoesNotContain(password, run.Stdout + run.Stderr);
        }
        // The string as printed is enough to connect: what a second silo on this machine is given.
        Assert.Equal(ManagedPostgres.AppRole, await Sql.ScalarAsync<string>(printed.ConnectionString, "SELECT current_user::text"));
    }

    [Fact]
    public async Task A_stopped_trust_data_folder_of_an_older_orgtasks_is_locked_down_by_db_init_and_keeps_its_data()
    {
        await using var scratch = new ManagedServerFolder();
        await OlderStyleAsync(scratch.Server);
        await scratch.Server.StopAsync();

        await RunAsync("db", "init", "--data", scratch.Folder);

        await AssertLockedDownWithDataAsync(scratch.Open());
    }

    [Fact]
    public async Task A_running_trust_server_of_an_older_orgtasks_is_locked_down_live_when_a_silo_starts_on_it()
    {
        await using var scratch = new ManagedServerFolder();
        await OlderStyleAsync(scratch.Server);

        Assert.False(await scratch.Open().StartAsync(), "it was running: nothing to start");

        await AssertLockedDownWithDataAsync(scratch.Open());
    }

    /// <summary>
    /// Turns a fresh server into what an older OrgTasks left: trust for everyone, no passwords, no application role,
    /// the database and a table of data owned by the superuser.
    /// </summary>
    private static async Task OlderStyleAsync(ManagedPostgres server)
    {
        await server.StartAsync();
        var inDatabase = server.AdminConnectionString(ManagedPostgres.Database, pooling: false);
        await Sql.ExecuteAsync(inDatabase, "CREATE TABLE kept (word text); INSERT INTO kept VALUES ('iskra')");
        await Sql.ExecuteAsync(inDatabase, $"REASSIGN OWNED BY {ManagedPostgres.AppRole} TO {ManagedPostgres.Superuser}; DROP OWNED BY {ManagedPostgres.AppRole}");
        var admin = server.AdminConnectionString(pooling: false);
        File.WriteAllText(Path.Combine(server.ClusterDirectory, "pg_hba.conf"),
            "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
        // One session: once the password is gone, only the reloaded trust lets a new one in.
        await Sql.ExecuteAsync(admin, $"DROP ROLE {ManagedPostgres.AppRole}; ALTER ROLE {ManagedPostgres.Superuser} PASSWORD NULL; SELECT pg_reload_conf()");
        File.Delete(server.PasswordFilePath);
        NpgsqlConnection.ClearAllPools();
        var trusting = new NpgsqlConnectionStringBuilder(admin) { Passfile = "/dev/null" }.ConnectionString;
        Assert.Equal(1, await Sql.ScalarAsync<int>(trusting, "SELECT 1"));
    }

    private static async Task AssertLockedDownWithDataAsync(ManagedPostgres server)
    {
        Assert.True(server.IsLockedDown);
        var silo = server.ConnectionString();
        Assert.Equal("iskra", await Sql.ScalarAsync<string>(silo, "SELECT word FROM kept"));
        Assert.Equal(ManagedPostgres.AppRole, await Sql.ScalarAsync<string>(silo, "SELECT tableowner::text FROM pg_tables WHERE tablename = 'kept'"));
        Assert.False(await Sql.ScalarAsync<bool>(silo, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        var bare = new NpgsqlConnectionStringBuilder(server.AdminConnectionString(pooling: false)) { Passfile = "/dev/null" };
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(bare.ConnectionString));
    }

    private static async Task<CliRun> RunAsync(params string[] arguments)
    {
        var run = await OrgTasksProcess.RunAsync(arguments, TimeSpan.FromSeconds(90), CleanEnvironment);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private static async Task OpenAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
    }
}
