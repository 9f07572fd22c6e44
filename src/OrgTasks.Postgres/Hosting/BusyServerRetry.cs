using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrgTasks.Postgres.Hosting;

/// <summary>
/// Grain storage that waits and tries again when PostgreSQL turns a connection away for being full
/// (<c>53300 too many clients</c>) or still starting (<c>57P03</c>): the request never reached a table, so trying again
/// is safe for a write too (its ETag is unchanged). The waits grow from 100 ms to 3 s, with jitter so that silos sharing
/// the server do not come back together, up to <see cref="Budget"/>; then the refusal goes to the caller. Waiting is
/// asynchronous: no thread is held, and the silo keeps answering membership probes meanwhile.
/// </summary>
public sealed partial class BusyServerRetry(IGrainStorage inner, ILogger<BusyServerRetry> logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The longest a storage call waits for a free connection in all: well inside the 2-minute call timeout.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(3);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RetryAsync(() => inner.ReadStateAsync(stateName, grainId, grainState), "read", grainId);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RetryAsync(() => inner.WriteStateAsync(stateName, grainId, grainState), "write", grainId);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        RetryAsync(() => inner.ClearStateAsync(stateName, grainId, grainState), "clear", grainId);

    /// <summary>The wrapped provider initializes itself in the silo's lifecycle, as it would unwrapped.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    /// <summary>Whether PostgreSQL refused the connection itself for now, somewhere in <paramref name="error"/>'s chain.</summary>
    public static bool IsBusy(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
            if (error is PostgresException { SqlState: PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow }) return true;
        return false;
    }

    private async Task RetryAsync(Func<Task> call, string operation, GrainId grain)
    {
        var deadline = DateTime.UtcNow + Budget;
        var wait = FirstWait;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                if (attempt > 1) Recovered(logger, operation, grain, attempt);
                return;
            }
            catch (Exception error) when (IsBusy(error) && DateTime.UtcNow + wait < deadline)
            {
                var pause = wait + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)wait.TotalMilliseconds));
                Busy(logger, error, operation, grain, attempt, pause.TotalMilliseconds);
                await Task.Delay(pause);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL refused a connection for the {Operation} of {Grain} (attempt {Attempt}); trying again in {WaitMs:0} ms")]
    private static partial void Busy(ILogger logger, Exception error, string operation, GrainId grain, int attempt, double waitMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "the {Operation} of {Grain} went through at attempt {Attempt}")]
    private static partial void Recovered(ILogger logger, string operation, GrainId grain, int attempt);
}
