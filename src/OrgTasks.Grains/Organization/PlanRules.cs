using OrgTasks.Organization.Generation;
using OrgTasks.Organization.Validation;

namespace OrgTasks.Grains.Organization;

/// <summary>
/// The directory's own check of a plan it is given, with the organization file's rules: ids (the file's id syntax,
/// unique), sizes (the file's limits on agents and homes), references (every unit, agent, contact, member, route and
/// share named exists) and the tree (parents and children agree, no cycles, every group under the committee). A client
/// that skipped the file's validation, or sent a plan of its own, gets a refusal naming the id and the rule, and
/// nothing changes. Without it a plan whose children form a cycle made the directory walk its tree forever.
/// </summary>
internal static class PlanRules
{
    /// <summary>Longest id (unit, agent, organization). Ids are grain keys and appear in every log line and report.</summary>
    public const int MaxIdLength = 200;

    /// <summary>Longest free text in a plan (an address, a member's function).</summary>
    public const int MaxTextLength = 1_000;

    /// <summary>Most units: every unit is a grain; this is as many as the file's agent limit.</summary>
    public const int MaxUnits = (int)GenerateLimits.MaxAgents;

    /// <summary>Errors named in one refusal; the first few say what is wrong.</summary>
    private const int Reported = 5;

    /// <summary>Throws <see cref="InvalidRequestException"/> listing the first problems, or returns when the plan is valid.</summary>
    public static void Check(OrganizationPlan plan, string organization, OrgTasksOptions options)
    {
        var errors = Find(plan, organization, options);
        if (errors.Count == 0) return;
        var shown = string.Join("; ", errors.Take(Reported));
        var more = errors.Count > Reported ? $"; and {errors.Count - Reported:N0} more" : "";
        throw new InvalidRequestException($"the plan is invalid and nothing was applied: {shown}{more}");
    }

    public static List<string> Find(OrganizationPlan plan, string organization, OrgTasksOptions options)
    {
        var errors = new List<string>();
        if (plan.Name != organization) errors.Add($"plan for '{plan.Name}' sent to organization '{organization}'");
        Id(plan.Name, "organization", "the organization's name", errors);
        if (plan.Units is null || plan.Agents is null)
        {
            errors.Add("the plan lists no units or no agents");
            return errors;
        }
        if (plan.Units.Count > MaxUnits) errors.Add($"the plan has {plan.Units.Count:N0} units; at most {MaxUnits:N0} are allowed");
        if (plan.Agents.Count > GenerateLimits.MaxAgents) errors.Add($"the plan has {plan.Agents.Count:N0} agents; at most {GenerateLimits.MaxAgents:N0} are allowed");
        if (errors.Count > 0) return errors;

        var units = new Dictionary<string, UnitConfig>(StringComparer.Ordinal);
        foreach (var unit in plan.Units)
        {
            if (unit is null) { errors.Add("the plan has an empty unit"); return errors; }
            if (!Id(unit.Unit.Id, "unit id", "a unit", errors)) continue;
            if (!units.TryAdd(unit.Unit.Id, unit)) errors.Add($"unit '{unit.Unit.Id}': the id is used twice");
            if (!Enum.IsDefined(unit.Unit.Kind)) errors.Add($"unit '{unit.Unit.Id}': its kind is not one the organization knows");
        }
        var agents = new Dictionary<string, AgentConfig>(StringComparer.Ordinal);
        foreach (var agent in plan.Agents)
        {
            if (agent is null) { errors.Add("the plan has an empty agent"); return errors; }
            if (!Id(agent.Id, "agent id", "an agent", errors)) continue;
            if (!agents.TryAdd(agent.Id, agent)) errors.Add($"agent '{agent.Id}': the id is used twice");
        }
        if (!units.TryGetValue(plan.Committee ?? "", out var committee) || committee.Unit.Kind != UnitKind.Committee)
            errors.Add($"the plan has no committee '{plan.Committee}'");
        if (errors.Count > 0) return errors;

        foreach (var unit in units.Values) CheckUnit(unit, plan.Name, units, agents, options, errors);
        foreach (var agent in agents.Values) CheckAgent(agent, plan.Name, units, options, errors);
        if (errors.Count == 0) CheckTree(committee!, units, errors);
        return errors;
    }

    private static void CheckUnit(UnitConfig unit, string name, Dictionary<string, UnitConfig> units,
        Dictionary<string, AgentConfig> agents, OrgTasksOptions options, List<string> errors)
    {
        var id = unit.Unit.Id;
        if (unit.Organization != name) errors.Add($"unit '{id}': it belongs to '{unit.Organization}', not '{name}'");
        if (unit.Parent is { } parent && !SameRef(parent, units)) errors.Add($"unit '{id}': its parent '{parent.Id}' is not a unit of the plan (or not of that kind)");
        if (unit.Unit.Kind.IsGroup() && unit.Parent is null) errors.Add($"unit '{id}': a group needs a parent");
        if (!unit.Unit.Kind.IsGroup() && unit.Parent is not null) errors.Add($"unit '{id}': the committee and the central bodies have no parent");
        if (unit.Unit.Kind != UnitKind.Committee && unit.Unit.Kind.IsCentre() is false && unit.Contact.Length == 0)
            errors.Add($"unit '{id}': a group needs a contact");
        if (unit.Contact.Length > 0 && !agents.ContainsKey(unit.Contact)) errors.Add($"unit '{id}': its contact '{unit.Contact}' is not an agent of the plan");
        Agents(unit.Members, id, "member", agents, errors);
        Agents(unit.Alternates, id, "alternate", agents, errors);
        Agents(unit.RouteMembers, id, "route member", agents, errors);
        Agents(unit.Executive, id, "executive member", agents, errors);
        Agents(unit.Candidates, id, "candidate", agents, errors);
        Agents(unit.Delegates, id, "delegate", agents, errors);
        Agents(unit.Lost, id, "lost member", agents, errors);
        foreach (var (agent, function) in unit.Functions)
        {
            if (!agents.ContainsKey(agent)) errors.Add($"unit '{id}': function of '{agent}', who is not an agent of the plan");
            Text(function, $"unit '{id}': the function of '{agent}'", errors);
        }
        Text(unit.Cooptation, $"unit '{id}': the co-optation rule", errors);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in unit.Children)
        {
            if (child is not null && !listed.Add(child.Unit.Id)) { errors.Add($"unit '{id}': it lists '{child.Unit.Id}' as a child twice"); continue; }
            if (child is null || !SameRef(child.Unit, units)) { errors.Add($"unit '{id}': its child '{child?.Unit.Id}' is not a unit of the plan (or not of that kind)"); continue; }
            var below = units[child.Unit.Id];
            var childOfCentre = unit.Unit.Kind.IsCentre() && below.Unit.Kind == UnitKind.Committee;
            if (!childOfCentre && below.Parent?.Id != id) errors.Add($"unit '{id}': it lists '{child.Unit.Id}' as a child, but that unit's parent is '{below.Parent?.Id}'");
            if (child.Contact != below.Contact) errors.Add($"unit '{id}': the contact it knows for '{child.Unit.Id}' ('{child.Contact}') is not that unit's contact ('{below.Contact}')");
        }
        if (unit.OwnHomes < 0 || unit.SubtreeHomes < unit.OwnHomes || unit.SubtreeHomes > GenerateLimits.MaxHomes)
            errors.Add($"unit '{id}': its home counts ({unit.OwnHomes:N0} own, {unit.SubtreeHomes:N0} in its subtree) are impossible");
        foreach (var share in unit.Shares)
        {
            if (share is null) { errors.Add($"unit '{id}': an empty route share"); continue; }
            if (!agents.TryGetValue(share.Route, out var owner)) { errors.Add($"unit '{id}': route '{share.Route}' is not an agent's route"); continue; }
            if (!agents.ContainsKey(share.Carrier)) errors.Add($"unit '{id}': route '{share.Route}' is carried by '{share.Carrier}', who is not an agent of the plan");
            if (share.RouteHomes != owner.Route?.HomeCount) errors.Add($"unit '{id}': route '{share.Route}' has {owner.Route?.HomeCount:N0} homes, not {share.RouteHomes:N0}");
            else if (share.From < 0 || share.Count < 0 || (long)share.From + share.Count > share.RouteHomes)
                errors.Add($"unit '{id}': homes {share.From}..{(long)share.From + share.Count} are not on route '{share.Route}'");
        }
        foreach (var centre in new[] { unit.CentralCommittee, unit.CentralOrgan })
            if (centre is { } body && !SameRef(body, units)) errors.Add($"unit '{id}': central body '{body.Id}' is not a unit of the plan");
        if (unit.CentreKey is { Length: > 1_024 }) errors.Add($"unit '{id}': the centre's key has {unit.CentreKey.Length:N0} bytes; a P-256 public key has under 100");
        _ = options;
    }

    private static void CheckAgent(AgentConfig agent, string name, Dictionary<string, UnitConfig> units, OrgTasksOptions options, List<string> errors)
    {
        var id = agent.Id;
        if (agent.Organization != name) errors.Add($"agent '{id}': it belongs to '{agent.Organization}', not '{name}'");
        if (!SameRef(agent.HomeUnit, units)) errors.Add($"agent '{id}': its home unit '{agent.HomeUnit.Id}' is not a unit of the plan");
        foreach (var unit in agent.Units.Concat(agent.ContactFor).Concat(agent.DelegateFor))
            if (!SameRef(unit, units)) errors.Add($"agent '{id}': unit '{unit.Id}' is not a unit of the plan");
        foreach (var to in agent.Addressees)
            if (!Enum.IsDefined(to)) errors.Add($"agent '{id}': an addressee the organization does not know");
        if (agent.Route is not { } route) { errors.Add($"agent '{id}': no route"); return; }
        if (route.SyntheticHomes < 0 || (long)route.Addresses.Count + route.SyntheticHomes > Math.Min(options.MaxRouteHomes, GenerateLimits.MaxHomesPerAgent))
            errors.Add($"agent '{id}': a route of {(long)route.Addresses.Count + route.SyntheticHomes:N0} homes; at most {Math.Min(options.MaxRouteHomes, GenerateLimits.MaxHomesPerAgent):N0} are allowed");
        foreach (var address in route.Addresses)
        {
            if (!Text(address, $"agent '{id}': an address", errors)) break;
        }
    }

    /// <summary>
    /// Parents lead up to the committee (or a central body) without a cycle, and the committee's children reach every
    /// group exactly once: the walks the directory makes later (subtrees, ancestry) end.
    /// </summary>
    private static void CheckTree(UnitConfig committee, Dictionary<string, UnitConfig> units, List<string> errors)
    {
        foreach (var unit in units.Values)
        {
            var steps = 0;
            for (var at = unit; at.Parent is { } parent; at = units[parent.Id])
            {
                if (++steps > units.Count)
                {
                    errors.Add($"unit '{unit.Unit.Id}': following its parents never reaches the committee (a cycle)");
                    break;
                }
            }
        }
        if (errors.Count > 0) return;

        var seen = new HashSet<string>(StringComparer.Ordinal) { committee.Unit.Id };
        var queue = new Queue<UnitConfig>([committee]);
        while (queue.Count > 0)
        {
            foreach (var child in queue.Dequeue().Children)
            {
                if (!seen.Add(child.Unit.Id))
                {
                    errors.Add($"unit '{child.Unit.Id}': listed as a child more than once (the children form a cycle or a unit has two parents)");
                    return;
                }
                queue.Enqueue(units[child.Unit.Id]);
            }
        }
        foreach (var unit in units.Values)
            if (unit.Unit.Kind.IsGroup() && !seen.Contains(unit.Unit.Id))
                errors.Add($"unit '{unit.Unit.Id}': not under the committee '{committee.Unit.Id}'");
    }

    private static bool SameRef(UnitRef unit, Dictionary<string, UnitConfig> units) =>
        unit.Id is not null && units.TryGetValue(unit.Id, out var found) && found.Unit.Kind == unit.Kind;

    private static void Agents(IReadOnlyList<string> ids, string unit, string role, Dictionary<string, AgentConfig> agents, List<string> errors)
    {
        foreach (var agent in ids)
        {
            if (agent is null || !agents.ContainsKey(agent)) errors.Add($"unit '{unit}': {role} '{agent}' is not an agent of the plan");
        }
    }

    private static bool Id(string? id, string noun, string what, List<string> errors)
    {
        if (id is null) { errors.Add($"{what} has no id"); return false; }
        if (id.Length > MaxIdLength) { errors.Add($"{what} '{id[..40]}…': the id has {id.Length:N0} characters; at most {MaxIdLength} are allowed"); return false; }
        if (IdSyntax.Problem(id, noun) is { } problem) { errors.Add(problem); return false; }
        return true;
    }

    private static bool Text(string? text, string what, List<string> errors)
    {
        if (text is null) return true; // absent is allowed where the file allows it (a member without a function)
        if (text.Length > MaxTextLength) { errors.Add($"{what} has {text.Length:N0} characters; at most {MaxTextLength:N0} are allowed"); return false; }
        if (text.Contains('\0')) { errors.Add($"{what} contains a NUL character"); return false; }
        return true;
    }
}
