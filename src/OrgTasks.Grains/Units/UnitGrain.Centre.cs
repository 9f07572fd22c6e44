using OrgTasks.Grains.Organization;

namespace OrgTasks.Grains.Units;

/// <summary>
/// One centre, many committees: the Central Committee and the Central Organ are shared by every organization (city) of
/// the cluster that names them. Each organization configures its part (its committee as a child); the unit's
/// configuration is the merge, so statements from every committee's contact arrive in one inbox and a leaflet from
/// the centre to itself reaches every committee.
/// </summary>
public abstract partial class UnitGrain
{
    /// <summary>Records one organization's part and returns the merged configuration (the first organization by name leads).</summary>
    private UnitConfig MergeCentre(UnitConfig part)
    {
        State.CentreParts[part.Organization] = part;
        return MergedCentre();
    }

    /// <summary>
    /// One organization no longer names this central body (its file dropped the centre): only its part goes. Returns
    /// the merge of the other organizations' parts, or null when none is left and the unit is dissolved. The
    /// organization is the proven caller (its directory's actor, <see cref="OrganizationGrain.ActorOf"/>); any other
    /// silo-internal caller dissolves the whole unit.
    /// </summary>
    private UnitConfig? LeaveCentre(Actor caller)
    {
        if (OrganizationGrain.OrganizationOf(caller) is { } organization)
            State.CentreParts.Remove(organization);
        else
            State.CentreParts.Clear();
        return State.CentreParts.Count == 0 ? null : MergedCentre();
    }

    private UnitConfig MergedCentre()
    {
        var parts = State.CentreParts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList();
        var lead = parts[0];
        return lead with
        {
            Children = parts.SelectMany(p => p.Children).ToList(),
            SubtreeHomes = parts.Sum(p => p.SubtreeHomes),
            OwnHomes = parts.Sum(p => p.OwnHomes),
        };
    }

    /// <summary>
    /// The units a leaflet from this unit to <paramref name="scopeId"/> must reach, parents first. A central body issuing
    /// to itself reaches every committee that names it (one tracker for all); to a unit below, that unit's organization.
    /// </summary>
    private async Task<IReadOnlyList<UnitSummary>> ScopeAsync(UnitConfig config, string scopeId)
    {
        if (!config.Unit.Kind.IsCentre())
            return await GrainFactory.GetGrain<IOrganizationGrain>(config.Organization).GetScope(Id, scopeId);
        if (scopeId != Id)
        {
            var location = await GrainFactory.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key).FindUnit(scopeId)
                ?? throw new NotFoundException($"no unit '{scopeId}' in any applied organization");
            if (!State.CentreParts.ContainsKey(location.Organization))
                throw new InvalidRequestException($"'{Id}' may not issue leaflets to '{scopeId}': its organization '{location.Organization}' is not under {Id}");
            return await GrainFactory.GetGrain<IOrganizationGrain>(location.Organization).GetScope(Id, scopeId);
        }
        var all = new List<UnitSummary>();
        foreach (var organization in State.CentreParts.Keys.Order(StringComparer.Ordinal))
        {
            var units = await GrainFactory.GetGrain<IOrganizationGrain>(organization).GetScope(Id, Id);
            all.AddRange(all.Count == 0 ? units : units.Where(u => u.Unit.Id != Id)); // the centre itself once, first
        }
        return all;
    }
}
