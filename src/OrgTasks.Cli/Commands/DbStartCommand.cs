using OrgTasks.Cli.Hosting;
using OrgTasks.Postgres.Managed;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks db start</c>: the managed PostgreSQL, created on first use, running until <c>db stop</c>.</summary>
internal static class DbStartCommand
{
    public static Command Create()
    {
        var data = StorageOptions.DataOption();
        var json = JsonOption.Create();
        var command = new Command("start",
            "Start the managed PostgreSQL (creating it on first use) and leave it running; silos started later use it")
        {
            data, json,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var server = new ManagedPostgres(OrgTasksDataFolder.Resolve(result.GetValue(data)));
            var started = await DbErrors.Guard(() => server.StartAsync(cancellation));
            var status = DbStatus.Managed(await server.GetStatusAsync(cancellation), null);
            if (result.GetValue(json))
            {
                var output = Json.ToObject(status);
                output["started"] = started;
                Json.Write(result.Out(), output);
            }
            else
            {
                if (!started) result.Out().WriteLine("already running");
                status.WriteText(result.Out());
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
