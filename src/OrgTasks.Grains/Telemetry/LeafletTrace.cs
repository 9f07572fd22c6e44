using System.Diagnostics;

namespace OrgTasks.Grains.Telemetry;

/// <summary>
/// Spans per unit of a leaflet, sampled (<see cref="OrgTasksOptions.LeafletUnitTraceSampling"/>). The choice hashes the
/// leaflet and unit ids the same way on every silo and after a restart, so a unit's spans for one leaflet are all kept
/// or all left out, and a run at a fixed share keeps the same units each time.
/// </summary>
public static class LeafletTrace
{
    /// <summary>A span for this unit's part in this leaflet, or none when the unit is not sampled or nobody listens.</summary>
    public static Activity? StartUnit(string name, string leafletId, string unit, double sampling)
    {
        if (!IsSampled(leafletId, unit, sampling)) return null;
        var activity = OrgTasksTelemetry.Source.StartActivity(name);
        activity?.SetTag("orgtasks.leaflet.id", leafletId);
        activity?.SetTag("orgtasks.unit", unit);
        return activity;
    }

    /// <summary>Whether this unit records spans for this leaflet at this share (0: never, 1: always).</summary>
    public static bool IsSampled(string leafletId, string unit, double sampling)
    {
        if (sampling <= 0) return false;
        if (sampling >= 1) return true;
        return Position(leafletId, unit) < sampling;
    }

    /// <summary>FNV-1a over both ids, as a point in [0, 1): stable across processes, unlike string.GetHashCode.</summary>
    private static double Position(string leafletId, string unit)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in leafletId) hash = (hash ^ c) * 1099511628211UL;
        hash = (hash ^ '\n') * 1099511628211UL;
        foreach (var c in unit) hash = (hash ^ c) * 1099511628211UL;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
