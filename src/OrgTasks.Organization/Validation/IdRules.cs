using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Validation;

/// <summary>
/// Ids are well formed and unique across units (committee, central bodies, groups) and agents together:
/// a statement or leaflet addressed by id must never be ambiguous.
/// </summary>
internal static class IdRules
{
    public static OrgIndex Check(OrgDraft draft, ErrorList errors)
    {
        if (draft.Name is { } name && IdSyntax.Problem(name.Value, "name") is { } nameProblem)
        {
            errors.Add(name, nameProblem);
        }

        var index = new OrgIndex(draft.Committee?.Id?.Value);
        var seen = new Dictionary<string, Declaration>(StringComparer.Ordinal);
        foreach (var declaration in Declarations(draft))
        {
            var id = declaration.Id.Value;
            if (IdSyntax.Problem(id) is { } problem)
            {
                // Still indexed below: references to a malformed id should not each report "not declared".
                errors.Add(declaration.Id, problem);
            }

            if (seen.TryGetValue(id, out var first))
            {
                errors.Add(declaration.Id, Clash(first, declaration));
            }
            else
            {
                seen.Add(id, declaration);
            }

            if (declaration.IsAgent)
            {
                index.Agents.TryAdd(id, declaration.Agent!);
            }
            else
            {
                index.Units.TryAdd(id, declaration);
            }
        }

        return index;
    }

    /// <summary>
    /// Written declarations in line order, then generated ones, so that a clash is always reported on the later
    /// line and generated ids never win over written ones.
    /// </summary>
    private static IEnumerable<Declaration> Declarations(OrgDraft draft)
    {
        var written = new List<Declaration>();
        if (draft.Committee?.Id is { } committee)
        {
            written.Add(new Declaration(committee, UnitRole.Committee, false, null, null));
        }

        if (draft.Centre?.CentralCommittee is { } centralCommittee)
        {
            written.Add(new Declaration(centralCommittee, UnitRole.CentralCommittee, false, null, null));
        }

        if (draft.Centre?.CentralOrgan is { } centralOrgan)
        {
            written.Add(new Declaration(centralOrgan, UnitRole.CentralOrgan, false, null, null));
        }

        var generated = new List<Declaration>();
        foreach (var group in draft.Groups)
        {
            if (group.Id is { } id)
            {
                (group.Generated ? generated : written).Add(new Declaration(id, UnitRole.Group, group.Generated, group, null));
            }
        }

        foreach (var agent in draft.Agents)
        {
            if (agent.Id is { } id)
            {
                (agent.Generated ? generated : written).Add(new Declaration(id, null, agent.Generated, null, agent));
            }
        }

        return written.OrderBy(declaration => declaration.Id.Line).Concat(generated);
    }

    private static string Clash(Declaration first, Declaration second)
    {
        var id = second.Id.Value;
        if (second.Generated)
        {
            return $"makes the {second.What} '{id}' (generate is at line {second.Id.Line}), but the {first.What} at line {first.Id.Line} already has that id; "
                + "ids of units and agents must all differ";
        }

        if (first.IsAgent && second.IsAgent)
        {
            return $"duplicate agent id '{id}': declared at {first.Where} and again at line {second.Id.Line}; every agent appears under agents exactly once";
        }

        if (!first.IsAgent && !second.IsAgent)
        {
            return $"duplicate unit id '{id}': the {first.What} at {first.Where} and the {second.What} at line {second.Id.Line} both have it";
        }

        var agent = first.IsAgent ? first : second;
        var unit = first.IsAgent ? second : first;
        return $"'{id}' is both the id of the agent at {agent.Where} and of the {unit.What} at {unit.Where}; an agent id must differ from every unit id";
    }
}
