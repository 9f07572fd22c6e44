using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Deploy;

/// <summary>The files under <c>deploy/</c>, read as the tools that consume them would: YAML documents, unit files, lines.</summary>
public static class DeployFiles
{
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "deploy");

    public static string PathOf(string relative) => Path.Combine(Folder, relative);

    /// <summary>
    /// Every YAML document in a file (a Kubernetes file may hold several, separated by <c>---</c>), with merge keys
    /// (<c>&lt;&lt;: *anchor</c>, as compose files use them) resolved the way compose resolves them.
    /// </summary>
    public static IReadOnlyList<YamlMappingNode> Yaml(string relative)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(PathOf(relative)))) stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode)).ToList();
    }

    /// <summary>A <c>[Section]</c> → key → values reading of a systemd unit (a key may repeat).</summary>
    public static Dictionary<string, Dictionary<string, List<string>>> Unit(string relative)
    {
        var sections = new Dictionary<string, Dictionary<string, List<string>>>();
        Dictionary<string, List<string>>? current = null;
        foreach (var raw in File.ReadAllLines(PathOf(relative)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[')) sections[line.Trim('[', ']')] = current = [];
            else
            {
                Assert.NotNull(current);
                var equals = line.IndexOf('=');
                Assert.True(equals > 0, $"{relative}: '{line}' is not KEY=VALUE");
                var key = line[..equals];
                if (!current.TryGetValue(key, out var values)) current[key] = values = [];
                values.Add(line[(equals + 1)..]);
            }
        }
        return sections;
    }
}

/// <summary>Reading paths in YAML: <c>node.At("spec", "template", "metadata")</c>.</summary>
public static class YamlPaths
{
    public static YamlNode At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var child), $"no '{key}' in {string.Join(".", path)}");
            node = child!;
        }
        return node;
    }

    public static YamlNode? Find(this YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string Text(this YamlNode node, params string[] path) => Assert.IsType<YamlScalarNode>(node.At(path)).Value ?? "";

    public static IReadOnlyList<YamlNode> Items(this YamlNode node, params string[] path) =>
        Assert.IsType<YamlSequenceNode>(node.At(path)).Children.ToList();

    public static IReadOnlyList<string> Texts(this YamlNode node, params string[] path) =>
        node.Items(path).Select(i => Assert.IsType<YamlScalarNode>(i).Value ?? "").ToList();

    public static IReadOnlyDictionary<string, string> Map(this YamlNode node, params string[] path) =>
        Assert.IsType<YamlMappingNode>(node.At(path)).Children.ToDictionary(
            c => ((YamlScalarNode)c.Key).Value!, c => (c.Value as YamlScalarNode)?.Value ?? "");
}
