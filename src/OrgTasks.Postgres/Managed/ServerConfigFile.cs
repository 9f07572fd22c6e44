using System.Globalization;
using System.Text.RegularExpressions;

namespace OrgTasks.Postgres.Managed;

/// <summary>
/// <c>orgtasks.conf</c> in the server's data folder: the settings OrgTasks owns, included from
/// <c>postgresql.conf</c>. It is also where the port is remembered, so the connection string stays the same from one
/// run to the next.
/// </summary>
internal static partial class ServerConfigFile
{
    public const string Name = "orgtasks.conf";

    /// <summary>
    /// Connections the server accepts: five silos with the default connection string at their peak (each its pool of
    /// <see cref="PostgresConnectionStrings.MaxPoolSize"/> and the journals' 14: 270), and room for tools (psql,
    /// <c>orgtasks db</c>) beside them. The README's clusters are three silos.
    /// </summary>
    public const int MaxConnections = 300;

    /// <summary>The line added to <c>postgresql.conf</c> once, at initialization.</summary>
    public const string IncludeLine = "include_if_exists = '" + Name + "'";

    public static string PathIn(string clusterFolder) => Path.Combine(clusterFolder, Name);

    public static void Write(string clusterFolder, int port)
    {
        var text = string.Join('\n',
            "# Written by OrgTasks for its managed PostgreSQL; read through postgresql.conf's include_if_exists.",
            "# Loopback and a socket in this private folder only: nothing outside this machine can reach the server.",
            "listen_addresses = '127.0.0.1'",
            $"port = {port.ToString(CultureInfo.InvariantCulture)}",
            $"unix_socket_directories = '{clusterFolder.Replace("'", "''", StringComparison.Ordinal)}'",
            $"max_connections = {MaxConnections.ToString(CultureInfo.InvariantCulture)}",
            "# Passwords only, stored as SCRAM verifiers (pg_hba.conf asks every connection for one).",
            "password_encryption = 'scram-sha-256'",
            "");
        var path = PathIn(clusterFolder);
        File.WriteAllText(path, text);
        // The server's user reads it; it holds nothing secret.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    /// <summary>The remembered port, or null when the file is missing or has none.</summary>
    public static int? ReadPort(string clusterFolder)
    {
        var path = PathIn(clusterFolder);
        if (!File.Exists(path)) return null;
        var match = PortLine().Match(File.ReadAllText(path));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^\s*port\s*=\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex PortLine();
}
