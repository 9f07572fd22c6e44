using System.Diagnostics;

namespace OrgTasks.Grains.Telemetry;

/// <summary>
/// One trace per statement. A statement does not travel as one call chain: each hop stores it, acknowledges, and a
/// pump passes it on later (after a silo restart, from the journal), so Orleans' own activity propagation would start a
/// new trace at every pump. Each hop's span is instead made a child of the traceparent the statement carries
/// (<see cref="Statement.TraceParent"/>, set by the author's <c>statement.send</c> span and stored with it).
/// </summary>
public static class StatementTrace
{
    /// <summary>A span of this statement's trace, or none when it carries no traceparent or nobody listens.</summary>
    public static Activity? Start(string name, Statement statement, string holder)
    {
        if (statement.TraceParent is not { Length: > 0 } traceParent
            || !ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent))
            return null;
        var activity = OrgTasksTelemetry.Source.StartActivity(name, ActivityKind.Internal, parent);
        activity?.SetTag("orgtasks.statement.id", statement.Id);
        activity?.SetTag("orgtasks.holder", holder);
        return activity;
    }

    /// <summary>One span per statement of a batch (a hop accepts and hands over statements in chunks).</summary>
    public static Activity?[] StartEach(string name, IReadOnlyList<Statement> statements, string holder)
    {
        if (!OrgTasksTelemetry.Source.HasListeners()) return []; // the hot path when nobody traces: nothing allocated
        var spans = new Activity?[statements.Count];
        for (var i = 0; i < spans.Length; i++) spans[i] = Start(name, statements[i], holder);
        return spans;
    }

    /// <summary>Ends a batch's spans; with an error each is marked failed (the hop keeps the statements and retries).</summary>
    public static void EndEach(Activity?[] spans, Exception? error = null)
    {
        foreach (var span in spans)
        {
            if (span is null) continue;
            if (error is not null) span.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            span.Dispose();
        }
    }
}
