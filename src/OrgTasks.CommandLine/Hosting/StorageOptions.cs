using Npgsql;
using OrgTasks.Cli.Parsing;
using OrgTasks.Postgres.Hosting;
using OrgTasks.Postgres.Managed;
using OrgTasks.Postgres.Schema;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Cli.Hosting;

/// <summary>
/// <c>--storage</c>, <c>--connection</c> and <c>--data</c>, shared by <c>orgtasks silo</c> and <c>orgtasks demo</c>,
/// and the store they name made ready before a silo starts.
/// </summary>
internal sealed class StorageOptions
{
    public Option<string> Storage { get; } = Choices.Option("--storage",
        "Where grain state lives: postgres (durable; the managed server unless --connection) or memory (in-process, lost on stop)",
        Choices.Storage, defaultValue: "postgres");

    public Option<string> Connection { get; } = ConnectionOption();

    public Option<string> Data { get; } = DataOption();

    public void AddTo(Command command)
    {
        command.Add(Storage);
        command.Add(Connection);
        command.Add(Data);
    }

    /// <summary>An external PostgreSQL instead of the managed one.</summary>
    public static Option<string> ConnectionOption() => new("--connection")
    {
        Description = $"An external PostgreSQL (Npgsql connection string); nothing is started [env: {PostgresStore.ConnectionVariable}]",
        HelpName = "STRING",
    };

    /// <summary>The data folder of the managed PostgreSQL.</summary>
    public static Option<string> DataOption() => new("--data")
    {
        Description = $"The data folder of the managed PostgreSQL [env: {OrgTasksDataFolder.EnvironmentVariable}; default: {OrgTasksDataFolder.Default}]",
        HelpName = "DIR",
    };

    /// <summary>
    /// The external server's connection string: <c>--connection</c>, else <c>ORGTASKS_POSTGRES</c> unless <c>--data</c>
    /// asks for the managed server by name; null for the managed server. Both options at once contradict each other.
    /// </summary>
    public static string? ResolveConnection(ParseResult result, Option<string> connection, Option<string> data)
    {
        var given = result.GetValue(connection);
        var folder = result.GetValue(data);
        if (!string.IsNullOrWhiteSpace(given) && !string.IsNullOrWhiteSpace(folder))
            throw new CliException($"{connection.Name} names an external PostgreSQL and {data.Name} the managed one's folder: give one of them");
        return string.IsNullOrWhiteSpace(folder) ? PostgresStore.ResolveConnectionString(given) : null;
    }

    /// <summary>Puts the storage chosen on the command line into <paramref name="settings"/>.</summary>
    public void ApplyTo(ParseResult result, SiloSettings settings)
    {
        settings.Storage = result.Get(Storage, Choices.Storage);
        if (settings.Storage != StorageKind.Postgres)
        {
            if (result.GetValue(Connection) is not null || result.GetValue(Data) is not null)
                throw new CliException($"{Connection.Name} and {Data.Name} are for {Storage.Name} postgres");
            return;
        }
        settings.ConnectionString = ResolveConnection(result, Connection, Data);
        settings.DataDirectory = result.GetValue(Data);
    }

    /// <summary>
    /// The store made ready (the managed server started, the schema migrated); what goes wrong with PostgreSQL is
    /// the user's to fix, so it becomes a one-line error, not a stack trace.
    /// </summary>
    public static async Task<SiloStore> PrepareAsync(SiloSettings settings, CancellationToken cancellation)
    {
        try
        {
            return await SiloStore.PrepareAsync(settings, cancellationToken: cancellation);
        }
        catch (Exception error) when (error is PostgresSetupException or SchemaTooNewException or NpgsqlException)
        {
            throw new CliException(error.Message);
        }
    }
}
