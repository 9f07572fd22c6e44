using OrgTasks.Grains.Durability;

namespace OrgTasks.LoadTest;

/// <summary>
/// Homes reached over time since the issue, per district: what the coverage chart draws. Built exactly from the
/// delivery records (each route's time of delivery) when the silo is in this process, else from the tracker's
/// picture as it was polled.
/// </summary>
internal sealed record CoverageCurve(IReadOnlyDictionary<string, IReadOnlyList<(double Seconds, long Homes)>> Districts, bool Exact)
{
    public static CoverageCurve FromRecords(IReadOnlyList<DeliveryRecord> records, DateTimeOffset issuedAt, IReadOnlyDictionary<string, string> districtOfRoute)
    {
        var lines = new Dictionary<string, IReadOnlyList<(double, long)>>(StringComparer.Ordinal);
        foreach (var district in records.GroupBy(r => districtOfRoute.GetValueOrDefault(r.Route, CityDistricts.CommitteeLine)))
        {
            var points = new List<(double, long)> { (0, 0) };
            var reached = 0L;
            foreach (var record in district.OrderBy(r => r.DeliveredAt))
            {
                reached += record.HomesReached;
                points.Add((Math.Max(0, (record.DeliveredAt - issuedAt).TotalSeconds), reached));
            }
            lines[district.Key] = points;
        }
        return new CoverageCurve(lines, Exact: true);
    }

    public static CoverageCurve FromSamples(IReadOnlyList<(double Seconds, LeafletStatus Status)> samples)
    {
        var lines = new Dictionary<string, List<(double, long)>>(StringComparer.Ordinal);
        foreach (var (seconds, status) in samples)
            foreach (var area in status.Districts)
            {
                if (!lines.TryGetValue(area.Unit, out var points)) lines[area.Unit] = points = [(0, 0)];
                points.Add((seconds, area.HomesReached));
            }
        return new CoverageCurve(lines.ToDictionary(l => l.Key, l => (IReadOnlyList<(double, long)>)l.Value, StringComparer.Ordinal), Exact: false);
    }
}
