using OrgTasks.Organization.Drafts;
using YamlDotNet.RepresentationModel;

namespace OrgTasks.Organization.Loading;

/// <summary>Reads one entry of <c>groups</c>.</summary>
internal static class GroupReader
{
    private static readonly string[] Keys = ["id", "kind", "parent", "secrecy", "affiliation", "contact", "alternates", "members", "delivers-through"];

    public static GroupDraft? Read(YamlNode node, string field, ErrorList errors)
    {
        var group = MappingReader.Open(node, field, "a group", Keys, errors);
        if (group is null)
        {
            return null;
        }

        var members = group.TextList("members", "[petya, fedya]");
        switch (group.Value("members"))
        {
            // A value that is not a list, or a list of faulty items, has its own errors already.
            case null:
                errors.Add(group.Line, group.FieldOf("members"), "is required: a group needs at least one member");
                break;
            case YamlSequenceNode { Children.Count: 0 } empty:
                errors.Add(YamlText.Line(empty), group.FieldOf("members"), "is empty: a group needs at least one member");
                break;
        }

        return new GroupDraft
        {
            Field = field,
            Line = group.Line,
            Id = group.Text("id", "is required: the group's unit id, e.g. 'id: spb/narva'"),
            Kind = group.ChoiceOrNull<GroupKind>("kind", "group kind", "is required: what the group does"),
            Parent = group.Text("parent", "is required: the committee or the group this group answers to"),
            Secrecy = group.Choice("secrecy", "degree of secrecy", Secrecy.Discreet),
            Affiliation = group.Choice("affiliation", "affiliation", Affiliation.Member),
            Contact = group.Text("contact", "is required: the one member who transmits upward"),
            Alternates = group.TextList("alternates", "[fedya]"),
            Members = members,
            DeliversThrough = group.TextList("delivers-through", "[spb/narva, spb/vyborg]"),
        };
    }
}
