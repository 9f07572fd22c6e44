namespace OrgTasks.Grains.Units;

/// <summary>
/// "The propagandists' group uses the district groups": a propaganda group's own leaflet, once the committee approves
/// it, goes to the district groups the file names (<c>delivers-through</c>) and on to their distributors; the districts
/// report their coverage back to the propaganda group, so the tracker's picture is the same as for any leaflet.
/// </summary>
public abstract partial class UnitGrain
{
    /// <summary>The units a leaflet goes to from here: the children, and for a propaganda group's own leaflet its districts.</summary>
    private IReadOnlyList<ChildLink> DeliveryChildren(UnitConfig config, Leaflet leaflet) =>
        leaflet.Scope == Id && config.DeliversThrough.Count > 0 ? [.. config.Children, .. config.DeliversThrough] : config.Children;

    /// <summary>The propaganda group a district carries this leaflet for (the leaflet's scope), if any.</summary>
    private static UnitRef? PropagandaAbove(UnitConfig config, string scope) =>
        config.CarriesFor.FirstOrDefault(p => p.Id == scope) is { Id: not null } found ? found : null;

    /// <summary>The committee above a propaganda group that delivers through districts approves its material by issuing it.</summary>
    private static bool ApprovesPropaganda(UnitConfig config, Actor caller) =>
        config.DeliversThrough.Count > 0 && config.Parent is { Kind: UnitKind.Committee } committee && caller.IsUnit(committee.Id);

    /// <summary>Material for the districts needs the committee's approval: the propaganda group alone may not send it there.</summary>
    private void RequireApproval(UnitConfig config, Actor caller, string scope)
    {
        if (scope != Id || config.DeliversThrough.Count == 0 || ApprovesPropaganda(config, caller)) return;
        if (caller.Kind is ActorKind.Operator or ActorKind.System) return; // an operator acting for the committee
        throw new AccessDeniedException(
            $"{caller} may not send material of '{Id}' through the district groups: the committee '{config.Parent?.Id}' approves it by issuing it");
    }
}
