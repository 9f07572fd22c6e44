using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks delegate AGENT --to UNIT</c>: the committee or the Central Committee details a delegate.</summary>
internal static class DelegateCommand
{
    public static Command Create()
    {
        var agent = new Argument<string>("AGENT") { Description = "The delegate" };
        var to = new Option<string>("--to") { Description = "The group or sub-group the delegate is detailed to", HelpName = "UNIT", Required = true };
        var json = JsonOption.Create();
        var command = new Command("delegate", "Detail a delegate to a group: the delegate may then see its whole composition and activity")
        {
            agent, to, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var (who, unit) = (result.GetRequiredValue(agent), result.GetRequiredValue(to));
            var report = await client.DetailDelegateAsync(who, unit);
            if (result.GetValue(json)) Json.Write(result.Out(), report);
            else LifeReportText.Write(result.Out(), $"detailed {who} as a delegate to {unit}", report);
            return ExitCodes.Ok;
        });
        return command;
    }
}
