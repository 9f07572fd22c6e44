using OrgTasks.Organization.Drafts;
using YamlDotNet.RepresentationModel;

namespace OrgTasks.Organization.Loading;

/// <summary>Reads <c>centre</c>: the unit ids of the Central Committee and the Central Organ, both optional.</summary>
internal static class CentreReader
{
    private static readonly string[] Keys = ["central-committee", "central-organ"];

    public static CentreDraft? Read(YamlNode node, ErrorList errors)
    {
        var centre = MappingReader.Open(node, "centre", "the central bodies", Keys, errors);
        return centre is null ? null : new CentreDraft(centre.Text("central-committee"), centre.Text("central-organ"));
    }
}
