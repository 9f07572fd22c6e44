namespace OrgTasks.LoadTest;

/// <summary>A whole mobilization load test: the cold leaflet, the measured warm ones, the baselines of the same run.</summary>
internal sealed record MobilizeResult
{
    public required string Organization { get; init; }
    public required string Source { get; init; }
    public required string Target { get; init; }
    public required int Units { get; init; }
    public required int Agents { get; init; }
    public required double LoadSeconds { get; init; }
    public required double ApplySeconds { get; init; }
    public required LeafletFigures Cold { get; init; }
    /// <summary>The second cold leaflet, after the warm ones: every grain activating again, nothing left to compile.</summary>
    public required LeafletFigures ColdCompiled { get; init; }
    public required IReadOnlyList<LeafletFigures> Warm { get; init; }
    public Baselines.BaselineRun? BaselineFanOutColdRun { get; init; }
    /// <summary>Baseline (c)'s first leaflet: every unit and agent grain activating, with nothing but the tree reduction to do.</summary>
    public Baselines.BaselineRun? BaselineTreeColdRun { get; init; }
    public IReadOnlyList<Baselines.BaselineRun> BaselineFanOut { get; init; } = [];
    public IReadOnlyList<Baselines.BaselineRun> BaselinePlain { get; init; } = [];
    public IReadOnlyList<Baselines.BaselineRun> BaselineTree { get; init; } = [];
    public double? BaselineFanOutCold => BaselineFanOutColdRun?.Seconds;
    public double? BaselineTreeCold => BaselineTreeColdRun?.Seconds;
    public long? PeakMemoryBytes { get; init; }
    /// <summary>The live managed heap after a full collection, right after the cold leaflet activated the organization.</summary>
    public long? HeapAfterColdBytes { get; init; }
    public double? ArrestRate { get; init; }
    public int Arrested { get; init; }

    public IEnumerable<LeafletFigures> All => Warm.Prepend(Cold).Append(ColdCompiled);

    /// <summary>The warm leaflet whose time is the median: its other figures are shown beside it.</summary>
    public LeafletFigures MedianWarm => Warm.OrderBy(w => w.Seconds).ElementAt((Warm.Count - 1) / 2);

    public double WarmSeconds => Stats.Median(Warm.Select(w => w.Seconds)) ?? double.NaN;
    public double? BaselineFanOutSeconds => Stats.Median(BaselineFanOut.Select(b => b.Seconds));
    public double? BaselinePlainSeconds => Stats.Median(BaselinePlain.Select(b => b.Seconds));
    public double? BaselineTreeSeconds => Stats.Median(BaselineTree.Select(b => b.Seconds));
    public double? BaselineTreeCpuSeconds => Stats.Median(BaselineTree.Select(b => b.CpuSeconds));
    public double? WarmCpuSeconds => Stats.Median(Warm.Where(w => w.CpuSeconds is not null).Select(w => w.CpuSeconds!.Value));
    public double? BaselineFanOutCpuSeconds => Stats.Median(BaselineFanOut.Select(b => b.CpuSeconds));
    public double? WarmAllocatedBytes => Stats.Median(Warm.Where(w => w.AllocatedBytes is not null).Select(w => (double)w.AllocatedBytes!.Value));
    public double? BaselineFanOutMessages => Stats.Median(BaselineFanOut.Where(b => b.Messages is not null).Select(b => (double)b.Messages!.Value));
    public double? BaselineFanOutAllocatedBytes => Stats.Median(BaselineFanOut.Select(b => (double)b.AllocatedBytes));
    public double? BaselineTreeAllocatedBytes => Stats.Median(BaselineTree.Select(b => (double)b.AllocatedBytes));
    public long HomesTotal => Cold.HomesTotal;
    public long HomesReached => All.Min(l => l.HomesReached);
    public long Duplicates => All.Sum(l => l.Duplicates);
    public long Missing => All.Sum(l => l.Missing);
    public long Errors => All.Sum(l => l.Calls?.Failures ?? 0);
    public bool Correct => Duplicates == 0 && Missing == 0;
}
