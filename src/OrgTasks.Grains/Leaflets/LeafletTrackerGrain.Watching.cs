using OrgTasks.Grains.Watching;

namespace OrgTasks.Grains.Leaflets;

/// <summary>
/// Live watching of the picture: the silos' live feeds (one per leaflet per silo) watch here, and the tracker pushes the
/// picture to them. The units no longer report each route to the tracker (the delivery records are the proof), so while
/// a leaflet is watched and unfinished the tracker reads the records every <see cref="WatchTimings.Debounce"/> and pushes
/// the picture when it moved: one reader per leaflet whatever the number of subscribers, and nothing at all when nobody
/// watches. A held unit, completion and closing are pushed at the next tick.
/// </summary>
public sealed partial class LeafletTrackerGrain
{
    private readonly WatcherList<ILeafletWatcher> _watchers = new();
    private IGrainTimer? _readTimer;
    private (long Reached, bool Complete, bool Closed, int Held)? _lastPushed;

    public async Task<LeafletStatus> Watch(ILeafletWatcher watcher)
    {
        Watchers.RequireSilo($"leaflet '{this.GetPrimaryKeyString()}'");
        ArgumentNullException.ThrowIfNull(watcher);
        RequireLeaflet();
        _watchers.Renew(watcher);
        await RefreshReportsAsync();
        KeepReading();
        return Picture();
    }

    public Task Unwatch(ILeafletWatcher watcher)
    {
        Watchers.RequireSilo($"leaflet '{this.GetPrimaryKeyString()}'");
        ArgumentNullException.ThrowIfNull(watcher);
        _watchers.Remove(watcher);
        return Task.CompletedTask;
    }

    /// <summary>Something the records do not show changed (held, complete, closed): pushed at the next tick.</summary>
    private void PictureMoved()
    {
        if (_watchers.Count == 0) return;
        _lastPushed = null;
        KeepReading();
    }

    private void KeepReading() =>
        // Not interleaved: a tick never runs beside a request that reads or changes the picture.
        _readTimer ??= this.RegisterGrainTimer(ReadAndPushAsync,
            new GrainTimerCreationOptions { DueTime = WatchTimings.Debounce, Period = WatchTimings.Debounce, Interleave = false });

    private async Task ReadAndPushAsync()
    {
        var watchers = _watchers.Current();
        var finished = state.State.Complete is not null || state.State.Closed is not null;
        if (watchers.Count > 0)
        {
            await RefreshReportsAsync();
            var picture = Picture();
            var signature = (picture.HomesReached, picture.Complete, picture.Closed is not null, state.State.Held.Count);
            if (signature != _lastPushed)
            {
                _lastPushed = signature;
                // One-way: a watcher on a silo that stopped costs nothing here; it expires when it stops renewing.
                foreach (var watcher in watchers) watcher.CoverageChanged(picture).Ignore();
            }
        }
        // Finished and pushed, or nobody left: stop reading (a new watcher or a change starts it again).
        if (watchers.Count == 0 || finished)
        {
            _readTimer?.Dispose();
            _readTimer = null;
        }
    }

    private LeafletStatus Picture() => CoveragePicture.Build(RequireLeaflet(), state.State.Units, _reports, state.State.Complete,
        services.Clock.GetUtcNow(), state.State.Held, state.State.Closed);
}
