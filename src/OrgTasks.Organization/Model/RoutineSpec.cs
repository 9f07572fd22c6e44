namespace OrgTasks.Organization;

/// <summary>
/// The committee's routine, <c>committee.routine</c> in the file (an extension of the contract): routine distributions
/// per month, how often each group reports and how long a report may take, and how long a district or factory may go
/// without a distribution before the idle alarm names it. Absent keys take the defaults.
/// </summary>
public sealed record RoutineSpec(int DistributionsPerMonth, TimeSpan ReportsEvery, TimeSpan ReportWithin, TimeSpan IdleAfter)
{
    /// <summary>Three distributions a month, a report every 14 days due within 2 days, the alarm after 15 idle days.</summary>
    public static RoutineSpec Default { get; } = new(3, TimeSpan.FromDays(14), TimeSpan.FromDays(2), TimeSpan.FromDays(15));
}
