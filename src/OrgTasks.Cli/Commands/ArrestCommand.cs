using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks arrest AGENT…</c>: agents lost to the police; their duties and routes pass to alternates.</summary>
internal static class ArrestCommand
{
    public static Command Create()
    {
        var agents = new Argument<string[]>("AGENT") { Description = "The agents arrested", Arity = ArgumentArity.OneOrMore };
        var json = JsonOption.Create();
        var command = new Command("arrest",
            "Mark agents arrested: a contact is replaced by the group's first free alternate, a route passes to an alternate "
            + "or is shared among the other distributors, an executive seat goes to the next candidate")
        {
            agents, json,
        };
        command.SetClientAction((client, result, cancellation) => LifeEvent.RunForEachAsync(client, result,
            result.GetRequiredValue(agents), result.GetValue(json), "arrested", agent => client.ArrestAsync(agent, cancellation)));
        return command;
    }
}
