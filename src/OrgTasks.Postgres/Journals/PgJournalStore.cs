using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrgTasks.Grains.Durability;
using OrgTasks.Statements;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// What the three PostgreSQL journals share: one data source, the one group-commit writer, the coalesced point reads
/// and a bound on the other reads. Its connections never exceed 2 (the journals' writer, grain state's writer) + 4
/// (coalesced reads: three journals', and grain state's; see <see cref="GrainState.BatchedGrainStorage"/>) +
/// <see cref="PgJournalOptions.ReadConcurrency"/>, whatever the number of grains calling.
/// </summary>
public sealed class PgJournalStore : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly SemaphoreSlim _reads;
    private readonly ILogger _logger;
    private readonly TimeSpan _timeout;
    private readonly int _maxReadBatch;

    public PgJournalStore(string connectionString, PgJournalOptions? options = null, ILoggerFactory? loggers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options ??= new PgJournalOptions();
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("OrgTasks.Postgres.Journals");
        _timeout = options.CommandTimeout;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        // The journals' own pool, sized by their own concurrency (one writer loop, three coalesced readers, the other
        // reads): they never use more at once, and a silo's connections stay Maximum Pool Size + this.
        settings.MaxPoolSize = ConnectionsFor(options);
        // The same few statements run all day: prepared once per connection, they skip parsing and planning.
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = 32;
        settings.ApplicationName ??= "orgtasks-journals";
        // Every journal query finds rows by key, for a few keys or thousands (unnest arrays). A custom plan sized for
        // 8,000 keys picks a hash join over the whole table (measured: 39 ms to look up 8,000 routes, against a few ms by
        // index); the generic plan always walks the primary key.
        settings.Options = (settings.Options + " -c plan_cache_mode=force_generic_plan").Trim();
        // These connections never change session state, so returning one to the pool needs no reset round trip.
        settings.NoResetOnClose = true;
        settings.CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        _source = builder.Build();
        _reads = new SemaphoreSlim(options.ReadConcurrency);
        _maxReadBatch = options.MaxReadBatch;
        Writer = new JournalWriter(_source, options, _logger);
        // Grain state's own group commits: a failing state write never holds up a statement's hop, nor the reverse.
        StateWriter = new JournalWriter(_source, options, _logger);
        Held = new(_source, StatementReads.HeldAsync, [], options.MaxReadBatch, _logger);
        Unfinished = new(_source, LeafletReads.UnfinishedAsync, [], options.MaxReadBatch, _logger);
        Deliveries = new(_source, DeliveryReads.FindAsync, null, options.MaxReadBatch, _logger);
    }

    /// <summary>The most connections the journals hold at once: the writer, the coalesced reads, the other reads, spare.</summary>
    public static int ConnectionsFor(PgJournalOptions options) => 6 + options.ReadConcurrency + 2;

    /// <summary>One more coalesced reader on this store's connections (grain state's); there is room for one in <see cref="ConnectionsFor"/>.</summary>
    internal ReadCoalescer<TKey, TValue?> Coalesce<TKey, TValue>(ReadCoalescer<TKey, TValue?>.Query query, ILogger logger)
        where TKey : notnull where TValue : class =>
        new(_source, query, null, _maxReadBatch, logger);

    internal JournalWriter Writer { get; }

    /// <summary>The group-commit writer of grain state (<see cref="GrainState.BatchedGrainStorage"/>).</summary>
    internal JournalWriter StateWriter { get; }

    internal ReadCoalescer<string, IReadOnlyList<HeldStatement>> Held { get; }

    internal ReadCoalescer<string, IReadOnlyList<UnitLeafletRecord>> Unfinished { get; }

    internal ReadCoalescer<(string Leaflet, string Route), DeliveryRecord?> Deliveries { get; }

    /// <summary>Runs one query that is not coalesced, at most <see cref="PgJournalOptions.ReadConcurrency"/> at once.</summary>
    internal async Task<T> ReadAsync<T>(string sql, Action<NpgsqlParameterCollection> parameters, Func<NpgsqlDataReader, Task<T>> read)
    {
        await _reads.WaitAsync();
        try
        {
            await using var command = _source.CreateCommand(sql);
            command.CommandTimeout = (int)Math.Ceiling(_timeout.TotalSeconds);
            parameters(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync();
            return await read(reader);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException)
        {
            JournalLog.ReadFailed(_logger, error, JournalErrors.Reason(error), 1);
            throw JournalErrors.Unavailable(error);
        }
        finally
        {
            _reads.Release();
        }
    }

    /// <summary>
    /// Runs one statement that writes outside the group-commit writer (rare writes that need no batching: the audit
    /// trail), with the same limit on concurrency and the same errors as the reads.
    /// </summary>
    internal Task<int> ExecuteAsync(string sql, Action<NpgsqlParameterCollection> parameters) =>
        ReadAsync(sql, parameters, reader => Task.FromResult(reader.RecordsAffected));

    /// <summary>Reads every row with <paramref name="row"/>.</summary>
    internal Task<IReadOnlyList<T>> ListAsync<T>(string sql, Action<NpgsqlParameterCollection> parameters, Func<NpgsqlDataReader, T> row) =>
        ReadAsync<IReadOnlyList<T>>(sql, parameters, async reader =>
        {
            var list = new List<T>();
            while (await reader.ReadAsync()) list.Add(row(reader));
            return list;
        });

    /// <summary>Reads the first row with <paramref name="row"/>, or the default when there is none.</summary>
    internal Task<T?> FirstAsync<T>(string sql, Action<NpgsqlParameterCollection> parameters, Func<NpgsqlDataReader, T> row) =>
        ReadAsync(sql, parameters, async reader => await reader.ReadAsync() ? row(reader) : default);

    /// <summary>Writes what is queued, then closes the connections. Calls after this fail.</summary>
    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        await StateWriter.DisposeAsync();
        await Held.DisposeAsync();
        await Unfinished.DisposeAsync();
        await Deliveries.DisposeAsync();
        await _source.DisposeAsync();
        _reads.Dispose();
    }

    /// <summary>
    /// For a container disposed synchronously (which refuses a singleton that is only IAsyncDisposable). The loops it
    /// waits for run on the thread pool, so blocking here cannot deadlock them.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
