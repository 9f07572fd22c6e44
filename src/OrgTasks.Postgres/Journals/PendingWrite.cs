namespace OrgTasks.Postgres.Journals;

/// <summary>
/// One caller's write, waiting for a group commit. Its task completes only after the transaction that carried it
/// committed, so a caller that acknowledges after awaiting it never acknowledges something PostgreSQL does not have.
/// </summary>
internal abstract class PendingWrite
{
    /// <summary>Rows this write adds to a batch: what <see cref="PgJournalOptions.MaxBatchRows"/> counts.</summary>
    public abstract int Rows { get; }

    /// <summary>Hands this write to the part of the batch that writes its kind.</summary>
    public abstract void AddTo(WriteBatch batch);

    /// <summary>Completes the caller's task with what the batch found out; called after the commit.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception error);
}

/// <summary>A write whose caller waits for <typeparamref name="T"/>.</summary>
internal abstract class PendingWrite<T> : PendingWrite
{
    // Continuations run elsewhere: the writer's loop must go straight back to the queue, not run the grains' code.
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _done.Task;

    /// <summary>The answer, set while the batch reads its results and handed over only by <see cref="Complete"/>.</summary>
    protected abstract T Result { get; }

    /// <summary>Set when the batch committed but this write's own answer could not be had: the caller is failed.</summary>
    protected Exception? Error { get; set; }

    public override void Complete()
    {
        if (Error is not null) _done.TrySetException(Error);
        else _done.TrySetResult(Result);
    }

    public override void Fail(Exception error) => _done.TrySetException(error);
}
