using OrgTasks.Organization.Drafts;
using YamlDotNet.RepresentationModel;

namespace OrgTasks.Organization.Loading;

/// <summary>Maps the top level of the file onto an <see cref="OrgDraft"/>, field by field.</summary>
internal static class OrgFileReader
{
    private static readonly string[] Keys = ["organization", "centre", "committee", "groups", "agents", "generate"];

    public static OrgDraft Read(YamlNode root, ErrorList errors)
    {
        var draft = new OrgDraft();
        var top = MappingReader.Open(root, string.Empty, "an organization file", Keys, errors);
        if (top is null)
        {
            return draft;
        }

        draft.Name = top.Text("organization", "is required: a name for this local organization, e.g. 'organization: st-petersburg'");

        if (top.Value("centre") is { } centre)
        {
            draft.Centre = CentreReader.Read(centre, errors);
        }

        if (top.Value("committee") is { } committee)
        {
            draft.Committee = CommitteeReader.Read(committee, errors);
        }
        else
        {
            errors.Add(top.Line, "committee", "is required: the local committee at the head of the organization (id, contact, members)");
        }

        foreach (var (item, field) in Sequences.Items(top.Value("groups"), "groups", "groups", errors))
        {
            if (GroupReader.Read(item, field, errors) is { } group)
            {
                draft.Groups.Add(group);
            }
        }

        foreach (var (item, field) in Sequences.Items(top.Value("agents"), "agents", "agents", errors))
        {
            if (AgentReader.Read(item, field, errors) is { } agent)
            {
                draft.Agents.Add(agent);
            }
        }

        if (top.Value("generate") is { } generate)
        {
            draft.Generate = GenerateReader.Read(generate, top.KeyLine("generate"), errors);
        }

        return draft;
    }
}
