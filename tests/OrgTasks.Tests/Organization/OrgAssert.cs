using OrgTasks.Organization;
using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>Loading inline YAML and asserting on the errors it gives: line, field and the words that matter.</summary>
internal static class OrgAssert
{
    public const string FileName = "test.yaml";

    public static OrgLoadResult Parse(string yaml) => OrgFile.Parse(yaml, FileName);

    /// <summary>The organization, failing with every error listed when the text is not valid.</summary>
    public static OrganizationSpec Valid(string yaml)
    {
        var result = Parse(yaml);
        Assert.True(result.IsValid, "Expected a valid file; got:\n" + string.Join("\n", result.Errors));
        return result.Organization!;
    }

    /// <summary>Exactly one error, on <paramref name="line"/>, for <paramref name="field"/>, containing each fragment.</summary>
    public static OrgError SingleError(string yaml, int line, string field, params string[] fragments)
    {
        var result = Parse(yaml);
        Assert.False(result.IsValid);
        Assert.Null(result.Organization);
        var error = Assert.Single(result.Errors);
        AssertError(error, line, field, fragments);
        return error;
    }

    /// <summary>Among possibly several errors, one on <paramref name="line"/> for <paramref name="field"/> containing each fragment.</summary>
    public static OrgError HasError(OrgLoadResult result, int line, string field, params string[] fragments)
    {
        var match = result.Errors.FirstOrDefault(error =>
            error.Line == line && error.Field == field && fragments.All(fragment => error.Message.Contains(fragment, StringComparison.Ordinal)));
        Assert.True(match is not null, $"No error at line {line} for {field} with [{string.Join("; ", fragments)}]; got:\n" + string.Join("\n", result.Errors));
        return match!;
    }

    private static void AssertError(OrgError error, int line, string field, string[] fragments)
    {
        Assert.Equal(FileName, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }
    }
}
