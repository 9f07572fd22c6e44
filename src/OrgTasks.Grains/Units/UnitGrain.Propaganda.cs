using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Units;

/// <summary>
/// "The propagandists' group uses the district groups": a propaganda group's own leaflet, once the committee approves
/// it, goes to the district groups the file names (<c>delivers-through</c>) and on to their distributors; the districts
/// report their coverage back to the propaganda group, so the tracker's picture is the same as for any leaflet.
/// </summary>
public abstract partial class UnitGrain
{
    /// <summary>
    /// The committee above a propaganda group that delivers through districts approves its material: the draft names the
    /// committee (<see cref="LeafletDraft.ApprovedBy"/>), and the caller is that committee, one of its officers or an
    /// operator acting for it. Returns the approving committee, or null when the draft asks for no approval.
    /// </summary>
    private async Task<string?> ApprovalAsync(UnitConfig config, Actor caller, LeafletDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.ApprovedBy)) return caller.Kind == ActorKind.Unit && IsApprovingCommittee(config, caller.Id) ? caller.Id : null;
        if (!IsApprovingCommittee(config, draft.ApprovedBy))
            throw new InvalidRequestException($"'{draft.ApprovedBy}' does not approve the material of '{Id}': only the committee above a propaganda group that delivers through district groups does");
        if (caller.Kind is ActorKind.Operator or ActorKind.System || caller.IsUnit(draft.ApprovedBy)) return draft.ApprovedBy;
        // Read as this unit: the committee's composition is not the caller's to read.
        var committee = caller.Kind == ActorKind.Agent ? await GrainFactory.GetUnit(config.Parent!.Value).GetConfig() : null;
        if (committee is null || !Officers.IsOfficer(committee, caller.Id))
            throw new AccessDeniedException($"{caller} may not approve material for committee '{draft.ApprovedBy}': only its officers may");
        return draft.ApprovedBy;
    }

    private static bool IsApprovingCommittee(UnitConfig config, string committee) =>
        config.DeliversThrough.Count > 0 && config.Parent is { Kind: UnitKind.Committee } parent && parent.Id == committee;

    /// <summary>Material for the districts needs the committee's approval: the propaganda group alone may not send it there.</summary>
    private void RequireApproval(UnitConfig config, Actor caller, string scope, string? approvedBy)
    {
        if (scope != Id || config.DeliversThrough.Count == 0 || approvedBy is not null) return;
        if (caller.Kind is ActorKind.Operator or ActorKind.System) return; // an operator acting for the committee
        throw new AccessDeniedException(
            $"{caller} may not send material of '{Id}' through the district groups: the committee '{config.Parent?.Id}' approves it (--approved-by)");
    }
}
