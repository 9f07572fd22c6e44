namespace OrgTasks.Grains.Leaflets;

/// <summary>
/// A tracker's persistent state: the leaflet and the units it must reach, written once at issue, and the final
/// coverage, written once at the end. The per-unit reports in between are not written here: the delivery journal
/// already holds every route's record, and the tracker rebuilds its picture from it after a restart.
/// </summary>
[GenerateSerializer, Alias("orgtasks.leaflet-tracker-state.v1")]
public sealed class LeafletTrackerState
{
    [Id(0)] public Leaflet? Leaflet { get; set; }
    [Id(1)] public List<UnitSummary> Units { get; set; } = [];
    [Id(2)] public SubtreeCoverage? Complete { get; set; }
    /// <summary>Units holding the leaflet because they are cut off, with the reason. Written only when a unit is cut
    /// off or back (rare), never per delivery.</summary>
    [Id(3)] public Dictionary<string, string> Held { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public LeafletClosure? Closed { get; set; }
}
