using OrgTasks.Audit;
using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Parsing;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks audit</c>: the append-only trail of officers' acts and refused calls, with the proven actor.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var since = Durations.Option("--since", "Only what happened in this last stretch of time (default 1d)");
        var actor = new Option<string?>("--actor") { Description = "Only this actor's lines (agent:belov, or just belov)", HelpName = "ACTOR" };
        var limit = new Option<int>("--limit") { Description = "At most this many lines, newest first", HelpName = "N", DefaultValueFactory = _ => 200 };
        var json = JsonOption.Create();
        var command = new Command("audit", "Show the audit trail: applies, arrests, warnings, votes, keys, credentials and refused calls, with the proven actor")
        {
            since, actor, limit, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var count = result.GetValue(limit);
            if (count is < 1 or > AuditQuery.MaxLimit) throw new CliException($"--limit: {count} is not between 1 and {AuditQuery.MaxLimit:N0}");
            var query = new AuditQuery
            {
                Since = DateTimeOffset.UtcNow - (result.GetValue(since) ?? TimeSpan.FromDays(1)),
                Actor = result.GetValue(actor),
                Limit = count,
            };
            var lines = await client.ReadAuditAsync(query);
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), lines);
                return ExitCodes.Ok;
            }
            var output = result.Out();
            if (lines.Count == 0)
            {
                output.WriteLine("no audit lines in that time" + (query.Actor is { Length: > 0 } a ? $" for {a}" : ""));
                return ExitCodes.Ok;
            }
            var table = new Table("AT", "ACTOR", "ACTION", "TARGET", "OUTCOME", "COUNT", "REASON");
            foreach (var line in lines)
                table.Add(Format.Time(line.At), line.Actor, line.Action, line.Target, line.Outcome.ToString().ToLowerInvariant(),
                    Format.Count(line.Count), Format.Clip(line.Reason, 80));
            table.Write(output);
            return ExitCodes.Ok;
        });
        return command;
    }
}
