using System.Globalization;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrgTasks.Postgres.Journals;

namespace OrgTasks.Postgres.GrainState;

/// <summary>
/// Orleans' ADO.NET grain storage, with reads of many grains answered by one query. A silo's first mobilization after a
/// restart activates every unit and agent at once; the provider reads each state with a query of its own (a pooled
/// connection, a round trip and a statement on the server for each of 28,000 grains), and that was most of the time.
/// Here the reads asked while one query is on its way wait for the next, which takes them all (the journals'
/// <see cref="ReadCoalescer{TKey,TValue}"/>, on their data source). Writes and clears go to the provider unchanged, with
/// its version check. What a read gives the grain is what the provider's would: the payload through the same
/// serializer, the version as the etag, and for no row (or a cleared one) a new state.
/// </summary>
internal sealed class CoalescedStateReads : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable, IDisposable
{
    private readonly IGrainStorage _provider;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ReadCoalescer<StateKey, StoredState?> _reads;

    public CoalescedStateReads(IGrainStorage provider, PgJournalStore store, string serviceId, IGrainStorageSerializer serializer,
        IActivatorProvider activators, ILogger logger)
    {
        _provider = provider;
        _serializer = serializer;
        _activators = activators;
        _reads = store.Coalesce(StateReads.For(serviceId), logger);
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

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _provider.WriteStateAsync(stateName, grainId, grainState);

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
