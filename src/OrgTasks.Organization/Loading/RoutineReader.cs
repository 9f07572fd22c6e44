using YamlDotNet.RepresentationModel;

namespace OrgTasks.Organization.Loading;

/// <summary>
/// Reads <c>committee.routine</c>: <c>distributions-per-month</c> (1–30), and the durations <c>reports-every</c>,
/// <c>report-within</c> and <c>idle-after</c> written as a whole number and a unit (<c>14d</c>, <c>12h</c>, <c>30m</c>,
/// <c>45s</c>). A report must be due before the next one is asked for, so <c>report-within</c> is shorter than
/// <c>reports-every</c>.
/// </summary>
internal static class RoutineReader
{
    private const string Path = "committee.routine";
    private const string PerMonth = "distributions-per-month";
    private const string ReportsEvery = "reports-every";
    private const string ReportWithin = "report-within";
    private const string IdleAfter = "idle-after";
    private static readonly string[] Keys = [PerMonth, ReportsEvery, ReportWithin, IdleAfter];

    /// <summary>Shortest period accepted: the routine wakes once a minute, so anything shorter cannot be kept.</summary>
    private static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);

    public static RoutineSpec? Read(YamlNode node, ErrorList errors)
    {
        var routine = MappingReader.Open(node, Path, "the committee's routine", Keys, errors);
        if (routine is null) return null;
        var before = errors.Count;
        var defaults = RoutineSpec.Default;

        var perMonth = defaults.DistributionsPerMonth;
        if (routine.Value(PerMonth) is { } count)
        {
            if (!Nodes.TryWholeNumber(count, out var value) || value is < 1 or > 30)
                errors.Add(YamlText.Line(count), routine.FieldOf(PerMonth), $"must be a whole number from 1 to 30; found {Nodes.Shape(count)}");
            else perMonth = (int)value;
        }
        var every = Duration(routine, ReportsEvery, defaults.ReportsEvery, errors);
        var within = Duration(routine, ReportWithin, defaults.ReportWithin, errors);
        var idle = Duration(routine, IdleAfter, defaults.IdleAfter, errors);
        if (errors.Count == before && within >= every)
        {
            errors.Add(routine.KeyLine(routine.Value(ReportWithin) is null ? ReportsEvery : ReportWithin),
                routine.FieldOf(ReportWithin),
                $"{DurationText.Write(within)} is not shorter than reports-every ({DurationText.Write(every)}); a report must be due before the next is asked for");
        }
        return errors.Count == before ? new RoutineSpec(perMonth, every, within, idle) : null;
    }

    private static TimeSpan Duration(MappingReader routine, string key, TimeSpan fallback, ErrorList errors)
    {
        if (routine.Text(key) is not { } text) return fallback;
        if (!DurationText.TryParse(text.Value, out var value))
        {
            errors.Add(text, $"'{text.Value}' is not a duration; write a whole number and d, h, m or s, e.g. 14d");
            return fallback;
        }
        if (value < Shortest)
        {
            errors.Add(text, $"'{text.Value}' is too short; at least 1m (the routine wakes once a minute)");
            return fallback;
        }
        return value;
    }
}
