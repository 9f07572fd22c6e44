using OrgTasks.Organization;
using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>Faults of the file as a whole: syntax, emptiness, the wrong top level, a file that cannot be read.</summary>
[Trait("Category", "Organization")]
public sealed class DocumentShapeTests
{
    [Fact]
    public void YamlSyntaxErrorIsReportedWithItsLine()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
                members: x
            """;

        var error = OrgAssert.SingleError(yaml, 5, "(document)", "YAML syntax error");

        Assert.StartsWith("test.yaml:5: (document): YAML syntax error", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedFlowListAtEndOfFileIsASyntaxErrorNotACrash()
    {
        const string yaml = """
            organization: test
            committee: { id: spb, contact: jerjoma, members: [
            """;

        var result = OrgAssert.Parse(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Equal("(document)", error.Field);
        Assert.Contains("YAML syntax error", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 2, 3);
    }

    [Fact]
    public void DuplicateKeyIsReportedWithItsLine()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              id: spb2
            """;

        OrgAssert.SingleError(yaml, 4, "(document)", "Duplicate key id");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    public void EmptyFileIsAClearError(string yaml)
    {
        OrgAssert.SingleError(yaml, 1, "(document)", "the file is empty", "'organization'", "'committee'");
    }

    [Fact]
    public void TopLevelListIsAnErrorNamingTheExpectedKeys()
    {
        const string yaml = """
            - organization: test
            - committee: spb
            """;

        OrgAssert.SingleError(yaml, 1, "(document)", "expected an organization file", "'organization'", "found a list");
    }

    [Fact]
    public void TopLevelTextIsAnError()
    {
        OrgAssert.SingleError("just some words", 1, "(document)", "expected an organization file", "found 'just some words'");
    }

    [Fact]
    public void SecondYamlDocumentIsAnError()
    {
        const string yaml = """
            organization: one
            ---
            organization: two
            """;

        OrgAssert.SingleError(yaml, 3, "(document)", "2 YAML documents");
    }

    [Fact]
    public void MissingFileIsAnErrorAtLineZeroNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-org-{Guid.NewGuid():N}.yaml");

        var result = OrgFile.Load(path);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(0, error.Line);
        Assert.Equal("(file)", error.Field);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadValidThrowsListingEveryError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"org-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            organization: test
            committee:
              id: spb
              contact: nobody
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma, homes: lots }
            """);
        try
        {
            var exception = Assert.Throws<OrgFileException>(() => OrgFile.LoadValid(path));

            Assert.Equal(2, exception.Errors.Count);
            Assert.Equal(string.Join("\n", exception.Errors), exception.Message);
            Assert.Contains($"{path}:4: committee.contact:", exception.Message, StringComparison.Ordinal);
            Assert.Contains($"{path}:8: agents[0].homes:", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadReadsAValidFileFromDisk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"org-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma }
            """);
        try
        {
            var organization = OrgFile.LoadValid(path);

            Assert.Equal("test", organization.Name);
            Assert.Equal("spb", organization.Committee.Id);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
