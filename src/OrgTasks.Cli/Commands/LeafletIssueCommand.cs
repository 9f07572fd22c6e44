using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Leaflets;
using OrgTasks.Cli.Parsing;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks leaflet issue</c>: sends a leaflet down a subtree; its id is the last line of stdout.</summary>
internal static class LeafletIssueCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The issuing unit (the committee, a central body, or any unit to its own subtree)", HelpName = "UNIT", Required = true };
        var scope = new Option<string?>("--scope") { Description = "Reach the whole subtree of this unit (default: the issuer's own)", HelpName = "UNIT" };
        var title = new Option<string>("--title") { Description = "The leaflet's title", HelpName = "TITLE", Required = true };
        var text = new Option<string?>("--text") { Description = "The leaflet's text", HelpName = "TEXT" };
        var textFile = new Option<string?>("--text-file") { Description = "Read the leaflet's text from this file", HelpName = "FILE" };
        var deadline = Durations.Option("--deadline", "Every home should have it within this time");
        var approvedBy = new Option<string?>("--approved-by")
        {
            Description = "For a propaganda group's material to the district groups it delivers through: the committee that approves (and so issues) it",
            HelpName = "COMMITTEE",
        };
        var wait = new Option<bool>("--wait")
        {
            Description = "Show progress on stderr until every home has it or the deadline passes (exit code 3), then the report",
        };
        var command = new Command("issue", "Issue a leaflet down to the distributors' homes; prints its id alone on the last line")
        {
            from, scope, title, text, textFile, deadline, wait, approvedBy,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(text) is null) == (result.GetResult(textFile) is null))
                result.AddError("give the leaflet's text with exactly one of --text or --text-file");
        });
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var issuer = result.GetRequiredValue(from);
            var scopeId = result.GetValue(scope);
            var body = result.GetValue(text) ?? ReadText(result.GetValue(textFile));
            var id = await client.IssueLeafletAsync(issuer, result.GetRequiredValue(title), body, scopeId, result.GetValue(deadline), cancellation,
                result.GetValue(approvedBy));

            var output = result.Out();
            if (!result.GetValue(wait))
            {
                output.WriteLine($"leaflet issued by {issuer} to the subtree of {scopeId ?? issuer}; "
                    + $"see its distribution with `orgtasks leaflet status {id}`");
                output.WriteLine(id);
                return ExitCodes.Ok;
            }

            LeafletStatus status;
            try
            {
                status = await CoverageWait.WaitAsync(client, id, new CoverageProgress(result.Err(), result.ErrIsTerminal()), cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Only the watching stops; the leaflet goes on. The id is still what a script needs.
                result.Err().WriteLine($"{ErrorReporter.Prefix}stopped waiting; leaflet {id} goes on (`orgtasks leaflet status {id}`)");
                output.WriteLine(id);
                return ExitCodes.Interrupted;
            }
            LeafletReport.Write(output, status);
            output.WriteLine(id);
            if (status.Complete) return ExitCodes.Ok;
            result.Err().WriteLine($"{ErrorReporter.Prefix}the deadline passed with {Format.Count(status.HomesReached)} of "
                + $"{Format.Count(status.HomesTotal)} homes reached ({Format.Percent(status.HomesReached, status.HomesTotal)})");
            return ExitCodes.DeadlinePassed;
        });
        return command;
    }

    private static string ReadText(string? path)
    {
        if (string.IsNullOrEmpty(path)) throw new CliException("give the leaflet's text with --text or --text-file");
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"--text-file: cannot read '{path}': {error.Message}");
        }
    }
}
