namespace OrgTasks.LoadTest;

/// <summary>How hard a statement load test pushes: a fixed rate, or as fast as a fixed number in flight allows.</summary>
/// <remarks>
/// <see cref="Warmup"/>: the same load first, outside the figures. The first seconds of a fresh silo run at a third of
/// the steady rate (contacts and units waking along the paths, code still being compiled), so a short run measures the
/// warm-up, not the system. Warm-up statements are still checked: each must arrive exactly once.
/// </remarks>
internal sealed record StatementLoad(int Agents, double? Rate, int InFlight, TimeSpan Duration, TimeSpan Drain, TimeSpan Warmup)
{
    /// <summary>Open loop: sends are started on a clock, at most this many may be waiting before the test says it fell behind.</summary>
    public const int RateInFlightLimit = 20_000;

    public string Describe() => Describe(Duration);

    public string Describe(TimeSpan duration) => Rate is { } rate
        ? $"{Format.Count((long)rate)} statements/s for {Format.Duration(duration)} from {Format.Count(Agents)} agents"
        : $"as fast as possible with {Format.Count(InFlight)} in flight for {Format.Duration(duration)} from {Format.Count(Agents)} agents";
}
