using Orleans.Runtime;

namespace OrgTasks.Client.Connection;

/// <summary>
/// Which failures a client retries. Orleans delivers at most once and does not retry: a call to a silo that just
/// died fails fast, and only the caller can try again. Refusals (<see cref="OrgTasksException"/>) are final.
/// </summary>
public static class Transient
{
    /// <summary>
    /// How long the first attempt of a quick, repeatable call (a statement send, a status read) may take before it is
    /// tried again: above a normal answer (milliseconds; a second or two on a cold start) and about the 3 s a cluster
    /// takes to declare a dead silo dead, far under the 2-minute response timeout. Later attempts get 6 s, 12 s, ….
    /// </summary>
    public static readonly TimeSpan QuickAttemptLimit = TimeSpan.FromSeconds(3);

    public static bool IsTransient(Exception error) => error switch
    {
        // A database that refused a connection under load or is restarting: the same call may succeed in a moment.
        StorageUnavailableException storage => storage.IsTransient,
        OrgTasksException => false,
        SiloUnavailableException => true, // before its base class below
        GatewayTooBusyException => true,
        OrleansMessageRejectionException => true,
        Orleans.Runtime.Messaging.ConnectionFailedException => true,
        TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// Runs <paramref name="call"/>, retrying transient failures with a growing pause (0.2 s doubling to 2 s) until
    /// <paramref name="budget"/> (default 30 s) has passed since the first attempt. A call that itself ran into its
    /// response timeout has used the budget up, so a stuck cluster fails once, not eight times over.
    /// </summary>
    public static Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan? budget = null, CancellationToken cancellation = default) =>
        RetryAsync(call, budget, attemptLimit: null, cancellation);

    /// <summary>
    /// As above, and an attempt that has not answered within <paramref name="attemptLimit"/> is given up and tried
    /// again, with twice the limit each time (so a call that is merely slow on a busy machine still gets through). Only
    /// for calls that are safe to repeat while the first may still be running (a send with an id made here, a read).
    /// Why: a call that was on its way through a silo when that silo died gets no answer at all — Orleans fails the
    /// caller's pending calls to a dead silo only inside the cluster, not in a client — so without a limit it waits out
    /// the whole response timeout (2 minutes) although the cluster recovered in seconds.
    /// <paramref name="retrying"/> is told of each failure that is about to be retried (for a progress line: a retry is
    /// not an error), never of the last one, which is thrown.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan? budget, TimeSpan? attemptLimit, CancellationToken cancellation = default,
        Action<Exception>? retrying = null)
    {
        var deadline = DateTime.UtcNow + (budget ?? TimeSpan.FromSeconds(30));
        var pause = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return attemptLimit is { } limit ? await call().WaitAsync(limit, cancellation) : await call();
            }
            catch (Exception error) when (IsTransient(error) && DateTime.UtcNow + pause < deadline && !cancellation.IsCancellationRequested)
            {
                // A call that was only slow gets twice the time on its next attempt; one lost with a dead silo is over.
                if (attemptLimit is { } given) attemptLimit = given * 2;
                retrying?.Invoke(error);
                await Task.Delay(pause, cancellation);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 2_000));
            }
        }
    }
}
