using System.Diagnostics;
using OrgTasks.Grains.Watching;

namespace OrgTasks.Grains.Leaflets;

/// <summary>
/// Live watching of the picture: the silos' live feeds (one per leaflet per silo) watch here, and the tracker pushes the
/// picture to them, debounced: at most every <see cref="WatchTimings.Debounce"/> while reports arrive, and at once when
/// the leaflet is complete or closed. With no watcher, a report costs one dictionary look-up more.
/// </summary>
public sealed partial class LeafletTrackerGrain
{
    private readonly WatcherList<ILeafletWatcher> _watchers = new();
    private long _lastPushed;
    private IGrainTimer? _pushTimer;

    public Task<LeafletStatus> Watch(ILeafletWatcher watcher)
    {
        Watchers.RequireSilo($"leaflet '{this.GetPrimaryKeyString()}'");
        ArgumentNullException.ThrowIfNull(watcher);
        RequireLeaflet();
        _watchers.Renew(watcher);
        return Task.FromResult(Picture());
    }

    public Task Unwatch(ILeafletWatcher watcher)
    {
        Watchers.RequireSilo($"leaflet '{this.GetPrimaryKeyString()}'");
        ArgumentNullException.ThrowIfNull(watcher);
        _watchers.Remove(watcher);
        return Task.CompletedTask;
    }

    /// <summary>The picture moved: push it now if the last push is old enough or the leaflet is finished, else soon.</summary>
    private void PictureMoved()
    {
        if (_watchers.Count == 0) return;
        var finished = state.State.Complete is not null || state.State.Closed is not null;
        var wait = WatchTimings.Debounce - Stopwatch.GetElapsedTime(_lastPushed);
        if (finished || wait <= TimeSpan.Zero)
        {
            Push();
            return;
        }
        _pushTimer ??= this.RegisterGrainTimer(() =>
        {
            Push();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions { DueTime = wait, Period = Timeout.InfiniteTimeSpan, Interleave = false });
    }

    private void Push()
    {
        _pushTimer?.Dispose();
        _pushTimer = null;
        _lastPushed = Stopwatch.GetTimestamp();
        var watchers = _watchers.Current();
        if (watchers.Count == 0) return;
        var picture = Picture();
        // One-way: a watcher on a silo that stopped costs nothing here; it expires when it stops renewing.
        foreach (var watcher in watchers) watcher.CoverageChanged(picture).Ignore();
    }

    private LeafletStatus Picture() => CoveragePicture.Build(RequireLeaflet(), state.State.Units, _reports, state.State.Complete,
        services.Clock.GetUtcNow(), state.State.Held, state.State.Closed);
}
