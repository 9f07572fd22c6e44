using OrgTasks.Postgres;
using OrgTasks.Postgres.Managed;

namespace OrgTasks.Cli.Commands;

/// <summary>
/// What <c>orgtasks db</c> says about a server, as text or as <c>--json</c>. The connection string never carries a
/// password: the managed server has none, and an external one's is removed.
/// </summary>
/// <param name="Kind"><c>managed</c> or <c>external</c>.</param>
/// <param name="Running">Whether the server answers (managed: is running).</param>
/// <param name="ConnectionString">How to connect, without a password.</param>
/// <param name="Port">Its port.</param>
/// <param name="DataDirectory">The managed server's data folder; null for an external server.</param>
/// <param name="Version">PostgreSQL's major version.</param>
/// <param name="SchemaVersion">The OrgTasks schema version of the database, when it could be read.</param>
/// <param name="Initialized">Managed: whether its files exist yet. External: always true.</param>
/// <param name="ClusterDirectory">The managed server's own folder (PGDATA and socket) inside the data folder.</param>
/// <param name="Host">The server's host.</param>
/// <param name="Error">Why an external server could not be reached.</param>
/// <param name="PasswordFile">The managed server's 0600 passfile that its connection string names; null for an external server.</param>
internal sealed record DbStatus(
    string Kind,
    bool Running,
    string? ConnectionString,
    int? Port,
    string? DataDirectory,
    int? Version,
    int? SchemaVersion,
    bool Initialized,
    string? ClusterDirectory,
    string? Host,
    string? Error,
    string? PasswordFile = null)
{
    public static DbStatus Managed(ManagedStatus status, int? schemaVersion) => new(
        "managed", status.Running, status.ConnectionString, status.Port, status.DataDirectory, status.Version, schemaVersion,
        status.Initialized, status.ClusterDirectory, "127.0.0.1", null, status.PasswordFile);

    public static DbStatus External(string connectionString, bool running, int? version, int? schemaVersion, string? error)
    {
        var parsed = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return new("external", running, PostgresConnectionStrings.WithoutPassword(connectionString), parsed.Port, null, version,
            schemaVersion, true, null, parsed.Host, error);
    }

    public void WriteText(TextWriter output)
    {
        if (Kind == "managed")
        {
            output.WriteLine($"managed PostgreSQL{(Version is { } v ? $" {v}" : "")} in {DataDirectory}: "
                + (!Initialized ? "not created yet (orgtasks db start creates it)" : Running ? $"running on 127.0.0.1:{Port}" : "stopped"));
        }
        else
        {
            output.WriteLine($"external PostgreSQL{(Version is { } v ? $" {v}" : "")} at {Host}:{Port}: "
                + (Running ? "reachable" : $"not reachable ({Error})"));
        }
        if (SchemaVersion is { } schema) output.WriteLine($"schema: version {schema}");
        if (ConnectionString is not null) output.WriteLine($"connection: {ConnectionString}");
        if (PasswordFile is not null) output.WriteLine($"passwords: {PasswordFile} (mode 0600; for psql: PGPASSFILE={PasswordFile})");
    }
}
