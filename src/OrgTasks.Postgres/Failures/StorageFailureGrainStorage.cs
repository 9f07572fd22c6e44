using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using OrgTasks.Errors;

namespace OrgTasks.Postgres.Failures;

/// <summary>
/// Orleans' ADO.NET grain storage with database failures translated into <see cref="StorageUnavailableException"/>.
/// The translation must happen here, not only in a call filter: a state read fails during activation, before any call
/// filter runs, and the failure goes back to every waiting caller. Reads are retried a few times when the failure is
/// transient (a refused connection under load, a restart), because a read changes nothing. Writes are not: a write
/// whose commit went through unseen would fail again on its version check, so its caller decides.
/// </summary>
internal sealed partial class StorageFailureGrainStorage(IGrainStorage inner, ILogger logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Pauses before the read attempts after the first: about 1.7 s in all, far under a call's timeout.</summary>
    private static readonly TimeSpan[] ReadPauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await inner.ReadStateAsync(stateName, grainId, grainState);
                return;
            }
            catch (Exception error) when (StorageFailures.Find(error) is { } found)
            {
                var translated = StorageFailures.From(found);
                if (!translated.IsTransient || attempt >= ReadPauses.Length)
                {
                    Log.ReadFailed(logger, error, stateName, grainId.ToString(), translated.Reason);
                    throw translated;
                }
                Log.ReadRetried(logger, error, stateName, grainId.ToString(), translated.Reason);
                await Task.Delay(ReadPauses[attempt]);
            }
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.WriteStateAsync(stateName, grainId, grainState), stateName, grainId);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(() => inner.ClearStateAsync(stateName, grainId, grainState), stateName, grainId);

    public void Participate(ISiloLifecycle lifecycle)
    {
        if (inner is ILifecycleParticipant<ISiloLifecycle> participant) participant.Participate(lifecycle);
    }

    private async Task Translate(Func<Task> write, string stateName, GrainId grainId)
    {
        try
        {
            await write();
        }
        catch (Exception error) when (StorageFailures.Find(error) is { } found)
        {
            var translated = StorageFailures.From(found);
            Log.WriteFailed(logger, error, stateName, grainId.ToString(), translated.Reason);
            throw translated;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(311, LogLevel.Warning, "reading state {State} of {Grain} failed ({Reason})")]
        public static partial void ReadFailed(ILogger logger, Exception error, string state, string grain, string reason);

        [LoggerMessage(312, LogLevel.Information, "reading state {State} of {Grain} failed ({Reason}); trying again")]
        public static partial void ReadRetried(ILogger logger, Exception error, string state, string grain, string reason);

        [LoggerMessage(313, LogLevel.Warning, "writing state {State} of {Grain} failed ({Reason})")]
        public static partial void WriteFailed(ILogger logger, Exception error, string state, string grain, string reason);
    }
}
