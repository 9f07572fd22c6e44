using System.Text;

namespace OrgTasks.Organization.Validation;

/// <summary>
/// What an id may look like: letters (any script), digits and <c>. _ - / :</c>, nothing else. Ids become grain
/// keys, file names and parts of synthetic addresses (<c>olya: home 17</c>), so spaces and punctuation that
/// would need quoting are kept out.
/// </summary>
public static class IdSyntax
{
    public const string Rule = "use only letters, digits and '.', '_', '-', '/', ':' (no spaces)";

    public static bool IsValid(string id)
    {
        if (id.Length == 0)
        {
            return false;
        }

        foreach (var rune in id.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune) && rune.Value is not ('.' or '_' or '-' or '/' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why <paramref name="id"/> is not valid, for the error message; null when it is.</summary>
    public static string? Problem(string id, string noun = "id") =>
        id.Length == 0 ? $"the {noun} must not be empty"
        : IsValid(id) ? null
        : $"'{id}' is not a valid {noun}: {Rule}";
}
