using Npgsql;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// One group commit: every queued write, sorted into the three journals' sections, sent as one NpgsqlBatch. Without an
/// explicit transaction Npgsql sends the whole batch with a single Sync, which PostgreSQL runs as one implicit
/// transaction: all or nothing, committed when it answers the Sync. So a group commit is one round trip, and the
/// waiters are completed by the writer only after <see cref="ExecuteAsync"/> returned, i.e. after that commit.
/// </summary>
internal sealed class WriteBatch
{
    public StatementWrites Statements { get; } = new();
    public LeafletWrites Leaflets { get; } = new();
    public DeliveryWrites Deliveries { get; } = new();
    public GrainState.StateWrites States { get; } = new();

    private IEnumerable<IWriteSection> Sections => [Statements, Leaflets, Deliveries, States];

    public static async Task ExecuteAsync(
        NpgsqlDataSource source, IReadOnlyList<PendingWrite> writes, WriterMemory memory, TimeSpan timeout, CancellationToken cancellation)
    {
        var batch = new WriteBatch();
        batch.Statements.Known = memory.KnownStatements;
        batch.Statements.Unacknowledged = memory.UnacknowledgedHops;
        foreach (var write in writes) write.AddTo(batch);

        await using var connection = await source.OpenConnectionAsync(cancellation);
        await using (var commands = new NpgsqlBatch(connection) { Timeout = (int)Math.Ceiling(timeout.TotalSeconds) })
        {
            foreach (var section in batch.Sections) section.AddCommands(commands);
            if (commands.BatchCommands.Count > 0)
            {
                // Disposing the reader reads up to the server's answer to the Sync: the commit, or the error that undid it.
                await using var reader = await commands.ExecuteReaderAsync(cancellation);
                var cursor = new ResultCursor(reader);
                foreach (var section in batch.Sections) await section.ReadAsync(cursor, cancellation);
            }
        }
        batch.Statements.Committed();
        foreach (var section in batch.Sections) await section.FollowUpAsync(connection, cancellation);
    }
}
