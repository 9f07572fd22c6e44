namespace OrgTasks.Grains.Units;

/// <summary>
/// A unit's memory of one leaflet it is passing on. Not persisted: the leaflet journal holds the acceptance, the
/// delivery journal the routes, and children answer a repeated leaflet with their coverage, so after a restart the
/// unit simply sends again and every receiver recognises the repeat.
/// </summary>
internal sealed class LeafletWork(Leaflet leaflet)
{
    public Leaflet Leaflet { get; } = leaflet;
    public HashSet<string> ChildrenAcked { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SubtreeCoverage> ChildCoverage { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, RouteDelivery> Routes { get; } = new(StringComparer.Ordinal);
    public bool RoutesReported { get; set; }
    public SubtreeCoverage? Complete { get; set; }
    /// <summary>Why this unit holds the leaflet (it is cut off), as last told to the tracker; empty when not held.</summary>
    public string? HeldBecause { get; set; }
    /// <summary>An officer closed the leaflet while this unit held it: its own routes are not served any more.</summary>
    public bool Closed { get; set; }
    public bool ClosureChecked { get; set; }
    /// <summary>The tracker was told this unit holds the leaflet: once its routes are served it tells the tracker so.</summary>
    public bool WasHeld { get; set; }

    /// <summary>
    /// The unit has sent its distributors out one-way for this leaflet once. A share still missing after that (no word
    /// in time, a refusal, a share that is new since) is asked with a call, whose answer or error comes back to it.
    /// </summary>
    public bool SentOut { get; set; }

    /// <summary>
    /// Set while the unit above waits in its <c>ReceiveLeaflet</c> call for this unit's first pass: the answer carries
    /// the subtree's coverage when the pass completed it, so no separate report goes up.
    /// </summary>
    public TaskCompletionSource? FirstPass { get; set; }

    /// <summary>
    /// Someone was answered without the coverage (the pass did not finish, a repeat came while in progress, the work
    /// resumed after a restart): the coverage must then go up in a report of its own once complete.
    /// </summary>
    public bool OwesReport { get; set; }
}
