namespace OrgTasks.Cli.Output;

/// <summary>How numbers, shares, times and lists read in text output. Invariant culture: the same on every machine.</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public const string None = "—";

    /// <summary><c>2,230</c></summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary><c>52.3 %</c>; a dash when there is nothing to count.</summary>
    public static string Percent(long part, long whole) =>
        whole <= 0 ? None : (100.0 * part / whole).ToString("0.0", Invariant) + " %";

    /// <summary><c>12 ms</c>, <c>1.35 s</c>, <c>12.4 s</c>, <c>3 min 12 s</c>; a dash when not reached yet.</summary>
    public static string Seconds(double? seconds) => seconds switch
    {
        null => None,
        < 1 => (seconds.Value * 1000).ToString("0", Invariant) + " ms",
        < 10 => seconds.Value.ToString("0.00", Invariant) + " s",
        < 120 => seconds.Value.ToString("0.0", Invariant) + " s",
        _ => Duration(TimeSpan.FromSeconds(seconds.Value)),
    };

    /// <summary><c>45 s</c>, <c>6 min 3 s</c>, <c>2 h 5 min</c>, <c>1 d 3 h</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return Seconds(span.TotalSeconds);
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes} min {span.Seconds} s";
        if (span < TimeSpan.FromDays(1)) return $"{(int)span.TotalHours} h {span.Minutes} min";
        return $"{(int)span.TotalDays} d {span.Hours} h";
    }

    /// <summary><c>283 MB</c></summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 * 1024 => (bytes / 1024.0).ToString("0", Invariant) + " KB",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0", Invariant) + " MB",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.0", Invariant) + " GB",
    };

    /// <summary>A point in time as UTC, to the millisecond: <c>2026-11-28 05:06:49.123Z</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", Invariant);

    /// <summary>Time of day only, for tables whose rows fall within seconds of each other: <c>05:06:49.123</c>.</summary>
    public static string TimeOfDay(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss.fff", Invariant);

    /// <summary>The first <paramref name="shown"/> items, then how many more there are: <c>a, b, c … and 12 more</c>.</summary>
    public static string Preview(IReadOnlyCollection<string> items, int shown = 20)
    {
        if (items.Count == 0) return None;
        var head = string.Join(", ", items.Take(shown));
        return items.Count > shown ? $"{head} … and {Count(items.Count - shown)} more" : head;
    }

    /// <summary>A text cut to one line of at most <paramref name="width"/> characters.</summary>
    public static string Clip(string text, int width)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= width ? line : line[..(width - 1)] + "…";
    }

    /// <summary>The user-facing spelling of an addressee, as <c>--to</c> takes it.</summary>
    public static string Spelling(Addressee to) => to switch
    {
        Addressee.CentralCommittee => "central-committee",
        Addressee.CentralOrgan => "central-organ",
        _ => "committee",
    };

    public static string Spelling(StatementKind kind) => kind.ToString().ToLowerInvariant();
}
