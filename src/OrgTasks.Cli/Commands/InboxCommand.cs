using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks inbox UNIT</c>: the statements that reached a unit, newest first.</summary>
internal static class InboxCommand
{
    public static Command Create()
    {
        var unit = new Argument<string>("UNIT") { Description = "The unit whose inbox to read (the committee, or a central body)" };
        var limit = new Option<int>("--limit") { Description = "Show at most this many", HelpName = "N", DefaultValueFactory = _ => 50 };
        var json = JsonOption.Create();
        var command = new Command("inbox", "List the statements that reached a unit, newest first") { unit, limit, json };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var count = result.GetValue(limit);
            if (count < 1) throw new CliException("--limit: must be at least 1");
            var unitId = result.GetRequiredValue(unit);
            var entries = await client.GetInboxAsync(unitId, count);
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), entries);
                return ExitCodes.Ok;
            }
            var output = result.Out();
            if (entries.Count == 0)
            {
                output.WriteLine($"inbox of {unitId}: empty");
                return ExitCodes.Ok;
            }
            output.WriteLine($"inbox of {unitId}: {Format.Count(entries.Count)} statement(s), newest first");
            var table = new Table("ARRIVED (UTC)", "ID", "KIND", "AUTHOR", "VIA", "TEXT");
            foreach (var entry in entries)
            {
                var statement = entry.Statement;
                table.Add(Format.Time(entry.ArrivedAt), statement.Id, Format.Spelling(statement.Kind), statement.Author, entry.From,
                    Format.Clip(statement.Text, 60));
            }
            table.Write(output);
            return ExitCodes.Ok;
        });
        return command;
    }
}
