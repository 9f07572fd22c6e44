using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks picture [UNIT]</c>: who plays which fiddle, and who is out of tune.</summary>
internal static class PictureCommand
{
    public static Command Create()
    {
        var unit = UnitArgument.Create("Show the units under this unit (default: every organization)");
        var json = JsonOption.Create();
        var command = new Command("picture", "Show every unit's function, contact, size, last report, coverage, median delivery time, "
            + "statements held and breaches; units far worse than their peers first") { unit, json };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var views = await client.GetPictureAsync(result.GetValue(unit));
            if (result.GetValue(json)) Json.Write(result.Out(), views);
            else if (views.Count == 0) result.Out().WriteLine("no organization has been applied to this cluster yet (see `orgtasks org apply`)");
            else foreach (var view in views) PictureText.Write(result.Out(), view);
            return ExitCodes.Ok;
        });
        return command;
    }
}
