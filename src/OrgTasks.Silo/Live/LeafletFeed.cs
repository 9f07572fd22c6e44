using OrgTasks.Grains;
using OrgTasks.Leaflets;

namespace OrgTasks.Silo.Live;

/// <summary>This silo's live pictures of leaflets: one watch of a leaflet's tracker, whatever the number of followers.</summary>
public sealed class LeafletFeed(IGrainFactory grains, ILogger<LeafletFeed> logger) : LiveFeed<ILeafletWatcher, LeafletStatus>(grains, logger)
{
    protected override bool KeepsLatestOnly => true;

    protected override ILeafletWatcher NewWatcher(Action<LeafletStatus> publish) => new Watcher(publish);

    protected override async Task<LeafletStatus?> WatchAsync(string key, ILeafletWatcher watcher) =>
        await Grains.GetGrain<ILeafletTrackerGrain>(key).Watch(watcher);

    protected override Task UnwatchAsync(string key, ILeafletWatcher watcher) => Grains.GetGrain<ILeafletTrackerGrain>(key).Unwatch(watcher);

    /// <summary>A picture never goes back: a finished one stays, and fewer homes reached is an older push.</summary>
    protected override bool Supersedes(LeafletStatus next, LeafletStatus latest)
    {
        if (latest.Complete || latest.Closed is not null) return false;
        return next.Complete || next.Closed is not null || next.HomesReached >= latest.HomesReached;
    }

    private sealed class Watcher(Action<LeafletStatus> publish) : ILeafletWatcher
    {
        public Task CoverageChanged(LeafletStatus status)
        {
            publish(status);
            return Task.CompletedTask;
        }
    }
}
