using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks statement route ID</c>: every hop a statement took, where it is now, and any breach.</summary>
internal static class StatementRouteCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The statement id printed by `statement send`" };
        var json = JsonOption.Create();
        var command = new Command("route", "Show where a statement has been and where it is now; a breach names the contact holding it")
        {
            id, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var route = await client.GetRouteAsync(result.GetRequiredValue(id));
            if (result.GetValue(json)) Json.Write(result.Out(), route);
            else RouteText.Write(result.Out(), route);
            return ExitCodes.Ok;
        });
        return command;
    }
}
