using OrgTasks.Grains.Checks;
using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Units;

/// <summary>
/// The unit's leaflet calls: who may issue, send and report, checked here; the work itself is the unit's
/// <see cref="LeafletRelay"/>.
/// </summary>
public abstract partial class UnitGrain
{
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
        if (scope.Id == Id) await Relay.AcceptAsync(leaflet);
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
        return await Relay.AcceptAsync(leaflet, waitForPass: fromAbove);
    }

    public Task ReportCoverage(SubtreeCoverage coverage)
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        ArgumentNullException.ThrowIfNull(coverage);
        if (!caller.IsUnit(coverage.Unit) || config.Children.Concat(config.DeliversThrough).All(c => c.Unit.Id != coverage.Unit))
            throw new AccessDeniedException($"{caller} may not report coverage of '{coverage.Unit}' to '{Id}'");
        Relay.NoteChildCoverage(coverage);
        return Task.CompletedTask;
    }

    public Task RouteDelivered(string leafletId, RouteShare share, RouteDelivery delivery)
    {
        var caller = Callers.Require();
        if (leafletId is null || share is null || delivery is null) throw new InvalidRequestException("the notice carries no leaflet, share or delivery");
        RequireCarrier(caller, share, "delivery");
        if (delivery.Route != share.Route)
            throw new AccessDeniedException($"{caller} may not report the delivery of route '{share.Route}' to '{Id}'");
        Services.RouteNotices.Delivered(Id, leafletId, share.Key, delivery);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Only the distributor of a share may say what became of it; the wait its notice ends is this unit's own, for
    /// exactly this share of this leaflet, so a notice nobody waits for changes nothing.
    /// </summary>
    private void RequireCarrier(Actor caller, RouteShare share, string what)
    {
        if (caller.Kind != ActorKind.Agent || caller.Id != share.Carrier)
            throw new AccessDeniedException($"{caller} may not report the {what} of route '{share.Route}' to '{Id}'");
    }

    /// <summary>The most of a distributor's reason a unit keeps.</summary>
    private const int MaxReasonLength = 500;

    public Task RouteRefused(string leafletId, RouteShare share, string reason)
    {
        var caller = Callers.Require();
        if (leafletId is null || share is null || reason is null) throw new InvalidRequestException("the notice carries no leaflet, share or reason");
        RequireCarrier(caller, share, "refusal");
        // The reason goes into this unit's log: a bounded line, whatever the distributor's exception said.
        var said = reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength] + "…";
        Services.RouteNotices.Failed(Id, leafletId, share.Key, new OrgTasksException($"{caller} could not deliver route '{share.Route}': {said}"));
        return Task.CompletedTask;
    }

    /// <summary>Who may send this unit a leaflet: its parent, the issuer when this unit is the scope, a central body above.</summary>
    private static bool MaySendLeaflet(UnitConfig config, Actor caller, Leaflet leaflet)
    {
        if (caller.Kind == ActorKind.System) return true; // a tracker resuming an unfinished leaflet after a restart
        if (config.Parent is { } parent && caller.IsUnit(parent.Id)) return true;
        if (leaflet.Scope == config.Unit.Id && caller.IsUnit(leaflet.Issuer)) return true;
        if (LeafletRelay.PropagandaAbove(config, leaflet.Scope) is { } propaganda && caller.IsUnit(propaganda.Id)) return true;
        return LeafletRelay.CentreAbove(config, caller.Id) is not null && caller.Kind == ActorKind.Unit;
    }
}
