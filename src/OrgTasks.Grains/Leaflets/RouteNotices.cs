using System.Collections.Concurrent;

namespace OrgTasks.Grains.Leaflets;

/// <summary>
/// Where a unit waits to hear that a distributor it sent out has delivered. The unit sends its distributors out with a
/// one-way call (<see cref="IDistributor.SendOut"/>): the delivery record in the journal is the proof that the homes
/// have the leaflet, so a reply to every distributor would only repeat it. A distributor in the same silo completes the
/// unit's wait here, after its record is written; one in another silo finds no wait here and tells the unit with one
/// one-way call (<see cref="ILeafletReceiver.RouteDelivered"/>), which completes the wait in the unit's silo. Either way
/// one message per distributor where a call and its reply were two.
/// A wait belongs to one unit, one leaflet and one share: a notice for anything else finds nothing and changes nothing.
/// </summary>
public sealed class RouteNotices
{
    private readonly ConcurrentDictionary<Key, TaskCompletionSource<RouteDelivery>> _waits = new();

    /// <summary>Waits being held now in this silo (a unit that stopped waiting removes its own).</summary>
    public int Waiting => _waits.Count;

    /// <summary>Opens a wait for one share; open it before the distributor is sent out, so no notice can come first.</summary>
    public RouteWait Expect(string unit, string leafletId, RouteShare share)
    {
        var key = new Key(unit, leafletId, share.Key);
        var wait = new TaskCompletionSource<RouteDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waits[key] = wait;
        return new RouteWait(this, key, share, wait);
    }

    /// <summary>A distributor's delivery; false when nobody in this silo waits for it (the unit is elsewhere, or stopped waiting).</summary>
    public bool Delivered(string unit, string leafletId, string shareKey, RouteDelivery delivery) =>
        _waits.TryRemove(new Key(unit, leafletId, shareKey), out var wait) && wait.TrySetResult(delivery);

    /// <summary>A distributor's refusal or failure, for a unit waiting in this silo; false when none waits here.</summary>
    public bool Failed(string unit, string leafletId, string shareKey, Exception error) =>
        _waits.TryRemove(new Key(unit, leafletId, shareKey), out var wait) && wait.TrySetException(error);

    /// <summary>Removes a wait that is still this one (a later wait for the same share is left alone).</summary>
    internal void Forget(Key key, TaskCompletionSource<RouteDelivery> wait) =>
        _waits.TryRemove(KeyValuePair.Create(key, wait));

    internal readonly record struct Key(string Unit, string LeafletId, string ShareKey);
}

/// <summary>One unit's wait for one share's delivery; <see cref="Forget"/> it when the unit stops waiting.</summary>
public readonly struct RouteWait
{
    private readonly RouteNotices _notices;
    private readonly RouteNotices.Key _key;
    private readonly TaskCompletionSource<RouteDelivery> _wait;

    internal RouteWait(RouteNotices notices, RouteNotices.Key key, RouteShare share, TaskCompletionSource<RouteDelivery> wait)
    {
        _notices = notices;
        _key = key;
        _wait = wait;
        Share = share;
    }

    public RouteShare Share { get; }

    public Task<RouteDelivery> Delivery => _wait.Task;

    public void Forget() => _notices.Forget(_key, _wait);
}
