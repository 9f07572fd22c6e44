namespace OrgTasks.Client.Connection;

/// <summary>
/// Where a client's credential comes from: <c>--credential FILE</c>, else the file named by <c>ORGTASKS_CREDENTIAL</c>,
/// else this user's default (<c>~/.config/orgtasks/credential</c>, made for the operator when a silo first starts on
/// this machine). The file holds the token alone; it must not be readable by other users.
/// </summary>
public static class CredentialFile
{
    public const string EnvironmentVariable = "ORGTASKS_CREDENTIAL";

    /// <summary>The file to read: the one given, else the environment's, else the default.</summary>
    public static string Resolve(string? given) =>
        Path.GetFullPath(!string.IsNullOrWhiteSpace(given) ? given
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : OrgTasksConfigFolder.DefaultCredentialFile);

    /// <summary>Reads the token from <paramref name="path"/>; a missing or malformed file is a refusal that says what to do.</summary>
    public static string Read(string path)
    {
        if (!File.Exists(path))
            throw new AccessDeniedException($"no credential at {path}: start a silo on this machine (it makes the operator's), "
                + $"or pass --credential FILE (or set {EnvironmentVariable}) with one from `orgtasks credentials issue`");
        var token = File.ReadAllText(path).Trim();
        if (!CredentialToken.TryRead(token, out _, out _, out _, out var reason))
            throw new AccessDeniedException($"{path}: {reason}");
        return token;
    }

    /// <summary>Writes <paramref name="token"/> to <paramref name="path"/>, mode 0600.</summary>
    public static void Write(string path, string token) => OrgTasksConfigFolder.WritePrivate(path, token + "\n");
}
