using YamlDotNet.RepresentationModel;

namespace OrgTasks.Organization.Loading;

/// <summary>Walks a top-level list such as <c>groups</c> or <c>agents</c>.</summary>
internal static class Sequences
{
    /// <summary>
    /// The items of the list under <paramref name="path"/> with their field paths; nothing when the value is
    /// absent, and an error when it is present but not a list.
    /// </summary>
    public static IEnumerable<(YamlNode Item, string Field)> Items(YamlNode? node, string path, string what, ErrorList errors)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            errors.Add(YamlText.Line(node), path, $"must be a list of {what} ('- ' entries); found {Nodes.Shape(node)}");
            return [];
        }

        return sequence.Children.Select((item, index) => (item, Describe.Item(path, index)));
    }
}
