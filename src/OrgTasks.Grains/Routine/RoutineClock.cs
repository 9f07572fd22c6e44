namespace OrgTasks.Grains.Routine;

/// <summary>
/// The routine's calendar: every schedule counts whole periods from the routine's start, so the same time always gives
/// the same answer (a tick repeated, a reminder and an operator ticking together) and nothing drifts. Pure.
/// </summary>
public readonly record struct RoutineClock(DateTimeOffset Since, RoutineSchedule Schedule)
{
    /// <summary>How many whole periods have passed at <paramref name="now"/>.</summary>
    public static int Periods(DateTimeOffset since, TimeSpan period, DateTimeOffset now) =>
        now <= since || period <= TimeSpan.Zero ? 0 : (int)Math.Min(int.MaxValue, (now - since).Ticks / period.Ticks);

    /// <summary>The number of the routine distribution due at <paramref name="now"/> (0: none yet).</summary>
    public int DistributionDue(DateTimeOffset now) => Periods(Since, Schedule.DistributionEvery, now);

    public DateTimeOffset DistributionAt(int number) => Since + Schedule.DistributionEvery * number;

    /// <summary>The round of reports asked for at <paramref name="now"/> (0: none yet). Round k is asked for at
    /// <see cref="RoundAt"/>(k) and due by <see cref="RoundDue"/>(k).</summary>
    public int ReportRound(DateTimeOffset now) => Periods(Since, Schedule.ReportsEvery, now);

    public DateTimeOffset RoundAt(int round) => Since + Schedule.ReportsEvery * round;

    public DateTimeOffset RoundDue(int round) => RoundAt(round) + Schedule.ReportWithin;

    /// <summary>The last round whose deadline has passed at <paramref name="now"/> (0: none).</summary>
    public int LastRoundPastDue(DateTimeOffset now)
    {
        var round = ReportRound(now);
        return round >= 1 && now > RoundDue(round) ? round : Math.Max(0, round - 1);
    }

    /// <summary>
    /// When a unit's next report is due: the report of the first round after the last one it wrote (round 1 when it
    /// never reported). A unit that missed a round stays overdue until it reports again.
    /// </summary>
    public DateTimeOffset DueBy(DateTimeOffset? lastWritten)
    {
        var next = lastWritten is { } written ? Periods(Since, Schedule.ReportsEvery, written) + 1 : 1;
        return RoundDue(next);
    }

    /// <summary>The report statement's id for a unit and a round: asking again makes the same id, so nothing doubles.</summary>
    public static string ReportId(string unit, int round) => $"report:{unit}:{round}";

    public static string DigestId(string committee, int round) => $"digest:{committee}:{round}";

    public static string DistributionId(string committee, int number) => $"routine:{committee}:{number}";
}
