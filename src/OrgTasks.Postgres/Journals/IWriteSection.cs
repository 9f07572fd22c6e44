using Npgsql;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// The part of one group commit that writes one journal's kinds of rows: a few multi-row commands (unnest arrays), so
/// the number of statements per commit stays constant however many callers are in it.
/// </summary>
internal interface IWriteSection
{
    /// <summary>Adds this section's commands; only those with RETURNING produce results, read back in this order.</summary>
    void AddCommands(NpgsqlBatch batch);

    /// <summary>Reads the results of this section's RETURNING commands, in the order they were added.</summary>
    Task ReadAsync(ResultCursor results, CancellationToken cancellation);

    /// <summary>Reads that need the committed results first (rare: a replayed acceptance answers with the stored record).</summary>
    Task FollowUpAsync(NpgsqlConnection connection, CancellationToken cancellation);
}
