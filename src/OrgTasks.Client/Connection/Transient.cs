using Orleans.Runtime;

namespace OrgTasks.Client.Connection;

/// <summary>
/// Which failures a client retries. Orleans delivers at most once and does not retry: a call to a silo that just
/// died fails fast, and only the caller can try again. Refusals (<see cref="OrgTasksException"/>) are final.
/// </summary>
public static class Transient
{
    public static bool IsTransient(Exception error) => error switch
    {
        OrgTasksException => false,
        SiloUnavailableException => true, // before its base class below
        GatewayTooBusyException => true,
        OrleansMessageRejectionException => true,
        Orleans.Runtime.Messaging.ConnectionFailedException => true,
        TimeoutException => true,
        _ => false,
    };

    /// <summary>Runs <paramref name="call"/>, retrying transient failures with a growing pause, up to <paramref name="attempts"/> times.</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, int attempts = 8, CancellationToken cancellation = default)
    {
        var pause = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (attempt < attempts && IsTransient(error) && !cancellation.IsCancellationRequested)
            {
                await Task.Delay(pause, cancellation);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 2_000));
            }
        }
    }
}
