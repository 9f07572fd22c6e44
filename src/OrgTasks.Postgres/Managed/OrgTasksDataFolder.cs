namespace OrgTasks.Postgres.Managed;

/// <summary>
/// The project's data folder on this machine: the managed PostgreSQL keeps its files in its <c>postgres</c>
/// sub-folder. Chosen by <c>--data DIR</c>, else <c>ORGTASKS_DATA</c>, else a default.
/// </summary>
public static class OrgTasksDataFolder
{
    public const string EnvironmentVariable = "ORGTASKS_DATA";

    /// <summary>
    /// Root's default. The server cannot run as root, and the unprivileged user it runs as cannot enter root's private
    /// home (mode 0700), so root's data lives where system services keep theirs.
    /// </summary>
    public const string ForRoot = "/var/lib/orgtasks";

    /// <summary>
    /// The default: <c>$XDG_DATA_HOME/orgtasks</c>, or <c>~/.local/share/orgtasks</c>; for root,
    /// <see cref="ForRoot"/>.
    /// </summary>
    public static string Default
    {
        get
        {
            if (Environment.IsPrivilegedProcess) return ForRoot;
            var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            var root = string.IsNullOrWhiteSpace(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify), ".local", "share")
                : xdg;
            return Path.Combine(root, "orgtasks");
        }
    }

    /// <summary>The folder to use: the one given, else the environment's, else <see cref="Default"/>; absolute.</summary>
    public static string Resolve(string? given)
    {
        var chosen = !string.IsNullOrWhiteSpace(given) ? given
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : Default;
        return Path.GetFullPath(chosen);
    }
}
