using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks delegate AGENT --to UNIT</c>: the committee or the Central Committee details a delegate.</summary>
internal static class DelegateCommand
{
    public static Command Create()
    {
        var agent = new Argument<string>("AGENT") { Description = "The delegate" };
        var to = new Option<string>("--to") { Description = "The group or sub-group the delegate is detailed to", HelpName = "UNIT", Required = true };
        var by = new Option<string?>("--as")
        {
            Description = "Detail as this committee member (an officer); the operator acting for the committee when left out",
            HelpName = "AGENT",
        };
        var json = JsonOption.Create();
        var command = new Command("delegate", "Detail a delegate to a group (for the committee's officers or the Central Committee): "
            + "the delegate, a member of the organization, may then see its whole composition and activity")
        {
            agent, to, by, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var (who, unit) = (result.GetRequiredValue(agent), result.GetRequiredValue(to));
            var report = await client.DetailDelegateAsync(who, unit, result.Reader(by));
            if (result.GetValue(json)) Json.Write(result.Out(), report);
            else LifeReportText.Write(result.Out(), $"detailed {who} as a delegate to {unit}", report);
            return ExitCodes.Ok;
        });
        return command;
    }
}
