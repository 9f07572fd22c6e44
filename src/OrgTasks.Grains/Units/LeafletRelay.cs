using OrgTasks.Grains.Leaflets;
using OrgTasks.Grains.Pumping;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Units;

/// <summary>
/// A unit's leaflet relay: accept (durably), pass to children and deliver through the unit's distributors, and hand the
/// subtree's coverage up once all of it is done: a tree reduction, one message per unit, not one per home. Its own
/// fields, its own outbox (<see cref="LeafletWork"/> per open leaflet) and its own pump, apart from the unit's
/// statement hop: a leaflet never waits behind statements, deposits or take-overs, nor they behind a leaflet. A cut-off
/// unit holds its leaflets: "nothing lost" for a group whose carriers are all arrested means its homes wait; the unit
/// keeps the leaflet (its acceptance is in the leaflet journal, so a restart keeps it too), tells the tracker why once,
/// and delivers when it is back (a release, a re-establishment), each home once, without a new issue.
/// The grain checks who calls; the relay trusts what the grain hands it.
/// </summary>
internal sealed class LeafletRelay
{
    private readonly Func<UnitConfig?> _config;
    private readonly IGrainFactory _grains;

    /// <summary>
    /// References to this unit's carriers and children, made once per activation. <c>GetByKey</c> spares the type
    /// look-up, but each reference is still an object and its key's bytes: making them anew for every leaflet cost
    /// 3–6 MB more per citywide leaflet (178–182 MB against 176 MB, measured when this cache was weighed again).
    /// </summary>
    private readonly Dictionary<string, IAgentGrain> _carriers = new(StringComparer.Ordinal);
    private readonly Dictionary<UnitRef, IUnitGrain> _children = [];
    private readonly OrgTasksServices _services;
    private readonly ILogger _logger;
    private readonly Pump _pump;
    private readonly Dictionary<string, LeafletWork> _leaflets = new(StringComparer.Ordinal);

    public LeafletRelay(Grain grain, string unitId, Func<UnitConfig?> config, IGrainFactory grains, OrgTasksServices services, ILogger logger)
    {
        Id = unitId;
        _config = config;
        _grains = grains;
        _services = services;
        _logger = logger;
        _pump = new Pump(grain, PassOnAsync, services.Options.RetryInterval);
    }

    /// <summary>The unit's id.</summary>
    private string Id { get; }

    /// <summary>Leaflets this unit has not finished passing on.</summary>
    public int InHand => _leaflets.Values.Count(w => w.Complete is null);

    /// <summary>Whether anything is open here (a new configuration may let it move).</summary>
    public bool HasWork => _leaflets.Count > 0;

    public void Kick() => _pump.Kick();

    /// <summary>Runs the pump from a timer tick: for work found while the unit activates.</summary>
    public void Schedule() => _pump.Schedule();

    public void Stop() => _pump.Dispose();

    /// <summary>A child unit's coverage, checked by the grain; a report for a leaflet no longer open here is a late repeat.</summary>
    public void NoteChildCoverage(SubtreeCoverage coverage)
    {
        if (_leaflets.TryGetValue(coverage.LeafletId, out var work))
        {
            work.ChildCoverage[coverage.Unit] = coverage;
            work.ChildrenAcked.Add(coverage.Unit);
            Kick();
        }
    }

    /// <summary>The units a leaflet goes to from here: the children, and for a propaganda group's own leaflet its districts.</summary>
    private IReadOnlyList<ChildLink> DeliveryChildren(UnitConfig config, Leaflet leaflet) =>
        leaflet.Scope == Id && config.DeliversThrough.Count > 0 ? [.. config.Children, .. config.DeliversThrough] : config.Children;

    /// <summary>The propaganda group a district carries this leaflet for (the leaflet's scope), if any.</summary>
    internal static UnitRef? PropagandaAbove(UnitConfig config, string scope) =>
        config.CarriesFor.FirstOrDefault(p => p.Id == scope) is { Id: not null } found ? found : null;

    internal static UnitRef? CentreAbove(UnitConfig config, string id) =>
        config.CentralCommittee is { } cc && cc.Id == id ? cc
        : config.CentralOrgan is { } co && co.Id == id ? co
        : null;

    /// <summary>A leaflet for one kind of group: the others pass it on without delivering.</summary>
    private static bool NotForThisKind(UnitConfig config, Leaflet leaflet) =>
        leaflet.ForKind is { } kind && config.Unit.Kind != kind;

    /// <summary>
    /// Stores the leaflet (once) and starts passing it on; with <paramref name="waitForPass"/> answers after the first
    /// pass over the subtree, with its coverage when that pass completed it. Runs interleaved with the unit's other
    /// calls (the wait must not hold the unit: its own agents may call it meanwhile), so every check of
    /// <see cref="_leaflets"/> is repeated after an await.
    /// </summary>
    public async Task<LeafletAck> AcceptAsync(Leaflet leaflet, bool waitForPass = false)
    {
        using var activity = LeafletTrace.StartUnit("leaflet.accept", leaflet.Id, Id, _services.Options.LeafletUnitTraceSampling);
        if (_leaflets.TryGetValue(leaflet.Id, out var open)) return Repeat(open);
        // A group that must not know it belongs to the organization keeps no copy that names the issuer or the tree.
        if (_config() is { Affiliation: Affiliation.Unaware }) leaflet = ForUnaware(leaflet, Id);
        var record = await _services.Leaflets.AcceptAsync(Id, leaflet, _services.Clock.GetUtcNow());
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
        // Kept here: the pass may finish inside Kick, in this turn (its distributors all answered before it waited), and
        // the pass clears the work's copy when it is done.
        var firstPass = work.FirstPass = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Kick();
        // Bounded: this call keeps the unit busy, and a busy unit cannot be deactivated. When Orleans deactivates it
        // (its directory entry was on a silo that died), an agent whose own call waits on this unit cannot answer the
        // pass, and both would wait for the call timeout. Past the bound the unit answers without the coverage and
        // reports it when done (OwesReport), as for any subtree that could not finish in its first pass.
        try { await firstPass.Task.WaitAsync(_services.Options.FirstPassWait); }
        catch (TimeoutException) { /* answered below without the coverage, unless the pass finished meanwhile */ }
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

    public async Task<bool> LoadUnfinishedAsync()
    {
        foreach (var record in await _services.Leaflets.LoadUnfinishedAsync(Id))
            _leaflets[record.Leaflet.Id] = new LeafletWork(record.Leaflet) { Complete = record.Coverage, OwesReport = true };
        return _leaflets.Count > 0;
    }

    /// <summary>Moves every open leaflet as far as it can go; returns whether a failed step needs a retry.</summary>
    private async Task<bool> PassOnAsync(CancellationToken cancellation)
    {
        if (_leaflets.Count == 0) return false;
        var current = _config();
        if (current is null)
        {
            foreach (var work in _leaflets.Values) work.FirstPass?.TrySetResult();
            return false;
        }
        var retry = false;
        foreach (var work in _leaflets.Values.ToList())
        {
            try
            {
                if (!await AdvanceAsync(current, work)) retry = true;
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
            if (answered && !work.OwesReport ? await MarkAnsweredAsync(work) : await ReportUpAsync(current, work))
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
        List<RouteWait>? waits = null;
        foreach (var share in shares)
        {
            if (work.Routes.ContainsKey(share.Key)) continue;
            if (work.SentOut) sends.Add(DeliverAsync(work, share));
            else (waits ??= []).Add(SendOut(work, share));
        }
        if (waits is not null)
        {
            work.SentOut = true;
            sends.Add(CollectAsync(work, waits));
        }
        if (sends.Count > 0)
        {
            try { await Task.WhenAll(sends); }
            catch (Exception error)
            {
                ok = false;
                OrgTasksTelemetry.HandOverFailures.Add(1);
                Log.LeafletStepFailed(_logger, error, Id, leaflet.Id);
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
                await _grains.GetGrain<ILeafletTrackerGrain>(leaflet.Id).ReportUnit(new UnitDeliveryReport
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
                Log.LeafletStepFailed(_logger, error, Id, leaflet.Id);
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
                CompletedAt = _services.Clock.GetUtcNow(),
            };
            using var activity = LeafletTrace.StartUnit("leaflet.unit.complete", leaflet.Id, Id, _services.Options.LeafletUnitTraceSampling);
            activity?.SetTag("orgtasks.homes.reached", coverage.HomesReached);
            await _services.Leaflets.CompleteAsync(Id, leaflet.Id, coverage);
            work.Complete = coverage;
            OrgTasksTelemetry.UnitsCompleted.Add(1);
        }
        return ok;
    }

    private async Task SendToChildAsync(LeafletWork work, ChildLink child)
    {
        var leaflet = child.Affiliation == Affiliation.Unaware ? ForUnaware(work.Leaflet, child.Unit.Id) : work.Leaflet;
        if (!_children.TryGetValue(child.Unit, out var unit)) _children[child.Unit] = unit = _grains.GetUnit(child.Unit);
        var ack = await unit.ReceiveLeaflet(leaflet);
        work.ChildrenAcked.Add(child.Unit.Id);
        if (ack.Completed is { } done) work.ChildCoverage[child.Unit.Id] = done;
    }

    private IAgentGrain Carrier(RouteShare share)
    {
        if (!_carriers.TryGetValue(share.Carrier, out var carrier)) _carriers[share.Carrier] = carrier = _grains.GetByKey<IAgentGrain>(share.Carrier);
        return carrier;
    }

    /// <summary>Asks a distributor and waits for its answer: for a share that was sent out before and is still missing.</summary>
    private async Task DeliverAsync(LeafletWork work, RouteShare share)
    {
        var delivery = await Carrier(share).DeliverRoute(work.Leaflet, share);
        work.Routes[share.Key] = delivery;
    }

    /// <summary>Sends a distributor out one-way; the wait, opened first, hears when its record is written.</summary>
    private RouteWait SendOut(LeafletWork work, RouteShare share)
    {
        var wait = _services.RouteNotices.Expect(Id, work.Leaflet.Id, share);
        // A one-way call is complete once it is on its way; one that could not even be sent fails its wait now.
        var sent = Carrier(share).SendOut(work.Leaflet, share);
        if (sent.IsFaulted) _services.RouteNotices.Failed(Id, work.Leaflet.Id, share.Key, sent.Exception.GetBaseException());
        return wait;
    }

    /// <summary>
    /// Waits, with one timer for the whole pass, until every distributor sent out has delivered or
    /// <see cref="OrgTasksOptions.SendOutWait"/> has passed, then asks each one not heard from with
    /// <see cref="IDistributor.DeliverRoute"/>: a lost message (a silo that went down with the distributor) costs a
    /// repeat, never a home. A refusal is thrown, as <see cref="IDistributor.DeliverRoute"/> would throw it.
    /// </summary>
    private async Task CollectAsync(LeafletWork work, List<RouteWait> waits)
    {
        var all = new Task[waits.Count];
        for (var i = 0; i < all.Length; i++) all[i] = waits[i].Delivery;
        try { await Task.WhenAll(all).WaitAsync(_services.Options.SendOutWait); }
        catch (Exception) { /* timed out, or a distributor refused: each wait is looked at below */ }

        List<Task>? asks = null;
        Exception? refusal = null;
        foreach (var wait in waits)
        {
            var delivery = wait.Delivery;
            if (delivery.IsCompletedSuccessfully) work.Routes[wait.Share.Key] = delivery.Result;
            else if (delivery.IsFaulted) refusal ??= delivery.Exception.InnerException;
            else
            {
                wait.Forget();
                (asks ??= []).Add(DeliverAsync(work, wait.Share));
            }
        }
        if (asks is not null) await Task.WhenAll(asks);
        if (refusal is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(refusal);
    }

    /// <summary>The coverage went up in the answer to the unit above: only the journal learns that it is handed over.</summary>
    private async Task<bool> MarkAnsweredAsync(LeafletWork work)
    {
        try
        {
            await _services.Leaflets.MarkReportedAsync(Id, work.Leaflet.Id);
            return true;
        }
        catch (Exception error)
        {
            Log.LeafletStepFailed(_logger, error, Id, work.Leaflet.Id);
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
                await _grains.GetGrain<ILeafletTrackerGrain>(work.Leaflet.Id).ReportComplete(coverage);
            }
            else
            {
                var above = PropagandaAbove(config, work.Leaflet.Scope) ?? config.Parent ?? CentreAbove(config, work.Leaflet.Scope);
                if (above is null) return true; // nobody above to tell (cannot happen for a leaflet that reached us)
                await _grains.GetUnit(above.Value).ReportCoverage(coverage);
            }
            await _services.Leaflets.MarkReportedAsync(Id, work.Leaflet.Id);
            return true;
        }
        catch (Exception error)
        {
            Log.LeafletStepFailed(_logger, error, Id, work.Leaflet.Id);
            return false;
        }
    }

    /// <summary>
    /// The copy of a leaflet for an unaware group: no issuer, and no scope unless the group itself is the scope (it may
    /// know its own name). Its subtree's coverage still goes up to its parent, which the group's grain knows; its members
    /// never see it.
    /// </summary>
    internal static Leaflet ForUnaware(Leaflet leaflet, string unit) =>
        leaflet with { Issuer = "", Scope = leaflet.Scope == unit ? unit : "" };

    /// <summary>Set when this activation saw the unit come back from being cut off: open leaflets ask whether they were closed.</summary>
    private bool _backFromCutOff;

    /// <summary>Why this unit cannot serve its own routes now; none when it can (or has no routes to serve).</summary>
    private static string? CutOffReason(UnitConfig config) =>
        config.RouteMembers.Count == 0 ? null : Organization.CutOffReasons.Of(config);

    public void NoteCutOffChange(UnitConfig? before, UnitConfig after)
    {
        if (before is { CutOff: true } && !after.CutOff) _backFromCutOff = true;
    }

    /// <summary>Tells the tracker once per reason; false when the tracker could not be told (the pump retries).</summary>
    private async Task<bool> ReportHeldAsync(LeafletWork work, string reason)
    {
        if (work.HeldBecause == reason) return true;
        try
        {
            await _grains.GetGrain<ILeafletTrackerGrain>(work.Leaflet.Id).ReportHeld(Id, reason);
            work.HeldBecause = reason;
            work.WasHeld = true;
            return true;
        }
        catch (Exception error)
        {
            Log.LeafletStepFailed(_logger, error, Id, work.Leaflet.Id);
            return false;
        }
    }

    /// <summary>
    /// A unit that held a leaflet (or came back in this activation) asks the tracker once whether an officer closed it;
    /// a closed leaflet is not delivered any more, and the unit reports its subtree as it stands. False on failure.
    /// </summary>
    private async Task<bool> CheckClosedAsync(LeafletWork work)
    {
        if (work.ClosureChecked || work.HeldBecause is null && !_backFromCutOff) return true;
        try
        {
            work.Closed = await _grains.GetGrain<ILeafletTrackerGrain>(work.Leaflet.Id).IsClosed();
            work.ClosureChecked = true;
            work.HeldBecause = null;
            return true;
        }
        catch (Exception error)
        {
            Log.LeafletStepFailed(_logger, error, Id, work.Leaflet.Id);
            return false;
        }
    }
}
