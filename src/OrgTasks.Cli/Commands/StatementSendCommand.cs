using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Parsing;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks statement send</c>: a member brings a statement up; its id is the last line of stdout.</summary>
internal static class StatementSendCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The agent writing it (a member of the organization)", HelpName = "AGENT", Required = true };
        var to = Choices.Option("--to", "Who it is for; it goes up through each group's appointed contact", Choices.Addressees);
        var text = new Option<string>("--text") { Description = "What it says", HelpName = "TEXT", Required = true };
        var kind = Choices.Option("--kind", "What it is", Choices.StatementKinds, defaultValue: "report");
        var command = new Command("send", "Send a statement up through the contacts; prints its id alone on the last line")
        {
            from, to, text, kind,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var author = result.GetRequiredValue(from);
            var addressee = result.Get(to, Choices.Addressees);
            var statementKind = result.Get(kind, Choices.StatementKinds);
            var id = await client.SendStatementAsync(author, addressee, result.GetRequiredValue(text), statementKind, cancellation);
            result.Out().WriteLine($"{Format.Spelling(statementKind)} from {author} to the {Format.Spelling(addressee)} accepted by {author}'s own group; "
                + $"follow it with `orgtasks statement route {id}`");
            result.Out().WriteLine(id);
            return ExitCodes.Ok;
        });
        return command;
    }
}
