using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrgTasks.Organization.Loading;

/// <summary>Parses the file's text into YamlDotNet's representation model, turning syntax faults into errors.</summary>
internal static class YamlText
{
    public const string DocumentField = "(document)";

    /// <summary>The root node of the single document, or null after recording why there is none.</summary>
    public static YamlNode? ReadRoot(string text, ErrorList errors)
    {
        // Depth and alias expansion are checked first, without recursion: building the tree below is recursive.
        if (!YamlGuard.Check(text, errors))
        {
            return null;
        }

        // The scanner is kept so that a parser failure without a position can still be placed on a line.
        var scanner = new Scanner(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException exception)
        {
            errors.Add(Line(exception.Start.Line), DocumentField, $"YAML syntax error: {exception.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16.3 throws this, without a position, when the text ends inside a flow collection or quote.
            errors.Add(
                Line(scanner.CurrentPosition.Line),
                DocumentField,
                "YAML syntax error: the text ends inside an unclosed '[', '{' or quote; look for it at or before this line");
            return null;
        }
        catch (ArgumentException)
        {
            // YamlDotNet 16.3 throws this ("the current event is of an unsupported type") for some damaged documents,
            // for example a key where a value must be; found by OrgFileLimitTests' fuzzing.
            errors.Add(
                Line(scanner.CurrentPosition.Line),
                DocumentField,
                "YAML syntax error: a mapping or a sequence is broken at or before this line (a stray key, bracket or indentation)");
            return null;
        }

        switch (stream.Documents.Count)
        {
            case 0:
                errors.Add(1, DocumentField, "the file is empty: expected a mapping with 'organization', 'committee', 'groups' and 'agents'");
                return null;
            case > 1:
                errors.Add(
                    Line(stream.Documents[1].RootNode.Start.Line),
                    DocumentField,
                    $"the file holds {stream.Documents.Count} YAML documents ('---'); an organization file holds exactly one");
                return null;
            default:
                return stream.Documents[0].RootNode;
        }
    }

    /// <summary>YamlDotNet marks are 1-based longs; a file of more than two billion lines is not an organization file.</summary>
    public static int Line(long line) => (int)Math.Clamp(line, 0, int.MaxValue);

    public static int Line(YamlNode node) => Line(node.Start.Line);
}
