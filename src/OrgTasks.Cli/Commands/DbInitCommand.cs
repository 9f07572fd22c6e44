using OrgTasks.Cli.Hosting;
using OrgTasks.Postgres.Hosting;
using OrgTasks.Postgres.Schema;

namespace OrgTasks.Cli.Commands;

/// <summary>
/// <c>orgtasks db init</c>: makes a database ready for silos. The managed server is created and started if needed
/// (and left running); an external one is only migrated. Running it again changes nothing.
/// </summary>
internal static class DbInitCommand
{
    public static Command Create()
    {
        var data = StorageOptions.DataOption();
        var connection = StorageOptions.ConnectionOption();
        var json = JsonOption.Create();
        var command = new Command("init",
            "Bring the database's schema up to this version of OrgTasks (starting the managed PostgreSQL if needed; it stays running)")
        {
            data, connection, json,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var store = await DbErrors.Guard(() => PostgresStore.OpenAsync(
                StorageOptions.ResolveConnection(result, connection, data), result.GetValue(data), cancellationToken: cancellation));
            var report = await DbErrors.Guard(() => new SchemaMigrator(store.ConnectionString).ApplyAsync(cancellation));
            var status = store.Managed is { } managed
                ? DbStatus.Managed(await managed.GetStatusAsync(cancellation), report.Version)
                : DbStatus.External(store.ConnectionString, true, await PostgresStore.ServerMajorAsync(store.ConnectionString, cancellation), report.Version, null);
            if (result.GetValue(json))
            {
                var output = Json.ToObject(status);
                output["applied"] = System.Text.Json.JsonSerializer.SerializeToNode(
                    report.Applied.Select(m => new { m.Version, m.Name }).ToList(), Json.Options);
                Json.Write(result.Out(), output);
            }
            else
            {
                result.Out().WriteLine(report.Applied.Count == 0
                    ? $"schema: version {report.Version}, up to date"
                    : $"schema: version {report.Version}; applied {string.Join(", ", report.Applied.Select(m => $"{m.Version:000} {m.Name}"))}");
                status.WriteText(result.Out());
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
