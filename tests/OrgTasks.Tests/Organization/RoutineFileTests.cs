using OrgTasks.Organization;

namespace OrgTasks.Tests.Organization;

/// <summary><c>committee.routine</c>: the schedule of distributions and reports, an extension of the file's contract.</summary>
[Trait("Category", "Organization")]
public sealed class RoutineFileTests
{
    // Line 6 is the routine mapping; its keys follow on lines 7 onwards.
    private static string WithRoutine(string routine) => $$"""
        organization: test
        committee:
          id: spb
          contact: jerjoma
          members: [{ agent: jerjoma, function: secretary }]
          routine:
        {{routine}}
        agents:
          - { id: jerjoma }
        """;

    private const string Without = """
        organization: test
        committee:
          id: spb
          contact: jerjoma
          members: [{ agent: jerjoma, function: secretary }]
        agents:
          - { id: jerjoma }
        """;

    [Fact]
    public void Absent_routine_takes_the_defaults()
    {
        var routine = OrgAssert.Valid(Without).Committee.Routine;

        Assert.Equal(new RoutineSpec(3, TimeSpan.FromDays(14), TimeSpan.FromDays(2), TimeSpan.FromDays(15)), routine);
    }

    [Fact]
    public void Given_values_are_read_and_absent_keys_keep_their_defaults()
    {
        var routine = OrgAssert.Valid(WithRoutine("""
                distributions-per-month: 2
                reports-every: 7d
                idle-after: 36h
            """)).Committee.Routine;

        Assert.Equal(new RoutineSpec(2, TimeSpan.FromDays(7), TimeSpan.FromDays(2), TimeSpan.FromHours(36)), routine);
    }

    [Fact]
    public void A_duration_without_a_unit_is_refused_with_its_line_and_field() =>
        OrgAssert.SingleError(WithRoutine("    reports-every: 14"), 7, "committee.routine.reports-every", "'14' is not a duration", "e.g. 14d");

    [Fact]
    public void A_duration_under_a_minute_is_refused() =>
        OrgAssert.SingleError(WithRoutine("    idle-after: 30s"), 7, "committee.routine.idle-after", "too short", "at least 1m");

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("three")]
    public void Distributions_per_month_outside_one_to_thirty_is_refused(string value) =>
        OrgAssert.SingleError(WithRoutine($"    distributions-per-month: {value}"), 7, "committee.routine.distributions-per-month", "from 1 to 30");

    [Fact]
    public void A_report_due_no_sooner_than_the_next_is_asked_for_is_refused() =>
        OrgAssert.SingleError(WithRoutine("""
                reports-every: 7d
                report-within: 7d
            """), 8, "committee.routine.report-within", "7d is not shorter than reports-every (7d)");

    [Fact]
    public void An_unknown_routine_key_is_refused_with_the_allowed_keys()
    {
        var result = OrgAssert.Parse(WithRoutine("    reports_every: 7d"));

        var error = OrgAssert.HasError(result, 7, "committee.routine.reports_every", "reports-every");
        Assert.Contains("idle-after", error.Message);
    }
}
