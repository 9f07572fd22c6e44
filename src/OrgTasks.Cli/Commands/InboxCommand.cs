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
            var quarantined = await client.GetQuarantinedAsync(unitId);
            if (result.GetValue(json))
            {
                // The arrived entries as before, then each statement held in quarantine on its way here, marked so.
                var rows = entries.Select(e => (object)e).Concat(quarantined.Select(q => new
                {
                    q.Statement,
                    Quarantined = true,
                    q.Quarantine.WarnedAt,
                    q.Quarantine.HeldBy,
                    q.Quarantine.HeldSince,
                })).ToList();
                Json.Write(result.Out(), rows);
                return ExitCodes.Ok;
            }
            var output = result.Out();
            WriteQuarantined(output, unitId, quarantined);
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

    /// <summary>Statements on their way here held because their author is under a warning: first, so the review is not missed.</summary>
    private static void WriteQuarantined(TextWriter output, string unitId, IReadOnlyList<QuarantinedStatement> quarantined)
    {
        if (quarantined.Count == 0) return;
        output.WriteLine($"quarantined on the way to {unitId}: {Format.Count(quarantined.Count)} statement(s) held for review");
        var table = new Table("WARNED (UTC)", "ID", "KIND", "AUTHOR", "HELD AT", "TEXT");
        foreach (var q in quarantined)
        {
            table.Add(q.Quarantine.WarnedAt is { } at ? Format.Time(at) : Format.None, q.Statement.Id, Format.Spelling(q.Statement.Kind),
                q.Statement.Author, q.Quarantine.HeldBy, Format.Clip(q.Statement.Text, 60));
        }
        table.Write(output);
    }
}
