namespace OrgTasks.LoadTest;

/// <summary>How hard a statement load test pushes: a fixed rate, or as fast as a fixed number in flight allows.</summary>
internal sealed record StatementLoad(int Agents, double? Rate, int InFlight, TimeSpan Duration, TimeSpan Drain)
{
    /// <summary>Open loop: sends are started on a clock, at most this many may be waiting before the test says it fell behind.</summary>
    public const int RateInFlightLimit = 20_000;

    public string Describe() => Rate is { } rate
        ? $"{Format.Count((long)rate)} statements/s for {Format.Duration(Duration)} from {Format.Count(Agents)} agents"
        : $"as fast as possible with {Format.Count(InFlight)} in flight for {Format.Duration(Duration)} from {Format.Count(Agents)} agents";
}
