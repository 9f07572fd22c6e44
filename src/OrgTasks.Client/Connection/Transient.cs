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

    /// <summary>
    /// Runs <paramref name="call"/>, retrying transient failures with a growing pause (0.2 s doubling to 2 s) until
    /// <paramref name="budget"/> (default 30 s) has passed since the first attempt. A call that itself ran into its
    /// response timeout has used the budget up, so a stuck cluster fails once, not eight times over.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan? budget = null, CancellationToken cancellation = default)
    {
        var deadline = DateTime.UtcNow + (budget ?? TimeSpan.FromSeconds(30));
        var pause = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (IsTransient(error) && DateTime.UtcNow + pause < deadline && !cancellation.IsCancellationRequested)
            {
                await Task.Delay(pause, cancellation);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 2_000));
            }
        }
    }
}
