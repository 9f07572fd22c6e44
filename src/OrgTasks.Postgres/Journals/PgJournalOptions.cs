namespace OrgTasks.Postgres.Journals;

/// <summary>Bounds of the PostgreSQL journals: how much one group commit carries and how many connections they use.</summary>
public sealed class PgJournalOptions
{
    /// <summary>
    /// Most rows in one group commit. Large enough that a 24,000-route mobilization needs only a few commits; small
    /// enough that one transaction stays short and a failed one fails few callers.
    /// </summary>
    public int MaxBatchRows { get; set; } = 8_192;

    /// <summary>
    /// Writes waiting for the writer before callers wait to enqueue. Callers then wait in memory, never for a
    /// connection: the writer holds one connection whatever the burst.
    /// </summary>
    public int QueueCapacity { get; set; } = 65_536;

    /// <summary>Most keys answered by one coalesced read (a holder's held statements, a route's delivery record).</summary>
    public int MaxReadBatch { get; set; } = 4_096;

    /// <summary>Reads that are not coalesced (routes, inboxes, breaches) running at once.</summary>
    public int ReadConcurrency { get; set; } = 8;

    /// <summary>Longest a single command may run before its callers are failed (and retry).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
