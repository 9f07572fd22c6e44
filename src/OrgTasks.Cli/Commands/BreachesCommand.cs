using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks breaches</c>: statements held past the breach limit, each naming the contact answerable.</summary>
internal static class BreachesCommand
{
    public static Command Create()
    {
        var json = JsonOption.Create();
        var command = new Command("breaches", "List statements held longer than the breach limit anywhere, oldest first") { json };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var breaches = await client.GetBreachesAsync();
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), breaches);
                return ExitCodes.Ok;
            }
            var output = result.Out();
            if (breaches.Count == 0)
            {
                output.WriteLine("no breaches: no statement is held past the breach limit");
                return ExitCodes.Ok;
            }
            output.WriteLine($"{Format.Count(breaches.Count)} breach(es), oldest first");
            var table = new Table("STATEMENT", "HELD AT", "UNIT", "CONTACT", "HELD FOR", "SINCE (UTC)", "LAST ERROR");
            foreach (var breach in breaches)
            {
                table.Add(breach.StatementId, breach.Holder, breach.Unit, breach.Contact, Format.Duration(breach.HeldFor),
                    Format.Time(breach.HeldSince), breach.LastError is { Length: > 0 } error ? Format.Clip(error, 60) : Format.None);
            }
            table.Write(output);
            return ExitCodes.Ok;
        });
        return command;
    }
}
