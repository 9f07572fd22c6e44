namespace OrgTasks.Identity;

/// <summary>
/// This user's OrgTasks configuration folder, like a kubeconfig's: the operator's credential (<c>credential</c>) and,
/// for silos started on this machine, the credential signing keys (<c>signing-keys.json</c>). Both files are mode 0600
/// and the folder 0700. Chosen by <c>ORGTASKS_CONFIG</c>, else <c>$XDG_CONFIG_HOME/orgtasks</c>, else
/// <c>~/.config/orgtasks</c>.
/// </summary>
public static class OrgTasksConfigFolder
{
    public const string EnvironmentVariable = "ORGTASKS_CONFIG";

    public const string CredentialFileName = "credential";

    public const string SigningKeysFileName = "signing-keys.json";

    public static string Resolve()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given) return Path.GetFullPath(given);
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify), ".config")
            : xdg;
        return Path.Combine(root, "orgtasks");
    }

    public static string DefaultCredentialFile => Path.Combine(Resolve(), CredentialFileName);

    public static string DefaultSigningKeysFile => Path.Combine(Resolve(), SigningKeysFileName);

    /// <summary>
    /// Creates <paramref name="folder"/> readable by this user alone, and so every parent it has to make: the TLS folder
    /// made first (<c>orgtasks certs</c>) left the configuration folder above it readable by everyone.
    /// </summary>
    public static void EnsurePrivate(string folder)
    {
        if (Directory.Exists(folder)) return;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        if (Path.GetDirectoryName(Path.GetFullPath(folder)) is { Length: > 0 } parent) EnsurePrivate(parent);
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> with mode 0600 from the first byte (never readable by
    /// others, not even briefly), replacing the file atomically.
    /// </summary>
    public static void WritePrivate(string path, string text) => WriteAtomically(path, text, UnixFileMode.UserRead | UnixFileMode.UserWrite);

    /// <summary>
    /// Writes <paramref name="text"/> beside <paramref name="path"/> with <paramref name="mode"/> from creation, then moves
    /// it into place: no reader ever sees half a file. The folder is made private when it does not exist.
    /// </summary>
    public static void WriteAtomically(string path, string text, UnixFileMode mode)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        EnsurePrivate(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = mode;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
