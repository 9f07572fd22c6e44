using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Generation;
using YamlDotNet.RepresentationModel;

namespace OrgTasks.Organization.Loading;

/// <summary>Reads one entry of <c>agents</c>; <c>homes</c> is either a list of addresses or a count.</summary>
internal static class AgentReader
{
    private const string HomesShape = "a list of addresses, e.g. [\"Putilovsky 4, barracks 2\"], or a whole number of homes (0 or more)";
    private static readonly string[] Keys = ["id", "homes"];

    public static AgentDraft? Read(YamlNode node, string field, ErrorList errors)
    {
        var agent = MappingReader.Open(node, field, "an agent", Keys, errors);
        if (agent is null)
        {
            return null;
        }

        var id = agent.Text("id", "is required: the agent's id, e.g. 'id: sasha'");
        var homes = agent.Value("homes");
        IReadOnlyList<Located<string>> addresses = [];
        var count = 0;
        if (homes is YamlSequenceNode)
        {
            addresses = agent.TextList("homes", "[\"Narvskaya zastava 12, flat 3\"]", "an address");
        }
        else if (homes is not null)
        {
            count = ReadCount(homes, agent.FieldOf("homes"), errors);
        }

        return new AgentDraft { Field = field, Line = agent.Line, Id = id, Addresses = addresses, SyntheticHomes = count };
    }

    private static int ReadCount(YamlNode homes, string field, ErrorList errors)
    {
        if (!Nodes.TryWholeNumber(homes, out var count))
        {
            errors.Add(YamlText.Line(homes), field, $"must be {HomesShape}; found {Nodes.Shape(homes)}");
            return 0;
        }

        if (count > GenerateLimits.MaxHomesPerAgent)
        {
            errors.Add(
                YamlText.Line(homes),
                field,
                $"{Nodes.Shape(homes)} homes on one route is more than the {Describe.Count(GenerateLimits.MaxHomesPerAgent)} allowed");
            return 0;
        }

        return (int)count;
    }
}
