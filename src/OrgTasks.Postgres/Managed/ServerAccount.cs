namespace OrgTasks.Postgres.Managed;

/// <summary>
/// Who the managed server runs as. PostgreSQL refuses to run as root (initdb, pg_ctl and postgres all stop), so when
/// OrgTasks runs as root the server's programs run as the unprivileged <c>postgres</c> user that the Debian package
/// creates, through <c>runuser</c>, and its data folder belongs to that user. Otherwise they run as the caller.
/// </summary>
internal sealed class ServerAccount
{
    /// <summary>The account the PostgreSQL packages create for the server.</summary>
    public const string UnprivilegedUser = "postgres";

    private ServerAccount(string? runAs) => RunAs = runAs;

    /// <summary>The user the server's programs run as, or null for the caller itself.</summary>
    public string? RunAs { get; }

    public static ServerAccount ForThisProcess() => new(Environment.IsPrivilegedProcess ? UnprivilegedUser : null);

    /// <summary>Runs one of the server's programs as the server's user.</summary>
    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAs is null
            ? ProcessRunner.RunAsync(program, arguments, timeout, cancellationToken)
            : ProcessRunner.RunAsync("runuser", ["-u", RunAs, "--", program, .. arguments], timeout, cancellationToken);

    /// <summary>
    /// Creates the server's data folder, owned by the server's user and private to it (PostgreSQL insists on 0700),
    /// and checks that the user can reach it: a folder above it may be private (root's home is 0700).
    /// </summary>
    public async Task PrepareClusterFolderAsync(string folder, CancellationToken cancellationToken)
    {
        if (RunAs is null)
        {
            Directory.CreateDirectory(folder);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }

        if ((await ProcessRunner.RunAsync("id", ["-u", RunAs], TimeSpan.FromSeconds(10), cancellationToken)).ExitCode != 0)
            throw new PostgresSetupException(
                $"running as root, the PostgreSQL server must run as the user '{RunAs}', which does not exist here. " +
                $"Install PostgreSQL (it creates that user): {PostgresBinaries.InstallHint}");

        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        var made = await ProcessRunner.RunAsync("install", ["-d", "-o", RunAs, "-g", RunAs, "-m", "700", folder], TimeSpan.FromSeconds(10), cancellationToken);
        if (!made.Succeeded) throw new PostgresSetupException($"could not create {folder} for user '{RunAs}': {made.Said}");

        var reachable = await RunAsync("test", ["-w", folder, "-a", "-x", folder], TimeSpan.FromSeconds(10), cancellationToken);
        if (!reachable.Succeeded)
            throw new PostgresSetupException(
                $"the PostgreSQL server runs as user '{RunAs}' (it refuses root), and that user cannot reach {folder}: " +
                "a folder above it is private (root's home is mode 0700). Choose a data folder it can reach with " +
                $"--data DIR or ORGTASKS_DATA, for example {OrgTasksDataFolder.ForRoot}.");
    }
}
