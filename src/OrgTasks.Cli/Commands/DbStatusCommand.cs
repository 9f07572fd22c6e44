using OrgTasks.Cli.Hosting;
using OrgTasks.Postgres.Hosting;
using OrgTasks.Postgres.Managed;
using OrgTasks.Postgres.Schema;

namespace OrgTasks.Cli.Commands;

/// <summary>
/// <c>orgtasks db status</c>: whether the managed server runs, where, and how to connect; or, with a connection
/// string, whether that server answers. Starts and changes nothing.
/// </summary>
internal static class DbStatusCommand
{
    public static Command Create()
    {
        var data = StorageOptions.DataOption();
        var connection = StorageOptions.ConnectionOption();
        var json = JsonOption.Create();
        var command = new Command("status", "Show whether PostgreSQL runs, where, its schema version and the connection string")
        {
            data, connection, json,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var external = StorageOptions.ResolveConnection(result, connection, data);
            var status = external is null
                ? await ManagedAsync(OrgTasksDataFolder.Resolve(result.GetValue(data)), cancellation)
                : await ExternalAsync(external, cancellation);
            if (result.GetValue(json)) Json.Write(result.Out(), status);
            else status.WriteText(result.Out());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<DbStatus> ManagedAsync(string folder, CancellationToken cancellation)
    {
        var server = new ManagedPostgres(folder);
        var status = await DbErrors.Guard(() => server.GetStatusAsync(cancellation));
        var schema = status.Running ? await new SchemaMigrator(status.ConnectionString!).GetVersionAsync(cancellation) : (int?)null;
        return DbStatus.Managed(status, schema);
    }

    private static async Task<DbStatus> ExternalAsync(string connection, CancellationToken cancellation)
    {
        try
        {
            var version = await PostgresStore.ServerMajorAsync(connection, cancellation);
            var schema = await new SchemaMigrator(connection).GetVersionAsync(cancellation);
            return DbStatus.External(connection, true, version, schema, null);
        }
        catch (PostgresSetupException unreachable)
        {
            return DbStatus.External(connection, false, null, null, unreachable.InnerException?.Message ?? unreachable.Message);
        }
    }
}
