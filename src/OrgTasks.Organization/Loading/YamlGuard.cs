using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OrgTasks.Organization.Loading;

/// <summary>
/// Checks the shape of the YAML before anything builds a tree from it: the representation model and the readers walk
/// the document recursively, so a file nested 50,000 levels deep overflowed the stack and killed the process, and a few
/// lines of aliases to aliases could expand into billions of nodes. This pass reads parser events one by one, with
/// no recursion, and stops at the first limit passed, naming its line.
/// </summary>
internal static class YamlGuard
{
    /// <summary>
    /// Deepest nesting of mappings and sequences. An organization file needs about six levels (the file, groups, a
    /// group, its members, a member); 64 leaves room for any layout and keeps every recursive walk shallow.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Most nodes that aliases (<c>*name</c>) may add by repeating an anchored node. The organization file has no need
    /// of aliases at all; a modest allowance keeps a hand-written file that uses them for repeated addresses working.
    /// </summary>
    public const long MaxAliasNodes = 100_000;

    /// <summary>Whether the document stays within the limits; if not, records why at the line where it stopped.</summary>
    public static bool Check(string text, ErrorList errors)
    {
        var parser = new Parser(new StringReader(text));
        // Per open collection: how many nodes it holds so far, counting what its aliases expand to.
        var open = new Stack<(long Nodes, string? Anchor)>();
        var anchored = new Dictionary<string, long>(StringComparer.Ordinal);
        long aliasNodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case MappingStart or SequenceStart:
                        if (open.Count >= MaxDepth)
                        {
                            errors.Add(YamlText.Line(current.Start.Line), YamlText.DocumentField,
                                $"the document is nested more than {MaxDepth} levels deep; an organization file needs about six");
                            return false;
                        }
                        open.Push((1, ((NodeEvent)current).Anchor.IsEmpty ? null : ((NodeEvent)current).Anchor.Value));
                        break;
                    case MappingEnd or SequenceEnd:
                        var (nodes, anchor) = open.Pop();
                        if (anchor is not null) anchored[anchor] = nodes;
                        AddToParent(open, nodes);
                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty) anchored[scalar.Anchor.Value] = 1;
                        AddToParent(open, 1);
                        break;
                    case AnchorAlias alias:
                        var size = anchored.GetValueOrDefault(alias.Value.Value, 1);
                        aliasNodes += size;
                        if (aliasNodes > MaxAliasNodes)
                        {
                            errors.Add(YamlText.Line(current.Start.Line), YamlText.DocumentField,
                                $"aliases ('*{alias.Value.Value}' and those before it) repeat more than {MaxAliasNodes:N0} nodes; write the values out instead");
                            return false;
                        }
                        AddToParent(open, size);
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException or ArgumentException)
        {
            // A syntax fault: the full parse that follows reports it with its position.
            return true;
        }
        return true;
    }

    private static void AddToParent(Stack<(long Nodes, string? Anchor)> open, long nodes)
    {
        if (open.Count == 0) return;
        var (count, anchor) = open.Pop();
        open.Push((count + nodes, anchor));
    }
}
