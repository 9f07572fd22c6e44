using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks leaflet close ID --reason TEXT</c>: an officer ends a leaflet; the homes never reached are recorded.</summary>
internal static class LeafletCloseCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The leaflet id printed by `leaflet issue`" };
        var reason = new Option<string>("--reason") { Description = "Why it goes no further; kept with the leaflet", HelpName = "TEXT", Required = true };
        var officer = new Option<string?>("--as")
        {
            Description = "Close as this committee member (an officer); the operator when left out",
            HelpName = "AGENT",
        };
        var json = JsonOption.Create();
        var command = new Command("close", "Close a leaflet before every home has it (for an officer of the issuer or the centre); records the homes never reached")
        {
            id, reason, officer, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var text = result.GetRequiredValue(reason);
            if (string.IsNullOrWhiteSpace(text)) throw new CliException("--reason: closing a leaflet needs a reason");
            var status = await client.CloseLeafletAsync(result.GetRequiredValue(id), text, result.Reader(officer));
            if (result.GetValue(json)) Json.Write(result.Out(), status);
            else LeafletReport.Write(result.Out(), status);
            return ExitCodes.Ok;
        });
        return command;
    }
}
