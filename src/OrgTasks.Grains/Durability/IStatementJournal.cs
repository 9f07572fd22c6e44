namespace OrgTasks.Grains.Durability;

/// <summary>
/// The durable record of statements on their way up: every hop's acceptance, the hand-over to the next hop, the
/// inboxes. Grains never write statement hops anywhere else, so that a batched database writer can stand behind this
/// seam without the grains changing.
/// </summary>
public interface IStatementJournal
{
    /// <summary>
    /// Stores the statements as held by <paramref name="holder"/>, each unless that holder already has it; returns, per
    /// statement, whether it was new. A hop with role <see cref="HopRole.Inbox"/> is the statement's arrival.
    /// Completes only when the records are durable: the caller acknowledges after this.
    /// </summary>
    Task<IReadOnlyList<bool>> AcceptAsync(string holder, IReadOnlyList<HeldStatement> statements);

    /// <summary>Records that the next hop acknowledged these statements: they are no longer held here.</summary>
    Task MarkPassedAsync(string holder, IReadOnlyList<string> statementIds, string passedTo, DateTimeOffset at);

    /// <summary>What <paramref name="holder"/> still holds (accepted, not passed on), oldest first.</summary>
    Task<IReadOnlyList<HeldStatement>> LoadHeldAsync(string holder);

    /// <summary>Every hop of one statement, in order; empty when the statement is unknown.</summary>
    Task<IReadOnlyList<StatementHop>> LoadRouteAsync(string statementId);

    Task<Statement?> FindStatementAsync(string statementId);

    /// <summary>Statements that arrived at <paramref name="unit"/> as their addressee, newest first.</summary>
    Task<IReadOnlyList<InboxEntry>> LoadInboxAsync(string unit, int limit);

    /// <summary>Every statement held anywhere since before <paramref name="heldBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<HeldStatement>> LoadHeldSinceAsync(DateTimeOffset heldBefore, int limit);

    /// <summary>Holders that still hold something: after a crash, these are woken to pass it on.</summary>
    Task<IReadOnlyList<string>> LoadHoldersAsync(int limit);
}
