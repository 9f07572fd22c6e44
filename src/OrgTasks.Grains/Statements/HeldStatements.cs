using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Statements;

/// <summary>
/// What one holder on a statement's way up keeps: a unit between its members and its contact, or a contact between
/// its unit and the unit above. A statement is stored in the journal before it is acknowledged, kept here until the
/// next hop acknowledges it, and then let go; a failed hand-over keeps it with its error and attempt count, which a
/// breach report shows. The unit's statement hop and the agent's contact role share this one component.
/// </summary>
internal sealed class HeldStatements(string holder, OrgTasksServices services, ILogger logger)
{
    private readonly Dictionary<string, HeldStatement> _held = new(StringComparer.Ordinal);

    public int Count => _held.Count;

    /// <summary>Picks up what the journal says this holder still holds (after a deactivation or a crash).</summary>
    public async Task<bool> LoadAsync()
    {
        foreach (var held in await services.Statements.LoadHeldAsync(holder)) _held[held.Statement.Id] = held;
        return _held.Count > 0;
    }

    /// <summary>
    /// Stores the statements as accepted by this holder and keeps the new ones that travel on (an arrival at the
    /// addressee is stored, not held). Returns, per statement, whether it was new: a retry of something already
    /// accepted is acknowledged again, not stored twice. Completes only when the journal has them.
    /// </summary>
    public async Task<IReadOnlyList<bool>> AcceptAsync(IReadOnlyList<HeldStatement> held)
    {
        var spans = StatementTrace.StartEach("statement.hold", held.Select(h => h.Statement).ToList(), holder);
        var fresh = await services.Statements.AcceptAsync(holder, held);
        StatementTrace.EndEach(spans);
        for (var i = 0; i < held.Count; i++)
        {
            if (fresh[i] && held[i].Hop.Role != HopRole.Inbox) _held[held[i].Statement.Id] = held[i];
        }
        return fresh;
    }

    /// <summary>What is held, oldest first; a statement by an agent under a provocateur warning is marked quarantined.</summary>
    public IReadOnlyList<HeldStatement> View() =>
        _held.Values.OrderBy(h => h.Hop.AcceptedAt)
            .Select(h => services.Standings.IsSuspended(h.Statement.Author) ? h with { Quarantined = true } : h)
            .ToList();

    /// <summary>
    /// What may travel on now: statements by an agent under a provocateur warning stay (quarantined) until it is lifted.
    /// Read lazily: a caller groups it into a list of its own before handing anything over, which changes what is held.
    /// </summary>
    public IEnumerable<HeldStatement> Passable() =>
        _held.Values.Where(h => !services.Standings.IsSuspended(h.Statement.Author));

    /// <summary>What is held for <paramref name="unit"/> (a contact's statements of one unit), oldest first.</summary>
    public IReadOnlyList<HeldStatement> For(string unit) =>
        _held.Values.Where(h => h.Hop.Unit == unit).OrderBy(h => h.Hop.AcceptedAt).ToList();

    /// <summary>
    /// Hands these statements to <paramref name="next"/>, at most <see cref="OrgTasksOptions.MaxStatementsPerCall"/>
    /// per call: sent, and only once acknowledged recorded as passed and let go.
    /// </summary>
    public async Task PassAsync(string next, IEnumerable<HeldStatement> statements, Func<IReadOnlyList<Statement>, Task> send)
    {
        foreach (var chunk in statements.Chunk(services.Options.MaxStatementsPerCall)) await HandOverAsync(next, chunk, send);
    }

    /// <summary>Lets go of statements another holder has taken over (a former contact's, handed to the new one).</summary>
    public async Task ReleaseAsync(IReadOnlyList<string> statementIds, string passedTo)
    {
        if (statementIds.Count == 0) return;
        await services.Statements.MarkPassedAsync(holder, statementIds, passedTo, services.Clock.GetUtcNow());
        foreach (var id in statementIds) _held.Remove(id);
    }

    private async Task HandOverAsync(string next, IReadOnlyList<HeldStatement> chunk, Func<IReadOnlyList<Statement>, Task> send)
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
                _held.Remove(statement.Statement.Id);
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
                if (_held.ContainsKey(statement.Statement.Id))
                    _held[statement.Statement.Id] = statement with { LastError = error.Message, Attempts = statement.Attempts + 1 };
            }
        }
    }
}
