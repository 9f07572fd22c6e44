using System.Globalization;
using System.Numerics;

namespace OrgTasks.Organization.Loading;

/// <summary>Small wording helpers shared by the messages, so they read alike.</summary>
internal static class Describe
{
    /// <summary>Names a list of words: <c>'a', 'b', 'c'</c>.</summary>
    public static string Quoted(IEnumerable<string> words) => string.Join(", ", words.Select(word => $"'{word}'"));

    /// <summary>Joins a path and a key: <c>groups[2]</c> + <c>contact</c> gives <c>groups[2].contact</c>.</summary>
    public static string Field(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The path of a list item: <c>groups</c> + 2 gives <c>groups[2]</c> (indexes are 0-based).</summary>
    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>A number with thousands separators, culture-independent: 1,008,000.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The same for a number too large for a long (a bound that was overshot by far).</summary>
    public static string Count(BigInteger value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
