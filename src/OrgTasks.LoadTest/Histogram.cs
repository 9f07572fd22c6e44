namespace OrgTasks.LoadTest;

/// <summary>
/// Durations counted into logarithmic buckets (each 4 % wider than the one before), safe to record from many threads
/// at once without a lock: tens of thousands of grain calls per leaflet are measured without keeping each one.
/// Percentiles are read as a bucket's upper bound, so they are at most 4 % high.
/// </summary>
internal sealed class Histogram
{
    private const double Ratio = 1.04;
    private const int Buckets = 640; // 1.04^640 µs is far beyond any call time
    private static readonly double LogRatio = Math.Log(Ratio);

    private readonly long[] _counts = new long[Buckets];
    private long _count;
    private long _maxMicroseconds;

    public long Count => Interlocked.Read(ref _count);

    public void Record(TimeSpan duration)
    {
        var microseconds = Math.Max(1.0, duration.TotalMicroseconds);
        var bucket = (int)Math.Min(Buckets - 1, Math.Log(microseconds) / LogRatio);
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _count);
        var whole = (long)microseconds;
        long seen;
        while (whole > (seen = Interlocked.Read(ref _maxMicroseconds)) && Interlocked.CompareExchange(ref _maxMicroseconds, whole, seen) != seen)
        {
        }
    }

    /// <summary>The duration in milliseconds below which <paramref name="share"/> of the records fall; null when empty.</summary>
    public double? PercentileMs(double share)
    {
        var total = Count;
        if (total == 0) return null;
        var rank = (long)Math.Ceiling(share * total);
        var seen = 0L;
        for (var i = 0; i < Buckets; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank) return Math.Min(Math.Pow(Ratio, i + 1), Interlocked.Read(ref _maxMicroseconds)) / 1000.0;
        }
        return Interlocked.Read(ref _maxMicroseconds) / 1000.0;
    }

    public double? MaxMs => Count == 0 ? null : Interlocked.Read(ref _maxMicroseconds) / 1000.0;

    public void Reset()
    {
        for (var i = 0; i < Buckets; i++) Interlocked.Exchange(ref _counts[i], 0);
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _maxMicroseconds, 0);
    }
}
