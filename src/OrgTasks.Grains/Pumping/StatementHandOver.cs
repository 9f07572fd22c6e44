using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Pumping;

/// <summary>
/// One hand-over of held statements to the next hop, the same for a unit passing to its contact and a contact
/// carrying to the unit above: send, and only once acknowledged record them as passed and let them go; on failure keep
/// them, with the error and the attempt count that a breach report shows.
/// </summary>
internal static class StatementHandOver
{
    public static async Task RunAsync(
        string holder,
        string next,
        IReadOnlyList<HeldStatement> chunk,
        Dictionary<string, HeldStatement> held,
        Func<IReadOnlyList<Statement>, Task> send,
        OrgTasksServices services,
        ILogger logger)
    {
        using var activity = OrgTasksTelemetry.Source.StartActivity("statement.handover");
        activity?.SetTag("orgtasks.holder", holder);
        activity?.SetTag("orgtasks.next", next);
        activity?.SetTag("orgtasks.statements", chunk.Count);
        var statements = chunk.Select(h => h.Statement).ToList();
        var spans = StatementTrace.StartEach("statement.pass", statements, holder);
        try
        {
            await send(statements);
            var at = services.Clock.GetUtcNow();
            await services.Statements.MarkPassedAsync(holder, chunk.Select(h => h.Statement.Id).ToList(), next, at);
            foreach (var statement in chunk)
            {
                held.Remove(statement.Statement.Id);
                OrgTasksTelemetry.HopLatency.Record((at - statement.Hop.AcceptedAt).TotalMilliseconds);
            }
            OrgTasksTelemetry.StatementsPassed.Add(chunk.Count);
            StatementTrace.EndEach(spans);
        }
        catch (Exception error)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error.Message);
            StatementTrace.EndEach(spans, error);
            OrgTasksTelemetry.HandOverFailures.Add(1);
            Log.HandOverFailed(logger, error, holder, next, chunk.Count);
            foreach (var statement in chunk)
            {
                if (held.ContainsKey(statement.Statement.Id))
                    held[statement.Statement.Id] = statement with { LastError = error.Message, Attempts = statement.Attempts + 1 };
            }
        }
    }
}
