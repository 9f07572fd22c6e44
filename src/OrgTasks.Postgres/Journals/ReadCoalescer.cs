using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// Answers many concurrent point reads with one query. When 24,000 distributors look up their delivery record at once,
/// or 27,000 grains load what they hold on activation, one loop takes every key asked for so far and reads them all
/// with <c>= ANY</c>/<c>unnest</c>: one connection and a handful of queries instead of 24,000 round trips competing for
/// the pool. Like the writer, no delay window: a lone read costs one query, as it would anyway.
/// </summary>
internal sealed class ReadCoalescer<TKey, TValue> : IAsyncDisposable where TKey : notnull
{
    /// <summary>Reads the values of these distinct keys; a key without a row is simply absent from the answer.</summary>
    public delegate Task<Dictionary<TKey, TValue>> Query(NpgsqlConnection connection, IReadOnlyList<TKey> keys, CancellationToken cancellation);

    private readonly NpgsqlDataSource _source;
    private readonly Query _query;
    private readonly TValue _missing;
    private readonly int _maxKeys;
    private readonly ILogger _logger;
    private readonly Channel<(TKey Key, TaskCompletionSource<TValue> Answer)> _asked =
        Channel.CreateUnbounded<(TKey, TaskCompletionSource<TValue>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public ReadCoalescer(NpgsqlDataSource source, Query query, TValue missing, int maxKeys, ILogger logger)
    {
        _source = source;
        _query = query;
        _missing = missing;
        _maxKeys = maxKeys;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<TValue> ReadAsync(TKey key)
    {
        var answer = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_asked.Writer.TryWrite((key, answer)))
            throw new ObjectDisposedException(nameof(ReadCoalescer<TKey, TValue>), "the PostgreSQL journal is shut down");
        return answer.Task;
    }

    private async Task RunAsync()
    {
        var waiting = new List<(TKey Key, TaskCompletionSource<TValue> Answer)>();
        var reader = _asked.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var keys = new HashSet<TKey>();
            while (keys.Count < _maxKeys && reader.TryRead(out var asked))
            {
                waiting.Add(asked);
                keys.Add(asked.Key);
            }
            try
            {
                Dictionary<TKey, TValue> found;
                await using (var connection = await _source.OpenConnectionAsync().ConfigureAwait(false))
                    found = await _query(connection, keys.ToList(), CancellationToken.None).ConfigureAwait(false);
                foreach (var (key, answer) in waiting) answer.TrySetResult(found.TryGetValue(key, out var value) ? value : _missing);
            }
            catch (Exception error)
            {
                JournalLog.ReadFailed(_logger, error, JournalErrors.Reason(error), waiting.Count);
                var failure = JournalErrors.Unavailable(error);
                foreach (var (_, answer) in waiting) answer.TrySetException(failure);
            }
            waiting.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _asked.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}
