namespace OrgTasks.Postgres.Journals;

/// <summary>What the writer remembers between group commits; touched by its loop alone.</summary>
internal sealed class WriterMemory
{
    private const int Generation = 65_536;

    /// <summary>Statements committed lately: their text is not sent again (see <see cref="StatementWrites.Known"/>).</summary>
    public RecentSet<string> KnownStatements { get; } = new(Generation);

    /// <summary>Hops whose commit may have happened unseen (see <see cref="StatementWrites.Unacknowledged"/>).</summary>
    public RecentSet<(string Statement, string Holder)> UnacknowledgedHops { get; } = new(Generation);

    /// <summary>
    /// A batch failed for a reason other than its data: it may have committed before the answer was lost. Its hop
    /// acceptances are remembered so that their retries still answer "new".
    /// </summary>
    public void OutcomeUnknown(IEnumerable<PendingWrite> writes)
    {
        foreach (var accept in writes.OfType<AcceptHopsWrite>())
            foreach (var key in accept.Keys) UnacknowledgedHops.Add(key);
    }
}
