using OrgTasks.Grains;
using OrgTasks.Life;
using OrgTasks.Statements;

namespace OrgTasks.Silo.Live;

/// <summary>Something that happened at a unit: statements arrived in its inbox, or a notice was pinned.</summary>
public sealed record UnitEvent(string Unit, IReadOnlyList<InboxEntry> Arrived, Notice? Notice);

/// <summary>
/// This silo's live inboxes and notice boards: one watch of a unit, whatever the number of followers, keyed by the
/// unit's id (its kind, which picks the grain class, is looked up in the organization registry).
/// </summary>
public sealed class UnitFeed(IGrainFactory grains, ILogger<UnitFeed> logger) : LiveFeed<IUnitWatcher, UnitEvent>(grains, logger)
{
    protected override bool KeepsLatestOnly => false;

    protected override IUnitWatcher NewWatcher(Action<UnitEvent> publish) => new Watcher(publish);

    protected override async Task<UnitEvent?> WatchAsync(string key, IUnitWatcher watcher)
    {
        await (await UnitAsync(key)).Watch(watcher);
        return null;
    }

    protected override async Task UnwatchAsync(string key, IUnitWatcher watcher) => await (await UnitAsync(key)).Unwatch(watcher);

    private async Task<IUnitGrain> UnitAsync(string id)
    {
        var location = await Grains.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key).FindUnit(id)
            ?? throw new OrgTasks.Errors.NotFoundException($"no unit '{id}'");
        return Grains.GetUnit(location.Unit);
    }

    private sealed class Watcher(Action<UnitEvent> publish) : IUnitWatcher
    {
        public Task InboxArrived(string unit, IReadOnlyList<InboxEntry> entries)
        {
            publish(new UnitEvent(unit, entries, null));
            return Task.CompletedTask;
        }

        public Task NoticePinned(string unit, Notice notice)
        {
            publish(new UnitEvent(unit, [], notice));
            return Task.CompletedTask;
        }
    }
}
