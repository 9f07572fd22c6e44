namespace OrgTasks.Grains.Durability;

/// <summary>The state of one leaflet at one unit: accepted and passing on, complete, or complete and reported up.</summary>
public enum UnitLeafletStage
{
    Open = 0,
    Complete = 1,
    Reported = 2,
}

/// <summary>One unit's durable record of one leaflet.</summary>
public sealed record UnitLeafletRecord(Leaflet Leaflet, UnitLeafletStage Stage, SubtreeCoverage? Coverage, DateTimeOffset AcceptedAt);

/// <summary>
/// The durable record of leaflets at the units: acceptance before acknowledgement, completion with the subtree's
/// coverage, and the hand-over of that coverage to the unit above. The seam a batched writer stands behind.
/// </summary>
public interface ILeafletJournal
{
    /// <summary>Stores the leaflet as accepted by <paramref name="unit"/>; returns the existing record if it was already there.</summary>
    Task<UnitLeafletRecord> AcceptAsync(string unit, Leaflet leaflet, DateTimeOffset at);

    Task<UnitLeafletRecord?> FindAsync(string unit, string leafletId);

    /// <summary>Records that the unit's whole subtree has the leaflet.</summary>
    Task CompleteAsync(string unit, string leafletId, SubtreeCoverage coverage);

    /// <summary>Records that the unit above (or the tracker) acknowledged the coverage.</summary>
    Task MarkReportedAsync(string unit, string leafletId);

    /// <summary>Leaflets the unit has not finished with (open, or complete and not yet reported).</summary>
    Task<IReadOnlyList<UnitLeafletRecord>> LoadUnfinishedAsync(string unit);
}
