namespace OrgTasks.Grains.Organization;

/// <summary>
/// The effective organization: the applied file with its life applied (arrests, warnings, co-optation, delegates,
/// re-established groups). A pure function, so the same plan and life always give the same configurations and the
/// rules can be read in one place:
/// - a group whose contact is out of action takes its first free alternate; with none left it is cut off;
/// - the committee's contact passes to a free executive member, then to any free member;
/// - an executive seat (then any seat) of a member out of action passes to the next free candidate, with the function;
/// - a route whose owner is out of action passes whole to a free member with no route of their own (alternates first),
///   or else is cut into equal shares among the group's free distributors; with none, the group is cut off.
/// </summary>
internal static class LifeRules
{
    public static EffectiveOrganization Apply(OrganizationPlan plan, OrganizationLife life)
    {
        var result = new EffectiveOrganization(plan);
        bool Lost(string agent) => life.Standings.TryGetValue(agent, out var s) && s != AgentStanding.Free;

        var committeeId = plan.Committee;
        var template = plan.Agents.FirstOrDefault();

        // Re-established groups first: the rest of the rules then treat them like any group.
        foreach (var (groupId, again) in life.Reestablished.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!result.Units.TryGetValue(groupId, out var group)) continue;
            var members = new List<string> { again.Delegate };
            members.AddRange(again.Members.Where(m => m != again.Delegate));
            result.SetUnit(group with { Members = members, Contact = again.Delegate, Alternates = again.Alternates.Where(a => a != again.Delegate).ToList() });
            result.EnsureAgent(again.Delegate, group.Organization, group.Unit, template);
            // A delegate who belonged to no unit (listed in the file, sent from the centre) was homed at the committee
            // without being its member: as the group's contact the delegate now writes from the group.
            if (result.Agents[again.Delegate] is { Units.Count: 0 } unattached && unattached.HomeUnit != group.Unit)
                result.SetAgent(unattached with { HomeUnit = group.Unit });
            foreach (var member in members) result.AddUnitToAgent(member, group.Unit);
            result.Changes.Add($"{groupId}: re-established with contact {again.Delegate} (deposit v{again.DepositVersion})");
        }

        ApplyCommittee(result, life, committeeId, Lost, template);

        foreach (var original in plan.Units)
        {
            var unit = result.Units[original.Unit.Id];
            if (unit.Unit.Kind.IsCentre()) continue;
            var lost = unit.Members.Where(Lost).ToList();
            var contact = unit.Contact;
            var alternates = unit.Alternates.Where(a => !Lost(a)).ToList();
            if (contact.Length > 0 && Lost(contact) || contact.Length == 0)
            {
                var fileContact = contact;
                contact = unit.Unit.Kind == UnitKind.Committee
                    ? unit.Executive.Concat(unit.Members).FirstOrDefault(m => !Lost(m)) ?? ""
                    : alternates.FirstOrDefault() ?? "";
                if (contact != fileContact)
                    result.Changes.Add(contact.Length > 0 ? $"{unit.Unit.Id}: contact {fileContact} → {contact}" : $"{unit.Unit.Id}: no contact left");
            }
            alternates.Remove(contact);

            var (shares, uncarried) = Shares(unit, Lost, contact, alternates, result.Changes);
            var cutOff = contact.Length == 0 || uncarried;
            var delegates = life.Delegates.TryGetValue(unit.Unit.Id, out var d) ? d.ToList() : [];
            var changed = unit with
            {
                Contact = contact,
                Alternates = alternates,
                Lost = lost,
                Shares = shares,
                CutOff = cutOff,
                Delegates = delegates,
                CentreKey = unit.Unit.Kind == UnitKind.Committee ? null : life.CentreKey,
                AwaitingConsent = unit.Unit.Kind == UnitKind.Committee && unit.CentralCommittee is not null && !life.Consented,
            };
            if (cutOff) result.CutOff.Add(unit.Unit.Id);
            if (!SameLife(changed, original)) result.SetUnit(changed);
        }

        // Each parent knows its children's contacts: the contact rule checks the effective one.
        foreach (var original in plan.Units)
        {
            var parent = result.Units[original.Unit.Id];
            if (parent.Children.Count == 0) continue;
            var links = parent.Children.Select(c => c with { Contact = result.Units.TryGetValue(c.Unit.Id, out var child) ? child.Contact : c.Contact }).ToList();
            if (!links.SequenceEqual(parent.Children)) result.SetUnit(parent with { Children = links });
        }

        // Agents: standing, the units they carry for, the units they are delegates of.
        var contactOf = new Dictionary<string, List<UnitRef>>(StringComparer.Ordinal);
        foreach (var unit in result.Units.Values.Where(u => u.Contact.Length > 0))
        {
            if (!contactOf.TryGetValue(unit.Contact, out var list)) contactOf[unit.Contact] = list = [];
            list.Add(unit.Unit);
        }
        var delegateOf = new Dictionary<string, List<UnitRef>>(StringComparer.Ordinal);
        foreach (var (unitId, agents) in life.Delegates)
        {
            if (!result.Units.TryGetValue(unitId, out var unit)) continue;
            foreach (var agent in agents)
            {
                if (!delegateOf.TryGetValue(agent, out var list)) delegateOf[agent] = list = [];
                list.Add(unit.Unit);
            }
        }
        var unitOrder = plan.Units.Select((u, i) => (u.Unit.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var agent in result.Agents.Values.ToList())
        {
            var standing = life.Standings.GetValueOrDefault(agent.Id, AgentStanding.Free);
            var carries = (contactOf.GetValueOrDefault(agent.Id) ?? []).OrderBy(u => unitOrder.GetValueOrDefault(u.Id)).ToList();
            var delegated = delegateOf.GetValueOrDefault(agent.Id) ?? [];
            if (standing == agent.Standing && carries.SequenceEqual(agent.ContactFor) && delegated.SequenceEqual(agent.DelegateFor)) continue;
            result.SetAgent(agent with { Standing = standing, ContactFor = carries, DelegateFor = delegated });
        }
        return result;
    }

    /// <summary>Co-opted members, executive seats, and candidates stepping in for members out of action.</summary>
    private static void ApplyCommittee(EffectiveOrganization result, OrganizationLife life, string committeeId, Func<string, bool> lost, AgentConfig? template)
    {
        if (!result.Units.TryGetValue(committeeId, out var committee)) return;
        var members = committee.Members.ToList();
        var functions = new Dictionary<string, string>(committee.Functions, StringComparer.Ordinal);
        var executive = committee.Executive.ToList();
        var candidates = committee.Candidates.ToList();
        foreach (var co in life.CoOpted)
        {
            if (!members.Contains(co.Agent)) members.Add(co.Agent);
            functions[co.Agent] = co.Function;
            candidates.Remove(co.Agent);
        }
        foreach (var seat in life.ExecutiveAdded)
            if (!executive.Contains(seat) && members.Contains(seat)) executive.Add(seat);

        // Executive seats first, then the other seats, while free candidates remain: "arresting the whole committee
        // hands it to its candidates".
        var free = new Queue<string>(candidates.Where(c => !lost(c)));
        var seats = executive.Where(lost).Concat(members.Where(m => lost(m) && !executive.Contains(m))).ToList();
        foreach (var seat in seats)
        {
            if (free.Count == 0) break;
            var candidate = free.Dequeue();
            candidates.Remove(candidate);
            if (!members.Contains(candidate)) members.Add(candidate);
            functions[candidate] = functions.GetValueOrDefault(seat, "");
            var at = executive.IndexOf(seat);
            if (at >= 0) executive[at] = candidate;
            result.Changes.Add($"{committeeId}: candidate {candidate} takes the seat of {seat}" + (at >= 0 ? " in the executive" : ""));
        }
        if (members.SequenceEqual(committee.Members) && executive.SequenceEqual(committee.Executive)
            && candidates.SequenceEqual(committee.Candidates) && functions.Count == committee.Functions.Count
            && functions.All(f => committee.Functions.TryGetValue(f.Key, out var v) && v == f.Value)) return;
        result.SetUnit(committee with { Members = members, Functions = functions, Executive = executive, Candidates = candidates });
        foreach (var member in members)
        {
            result.EnsureAgent(member, committee.Organization, committee.Unit, template);
            result.AddUnitToAgent(member, committee.Unit);
        }
    }

    /// <summary>Who carries each route of the unit; whether some route has nobody to carry it.</summary>
    private static (List<RouteShare> Shares, bool Uncarried) Shares(UnitConfig unit, Func<string, bool> lost, string contact, List<string> alternates, List<string> changes)
    {
        var owners = unit.Shares.Select(s => s.Route).Distinct().ToList();
        var homes = unit.Shares.GroupBy(s => s.Route).ToDictionary(g => g.Key, g => g.First().RouteHomes, StringComparer.Ordinal);
        var lostOwners = owners.Where(lost).ToList();
        if (lostOwners.Count == 0) return (owners.Select(o => RouteShare.Whole(o, homes[o])).ToList(), false);

        var freeDistributors = owners.Where(o => !lost(o)).ToList();
        // Standing by: free members without a route of their own, alternates first.
        var standby = alternates.Concat(unit.Members.Where(m => m != contact)).Concat([contact])
            .Where(m => m.Length > 0 && !lost(m) && !owners.Contains(m)).Distinct().ToList();
        var shares = new List<RouteShare>();
        var uncarried = false;
        var next = 0;
        foreach (var owner in owners)
        {
            if (!lost(owner)) { shares.Add(RouteShare.Whole(owner, homes[owner])); continue; }
            var total = homes[owner];
            if (standby.Count > 0)
            {
                var carrier = standby[next++ % standby.Count];
                shares.Add(new RouteShare { Route = owner, Carrier = carrier, RouteHomes = total, From = 0, Count = total });
                changes.Add($"{unit.Unit.Id}: route of {owner} → {carrier}");
            }
            else if (freeDistributors.Count > 0)
            {
                var parts = Math.Min(freeDistributors.Count, Math.Max(total, 1));
                var from = 0;
                for (var i = 0; i < parts; i++)
                {
                    var count = total / parts + (i < total % parts ? 1 : 0);
                    shares.Add(new RouteShare { Route = owner, Carrier = freeDistributors[i], RouteHomes = total, From = from, Count = count });
                    from += count;
                }
                changes.Add($"{unit.Unit.Id}: route of {owner} shared among {string.Join(", ", freeDistributors.Take(parts))}");
            }
            else
            {
                uncarried = true;
                changes.Add($"{unit.Unit.Id}: nobody left to carry the route of {owner}");
            }
        }
        return (shares, uncarried);
    }

    /// <summary>Equal in everything the organization's life can change.</summary>
    private static bool SameLife(UnitConfig a, UnitConfig b) =>
        a.Contact == b.Contact && a.CutOff == b.CutOff && a.AwaitingConsent == b.AwaitingConsent
        && a.Alternates.SequenceEqual(b.Alternates) && a.Lost.SequenceEqual(b.Lost) && a.Delegates.SequenceEqual(b.Delegates)
        && a.Shares.SequenceEqual(b.Shares) && a.Members.SequenceEqual(b.Members)
        && (a.CentreKey ?? []).AsSpan().SequenceEqual(b.CentreKey ?? []);
}

/// <summary>The effective units and agents, and which of them differ from the file's.</summary>
internal sealed class EffectiveOrganization
{
    public EffectiveOrganization(OrganizationPlan plan)
    {
        Plan = plan;
        Units = plan.Units.ToDictionary(u => u.Unit.Id, StringComparer.Ordinal);
        Agents = plan.Agents.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    public OrganizationPlan Plan { get; }
    public Dictionary<string, UnitConfig> Units { get; }
    public Dictionary<string, AgentConfig> Agents { get; }
    /// <summary>Units and agents whose configuration is not the file's.</summary>
    public HashSet<string> TouchedUnits { get; } = new(StringComparer.Ordinal);
    public HashSet<string> TouchedAgents { get; } = new(StringComparer.Ordinal);
    public List<string> Changes { get; } = [];
    public List<string> CutOff { get; } = [];

    public void SetUnit(UnitConfig unit)
    {
        Units[unit.Unit.Id] = unit;
        TouchedUnits.Add(unit.Unit.Id);
    }

    public void SetAgent(AgentConfig agent)
    {
        Agents[agent.Id] = agent;
        TouchedAgents.Add(agent.Id);
    }

    /// <summary>An agent the file does not list (a delegate from the centre, a co-opted outsider) homed at <paramref name="home"/>.</summary>
    public void EnsureAgent(string id, string organization, UnitRef home, AgentConfig? template)
    {
        if (Agents.ContainsKey(id)) return;
        SetAgent(new AgentConfig
        {
            Organization = organization,
            Id = id,
            HomeUnit = home,
            Units = [home],
            Addressees = template?.Addressees ?? [Addressee.Committee],
        });
    }

    public void AddUnitToAgent(string id, UnitRef unit)
    {
        if (!Agents.TryGetValue(id, out var agent) || agent.Units.Contains(unit)) return;
        SetAgent(agent with { Units = agent.Units.Append(unit).ToList() });
    }

    /// <summary>The plan as it is now: for the directory's tree and the trackers.</summary>
    public OrganizationPlan ToPlan() => Plan with
    {
        Units = Plan.Units.Select(u => Units[u.Unit.Id]).ToList(),
        Agents = Plan.Agents.Select(a => Agents[a.Id]).Concat(Agents.Values.Where(a => !PlanHas(a.Id))).ToList(),
    };

    private HashSet<string>? _planAgents;
    private bool PlanHas(string id) => (_planAgents ??= Plan.Agents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal)).Contains(id);
}
