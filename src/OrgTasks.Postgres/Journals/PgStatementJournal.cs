using OrgTasks.Grains.Durability;
using OrgTasks.Statements;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// The statement journal on PostgreSQL: hops keyed by (statement, holder), the statement's text once. Writes go through
/// the shared group-commit writer; a holder's held statements are read coalesced with every other activating grain's.
/// </summary>
public sealed class PgStatementJournal(PgJournalStore store) : IStatementJournal
{
    public Task<IReadOnlyList<bool>> AcceptAsync(string holder, IReadOnlyList<HeldStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        if (statements.Count == 0) return Task.FromResult<IReadOnlyList<bool>>([]);
        return store.Writer.WriteAsync(new AcceptHopsWrite(holder, statements));
    }

    public Task MarkPassedAsync(string holder, IReadOnlyList<string> statementIds, string passedTo, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(statementIds);
        if (statementIds.Count == 0) return Task.CompletedTask;
        return store.Writer.WriteAsync(new PassHopsWrite(holder, statementIds, passedTo, at));
    }

    public Task<IReadOnlyList<HeldStatement>> LoadHeldAsync(string holder) => store.Held.ReadAsync(holder);

    public Task<IReadOnlyList<StatementHop>> LoadRouteAsync(string statementId) =>
        store.ListAsync(StatementReads.Route, p => p.Add(Param.Text(statementId)), StatementRows.Hop);

    public Task<Statement?> FindStatementAsync(string statementId) =>
        store.FirstAsync(StatementReads.Statement, p => p.Add(Param.Text(statementId)), r => StatementRows.Statement(r, 0));

    public Task<IReadOnlyList<InboxEntry>> LoadInboxAsync(string unit, int limit) =>
        store.ListAsync(StatementReads.Inbox, p => { p.Add(Param.Text(unit)); p.Add(Param.Int(limit)); }, r => new InboxEntry
        {
            ArrivedAt = Columns.Time(r, 0),
            From = Columns.NullableText(r, 2) ?? r.GetString(1),
            Statement = StatementRows.Statement(r, 3),
        });

    public Task<IReadOnlyList<HeldStatement>> LoadHeldSinceAsync(DateTimeOffset heldBefore, int limit) =>
        store.ListAsync(StatementReads.HeldSince, p => { p.Add(Param.Time(heldBefore)); p.Add(Param.Int(limit)); }, StatementRows.Held);

    public Task<IReadOnlyList<string>> LoadHoldersAsync(int limit) =>
        store.ListAsync(StatementReads.Holders, p => p.Add(Param.Int(limit)), r => r.GetString(0));
}
