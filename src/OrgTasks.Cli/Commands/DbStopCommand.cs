using OrgTasks.Cli.Hosting;
using OrgTasks.Postgres.Managed;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks db stop</c>: stops the managed PostgreSQL; its data stays for the next start.</summary>
internal static class DbStopCommand
{
    public static Command Create()
    {
        var data = StorageOptions.DataOption();
        var json = JsonOption.Create();
        var command = new Command("stop", "Stop the managed PostgreSQL (open sessions are ended); its data is kept")
        {
            data, json,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var server = new ManagedPostgres(OrgTasksDataFolder.Resolve(result.GetValue(data)));
            var stopped = await DbErrors.Guard(() => server.StopAsync(cancellation));
            var status = DbStatus.Managed(await server.GetStatusAsync(cancellation), null);
            if (result.GetValue(json))
            {
                var output = Json.ToObject(status);
                output["stopped"] = stopped;
                Json.Write(result.Out(), output);
            }
            else
            {
                result.Out().WriteLine(stopped ? "stopped" : "was not running");
                status.WriteText(result.Out());
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
