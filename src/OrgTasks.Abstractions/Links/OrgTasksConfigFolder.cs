namespace OrgTasks.Links;

/// <summary>
/// The operator's configuration folder on this machine: the local certificate authority lives in its <c>tls</c>
/// sub-folder, beside the keys and credentials OrgTasks keeps there. <c>ORGTASKS_CONFIG</c> when set (tests isolate
/// themselves with it), else <c>$XDG_CONFIG_HOME/orgtasks</c>, else <c>~/.config/orgtasks</c>.
/// </summary>
public static class OrgTasksConfigFolder
{
    public const string EnvironmentVariable = "ORGTASKS_CONFIG";

    /// <summary>The folder to use, absolute; it may not exist yet.</summary>
    public static string Resolve()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given) return Path.GetFullPath(given);
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config")
            : xdg;
        return Path.GetFullPath(Path.Combine(root, "orgtasks"));
    }
}
