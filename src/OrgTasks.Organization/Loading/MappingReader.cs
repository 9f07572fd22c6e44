using YamlDotNet.RepresentationModel;

namespace OrgTasks.Organization.Loading;

/// <summary>
/// Reads the fields of one YAML mapping by name, explicitly, with the line of every value. Opening a mapping
/// reports each key that is not allowed there (with the allowed keys and a guess at the intended one), because
/// a misspelt optional key would otherwise be silently ignored.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, YamlNode> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> keyLines = new(StringComparer.Ordinal);
    private readonly ErrorList errors;

    private MappingReader(YamlMappingNode node, string path, ErrorList errors)
    {
        this.errors = errors;
        Path = path;
        Line = YamlText.Line(node);
    }

    /// <summary>Where the mapping is: <c>groups[2]</c>, <c>committee</c>; empty for the top level.</summary>
    public string Path { get; }

    /// <summary>The line the mapping starts on; missing required keys are reported here.</summary>
    public int Line { get; }

    /// <summary>Opens <paramref name="node"/> as a mapping of <paramref name="what"/>, or records why it is not one.</summary>
    public static MappingReader? Open(YamlNode node, string path, string what, IReadOnlyList<string> allowedKeys, ErrorList errors)
    {
        var field = path.Length == 0 ? YamlText.DocumentField : path;
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(
                YamlText.Line(node),
                field,
                $"expected {what}: a mapping with the keys {Describe.Quoted(allowedKeys)}; found {Nodes.Shape(node)}");
            return null;
        }

        var reader = new MappingReader(mapping, path, errors);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                errors.Add(YamlText.Line(key), field, $"a key must be a plain name; found {Nodes.Shape(key)}");
                continue;
            }

            if (!allowedKeys.Contains(name))
            {
                var guess = Suggestion.Closest(name, allowedKeys);
                var hint = guess is null ? string.Empty : $" (did you mean '{guess}'?)";
                errors.Add(
                    YamlText.Line(key),
                    Describe.Field(path, name),
                    $"unknown key '{name}' in {what}{hint}; allowed keys: {Describe.Quoted(allowedKeys)}");
                continue;
            }

            reader.values[name] = value;
            reader.keyLines[name] = YamlText.Line(key);
        }

        return reader;
    }

    public string FieldOf(string key) => Describe.Field(Path, key);

    /// <summary>The line of the key itself (<c>generate:</c>), or the mapping's line when the key is absent.</summary>
    public int KeyLine(string key) => keyLines.TryGetValue(key, out var line) ? line : Line;

    /// <summary>The value under <paramref name="key"/>, or null when the key is absent or its value is null.</summary>
    public YamlNode? Value(string key) =>
        values.TryGetValue(key, out var node) && !Nodes.IsNull(node) ? node : null;

    /// <summary>A text value. When it is missing and <paramref name="missing"/> is given, that is the error.</summary>
    public Located<string>? Text(string key, string? missing = null)
    {
        var node = Value(key);
        if (node is null)
        {
            if (missing is not null)
            {
                errors.Add(Line, FieldOf(key), missing);
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            errors.Add(YamlText.Line(node), FieldOf(key), $"expected text; found {Nodes.Shape(node)}");
            return null;
        }

        return new Located<string>(scalar.Value ?? string.Empty, YamlText.Line(node), FieldOf(key));
    }

    /// <summary>
    /// A list of text values, in flow (<c>[a, b]</c>) or block style. Absent gives an empty list; a value that is
    /// not a list, or an item that is not text, is an error (and the offending item is left out).
    /// </summary>
    public IReadOnlyList<Located<string>> TextList(string key, string example, string item = "an id")
    {
        var node = Value(key);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            errors.Add(YamlText.Line(node), FieldOf(key), $"must be a list, e.g. {example}; found {Nodes.Shape(node)}");
            return [];
        }

        var items = new List<Located<string>>(sequence.Children.Count);
        for (var index = 0; index < sequence.Children.Count; index++)
        {
            var child = sequence.Children[index];
            var field = Describe.Item(FieldOf(key), index);
            if (child is YamlScalarNode scalar && !Nodes.IsNull(scalar))
            {
                items.Add(new Located<string>(scalar.Value ?? string.Empty, YamlText.Line(child), field));
            }
            else
            {
                errors.Add(YamlText.Line(child), field, $"expected {item}; found {Nodes.Shape(child)}");
            }
        }

        return items;
    }

    /// <summary>One of the YAML spellings of <typeparamref name="T"/>; <paramref name="fallback"/> when absent or wrong.</summary>
    public T Choice<T>(string key, string what, T fallback)
        where T : struct, Enum => ChoiceOrNull<T>(key, what, missing: null) ?? fallback;

    /// <summary>
    /// One of the YAML spellings of <typeparamref name="T"/>, or null when absent (an error if
    /// <paramref name="missing"/> is given) or not one of them (always an error, listing the allowed values).
    /// </summary>
    public T? ChoiceOrNull<T>(string key, string what, string? missing)
        where T : struct, Enum
    {
        var text = Text(key, missing);
        if (text is not { } located)
        {
            return null;
        }

        if (OrgYamlNames.TryParse<T>(located.Value, out var value))
        {
            return value;
        }

        errors.Add(located, $"'{located.Value}' is not a valid {what}; allowed: {string.Join(" | ", OrgYamlNames.AllowedNames<T>())}");
        return null;
    }
}
