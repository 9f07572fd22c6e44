using OrgTasks.Leaflets;

namespace OrgTasks.Grains;

/// <summary>
/// A silo-side listener to one leaflet's picture (the server's live feed, one per leaflet per silo). The tracker calls it
/// one-way, at most every debounce interval and once more when the leaflet is complete or closed.
/// </summary>
public interface ILeafletWatcher : IGrainObserver
{
    /// <summary>The leaflet's picture changed. Callers: the leaflet's tracker only.</summary>
    [Access(Clients.None), OneWay]
    Task CoverageChanged(LeafletStatus status);
}

/// <summary>
/// Subscriptions to a leaflet's picture, for the silo's own live feed. A subscription expires unless renewed (see
/// <c>OrgTasksOptions.WatchExpiry</c>): the tracker keeps its watchers in memory only, so a feed renews well before then
/// and thereby also re-subscribes after the tracker moved or restarted.
/// </summary>
public interface IWatchedLeaflet : IGrainWithStringKey
{
    /// <summary>Adds or renews <paramref name="watcher"/>; returns the current picture. Callers: the silo's live feed only.</summary>
    [Access(Clients.None)]
    Task<LeafletStatus> Watch(ILeafletWatcher watcher);

    /// <summary>Removes <paramref name="watcher"/> (the feed's last subscriber left). Callers: the silo's live feed only.</summary>
    [Access(Clients.None)]
    Task Unwatch(ILeafletWatcher watcher);
}
