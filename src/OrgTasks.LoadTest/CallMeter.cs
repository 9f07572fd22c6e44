using System.Runtime.CompilerServices;
using System.Diagnostics;

namespace OrgTasks.LoadTest;

/// <summary>
/// Counts the grain calls an in-process silo serves and times every call one grain makes to another (a hop: from the
/// send until the answer is back, queueing included). Registered only by the load test's own silo; a remote cluster
/// is not measured this way. The timing wraps each call in one more await, a cost the baselines in the same silo pay too.
/// </summary>
internal sealed class CallMeter : IIncomingGrainCallFilter, IOutgoingGrainCallFilter
{
    private long _calls;
    private long _oneWay;
    private long _failures;

    /// <summary>Whether a method is one-way (<see cref="Orleans.Concurrency.OneWayAttribute"/>): such a call has no reply message.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<System.Reflection.MethodInfo, bool> _oneWayMethods = new();

    public Histogram Hops { get; } = new();

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Calls that ended with an exception: refusals, time-outs, failed hand-overs (retried by the grains).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>A counter per method, incremented without a lock: the dictionary's own update lock was contended at 27,000 calls a leaflet.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StrongBox<long>> _byMethod = new(StringComparer.Ordinal);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        Interlocked.Increment(ref _calls);
        if (context.InterfaceMethod is { } method
            && _oneWayMethods.GetOrAdd(method, static m => m.IsDefined(typeof(Orleans.Concurrency.OneWayAttribute), inherit: true)))
            Interlocked.Increment(ref _oneWay);
        Interlocked.Increment(ref _byMethod.GetOrAdd(context.MethodName, static _ => new StrongBox<long>()).Value);
        try
        {
            await context.Invoke();
        }
        catch
        {
            Interlocked.Increment(ref _failures);
            throw;
        }
    }

    public Task Invoke(IOutgoingGrainCallContext context) =>
        context.SourceContext is null ? context.Invoke() : TimedAsync(context);

    private async Task TimedAsync(IOutgoingGrainCallContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await context.Invoke();
        }
        finally
        {
            Hops.Record(Stopwatch.GetElapsedTime(start));
        }
    }

    /// <summary>What was counted since the last reset, then a fresh start.</summary>
    public CallFigures Take()
    {
        var byMethod = _byMethod.ToArray().Select(m => (m.Key, Count: Interlocked.Exchange(ref m.Value.Value, 0))).Where(m => m.Count > 0)
            .OrderByDescending(m => m.Count).ToDictionary(m => m.Key, m => m.Count, StringComparer.Ordinal);
        var figures = new CallFigures(Interlocked.Exchange(ref _calls, 0), Interlocked.Exchange(ref _failures, 0),
            Hops.PercentileMs(0.5), Hops.PercentileMs(0.99)) { ByMethod = byMethod, OneWay = Interlocked.Exchange(ref _oneWay, 0) };
        Hops.Reset();
        return figures;
    }
}

/// <summary>Grain calls, failed calls, and grain-to-grain hop latency over one measured stretch.</summary>
internal sealed record CallFigures(long Calls, long Failures, double? HopP50Ms, double? HopP99Ms)
{
    /// <summary>Calls by grain method name, most first: where the messages of a leaflet go.</summary>
    public IReadOnlyDictionary<string, long> ByMethod { get; init; } = new Dictionary<string, long>();

    /// <summary>Calls that were one-way: sent, never answered.</summary>
    public long OneWay { get; init; }

    /// <summary>Messages on the wire or in the silo: every call, and a reply to each call that is not one-way.</summary>
    public long Messages => 2 * Calls - OneWay;
}
