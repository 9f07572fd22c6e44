namespace OrgTasks.Grains.Routine;

/// <summary>Each group's report standing from the calendar and the reports the committee received. Pure.</summary>
public static class ReportBook
{
    public static IReadOnlyList<GroupReportStatus> Standing(
        RoutineClock clock, IEnumerable<UnitSummary> units, IReadOnlyDictionary<string, ReceivedReport> received, DateTimeOffset now) =>
        units.Where(u => u.Unit.Kind.IsGroup()).Select(u =>
        {
            var last = received.GetValueOrDefault(u.Unit.Id);
            var due = clock.DueBy(last?.WrittenAt);
            var overdue = now > due;
            return new GroupReportStatus
            {
                Unit = u.Unit.Id,
                Kind = u.Unit.Kind.Spelling(),
                Contact = u.Contact,
                DueBy = due,
                LastReceived = last,
                Overdue = overdue,
                OverdueBy = overdue ? now - due : TimeSpan.Zero,
            };
        }).ToList();

    /// <summary>The digest for the Central Organ: how many groups reported in the round and which did not.</summary>
    public static string Digest(string committee, int round, RoutineClock clock, IReadOnlyList<GroupReportStatus> groups)
    {
        var reported = groups.Count(g => g.LastReceived is { } r && r.WrittenAt >= clock.RoundAt(round));
        var missing = groups.Where(g => g.LastReceived is not { } r || r.WrittenAt < clock.RoundAt(round)).Select(g => g.Unit).ToList();
        var lines = new List<string>
        {
            $"digest of the regular reports to committee {committee}, round {round} (asked {clock.RoundAt(round):yyyy-MM-dd HH:mm}Z, due {clock.RoundDue(round):yyyy-MM-dd HH:mm}Z)",
            $"groups: {groups.Count}; reported: {reported}; not reported: {missing.Count}",
        };
        if (missing.Count > 0) lines.Add("not reported: " + Names(missing));
        return string.Join('\n', lines);
    }

    /// <summary>Names for a notice or a digest: all of them up to 50, then how many more.</summary>
    public static string Names(IReadOnlyList<string> names) =>
        names.Count <= 50 ? string.Join(", ", names) : string.Join(", ", names.Take(50)) + $" … and {names.Count - 50} more";
}
