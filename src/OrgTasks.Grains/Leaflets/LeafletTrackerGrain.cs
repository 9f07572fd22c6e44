using System.Runtime.InteropServices;
using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Leaflets;

/// <summary>
/// One leaflet's exact picture, read from the delivery records; the scope reports once at the end (its subtree's
/// coverage, the top of the tree reduction). A reminder re-sends an unfinished leaflet down the tree after a restart, so no client has to.
/// </summary>
public sealed partial class LeafletTrackerGrain(
    [PersistentState("leaflet", OrgTasksStorage.Name)] IPersistentState<LeafletTrackerState> state,
    OrgTasksServices services,
    ILogger<LeafletTrackerGrain> logger)
    : Grain, ILeafletTrackerGrain, IRemindable, IActingGrain
{
    private const string ResumeReminder = "resume";
    private readonly Dictionary<string, IReadOnlyList<RouteDelivery>> _reports = new(StringComparer.Ordinal);
    private HashSet<string>? _unitIds;
    private Dictionary<string, UnitSummary>? _routeToUnit;

    public Actor Actor => Actor.System("tracker:" + this.GetPrimaryKeyString());

    /// <summary>Set once the picture is read after the leaflet completed or closed: the records no longer change it.</summary>
    private bool _reportsFinal;

    /// <summary>
    /// Reads the picture from the delivery records: they are the proof of every home reached, durable, and written by
    /// the distributors anyway, so no unit sends its routes here (2,400 messages per citywide leaflet saved) and a
    /// restarted tracker sees exactly what a running one does. Read on every status request until the leaflet is done.
    /// </summary>
    private async Task RefreshReportsAsync()
    {
        if (_reportsFinal || state.State.Leaflet is null) return;
        var done = state.State.Complete is not null || state.State.Closed is not null;
        var routeToUnit = RouteToUnit;
        var records = await services.Deliveries.LoadLeafletAsync(state.State.Leaflet.Id);
        // One pass, by unit (the picture is asked for several times a second while a leaflet travels: 24,000 records
        // for the 1M city; grouping them with LINQ showed in the profile).
        var byUnit = new Dictionary<UnitSummary, List<RouteDelivery>?>(ReferenceEqualityComparer.Instance);
        foreach (var record in records)
        {
            if (!routeToUnit.TryGetValue(record.Route, out var unit)) continue;
            ref var routes = ref CollectionsMarshal.GetValueRefOrAddDefault(byUnit, unit, out var seen);
            if (seen && routes is null) continue; // a route of this unit is not whole yet
            // Only a unit whose every route has a full record counts as reported: the others are still on their way
            // (a route carried in shares after an arrest has a record as soon as the first share is delivered).
            if (record.HomesReached < record.HomesOnRoute)
            {
                routes = null;
                continue;
            }
            routes ??= new List<RouteDelivery>(unit.RouteMembers.Count);
            routes.Add(new RouteDelivery
            {
                Route = record.Route,
                DeliveredBy = record.DeliveredBy,
                HomesOnRoute = record.HomesOnRoute,
                HomesReached = record.HomesReached,
                NewlyDelivered = 0,
                Duplicates = record.Duplicates,
                DeliveredAt = record.DeliveredAt,
            });
        }
        _reports.Clear();
        foreach (var (unit, routes) in byUnit)
        {
            if (routes is not null && routes.Count >= unit.RouteMembers.Count) _reports[unit.Unit.Id] = routes;
        }
        _reportsFinal = done;
    }

    public async Task<Leaflet> Open(Leaflet leaflet, IReadOnlyList<UnitSummary> units)
    {
        var caller = Callers.Require();
        if (caller.Kind != ActorKind.Unit || caller.Id != leaflet.Issuer)
            throw new AccessDeniedException($"{caller} may not open leaflet '{leaflet.Id}'");
        if (leaflet.Id != this.GetPrimaryKeyString()) throw new InvalidRequestException($"leaflet '{leaflet.Id}' sent to tracker '{this.GetPrimaryKeyString()}'");
        if (state.State.Leaflet is { } existing) return existing; // a retried issue: the first one stands
        state.State = new LeafletTrackerState { Leaflet = leaflet, Units = units.ToList() };
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, services.Options.ResumeInterval, services.Options.ResumeInterval);
        return leaflet;
    }

    public Task ReportUnit(UnitDeliveryReport report)
    {
        var caller = Callers.Require();
        if (caller.Kind != ActorKind.Unit || caller.Id != report.Unit || !UnitIds.Contains(report.Unit))
            throw new AccessDeniedException($"{caller} may not report for '{report.Unit}'");
        // Sent only by a unit that was held (cut off) and is back, once its routes are served: its reason goes; written
        // only on this rare transition. The routes themselves are read from the delivery records.
        if (!state.State.Held.Remove(report.Unit)) return Task.CompletedTask;
        PictureMoved();
        return state.WriteStateAsync();
    }

    public async Task ReportComplete(SubtreeCoverage coverage)
    {
        var leaflet = RequireLeaflet();
        var caller = Callers.Require();
        if (caller.Kind != ActorKind.Unit || caller.Id != leaflet.Scope || coverage.Unit != leaflet.Scope)
            throw new AccessDeniedException($"{caller} may not complete leaflet '{leaflet.Id}'");
        await CompleteAsync(coverage);
    }

    /// <summary>The exact picture: for the issuing unit's officers, the units and the operator.</summary>
    public async Task<LeafletStatus> GetStatus()
    {
        var caller = Callers.Require();
        var leaflet = RequireLeaflet();
        if (caller.Kind == ActorKind.Agent)
        {
            // The committee that approved a propaganda group's material follows its distribution as the group does.
            if (!await Officers.IsOfficerOfAsync(GrainFactory, leaflet.Issuer, caller)
                && (leaflet.ApprovedBy is not { } approver || !await Officers.IsOfficerOfAsync(GrainFactory, approver, caller)))
                throw new AccessDeniedException($"{caller} may not read the picture of leaflet '{leaflet.Id}': only the officers of '{leaflet.Issuer}'"
                    + (leaflet.ApprovedBy is { } by ? $" or of '{by}', which approved it," : "") + " may");
        }
        else if (caller.Kind is not (ActorKind.Operator or ActorKind.System or ActorKind.Unit))
        {
            throw new AccessDeniedException($"{caller} may not read the picture of leaflet '{leaflet.Id}'");
        }
        await RefreshReportsAsync();
        return CoveragePicture.Build(leaflet, state.State.Units, _reports, state.State.Complete, services.Clock.GetUtcNow(),
            state.State.Held, state.State.Closed);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder) return;
        if (state.State.Leaflet is not { } leaflet || state.State.Complete is not null || state.State.Closed is not null)
        {
            await UnregisterAsync();
            return;
        }
        // Wakes the scope; every unit below re-sends what it has not finished and the finished ones answer at once.
        var scope = state.State.Units[0].Unit;
        Log.LeafletResumed(logger, leaflet.Id, scope.Id);
        var ack = await GrainFactory.GetUnit(scope).ReceiveLeaflet(leaflet);
        if (ack.Completed is { } done) await CompleteAsync(done);
    }

    private async Task CompleteAsync(SubtreeCoverage coverage)
    {
        // A closed leaflet stays closed: a group coming back afterwards does not make it complete.
        if (state.State.Complete is not null || state.State.Closed is not null) return;
        state.State.Complete = coverage;
        await state.WriteStateAsync();
        PictureMoved();
        OrgTasksTelemetry.CoverageSeconds.Record((coverage.CompletedAt - RequireLeaflet().IssuedAt).TotalSeconds);
        await UnregisterAsync();
    }

    private async Task UnregisterAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    /// <summary>Which unit each route of the leaflet belongs to: the units are fixed when the leaflet opens.</summary>
    private Dictionary<string, UnitSummary> RouteToUnit
    {
        get
        {
            if (_routeToUnit is not null) return _routeToUnit;
            _routeToUnit = new Dictionary<string, UnitSummary>(StringComparer.Ordinal);
            foreach (var unit in state.State.Units)
                foreach (var route in unit.RouteMembers) _routeToUnit[route] = unit;
            return _routeToUnit;
        }
    }

    private HashSet<string> UnitIds => _unitIds ??= state.State.Units.Select(u => u.Unit.Id).ToHashSet(StringComparer.Ordinal);

    private Leaflet RequireLeaflet() =>
        state.State.Leaflet ?? throw new NotFoundException($"no leaflet '{this.GetPrimaryKeyString()}'");
}
