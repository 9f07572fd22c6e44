using System.Text.Json.Nodes;

namespace OrgTasks.LoadTest;

/// <summary>The statement load test's figures as text and as JSON.</summary>
internal static class StatementsReport
{
    public static void Write(TextWriter output, StatementsResult r, string target)
    {
        output.WriteLine($"statements to the committee: {r.Load.Describe()}");
        output.WriteLine($"  target            {target}");
        if (r.Warmup is { } warmup)
            output.WriteLine($"  warm-up           {Format.Count(warmup.Acknowledged)} acknowledged in {Format.Seconds(warmup.Seconds)} ({Format.Count((long)warmup.PerSecond)}/s, "
                + $"{Format.Count(warmup.Failed)} failed) before the figures below; counted in lost / doubled");
        output.WriteLine($"  sent              {Format.Count(r.Sent)} ({Format.Count(r.Acknowledged)} acknowledged, {Format.Count(r.SendFailures)} failed"
            + (r.FirstSendError is null ? ")" : $": {r.FirstSendError})"));
        output.WriteLine($"  arrived           {Format.Count(r.Arrived)} in {Format.Seconds(r.Seconds)} (first send to last arrival)");
        output.WriteLine($"  throughput        {(r.PerSecond is { } rate ? Format.Count((long)rate) + " statements/s" : Format.None)}");
        output.WriteLine($"  to the inbox      p50 {Ms(r.ToInboxP50Ms)}, p99 {Ms(r.ToInboxP99Ms)}, max {Ms(r.ToInboxMaxMs)}");
        output.WriteLine($"  acknowledged      p50 {Ms(r.AckP50Ms)}, p99 {Ms(r.AckP99Ms)} (the first hop's answer to the sender)");
        if (r.Calls is { } calls)
            output.WriteLine($"  grain calls       {Format.Count(calls.Calls)} ({(r.Arrived > 0 ? (calls.Calls / (double)r.Arrived).ToString("0.0", CultureInfo.InvariantCulture) : Format.None)} per statement), "
                + $"{Format.Count(calls.Failures)} failed; hop p50 {Ms(calls.HopP50Ms)}, p99 {Ms(calls.HopP99Ms)}");
        if (r.Calls is { ByMethod.Count: > 0 } byMethod)
            output.WriteLine($"  calls by method   {string.Join(", ", byMethod.ByMethod.Select(m => $"{m.Key} {Format.Count(m.Value)}"))}");
        if (r.CpuSeconds is { } cpu) output.WriteLine($"  CPU time          {Format.Seconds(cpu)} (silo and client, one process)");
        if (r.AllocatedBytes is { } bytes && r.Arrived > 0)
            output.WriteLine($"  allocated         {Format.Bytes(bytes)}: {Format.Count(bytes / r.Arrived)} bytes per statement (silo and client; the same on any machine)");
        if (r.PeakMemoryBytes is { } peak) output.WriteLine($"  peak memory       {Format.Bytes(peak)} working set (silo and client, one process)");
        if (r.FellBehind) output.WriteLine($"  FELL BEHIND       more than {Format.Count(StatementLoad.RateInFlightLimit)} sends waited; this rate is beyond the system");
        output.WriteLine($"  lost / doubled    {Format.Count(r.Lost)} / {Format.Count(r.Doubled)} (counted from {r.CountedFrom}){(r.Correct ? "" : "  FAILED: both must be 0")}");
    }

    public static JsonObject Json(StatementsResult r) => new()
    {
        ["agents"] = r.Authors,
        ["rate"] = r.Load.Rate,
        ["inFlight"] = r.Load.Rate is null ? r.Load.InFlight : null,
        ["durationSeconds"] = r.Load.Duration.TotalSeconds,
        ["sent"] = r.Sent,
        ["acknowledged"] = r.Acknowledged,
        ["sendFailures"] = r.SendFailures,
        ["arrived"] = r.Arrived,
        ["lost"] = r.Lost,
        ["doubled"] = r.Doubled,
        ["seconds"] = r.Seconds,
        ["perSecond"] = r.PerSecond,
        ["toInboxP50Ms"] = r.ToInboxP50Ms,
        ["toInboxP99Ms"] = r.ToInboxP99Ms,
        ["toInboxMaxMs"] = r.ToInboxMaxMs,
        ["ackP50Ms"] = r.AckP50Ms,
        ["ackP99Ms"] = r.AckP99Ms,
        ["grainCalls"] = r.Calls?.Calls,
        ["failedGrainCalls"] = r.Calls?.Failures,
        ["hopP50Ms"] = r.Calls?.HopP50Ms,
        ["hopP99Ms"] = r.Calls?.HopP99Ms,
        ["cpuSeconds"] = r.CpuSeconds,
        ["allocatedBytes"] = r.AllocatedBytes,
        ["peakMemoryBytes"] = r.PeakMemoryBytes,
        ["fellBehind"] = r.FellBehind,
        ["callsByMethod"] = r.Calls is null ? null : new JsonObject(r.Calls.ByMethod.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value)))),
        ["warmupSeconds"] = r.Warmup?.Seconds,
        ["warmupAcknowledged"] = r.Warmup?.Acknowledged,
        ["warmupPerSecond"] = r.Warmup?.PerSecond,
    };

    private static string Ms(double? ms) => ms is { } value ? Format.Seconds(value / 1000) : Format.None;
}
