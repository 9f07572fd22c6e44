namespace OrgTasks.Postgres.Hosting;

/// <summary>The database one silo uses for membership, grain state, reminders and OrgTasks' own tables.</summary>
public sealed class PostgresSiloOptions(string connectionString)
{
    /// <summary>The ADO.NET invariant name Orleans loads Npgsql by.</summary>
    public const string Invariant = "Npgsql";

    public string ConnectionString { get; } = connectionString;
}
