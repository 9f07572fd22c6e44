using OrgTasks.Life;
using OrgTasks.Statements;

namespace OrgTasks.Grains;

/// <summary>A silo-side listener to one unit: statements arriving in its inbox, notices pinned on its board.</summary>
public interface IUnitWatcher : IGrainObserver
{
    /// <summary>Statements reached <paramref name="unit"/> as their addressee. Callers: that unit only.</summary>
    [Access(Clients.None), OneWay]
    Task InboxArrived(string unit, IReadOnlyList<InboxEntry> entries);

    /// <summary>A notice was pinned on <paramref name="unit"/>'s board. Callers: that unit only.</summary>
    [Access(Clients.None), OneWay]
    Task NoticePinned(string unit, Notice notice);
}

/// <summary>
/// Subscriptions to a unit's inbox and notices, for the silo's own live feed; they expire unless renewed, like
/// <see cref="IWatchedLeaflet"/>'s.
/// </summary>
public interface IWatchedUnit : IGrainWithStringKey
{
    /// <summary>Adds or renews <paramref name="watcher"/>. Callers: the silo's live feed only.</summary>
    [Access(Clients.None)]
    Task Watch(IUnitWatcher watcher);

    /// <summary>Removes <paramref name="watcher"/>. Callers: the silo's live feed only.</summary>
    [Access(Clients.None)]
    Task Unwatch(IUnitWatcher watcher);
}
