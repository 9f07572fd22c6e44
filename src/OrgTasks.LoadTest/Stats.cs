namespace OrgTasks.LoadTest;

/// <summary>Medians and percentiles of a handful of runs or of every statement's latency (nearest rank).</summary>
internal static class Stats
{
    public static double? Median(IEnumerable<double> values) => Percentile(values, 0.5);

    public static double? Percentile(IEnumerable<double> values, double share)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0) return null;
        var rank = (int)Math.Ceiling(share * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary><c>a / b</c> when both are known and b is not zero.</summary>
    public static double? Ratio(double? a, double? b) => a is { } x && b is { } y && y > 0 ? x / y : null;
}
