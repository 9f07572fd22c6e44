using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Leaflets;

/// <summary>
/// Homes that are pending: units that hold the leaflet because they are cut off (with the reason), and an officer's
/// decision to close the leaflet before every home has it. "Complete" stays reserved for every home reached.
/// </summary>
public sealed partial class LeafletTrackerGrain
{
    public async Task ReportHeld(string unit, string reason)
    {
        var caller = Callers.Require();
        if (caller.Kind != ActorKind.Unit || caller.Id != unit || !UnitIds.Contains(unit))
            throw new AccessDeniedException($"{caller} may not report '{unit}' as holding leaflet '{this.GetPrimaryKeyString()}'");
        if (string.IsNullOrWhiteSpace(reason)) throw new InvalidRequestException("a held leaflet needs a reason");
        RequireLeaflet();
        // A unit held again for the same reason (a resumed leaflet, a restarted unit) writes nothing.
        if (state.State.Held.TryGetValue(unit, out var known) && known == reason) return;
        state.State.Held[unit] = reason;
        await state.WriteStateAsync();
        PictureMoved();
    }

    public async Task<LeafletStatus> Close(string reason)
    {
        var leaflet = RequireLeaflet();
        var caller = Callers.Require();
        await RequireOfficerAsync(caller, leaflet);
        if (string.IsNullOrWhiteSpace(reason)) throw new InvalidRequestException("closing a leaflet needs a reason");
        if (reason.Length > 2000 || reason.Contains('\0'))
            throw new InvalidRequestException("the reason must be at most 2,000 characters, without NUL");
        if (state.State.Complete is not null)
            throw new InvalidRequestException($"leaflet '{leaflet.Id}' is complete: every home has it, nothing is left to close");
        if (state.State.Closed is null)
        {
            await RefreshReportsAsync();
            var now = services.Clock.GetUtcNow();
            var picture = CoveragePicture.Build(leaflet, state.State.Units, _reports, null, now, state.State.Held);
            state.State.Closed = new LeafletClosure
            {
                At = now,
                By = caller.ToString(),
                Reason = reason.Trim(),
                HomesNeverReached = picture.HomesPending,
                UnitsNeverReached = picture.Stragglers.Select(s => s.Unit).ToList(),
            };
            await state.WriteStateAsync();
            PictureMoved();
            await UnregisterAsync();
        }
        return await GetStatus();
    }

    public Task<bool> IsClosed()
    {
        var caller = Callers.Require();
        if (caller.Kind is not (ActorKind.Unit or ActorKind.System or ActorKind.Operator) || caller.Kind == ActorKind.Unit && !UnitIds.Contains(caller.Id))
            throw new AccessDeniedException($"{caller} may not ask about leaflet '{this.GetPrimaryKeyString()}'");
        return Task.FromResult(state.State.Closed is not null);
    }

    /// <summary>
    /// Who may close a leaflet: an operator, the issuing unit, a central body above it, or a free member of the issuing
    /// committee or central body. One small method on the acting identity, so an identity rewrite replaces it whole.
    /// </summary>
    private async Task RequireOfficerAsync(Actor caller, Leaflet leaflet)
    {
        if (caller.Kind is ActorKind.Operator or ActorKind.System || caller.IsUnit(leaflet.Issuer)) return;
        var issuer = state.State.Units.Count > 0 ? await IssuerConfigAsync(leaflet) : null;
        if (issuer is not null)
        {
            if (caller.Kind == ActorKind.Unit && (issuer.CentralCommittee?.Id == caller.Id || issuer.CentralOrgan?.Id == caller.Id)) return;
            if (caller.Kind == ActorKind.Agent && (issuer.Unit.Kind == UnitKind.Committee || issuer.Unit.Kind.IsCentre())
                && Officers.IsFreeMember(issuer, caller.Id)) return;
        }
        throw new AccessDeniedException($"{caller} may not close leaflet '{leaflet.Id}': only an officer of '{leaflet.Issuer}' or the centre may");
    }

    private async Task<UnitConfig?> IssuerConfigAsync(Leaflet leaflet)
    {
        var location = await GrainFactory.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key).FindUnit(leaflet.Issuer);
        return location is null ? null : await GrainFactory.GetUnit(location.Unit).GetConfig();
    }
}
