namespace OrgTasks.Postgres.Managed;

/// <summary>Where <see cref="PostgresBinaries"/> looks. Tests replace it to see what a bare machine says.</summary>
public sealed class PostgresSearch
{
    /// <summary><c>pg_config</c> (looked up on the PATH) or a path to it; null skips it.</summary>
    public string? PgConfig { get; init; } = "pg_config";

    /// <summary>Folders with one sub-folder per installed major version, each with a <c>bin</c> folder.</summary>
    public IReadOnlyList<string> VersionedRoots { get; init; } = ["/usr/lib/postgresql"];

    /// <summary>Folders searched last, in order.</summary>
    public IReadOnlyList<string> PathFolders { get; init; } = PathEntries();

    public static PostgresSearch Default { get; } = new();

    /// <summary>A search that finds nothing anywhere: what a machine without PostgreSQL looks like.</summary>
    public static PostgresSearch Nowhere { get; } = new() { PgConfig = null, VersionedRoots = [], PathFolders = [] };

    internal static string? OnPath(string program) =>
        PathEntries().Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);

    private static string[] PathEntries() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
}
