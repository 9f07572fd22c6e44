using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Pumping;

namespace OrgTasks.Grains.Organization;

/// <summary>
/// The organization's life: every event is recorded first (so a crash in the middle is finished by the next event or
/// apply), then the units and agents whose effective configuration changed are sent it, agents first.
/// </summary>
public sealed partial class OrganizationGrain
{
    public Task<LifeReport> Arrest(string agent)
    {
        RequireOperatorOrUnit(agent);
        return ChangeStandingAsync(agent, StandingEvent.Arrest, "arrested", reason: null);
    }

    public Task<LifeReport> ArrestAll(IReadOnlyList<string> agents) => RaidAsync(agents, arrest: true);

    public Task<LifeReport> ReleaseAll(IReadOnlyList<string> agents) => RaidAsync(agents, arrest: false);

    /// <summary>
    /// Arrests or releases many agents in one recomputation, each by the same rule as one alone
    /// (<see cref="StandingRules"/>); an agent the rule refuses (a release of one held only by a warning) is passed over.
    /// </summary>
    private async Task<LifeReport> RaidAsync(IReadOnlyList<string> agents, bool arrest)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var distinct = agents.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) throw new InvalidRequestException("no agent named");
        foreach (var agent in distinct) RequireOperatorOrUnit(agent);
        RequireEffective();
        foreach (var agent in distinct) RequireId(agent, "agent");
        var registry = GrainFactory.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key);
        return await ChangeAsync(arrest ? "arrested" : "released", $"{distinct.Count} agent(s)", l =>
        {
            var changed = false;
            foreach (var agent in distinct)
                changed |= StandingRules.Apply(l, agent, arrest ? StandingEvent.Arrest : StandingEvent.Release, null, out _) == StandingOutcome.Changed;
            return changed;
        }, beforePush: () => registry.SetStandings(
            distinct.ToDictionary(a => a, a => life.State.Standings.GetValueOrDefault(a, AgentStanding.Free), StringComparer.Ordinal)));
    }

    public Task<LifeReport> Release(string agent)
    {
        RequireOperatorOrUnit(agent);
        return ChangeStandingAsync(agent, StandingEvent.Release, "released", reason: null);
    }

    /// <summary>Arrests are facts reported to the organization, by an operator or a unit; no agent declares them.</summary>
    private static void RequireOperatorOrUnit(string agent)
    {
        var caller = Callers.Require();
        if (caller.Kind is not (ActorKind.Operator or ActorKind.System or ActorKind.Unit))
            throw new AccessDeniedException($"{caller} may not change whether agent '{agent}' is free");
    }

    public async Task<LifeReport> Warn(string suspect, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new InvalidRequestException("a warning needs a reason");
        if (reason.Length > 2000) throw new InvalidRequestException($"the reason has {reason.Length:N0} characters; at most 2,000 are accepted");
        RequireCommitteeOrCentre("warn about a provocateur");
        var at = services.Clock.GetUtcNow();
        // Recorded with the warning itself (the same write); a repeated warning keeps the first date.
        var firstWarning = !life.State.WarnedAt.ContainsKey(suspect);
        if (firstWarning) life.State.WarnedAt[suspect] = at;
        LifeReport report;
        try { report = await ChangeStandingAsync(suspect, StandingEvent.Warn, "warned about", reason); }
        catch when (firstWarning)
        {
            life.State.WarnedAt.Remove(suspect);
            throw;
        }
        await WarnKnownGroupsAsync(suspect, reason.Trim(), lifted: false);
        await TellCommitteeOfQuarantineAsync(suspect, life.State.WarnedAt[suspect]);
        return report;
    }

    public async Task<LifeReport> Clear(string agent)
    {
        RequireCommitteeOrCentre("lift a warning");
        var report = await ChangeStandingAsync(agent, StandingEvent.Clear, "cleared", reason: null);
        if (life.State.WarnedAt.Remove(agent)) await life.WriteStateAsync();
        await WarnKnownGroupsAsync(agent, "", lifted: true);
        return report;
    }

    public async Task<LifeReport> Consent()
    {
        var caller = Callers.Require();
        var effective = RequireEffective();
        var committee = effective.Units[effective.Plan.Committee];
        if (committee.CentralCommittee is not { } cc)
            throw new InvalidRequestException($"organization '{Name}' has no Central Committee to consent");
        if (caller.Kind != ActorKind.Operator && !caller.IsUnit(cc.Id))
        {
            // A member of the Central Committee speaks for it; nobody else does.
            var centre = caller.Kind == ActorKind.Agent ? await GrainFactory.GetUnit(cc).GetConfig() : null;
            if (centre is null || !Officers.IsFreeMember(centre, caller.Id))
                throw new AccessDeniedException($"{caller} may not consent for the Central Committee '{cc.Id}': only its members may");
        }
        return await ChangeAsync("consented to", committee.Unit.Id, l =>
        {
            if (l.Consented) return false;
            l.Consented = true;
            return true;
        });
    }

    public Task<LifeReport> DetailDelegate(string agent, string unit)
    {
        var by = RequireDelegateOfficer(Callers.Require());
        var effective = RequireEffective();
        RequireId(agent, "agent");
        if (!effective.Units.TryGetValue(unit, out var target) || target.Unit.Kind.IsCentre())
            throw new NotFoundException($"organization '{Name}' has no group or committee '{unit}'");
        RequireNotLost(agent);
        RequireOrganizationMember(effective, agent);
        var at = services.Clock.GetUtcNow();
        return ChangeAsync("detailed a delegate to", unit, l =>
        {
            if (!l.Delegates.TryGetValue(unit, out var list)) l.Delegates[unit] = list = [];
            if (list.Contains(agent)) return false;
            list.Add(agent);
            l.DelegateDetails.Add(new DelegateDetail { Agent = agent, Unit = unit, By = by.ToString(), At = at });
            return true;
        });
    }

    public Task<LifeReport> InstallCentreKey(byte[] publicKey)
    {
        RequireCommitteeOrCentre("install the centre's key");
        RequireEffective();
        ArgumentNullException.ThrowIfNull(publicKey);
        string keyId;
        try { keyId = DepositSeal.KeyId(publicKey); }
        catch (Exception error) when (error is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidRequestException("the centre's key is not an ECDH P-256 public key (SubjectPublicKeyInfo): " + error.Message);
        }
        return ChangeAsync("installed the centre's key", keyId, l =>
        {
            if (l.CentreKey is { } current && current.AsSpan().SequenceEqual(publicKey)) return false;
            l.CentreKey = publicKey.ToArray();
            return true;
        });
    }

    public Task<LifeView> GetLife()
    {
        var effective = RequireEffective();
        RequireCommitteeMember("read the life of");
        var l = life.State;
        return Task.FromResult(new LifeView
        {
            Organization = Name,
            Arrested = l.Standings.Keys.Where(a => StandingRules.IsArrested(l, a)).Order(StringComparer.Ordinal).ToList(),
            Suspended = l.Standings.Where(p => p.Value == AgentStanding.Suspended).Select(p => p.Key).Order(StringComparer.Ordinal).ToList(),
            CutOff = effective.CutOff.Order(StringComparer.Ordinal).ToList(),
            Delegates = l.Delegates.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToList(), StringComparer.Ordinal),
            Consented = l.Consented || effective.Units[effective.Plan.Committee].CentralCommittee is null,
            CentreKey = l.CentreKey is { } key ? DepositSeal.KeyId(key) : "",
            Proposals = l.Proposals.ToList(),
            Reestablished = l.Reestablished.Keys.Order(StringComparer.Ordinal).ToList(),
            WarnedAt = l.WarnedAt.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            DelegateDetails = l.DelegateDetails.ToList(),
        });
    }

    private async Task<LifeReport> ChangeStandingAsync(string agent, StandingEvent @event, string what, string? reason)
    {
        RequireEffective();
        RequireId(agent, "agent");
        // A refused event throws before anything is changed or written.
        var report = await ChangeAsync(what, agent, l => StandingRules.Apply(l, agent, @event, reason, out var refusal) switch
        {
            StandingOutcome.Refused => throw new InvalidRequestException(refusal),
            var outcome => outcome == StandingOutcome.Changed,
        }, beforePush: () => GrainFactory.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key)
            .SetStanding(agent, life.State.Standings.GetValueOrDefault(agent, AgentStanding.Free)));
        return report;
    }

    /// <summary>
    /// Records one event and sends the changed configurations. <paramref name="change"/> returns false when the event
    /// changes nothing (arresting the arrested): what an earlier interrupted event left unsent is still sent.
    /// </summary>
    private async Task<LifeReport> ChangeAsync(string what, string subject, Func<OrganizationLife, bool> change, Func<Task>? beforePush = null)
    {
        var actor = Audit.Auditor.CurrentActor(); // before this grain's own calls, which act as the organization
        var before = RequireEffective();
        var plan = before.Plan;
        var changed = change(life.State);
        if (changed) await life.WriteStateAsync(); // recorded first: a crash below is finished by the next event or apply
        await services.Audit.RecordAsAsync(actor, what, subject, changed ? $"organization {Name}" : $"organization {Name}; nothing changed");
        if (beforePush is not null) await beforePush();
        var after = LifeRules.Apply(plan, life.State);
        var (pushUnits, pushAgents, overrides) = Differences(after, state.State.UnitPrints, state.State.AgentPrints, state.State.UnitPrints, state.State.AgentPrints);

        // Agents first: a unit that hands statements to a new contact finds the contact already knowing it.
        await PushAsync(pushAgents, pushUnits);
        life.State.Overrides = overrides;
        await life.WriteStateAsync();
        _effective = after;
        _tree = null;

        var newlyCutOff = after.CutOff.Except(before.CutOff).Order(StringComparer.Ordinal).ToList();
        var backAgain = before.CutOff.Except(after.CutOff).Order(StringComparer.Ordinal).ToList();
        await TellCentreAsync(after, newlyCutOff, NoticeKind.CutOff, g => $"group {g} is cut off: nobody is left to be its contact or to carry its routes");
        await TellCentreAsync(after, backAgain, NoticeKind.Reestablished, g => $"group {g} has a contact and carriers again");

        var reconfigured = pushUnits.Count + pushAgents.Count;
        if (changed || reconfigured > 0) Log.LifeEvent(logger, Name, what, subject, reconfigured);
        return new LifeReport
        {
            Changes = changed ? after.Changes.Except(before.Changes).ToList() : [],
            CutOff = after.CutOff.Order(StringComparer.Ordinal).ToList(),
            Reconfigured = reconfigured,
            NothingChanged = !changed && reconfigured == 0,
        };
    }

    /// <summary>The committee and the Central Committee are told when a group is cut off, and when it is back.</summary>
    private async Task TellCentreAsync(EffectiveOrganization effective, IReadOnlyList<string> groups, NoticeKind kind, Func<string, string> text)
    {
        if (groups.Count == 0) return;
        var committee = effective.Units[effective.Plan.Committee];
        var told = new List<UnitRef> { committee.Unit };
        if (committee.CentralCommittee is { } cc) told.Add(cc);
        var at = services.Clock.GetUtcNow();
        foreach (var group in groups)
        {
            var notice = new Notice { Id = $"{kind}:{group}:{at.ToUnixTimeMilliseconds()}", Kind = kind, At = at, About = group, Text = text(group) };
            foreach (var unit in told) await GrainFactory.GetUnit(unit).Notify(notice);
        }
    }

    /// <summary>
    /// A warning goes to the groups where the suspect is known (those it is a member of, and the units its contact
    /// duties lead to) and to no others. An unaware group is told without any name of the organization.
    /// </summary>
    private async Task WarnKnownGroupsAsync(string suspect, string reason, bool lifted)
    {
        var effective = RequireEffective();
        var fileContactOf = effective.Plan.Units.Where(u => u.Contact == suspect).Select(u => u.Parent).OfType<UnitRef>();
        var known = effective.Units.Values.Where(u => u.Members.Contains(suspect)).Select(u => u.Unit)
            .Concat(fileContactOf).Distinct().ToList();
        var at = services.Clock.GetUtcNow();
        await FanOut.ForEachAsync(known, services.Options.FanOutLimit, unit =>
        {
            var notice = new Notice
            {
                Id = $"{(lifted ? "cleared" : "warning")}:{suspect}:{at.ToUnixTimeMilliseconds()}",
                Kind = lifted ? NoticeKind.WarningLifted : NoticeKind.Warning,
                At = at,
                About = suspect,
                Text = lifted ? $"the warning about {suspect} is lifted" : $"beware of {suspect}: {reason}",
            };
            return GrainFactory.GetUnit(unit).Notify(notice);
        });
    }

    /// <summary>
    /// Which units and agents must be sent their configuration: those whose effective fingerprint differs from the one
    /// they were sent last (the file's, or an override recorded by an earlier event). Also returns the new overrides.
    /// </summary>
    private (List<UnitConfig> Units, List<AgentConfig> Agents, Dictionary<string, string> Overrides) Differences(
        EffectiveOrganization effective,
        IReadOnlyDictionary<string, string> fileUnitPrints,
        IReadOnlyDictionary<string, string> fileAgentPrints,
        IReadOnlyDictionary<string, string> sentUnitPrints,
        IReadOnlyDictionary<string, string> sentAgentPrints)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var units = new List<UnitConfig>();
        foreach (var unit in effective.Units.Values)
        {
            var id = unit.Unit.Id;
            var filePrint = fileUnitPrints.GetValueOrDefault(id);
            var print = effective.TouchedUnits.Contains(id) ? Fingerprint.Of(unit) : filePrint;
            var sent = life.State.Overrides.GetValueOrDefault("u:" + id) ?? sentUnitPrints.GetValueOrDefault(id);
            if (print != sent) units.Add(unit);
            if (print != filePrint && print is not null) overrides["u:" + id] = print;
        }
        var agents = new List<AgentConfig>();
        foreach (var agent in effective.Agents.Values)
        {
            var filePrint = fileAgentPrints.GetValueOrDefault(agent.Id);
            var print = effective.TouchedAgents.Contains(agent.Id) ? Fingerprint.Of(agent) : filePrint;
            var sent = life.State.Overrides.GetValueOrDefault("a:" + agent.Id) ?? sentAgentPrints.GetValueOrDefault(agent.Id);
            if (print != sent) agents.Add(agent);
            if (print != filePrint && print is not null) overrides["a:" + agent.Id] = print;
        }
        return (units, agents, overrides);
    }

    private string Name => this.GetPrimaryKeyString();

    private EffectiveOrganization RequireEffective() =>
        Effective ?? throw new NotFoundException($"organization '{Name}' has not been applied");

    private void RequireId(string agent, string what)
    {
        if (string.IsNullOrWhiteSpace(agent)) throw new InvalidRequestException($"no {what} named");
        if (!RequireEffective().Agents.ContainsKey(agent) && what == "agent")
            throw new NotFoundException($"organization '{Name}' has no agent '{agent}'");
    }

    private void RequireNotLost(string agent)
    {
        if (life.State.Standings.TryGetValue(agent, out var standing) && standing != AgentStanding.Free)
            throw new InvalidRequestException($"agent '{agent}' is {AgentStandings.Spell(standing)}");
    }

    /// <summary>
    /// Warnings, delegates and keys come from the committee (its officers: see <see cref="Officers"/>) or the centre, or
    /// an operator acting for them.
    /// </summary>
    private void RequireCommitteeOrCentre(string what)
    {
        var caller = Callers.Require();
        if (caller.Kind is ActorKind.Operator or ActorKind.System) return;
        var effective = RequireEffective();
        var committee = effective.Units[effective.Plan.Committee];
        if (caller.IsUnit(committee.Unit.Id) || committee.CentralCommittee is { } cc && caller.IsUnit(cc.Id)
            || committee.CentralOrgan is { } co && caller.IsUnit(co.Id)) return;
        if (caller.Kind == ActorKind.Agent && Officers.IsOfficer(committee, caller.Id)) return;
        throw new AccessDeniedException($"{caller} may not {what}: only the committee or the centre may");
    }

    /// <summary>What the committee knows of itself (its life, its tree) is for its free members, the centre and operators.</summary>
    private void RequireCommitteeMember(string what)
    {
        var caller = Callers.Require();
        if (caller.Kind is ActorKind.Operator or ActorKind.System or ActorKind.Unit) return;
        var effective = RequireEffective();
        var committee = effective.Units[effective.Plan.Committee];
        if (caller.Kind == ActorKind.Agent && Officers.IsFreeMember(committee, caller.Id)) return;
        throw new AccessDeniedException($"{caller} may not {what} organization '{Name}': only the committee's members may");
    }
}
