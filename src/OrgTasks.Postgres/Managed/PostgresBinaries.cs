using System.Text.RegularExpressions;

namespace OrgTasks.Postgres.Managed;

/// <summary>
/// Where PostgreSQL's server programs are on this machine. Looked up in order: <c>pg_config --bindir</c>, then the
/// highest version under <c>/usr/lib/postgresql/*/bin</c> (Debian and Ubuntu keep the server programs there, off the
/// PATH), then the PATH.
/// </summary>
public sealed partial class PostgresBinaries
{
    public const string InstallHint = "apt-get install -y postgresql";

    private PostgresBinaries(string directory, int major)
    {
        Directory = directory;
        Major = major;
    }

    /// <summary>The folder holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</summary>
    public string Directory { get; }

    /// <summary>The major version of these programs, for example 15.</summary>
    public int Major { get; }

    public string Initdb => Path.Combine(Directory, "initdb");
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// Finds the programs. When <paramref name="preferredMajor"/> is given (the version a data folder was made by)
    /// and a candidate of that version exists, it is chosen, so an older data folder keeps working beside a newer
    /// server. Throws <see cref="PostgresSetupException"/> naming the install command when none is found.
    /// </summary>
    public static async Task<PostgresBinaries> FindAsync(int? preferredMajor = null, PostgresSearch? search = null, CancellationToken cancellationToken = default)
    {
        search ??= PostgresSearch.Default;
        var candidates = new List<string>();
        if (await FromPgConfigAsync(search.PgConfig, cancellationToken) is { } fromPgConfig) candidates.Add(fromPgConfig);
        candidates.AddRange(search.VersionedRoots.SelectMany(VersionedBinFolders));
        candidates.AddRange(search.PathFolders);

        var found = new List<PostgresBinaries>();
        foreach (var folder in candidates.Distinct(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(folder, "initdb")) || !File.Exists(Path.Combine(folder, "pg_ctl"))) continue;
            if (await MajorOfAsync(Path.Combine(folder, "pg_ctl"), cancellationToken) is { } major) found.Add(new PostgresBinaries(folder, major));
        }
        if (found.Count == 0)
            throw new PostgresSetupException(
                "PostgreSQL is not installed: no initdb and pg_ctl were found (looked at pg_config --bindir, " +
                $"/usr/lib/postgresql/*/bin and the PATH). Install it with: {InstallHint}");
        return found.FirstOrDefault(b => b.Major == preferredMajor) ?? found[0];
    }

    private static async Task<string?> FromPgConfigAsync(string? pgConfig, CancellationToken cancellationToken)
    {
        if (pgConfig is null) return null;
        var path = pgConfig.Contains('/') ? pgConfig : PostgresSearch.OnPath(pgConfig);
        if (path is null || !File.Exists(path)) return null;
        var result = await ProcessRunner.RunAsync(path, ["--bindir"], TimeSpan.FromSeconds(10), cancellationToken);
        return result.Succeeded ? result.Output.Trim() : null;
    }

    /// <summary><c>/usr/lib/postgresql/{15,16,…}/bin</c>, highest version first.</summary>
    private static IEnumerable<string> VersionedBinFolders(string root)
    {
        if (!System.IO.Directory.Exists(root)) return [];
        return System.IO.Directory.GetDirectories(root)
            .Select(d => (Folder: Path.Combine(d, "bin"), Version: decimal.TryParse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(x => x.Version >= 0)
            .OrderByDescending(x => x.Version)
            .Select(x => x.Folder);
    }

    private static async Task<int?> MajorOfAsync(string pgCtl, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(pgCtl, ["--version"], TimeSpan.FromSeconds(10), cancellationToken);
        // "pg_ctl (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        var match = VersionPattern().Match(result.Output);
        return result.Succeeded && match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\(PostgreSQL\)\s+(\d+)")]
    private static partial Regex VersionPattern();
}
