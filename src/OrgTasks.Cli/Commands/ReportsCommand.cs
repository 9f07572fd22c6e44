using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks reports [UNIT]</c>: each group's regular report: due by, last received, overdue.</summary>
internal static class ReportsCommand
{
    public static Command Create()
    {
        var unit = UnitArgument.Create("Show the groups under this unit (default: every group of every organization)");
        var json = JsonOption.Create();
        var command = new Command("reports", "Show the groups' regular reports: when each is due, the last received, which are overdue") { unit, json };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var views = await client.GetReportsAsync(result.GetValue(unit));
            if (result.GetValue(json)) Json.Write(result.Out(), views);
            else if (views.Count == 0) result.Out().WriteLine("no organization has been applied to this cluster yet (see `orgtasks org apply`)");
            else foreach (var view in views) RoutineText.Write(result.Out(), view);
            return ExitCodes.Ok;
        });
        return command;
    }
}
