using Microsoft.Extensions.Options;

namespace OrgTasks.Grains;

/// <summary>
/// Refuses impossible <see cref="OrgTasksOptions"/> when the silo starts, with one line per option naming it (as the
/// environment spells it) and the allowed range. Why ranges and not only "positive": a fan-out limit of 0 made fan-out
/// wait forever, and an hour-long retry interval or a 100 MB statement is as surely a typo.
/// </summary>
public sealed class OrgTasksOptionsValidator : IValidateOptions<OrgTasksOptions>
{
    public ValidateOptionsResult Validate(string? name, OrgTasksOptions options)
    {
        var failures = new OptionRanges(OrgTasksOptions.Section);
        failures.Check(nameof(options.BreachAfter), options.BreachAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30));
        failures.Check(nameof(options.RetryInterval), options.RetryInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        failures.Check(nameof(options.SendOutWait), options.SendOutWait, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        failures.Check(nameof(options.FirstPassWait), options.FirstPassWait, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        failures.Check(nameof(options.ResumeInterval), options.ResumeInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        failures.Check(nameof(options.StandingsRefresh), options.StandingsRefresh, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        failures.Check(nameof(options.RoutineInterval), options.RoutineInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        failures.Check(nameof(options.MaxStatementLength), options.MaxStatementLength, 1, 1_000_000);
        failures.Check(nameof(options.MaxLeafletLength), options.MaxLeafletLength, 1, 10_000_000);
        failures.Check(nameof(options.MaxLeafletTitleLength), options.MaxLeafletTitleLength, 1, 10_000);
        failures.Check(nameof(options.MaxStatementsPerCall), options.MaxStatementsPerCall, 1, 10_000);
        failures.Check(nameof(options.MaxRouteHomes), options.MaxRouteHomes, 1, 10_000_000);
        failures.Check(nameof(options.MaxListLimit), options.MaxListLimit, 1, 1_000_000);
        failures.Check(nameof(options.FanOutLimit), options.FanOutLimit, 1, 100_000);
        failures.Check(nameof(options.WarmUpActivations), options.WarmUpActivations, 0, 1_000_000);
        failures.Check(nameof(options.NoticesKept), options.NoticesKept, 1, 100_000);
        failures.Check(nameof(options.LeafletUnitTraceSampling), options.LeafletUnitTraceSampling, 0.0, 1.0);
        return failures.Result;
    }
}
