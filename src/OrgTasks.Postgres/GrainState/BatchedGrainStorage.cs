using System.Globalization;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrgTasks.Postgres.Journals;

namespace OrgTasks.Postgres.GrainState;

/// <summary>
/// Orleans' ADO.NET grain storage, with the reads and writes of many grains each done by one statement. A silo's first
/// mobilization after a restart activates every unit and agent at once, and an organization's first apply writes
/// every one's configuration; the provider reads and writes each state with a statement and a transaction of its own
/// (a pooled connection, a round trip, and for a write a commit flushed to disk, for each of 28,000 grains), and that
/// was most of the time.
/// - Reads asked while one query is on its way wait for the next, which takes them all (the journals'
///   <see cref="ReadCoalescer{TKey,TValue}"/>). A read gives the grain what the provider's would: the payload through the
///   same serializer, the version as the etag, and for no row (or a cleared one) a new state. A failed batch falls back
///   to the provider's own read, so failures are retried and reported as before.
/// - Writes go to a group-commit writer of their own (the journals' <see cref="JournalWriter"/>, on their connections):
///   the provider's check-and-set on the version (<see cref="StateWrites"/>) for every grain in one command, committed
///   before any caller is answered. A version that no longer matches fails the write as the provider's would.
/// - Clears go to the provider unchanged (rare).
/// </summary>
internal sealed class BatchedGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable, IDisposable
{
    private readonly IGrainStorage _provider;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ReadCoalescer<StateKey, StoredState?> _reads;
    private readonly JournalWriter _writer;
    private readonly string _serviceId;

    public BatchedGrainStorage(IGrainStorage provider, PgJournalStore store, string serviceId, IGrainStorageSerializer serializer,
        IActivatorProvider activators, ILogger logger)
    {
        _provider = provider;
        _serializer = serializer;
        _activators = activators;
        _serviceId = serviceId;
        _reads = store.Coalesce(StateReads.For(serviceId), logger);
        _writer = store.StateWriter;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // A generic state class's name is shortened by the provider before it names the row; none of OrgTasks' is.
        if (stateName.Contains('`', StringComparison.Ordinal))
        {
            await _provider.ReadStateAsync(stateName, grainId, grainState);
            return;
        }
        StoredState? stored;
        try
        {
            stored = await _reads.ReadAsync(StateKey.Of(stateName, grainId));
        }
        catch (OrgTasks.Errors.StorageUnavailableException)
        {
            // The batch failed (logged once by the coalescer). The provider's own read fails or succeeds as before this
            // class existed, so the storage layers above it retry and report it as they always have.
            await _provider.ReadStateAsync(stateName, grainId, grainState);
            return;
        }
        grainState.State = stored?.Payload is { } payload ? _serializer.Deserialize<T>(new BinaryData(payload)) : _activators.GetActivator<T>().Create();
        grainState.ETag = stored?.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = stored?.Payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (stateName.Contains('`', StringComparison.Ordinal))
        {
            await _provider.WriteStateAsync(stateName, grainId, grainState);
            return;
        }
        int? expected = string.IsNullOrWhiteSpace(grainState.ETag) ? null : int.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var version = await _writer.WriteAsync(new StateWrite(_serviceId, StateKey.Of(stateName, grainId), payload, expected));
        // No new version: the row was not at the version this grain read (another activation wrote it, or it was cleared).
        if (version is null)
            throw new InconsistentStateException(
                $"Version conflict (WriteState): ServiceId={_serviceId} State={stateName} GrainId={grainId} ETag={grainState.ETag}.");
        grainState.ETag = version.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _provider.ClearStateAsync(stateName, grainId, grainState);

    /// <summary>The provider reads its stored queries when the silo starts.</summary>
    public void Participate(ISiloLifecycle lifecycle)
    {
        if (_provider is ILifecycleParticipant<ISiloLifecycle> participant) participant.Participate(lifecycle);
    }

    public ValueTask DisposeAsync() => _reads.DisposeAsync();

    /// <summary>For a container disposed synchronously; the coalescer's loop runs on the thread pool.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
