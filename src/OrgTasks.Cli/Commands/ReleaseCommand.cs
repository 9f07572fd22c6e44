using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks release AGENT…</c>: arrested agents are free again and take back what the file gives them.</summary>
internal static class ReleaseCommand
{
    public static Command Create()
    {
        var agents = new Argument<string[]>("AGENT") { Description = "The agents released", Arity = ArgumentArity.OneOrMore };
        var json = JsonOption.Create();
        var command = new Command("release", "Release arrested agents: each takes back the duties and route the organization file gives them")
        {
            agents, json,
        };
        command.SetClientAction((client, result, cancellation) => LifeEvent.RunForEachAsync(client, result,
            result.GetRequiredValue(agents), result.GetValue(json), "released", agent => client.ReleaseAsync(agent, cancellation)));
        return command;
    }
}
