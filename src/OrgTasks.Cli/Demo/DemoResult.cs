namespace OrgTasks.Cli.Demo;

/// <summary>What a demo run measured, beside the picture of its first (cold) leaflet.</summary>
internal sealed record DemoResult(
    string File,
    LeafletStatus Cold,
    LeafletStatus Warm,
    double LoadSeconds,
    double ApplySeconds,
    long PeakMemoryBytes,
    long GcHeapBytes)
{
    /// <summary>From issue until the centre knew every home had it: the first leaflet, grains activating on the way.</summary>
    public double ColdSeconds => CoverageSeconds(Cold);

    /// <summary>The same for a second leaflet through an organization already awake.</summary>
    public double WarmSeconds => CoverageSeconds(Warm);

    private static double CoverageSeconds(LeafletStatus status) =>
        status.CompletedAt is { } done ? (done - status.IssuedAt).TotalSeconds : double.NaN;
}
