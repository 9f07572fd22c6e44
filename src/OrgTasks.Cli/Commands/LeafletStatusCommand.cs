using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks leaflet status ID</c>: the exact picture of one distribution.</summary>
internal static class LeafletStatusCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The leaflet id printed by `leaflet issue`" };
        var json = JsonOption.Create();
        var command = new Command("status", "Show a leaflet's coverage: overall, per district and factory, timing, stragglers, duplicates")
        {
            id, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var status = await client.GetLeafletStatusAsync(result.GetRequiredValue(id));
            if (result.GetValue(json)) Json.Write(result.Out(), status);
            else LeafletReport.Write(result.Out(), status);
            return ExitCodes.Ok;
        });
        return command;
    }
}
