using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrgTasks.Organization.Loading;

/// <summary>Questions about single YAML nodes that every reader asks.</summary>
internal static class Nodes
{
    /// <summary>
    /// An unquoted empty value, <c>~</c> or <c>null</c> means "nothing here", as in YAML's core schema.
    /// A quoted <c>"null"</c> stays text.
    /// </summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>How a node looks, for "expected X, found Y" messages.</summary>
    public static string Shape(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "something else",
    };

    /// <summary>
    /// Reads an unquoted whole number of digits only (<c>42</c>, not <c>"42"</c>, <c>4.2</c>, <c>-1</c> or <c>0x2a</c>).
    /// Returns false for anything else; <paramref name="value"/> saturates at <see cref="long.MaxValue"/>
    /// so that "too large" can be told apart from "not a number".
    /// </summary>
    public static bool TryWholeNumber(YamlNode node, out long value)
    {
        value = 0;
        if (node is not YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { Length: > 0 } text })
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            value = long.MaxValue;
        }

        return true;
    }
}
