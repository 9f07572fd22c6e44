using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Leaflets;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks leaflet status ID [--wait]</c>: the exact picture of one distribution.</summary>
internal static class LeafletStatusCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The leaflet id printed by `leaflet issue`" };
        var json = JsonOption.Create();
        var wait = new Option<bool>("--wait")
        {
            Description = "Wait until every home has it, the deadline passes or an officer closes it; exit code 3 when homes are still pending",
        };
        var command = new Command("status", "Show a leaflet's coverage: overall, per district and factory, timing, stragglers, duplicates")
        {
            id, json, wait,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var leafletId = result.GetRequiredValue(id);
            var status = result.GetValue(wait)
                ? await CoverageWait.WaitAsync(client, leafletId, new CoverageProgress(result.Err(), result.ErrIsTerminal()), cancellation)
                : await client.GetLeafletStatusAsync(leafletId);
            if (result.GetValue(json)) Json.Write(result.Out(), status);
            else LeafletReport.Write(result.Out(), status);
            if (!result.GetValue(wait) || status.Complete) return ExitCodes.Ok;
            result.Err().WriteLine($"{ErrorReporter.Prefix}{(status.Closed is not null ? "closed" : "the deadline passed")} with "
                + $"{Format.Count(status.HomesPending)} of {Format.Count(status.HomesTotal)} homes still pending");
            return ExitCodes.DeadlinePassed;
        });
        return command;
    }
}
