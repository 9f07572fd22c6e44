using OrgTasks.Client.Connection;

namespace OrgTasks.Client;

/// <summary>
/// The organization's life from a client: arrests, warnings, co-optation, delegates, the centre's key and
/// re-establishment, notices and need-to-know views. The organization is found from the agent or unit named, so a
/// caller never has to know which organization of the cluster it belongs to.
/// </summary>
public sealed partial class OrgTasksClient
{
    public async Task<LifeReport> ArrestAsync(string agent, CancellationToken cancellation = default) =>
        await LifeOfAgentAsync(agent, life => life.Arrest(agent), cancellation);

    /// <summary>Arrests several agents of one organization at once (one recomputation for all of them).</summary>
    public async Task<LifeReport> ArrestAllAsync(IReadOnlyList<string> agents, CancellationToken cancellation = default)
    {
        if (agents.Count == 0) throw new InvalidRequestException("no agent named");
        return await LifeOfAgentAsync(agents[0], life => life.ArrestAll(agents), cancellation);
    }

    /// <summary>Releases several arrested agents of one organization at once.</summary>
    public async Task<LifeReport> ReleaseAllAsync(IReadOnlyList<string> agents, CancellationToken cancellation = default)
    {
        if (agents.Count == 0) throw new InvalidRequestException("no agent named");
        return await LifeOfAgentAsync(agents[0], life => life.ReleaseAll(agents), cancellation);
    }

    public async Task<LifeReport> ReleaseAsync(string agent, CancellationToken cancellation = default) =>
        await LifeOfAgentAsync(agent, life => life.Release(agent), cancellation);

    public async Task<LifeReport> WarnAsync(string suspect, string reason, CancellationToken cancellation = default) =>
        await LifeOfAgentAsync(suspect, life => life.Warn(suspect, reason), cancellation);

    public async Task<LifeReport> ClearAsync(string agent, CancellationToken cancellation = default) =>
        await LifeOfAgentAsync(agent, life => life.Clear(agent), cancellation);

    public async Task<Proposal> ProposeAsync(string committee, string agent, string function, bool executive = false) =>
        await As(Operator, async () => await (await LifeOfUnitAsync(committee)).Propose(agent, function, executive));

    public async Task<Proposal> VoteAsync(string committee, string proposal, string member, bool yes) =>
        await As(Operator, async () => await (await LifeOfUnitAsync(committee)).Vote(proposal, member, yes));

    /// <summary>The Central Committee consents to <paramref name="committee"/>.</summary>
    public async Task<LifeReport> ConsentAsync(string committee) =>
        await As(Operator, async () => await (await LifeOfUnitAsync(committee)).Consent());

    /// <summary>Details <paramref name="agent"/> to <paramref name="unit"/> as <paramref name="by"/> (the operator when none is given).</summary>
    public async Task<LifeReport> DetailDelegateAsync(string agent, string unit, Actor? by = null)
    {
        var life = await LifeOfUnitAsync(unit);
        return await As(by ?? Operator, () => life.DetailDelegate(agent, unit));
    }

    /// <summary>Installs the centre's public key in every organization of the cluster (or the one named).</summary>
    public async Task<IReadOnlyList<LifeReport>> InstallCentreKeyAsync(byte[] publicKey, string? organization = null)
    {
        var names = organization is { Length: > 0 } ? [organization] : (await ListOrganizationsAsync()).Keys.ToList();
        if (names.Count == 0) throw new NotFoundException("no organization has been applied to this cluster");
        var reports = new List<LifeReport>();
        foreach (var name in names)
            reports.Add(await As(Operator, () => Grains.GetGrain<IOrganizationGrain>(name).InstallCentreKey(publicKey)));
        return reports;
    }

    /// <summary>The latest sealed deposit of <paramref name="group"/>; only the centre's private key opens it.</summary>
    public async Task<SealedDeposit?> GetDepositAsync(string group)
    {
        await FindUnitAsync(group);
        return await As(Operator, () => Grains.GetGrain<IDepositGrain>(group).GetLatest());
    }

    public async Task<LifeReport> ReestablishAsync(string group, string delegateAgent, DepositContents deposit) =>
        await As(Operator, async () => await (await LifeOfUnitAsync(group)).Reestablish(group, delegateAgent, deposit));

    /// <summary>The life of the organization a unit belongs to (the committee's own, for a committee id).</summary>
    public async Task<LifeView> GetLifeAsync(string unit) =>
        await As(Operator, async () => await (await LifeOfUnitAsync(unit)).GetLife());

    /// <summary>A unit's notices, read as <paramref name="reader"/> (an operator when none is given).</summary>
    public async Task<IReadOnlyList<Notice>> GetNoticesAsync(string unit, Actor? reader = null, int limit = 100)
    {
        var location = await FindUnitAsync(unit);
        return await As(reader ?? Operator, () => Grains.GetUnit(location.Unit).GetNotices(limit));
    }

    /// <summary>A unit's composition and activity as <paramref name="reader"/> may see it (everything for an operator).</summary>
    public async Task<GroupView> GetCompositionAsync(string unit, Actor? reader = null)
    {
        var location = await FindUnitAsync(unit);
        return await As(reader ?? Operator, () => Grains.GetUnit(location.Unit).GetComposition());
    }

    /// <summary>The organization an agent belongs to, from the agent's own configuration.</summary>
    public async Task<string> FindAgentOrganizationAsync(string agent)
    {
        if (string.IsNullOrWhiteSpace(agent)) throw new InvalidRequestException("no agent named");
        // An agent's credential names its organization, where its officer's acts belong; another agent's configuration is
        // not its to read.
        if (Holder is { Role: CredentialRole.Agent } holder)
        {
            // Only a committee member's credential names the organization (see CredentialAuthorityGrain.Issue).
            return holder.Organization.Length > 0
                ? holder.Organization
                : throw new AccessDeniedException($"agent:{holder.Subject} may not act for its organization: only the committee's members may "
                    + "(a member co-opted since its credential was issued needs a new one)");
        }
        var config = await As(Operator, () => Grains.GetGrain<IAgentGrain>(agent).GetConfig());
        return config?.Organization ?? throw new NotFoundException($"no agent '{agent}' in any applied organization");
    }

    private async Task<T> LifeOfAgentAsync<T>(string agent, Func<IOrganizationGrain, Task<T>> call, CancellationToken cancellation)
    {
        var organization = await FindAgentOrganizationAsync(agent);
        return await Transient.RetryAsync(() => As(Operator, () => call(Grains.GetGrain<IOrganizationGrain>(organization))),
            budget: null, attemptLimit: null, cancellation, Retrying);
    }

    private async Task<IOrganizationGrain> LifeOfUnitAsync(string unit)
    {
        var location = await FindUnitAsync(unit);
        return Grains.GetGrain<IOrganizationGrain>(OrganizationOf(location));
    }
}
