namespace OrgTasks.Postgres.Managed;

/// <summary>
/// The managed server's <c>pg_hba.conf</c> as OrgTasks writes it: every connection, over the private socket or
/// loopback, authenticates with a password (<c>scram-sha-256</c>); nothing is trusted, no other address is listed.
/// Its first line marks a server that has been locked down, so an older data folder (made with <c>trust</c>) is
/// recognised and upgraded in place.
/// </summary>
internal static class HostAccessFile
{
    public const string Marker = "# OrgTasks: password authentication (scram-sha-256) only.";

    public static string PathIn(string clusterFolder) => Path.Combine(clusterFolder, "pg_hba.conf");

    public static bool IsLockedDown(string clusterFolder)
    {
        var path = PathIn(clusterFolder);
        return File.Exists(path) && File.ReadLines(path).FirstOrDefault() == Marker;
    }

    /// <summary>Overwrites the file in place, so it keeps its owner (the server's account) and mode.</summary>
    public static void Write(string clusterFolder) =>
        File.WriteAllText(PathIn(clusterFolder), string.Join('\n',
            Marker,
            "# Written by OrgTasks; a data folder written with `trust` by an older OrgTasks is upgraded to this on start.",
            "# TYPE  DATABASE  USER  ADDRESS       METHOD",
            "local   all       all                 scram-sha-256",
            "host    all       all   127.0.0.1/32  scram-sha-256",
            ""));
}
