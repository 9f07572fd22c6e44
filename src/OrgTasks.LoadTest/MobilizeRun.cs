using OrgTasks.LoadTest.Baselines;
using OrgTasks.Organization;

namespace OrgTasks.LoadTest;

/// <summary>
/// The mobilization load test: apply the city, put it to sleep, one cold leaflet to every home, then warm-up and
/// measured warm leaflets. With baselines, each OrgTasks round is followed by the same round of baseline (a), the plain
/// Orleans fan-out in the same silo, baseline (b), the plain C# walk, and baseline (c), the bare grain tree in the same
/// silo, so that all four see the same machine load.
/// </summary>
internal sealed class MobilizeRun(TextWriter progress, bool terminal)
{
    public async Task<MobilizeResult> RunAsync(LoadTestTarget target, OrganizationSpec spec, string source, double loadSeconds,
        MobilizeSettings settings, ArrestPlan? arrests, CancellationToken cancellation)
    {
        var client = target.Client;
        var applySeconds = await LoadTestApply.ApplyAsync(client, spec, progress, terminal, cancellation);
        var fanOut = settings.Baseline ? new PlainFanOutBaseline(client, spec, target.Meter) : null;
        var walk = settings.Baseline ? new PlainWalkBaseline(spec) : null;
        var tree = settings.Baseline ? new PlainTreeBaseline(client, spec) : null;

        await ColdStart.PutToSleepAsync(client, progress);
        // After the cold start: the plain committee keeps its routes in memory only, as a newcomer's would.
        if (fanOut is not null) await fanOut.PrepareAsync();
        if (tree is not null) await tree.PrepareAsync();
        var measure = new LeafletMeasure(target, spec, progress, terminal);
        var cold = await OneAsync(measure, "cold: every grain activating on the way", client, arrests, cancellation);
        // What the active organization holds, independent of the machine's load: the live managed heap after a full
        // collection, with every unit and agent activated by the cold leaflet (not timed).
        long? heapAfterCold = target.InProcess ? GC.GetTotalMemory(forceFullCollection: true) : null;
        BaselineRun? fanOutCold = null;
        if (fanOut is not null)
        {
            fanOutCold = await fanOut.RunAsync();
            progress.WriteLine($"loadtest: baseline (a) plain Orleans fan-out, cold: {Format.Seconds(fanOutCold.Seconds)}");
        }
        BaselineRun? treeCold = null;
        if (tree is not null)
        {
            // The same grains OrgTasks activates, doing nothing else: what activation alone costs on this machine.
            treeCold = await tree.RunAsync();
            progress.WriteLine($"loadtest: baseline (c) bare grain tree, cold: {Format.Seconds(treeCold.Seconds)}");
        }

        var warm = new List<LeafletFigures>();
        var fanOuts = new List<BaselineRun>();
        var walks = new List<BaselineRun>();
        var trees = new List<BaselineRun>();
        var rounds = settings.Warmup + settings.Leaflets;
        for (var round = 1; round <= rounds; round++)
        {
            var measured = round > settings.Warmup;
            var what = measured ? $"warm {round - settings.Warmup}/{settings.Leaflets}" : $"warm-up {round}/{settings.Warmup}";
            var figures = await OneAsync(measure, what, client, arrests, cancellation);
            if (measured) warm.Add(figures);
            if (fanOut is null || walk is null || tree is null) continue;
            var a = await fanOut.RunAsync();
            var b = await walk.RunAsync();
            var c = await tree.RunAsync();
            progress.WriteLine($"loadtest: baselines, {what}: (a) plain Orleans fan-out {Format.Seconds(a.Seconds)}, (b) plain C# walk {Format.Seconds(b.Seconds)}, "
                + $"(c) bare grain tree {Format.Seconds(c.Seconds)}");
            if (!measured) continue;
            fanOuts.Add(a);
            walks.Add(b);
            trees.Add(c);
        }

        // A second cold start in the same process, after the warm leaflets: every grain activating again, with the code
        // already compiled. The first cold leaflet also pays for compiling every method on its path; a silo that has run
        // for a while and collected its idle grains meets this one instead.
        await ColdStart.PutToSleepAsync(client, progress);
        var coldCompiled = await OneAsync(measure, "cold again: every grain activating, the code compiled", client, arrests, cancellation);

        return new MobilizeResult
        {
            Organization = spec.Name,
            Source = source,
            Target = target.Description,
            Units = spec.UnitCount,
            Agents = spec.Agents.Count,
            LoadSeconds = loadSeconds,
            ApplySeconds = applySeconds,
            Cold = cold,
            ColdCompiled = coldCompiled,
            Warm = warm,
            BaselineFanOutColdRun = fanOutCold,
            BaselineTreeColdRun = treeCold,
            BaselineFanOut = fanOuts,
            BaselinePlain = walks,
            BaselineTree = trees,
            PeakMemoryBytes = target.InProcess ? ProcessFigures.PeakWorkingSet() : null,
            HeapAfterColdBytes = heapAfterCold,
            ArrestRate = arrests?.Rate,
            Arrested = arrests?.Agents.Count ?? 0,
        };
    }

    private static async Task<LeafletFigures> OneAsync(LeafletMeasure measure, string what, OrgTasksClient client, ArrestPlan? arrests,
        CancellationToken cancellation)
    {
        var figures = await measure.RunAsync(what, arrests?.WhileTravelling(client), cancellation);
        if (arrests is not null) await arrests.ReleaseAllAsync(client, cancellation);
        return figures;
    }
}
