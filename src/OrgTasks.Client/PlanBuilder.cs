using Spec = OrgTasks.Organization;

namespace OrgTasks.Client;

/// <summary>
/// Cuts a validated organization file into the configuration of every unit and agent grain: who is above and below,
/// whose contact each agent is, which unit serves each route, how many homes hang under each unit.
/// </summary>
public static class PlanBuilder
{
    private static RoutineSchedule Routine(Spec.RoutineSpec routine) => new()
    {
        DistributionsPerMonth = routine.DistributionsPerMonth,
        ReportsEvery = routine.ReportsEvery,
        ReportWithin = routine.ReportWithin,
        IdleAfter = routine.IdleAfter,
    };

    public static OrganizationPlan Build(Spec.OrganizationSpec spec)
    {
        var committee = spec.Committee;
        var committeeRef = new UnitRef(committee.Id, UnitKind.Committee);
        UnitRef? cc = spec.Centre?.CentralCommittee is { } ccId ? new UnitRef(ccId, UnitKind.CentralCommittee) : null;
        UnitRef? co = spec.Centre?.CentralOrgan is { } coId ? new UnitRef(coId, UnitKind.CentralOrgan) : null;

        var refs = new Dictionary<string, UnitRef>(StringComparer.Ordinal) { [committee.Id] = committeeRef };
        foreach (var group in spec.Groups) refs[group.Id] = new UnitRef(group.Id, Kind(group.Kind));
        var groups = spec.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var children = spec.Groups.GroupBy(g => g.Parent).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var agents = spec.Agents.ToDictionary(a => a.Id, StringComparer.Ordinal);
        // Which propaganda groups each district carries for, in the file's order: looked up per group below, where
        // scanning every group for every group cost a quarter of a second for the 3,000 groups of the 1M city.
        var carriesFor = new Dictionary<string, List<UnitRef>>(StringComparer.Ordinal);
        foreach (var group in spec.Groups)
            foreach (var district in group.DeliversThrough) Add(carriesFor, district, refs[group.Id]);

        // Parents before children, whatever order the file lists the groups in.
        var order = new List<string> { committee.Id };
        for (var i = 0; i < order.Count; i++)
            if (children.TryGetValue(order[i], out var below)) order.AddRange(below.Select(g => g.Id));

        // An agent's home is the first unit that lists it: the committee, then the groups in tree order.
        var home = new Dictionary<string, UnitRef>(StringComparer.Ordinal);
        var memberOf = new Dictionary<string, List<UnitRef>>(StringComparer.Ordinal);
        var contactFor = new Dictionary<string, List<UnitRef>>(StringComparer.Ordinal);
        foreach (var id in order)
        {
            var members = id == committee.Id ? committee.Members.Select(m => m.Agent) : groups[id].Members;
            foreach (var agent in members)
            {
                home.TryAdd(agent, refs[id]);
                Add(memberOf, agent, refs[id]);
            }
            Add(contactFor, id == committee.Id ? committee.Contact : groups[id].Contact, refs[id]);
        }
        // Candidates, and agents the file lists in no unit, are held by the committee without being members: the
        // committee serves their routes (so every declared home is reached), but they send no statements until a
        // unit takes them in.
        foreach (var agent in spec.Agents) home.TryAdd(agent.Id, committeeRef);

        // Each route is served by its agent's home unit, and only routes with homes on them are served at all.
        var routeMembers = order.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var agent in spec.Agents)
            if (agent.HomeCount > 0 && home.TryGetValue(agent.Id, out var served)) routeMembers[served.Id].Add(agent.Id);
        var ownHomes = order.ToDictionary(id => id, id => routeMembers[id].Sum(a => (long)agents[a].HomeCount), StringComparer.Ordinal);
        var subtreeHomes = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var id = order[i];
            subtreeHomes[id] = ownHomes[id] + (children.TryGetValue(id, out var below) ? below.Sum(g => subtreeHomes[g.Id]) : 0);
        }

        string? Nearest(string id, Spec.GroupKind kind)
        {
            for (var at = id; groups.TryGetValue(at, out var g); at = g.Parent)
                if (g.Kind == kind) return g.Id;
            return null;
        }

        // Every route is carried whole by its owner; the organization's life (arrests) may share it out later.
        List<RouteShare> Shares(string id) => routeMembers[id].Select(a => RouteShare.Whole(a, agents[a].HomeCount)).ToList();

        List<ChildLink> ChildLinks(string id) => children.TryGetValue(id, out var below)
            ? below.Select(g => new ChildLink(refs[g.Id], g.Contact, Affiliation(g.Affiliation))).ToList()
            : [];

        var units = new List<UnitConfig>();
        foreach (var centre in new[] { cc, co }.OfType<UnitRef>())
        {
            units.Add(new UnitConfig
            {
                Organization = spec.Name,
                Unit = centre,
                Children = [new ChildLink(committeeRef, committee.Contact, OrgTasks.Plan.Affiliation.Member)],
                SubtreeHomes = subtreeHomes[committee.Id],
            });
        }
        units.Add(new UnitConfig
        {
            Organization = spec.Name,
            Unit = committeeRef,
            Contact = committee.Contact,
            Members = committee.Members.Select(m => m.Agent).ToList(),
            Functions = committee.Members.ToDictionary(m => m.Agent, m => m.Function, StringComparer.Ordinal),
            Executive = committee.Executive,
            Candidates = committee.Candidates,
            Cooptation = committee.Cooptation == Spec.Cooptation.Majority ? "majority" : "two-thirds",
            RouteMembers = routeMembers[committee.Id],
            Shares = Shares(committee.Id),
            Children = ChildLinks(committee.Id),
            OwnHomes = ownHomes[committee.Id],
            SubtreeHomes = subtreeHomes[committee.Id],
            CentralCommittee = cc,
            CentralOrgan = co,
            Routine = Routine(committee.Routine),
        });
        foreach (var id in order.Skip(1))
        {
            var group = groups[id];
            units.Add(new UnitConfig
            {
                Organization = spec.Name,
                Unit = refs[id],
                Parent = refs[group.Parent],
                Contact = group.Contact,
                Alternates = group.Alternates,
                Members = group.Members,
                RouteMembers = routeMembers[id],
                Shares = Shares(id),
                Children = ChildLinks(id),
                Secrecy = Secrecy(group.Secrecy),
                Affiliation = Affiliation(group.Affiliation),
                OwnHomes = ownHomes[id],
                SubtreeHomes = subtreeHomes[id],
                District = Nearest(id, Spec.GroupKind.District),
                Factory = Nearest(id, Spec.GroupKind.Factory),
                DeliversThrough = group.DeliversThrough.Select(d => new ChildLink(refs[d], groups[d].Contact, Affiliation(groups[d].Affiliation))).ToList(),
                CarriesFor = carriesFor.GetValueOrDefault(id) ?? [],
            });
        }

        var addressees = new List<Addressee> { Addressee.Committee };
        if (cc is not null) addressees.Add(Addressee.CentralCommittee);
        if (co is not null) addressees.Add(Addressee.CentralOrgan);
        var agentConfigs = spec.Agents
            .Select(a => new AgentConfig
            {
                Organization = spec.Name,
                Id = a.Id,
                HomeUnit = home[a.Id],
                Units = memberOf.GetValueOrDefault(a.Id) ?? [],
                Route = new RouteSpec(a.Addresses, a.SyntheticHomes),
                ContactFor = contactFor.GetValueOrDefault(a.Id) ?? [],
                Addressees = addressees,
            })
            .ToList();

        return new OrganizationPlan { Name = spec.Name, Committee = committee.Id, Units = units, Agents = agentConfigs };
    }

    private static void Add(Dictionary<string, List<UnitRef>> map, string key, UnitRef unit)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(unit);
    }

    public static UnitKind Kind(Spec.GroupKind kind) => kind switch
    {
        Spec.GroupKind.District => UnitKind.District,
        Spec.GroupKind.Propaganda => UnitKind.Propaganda,
        Spec.GroupKind.Factory => UnitKind.Factory,
        Spec.GroupKind.Distribution => UnitKind.Distribution,
        Spec.GroupKind.Reading => UnitKind.Reading,
        Spec.GroupKind.CounterEspionage => UnitKind.CounterEspionage,
        Spec.GroupKind.TradeUnion => UnitKind.TradeUnion,
        Spec.GroupKind.Agitation => UnitKind.Agitation,
        Spec.GroupKind.Transport => UnitKind.Transport,
        Spec.GroupKind.Printing => UnitKind.Printing,
        Spec.GroupKind.Passport => UnitKind.Passport,
        Spec.GroupKind.Students => UnitKind.Students,
        Spec.GroupKind.Military => UnitKind.Military,
        Spec.GroupKind.MeetingPlaces => UnitKind.MeetingPlaces,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown group kind"),
    };

    private static OrgTasks.Plan.Affiliation Affiliation(Spec.Affiliation value) => value switch
    {
        Spec.Affiliation.Associated => OrgTasks.Plan.Affiliation.Associated,
        Spec.Affiliation.Unaware => OrgTasks.Plan.Affiliation.Unaware,
        _ => OrgTasks.Plan.Affiliation.Member,
    };

    private static OrgTasks.Plan.Secrecy Secrecy(Spec.Secrecy value) => value switch
    {
        Spec.Secrecy.Strict => OrgTasks.Plan.Secrecy.Strict,
        Spec.Secrecy.Open => OrgTasks.Plan.Secrecy.Open,
        _ => OrgTasks.Plan.Secrecy.Discreet,
    };
}
