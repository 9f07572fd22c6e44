using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrgTasks.Grains.Durability;

namespace OrgTasks.Grains;

/// <summary>What every OrgTasks grain needs from the silo, in one parameter: the journals, the options, the clock.</summary>
public sealed class OrgTasksServices(
    IStatementJournal statements,
    ILeafletJournal leaflets,
    IDeliveryJournal deliveries,
    IOptions<OrgTasksOptions> options,
    [FromKeyedServices(OrgTasksServices.ClockKey)] TimeProvider clock,
    Identity.AgentStandings standings,
    Audit.Auditor audit,
    Leaflets.RouteNotices routeNotices)
{
    /// <summary>
    /// The organization's clock is its own keyed service, not Orleans' <see cref="TimeProvider"/>: tests move the
    /// organization's time (breaches, deadlines, schedules) without stopping the runtime's timers.
    /// </summary>
    public const string ClockKey = "orgtasks";

    public IStatementJournal Statements { get; } = statements;
    public ILeafletJournal Leaflets { get; } = leaflets;
    public IDeliveryJournal Deliveries { get; } = deliveries;
    public OrgTasksOptions Options { get; } = options.Value;
    public TimeProvider Clock { get; } = clock;
    /// <summary>Who is arrested or suspended, as this silo knows it.</summary>
    public Identity.AgentStandings Standings { get; } = standings;
    /// <summary>The audit trail of officers' acts, with the proven actor.</summary>
    public Audit.Auditor Audit { get; } = audit;
    /// <summary>Units of this silo waiting for distributors they sent out.</summary>
    public Leaflets.RouteNotices RouteNotices { get; } = routeNotices;
}

/// <summary>The grain storage name every OrgTasks grain state uses; its provider is chosen by configuration.</summary>
public static class OrgTasksStorage
{
    public const string Name = "orgtasks";
}
