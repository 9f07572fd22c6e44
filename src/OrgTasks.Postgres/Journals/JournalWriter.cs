using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// The one group-commit writer all three journals share. Callers enqueue and await; a single loop takes everything
/// queued (up to <see cref="PgJournalOptions.MaxBatchRows"/>), writes it in one transaction, commits, and only then
/// completes the waiters. There is no delay window: while one commit is on its way to disk the next batch gathers, so
/// the batch size follows the load by itself (measured: a fixed 2–5 ms window only added latency). One connection,
/// however many callers: a 24,000-grain burst waits in this queue, not in the connection pool.
/// </summary>
internal sealed class JournalWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly PgJournalOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<PendingWrite> _queue;
    private readonly Task _loop;
    private readonly WriterMemory _memory = new();

    // Outage bookkeeping, touched only by the loop: log the first failure and the recovery, not every failed commit.
    private long _failedSince;
    private long _failedWrites;

    public JournalWriter(NpgsqlDataSource source, PgJournalOptions options, ILogger logger)
    {
        _source = source;
        _options = options;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="write"/> and completes when the transaction that carried it has committed.</summary>
    public async Task<T> WriteAsync<T>(PendingWrite<T> write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            try { await _queue.Writer.WriteAsync(write); }
            catch (ChannelClosedException) { throw new ObjectDisposedException(nameof(JournalWriter), "the PostgreSQL journal is shut down"); }
        }
        return await write.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var rows = 0;
            while (rows < _options.MaxBatchRows && reader.TryRead(out var write))
            {
                batch.Add(write);
                rows += write.Rows;
            }
            await FlushAsync(batch, rows).ConfigureAwait(false);
            batch.Clear();
        }
    }

    /// <summary>Writes one batch; never throws: every waiter is completed or failed.</summary>
    private async Task FlushAsync(List<PendingWrite> writes, int rows)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await WriteBatch.ExecuteAsync(_source, writes, _memory, _options.CommandTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception error) when (JournalErrors.IsBadData(error))
        {
            await RejectedAsync(writes, error).ConfigureAwait(false);
            return;
        }
        catch (Exception error)
        {
            if (_failedSince == 0)
            {
                _failedSince = Stopwatch.GetTimestamp();
                JournalLog.Unavailable(_logger, error, writes.Count, JournalErrors.Reason(error));
            }
            _failedWrites += writes.Count;
            _memory.OutcomeUnknown(writes);
            var failure = JournalErrors.Unavailable(error);
            foreach (var write in writes) write.Fail(failure);
            return;
        }
        if (_failedSince != 0)
        {
            JournalLog.Recovered(_logger, Stopwatch.GetElapsedTime(_failedSince).TotalSeconds, _failedWrites);
            _failedSince = 0;
            _failedWrites = 0;
        }
        JournalLog.Committed(_logger, writes.Count, rows, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        foreach (var write in writes) write.Complete();
    }

    /// <summary>
    /// PostgreSQL refused some row's data. Which caller's is unknown, so the batch is halved until the refused write is
    /// alone: it fails, everything else is written. Costs a few extra commits only when a write is bad.
    /// </summary>
    private async Task RejectedAsync(List<PendingWrite> writes, Exception error)
    {
        if (writes.Count == 1)
        {
            JournalLog.Rejected(_logger, error, JournalErrors.Reason(error), 0);
            writes[0].Fail(JournalErrors.Rejected(error));
            return;
        }
        var half = writes.Count / 2;
        foreach (var part in (List<PendingWrite>[])[writes.GetRange(0, half), writes.GetRange(half, writes.Count - half)])
            await FlushAsync(part, part.Sum(w => w.Rows)).ConfigureAwait(false);
    }

    /// <summary>Stops taking writes, writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}
