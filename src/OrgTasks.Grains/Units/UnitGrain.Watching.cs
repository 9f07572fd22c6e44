using OrgTasks.Grains.Watching;

namespace OrgTasks.Grains.Units;

/// <summary>
/// Live watching of the unit: the silos' live feeds (one per unit per silo) watch here and are told of each statement
/// that arrives in the inbox and each notice pinned, after it is stored. With no watcher this costs one count.
/// </summary>
public abstract partial class UnitGrain
{
    private readonly WatcherList<IUnitWatcher> _watchers = new();

    public Task Watch(IUnitWatcher watcher)
    {
        Watchers.RequireSilo($"unit '{Id}'");
        ArgumentNullException.ThrowIfNull(watcher);
        RequireConfig();
        _watchers.Renew(watcher);
        return Task.CompletedTask;
    }

    public Task Unwatch(IUnitWatcher watcher)
    {
        Watchers.RequireSilo($"unit '{Id}'");
        ArgumentNullException.ThrowIfNull(watcher);
        _watchers.Remove(watcher);
        return Task.CompletedTask;
    }

    /// <summary>Tells the watchers of the statements stored just now as arrived here (fresh ones only, not retries).</summary>
    private void TellInboxWatchers(UnitRef? fromChild, IReadOnlyList<HeldStatement> held, IReadOnlyList<bool> fresh)
    {
        if (_watchers.Count == 0) return;
        var arrived = held.Where((h, i) => fresh[i] && h.Hop.Role == HopRole.Inbox)
            .Select(h => new InboxEntry { Statement = h.Statement, ArrivedAt = h.Hop.AcceptedAt, From = fromChild?.Id ?? Id })
            .ToList();
        if (arrived.Count == 0) return;
        // One-way: a watcher on a silo that stopped costs nothing here; it expires when it stops renewing.
        foreach (var watcher in _watchers.Current()) watcher.InboxArrived(Id, arrived).Ignore();
    }

    private void TellNoticeWatchers(Notice notice)
    {
        if (_watchers.Count == 0) return;
        foreach (var watcher in _watchers.Current()) watcher.NoticePinned(Id, notice).Ignore();
    }
}
