using System.Diagnostics;

namespace OrgTasks.Api.Live;

/// <summary>
/// Whether a stream's caller may still see what it follows: the grain's own read, made again with the caller's
/// credential at most every <see cref="WatchTimings.Renew"/>, and only when an event is about to go out.
/// </summary>
public sealed class StillAllowed(Func<Task> read)
{
    private long _checkedAt = Stopwatch.GetTimestamp();

    public async Task<bool> CheckAsync()
    {
        if (Stopwatch.GetElapsedTime(_checkedAt) < WatchTimings.Renew) return true;
        try
        {
            await read();
        }
        catch (AccessDeniedException)
        {
            return false;
        }
        _checkedAt = Stopwatch.GetTimestamp();
        return true;
    }
}
