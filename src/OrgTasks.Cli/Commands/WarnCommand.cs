using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks warn --suspect AGENT --reason TEXT</c>: a suspected provocateur is suspended at once.</summary>
internal static class WarnCommand
{
    public static Command Create()
    {
        var suspect = new Option<string>("--suspect") { Description = "The agent suspected of being a provocateur", HelpName = "AGENT", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why; told to the groups where the suspect is known", HelpName = "TEXT", Required = true };
        var json = JsonOption.Create();
        var command = new Command("warn",
            "Warn about a provocateur (for the committee or the centre): every call on the suspect's behalf is refused at once, "
            + "statements the suspect wrote that are still in flight are quarantined, and the groups where the suspect is known are told")
        {
            suspect, reason, json,
        };
        command.SetClientAction((client, result, cancellation) =>
        {
            var text = result.GetRequiredValue(reason);
            if (string.IsNullOrWhiteSpace(text)) throw new CliException("--reason: a warning needs a reason");
            return LifeEvent.RunForEachAsync(client, result, [result.GetRequiredValue(suspect)], result.GetValue(json), "warned about",
                agent => client.WarnAsync(agent, text, cancellation));
        });
        return command;
    }
}
