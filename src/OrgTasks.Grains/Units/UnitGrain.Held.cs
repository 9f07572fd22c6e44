namespace OrgTasks.Grains.Units;

/// <summary>
/// Leaflets held by a cut-off unit. "Nothing lost" for a group whose carriers are all arrested means its homes wait:
/// the unit keeps the leaflet (its acceptance is in the leaflet journal, so a restart keeps it too), tells the tracker
/// why once, and delivers when it is back (a release, a re-establishment), each home once, without a new issue.
/// </summary>
public abstract partial class UnitGrain
{
    /// <summary>Set when this activation saw the unit come back from being cut off: open leaflets ask whether they were closed.</summary>
    private bool _backFromCutOff;

    /// <summary>Why this unit cannot serve its own routes now; none when it can (or has no routes to serve).</summary>
    private static string? CutOffReason(UnitConfig config) =>
        config.RouteMembers.Count == 0 ? null : Organization.CutOffReasons.Of(config);

    private void NoteCutOffChange(UnitConfig? before, UnitConfig after)
    {
        if (before is { CutOff: true } && !after.CutOff) _backFromCutOff = true;
    }

    /// <summary>Tells the tracker once per reason; false when the tracker could not be told (the pump retries).</summary>
    private async Task<bool> ReportHeldAsync(LeafletWork work, string reason)
    {
        if (work.HeldBecause == reason) return true;
        try
        {
            await GrainFactory.GetGrain<ILeafletTrackerGrain>(work.Leaflet.Id).ReportHeld(Id, reason);
            work.HeldBecause = reason;
            work.WasHeld = true;
            return true;
        }
        catch (Exception error)
        {
            Log.LeafletStepFailed(Logger, error, Id, work.Leaflet.Id);
            return false;
        }
    }

    /// <summary>
    /// A unit that held a leaflet (or came back in this activation) asks the tracker once whether an officer closed it;
    /// a closed leaflet is not delivered any more, and the unit reports its subtree as it stands. False on failure.
    /// </summary>
    private async Task<bool> CheckClosedAsync(LeafletWork work)
    {
        if (work.ClosureChecked || work.HeldBecause is null && !_backFromCutOff) return true;
        try
        {
            work.Closed = await GrainFactory.GetGrain<ILeafletTrackerGrain>(work.Leaflet.Id).IsClosed();
            work.ClosureChecked = true;
            work.HeldBecause = null;
            return true;
        }
        catch (Exception error)
        {
            Log.LeafletStepFailed(Logger, error, Id, work.Leaflet.Id);
            return false;
        }
    }
}
