namespace OrgTasks.LoadTest;

/// <summary>What <c>loadtest mobilize</c> was asked to do.</summary>
internal sealed record MobilizeSettings(int Leaflets, int Warmup, double ArrestRate, bool Baseline, string? ChartPath);
