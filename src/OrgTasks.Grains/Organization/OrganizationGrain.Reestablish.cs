namespace OrgTasks.Grains.Organization;

/// <summary>
/// Re-establishing a group lost to arrests, from its deposit opened by the centre (outside the cluster, with the
/// centre's private key). Only the latest deposit is accepted, so a stale list cannot bring back a group as it was.
/// </summary>
public sealed partial class OrganizationGrain
{
    public async Task<LifeReport> Reestablish(string group, string delegateAgent, DepositContents deposit)
    {
        RequireCommitteeOrCentre("re-establish a group");
        var effective = RequireEffective();
        ArgumentNullException.ThrowIfNull(deposit);
        if (!effective.Units.TryGetValue(group, out var unit) || unit.Unit.Kind.IsCentre() || unit.Unit.Kind == UnitKind.Committee)
            throw new NotFoundException($"organization '{Name}' has no group '{group}'");
        if (deposit.Group != group || deposit.Organization != Name)
            throw new InvalidRequestException($"the deposit is the list of '{deposit.Organization}/{deposit.Group}', not of '{Name}/{group}'");
        if (string.IsNullOrWhiteSpace(delegateAgent)) throw new InvalidRequestException("re-establishing needs the Central Committee's delegate (--delegate)");
        RequireNotLost(delegateAgent);
        var latest = await GrainFactory.GetGrain<IDepositGrain>(group).GetLatest()
            ?? throw new InvalidRequestException($"group '{group}' has no deposit with the centre");
        if (latest.Version != deposit.Version)
            throw new InvalidRequestException($"the deposit opened is version {deposit.Version}; the latest of '{group}' is version {latest.Version}");
        var unknown = deposit.Members.Select(m => m.Agent).Where(a => !effective.Agents.ContainsKey(a) && a != delegateAgent).ToList();
        if (unknown.Count > 0)
            throw new InvalidRequestException($"the deposit names agents the organization does not have: {string.Join(", ", unknown.Take(5))}");
        foreach (var member in deposit.Members)
        {
            var route = effective.Agents[member.Agent].Route;
            var homes = member.Addresses.Count + member.SyntheticHomes;
            if (homes != route.HomeCount)
                throw new InvalidRequestException($"the deposit gives {member.Agent} {homes} homes; the route has {route.HomeCount}");
        }

        var again = new Reestablishment
        {
            Delegate = delegateAgent,
            Members = deposit.Members.Select(m => m.Agent).ToList(),
            Alternates = deposit.Alternates.ToList(),
            DepositVersion = deposit.Version,
            At = services.Clock.GetUtcNow(),
        };
        return await ChangeAsync("re-established", group, l =>
        {
            if (l.Reestablished.TryGetValue(group, out var before) && before.Delegate == again.Delegate
                && before.DepositVersion == again.DepositVersion) return false;
            l.Reestablished[group] = again;
            if (!l.Delegates.TryGetValue(group, out var delegates)) l.Delegates[group] = delegates = [];
            if (!delegates.Contains(delegateAgent)) delegates.Add(delegateAgent);
            return true;
        });
    }
}
