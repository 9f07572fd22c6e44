using System.Diagnostics;
using Npgsql;
using OrgTasks.Postgres.Managed;

namespace OrgTasks.Tests.Infrastructure;

/// <summary>
/// The one PostgreSQL server of a test run. With <see cref="PostgresFixture.EnvironmentVariable"/> set it is that
/// external server, untouched apart from the databases the fixtures create and drop. Otherwise it is a private managed
/// server in a temporary folder: started by the first fixture that needs it, and stopped and deleted when the last one
/// lets go (or, failing that, when the test process exits). Folders left by a test process that was killed are swept
/// (server stopped, folder deleted) by the next run.
/// </summary>
internal static class TestPostgresServer
{
    private const string FolderPrefix = "orgtasks-tests-";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ManagedPostgres? _managed;
    private static int _users;

    /// <summary>A connection string to the server's maintenance database, for creating and dropping databases.</summary>
    public static async Task<string> AcquireAsync()
    {
        if (Environment.GetEnvironmentVariable(PostgresFixture.EnvironmentVariable) is { Length: > 0 } external) return external;
        await Gate.WaitAsync();
        try
        {
            if (_managed is null)
            {
                SweepAbandonedFolders();
                // Short: the server's Unix socket lives in this folder, and socket paths are limited to 107 bytes.
                var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
                // 0755: when tests run as root the server runs as 'postgres', which must be able to pass through.
                Directory.CreateDirectory(folder);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
                // A throw-away server: flushing its new files to disk would only slow the run.
                var managed = _managed = new ManagedPostgres(folder) { SyncAfterInit = false };
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(managed);
            }
            await _managed.StartAsync();
            _users++;
            return _managed.AdminConnectionString("postgres");
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Lets go of the server; the last user stops it and deletes its folder. Not left for the process's exit: the test
    /// runner may end the test process before an exit handler is through.
    /// </summary>
    public static async Task ReleaseAsync()
    {
        if (Environment.GetEnvironmentVariable(PostgresFixture.EnvironmentVariable) is { Length: > 0 }) return;
        await Gate.WaitAsync();
        try
        {
            if (--_users > 0 || _managed is null) return;
            var last = _managed;
            _managed = null;
            await Task.Run(() => Remove(last));
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void Remove(ManagedPostgres server)
    {
        if (!Directory.Exists(server.DataDirectory)) return;
        try
        {
            server.StopAsync().GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(server.DataDirectory, recursive: true);
        }
    }

    /// <summary>Servers and folders of earlier test processes that did not get to clean up (killed, crashed).</summary>
    private static void SweepAbandonedFolders()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var name = Path.GetFileName(folder)[FolderPrefix.Length..];
            if (!int.TryParse(name.Split('-')[0], out var pid) || IsAlive(pid)) continue;
            try
            {
                Remove(new ManagedPostgres(folder));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or PostgresSetupException)
            {
                // Not ours to fight over: the next run tries again.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary><paramref name="connectionString"/> pointed at <paramref name="database"/>.</summary>
    public static string For(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
}
