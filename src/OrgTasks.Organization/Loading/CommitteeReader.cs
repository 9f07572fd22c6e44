using OrgTasks.Organization.Drafts;
using YamlDotNet.RepresentationModel;

namespace OrgTasks.Organization.Loading;

/// <summary>Reads <c>committee</c>.</summary>
internal static class CommitteeReader
{
    private const string Path = "committee";
    private static readonly string[] Keys = ["id", "cooptation", "contact", "members", "executive", "candidates", "routine"];
    private static readonly string[] MemberKeys = ["agent", "function"];

    public static CommitteeDraft? Read(YamlNode node, ErrorList errors)
    {
        var committee = MappingReader.Open(node, Path, "the committee", Keys, errors);
        if (committee is null)
        {
            return null;
        }

        return new CommitteeDraft
        {
            Line = committee.Line,
            Id = committee.Text("id", "is required: the committee's unit id, e.g. 'id: spb'"),
            Cooptation = committee.Choice("cooptation", "cooptation rule", Cooptation.TwoThirds),
            Contact = committee.Text("contact", "is required: the member who alone transmits to the central bodies"),
            Members = ReadMembers(committee.Value("members"), errors),
            Executive = committee.TextList("executive", "[jerjoma, lyadov]"),
            ExecutiveLine = committee.Value("executive") is { } executive ? YamlText.Line(executive) : committee.Line,
            Candidates = committee.TextList("candidates", "[kostya, masha]"),
            Routine = committee.Value("routine") is { } routine ? RoutineReader.Read(routine, errors) : null,
        };
    }

    private static List<MemberDraft> ReadMembers(YamlNode? node, ErrorList errors)
    {
        var members = new List<MemberDraft>();
        foreach (var (item, field) in Sequences.Items(node, $"{Path}.members", "members, each '{ agent: ID, function: TEXT }'", errors))
        {
            var member = MappingReader.Open(item, field, "a committee member ({ agent: ID, function: TEXT })", MemberKeys, errors);
            if (member is null)
            {
                continue;
            }

            var agent = member.Text("agent", "is required: the member's agent id");
            var function = member.Text("function", "is required: every committee member has one function, e.g. 'function: secretary'");
            if (agent is { } id && function is { } what)
            {
                members.Add(new MemberDraft(id, what.Value));
            }
        }

        return members;
    }
}
