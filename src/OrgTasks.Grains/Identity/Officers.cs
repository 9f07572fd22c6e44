namespace OrgTasks.Grains.Identity;

/// <summary>
/// Who holds office in a unit, one rule for every grain:
/// - the committee's officers are its free members in the executive group or with the function <c>secretary</c>;
/// - a central body's officers are its free members;
/// - a group's officer is its appointed contact (while free).
/// </summary>
public static class Officers
{
    public const string SecretaryFunction = "secretary";

    public static bool IsFreeMember(UnitConfig unit, string agent) =>
        unit.Members.Contains(agent) && !unit.Lost.Contains(agent);

    public static bool IsOfficer(UnitConfig unit, string agent) => unit.Unit.Kind switch
    {
        UnitKind.Committee => IsFreeMember(unit, agent) && (unit.Executive.Contains(agent) || IsSecretary(unit, agent)),
        UnitKind.CentralCommittee or UnitKind.CentralOrgan => IsFreeMember(unit, agent),
        _ => unit.Contact == agent && !unit.Lost.Contains(agent),
    };

    /// <summary>
    /// Whether <paramref name="caller"/> is an agent holding office in <paramref name="unit"/>, found wherever the unit is.
    /// The grain asking looks the unit up as itself (an <see cref="IActingGrain"/>): the unit's configuration is not the
    /// caller's to read.
    /// </summary>
    public static async Task<bool> IsOfficerOfAsync(IGrainFactory grains, string unit, Actor caller) =>
        caller.Kind == ActorKind.Agent
        && await grains.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key).FindUnit(unit) is { } location
        && await grains.GetUnit(location.Unit).GetConfig() is { } config
        && IsOfficer(config, caller.Id);

    /// <summary>The committee's secretary, who alone (beside the operator) issues and revokes its agents' credentials.</summary>
    public static bool IsSecretary(UnitConfig committee, string agent) =>
        IsFreeMember(committee, agent)
        && committee.Functions.TryGetValue(agent, out var function)
        && string.Equals(function.Trim(), SecretaryFunction, StringComparison.OrdinalIgnoreCase);
}
