using System.Text.Json.Nodes;

namespace OrgTasks.LoadTest;

/// <summary>The mobilization load test as text (a table people read) and as JSON (what scripts and CI read).</summary>
internal static class MobilizeReport
{
    public static void Write(TextWriter o, MobilizeResult r)
    {
        var warm = r.MedianWarm;
        o.WriteLine($"mobilization of {Format.Count(r.HomesTotal)} homes: organization {r.Organization} ({Format.Count(r.Units)} units, "
            + $"{Format.Count(r.Agents)} agents) from {r.Source}");
        o.WriteLine($"  target        {r.Target}");
        o.WriteLine($"  load {Format.Seconds(r.LoadSeconds)}, apply {Format.Seconds(r.ApplySeconds)} (not part of the figures below)");
        if (r.ArrestRate is { } rate)
            o.WriteLine($"  arrests       {Format.Count(r.Arrested)} distributors ({rate.ToString("0.##%", CultureInfo.InvariantCulture)}) arrested while each leaflet travelled");
        o.WriteLine();
        o.WriteLine($"  {"",-26}{"cold",-22}warm (median of {r.Warm.Count})");
        Row(o, "time to 50 %", Format.Seconds(r.Cold.SecondsTo50), Format.Seconds(Stats.Median(Known(r.Warm, w => w.SecondsTo50))));
        Row(o, "time to 90 %", Format.Seconds(r.Cold.SecondsTo90), Format.Seconds(Stats.Median(Known(r.Warm, w => w.SecondsTo90))));
        Row(o, "time to 99 %", Format.Seconds(r.Cold.SecondsTo99), Format.Seconds(Stats.Median(Known(r.Warm, w => w.SecondsTo99))));
        Row(o, "time to 100 % (complete)", Format.Seconds(r.Cold.Seconds), Format.Seconds(r.WarmSeconds));
        Row(o, "deliveries per second", Format.Count((long)r.Cold.DeliveriesPerSecond), Format.Count((long)(r.HomesTotal / r.WarmSeconds)));
        Row(o, "grain calls", Count(r.Cold.Calls?.Calls), Count(warm.Calls?.Calls));
        Row(o, "one-way (no reply)", Count(r.Cold.Calls?.OneWay), Count(warm.Calls?.OneWay));
        Row(o, "messages", Count(r.Cold.Calls?.Messages), Count(warm.Calls?.Messages));
        Row(o, "hop latency p50 / p99", Hops(r.Cold.Calls), Hops(warm.Calls));
        Row(o, "CPU time", Format.Seconds(r.Cold.CpuSeconds), Format.Seconds(warm.CpuSeconds));
        Row(o, "allocated", Allocated(r.Cold.AllocatedBytes), Allocated((long?)r.WarmAllocatedBytes));
        Row(o, "compiling code (JIT)", Format.Seconds(r.Cold.JitSeconds), Format.Seconds(Stats.Median(Known(r.Warm, w => w.JitSeconds))));
        Row(o, "GC pauses", Format.Seconds(r.Cold.GcPauseSeconds), Format.Seconds(Stats.Median(Known(r.Warm, w => w.GcPauseSeconds))));
        Row(o, "failed grain calls", Count(r.Cold.Calls?.Failures), Count(warm.Calls?.Failures));
        if (warm.Calls is { ByMethod.Count: > 0 } byMethod)
            o.WriteLine($"  calls by method (warm) {string.Join(", ", byMethod.ByMethod.Select(m => $"{m.Key} {Format.Count(m.Value)}"))}");
        o.WriteLine($"  warm runs     {string.Join(", ", r.Warm.Select(w => Format.Seconds(w.Seconds)))}");
        o.WriteLine($"  cold again    {Format.Seconds(r.ColdCompiled.Seconds)}: every grain activating again after the warm leaflets, the code already compiled "
            + $"(CPU {Format.Seconds(r.ColdCompiled.CpuSeconds)}, compiling {Format.Seconds(r.ColdCompiled.JitSeconds)}, {Count(r.ColdCompiled.Calls?.Calls)} grain calls)");
        o.WriteLine($"  peak memory   {(r.PeakMemoryBytes is { } peak ? Format.Bytes(peak) + " working set (silo and load-test client in one process)" : "not measured (remote cluster)")}");
        if (r.HeapAfterColdBytes is { } heap)
            o.WriteLine($"  live heap     {Format.Bytes(heap)} after the cold leaflet (full collection): "
                + $"{Format.Bytes(heap / Math.Max(1, r.Units + r.Agents))} per unit and agent");
        o.WriteLine($"  homes reached {Format.Count(r.HomesReached)} of {Format.Count(r.HomesTotal)} in every leaflet; "
            + $"duplicates {Format.Count(r.Duplicates)}, missing {Format.Count(r.Missing)} (counted from {r.Cold.CountedFrom})"
            + (r.Correct ? "" : "  FAILED: both must be 0"));

        if (r.BaselineFanOutSeconds is null && r.BaselinePlainSeconds is null) return;
        o.WriteLine();
        o.WriteLine($"  baselines in the same run (warm medians of {r.BaselineFanOut.Count})");
        o.WriteLine($"    (a) plain Orleans fan-out, committee → every agent grain, Task.WhenAll: {Precise(r.BaselineFanOutSeconds)} warm, "
            + $"{Precise(r.BaselineFanOutCold)} cold; OrgTasks takes {Times(Stats.Ratio(r.WarmSeconds, r.BaselineFanOutSeconds))} its time warm, "
            + $"{Times(Stats.Ratio(r.Cold.Seconds, r.BaselineFanOutCold))} cold");
        if (r.WarmCpuSeconds is { } cpu && r.BaselineFanOutCpuSeconds is { } baselineCpu)
            o.WriteLine($"        CPU time per warm leaflet: OrgTasks {Format.Seconds(cpu)}, fan-out {Format.Seconds(baselineCpu)}: "
                + $"{Times(Stats.Ratio(cpu, baselineCpu))} (steadier than wall time on a shared machine)");
        if (warm.Calls?.Messages is { } messages && r.BaselineFanOutMessages is { } baselineMessages)
            o.WriteLine($"        messages per warm leaflet (calls and replies): OrgTasks {Format.Count(messages)}, fan-out {Format.Count((long)baselineMessages)}: "
                + $"{Times(Stats.Ratio(messages, baselineMessages))}");
        if (r.WarmAllocatedBytes is { } bytes && r.BaselineFanOutAllocatedBytes is { } baselineBytes)
            o.WriteLine($"        allocated per warm leaflet: OrgTasks {Allocated((long)bytes)}, fan-out {Allocated((long)baselineBytes)}: "
                + $"{Times(Stats.Ratio(bytes, baselineBytes))} (does not depend on the machine's load)");
        o.WriteLine($"    (b) plain C# walk of the same tree, no actors: {Precise(r.BaselinePlainSeconds)}; "
            + $"OrgTasks takes {Times(Stats.Ratio(r.WarmSeconds, r.BaselinePlainSeconds))} its time");
        if (r.BaselineTreeSeconds is null) return;
        o.WriteLine($"    (c) bare grain tree, a grain per unit and agent, request/response tree reduction: {Precise(r.BaselineTreeSeconds)} warm, "
            + $"{Precise(r.BaselineTreeCold)} cold; OrgTasks takes {Times(Stats.Ratio(r.WarmSeconds, r.BaselineTreeSeconds))} its time warm, "
            + $"{Times(Stats.Ratio(r.Cold.Seconds, r.BaselineTreeCold))} cold"
            + (r.BaselineTreeCpuSeconds is { } treeCpu ? $"; CPU {Format.Seconds(treeCpu)}" : "")
            + (r.BaselineTreeAllocatedBytes is { } treeBytes ? $", allocated {Allocated((long)treeBytes)}" : ""));
    }

    public static JsonObject Json(MobilizeResult r)
    {
        var warm = r.MedianWarm;
        return new JsonObject
        {
            ["organization"] = r.Organization,
            ["source"] = r.Source,
            ["target"] = r.Target,
            ["units"] = r.Units,
            ["agents"] = r.Agents,
            ["homesTotal"] = r.HomesTotal,
            ["homesReached"] = r.HomesReached,
            ["duplicates"] = r.Duplicates,
            ["missing"] = r.Missing,
            ["errors"] = r.Errors,
            ["countedFrom"] = r.Cold.CountedFrom,
            ["loadSeconds"] = r.LoadSeconds,
            ["applySeconds"] = r.ApplySeconds,
            ["coldSeconds"] = r.Cold.Seconds,
            ["warmSeconds"] = r.WarmSeconds,
            ["warmRuns"] = new JsonArray([.. r.Warm.Select(w => JsonValue.Create(w.Seconds))]),
            ["cold"] = Leaflet(r.Cold),
            ["coldCompiledSeconds"] = r.ColdCompiled.Seconds,
            ["coldCompiled"] = Leaflet(r.ColdCompiled),
            ["warm"] = Leaflet(warm),
            ["peakMemoryBytes"] = r.PeakMemoryBytes,
            ["heapAfterColdBytes"] = r.HeapAfterColdBytes,
            ["arrestRate"] = r.ArrestRate,
            ["arrested"] = r.Arrested,
            ["baselineOrleansFanOutSeconds"] = r.BaselineFanOutSeconds,
            ["baselineOrleansFanOutColdSeconds"] = r.BaselineFanOutCold,
            ["baselinePlainSeconds"] = r.BaselinePlainSeconds,
            ["baselineTreeSeconds"] = r.BaselineTreeSeconds,
            ["baselineTreeColdSeconds"] = r.BaselineTreeCold,
            ["baselineTreeCpuSeconds"] = r.BaselineTreeCpuSeconds,
            ["baselineOrleansFanOutRuns"] = new JsonArray([.. r.BaselineFanOut.Select(b => JsonValue.Create(b.Seconds))]),
            ["baselinePlainRuns"] = new JsonArray([.. r.BaselinePlain.Select(b => JsonValue.Create(b.Seconds))]),
            ["baselineTreeRuns"] = new JsonArray([.. r.BaselineTree.Select(b => JsonValue.Create(b.Seconds))]),
            ["warmCpuSeconds"] = r.WarmCpuSeconds,
            ["baselineOrleansFanOutCpuSeconds"] = r.BaselineFanOutCpuSeconds,
            ["cpuRatioToOrleansFanOut"] = Stats.Ratio(r.WarmCpuSeconds, r.BaselineFanOutCpuSeconds),
            ["warmAllocatedBytes"] = r.WarmAllocatedBytes,
            ["baselineOrleansFanOutAllocatedBytes"] = r.BaselineFanOutAllocatedBytes,
            ["baselineOrleansFanOutMessages"] = r.BaselineFanOutMessages,
            ["baselineTreeAllocatedBytes"] = r.BaselineTreeAllocatedBytes,
            ["ratioToOrleansFanOut"] = Stats.Ratio(r.WarmSeconds, r.BaselineFanOutSeconds),
            ["ratioToPlain"] = Stats.Ratio(r.WarmSeconds, r.BaselinePlainSeconds),
            ["ratioToTree"] = Stats.Ratio(r.WarmSeconds, r.BaselineTreeSeconds),
        };
    }

    private static JsonObject Leaflet(LeafletFigures l) => new()
    {
        ["leafletId"] = l.LeafletId,
        ["secondsTo50"] = l.SecondsTo50,
        ["secondsTo90"] = l.SecondsTo90,
        ["secondsTo99"] = l.SecondsTo99,
        ["secondsTo100"] = l.Seconds,
        ["deliveriesPerSecond"] = l.DeliveriesPerSecond,
        ["grainCalls"] = l.Calls?.Calls,
        ["oneWayCalls"] = l.Calls?.OneWay,
        ["messages"] = l.Calls?.Messages,
        ["failedGrainCalls"] = l.Calls?.Failures,
        ["hopP50Ms"] = l.Calls?.HopP50Ms,
        ["hopP99Ms"] = l.Calls?.HopP99Ms,
        ["cpuSeconds"] = l.CpuSeconds,
        ["allocatedBytes"] = l.AllocatedBytes,
        ["jitSeconds"] = l.JitSeconds,
        ["gcPauseSeconds"] = l.GcPauseSeconds,
        ["callsByMethod"] = l.Calls is null ? null : new JsonObject(l.Calls.ByMethod.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value)))),
    };

    private static IEnumerable<double> Known(IEnumerable<LeafletFigures> runs, Func<LeafletFigures, double?> pick) =>
        runs.Select(pick).Where(v => v is not null).Select(v => v!.Value);

    private static void Row(TextWriter o, string what, string cold, string warm) => o.WriteLine($"  {what,-26}{cold,-22}{warm}");

    private static string Allocated(long? bytes) => bytes is { } b ? Format.Bytes(b) : "—";

    private static string Count(long? value) => value is { } v ? Format.Count(v) : "—";

    private static string Hops(CallFigures? calls) => calls is null
        ? "—"
        : $"{Ms(calls.HopP50Ms)} / {Ms(calls.HopP99Ms)}";

    private static string Ms(double? ms) => ms is { } v ? v.ToString(v < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + " ms" : "—";

    /// <summary>Like <see cref="Format.Seconds"/>, with the fractions of a millisecond a plain walk of a small city takes.</summary>
    private static string Precise(double? seconds) => seconds is < 0.01 and { } s
        ? (s * 1000).ToString("0.000", CultureInfo.InvariantCulture) + " ms"
        : Format.Seconds(seconds);

    private static string Times(double? ratio) => ratio is { } v ? v.ToString("0.0#", CultureInfo.InvariantCulture) + "×" : "—";
}
