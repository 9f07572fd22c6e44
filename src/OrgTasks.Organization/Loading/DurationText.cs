using System.Globalization;

namespace OrgTasks.Organization.Loading;

/// <summary>Durations as the organization file writes them: a whole number and one unit, <c>14d</c>, <c>12h</c>, <c>30m</c>, <c>45s</c>.</summary>
public static class DurationText
{
    /// <summary>Longest accepted: ten years, far beyond any schedule and well inside <see cref="TimeSpan"/>.</summary>
    private const long MaxSeconds = 10L * 366 * 24 * 3600;

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var trimmed = text.Trim();
        if (trimmed.Length < 2) return false;
        var seconds = char.ToLowerInvariant(trimmed[^1]) switch
        {
            'd' => 86_400L,
            'h' => 3_600L,
            'm' => 60L,
            's' => 1L,
            _ => 0L,
        };
        if (seconds == 0 || !long.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return false;
        if (count <= 0 || count > MaxSeconds / seconds) return false;
        value = TimeSpan.FromSeconds(count * seconds);
        return true;
    }

    /// <summary>The shortest exact spelling: <c>14d</c>, <c>36h</c>, <c>90m</c>, <c>45s</c>.</summary>
    public static string Write(TimeSpan value)
    {
        var seconds = (long)value.TotalSeconds;
        if (seconds % 86_400 == 0) return $"{seconds / 86_400}d";
        if (seconds % 3_600 == 0) return $"{seconds / 3_600}h";
        if (seconds % 60 == 0) return $"{seconds / 60}m";
        return $"{seconds}s";
    }
}
