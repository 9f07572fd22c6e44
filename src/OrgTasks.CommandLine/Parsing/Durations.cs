namespace OrgTasks.Cli.Parsing;

/// <summary>Durations as people type them on a command line: <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c> or <c>hh:mm:ss</c>.</summary>
internal static class Durations
{
    public const string Forms = "90s, 15m, 2h, 1d or hh:mm:ss";

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        if (text.Length >= 2 && UnitOf(text[^1]) is { } unit
            && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            value = TimeSpan.FromTicks((long)(amount * unit.Ticks));
            return value > TimeSpan.Zero;
        }
        // A colon is required so that a bare "15" is not quietly read as fifteen days.
        return text.Contains(':')
            && TimeSpan.TryParseExact(text, ["c", "g"], CultureInfo.InvariantCulture, out value)
            && value > TimeSpan.Zero;
    }

    /// <summary>An optional duration option whose parse error names the option and the accepted forms.</summary>
    public static Option<TimeSpan?> Option(string name, string description) => new(name)
    {
        Description = $"{description} ({Forms})",
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (TryParse(token, out var value)) return value;
            result.AddError($"{name}: '{token}' is not a positive duration; use {Forms}");
            return null;
        },
    };

    private static TimeSpan? UnitOf(char suffix) => char.ToLowerInvariant(suffix) switch
    {
        's' => TimeSpan.FromSeconds(1),
        'm' => TimeSpan.FromMinutes(1),
        'h' => TimeSpan.FromHours(1),
        'd' => TimeSpan.FromDays(1),
        _ => null,
    };
}
