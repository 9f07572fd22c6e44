using OrgTasks.Grains.Checks;
using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Units;

/// <summary>
/// The leaflet relay: accept (durably), pass to children and deliver through this unit's distributors, then report
/// the subtree's coverage up once all of it is done: a tree reduction, one message per unit, not one per home.
/// </summary>
public abstract partial class UnitGrain
{
    private readonly Dictionary<string, LeafletWork> _leaflets = new(StringComparer.Ordinal);

    public async Task<string> IssueLeaflet(LeafletDraft draft)
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        if (draft is null) throw new InvalidRequestException("the call carries no leaflet");
        var approvedBy = await ApprovalAsync(config, caller, draft);
        if (!caller.IsUnit(Id) && caller.Kind is not (ActorKind.Operator or ActorKind.System)
            && !(caller.Kind == ActorKind.Agent && Officers.IsOfficer(config, caller.Id)) && approvedBy is null)
            throw new AccessDeniedException($"{caller} may not issue leaflets in the name of '{Id}': only its officers may");
        // Refused before any unit accepts the leaflet; every unit on the way down checks the same again.
        EntryChecks.Leaflet(draft.Id, draft.Title, draft.Text, Services.Options);
        if (draft.Deadline is { } d && d <= TimeSpan.Zero) throw new InvalidRequestException("the deadline must be a positive duration");

        using var activity = OrgTasksTelemetry.Source.StartActivity("leaflet.issue");
        activity?.SetTag("orgtasks.leaflet.id", draft.Id);
        activity?.SetTag("orgtasks.unit", Id);
        var scopeId = string.IsNullOrWhiteSpace(draft.Scope) ? Id : draft.Scope;
        var units = ForKind(await ScopeAsync(config, scopeId), draft.ForKind); // refuses a scope outside this unit's subtree
        var scope = units[0].Unit;
        RequireApproval(config, caller, scope.Id, approvedBy);

        var now = Services.Clock.GetUtcNow();
        var leaflet = new Leaflet
        {
            Id = draft.Id,
            Issuer = Id,
            Scope = scope.Id,
            Title = draft.Title,
            Text = draft.Text,
            IssuedAt = now,
            Deadline = draft.Deadline is { } deadline ? now + deadline : null,
            ApprovedBy = approvedBy,
            ForKind = draft.ForKind,
        };
        var tracker = GrainFactory.GetGrain<ILeafletTrackerGrain>(leaflet.Id);
        // The tracker keeps the first issue of this id: a retried issue sends the same leaflet again, no new one.
        leaflet = await tracker.Open(leaflet, units);
        // Issuing to its own subtree, the unit accepts in this call: a grain calling itself would wait on itself.
        if (scope.Id == Id) await AcceptLeafletAsync(leaflet);
        else await GrainFactory.GetUnit(scope).ReceiveLeaflet(leaflet);
        OrgTasksTelemetry.LeafletsIssued.Add(1);
        TellRoutine(config, leaflet);
        return leaflet.Id;
    }

    public async Task<LeafletAck> ReceiveLeaflet(Leaflet leaflet)
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        if (leaflet is null) throw new InvalidRequestException("the call carries no leaflet");
        if (!MaySendLeaflet(config, caller, leaflet))
            throw new AccessDeniedException($"{caller} may not pass leaflets to '{Id}'");
        EntryChecks.Leaflet(leaflet.Id, leaflet.Title, leaflet.Text, Services.Options);
        // The unit above waits for this subtree's first pass and takes the coverage from the answer (request/response
        // tree reduction): one call per unit instead of an acknowledgement now and a report later. The issuer and a
        // resuming tracker get the acknowledgement at once; the scope reports to the tracker when done.
        var fromAbove = caller.Kind == ActorKind.Unit && leaflet.Scope != Id;
        return await AcceptLeafletAsync(leaflet, waitForPass: fromAbove);
    }

    /// <summary>
    /// Stores the leaflet (once) and starts passing it on; with <paramref name="waitForPass"/> answers after the first
    /// pass over the subtree, with its coverage when that pass completed it. Runs interleaved with the unit's other
    /// calls (the wait must not hold the unit: its own agents may call it meanwhile), so every check of
    /// <see cref="_leaflets"/> is repeated after an await.
    /// </summary>
    private async Task<LeafletAck> AcceptLeafletAsync(Leaflet leaflet, bool waitForPass = false)
    {
        using var activity = OrgTasksTelemetry.Source.StartActivity("leaflet.accept");
        activity?.SetTag("orgtasks.leaflet.id", leaflet.Id);
        activity?.SetTag("orgtasks.unit", Id);
        if (_leaflets.TryGetValue(leaflet.Id, out var open)) return Repeat(open);
        // A group that must not know it belongs to the organization keeps no copy that names the issuer or the tree.
        if (Config is { Affiliation: Affiliation.Unaware }) leaflet = ForUnaware(leaflet, Id);
        var record = await Services.Leaflets.AcceptAsync(Id, leaflet, Services.Clock.GetUtcNow());
        if (record.Stage == Durability.UnitLeafletStage.Reported) return new LeafletAck { Unit = Id, Completed = record.Coverage };
        if (_leaflets.TryGetValue(leaflet.Id, out open)) return Repeat(open); // another call accepted it meanwhile
        // Open, or complete but not yet reported: (re)start the work; a finished subtree answers with its coverage.
        var work = new LeafletWork(record.Leaflet) { Complete = record.Coverage };
        _leaflets[leaflet.Id] = work;
        if (!waitForPass || work.Complete is not null)
        {
            work.OwesReport = true;
            Kick();
            return new LeafletAck { Unit = Id, Completed = record.Coverage };
        }
        work.FirstPass = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Kick();
        await work.FirstPass.Task;
        if (work.Complete is null) work.OwesReport = true;
        return new LeafletAck { Unit = Id, Completed = work.Complete };
    }

    /// <summary>
    /// A repeat of a leaflet in progress is a nudge (a tracker resuming after a restart, a retried issue, a parent whose
    /// call timed out): ask again every child that has not reported, since a child that lost its activation will not
    /// report by itself; children still at work just answer again. Answered without coverage, this unit owes a report.
    /// </summary>
    private LeafletAck Repeat(LeafletWork open)
    {
        if (open.Complete is null)
        {
            open.OwesReport = true;
            open.ChildrenAcked.RemoveWhere(child => !open.ChildCoverage.ContainsKey(child));
            Kick();
        }
        return new LeafletAck { Unit = Id, Completed = open.Complete };
    }

    public Task ReportCoverage(SubtreeCoverage coverage)
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        ArgumentNullException.ThrowIfNull(coverage);
        if (!caller.IsUnit(coverage.Unit) || config.Children.Concat(config.DeliversThrough).All(c => c.Unit.Id != coverage.Unit))
            throw new AccessDeniedException($"{caller} may not report coverage of '{coverage.Unit}' to '{Id}'");
        // A report for a leaflet no longer open here is a late repeat: this unit already finished with it.
        if (_leaflets.TryGetValue(coverage.LeafletId, out var work))
        {
            work.ChildCoverage[coverage.Unit] = coverage;
            work.ChildrenAcked.Add(coverage.Unit);
            Kick();
        }
        return Task.CompletedTask;
    }

    private async Task<bool> LoadUnfinishedLeafletsAsync()
    {
        foreach (var record in await Services.Leaflets.LoadUnfinishedAsync(Id))
            _leaflets[record.Leaflet.Id] = new LeafletWork(record.Leaflet) { Complete = record.Coverage, OwesReport = true };
        return _leaflets.Count > 0;
    }

    /// <summary>Moves every open leaflet as far as it can go; returns whether a failed step needs a retry.</summary>
    private async Task<bool> PassLeafletsOnAsync()
    {
        if (_leaflets.Count == 0) return false;
        var config = Config;
        if (config is null)
        {
            foreach (var work in _leaflets.Values) work.FirstPass?.TrySetResult();
            return false;
        }
        var retry = false;
        foreach (var work in _leaflets.Values.ToList())
        {
            try
            {
                if (!await AdvanceAsync(config, work)) retry = true;
            }
            finally
            {
                // The caller waiting for the first pass answers now, whatever happened in it.
                work.FirstPass?.TrySetResult();
            }
            // Answered with the coverage when the pass completed the subtree before the caller resumed.
            var answered = work.FirstPass is not null && work.Complete is not null;
            work.FirstPass = null;
            if (work.Complete is null) continue;
            // A report that did not get through is retried like any failed step (before, only the tracker's resume
            // reminder brought it back).
            if (answered && !work.OwesReport ? await MarkAnsweredAsync(work) : await ReportUpAsync(config, work))
                _leaflets.Remove(work.Leaflet.Id);
            else retry = true;
        }
        return retry;
    }

    /// <summary>One pass over a leaflet: children, routes, completion. Returns false when something failed.</summary>
    private async Task<bool> AdvanceAsync(UnitConfig config, LeafletWork work)
    {
        if (work.Complete is not null) return true;
        var ok = true;
        var leaflet = work.Leaflet;
        // A cut-off unit holds the leaflet: its homes stay pending until it is back, and it says why.
        var heldBecause = NotForThisKind(config, leaflet) ? null : CutOffReason(config);
        if (heldBecause is not null) ok = await ReportHeldAsync(work, heldBecause);
        else if (!await CheckClosedAsync(work)) return false;
        var sends = new List<Task>();
        var children = DeliveryChildren(config, leaflet);
        foreach (var child in children)
        {
            if (work.ChildrenAcked.Contains(child.Unit.Id)) continue;
            sends.Add(SendToChildAsync(work, child));
        }
        IReadOnlyList<RouteShare> shares = heldBecause is not null || work.Closed || NotForThisKind(config, leaflet) ? [] : config.Shares;
        foreach (var share in shares)
        {
            if (work.Routes.ContainsKey(share.Key)) continue;
            sends.Add(DeliverAsync(work, share));
        }
        if (sends.Count > 0)
        {
            try { await Task.WhenAll(sends); }
            catch (Exception error)
            {
                ok = false;
                OrgTasksTelemetry.HandOverFailures.Add(1);
                Log.LeafletStepFailed(Logger, error, Id, leaflet.Id);
            }
        }

        // Done when every share the unit has now is delivered. A share from before an arrest changed who carries
        // what is not counted: its homes are in the current shares too, and the delivery records know who had them.
        var routesDone = heldBecause is null && shares.All(share => work.Routes.ContainsKey(share.Key));
        // The tracker reads the routes from the delivery records (the journal is the proof): a unit sends them only
        // when it held the leaflet, so that the tracker stops naming it as held.
        if (routesDone && work.WasHeld && !work.RoutesReported && shares.Count > 0)
        {
            try
            {
                var current = shares.Select(share => work.Routes[share.Key]).ToList();
                await GrainFactory.GetGrain<ILeafletTrackerGrain>(leaflet.Id).ReportUnit(new UnitDeliveryReport
                {
                    LeafletId = leaflet.Id,
                    Unit = Id,
                    Routes = current,
                    CompletedAt = current.Max(r => r.DeliveredAt),
                });
                work.RoutesReported = true;
            }
            catch (Exception error)
            {
                ok = false;
                Log.LeafletStepFailed(Logger, error, Id, leaflet.Id);
            }
        }

        // Complete only once the tracker has this unit's routes too: a completed unit never sends that report again.
        var routesReported = work.RoutesReported || shares.Count == 0 || !work.WasHeld;
        if (routesDone && routesReported && children.All(c => work.ChildCoverage.ContainsKey(c.Unit.Id)))
        {
            var routes = shares.Select(share => work.Routes[share.Key]).ToList();
            var coverage = new SubtreeCoverage
            {
                LeafletId = leaflet.Id,
                Unit = Id,
                HomesTotal = (work.Closed ? config.OwnHomes : routes.Sum(r => (long)r.HomesOnRoute)) + work.ChildCoverage.Values.Sum(c => c.HomesTotal),
                HomesReached = routes.Sum(r => (long)r.HomesReached) + work.ChildCoverage.Values.Sum(c => c.HomesReached),
                Duplicates = routes.Sum(r => (long)r.Duplicates) + work.ChildCoverage.Values.Sum(c => c.Duplicates),
                CompletedAt = Services.Clock.GetUtcNow(),
            };
            using var activity = OrgTasksTelemetry.Source.StartActivity("leaflet.unit.complete");
            activity?.SetTag("orgtasks.leaflet.id", leaflet.Id);
            activity?.SetTag("orgtasks.unit", Id);
            activity?.SetTag("orgtasks.homes.reached", coverage.HomesReached);
            await Services.Leaflets.CompleteAsync(Id, leaflet.Id, coverage);
            work.Complete = coverage;
            OrgTasksTelemetry.UnitsCompleted.Add(1);
        }
        return ok;
    }

    private async Task SendToChildAsync(LeafletWork work, ChildLink child)
    {
        var leaflet = child.Affiliation == Affiliation.Unaware ? ForUnaware(work.Leaflet, child.Unit.Id) : work.Leaflet;
        var ack = await GrainFactory.GetUnit(child.Unit).ReceiveLeaflet(leaflet);
        work.ChildrenAcked.Add(child.Unit.Id);
        if (ack.Completed is { } done) work.ChildCoverage[child.Unit.Id] = done;
    }

    private async Task DeliverAsync(LeafletWork work, RouteShare share)
    {
        var delivery = await GrainFactory.GetGrain<IAgentGrain>(share.Carrier).DeliverRoute(work.Leaflet, share);
        work.Routes[share.Key] = delivery;
    }

    /// <summary>The coverage went up in the answer to the unit above: only the journal learns that it is handed over.</summary>
    private async Task<bool> MarkAnsweredAsync(LeafletWork work)
    {
        try
        {
            await Services.Leaflets.MarkReportedAsync(Id, work.Leaflet.Id);
            return true;
        }
        catch (Exception error)
        {
            Log.LeafletStepFailed(Logger, error, Id, work.Leaflet.Id);
            return false;
        }
    }

    /// <summary>Hands the finished subtree's coverage to whoever sent the leaflet here; true once acknowledged.</summary>
    private async Task<bool> ReportUpAsync(UnitConfig config, LeafletWork work)
    {
        var coverage = work.Complete!;
        try
        {
            if (work.Leaflet.Scope == Id)
            {
                await GrainFactory.GetGrain<ILeafletTrackerGrain>(work.Leaflet.Id).ReportComplete(coverage);
            }
            else
            {
                var above = PropagandaAbove(config, work.Leaflet.Scope) ?? config.Parent ?? CentreAbove(config, work.Leaflet.Scope);
                if (above is null) return true; // nobody above to tell (cannot happen for a leaflet that reached us)
                await GrainFactory.GetUnit(above.Value).ReportCoverage(coverage);
            }
            await Services.Leaflets.MarkReportedAsync(Id, work.Leaflet.Id);
            return true;
        }
        catch (Exception error)
        {
            Log.LeafletStepFailed(Logger, error, Id, work.Leaflet.Id);
            return false;
        }
    }

    /// <summary>
    /// The copy of a leaflet for an unaware group: no issuer, and no scope unless the group itself is the scope (it may
    /// know its own name). Its subtree's coverage still goes up to its parent, which the group's grain knows; its members
    /// never see it.
    /// </summary>
    private static Leaflet ForUnaware(Leaflet leaflet, string unit) =>
        leaflet with { Issuer = "", Scope = leaflet.Scope == unit ? unit : "" };

    /// <summary>Who may send this unit a leaflet: its parent, the issuer when this unit is the scope, a central body above.</summary>
    private static bool MaySendLeaflet(UnitConfig config, Actor caller, Leaflet leaflet)
    {
        if (caller.Kind == ActorKind.System) return true; // a tracker resuming an unfinished leaflet after a restart
        if (config.Parent is { } parent && caller.IsUnit(parent.Id)) return true;
        if (leaflet.Scope == config.Unit.Id && caller.IsUnit(leaflet.Issuer)) return true;
        if (PropagandaAbove(config, leaflet.Scope) is { } propaganda && caller.IsUnit(propaganda.Id)) return true;
        return CentreAbove(config, caller.Id) is not null && caller.Kind == ActorKind.Unit;
    }

    private static UnitRef? CentreAbove(UnitConfig config, string id) =>
        config.CentralCommittee is { } cc && cc.Id == id ? cc
        : config.CentralOrgan is { } co && co.Id == id ? co
        : null;
}
