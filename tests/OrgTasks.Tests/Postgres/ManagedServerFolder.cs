using OrgTasks.Postgres.Managed;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// A managed server in a fresh temporary data folder for one test; disposing stops the server and deletes the
/// folder, whatever the test did.
/// </summary>
internal sealed class ManagedServerFolder : IAsyncDisposable
{
    public ManagedServerFolder()
    {
        // Short (the server's socket lives inside) and 0755 (as root, the server's own user must pass through). Named
        // like the shared test server's folders, so a run after a killed one sweeps this too.
        Folder = Path.Combine(Path.GetTempPath(), $"orgtasks-tests-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(Folder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Folder, (UnixFileMode)0b111_101_101);
        Server = Open();
    }

    public string Folder { get; }

    public ManagedPostgres Server { get; }

    /// <summary>Another handle on the same data folder, as a later run of OrgTasks would have.</summary>
    public ManagedPostgres Open() => new(Folder) { SyncAfterInit = false };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Open().StopAsync();
        }
        finally
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
