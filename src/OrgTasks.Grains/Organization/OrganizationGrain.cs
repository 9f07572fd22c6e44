using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Pumping;

namespace OrgTasks.Grains.Organization;

/// <summary>
/// The organization directory. Apply is rare and whole-file; everything on the hot path (statements, leaflets)
/// goes unit to unit and never through here, except a leaflet's one question about its scope.
/// </summary>
public sealed partial class OrganizationGrain(
    [PersistentState("organization", OrgTasksStorage.Name)] IPersistentState<OrganizationState> state,
    [PersistentState("organization-life", OrgTasksStorage.Name)] IPersistentState<OrganizationLife> life,
    OrgTasksServices services,
    ILogger<OrganizationGrain> logger)
    : Grain, IOrganizationGrain, IActingGrain
{
    private OrganizationTree? _tree;
    private EffectiveOrganization? _effective;

    public Actor Actor => ActorOf(this.GetPrimaryKeyString());

    private const string ActorPrefix = "organization:";

    /// <summary>The identity an organization's directory acts as when it configures and dissolves units and agents.</summary>
    public static Actor ActorOf(string organization) => Actor.System(ActorPrefix + organization);

    /// <summary>The organization whose directory <paramref name="caller"/> is, or null for any other caller.</summary>
    public static string? OrganizationOf(Actor caller) =>
        caller.Kind == ActorKind.System && caller.Id.StartsWith(ActorPrefix, StringComparison.Ordinal) ? caller.Id[ActorPrefix.Length..] : null;

    /// <summary>The tree as it is now (the file with its life applied): contacts, members and routes after arrests.</summary>
    private OrganizationTree? Tree => _tree ??= Effective is { } effective ? new OrganizationTree(effective.ToPlan()) : null;

    private EffectiveOrganization? Effective => _effective ??= state.State.Plan is { } plan ? LifeRules.Apply(plan, life.State) : null;

    public async Task<ApplyReport> Apply(OrganizationPlan plan)
    {
        var caller = Callers.Require();
        var actor = Audit.Auditor.CurrentActor(); // before this grain's own calls, which act as the organization
        if (caller.Kind != ActorKind.Operator)
            throw new AccessDeniedException($"{caller} may not apply the organization file");
        if (plan is null) throw new InvalidRequestException("the call carries no plan");
        var name = this.GetPrimaryKeyString();
        // The file's rules again, here where the plan is received: a client need not have run them (or be ours).
        PlanRules.Check(plan, name, services.Options);

        var unitPrints = plan.Units.ToDictionary(u => u.Unit.Id, Fingerprint.Of, StringComparer.Ordinal);
        var agentPrints = plan.Agents.ToDictionary(a => a.Id, Fingerprint.Of, StringComparer.Ordinal);
        var old = state.State;
        var unitsAdded = plan.Units.Where(u => !old.UnitPrints.ContainsKey(u.Unit.Id)).ToList();
        var unitsChanged = plan.Units.Where(u => old.UnitPrints.TryGetValue(u.Unit.Id, out var p) && p != unitPrints[u.Unit.Id]).ToList();
        var unitsRemoved = old.UnitPrints.Keys.Where(id => !unitPrints.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var agentsAdded = plan.Agents.Where(a => !old.AgentPrints.ContainsKey(a.Id)).ToList();
        var agentsChanged = plan.Agents.Where(a => old.AgentPrints.TryGetValue(a.Id, out var p) && p != agentPrints[a.Id]).ToList();
        var agentsRemoved = old.AgentPrints.Keys.Where(id => !agentPrints.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();

        await RefuseForeignAsync(name, unitsAdded, agentsAdded);

        // What is sent is the effective organization (the file with its life applied), and only what differs from
        // what each unit and agent was sent last.
        var effective = LifeRules.Apply(plan, life.State);
        var (pushUnits, pushAgents, overrides) = Differences(effective, unitPrints, agentPrints, old.UnitPrints, old.AgentPrints);

        await PushAsync(pushAgents, pushUnits);
        await FanOut.ForEachAsync(agentsRemoved, services.Options.FanOutLimit, id => GrainFactory.GetByKey<IAgentGrain>(id).Dissolve());
        var oldUnits = old.Plan?.Units.ToDictionary(u => u.Unit.Id) ?? [];
        await FanOut.ForEachAsync(unitsRemoved, services.Options.FanOutLimit, id => GrainFactory.GetUnit(oldUnits[id].Unit).Dissolve());

        var report = new ApplyReport
        {
            Organization = name,
            UnitsAdded = unitsAdded.Select(u => u.Unit.Id).ToList(),
            UnitsChanged = unitsChanged.Select(u => u.Unit.Id).ToList(),
            UnitsRemoved = unitsRemoved,
            AgentsAdded = agentsAdded.Select(a => a.Id).ToList(),
            AgentsChanged = agentsChanged.Select(a => a.Id).ToList(),
            AgentsRemoved = agentsRemoved,
            UnitCount = plan.Units.Count,
            AgentCount = plan.Agents.Count,
            HomeCount = plan.Units.Sum(u => u.OwnHomes),
        };
        if (!report.NothingChanged || old.Plan is null)
        {
            state.State = new OrganizationState { Plan = plan, UnitPrints = unitPrints, AgentPrints = agentPrints };
            await state.WriteStateAsync();
            Log.Applied(logger, name, pushUnits.Count + unitsRemoved.Count, agentsAdded.Count + agentsChanged.Count + agentsRemoved.Count);
        }
        await services.Audit.RecordAsAsync(actor, "apply", name, report.NothingChanged
            ? "nothing changed"
            : $"units +{report.UnitsAdded.Count} ~{report.UnitsChanged.Count} -{report.UnitsRemoved.Count}, agents +{report.AgentsAdded.Count} ~{report.AgentsChanged.Count} -{report.AgentsRemoved.Count}");
        if (!overrides.OrderBy(p => p.Key).SequenceEqual(life.State.Overrides.OrderBy(p => p.Key)))
        {
            life.State.Overrides = overrides;
            await life.WriteStateAsync();
        }
        _effective = effective;
        _tree = null;
        await GrainFactory.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key).Register(name, plan.Committee, plan.Units.Select(u => u.Unit).ToList());
        await GrainFactory.GetGrain<IRoutineGrain>(name).Start(); // the committee's routine runs from the first apply
        return report;
    }

    /// <summary>
    /// Sends the units and agents whose configuration changed their new one: agents first, so that a unit that hands
    /// statements to a new contact finds the contact already knowing it. Straight from the directory, both: units used to
    /// configure their own agents, and that nesting (each unit activating, writing, then activating its agents) made
    /// the first apply of the 1M city 0.4–0.9 s slower than one window of calls from here (measured in memory).
    /// </summary>
    private async Task PushAsync(IReadOnlyList<AgentConfig> agents, IReadOnlyList<UnitConfig> units)
    {
        await FanOut.ForEachAsync(agents, services.Options.FanOutLimit, agent => GrainFactory.GetByKey<IAgentGrain>(agent.Id).Configure(agent));
        await FanOut.ForEachAsync(units, services.Options.FanOutLimit, unit => GrainFactory.GetUnit(unit.Unit).Configure(unit));
    }

    public Task<IReadOnlyList<UnitSummary>> Describe(string? unitId)
    {
        var tree = RequireTree();
        RequireOfficer("see the tree of");
        var root = string.IsNullOrWhiteSpace(unitId) ? tree.Plan.Committee : unitId;
        if (!tree.Contains(root)) throw new NotFoundException($"organization '{this.GetPrimaryKeyString()}' has no unit '{root}'");
        return Task.FromResult(tree.Subtree(root));
    }

    public Task<IReadOnlyList<UnitSummary>> GetScope(string issuer, string scope)
    {
        var tree = RequireTree();
        if (!tree.Contains(scope)) throw new NotFoundException($"organization '{this.GetPrimaryKeyString()}' has no unit '{scope}'");
        if (!tree.IsAncestorOrSelf(issuer, scope))
            throw new InvalidRequestException($"'{issuer}' may not issue leaflets to '{scope}': it is not in {issuer}'s subtree");
        return Task.FromResult(tree.Subtree(scope));
    }

    public Task<string?> GetCommittee() => Task.FromResult(state.State.Plan?.Committee);

    /// <summary>The whole tree (every contact, member and route) is for the committee's officers and operators.</summary>
    private void RequireOfficer(string what)
    {
        var caller = Callers.Require();
        if (caller.Kind is ActorKind.Operator or ActorKind.System or ActorKind.Unit) return;
        var effective = Effective;
        if (caller.Kind == ActorKind.Agent && effective is not null && Officers.IsOfficer(effective.Units[effective.Plan.Committee], caller.Id)) return;
        throw new AccessDeniedException($"{caller} may not {what} organization '{this.GetPrimaryKeyString()}': only the committee's officers may");
    }

    private OrganizationTree RequireTree() =>
        Tree ?? throw new NotFoundException($"organization '{this.GetPrimaryKeyString()}' has not been applied");

    public Task<IReadOnlyList<string>> Claims(IReadOnlyList<UnitRef> units, IReadOnlyList<string> agents)
    {
        if (state.State.Plan is not { } plan) return Task.FromResult<IReadOnlyList<string>>([]);
        var name = this.GetPrimaryKeyString();
        var mine = plan.Units.ToDictionary(u => u.Unit.Id, u => u.Unit.Kind, StringComparer.Ordinal);
        var claimed = units
            .Where(u => mine.TryGetValue(u.Id, out var kind) && !(u.Kind.IsCentre() && kind == u.Kind))
            .Select(u => $"unit '{u.Id}' belongs to organization '{name}'")
            .Concat(agents.Where(state.State.AgentPrints.ContainsKey).Select(a => $"agent '{a}' belongs to organization '{name}'"))
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(claimed);
    }

    /// <summary>
    /// A new unit or agent id already used by another organization in this cluster is refused before anything changes.
    /// Each other organization's directory answers for its own ids (one call each), instead of asking every new unit and
    /// agent grain for its configuration: that activated all of them (28,000 calls for the 1M city) before they were
    /// configured. The units and agents still refuse a configuration from a second organization themselves.
    /// </summary>
    private async Task RefuseForeignAsync(string name, List<UnitConfig> units, List<AgentConfig> agents)
    {
        if (units.Count == 0 && agents.Count == 0) return;
        var others = (await GrainFactory.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key).List()).Keys
            .Where(other => other != name).ToList();
        if (others.Count == 0) return;
        var unitRefs = units.Select(u => u.Unit).ToList();
        var agentIds = agents.Select(a => a.Id).ToList();
        var answers = await Task.WhenAll(others.Select(other => GrainFactory.GetGrain<IOrganizationGrain>(other).Claims(unitRefs, agentIds)));
        var foreign = answers.SelectMany(a => a).Order(StringComparer.Ordinal).ToList();
        if (foreign.Count > 0)
            throw new InvalidRequestException("nothing was applied: " + string.Join("; ", foreign.Take(10)));
    }
}
