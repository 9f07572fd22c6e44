using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks clear AGENT</c>: lifts a warning after review; quarantined statements travel on.</summary>
internal static class ClearCommand
{
    public static Command Create()
    {
        var agent = new Argument<string>("AGENT") { Description = "The agent under a warning" };
        var json = JsonOption.Create();
        var command = new Command("clear", "Lift a warning: the agent may act again and the statements held in quarantine travel on")
        {
            agent, json,
        };
        command.SetClientAction((client, result, cancellation) => LifeEvent.RunForEachAsync(client, result,
            [result.GetRequiredValue(agent)], result.GetValue(json), "cleared", a => client.ClearAsync(a, cancellation)));
        return command;
    }
}
