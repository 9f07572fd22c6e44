using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Durability;

namespace OrgTasks.Grains.Statements;

/// <summary>
/// Answers "where is this statement?" from the hop records. A stateless worker: nothing here is state, any silo can
/// answer, and several activations can answer at once.
/// </summary>
[StatelessWorker]
public sealed partial class StatementLedgerGrain(OrgTasksServices services) : Grain, IStatementLedgerGrain
{
    public async Task<StatementRoute> GetRoute(string statementId)
    {
        var caller = Callers.Require();
        var statement = await services.Statements.FindStatementAsync(statementId)
            ?? throw new NotFoundException($"no statement '{statementId}'");
        // An agent follows the routes of its own statements; whether another's exists is not its business either.
        if (caller.Kind == ActorKind.Agent && !caller.IsAgent(statement.Author))
            throw new NotFoundException($"no statement '{statementId}'");
        var hops = (await services.Statements.LoadRouteAsync(statementId)).OrderBy(h => h.AcceptedAt).ToList();
        var delivered = hops.FirstOrDefault(h => h.Role == HopRole.Inbox);
        var current = delivered ?? hops.LastOrDefault(h => h.PassedAt is null) ?? hops.LastOrDefault();
        return new StatementRoute
        {
            StatementId = statementId,
            Author = statement.Author,
            To = statement.To,
            Hops = hops,
            Where = current?.Holder,
            Delivered = delivered is not null,
            Breach = delivered is null && current is not null ? BreachOf(statementId, current, null) : null,
            Quarantine = delivered is null && current is not null && services.Standings.IsSuspended(statement.Author)
                ? new QuarantineMark { WarnedAt = await WarnedAtAsync(statement.Author), HeldBy = current.Holder, HeldSince = current.AcceptedAt }
                : null,
        };
    }

    public async Task<IReadOnlyList<Breach>> GetBreaches()
    {
        var now = services.Clock.GetUtcNow();
        var held = await services.Statements.LoadHeldSinceAsync(now - services.Options.BreachAfter, 1_000);
        return held.Select(h => BreachOf(h.Statement.Id, h.Hop, h.LastError)).OfType<Breach>().ToList();
    }

    /// <summary>A hop held past the limit is a breach naming its contact; a unit without one names the empty role.</summary>
    private Breach? BreachOf(string statementId, StatementHop hop, string? lastError)
    {
        var heldFor = services.Clock.GetUtcNow() - hop.AcceptedAt;
        if (heldFor < services.Options.BreachAfter) return null;
        return new Breach
        {
            StatementId = statementId,
            Holder = hop.Holder,
            Unit = hop.Unit,
            Contact = string.IsNullOrEmpty(hop.Contact) ? $"(no contact of {hop.Unit})" : hop.Contact,
            HeldSince = hop.AcceptedAt,
            HeldFor = heldFor,
            LastError = lastError,
        };
    }
}
