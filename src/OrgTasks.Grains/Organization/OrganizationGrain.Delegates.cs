using OrgTasks.Grains.Identity;
namespace OrgTasks.Grains.Organization;

/// <summary>
/// Who may detail a delegate, and who may be detailed: the letter gives the committee and the Central Committee the
/// right to send their people into any group, and only people of the organization.
/// </summary>
public sealed partial class OrganizationGrain
{
    /// <summary>
    /// The committee's officers (the committee itself, its free members, an operator acting for it) or the Central
    /// Committee. Takes the acting identity, so an identity rewrite replaces only this method.
    /// </summary>
    private Actor RequireDelegateOfficer(Actor caller)
    {
        if (caller.Kind is ActorKind.Operator or ActorKind.System) return caller;
        var effective = RequireEffective();
        var committee = effective.Units[effective.Plan.Committee];
        if (caller.IsUnit(committee.Unit.Id) || committee.CentralCommittee is { } cc && caller.IsUnit(cc.Id)) return caller;
        if (caller.Kind == ActorKind.Agent && Officers.IsFreeMember(committee, caller.Id)) return caller;
        throw new AccessDeniedException($"{caller} may not detail a delegate: only the committee's officers or the Central Committee may");
    }

    /// <summary>
    /// Members of associated and unaware groups are not members of the organization: they may not be delegates (an
    /// unaware member would learn of the organization). A member of the committee or of a member group may, and so may
    /// an agent of no unit (one of the centre's people listed in the file).
    /// </summary>
    private static void RequireOrganizationMember(EffectiveOrganization effective, string agent)
    {
        var units = effective.Units.Values.Where(u => u.Members.Contains(agent)).ToList();
        if (units.Count == 0 || units.Any(u => u.Affiliation == Affiliation.Member)) return;
        var outside = units.First(u => u.Affiliation != Affiliation.Member);
        throw new InvalidRequestException(
            $"agent '{agent}' may not be a delegate: it is a member of the {outside.Affiliation.ToString().ToLowerInvariant()} group '{outside.Unit.Id}', not of the organization");
    }
}
