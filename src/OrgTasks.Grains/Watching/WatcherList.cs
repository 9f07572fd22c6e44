using System.Diagnostics;

namespace OrgTasks.Grains.Watching;

/// <summary>
/// A grain's watchers with the time each was last renewed. In memory only, never persisted: a watcher renews every
/// <see cref="WatchTimings.Renew"/>, which also re-subscribes it after the grain was deactivated or moved, and one not
/// renewed within <see cref="WatchTimings.Expiry"/> is dropped. Times are the machine's monotonic clock, not the
/// organization's (which tests move by hand).
/// </summary>
public sealed class WatcherList<T> where T : IGrainObserver
{
    private readonly Dictionary<T, long> _renewedAt = [];

    public int Count => _renewedAt.Count;

    public void Renew(T watcher) => _renewedAt[watcher] = Stopwatch.GetTimestamp();

    public void Remove(T watcher) => _renewedAt.Remove(watcher);

    /// <summary>The watchers still in time; the expired ones are dropped first.</summary>
    public IReadOnlyList<T> Current()
    {
        if (_renewedAt.Count == 0) return [];
        var expired = _renewedAt.Where(w => Stopwatch.GetElapsedTime(w.Value) > WatchTimings.Expiry).Select(w => w.Key).ToList();
        foreach (var watcher in expired) _renewedAt.Remove(watcher);
        return _renewedAt.Keys.ToList();
    }
}
