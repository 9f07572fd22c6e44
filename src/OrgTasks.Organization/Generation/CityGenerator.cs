using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Loading;
using OrgTasks.Organization.Validation;

namespace OrgTasks.Organization.Generation;

/// <summary>
/// Expands <c>generate</c> into districts under the committee, factories under each district and distribution
/// groups under each factory. Every district and factory gets two couriers (contact and alternate) without
/// homes; every distribution group gets its distributors, each with a count of synthetic homes. The generated
/// units then go through the same validation as written ones, which is how a generated id that collides with
/// one in the file is caught.
/// </summary>
internal static class CityGenerator
{
    public static void Expand(OrgDraft draft)
    {
        // Without a sound committee id there is nothing to hang the city on; that fault is reported elsewhere.
        if (draft.Generate is not { } generate || draft.Committee?.Id?.Value is not { } committee || !IdSyntax.IsValid(committee))
        {
            return;
        }

        var spec = generate.Spec;
        var ids = new GeneratedIds(committee, spec);
        var city = new Builder(draft, generate.Line);
        // Agent ids carry the committee's id, so that several generated cities can share one cluster (and one centre).
        var prefix = committee.Replace('/', '-');
        for (var d = 1; d <= spec.Districts; d++)
        {
            var district = ids.District(d);
            var districtId = ids.Unit(district);
            city.Couriers(GroupKind.District, districtId, committee, prefix, district);

            for (var f = 1; f <= spec.FactoriesPerDistrict; f++)
            {
                var factory = ids.Factory(f);
                var factoryId = ids.Unit(district, factory);
                city.Couriers(GroupKind.Factory, factoryId, districtId, prefix, district, factory);

                for (var g = 1; g <= spec.GroupsPerFactory; g++)
                {
                    var group = ids.Group(g);
                    var distributors = new string[spec.AgentsPerGroup];
                    for (var a = 1; a <= spec.AgentsPerGroup; a++)
                    {
                        distributors[a - 1] = GeneratedIds.AgentId(prefix, district, factory, group, ids.Agent(a));
                    }

                    city.Group(GroupKind.Distribution, ids.Unit(district, factory, group), factoryId, distributors, spec.HomesPerAgent);
                }
            }
        }
    }

    /// <summary>Appends generated drafts; all carry the line of <c>generate</c> and the field <c>generate</c>.</summary>
    private sealed class Builder(OrgDraft draft, int line)
    {
        /// <summary>A district or factory run by two couriers, <c>…-c1</c> (contact) and <c>…-c2</c> (alternate).</summary>
        public void Couriers(GroupKind kind, string id, string parent, params string[] labels)
        {
            string[] couriers = [GeneratedIds.AgentId([.. labels, "c1"]), GeneratedIds.AgentId([.. labels, "c2"])];
            Group(kind, id, parent, couriers, homesPerAgent: 0);
        }

        /// <summary>A group whose first agent is the contact and second (if any) the alternate.</summary>
        public void Group(GroupKind kind, string id, string parent, string[] agents, int homesPerAgent)
        {
            var members = new Located<string>[agents.Length];
            for (var i = 0; i < agents.Length; i++)
            {
                members[i] = At(agents[i]);
                draft.Agents.Add(new AgentDraft
                {
                    Field = GenerateDraft.Field,
                    Line = line,
                    Generated = true,
                    Id = members[i],
                    Addresses = [],
                    SyntheticHomes = homesPerAgent,
                });
            }

            draft.Groups.Add(new GroupDraft
            {
                Field = GenerateDraft.Field,
                Line = line,
                Generated = true,
                Id = At(id),
                Kind = kind,
                Parent = At(parent),
                Secrecy = Secrecy.Discreet,
                Affiliation = Affiliation.Member,
                Contact = members[0],
                Alternates = members.Length > 1 ? [members[1]] : [],
                Members = members,
            });
        }

        private Located<string> At(string value) => new(value, line, GenerateDraft.Field);
    }
}
