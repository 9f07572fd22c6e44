using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrgTasks.Grains.Telemetry;

/// <summary>
/// The project's own traces and metrics, beside Orleans' (<c>Microsoft.Orleans</c> meter and activity sources). The
/// names are what an OpenTelemetry collector or dashboard selects on.
/// </summary>
public static class OrgTasksTelemetry
{
    public const string Name = "OrgTasks";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> StatementsSent = Meter.CreateCounter<long>(
        "orgtasks.statements.sent", "{statement}", "Statements written by agents and accepted by their own unit.");

    public static readonly Counter<long> StatementsDelivered = Meter.CreateCounter<long>(
        "orgtasks.statements.delivered", "{statement}", "Statements that reached their addressee's inbox.");

    public static readonly Counter<long> StatementsPassed = Meter.CreateCounter<long>(
        "orgtasks.statements.passed", "{statement}", "Statements a hop handed to the next hop and saw acknowledged.");

    public static readonly Counter<long> Refusals = Meter.CreateCounter<long>(
        "orgtasks.refusals", "{call}", "Calls refused because the caller may not make them (identity and need-to-know checks).");

    public static readonly Histogram<double> HopLatency = Meter.CreateHistogram<double>(
        "orgtasks.statements.hop.duration", "ms", "Time a statement was held at a hop before the next hop acknowledged it.");

    public static readonly Counter<long> HandOverFailures = Meter.CreateCounter<long>(
        "orgtasks.handover.failures", "{attempt}", "Hand-overs to the next hop that failed and will be retried.");

    public static readonly Counter<long> LeafletsIssued = Meter.CreateCounter<long>(
        "orgtasks.leaflets.issued", "{leaflet}", "Leaflets issued.");

    public static readonly Counter<long> HomesDelivered = Meter.CreateCounter<long>(
        "orgtasks.leaflets.homes.delivered", "{home}", "Homes that received a leaflet for the first time.");

    public static readonly Counter<long> UnitsCompleted = Meter.CreateCounter<long>(
        "orgtasks.leaflets.units.completed", "{unit}", "Units whose whole subtree has a leaflet.");

    public static readonly Histogram<double> CoverageSeconds = Meter.CreateHistogram<double>(
        "orgtasks.leaflets.coverage.duration", "s", "Time from issue until a leaflet's whole scope was covered.");
}
