using System.Diagnostics;
using OrgTasks.Grains.Durability;
using OrgTasks.Organization;

namespace OrgTasks.LoadTest;

/// <summary>
/// Issues one leaflet from the committee to the whole city, follows it with a progress bar until every home has it,
/// and measures it. Duplicates and missing homes are counted from the delivery records themselves when the silo is
/// in this process (not from the tracker's own sums), so a broken tracker cannot hide a broken delivery.
/// </summary>
internal sealed class LeafletMeasure(LoadTestTarget target, OrganizationSpec spec, TextWriter progress, bool terminal)
{
    /// <summary>
    /// Against a remote cluster the polled picture is the only curve there is, so it is polled often enough for a few
    /// points on a sub-second leaflet. In process the curve comes from the delivery records, and the bar is polled as
    /// the demo polls it: the tracker builds its whole picture for every poll while it also takes the units' reports.
    /// </summary>
    private TimeSpan PollInterval => target.InProcess ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    private readonly IReadOnlyDictionary<string, string> _districts = CityDistricts.OfRoutes(spec);

    /// <param name="what">Shown on the progress line: cold, warm 3/5 …</param>
    /// <param name="whileTravelling">Runs alongside the leaflet from its issue (the arrests of <c>--arrest-rate</c>).</param>
    /// <param name="cancellation">Ctrl+C.</param>
    public async Task<LeafletFigures> RunAsync(string what, Func<CancellationToken, Task>? whileTravelling, CancellationToken cancellation)
    {
        progress.WriteLine($"loadtest: leaflet to {Format.Count(spec.HomeCount)} homes ({what}) …");
        target.Meter?.Take();
        var cpuBefore = ProcessFigures.CpuTime();
        var allocatedBefore = ProcessFigures.AllocatedBytes();
        var jitBefore = ProcessFigures.JitTime();
        var gcBefore = ProcessFigures.GcPause();
        var client = target.Client;
        var id = await client.IssueLeafletAsync(spec.Committee.Id, "Mobilization", "Load test: the committee calls everyone out.",
            cancellation: cancellation).WaitAsync(cancellation);
        var travelling = whileTravelling?.Invoke(cancellation) ?? Task.CompletedTask;

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(Limit);
        var bar = new CoverageProgress(progress, terminal);
        var samples = new List<(double, LeafletStatus)>();
        var clock = Stopwatch.StartNew();
        LeafletStatus status;
        try
        {
            LeafletStatus? last = null;
            await foreach (var seen in client.WatchCoverageAsync(id, PollInterval, limit.Token))
            {
                bar.Report(seen);
                samples.Add(((DateTimeOffset.UtcNow - seen.IssuedAt).TotalSeconds, seen));
                last = seen;
            }
            status = last!;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            bar.Finish();
            var stuck = await client.GetLeafletStatusAsync(id);
            throw new CliException($"leaflet {id} had reached {Format.Count(stuck.HomesReached)} of {Format.Count(stuck.HomesTotal)} homes "
                + $"after {Format.Duration(Limit)}; giving up", ExitCodes.DeadlinePassed);
        }
        finally
        {
            bar.Finish();
        }
        await travelling;
        var calls = target.Meter?.Take();
        var cpu = ProcessFigures.CpuTime() - cpuBefore;
        var allocated = ProcessFigures.AllocatedBytes() - allocatedBefore;
        var jit = ProcessFigures.JitTime() - jitBefore;
        var gcPause = ProcessFigures.GcPause() - gcBefore;
        var seconds = (status.CompletedAt!.Value - status.IssuedAt).TotalSeconds;
        progress.WriteLine($"loadtest: every home reached in {Format.Seconds(seconds)}");

        if (target.SiloService<IDeliveryJournal>() is { } journal)
        {
            var records = await journal.LoadLeafletAsync(id);
            var reached = records.Sum(r => (long)r.HomesReached);
            return new LeafletFigures
            {
                LeafletId = id,
                HomesTotal = spec.HomeCount,
                HomesReached = reached,
                Duplicates = records.Sum(r => (long)r.Duplicates),
                Missing = spec.HomeCount - reached,
                SecondsTo50 = status.SecondsTo50,
                SecondsTo90 = status.SecondsTo90,
                SecondsTo99 = status.SecondsTo99,
                Seconds = seconds,
                Calls = calls,
                CpuSeconds = cpu.TotalSeconds,
                AllocatedBytes = allocated,
                JitSeconds = jit.TotalSeconds,
                GcPauseSeconds = gcPause.TotalSeconds,
                Curve = CoverageCurve.FromRecords(records, status.IssuedAt, _districts),
                CountedFrom = "the delivery records in the silo's journal",
            };
        }
        return new LeafletFigures
        {
            LeafletId = id,
            HomesTotal = status.HomesTotal,
            HomesReached = status.HomesReached,
            Duplicates = status.Duplicates,
            Missing = status.HomesTotal - status.HomesReached,
            SecondsTo50 = status.SecondsTo50,
            SecondsTo90 = status.SecondsTo90,
            SecondsTo99 = status.SecondsTo99,
            Seconds = seconds,
            Curve = CoverageCurve.FromSamples(samples),
            CountedFrom = "the tracker's picture (remote cluster)",
        };
    }
}
