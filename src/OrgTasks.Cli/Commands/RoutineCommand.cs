using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks routine [UNIT] [--tick]</c>: the committee's schedule, the distributions issued, the idle alarm.</summary>
internal static class RoutineCommand
{
    public static Command Create()
    {
        var unit = UnitArgument.Create("Show the routine of the organization holding this unit (default: every organization)");
        var tick = new Option<bool>("--tick")
        {
            Description = "First do whatever is due now (the routine's reminder does this every minute by itself)",
        };
        var json = JsonOption.Create();
        var command = new Command("routine", "Show the committee's routine: distributions issued and next, reports overdue, districts and factories left idle")
        {
            unit, tick, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var views = await client.GetRoutineAsync(result.GetValue(unit), result.GetValue(tick));
            if (result.GetValue(json)) Json.Write(result.Out(), views);
            else if (views.Count == 0) result.Out().WriteLine("no organization has been applied to this cluster yet (see `orgtasks org apply`)");
            else foreach (var view in views) RoutineText.Write(result.Out(), view);
            return ExitCodes.Ok;
        });
        return command;
    }
}
