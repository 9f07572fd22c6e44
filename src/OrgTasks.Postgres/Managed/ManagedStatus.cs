namespace OrgTasks.Postgres.Managed;

/// <summary>What <c>orgtasks db status</c> reports about the managed server.</summary>
/// <param name="DataDirectory">The project's data folder.</param>
/// <param name="ClusterDirectory">The server's own folder inside it (its PGDATA, and the socket's folder).</param>
/// <param name="Initialized">Whether the server's files exist yet.</param>
/// <param name="Running">Whether the server is running now.</param>
/// <param name="Port">The remembered loopback port, once initialized.</param>
/// <param name="Version">PostgreSQL's major version the data folder was made by, once initialized.</param>
/// <param name="ConnectionString">How silos connect, once initialized. Holds no password: it names the passfile.</param>
/// <param name="PasswordFile">The 0600 passfile with the generated passwords (for psql: <c>PGPASSFILE</c>).</param>
public sealed record ManagedStatus(
    string DataDirectory,
    string ClusterDirectory,
    bool Initialized,
    bool Running,
    int? Port,
    int? Version,
    string? ConnectionString,
    string PasswordFile);
