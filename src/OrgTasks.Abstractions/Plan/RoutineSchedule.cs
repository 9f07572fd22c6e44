namespace OrgTasks.Plan;

/// <summary>
/// The committee's routine, from <c>committee.routine</c> in the organization file: how often the whole city gets a
/// routine distribution, how often each group reports and how long a report may take, and how long a district or
/// factory may go without a distribution before the idle alarm names it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoutineSchedule
{
    /// <summary>The letter's "two or three times a month": one routine distribution every 30 days / this.</summary>
    [Id(0)] public int DistributionsPerMonth { get; init; } = 3;
    [Id(1)] public TimeSpan ReportsEvery { get; init; } = TimeSpan.FromDays(14);
    /// <summary>How long after it is asked for a group's report may take to reach the committee before it is overdue.</summary>
    [Id(2)] public TimeSpan ReportWithin { get; init; } = TimeSpan.FromDays(2);
    [Id(3)] public TimeSpan IdleAfter { get; init; } = TimeSpan.FromDays(15);

    public static RoutineSchedule Default { get; } = new();

    /// <summary>Time between two routine distributions: a month of 30 days shared out.</summary>
    public TimeSpan DistributionEvery => TimeSpan.FromDays(30) / Math.Max(1, DistributionsPerMonth);
}
